package dev.cordbus.cluster;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.api.dispatch.DispatchRelay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A bot node for {@code CrossNodeDispatchTest}: a clustered Vert.x (no gateway) whose consumers record what the
 * dispatch addresses deliver, driven over stdin; answers are single stdout lines.
 *
 * <ul>
 *   <li>{@code reporters A1,A2,..}: three {@link Reporter}s (three verticles on three distinct event loops), each
 *   consuming every listed address; prints {@code REPORTERS-READY <threads>}.
 *   {@code counts} prints {@code COUNTS [n0,n1,n2]}; {@code dump} prints one {@code SEEN <json>} per record of every
 *   reporter, then {@code DUMP-END}; {@code reporters-stop} undeploys them ({@code REPORTERS-STOPPED}).</li>
 *   <li>{@code order-start E1,E2 [µs]}: one {@link XnodeOrder} verticle consuming both addresses on one context (so arrival
 *   order across the addresses is observable), fresh registrations, spending {@code µs} of CPU on each dispatch when
 *   given (a slow consumer; its stats then say how far behind the relay it fell: {@code maxBacklog}); prints
 *   {@code ORDER-READY}. {@code order-stop}
 *   undeploys it ({@code ORDER-STOPPED}); {@code order-clear} forgets what it recorded, keeping the registrations
 *   ({@code ORDER-CLEARED}); {@code order} prints {@code ORDER <json>}.</li>
 *   <li>{@code --late E1,E2,..} as program arguments: right after joining the cluster a {@link Late} verticle installs
 *   the relay and consumes the listed addresses; prints {@code REGISTERED <nanoTime>} once every registration
 *   completed. {@code late} prints {@code LATE <json>}.</li>
 *   <li>{@code quit}.</li>
 * </ul>
 *
 * <p>Prints {@code NODE-READY} once clustered with the relay installed (and, with {@code --late}, after
 * {@code REGISTERED}).
 */
public final class XnodeBotMain {

  private XnodeBotMain() {
  }

  /** A verticle whose context the command loop runs things on. */
  abstract static class OnLoop extends VerticleBase {
    Context ctx() {
      return context;
    }
  }

  /** One record per delivered dispatch, with the body as JSON text (the consumer reads the body). */
  static final class Reporter extends OnLoop {
    final int index;
    final List<String> addresses;
    final List<JsonObject> seen = new ArrayList<>();

    Reporter(int index, List<String> addresses) {
      this.index = index;
      this.addresses = addresses;
    }

    @Override
    public Future<?> start() {
      List<Future<Void>> all = new ArrayList<>();
      for (String address : addresses) {
        all.add(vertx.eventBus().<JsonObject>consumer(address, m -> record(address, m)).completion());
      }
      return Future.all(all);
    }

    private void record(String address, Message<JsonObject> m) {
      JsonObject body = m.body();
      seen.add(new JsonObject().put("consumer", index).put("address", address)
          .put("event", m.headers().get(Headers.EVENT)).put("shard", m.headers().get(Headers.SHARD))
          .put("seq", m.headers().get(Headers.SEQ)).put("session", m.headers().get(Headers.SESSION))
          .put("guild", m.headers().get(Headers.GUILD))
          .put("shared", DispatchBody.of(body) != null)
          .put("bodyId", System.identityHashCode(body == null ? null : body.getMap()))
          .put("thread", Thread.currentThread().getName())
          .put("body", body == null ? null : body.encode()));
    }
  }

  /** A late joiner: when its registrations completed, and what arrived from then on. */
  static final class Late extends OnLoop {
    final List<String> events;
    long registeredNanos;
    long firstArrivalNanos;
    long firstReadNanos;
    long firstSeq = -1;
    String session;
    final BitSet seqs = new BitSet();
    long received;
    long duplicates;
    long otherSessions;
    long outOfOrder;
    long lastSeq = -1;

    Late(List<String> events) {
      this.events = events;
    }

    @Override
    public Future<?> start() {
      List<Future<Void>> all = new ArrayList<>();
      all.add(DispatchRelay.install(vertx));
      for (String e : events) {
        all.add(vertx.eventBus().consumer(Addresses.dispatch(e), this::record).completion());
      }
      return Future.all(all).onSuccess(v -> registeredNanos = System.nanoTime());
    }

    private void record(Message<Object> m) {
      long now = System.nanoTime();
      received++;
      long seq = Long.parseLong(m.headers().get(Headers.SEQ));
      String s = m.headers().get(Headers.SESSION);
      if (firstSeq < 0) {
        firstSeq = seq;
        session = s;
        firstArrivalNanos = now;
        firstReadNanos = Long.parseLong(m.headers().get(Headers.RECEIVED_NANOS));
      }
      if (!s.equals(session)) {
        otherSessions++;
        return;
      }
      if (seq <= lastSeq) {
        outOfOrder++;
      }
      lastSeq = seq;
      if (seqs.get((int) seq)) {
        duplicates++;
      }
      seqs.set((int) seq);
    }

