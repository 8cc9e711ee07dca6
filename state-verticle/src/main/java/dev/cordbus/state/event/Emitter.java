package dev.cordbus.state.event;

import dev.cordbus.state.store.Ids;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects the state events an updater produces while applying one dispatch. */
public final class Emitter {

  private final List<StateEvent> events = new ArrayList<>(2);

  /** An update {@code {guild_id?, before, after}}; skipped when nothing changed. */
  public void update(String name, long guildId, JsonObject before, JsonObject after) {
    if (before != null && Objects.equals(before, after)) {
      return;
    }
    emit(name, guildId, before, after);
  }

  /** A creation {@code {guild_id?, before:null, after}}. */
  public void create(String name, long guildId, JsonObject after) {
    emit(name, guildId, null, after);
  }

  /** A deletion {@code {guild_id?, before: cached|null, after:null}} plus the dispatch's ids in {@code ids}. */
  public void delete(String name, long guildId, Object before, JsonObject ids) {
    JsonObject body = new JsonObject();
    if (guildId != 0) {
      body.put("guild_id", Ids.str(guildId));
    }
    if (ids != null) {
      ids.forEach(e -> body.put(e.getKey(), e.getValue()));
    }
    body.put("before", before).put("after", null);
    events.add(new StateEvent(name, body));
  }

  /** Any event body. */
  public void raw(String name, JsonObject body) {
    events.add(new StateEvent(name, body));
  }

  private void emit(String name, long guildId, JsonObject before, JsonObject after) {
    JsonObject body = new JsonObject();
    if (guildId != 0) {
      body.put("guild_id", Ids.str(guildId));
    }
    events.add(new StateEvent(name, body.put("before", before).put("after", after)));
  }

  /** The events, in order. */
  public List<StateEvent> events() {
    return events;
  }
}
