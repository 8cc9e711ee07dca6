package dev.cordbus.state.event;

import dev.cordbus.state.cache.Cache;

/** Applies one kind of dispatch to the cache and reports the cache-aware events it caused. */
@FunctionalInterface
public interface Updater {

  /** Applies {@code dispatch}; must not throw on unknown ids (count a miss instead). */
  void apply(Cache cache, Dispatch dispatch, Emitter out);
}
