package dev.cordbus.api.dispatch;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryListener;
import com.hazelcast.map.MapEvent;
import com.hazelcast.multimap.MultiMap;
import io.vertx.core.spi.cluster.ClusterManager;
import java.lang.reflect.Field;

/**
 * The watch of {@link ClusterAudience} on Hazelcast: an entry listener (keys only) on the multimap in which Vert.x's
 * Hazelcast cluster manager keeps every node's registrations, taken from the cluster manager itself. Loaded only when
 * the cluster manager is Hazelcast's.
 */
final class HazelcastSubscriptions implements EntryListener<Object, Object> {

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

  private void changed(EntryEvent<Object, Object> event) {
    if (event.getKey() instanceof String address) {
      audience.changed(address);
    }
  }

  @Override
  public void entryAdded(EntryEvent<Object, Object> event) {
    changed(event);
  }

  @Override
  public void entryRemoved(EntryEvent<Object, Object> event) {
    changed(event);
  }

  @Override
  public void entryUpdated(EntryEvent<Object, Object> event) {
    changed(event);
  }

  @Override
  public void entryEvicted(EntryEvent<Object, Object> event) {
    changed(event);
  }

  @Override
  public void entryExpired(EntryEvent<Object, Object> event) {
    changed(event);
  }

  @Override
  public void mapCleared(MapEvent event) {
    audience.changedAll();
  }

  @Override
  public void mapEvicted(MapEvent event) {
    audience.changedAll();
  }
}
