package dev.cordbus.api.dispatch;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.MapEvent;
import com.hazelcast.multimap.MultiMap;
import io.vertx.core.spi.cluster.ClusterManager;
import java.lang.reflect.Field;

/**
 * The watch of {@link ClusterAudience} on Hazelcast: an entry listener (keys only) on the multimap in which Vert.x's
 * Hazelcast cluster manager keeps every node's registrations, taken from the cluster manager itself. Loaded only when
 * the cluster manager is Hazelcast's.
 */
final class HazelcastSubscriptions extends EntryAdapter<Object, Object> {

  private final ClusterAudience audience;

  private HazelcastSubscriptions(ClusterAudience audience) {
    this.audience = audience;
  }

  /** Registers the listener (blocking: call it on a worker); false when the map cannot be read. */
  static boolean watch(ClusterManager cluster, ClusterAudience audience) throws ReflectiveOperationException {
    Object helper = field(cluster.getClass(), "subsMapHelper").get(cluster);
    if (helper == null) {
      return false;
    }
    Object map = field(helper.getClass(), "map").get(helper);
    if (!(map instanceof MultiMap<?, ?> subs)) {
      return false;
    }
    @SuppressWarnings("unchecked")
    MultiMap<Object, Object> m = (MultiMap<Object, Object>) subs;
    m.addEntryListener(new HazelcastSubscriptions(audience), false);
    return true;
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field f = type.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  /** Any entry event (added, removed, updated, evicted, expired): what was known of its address no longer holds. */
  @Override
  public void onEntryEvent(EntryEvent<Object, Object> event) {
    if (event.getKey() instanceof String address) {
      audience.changed(address);
    }
  }

  /** The map was cleared or evicted: nothing known holds. */
  @Override
  public void onMapEvent(MapEvent event) {
    audience.changedAll();
  }
}
