package dev.cordbus.gateway.publish;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.impl.clustered.ClusteredEventBus;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Publishes what one gateway verticle's shards receive: dispatches on {@code discord.<t>} (body = {@code d} as a
 * {@link JsonObject}, headers shard/seq/event/guild/session/received-*), every frame on {@code discord.raw}, and the
 * lifecycle messages {@code discord.shard.*} (each with {@code shard, shardCount, group}).
 *
 * <p>On a non-clustered event bus a dispatch body is parsed once and handed to every local consumer by reference
 * ({@link SharedBodyCodec}): treat it as read-only. On a clustered bus Vert.x's JSON codec copies it per local
 * consumer and encodes it once per remote node, as before.
 */
public final class EventPublisher {

  /** Events whose guild is {@code d.id} rather than {@code d.guild_id}. */
  private static final Set<String> GUILD_ID_IS_ID = Set.of("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE");

  private final EventBus bus;
  private final String group;
  private final boolean publishRaw;
  /** Whether dispatch bodies go to local consumers by reference ({@link SharedBodyCodec}); off when clustered. */
  private final boolean sharedBodies;

  public EventPublisher(EventBus bus, String group, boolean publishRaw) {
    this.bus = bus;
    this.group = group;
    this.publishRaw = publishRaw;
    this.sharedBodies = !(bus instanceof ClusteredEventBus);
    if (sharedBodies) {
      SharedBodyCodec.registerOn(bus);
    }
  }

  /** Whether local consumers receive dispatch bodies by reference (the event bus is not clustered). */
  public boolean sharedBodies() {
    return sharedBodies;
  }

  /** The name of the group the messages are tagged with. */
  public String group() {
    return group;
  }

  /** Publishes a dispatch whose {@code d} is an object. */
  public void dispatch(int shard, Frame frame, Map<String, Object> d, String sessionId, long nanos, long millis) {
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(Headers.SHARD, Integer.toString(shard))
        .addHeader(Headers.SEQ, Long.toString(frame.s()))
        .addHeader(Headers.EVENT, frame.t())
        .addHeader(Headers.RECEIVED_NANOS, Long.toString(nanos))
        .addHeader(Headers.RECEIVED_MILLIS, Long.toString(millis));
    String guild = guildOf(frame.t(), d);
    if (guild != null) {
      options.addHeader(Headers.GUILD, guild);
    }
    if (sessionId != null) {
      options.addHeader(Headers.SESSION, sessionId);
    }
    if (sharedBodies) {
      options.setCodecName(SharedBodyCodec.NAME);
    }
    bus.publish(Addresses.dispatch(frame.t()), new JsonObject(d), options);
  }

  /**
   * The guild a dispatch belongs to: {@code d.guild_id}, or {@code d.id} for GUILD_CREATE/UPDATE/DELETE; null if
   * none. Numbers are rendered as decimal strings.
   */
  public static String guildOf(String event, Map<String, Object> d) {
    Object g = d.get("guild_id");
    if (g == null && GUILD_ID_IS_ID.contains(event)) {
      g = d.get("id");
    }
    return g instanceof String || g instanceof Number ? g.toString() : null;
  }

  /** Publishes a frame's text on {@code discord.raw} (if enabled). */
  public void raw(int shard, String text, Integer op, long nanos, long millis) {
    if (!publishRaw) {
      return;
    }
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(Headers.SHARD, Integer.toString(shard))
        .addHeader(Headers.RECEIVED_NANOS, Long.toString(nanos))
        .addHeader(Headers.RECEIVED_MILLIS, Long.toString(millis));
    if (op != null) {
      options.addHeader(Headers.OP, op.toString());
    }
    bus.publish(Addresses.RAW, text, options);
  }

  /** Publishes a lifecycle message on {@code address}, adding {@code shard, shardCount, group}. */
  public void lifecycle(String address, int shard, int shardCount, JsonObject body) {
    body.put("shard", shard).put("shardCount", shardCount).put("group", group);
    bus.publish(address, body, new DeliveryOptions().addHeader(Headers.SHARD, Integer.toString(shard)));
  }

  /** Publishes a group-level message. */
  public void groupReady(JsonObject body) {
    bus.publish(Addresses.GROUP_READY, body.put("group", group));
  }
}
