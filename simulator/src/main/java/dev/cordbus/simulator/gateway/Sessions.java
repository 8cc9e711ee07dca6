package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Shards;
import dev.cordbus.simulator.core.SimulatorLog;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of sessions by id, and the shard routing of dispatches to them. Event loop only. */
public final class Sessions {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> byId = new LinkedHashMap<>();
  private final int replayEntries;
  private final long replayBytes;
  private final SimulatorLog log;

  public Sessions(int replayEntries, long replayBytes, SimulatorLog log) {
    this.replayEntries = replayEntries;
    this.replayBytes = replayBytes;
    this.log = log;
  }

  /** A new ACTIVE session with a random 32-hex-digit id. */
  public Session create(int shard, int shardCount, int intents, int largeThreshold) {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    Session s = new Session(HexFormat.of().formatHex(b), shard, shardCount, intents, largeThreshold,
        new ReplayBuffer(replayEntries, replayBytes), log);
    byId.put(s.id, s);
    return s;
  }

  public Session get(String id) {
    return id == null ? null : byId.get(id);
  }

  /** Sessions (active or resumable) that receive a dispatch of {@code guildId} (0 = no guild: shard 0). */
  public List<Session> routeTo(long guildId) {
    List<Session> out = new ArrayList<>(2);
    for (Session s : byId.values()) {
      if (s.state() == Session.State.ENDED) {
        continue;
      }
      int target = guildId == 0 ? 0 : Shards.shardOf(guildId, s.shardCount);
      if (target == s.shard) {
        out.add(s);
      }
    }
    return out;
  }

  /** Non-ended sessions of a shard id. */
  public List<Session> ofShard(int shard) {
    List<Session> out = new ArrayList<>();
    for (Session s : byId.values()) {
      if (s.state() != Session.State.ENDED && s.shard == shard) {
        out.add(s);
      }
    }
    return out;
  }

  /** Ends detached sessions past the resume window and forgets ended ones (reported to {@code ended}). */
  public void expire(long nowMs, long windowMs, java.util.function.Consumer<Session> ended) {
    byId.values().removeIf(s -> {
      if (s.state() == Session.State.DETACHED && nowMs - s.detachedAtMillis() > windowMs) {
        s.end();
      }
      if (s.state() == Session.State.ENDED) {
        ended.accept(s);
        return true;
      }
      return false;
    });
  }
}
