package dev.cordbus.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.publish.FrameSlabs;
import io.vertx.core.json.JsonObject;

/** Assertions on what the bot node's {@link XnodeOrder} saw, and on the gateway JVM's frame slabs meanwhile. */
final class OrderChecks {

  private OrderChecks() {
  }

  /** Every one of {@code n} dispatches of one session once, in gateway order across addresses, none missing. */
  static void onceInGatewayOrder(JsonObject order, int n) {
    assertEquals(0L, order.getLong("reorders"), "gateway order across addresses: " + order);
    assertEquals(0L, order.getLong("displaced"), "gateway order across addresses: " + order);
    assertEquals(n, order.getInteger("n"), "every dispatch once: " + order);
    assertEquals(0L, order.getLong("duplicates"), order.encode());
    assertEquals(1, order.getInteger("sessions"), order.encode());
    assertEquals(0, order.getInteger("missing"), order.encode());
  }

  /** Each of the {@code n} bodies is the one sent with its seq: none garbled or swapped on the way. */
  static void bodiesIntact(JsonObject order, int n) {
    assertEquals((long) n, order.getLong("bodiesChecked"), "every body read: " + order);
    assertEquals(0L, order.getLong("badBodies"), "no garbled body: " + order);
    assertEquals(1, order.getInteger("bodyOffsets"), "each body is the one sent with its seq: " + order);
  }

  /** The gateway JVM's slab counters at one moment ({@link FrameSlabs}). */
  record Slabs(long frames, long made) {

    static Slabs now() {
      return new Slabs(FrameSlabs.framesCopied(), FrameSlabs.slabsMade());
    }

    /**
     * Asserts that at least {@code n} frames went through the slabs since this moment, in a few reused slabs; returns
     * the figure.
     */
    String reusedFor(int n) {
      long frames = FrameSlabs.framesCopied() - this.frames;
      long made = FrameSlabs.slabsMade() - this.made;
      assertTrue(frames >= n, "the gateway's frames went through its slabs: " + frames);
      assertTrue(made <= 2 * FrameSlabs.RING_SIZE, "the slabs were reused (" + made + " made for " + frames
          + " frames)");
      return String.format("frame slabs meanwhile: %d frames read into slabs, %d slabs made", frames, made);
    }
  }
}
