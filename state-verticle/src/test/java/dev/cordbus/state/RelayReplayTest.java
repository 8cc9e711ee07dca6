package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.dispatch.DispatchBatch;
import dev.cordbus.api.dispatch.DispatchBatchCodec;
import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.dispatch.DispatchFrame;
import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.fixture.Golden;
import dev.cordbus.state.fixture.RawFrames;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state verticle installs the node's dispatch relay: the whole recorded session sent as one gateway batch on
 * {@link Addresses#DISPATCHES} (every {@code d} a slice of one shared array) gives the golden cache.
 */
@ExtendWith(VertxExtension.class)
class RelayReplayTest {

  @Test
  void aGatewayBatchGivesTheGoldenCache(Vertx vertx) throws Exception {
    BusHarness h = new BusHarness(vertx, new JsonObject().put("publishEvents", false));
    RawFrames raw = new RawFrames();
    DispatchBatch batch = new DispatchBatch();
    for (RawFrames.Raw r : raw.frames) {
      Frames.Frame f = r.frame();
      Object guild = f.d().getValue("guild_id");
      batch.add(new DispatchFrame(0, f.seq(), f.event(), guild == null ? null : guild.toString(), f.session(),
          System.nanoTime(), System.currentTimeMillis(), r.array(), r.offset(), r.length()));
    }
    vertx.eventBus().publish(Addresses.dispatches(DispatchRelay.nodeId(vertx)), batch, new DeliveryOptions().setCodecName(DispatchBatchCodec.NAME));
    EventTable table = new EventTable();
    long handled = raw.frames.stream().filter(r -> table.get(r.frame().event()) != null).count();
    // the relay fans out on its own context: wait (bounded) until the verticle applied every handled dispatch
    for (int i = 0; i < 200 && h.sync() != null && h.verticle.applied() < handled; i++) {
      Thread.sleep(25);
    }
    assertEquals(handled, h.verticle.applied());
    assertEquals(0, h.verticle.failed());
    JsonObject expected = new JsonObject(Files.readString(GoldenReplayTest.QUERIES)).getJsonObject("after 79");
    List<String> diff = Golden.diff(expected, new Golden().queries(h), 20);
    assertTrue(diff.isEmpty(), String.join("\n", diff));
  }
}
