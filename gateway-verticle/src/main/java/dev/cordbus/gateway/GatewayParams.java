package dev.cordbus.gateway;

import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.identify.IdentifyQueue;
import dev.cordbus.gateway.identify.SessionBudget;
import dev.cordbus.gateway.identify.SessionStartLimit;
import dev.cordbus.gateway.publish.ErrorPublisher;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a gateway verticle learnt from {@code GET /gateway/bot} (disnake's GatewayParams and SessionStartLimit): the
 * URL in use, the shard count in use and the session start limit, with when it was read. Answers the {@code gateway}
 * part of {@code discord.gateway.status} and reports a budget too low for a group on {@code discord.error}.
 */
final class GatewayParams {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayParams.class);

  private final String url;
  private final int shards;
  private final SessionStartLimit limit;
  private final long readAtMs;

  GatewayParams(String url, int shards, SessionStartLimit limit, long readAtMs) {
    this.url = url;
    this.shards = shards;
    this.limit = limit;
    this.readAtMs = readAtMs;
  }

  /**
   * {@code {url, shards, session_start_limit:{total, remaining, reset_after, max_concurrency}}}: {@code remaining} as
   * {@code queue} counts it now (when it knows), {@code reset_after} counted down from the read.
   */
  JsonObject toJson(IdentifyQueue queue) {
    int remaining = queue != null && queue.remaining() >= 0 ? queue.remaining() : limit.remaining();
    long resetAfter = Math.max(0, readAtMs + limit.resetAfterMs() - System.currentTimeMillis());
    return new JsonObject().put("url", url).put("shards", shards).put("session_start_limit",
        new JsonObject().put("total", limit.total()).put("remaining", Math.max(0, remaining))
            .put("reset_after", resetAfter).put("max_concurrency", limit.maxConcurrency()));
  }

  /** Publishes a {@code session-budget} error when the budget cannot start {@code needed} shards of group now. */
  void checkBudget(ErrorPublisher errors, String group, int needed) {
    String message = SessionBudget.check(limit, needed, group);
    if (message != null) {
      LOG.warn(message);
      errors.publish(ErrorKinds.SESSION_BUDGET, null, message, null, new JsonObject().put("needed", needed)
          .put("remaining", limit.remaining()).put("total", limit.total()).put("resetAfterMs", limit.resetAfterMs()));
    }
  }
}
