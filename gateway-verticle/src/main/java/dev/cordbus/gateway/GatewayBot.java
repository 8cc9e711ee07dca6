package dev.cordbus.gateway;

import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.identify.SessionStartLimit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /gateway/bot} (GATEWAY.md §1): the gateway URL, the recommended shard count and the session start
 * limit. A 401 fails with kind AUTH and the message "token rejected by Discord (401): check DISCORD_TOKEN".
 */
final class GatewayBot {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayBot.class);

  /** What {@code /gateway/bot} said. */
  record Info(String url, int shards, SessionStartLimit limit) {
  }

  private final WebClient client;
  private final GatewayOptions options;

  GatewayBot(WebClient client, GatewayOptions options) {
    this.client = client;
    this.options = options;
  }

  Future<Info> fetch() {
    String url = options.restBaseUrl() + "/gateway/bot";
    return client.getAbs(url)
        .putHeader("Authorization", "Bot " + options.token())
        .timeout(options.connectTimeoutMs())
        .send()
        .recover(e -> Future.failedFuture(new GatewayException(GatewayException.Kind.HTTP,
            "GET " + url + " failed: " + e.getMessage(), e)))
        .compose(resp -> {
          if (resp.statusCode() == 401) {
            return Future.failedFuture(new GatewayException(GatewayException.Kind.AUTH,
                "token rejected by Discord (401): check DISCORD_TOKEN"));
          }
          if (resp.statusCode() != 200) {
            return Future.failedFuture(new GatewayException(GatewayException.Kind.HTTP,
                "GET " + url + " answered HTTP " + resp.statusCode(), null, resp.bodyAsString()));
          }
          JsonObject body;
          try {
            body = resp.bodyAsJsonObject();
          } catch (RuntimeException e) {
            return Future.failedFuture(new GatewayException(GatewayException.Kind.HTTP,
                "GET " + url + " did not return a JSON object", e));
          }
          String gateway = body == null ? null : body.getString("url");
          if (gateway == null && options.gatewayUrl() == null) {
            return Future.failedFuture(new GatewayException(GatewayException.Kind.HTTP,
                "GET " + url + " returned no 'url'"));
          }
          Info info = new Info(gateway, Math.max(1, body.getInteger("shards", 1)),
              SessionStartLimit.fromJson(body.getJsonObject("session_start_limit")));
          LOG.debug("/gateway/bot: url {}, shards {}, {}", info.url(), info.shards(), info.limit());
          return Future.succeededFuture(info);
        })
        .recover(e -> fallback(url, e));
  }

  /** Without /gateway/bot, go on only when both the URL and the shard count were configured. */
  private Future<Info> fallback(String url, Throwable e) {
    if (e instanceof GatewayException g && g.kind() == GatewayException.Kind.AUTH) {
      return Future.failedFuture(e);
    }
    if (options.gatewayUrl() != null && options.shardCount() != null) {
      LOG.warn("{}; using the configured gatewayUrl and shardCount with default session start limits",
          e.getMessage());
      return Future.succeededFuture(new Info(options.gatewayUrl(), options.shardCount(), SessionStartLimit.DEFAULT));
    }
    return Future.failedFuture(e);
  }
}
