package dev.cordbus.state.bench;

import dev.cordbus.state.EventTable;
import dev.cordbus.state.StateOptions;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Applies MESSAGE_CREATEs straight to the cache (no event bus) to separate apply cost from transport cost. */
public final class ApplyProbe {

  private ApplyProbe() {
  }

  public static void main(String[] args) {
    Synthetic gen = new Synthetic(1);
    Cache cache = new Cache(new StateOptions());
    EventTable table = new EventTable();
    int guilds = 100;
    JsonArray ready = new JsonArray();
    for (int g = 0; g < guilds; g++) {
      ready.add(new JsonObject().put("id", Synthetic.guildId(g)).put("unavailable", true));
    }
    table.get("READY").apply(cache, new Dispatch("READY", 0, "s", 1, new JsonObject().put("session_id", "s")
        .put("guilds", ready)), new Emitter());
    for (int g = 0; g < guilds; g++) {
      table.get("GUILD_CREATE").apply(cache, new Dispatch("GUILD_CREATE", 0, "s", 2,
          gen.guildCreate(g, 100, g * 100)), new Emitter());
    }
    int n = 100_000;
    JsonObject[] msgs = new JsonObject[2000];
    for (int i = 0; i < msgs.length; i++) {
      msgs[i] = gen.messageCreate(i % guilds, (i % guilds) * 100 + i % 100, i);
    }
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        JsonObject d = msgs[i % msgs.length];
        table.get("MESSAGE_CREATE").apply(cache, new Dispatch("MESSAGE_CREATE", 0, "s", i, d), new Emitter());
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("apply only: %,.0f MESSAGE_CREATE/s%n", n / s);
      long c0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        msgs[i % msgs.length].copy();
      }
      System.out.printf("JsonObject.copy only: %,.0f/s%n", n / ((System.nanoTime() - c0) / 1e9));
    }
  }
}
