package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The members of one guild, compact: parallel primitive arrays (user id, role bits, join time) in join order, with
 * explicit member objects only for members that came from fixtures or events. A generated member's nick is derived
 * from the seed. 1,000 guilds of 1,000 members take about 20 MB.
 */
public final class MemberTable {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final long seed;
  /** Role ids by bit position of {@link #roleBits}. */
  private final long[] roleByBit;
  private long[] ids = new long[8];
  private int[] roleBits = new int[8];
  private long[] joinedMillis = new long[8];
  private int size;
  private final Map<Long, JsonObject> explicit = new HashMap<>();

  public MemberTable(long seed, long[] roleByBit) {
    this.seed = seed;
    this.roleByBit = roleByBit;
  }

  /** Number of members. */
  public int size() {
    return size;
  }

  /** The user id of member {@code i} (join order). */
  public long userId(int i) {
    return ids[i];
  }

  /** Index of a user's membership, or -1. */
  public int indexOf(long userId) {
    for (int i = 0; i < size; i++) {
      if (ids[i] == userId) {
        return i;
      }
    }
    return -1;
  }

  public boolean contains(long userId) {
    return indexOf(userId) >= 0;
  }

  /** Appends a generated member without checking for duplicates (world generation, where ids are unique). */
  public void appendGenerated(long userId, int roleBitMask, long joinedAtMillis) {
    grow();
    ids[size] = userId;
    roleBits[size] = roleBitMask;
    joinedMillis[size] = joinedAtMillis;
    size++;
  }

  /** Adds or replaces a member given as a member object with {@code user} (the user is not kept here). */
  public void putExplicit(JsonObject member) {
    long userId = Snowflakes.parse(member.getJsonObject("user").getString("id"));
    JsonObject m = member.copy();
    m.remove("user");
    m.remove("guild_id");
    if (!contains(userId)) {
      grow();
      ids[size] = userId;
      roleBits[size] = 0;
      joinedMillis[size] = 0;
      size++;
    }
    explicit.put(userId, m);
  }

  /** Merges member fields (nick, roles, ...) into an existing member; returns false if not a member. */
  public boolean update(long userId, JsonObject patch, UserDirectory users) {
    int i = indexOf(userId);
    if (i < 0) {
      return false;
    }
    JsonObject m = render(i, users);
    m.remove("user");
    for (String k : patch.fieldNames()) {
      if (!k.equals("user") && !k.equals("guild_id")) {
        m.put(k, patch.getValue(k));
      }
    }
    explicit.put(userId, m);
    return true;
  }

  /** Removes a member; returns whether it was one. */
  public boolean remove(long userId) {
    int i = indexOf(userId);
    if (i < 0) {
      return false;
    }
    System.arraycopy(ids, i + 1, ids, i, size - i - 1);
    System.arraycopy(roleBits, i + 1, roleBits, i, size - i - 1);
    System.arraycopy(joinedMillis, i + 1, joinedMillis, i, size - i - 1);
    size--;
    explicit.remove(userId);
    return true;
  }

  /** Whether member {@code i} has a role or a nick (GUILD_CREATE's "large guild" rule). */
  public boolean hasRoleOrNick(int i) {
    JsonObject m = explicit.get(ids[i]);
    if (m != null) {
      JsonArray roles = m.getJsonArray("roles");
      return (roles != null && !roles.isEmpty()) || m.getString("nick") != null;
    }
    return roleBits[i] != 0 || Names.nick(seed, ids[i]) != null;
  }

  /** The member object of member {@code i}, with its {@code user}. */
  public JsonObject render(int i, UserDirectory users) {
    long userId = ids[i];
    JsonObject m = explicit.get(userId);
    if (m != null) {
      JsonObject out = new JsonObject().put("user", users.user(userId));
      out.mergeIn(m);
      return out;
    }
    JsonArray roles = new JsonArray();
    for (int b = 0; b < roleByBit.length; b++) {
      if ((roleBits[i] & (1 << b)) != 0) {
        roles.add(Snowflakes.format(roleByBit[b]));
      }
    }
    return new JsonObject()
        .put("user", users.user(userId))
        .put("nick", Names.nick(seed, userId))
        .put("avatar", null)
        .put("banner", null)
        .put("roles", roles)
        .put("joined_at", iso(joinedMillis[i]))
        .put("premium_since", null)
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false)
        .put("communication_disabled_until", null);
  }

  /** Formats Unix millis the way Discord does ({@code 2026-08-06T18:01:00.000000+00:00}). */
  public static String iso(long millis) {
    return ISO.format(Instant.ofEpochMilli(millis));
  }

  private void grow() {
    if (size == ids.length) {
      int n = ids.length * 2;
      ids = Arrays.copyOf(ids, n);
      roleBits = Arrays.copyOf(roleBits, n);
      joinedMillis = Arrays.copyOf(joinedMillis, n);
    }
  }
}
