package dev.cordbus.state.cache;

import java.util.HashSet;
import java.util.Set;

/** What the cache knows of one shard's current gateway session. */
public final class ShardSession {

  /** Shard id. */
  public final int shard;
  /** Session id of the last READY, or null before any. */
  public String sessionId;
  /** Shard count from READY's {@code shard} array (1 when the client did not shard). */
  public int shardCount = 1;
  /** Guild ids listed in the current session's READY (for "available" vs "joined"). */
  public final Set<Long> readyGuilds = new HashSet<>();
  /** READY guilds not yet arrived (GUILD_CREATE) nor reported down; SHARD_CACHE_READY fires when empty. */
  public final Set<Long> pending = new HashSet<>();

  /** A shard with no session yet. */
  public ShardSession(int shard) {
    this.shard = shard;
  }
}
