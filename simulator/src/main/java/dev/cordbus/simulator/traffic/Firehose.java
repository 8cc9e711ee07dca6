package dev.cordbus.simulator.traffic;

import dev.cordbus.simulator.gateway.GatewayConnection;
import dev.cordbus.simulator.gateway.GatewayHub;
import dev.cordbus.simulator.gateway.RenderedDispatch;
import dev.cordbus.simulator.gateway.Session;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams realistic dispatches at full speed or a given rate: mostly MESSAGE_CREATE of about 1.4 KB (author, member,
 * content, an embed with fields), plus GUILD_MEMBER_UPDATE, PRESENCE_UPDATE and MESSAGE_REACTION_ADD, spread over the
 * world's available guilds. Every dispatch is rendered before the first one is written ({@link FirehoseRenderer}:
 * payload bytes serialised and deflated once, shared); writing one then costs its {@code s}, a copy of its bytes and,
 * under zlib-stream, no deflating ({@code ZlibSplice}). Respects WebSocket back-pressure ({@code writeQueueFull} +
 * drain), so it never buffers without bound. Called on the simulator's event loop, where it writes; the rendering runs
 * on its ordered worker queue (one run rendered at a time).
 */
public final class Firehose {

  private static final Logger LOG = LoggerFactory.getLogger(Firehose.class);

  /** Dispatches written between two yields of the event loop when nothing pushes back. */
  static final int BATCH = 512;

  private final Vertx vertx;
  private final Context context;
  private final GatewayHub hub;
  private final WorldModel world;
  private final FirehoseRenderer renderer;

  public Firehose(Vertx vertx, Context context, GatewayHub hub, WorldModel world) {
    this.vertx = vertx;
    this.context = context;
    this.hub = hub;
    this.world = world;
    this.renderer = new FirehoseRenderer(world);
  }

  /** Sends {@code count} dispatches ({@code perSecond} 0 = full speed); completes with the frames written. */
  public Future<Long> run(int count, int perSecond) {
    List<Long> guilds = new ArrayList<>();
    synchronized (world) {
      for (Long id : world.guildIds()) {
        if (!world.guild(id).unavailable) {
          guilds.add(id);
        }
      }
    }
    if (guilds.isEmpty()) {
      return Future.failedFuture("firehose: the world has no available guild");
    }
    // rendering takes a while for large counts: off the event loop (ordered: one renderer, one run at a time)
    return vertx.executeBlocking(() -> {
      long t0 = System.nanoTime();
      RenderedDispatch[] plan = renderer.render(count, guilds);
      LOG.info("firehose: {} dispatches rendered in {} ms", count, (System.nanoTime() - t0) / 1_000_000);
      return plan;
    }).compose(plan -> {
      Promise<Long> done = Promise.promise();
      new Run(plan, perSecond, done).pump();
      return done.future();
    });
  }

  private final class Run implements BiConsumer<Session, Session.Sent> {
    final RenderedDispatch[] plan;
    final int perSecond;
    final long startedAt = System.currentTimeMillis();
    final Map<Session, Future<Void>> lastWrite = new HashMap<>();
    final Promise<Long> done;
    int sent;
    long written;
    /** A connection whose write queue filled up on the last dispatch, or null. */
    GatewayConnection touched;

    Run(RenderedDispatch[] plan, int perSecond, Promise<Long> done) {
      this.plan = plan;
      this.perSecond = perSecond;
      this.done = done;
    }

    void pump() {
      try {
        pumpUnchecked();
      } catch (RuntimeException e) {
        done.tryFail(e);
      }
    }

    void pumpUnchecked() {
      int batch = 0;
      while (sent < plan.length) {
        if (perSecond > 0) {
          long allowed = (System.currentTimeMillis() - startedAt) * perSecond / 1000 + 1;
          if (sent >= allowed) {
            long wait = Math.max(1, (sent + 1 - allowed) * 1000L / perSecond);
            vertx.setTimer(wait, t -> pump());
            return;
          }
        }
        touched = null;
        hub.route(plan[sent], this);
        plan[sent] = null;
        sent++;
        if (touched != null) {
          touched.whenWritable(() -> context.runOnContext(v -> pump()));
          return;
        }
        if (++batch >= BATCH) {
          context.runOnContext(v -> pump());
          return;
        }
      }
      List<Future<Void>> tails = new ArrayList<>(lastWrite.values());
      Future.join(tails).onComplete(ar -> done.tryComplete(written));
    }

    /** One dispatch handed to one session. */
    @Override
    public void accept(Session s, Session.Sent r) {
      written++;
      lastWrite.put(s, r.written());
      if (s.connection() != null && s.connection().writeQueueFull()) {
        touched = s.connection();
      }
    }
  }
}
