package dev.cordbus.bench.jmh;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.event.Events;
import dev.cordbus.api.model.Message;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@link TypedDecodeBench} cases measured interleaved, for a machine that other work shares: each round runs
 * every case for {@code n} events back to back, and the figure of a case is its best round after warm-up, so load
 * that comes and goes hits every case alike and the minimum approaches the unloaded cost. Prints one line per case
 * (µs per MESSAGE_CREATE). {@code java -cp bench/target/cordbus-bench.jar dev.cordbus.bench.jmh.TypedDecodeFigures
 * [rounds] [n]}; bounded: {@code rounds} (default 60, at most 1,000) x 4 cases x {@code n} (default 2,000, at most
 * 100,000) events.
 */
public final class TypedDecodeFigures {

  private static final String[] CASES = {"jsonObject (tree + 2 fields)", "typed from the received bytes",
      "typed from an existing tree", "typed, headers only (lazy)"};

  private TypedDecodeFigures() {
  }

  /** Runs the rounds and prints the figures. */
  public static void main(String[] args) {
    int rounds = Math.min(1_000, args.length > 0 ? Integer.parseInt(args[0]) : 60);
    int n = Math.min(100_000, args.length > 1 ? Integer.parseInt(args[1]) : 2_000);
    byte[] bytes = Payloads.messageCreate(1400000000000000000L, 3).encode().getBytes(StandardCharsets.UTF_8);
    JsonObject tree = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    double[] best = new double[CASES.length];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    long sink = 0;
    int warmup = Math.max(1, rounds / 6);
    for (int round = 0; round < rounds; round++) {
      for (int c = 0; c < CASES.length; c++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          sink += run(c, bytes, tree);
        }
        double us = (System.nanoTime() - t0) / 1_000.0 / n;
        if (round >= warmup) {
          best[c] = Math.min(best[c], us);
        }
      }
    }
    System.out.printf(Locale.ROOT, "MESSAGE_CREATE of %d bytes, best of %d rounds x %d events (checksum %d):%n",
        bytes.length, rounds - warmup, n, sink);
    for (int c = 0; c < CASES.length; c++) {
      System.out.printf(Locale.ROOT, "  %-32s %8.3f us/op%n", CASES[c], best[c]);
    }
  }

  private static int run(int c, byte[] bytes, JsonObject tree) {
    switch (c) {
      case 0 -> {
        JsonObject b = DispatchBody.json(bytes, 0, bytes.length);
        return b.getString("content").length() + b.getJsonObject("author").getString("id").length();
      }
      case 1 -> {
        Message m = Events.MESSAGE_CREATE.decode(DispatchBody.json(bytes, 0, bytes.length));
        return m.content().length() + m.author().id().length();
      }
      case 2 -> {
        Message m = Events.MESSAGE_CREATE.decode(tree);
        return m.content().length() + m.author().id().length();
      }
      default -> {
        dev.cordbus.api.event.Event<Message> e = new dev.cordbus.api.event.Event<>(Events.MESSAGE_CREATE,
            io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("shard", "0"), DispatchBody.json(bytes, 0,
            bytes.length));
        return e.shard() + (e.isDecoded() ? 1 : 0);
      }
    }
  }
}
