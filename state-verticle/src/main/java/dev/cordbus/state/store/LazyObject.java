package dev.cordbus.state.store;

import io.vertx.core.json.JsonObject;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON object built only when first read: a state event whose before/after would need decoding costs nothing
 * when no consumer on any node reads it (a publish with no consumer never touches its body). Built once, on
 * whichever thread reads it first; read-only afterwards by convention, like a dispatch body.
 */
public final class LazyObject extends AbstractMap<String, Object> {

  private Supplier<Map<String, Object>> build;
  private volatile Map<String, Object> map;

  private LazyObject(Supplier<Map<String, Object>> build) {
    this.build = build;
  }

  /** A {@code JsonObject} whose content {@code build} makes on first read. */
  public static JsonObject of(Supplier<Map<String, Object>> build) {
    return new JsonObject(new LazyObject(build));
  }

  private Map<String, Object> map() {
    Map<String, Object> m = map;
    if (m == null) {
      synchronized (this) {
        m = map;
        if (m == null) {
          m = build.get();
          map = m;
          build = null;
        }
      }
    }
    return m;
  }

  @Override
  public Object get(Object key) {
    return map().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public int size() {
    return map().size();
  }

  @Override
  public Object put(String key, Object value) {
    return map().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return map().remove(key);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return map().entrySet();
  }
}
