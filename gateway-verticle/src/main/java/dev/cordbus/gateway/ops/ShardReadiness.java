package dev.cordbus.gateway.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Whether a gateway verticle's shards make its node ready ({@code /health/ready}): every shard READY, or resuming
 * its session (it has one and lost READY less than {@link #RESUME_WINDOW_MS} ago: a resume replays what was missed,
 * so a short reconnect does not take the node out of service). Reads the shards' status JSON. Pure.
 */
public final class ShardReadiness {

  /** How long a shard that holds a resumable session may be away from READY and still count as ready. */
  public static final long RESUME_WINDOW_MS = 30_000;

  private ShardReadiness() {
  }

  /** The shards that are not ready, each {@code {shard, state, reason}}; empty when all are. */
  public static JsonArray notReady(JsonArray shards) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < shards.size(); i++) {
      JsonObject s = shards.getJsonObject(i);
      String state = s.getString("state");
      if ("READY".equals(state)) {
        continue;
      }
      Long away = s.getLong("notReadyForMs");
      boolean resumable = Boolean.TRUE.equals(s.getBoolean("resumable"));
      boolean live = !"FATALLY_CLOSED".equals(state) && !"STOPPED".equals(state);
      if (live && resumable && away != null && away < RESUME_WINDOW_MS) {
        continue;
      }
      out.add(new JsonObject().put("shard", s.getInteger("shard")).put("state", state).put("reason",
          reason(state, resumable, away)));
    }
    return out;
  }

  private static String reason(String state, boolean resumable, Long away) {
    return switch (state) {
      case "FATALLY_CLOSED" -> "fatally closed: it will not reconnect (see the log or discord.shard.error for the "
          + "close code and what to do)";
      case "STOPPED" -> "stopped";
      case "IDENTIFYING" -> "identifying (waiting for the identify queue or READY)";
      default -> resumable ? "not READY for " + away + " ms (longer than the " + RESUME_WINDOW_MS
          + " ms resume window)" : "not READY yet (" + state + ", no session to resume)";
    };
  }
}
