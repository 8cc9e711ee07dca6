package dev.cordbus.state.event;

import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.LazyObject;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Collects the state events an updater produces while applying one dispatch. When nobody wants them
 * ({@code publishEvents} off) every method is a no-op, and updaters check {@link #wanted()} before building a
 * before/after body at all. An event whose address has no consumer known here or on another node is not built either
 * (it would be dropped unpublished anyway): every method asks {@link #wanted(String)} first, and updaters ask it
 * themselves where even the arguments cost snapshots or lookups.
 */
public final class Emitter {

  /** The events, made with the first one (most dispatches have none that anyone hears). */
  private List<StateEvent> events;
  private final boolean wanted;
  private final Predicate<String> heard;
  private String askedName;
  private boolean askedAnswer;
  private int unheard;

  /** An emitter whose events are wanted. */
  public Emitter() {
    this(true);
  }

  /** An emitter; {@code wanted} false drops every event (and tells updaters not to build them). */
  public Emitter(boolean wanted) {
    this(wanted, name -> true);
  }

  /**
   * An emitter; {@code wanted} false drops every event; {@code heard} says whether a state event of that name would
   * reach a consumer (false: {@link #wanted(String)} tells updaters not to build it).
   */
  public Emitter(boolean wanted, Predicate<String> heard) {
    this.wanted = wanted;
    this.heard = heard;
  }

  /** Whether the events are published: build before/after bodies only when true. */
  public boolean wanted() {
    return wanted;
  }

  /**
   * Whether an event named {@code name} is published and someone would receive it: build it only when true. A name
   * found unheard counts once per dispatch in {@link #unheard()} (asking again about the last name asks nothing).
   */
  public boolean wanted(String name) {
    if (!wanted) {
      return false;
    }
    if (!name.equals(askedName)) {
      askedName = name;
      askedAnswer = heard.test(name);
      if (!askedAnswer) {
        unheard++;
      }
    }
    return askedAnswer;
  }

  /** How many events {@link #wanted(String)} told updaters not to build, nobody being there to receive them. */
  public int unheard() {
    return unheard;
  }

  /** An update {@code {guild_id?, before, after}}; skipped when nothing changed. */
  public void update(String name, long guildId, JsonObject before, JsonObject after) {
    if (!wanted(name) || before != null && Objects.equals(before, after)) {
      return;
    }
    emit(name, guildId, before, after);
  }

  /**
   * An update whose before and after are snapshots (unchanging copies of cache entries, null for none): skipped when
   * {@code same} says both render alike (as {@link #update(String, long, JsonObject, JsonObject)} skips equal JSON),
   * else published with the same body, rendered by {@code json} only when a consumer reads it.
   */
  public <T> void update(String name, long guildId, T before, T after, BiPredicate<T, T> same,
      Function<T, JsonObject> json) {
    if (!wanted(name) || before != null && after != null && same.test(before, after)) {
      return;
    }
    add(new StateEvent(name, guildId, LazyObject.of(() -> {
      Map<String, Object> body = new LinkedHashMap<>();
      if (guildId != 0) {
        body.put("guild_id", Ids.str(guildId));
      }
      body.put("before", before == null ? null : json.apply(before));
      body.put("after", after == null ? null : json.apply(after));
      return body;
    })));
  }

  /** A creation {@code {guild_id?, before:null, after}}. */
  public void create(String name, long guildId, JsonObject after) {
    emit(name, guildId, null, after);
  }

  /** A deletion {@code {guild_id?, before: cached|null, after:null}} plus the dispatch's ids in {@code ids}. */
  public void delete(String name, long guildId, Object before, JsonObject ids) {
    if (!wanted(name)) {
      return;
    }
    JsonObject body = new JsonObject();
    if (guildId != 0) {
      body.put("guild_id", Ids.str(guildId));
    }
    if (ids != null) {
      ids.forEach(e -> body.put(e.getKey(), e.getValue()));
    }
    body.put("before", before).put("after", null);
    add(new StateEvent(name, guildId, body));
  }

  /**
   * An update whose before and after are bytes (cached messages): skipped when the bytes are equal, else published
   * with a body that decodes them only when a consumer reads it.
   */
  public void updateBytes(String name, long guildId, byte[] before, byte[] after) {
    if (!wanted(name) || java.util.Arrays.equals(before, after)) {
      return;
    }
    add(new StateEvent(name, guildId, dev.cordbus.state.store.LazyObject.of(() -> {
      java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
      if (guildId != 0) {
        body.put("guild_id", Ids.str(guildId));
      }
      body.put("before", dev.cordbus.state.store.Blob.object(before));
      body.put("after", dev.cordbus.state.store.Blob.object(after));
      return body;
    })));
  }

  /** Any event body (of guild {@code guildId}, 0 for none). */
  public void raw(String name, long guildId, JsonObject body) {
    if (wanted(name)) {
      add(new StateEvent(name, guildId, body));
    }
  }

  private void emit(String name, long guildId, JsonObject before, JsonObject after) {
    if (!wanted(name)) {
      return;
    }
    JsonObject body = new JsonObject();
    if (guildId != 0) {
      body.put("guild_id", Ids.str(guildId));
    }
    add(new StateEvent(name, guildId, body.put("before", before).put("after", after)));
  }

  private void add(StateEvent event) {
    if (events == null) {
      events = new ArrayList<>(2);
    }
    events.add(event);
  }

  /** The events, in order. */
  public List<StateEvent> events() {
    return events == null ? List.of() : events;
  }
}
