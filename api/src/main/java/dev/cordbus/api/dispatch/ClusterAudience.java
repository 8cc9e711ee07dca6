package dev.cordbus.api.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.Shareable;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which addresses no node of the cluster consumes, known without asking the cluster on every publish.
 *
 * <p>Why: Vert.x's node selector remembers the nodes of an address only while it has some. A clustered publish to an
 * address nobody consumes therefore looks the address up again every time: a hop to a worker thread and a Hazelcast
 * call, often to the other node. The state verticle publishes an event for almost every dispatch, and in a
 * deployment where nobody listens to them (the common case) that lookup was most of the bot node's work.
 *
 * <p>How: the first time an address is asked about, one lookup ({@link ClusterManager#getRegistrations}) runs in
 * the background and the answer is "publish". If it finds no registration, the address is remembered as heard by
 * nobody until Hazelcast reports a change to that address in Vert.x's subscription map: any registration or removal
 * makes it unknown again, and the next question looks it up again. A lookup overtaken by such a change is not
 * believed. These are the entry events that keep Vert.x's own cache of consumed addresses current, so a consumer
 * that registers on another node starts receiving after the same short delay (the event's trip, a few ms on a LAN)
 * as it would if the address had had a consumer somewhere before.
 *
 * <p>Only with the Hazelcast cluster manager, and only when its subscription map can be reached (read from the
 * cluster manager, so it is the map Vert.x uses): otherwise, and until the watch is registered, every answer is
 * "publish", as without this class. At most {@value #MAX_ADDRESSES} addresses are remembered, and "nobody" is asked
 * again after 10 s without news, in case Hazelcast dropped an entry event (its event queue is bounded).
 */
final class ClusterAudience {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterAudience.class);
  private static final String KEY = "cordbus.cluster-audience";
  static final int MAX_ADDRESSES = 4096;
  /** After a failed lookup, the next one waits this long. */
  private static final long RETRY_NANOS = 1_000_000_000L;
  /**
   * How long "nobody" is believed without news: then the address is looked up again, so an entry event Hazelcast
   * dropped (its event queue is bounded) cannot keep a consumer from its events for longer than this.
   */
  static final long REFRESH_NANOS = 10_000_000_000L;

  private enum State { UNKNOWN, LOOKING, NOBODY, SOMEONE }

  /**
   * What is known of one address: {@code version} counts the changes reported for it; {@code retryAt} is when a
   * failed lookup may be retried (UNKNOWN; 0 at once), {@code learnedAt} when "nobody" was learned (NOBODY).
   */
  private record Entry(State state, long version, long retryAt, long learnedAt) {

    static Entry unknown(long version, long retryAt) {
      return new Entry(State.UNKNOWN, version, retryAt, 0);
    }
  }

  private final ClusterManager cluster;
  private final java.util.function.LongSupplier clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean watching;

  private ClusterAudience(ClusterManager cluster) {
    this(cluster, System::nanoTime);
  }

  /** An audience on {@code cluster} reading time from {@code clock} (tests). */
  ClusterAudience(ClusterManager cluster, java.util.function.LongSupplier clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  /**
   * The audience last asked for, with its Vert.x: the usual JVM has one, and every state event asks. Weak: the
   * Vert.x's shared data holds it as long as that instance lives, and a closed one is not kept from the collector.
   */
  private static volatile java.lang.ref.WeakReference<Holder> last = new java.lang.ref.WeakReference<>(null);

  /** The audience of a clustered Vert.x (one per instance; the first call starts the watch in the background). */
  static ClusterAudience of(Vertx vertx) {
    Holder seen = last.get();
    if (seen != null && seen.vertx == vertx) {
      return seen.audience;
    }
    Holder h = lookUpOrCreate(vertx);
    last = new java.lang.ref.WeakReference<>(h);
    return h.audience;
  }

  private static Holder lookUpOrCreate(Vertx vertx) {
    var map = vertx.sharedData().<String, Holder>getLocalMap(KEY);
    Holder h = map.get(KEY);
    if (h != null) {
      return h;
    }
    synchronized (ClusterAudience.class) {
      h = map.get(KEY);
      if (h == null) {
        VertxInternal vi = (VertxInternal) vertx;
        h = new Holder(vertx, new ClusterAudience(vi.clusterManager()));
        map.put(KEY, h);
        ClusterAudience audience = h.audience;
        vi.<Boolean>executeBlocking(audience::watch, false).onComplete(ar -> {
          if (ar.succeeded() && ar.result()) {
            audience.watching = true;
          } else if (ar.failed()) {
            LOG.info("not watching the cluster's subscriptions ({}): every state event is published", ar.cause().toString());
          }
        });
      }
      return h;
    }
  }

  /** Registers the watch: true when the cluster manager is Hazelcast's and its subscription map could be read. */
  private boolean watch() throws Exception {
    if (cluster == null || !cluster.getClass().getName().equals("io.vertx.spi.cluster.hazelcast.HazelcastClusterManager")) {
      return false;
    }
    return HazelcastSubscriptions.watch(cluster, this);
  }

  /**
   * True when no node of the cluster consumes {@code address}, as far as is known now. False while unknown (and then a
   * lookup is started if none is running), when someone does, and whenever the cluster cannot be watched.
   */
  boolean nobody(String address) {
    if (!watching) {
      return false;
    }
    Entry e = entries.get(address);
    if (e != null && e.state == State.NOBODY) {
      if (clock.getAsLong() - e.learnedAt < REFRESH_NANOS) {
        return true;
      }
      entries.replace(address, e, Entry.unknown(e.version, 0)); // believed long enough: ask again
      lookUp(address);
      return false;
    }
    if (e == null ? entries.size() < MAX_ADDRESSES
        : e.state == State.UNKNOWN && clock.getAsLong() - e.retryAt >= 0) {
      lookUp(address);
    }
    return false;
  }

  private void lookUp(String address) {
    Entry[] started = new Entry[1];
    entries.compute(address, (k, e) -> {
      if (e == null || e.state == State.UNKNOWN) {
        started[0] = new Entry(State.LOOKING, e == null ? 0 : e.version, 0, 0);
        return started[0];
      }
      return e;
    });
    if (started[0] == null) {
      return; // another thread started it
    }
    long version = started[0].version;
    cluster.getRegistrations(address, (registrations, failure) -> entries.computeIfPresent(address, (k, e) -> {
      if (e.state != State.LOOKING || e.version != version) {
        return e; // a change overtook the lookup: its answer may be stale
      }
      if (failure != null) {
        return Entry.unknown(version, clock.getAsLong() + RETRY_NANOS);
      }
      return registrations == null || registrations.isEmpty() ? new Entry(State.NOBODY, version, 0, clock.getAsLong())
          : new Entry(State.SOMEONE, version, 0, 0);
    }));
  }

  /** A registration of {@code address} was added or removed somewhere: what was known of it no longer holds. */
  void changed(String address) {
    entries.computeIfPresent(address, (k, e) -> Entry.unknown(e.version + 1, 0));
  }

  /** The whole subscription map changed (cleared): nothing known holds. */
  void changedAll() {
    entries.replaceAll((k, e) -> Entry.unknown(e.version + 1, 0));
  }

  /** Marks the watch registered (tests that drive {@link #changed} themselves). */
  void watchingForTests() {
    watching = true;
  }

  private record Holder(Vertx vertx, ClusterAudience audience) implements Shareable {
  }
}