    JsonObject stats() {
      JsonObject out = new JsonObject().put("registeredNanos", registeredNanos).put("received", received)
          .put("duplicates", duplicates).put("otherSessions", otherSessions).put("outOfOrder", outOfOrder);
      if (firstSeq >= 0) {
        int max = seqs.length() - 1;
        out.put("firstSeq", firstSeq).put("session", session).put("firstArrivalNanos", firstArrivalNanos)
            .put("firstReadNanos", firstReadNanos).put("max", max).put("distinct", seqs.cardinality())
            .put("missing", max - firstSeq + 1 - seqs.cardinality());
      }
      return out;
    }
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.builder()
        // five event loops: room for the three reporters on loops of their own next to the relay and the order verticle
        .with(new VertxOptions().setEventLoopPoolSize(5)
            .setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager())
        .buildClustered().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    Late late = null;
    if (args.length == 2 && args[0].equals("--late")) {
      late = new Late(Arrays.asList(args[1].split(",")));
      get(vertx.deployVerticle(late));
      Late l = late;
      System.out.println("REGISTERED " + onLoop(l.ctx(), () -> l.registeredNanos));
    }
    get(DispatchRelay.install(vertx));
    System.out.println("NODE-READY");
    System.out.flush();
    List<Reporter> reporters = new CopyOnWriteArrayList<>();
    List<String> reporterIds = new ArrayList<>();
    XnodeOrder order = null;
    String orderId = null;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.trim().split(" ", 2);
      switch (cmd[0]) {
        case "reporters" -> {
          List<String> addresses = Arrays.asList(cmd[1].split(","));
          List<String> threads = new ArrayList<>();
          // one verticle at a time, each on an event loop none of the others uses (Vert.x hands loops out round
          // robin, other contexts included, so a loop already taken is skipped by deploying again, boundedly)
          for (int attempt = 0; attempt < 12 && reporters.size() < 3; attempt++) {
            Reporter r = new Reporter(reporters.size(), addresses);
            String id = get(vertx.deployVerticle(r));
            String thread = onLoop(r.ctx(), () -> Thread.currentThread().getName());
            if (threads.contains(thread)) {
              get(vertx.undeploy(id));
            } else {
              threads.add(thread);
              reporters.add(r);
              reporterIds.add(id);
            }
          }
          System.out.println("REPORTERS-READY " + String.join(",", threads));
        }
        case "reporters-stop" -> {
          for (String id : reporterIds) {
            get(vertx.undeploy(id));
          }
          reporterIds.clear();
          reporters.clear();
          System.out.println("REPORTERS-STOPPED");
        }
        case "counts" -> {
          JsonArray counts = new JsonArray();
          for (Reporter r : reporters) {
            counts.add(onLoop(r.ctx(), r.seen::size));
          }
          System.out.println("COUNTS " + counts.encode());
        }
        case "dump" -> {
          for (Reporter r : reporters) {
            for (JsonObject s : onLoop(r.ctx(), () -> List.copyOf(r.seen))) {
              System.out.println("SEEN " + s.encode());
            }
          }
          System.out.println("DUMP-END");
        }
        case "order-start" -> {
          String[] spec = cmd[1].split(" ");
          order = new XnodeOrder(Arrays.asList(spec[0].split(",")), spec.length > 1 ? Long.parseLong(spec[1]) : 0);
          orderId = get(vertx.deployVerticle(order));
          System.out.println("ORDER-READY");
        }
        case "order-stop" -> {
          if (orderId != null) {
            get(vertx.undeploy(orderId));
            orderId = null;
          }
          System.out.println("ORDER-STOPPED");
        }
        case "order-clear" -> {
          XnodeOrder o = order;
          onLoop(o.ctx(), () -> {
            o.n = 0;
            o.overflow = 0;
            o.maxBacklog = 0;
            o.arrivedBase = DispatchRelay.received();
            return null;
          });
          System.out.println("ORDER-CLEARED");
        }
        case "order" -> {
          XnodeOrder o = order;
          System.out.println("ORDER " + onLoop(o.ctx(), o::stats).encode());
        }
        case "late" -> {
          Late l = late;
          System.out.println("LATE " + onLoop(l.ctx(), l::stats).encode());
        }
        case "quit" -> {
          get(vertx.close());
          System.out.println("BYE");
          System.out.flush();
          System.exit(0);
        }
        default -> System.out.println("UNKNOWN " + line);
      }
      System.out.flush();
    }
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Runs {@code action} on {@code ctx} and waits. */
  private static <T> T onLoop(Context ctx, Callable<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    ctx.runOnContext(v -> {
      try {
        f.complete(action.call());
      } catch (Exception e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(20, TimeUnit.SECONDS);
  }
}
