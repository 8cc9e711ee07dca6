package dev.cordbus.cluster;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Arrival order of two addresses' dispatches on one context. */
final class XnodeOrder extends XnodeBotMain.OnLoop {
  final List<String> events;
  /** CPU spent on each dispatch (a slow consumer), in µs; 0 for none. */
  final long spinMicros;
  /** Dispatches that had reached the relay when this verticle started (or was cleared). */
  long arrivedBase;
  /** The most dispatches that had reached this node's relay and not yet this verticle, seen at any arrival. */
  long maxBacklog;
  final long[] seqs = new long[200_000];
  final byte[] kinds = new byte[200_000];
  final String[] sessions = new String[200_000];
  int n;
  long overflow;
  /**
   * {@code seq - i} of each body that carries the writer's index i (the interleaved stream's "interleaved i" contents
   * and 1,700,000,000 + i timestamps): one value when every body is the one sent with its seq.
   */
  final java.util.Set<Long> bodyOffsets = new java.util.HashSet<>();
  /** Bodies that could not be read as the stream's (garbled, or not JSON). */
  long badBodies;
  /** Bodies checked against their seq. */
  long bodiesChecked;

  XnodeOrder(List<String> events, long spinMicros) {
    this.events = events;
    this.spinMicros = spinMicros;
    this.arrivedBase = dev.cordbus.api.dispatch.DispatchRelay.received();
  }

  @Override
  public Future<?> start() {
    List<Future<Void>> all = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      byte kind = (byte) i;
      all.add(vertx.eventBus().consumer(Addresses.dispatch(events.get(i)), m -> record(kind, m)).completion());
    }
    return Future.all(all);
  }

  private void record(byte kind, Message<Object> m) {
    maxBacklog = Math.max(maxBacklog, dev.cordbus.api.dispatch.DispatchRelay.received() - arrivedBase - n);
    if (spinMicros > 0) {
      long until = System.nanoTime() + spinMicros * 1000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }
    if (n == seqs.length) {
      overflow++;
      return;
    }
    seqs[n] = Long.parseLong(m.headers().get(Headers.SEQ));
    sessions[n] = m.headers().get(Headers.SESSION);
    checkBody(seqs[n], m.body());
    kinds[n++] = kind;
  }

  private void checkBody(long seq, Object body) {
    try {
      JsonObject d = (JsonObject) body;
      long i;
      if (d.getValue("content") instanceof String content && content.startsWith("interleaved ")) {
        i = Long.parseLong(content.substring("interleaved ".length()));
      } else if (d.getValue("timestamp") instanceof Number ts && ts.longValue() >= 1_700_000_000L) {
        i = ts.longValue() - 1_700_000_000L;
      } else {
        return;
      }
      bodiesChecked++;
      if (bodyOffsets.size() < 16) {
        bodyOffsets.add(seq - i);
      }
    } catch (RuntimeException e) {
      badBodies++;
    }
  }

  /**
   * {@code n}, per-address counts, {@code reorders} (arrivals whose seq is not above the previous arrival's of the
   * same session, whatever the address), {@code displaced} (arrivals below the highest seq already arrived in their
   * session: how many dispatches came late), the first few reorderings, {@code distinct}, {@code min}, {@code max},
   * {@code missing} (within min..max of the one session), {@code duplicates}, {@code sessions}.
   */
  JsonObject stats() {
    int[] perKind = new int[events.size()];
    long reorders = 0;
    long displaced = 0;
    JsonArray examples = new JsonArray();
    Map<String, Long> last = new HashMap<>();
    Map<String, Long> highest = new HashMap<>();
    Map<String, BitSet> bits = new HashMap<>();
    long duplicates = 0;
    for (int i = 0; i < n; i++) {
      perKind[kinds[i]]++;
      Long previous = last.put(sessions[i], seqs[i]);
      if (previous != null && seqs[i] <= previous) {
        reorders++;
        if (examples.size() < 5) {
          examples.add("#" + i + ": " + events.get(kinds[i]) + " seq " + seqs[i] + " after seq " + previous);
        }
      }
      Long high = highest.merge(sessions[i], seqs[i], Math::max);
      if (high > seqs[i]) {
        displaced++;
      }
      BitSet b = bits.computeIfAbsent(sessions[i], k -> new BitSet());
      if (b.get((int) seqs[i])) {
        duplicates++;
      }
      b.set((int) seqs[i]);
    }
    JsonObject counts = new JsonObject();
    for (int k = 0; k < perKind.length; k++) {
      counts.put(events.get(k), perKind[k]);
    }
    JsonObject out = new JsonObject().put("n", n).put("overflow", overflow).put("counts", counts)
        .put("reorders", reorders).put("displaced", displaced).put("examples", examples)
        .put("duplicates", duplicates)
        .put("bodiesChecked", bodiesChecked).put("bodyOffsets", bodyOffsets.size()).put("badBodies", badBodies)
        .put("sessions", bits.size()).put("maxBacklog", maxBacklog)
        .put("arrived", dev.cordbus.api.dispatch.DispatchRelay.received() - arrivedBase);
    if (bits.size() == 1) {
      BitSet b = bits.values().iterator().next();
      int min = b.nextSetBit(0);
      int max = b.length() - 1;
      out.put("distinct", b.cardinality()).put("min", min).put("max", max)
          .put("missing", max - min + 1 - b.cardinality());
    }
    return out;
  }
}
