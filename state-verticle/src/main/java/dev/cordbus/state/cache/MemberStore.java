package dev.cordbus.state.cache;

import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.Interner;
import io.vertx.core.json.JsonObject;

/**
 * Guild members (in their {@link GuildEntry}), each referring to its shared {@link UserEntry}, and which of them the
 * policy keeps. Updates return the member or the removed one.
 */
public final class MemberStore {

  private final CachePolicy policy;
  private final UserStore users;
  private final Interner strings;

  /** Members under {@code policy}, sharing users through {@code users}. */
  public MemberStore(CachePolicy policy, UserStore users, Interner strings) {
    this.policy = policy;
    this.users = users;
    this.strings = strings;
  }

  /** Whether the policy keeps this user's member object in this guild. */
  public boolean keeps(GuildEntry g, long userId) {
    if (!policy.wants(ResourceType.MEMBER)) {
      return users.isSelf(userId);
    }
    PresenceEntry p = g.presences.get(userId);
    boolean online = p != null && p.status() != PresenceEntry.Status.OFFLINE;
    return policy.memberPolicy().keep(users.isSelf(userId), online, g.voiceStates.containsKey(userId));
  }

  /**
   * Upserts a member from a member object ({@code user} inside or given separately); merges present keys into an
   * existing member. Returns the member, or null when the policy drops it or the user has no id.
   */
  public MemberEntry put(GuildEntry g, JsonObject member, JsonObject user) {
    JsonObject u = user != null ? user : member.getJsonObject("user");
    if (Ids.get(u, "id") == 0) {
      return null;
    }
    return put(g, MemberPatch.of(member), UserPatch.of(u));
  }

  /** {@link #put(GuildEntry, JsonObject, JsonObject)} from patches; {@code user} null means the member's own. */
  public MemberEntry put(GuildEntry g, MemberPatch member, UserPatch user) {
    UserPatch u = user != null ? user : member.user;
    long userId = u == null ? 0 : u.id;
    if (userId == 0) {
      return null;
    }
    MemberEntry m = g.members.get(userId);
    if (m == null) {
      if (!keeps(g, userId)) {
        users.update(u);
        return null;
      }
      m = new MemberEntry(users.acquire(u));
      g.members.put(m);
    } else {
      users.update(u);
    }
    m.apply(member, strings);
    return m;
  }

  /** Removes a member (and releases its user); returns it or null. */
  public MemberEntry remove(GuildEntry g, long userId) {
    MemberEntry m = g.members.remove(userId);
    if (m != null) {
      users.release(m.user);
    }
    return m;
  }

  /** Removes every member of a guild. */
  public void clear(GuildEntry g) {
    g.members.forEachValue(m -> users.release(m.user));
    g.members.clear();
  }

  /** The presence of a member as JSON, an offline one when the member is cached without presence, else null. */
  public static JsonObject presenceJson(GuildEntry g, long uid) {
    PresenceEntry p = presence(g, uid);
    return p == null ? null : p.toJson(uid, g.id);
  }

  /**
   * The presence of a member ({@link PresenceEntry#OFFLINE} when the member is cached without presence), else null.
   * Presences are immutable: it is a snapshot.
   */
  public static PresenceEntry presence(GuildEntry g, long uid) {
    PresenceEntry p = g.presences.get(uid);
    if (p != null) {
      return p;
    }
    return g.members.containsKey(uid) ? PresenceEntry.OFFLINE : null;
  }
}
