package dev.cordbus.gateway.shard;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.ErrorKinds;
import dev.cordbus.gateway.close.CloseCode;
import dev.cordbus.gateway.close.FatalCloseMessages;
import dev.cordbus.gateway.config.GatewayOptions;
import dev.cordbus.gateway.publish.EventPublisher;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Shard} reports as errors that need a person: a fatal close ({@link ShardAction.GiveUp}) and an
 * IDENTIFY the server keeps refusing ({@link ShardAction.CountIdentifyRejection}), each logged at ERROR and published
 * on {@code discord.shard.error} with what to check. Used on the shard's context.
 */
final class ShardErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ShardErrors.class);

  /** After this many rejected IDENTIFYs in a row, each one is published on {@code discord.shard.error}. */
  static final int IDENTIFY_REJECTIONS_REPORTED = 3;

  private final int id;
  private final int shardCount;
  private final ShardEnv env;
  private final GatewayOptions options;
  private final EventPublisher publisher;
  /** Connections in a row whose IDENTIFY the server refused with a non-fatal code (reset by READY). */
  private int identifyRejections;

  ShardErrors(int id, int shardCount, ShardEnv env) {
    this.id = id;
    this.shardCount = shardCount;
    this.env = env;
    this.options = env.options();
    this.publisher = env.publisher();
  }

  /** A fatal close: the message names what to fix (4014: the privileged intents asked for). */
  void fatal(int code, String reason) {
    CloseCode cc = CloseCode.of(code).orElse(CloseCode.UNKNOWN_ERROR);
    String message = FatalCloseMessages.message(cc, id, shardCount, options.intents(), reason);
    LOG.error(message);
    env.monitor().error(id, message);
    JsonObject body = new JsonObject().put("kind", ErrorKinds.FATAL_CLOSE).put("code", code).put("message", message);
    if (cc == CloseCode.DISALLOWED_INTENTS) {
      body.put("privilegedIntents", FatalCloseMessages.privileged(options.intents()));
    }
    publisher.lifecycle(Addresses.SHARD_ERROR, id, shardCount, body);
    publisher.error(ErrorKinds.FATAL_CLOSE, id, message, null, body);
  }

  /**
   * The server ended a connection that was identifying (a non-fatal close, or op 9 on an IDENTIFY). From the
   * {@value #IDENTIFY_REJECTIONS_REPORTED}th in a row, each rejection is published on {@code discord.shard.error}
   * (kind {@code identify-rejected}) as well as logged, so a gateway that keeps refusing the bot is seen.
   */
  void identifyRejected(int code, String reason) {
    identifyRejections++;
    if (identifyRejections < IDENTIFY_REJECTIONS_REPORTED) {
      return;
    }
    String message = "shard " + id + ": the gateway rejected IDENTIFY " + identifyRejections + " times in a row (last: "
        + code + " '" + reason + "'); still retrying with backoff. Check the token, intents, shard settings and "
        + "the User-Agent (userAgent), or whether the gateway URL points at a Discord-compatible server";
    LOG.error(message);
    JsonObject body = new JsonObject().put("kind", ErrorKinds.IDENTIFY_REJECTED).put("code", code)
        .put("reason", reason).put("attempts", identifyRejections).put("message", message);
    publisher.lifecycle(Addresses.SHARD_ERROR, id, shardCount, body);
    publisher.error(ErrorKinds.IDENTIFY_REJECTED, id, message, null, body);
  }

  /** READY or RESUMED: the rejections in a row are over. */
  void live() {
    identifyRejections = 0;
  }
}
