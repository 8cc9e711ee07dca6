package dev.cordbus.gateway.cluster;

import dev.cordbus.gateway.shard.Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shard sessions kept in the cluster (a Vert.x cluster map on Hazelcast, with Hazelcast's backups): per shard of a
 * shard count, {@code {sessionId, seq, resumeUrl}}. The node that takes over a group reads them and RESUMEs. Values
 * are JSON strings.
 */
public final class SessionStore {

  /** The cluster map holding the sessions. */
  public static final String MAP = "cordbus.gateway.sessions";
  private static final long OP_TIMEOUT_MS = 10_000;

  /**
   * A stored session.
   *
   * @param session the session id and resume URL
   * @param seq the seq to resume from
   */
  public record Stored(Session session, long seq) {
  }

  private final Future<AsyncMap<String, String>> map;
  private final int shardCount;

  public SessionStore(Vertx vertx, int shardCount) {
    this.map = vertx.sharedData().getAsyncMap(MAP);
    this.shardCount = shardCount;
  }

  private String key(int shard) {
    return shard + "/" + shardCount;
  }

  /** The stored sessions of {@code shards} (absent ones are left out). */
  public Future<Map<Integer, Stored>> load(List<Integer> shards) {
    return map.compose(m -> {
      List<Future<String>> gets = new ArrayList<>();
      for (int id : shards) {
        gets.add(m.get(key(id)));
      }
      return Future.all(gets).map(all -> {
        Map<Integer, Stored> out = new HashMap<>();
        for (int i = 0; i < shards.size(); i++) {
          Stored s = decode(all.resultAt(i));
          if (s != null) {
            out.put(shards.get(i), s);
          }
        }
        return out;
      });
    }).timeout(OP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** Writes (or, for a null session, removes) the session of {@code shard}. */
  public Future<Void> save(int shard, Session session, long seq) {
    return map.compose(m -> session == null ? m.remove(key(shard)).mapEmpty()
        : m.put(key(shard), new JsonObject().put("sessionId", session.id()).put("seq", seq)
            .put("resumeUrl", session.resumeUrl()).encode()))
        .timeout(OP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  static Stored decode(String s) {
    if (s == null) {
      return null;
    }
    try {
      JsonObject j = new JsonObject(s);
      String id = j.getString("sessionId");
      return id == null ? null : new Stored(new Session(id, j.getString("resumeUrl")), j.getLong("seq", -1L));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
