package dev.cordbus.cluster;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * What the gateway did before dispatches went out as batches through the relay: each dispatch's {@code d} parsed
 * into a {@code JsonObject} and published on its own {@code discord.<EVENT>} address, clustered, from one event loop,
 * with the dispatch headers. Streams {@code count} dispatches alternating MESSAGE_CREATE (odd seqs) and TYPING_START
 * (even seqs), paced at {@code rate} per second in ticks of 5 ms; {@link #done} completes after the last publish.
 */
final class OldPathPublisher extends VerticleBase {

  final Promise<Void> done = Promise.promise();
  private final String session;
  private final int count;
  private final double rate;
  private long started;
  private int sent;

  OldPathPublisher(String session, int count, double rate) {
    this.session = session;
    this.count = count;
    this.rate = rate;
  }

  @Override
  public Future<?> start() {
    started = System.nanoTime();
    vertx.setPeriodic(5, id -> {
      long due = Math.min(count, (long) ((System.nanoTime() - started) / 1e9 * rate) + 1);
      while (sent < due) {
        publish(++sent);
      }
      if (sent == count) {
        vertx.cancelTimer(id);
        done.tryComplete();
      }
    });
    return Future.succeededFuture();
  }

  private void publish(long seq) {
    boolean message = seq % 2 == 1;
    String t = message ? "MESSAGE_CREATE" : "TYPING_START";
    String d = message
        ? "{\"id\":\"" + (1_000_000_000_000_000L + seq) + "\",\"channel_id\":\"2\",\"guild_id\":\"1\","
            + "\"content\":\"interleaved " + seq + "\",\"author\":{\"id\":\"3\",\"username\":\"u\"}}"
        : "{\"channel_id\":\"2\",\"guild_id\":\"1\",\"user_id\":\"3\",\"timestamp\":" + seq + "}";
    vertx.eventBus().publish(Addresses.dispatch(t), new JsonObject(Buffer.buffer(d)), new DeliveryOptions()
        .addHeader(Headers.SHARD, "0").addHeader(Headers.SEQ, Long.toString(seq)).addHeader(Headers.EVENT, t)
        .addHeader(Headers.GUILD, "1").addHeader(Headers.SESSION, session));
  }
}
