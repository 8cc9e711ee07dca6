package dev.cordbus.state.cache;

import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.IdMap;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.LongMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One cached guild: its top-level fields as a JSON blob and its children in id-keyed maps. Channels, roles,
 * scheduled events, stage instances and sounds are opaque JSON blobs; members, presences and voice states are
 * compact typed entries keyed by user id.
 */
public final class GuildEntry {

  /** Where the guild stands. */
  public enum Status {
    /** Listed in READY (or down in an outage): only the id is known to be current. */
    UNAVAILABLE,
    /** Loaded by GUILD_CREATE in the current session. */
    AVAILABLE,
    /** Loaded in a previous session; kept until the new session's GUILD_CREATE replaces it. */
    STALE
  }

  /** Keys of GUILD_CREATE that are children, not top-level fields. */
  public static final Set<String> CHILD_KEYS = Set.of("channels", "threads", "members", "presences", "voice_states",
      "roles", "emojis", "stickers", "stage_instances", "guild_scheduled_events", "soundboard_sounds",
      "member_count", "unavailable");

  /** Snowflake. */
  public final long id;
  /** Shard the guild's dispatches arrive on. */
  public int shard;
  /** Availability. */
  public Status status = Status.UNAVAILABLE;
  /** Top-level fields (name, icon, owner_id, ...), JSON bytes; null while never loaded. */
  public byte[] meta;
  /** {@code member_count}, kept up to date by member add/remove. */
  public int memberCount;
  /** Channel id → channel JSON (with {@code guild_id}). */
  public final LongMap<byte[]> channels = new LongMap<>();
  /** Thread id → thread. */
  public final LongMap<ThreadEntry> threads = new LongMap<>();
  /** Role id → role JSON. */
  public final LongMap<byte[]> roles = new LongMap<>();
  /** User id → member. */
  public final IdMap<MemberEntry> members = new IdMap<>(m -> m.user.id);
  /** User id → presence. */
  public final LongMap<PresenceEntry> presences = new LongMap<>();
  /** User id → voice state. */
  public final LongMap<VoiceStateEntry> voiceStates = new LongMap<>();
  /** Scheduled event id → JSON. */
  public final LongMap<byte[]> scheduledEvents = new LongMap<>();
  /** Stage instance id → JSON. */
  public final LongMap<byte[]> stageInstances = new LongMap<>();
  /** Sound id → JSON. */
  public final LongMap<byte[]> sounds = new LongMap<>();
  /** The emoji list, JSON array bytes (null = none). */
  public byte[] emojis;
  /** The sticker list, JSON array bytes (null = none). */
  public byte[] stickers;

  /** A new, unavailable guild. */
  public GuildEntry(long id, int shard) {
    this.id = id;
    this.shard = shard;
  }

  /** Whether the guild has data (available or stale). */
  public boolean loaded() {
    return status != Status.UNAVAILABLE && meta != null;
  }

  /** The roles sorted by position then id. */
  public JsonArray rolesJson() {
    List<JsonObject> list = new java.util.ArrayList<>();
    roles.forEachValue(b -> list.add(Blob.object(b)));
    list.sort(Comparator.<JsonObject>comparingInt(r -> r.getInteger("position", 0))
        .thenComparingLong(r -> Ids.get(r, "id")));
    return new JsonArray(new java.util.ArrayList<>(list));
  }

  /**
   * The guild object: top-level fields, roles, emojis, stickers, {@code member_count} and {@code unavailable}
   * (members, channels and other children have their own queries).
   */
  public JsonObject toJson() {
    JsonObject o = meta == null ? new JsonObject() : Blob.object(meta);
    o.put("id", Ids.str(id));
    if (status == Status.UNAVAILABLE) {
      o.put("unavailable", true);
      return o;
    }
    o.put("roles", rolesJson())
        .put("emojis", Blob.array(emojis))
        .put("stickers", Blob.array(stickers))
        .put("member_count", memberCount)
        .put("unavailable", false);
    return o;
  }

  /** A short summary {@code {id, name, unavailable, member_count, shard}}. */
  public JsonObject summary() {
    JsonObject m = meta == null ? null : Blob.object(meta);
    return new JsonObject()
        .put("id", Ids.str(id))
        .put("name", m == null ? null : m.getString("name"))
        .put("unavailable", status == Status.UNAVAILABLE)
        .put("member_count", memberCount)
        .put("shard", shard);
  }
}
