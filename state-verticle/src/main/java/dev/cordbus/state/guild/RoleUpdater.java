package dev.cordbus.state.guild;

import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.cache.GuildEntry;
import dev.cordbus.state.cache.ResourceType;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.Updater;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** GUILD_ROLE_CREATE/UPDATE/DELETE; a deleted role is also taken off every cached member. */
public final class RoleUpdater {

  private RoleUpdater() {
  }

  /** Registers this family's updaters. */
  public static void register(Map<String, Updater> table) {
    table.put("GUILD_ROLE_CREATE", RoleUpdater::upsert);
    table.put("GUILD_ROLE_UPDATE", RoleUpdater::upsert);
    table.put("GUILD_ROLE_DELETE", RoleUpdater::delete);
  }

  static void upsert(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    JsonObject role = d.getJsonObject("role");
    long id = Ids.get(role, "id");
    if (g == null || id == 0 || !cache.wants(ResourceType.ROLE)) {
      return;
    }
    JsonObject before = Blob.object(g.roles.put(id, Blob.of(role)));
    if (before == null) {
      out.create("GUILD_ROLE_CREATE", g.id, role);
    } else {
      out.update("GUILD_ROLE_UPDATE", g.id, before, role);
    }
  }

  static void delete(Cache cache, Dispatch dispatch, Emitter out) {
    JsonObject d = dispatch.d();
    GuildEntry g = cache.guildOf(d);
    long id = Ids.get(d, "role_id");
    if (g == null || id == 0) {
      return;
    }
    JsonObject before = Blob.object(g.roles.remove(id));
    g.members.forEachValue(m -> m.removeRole(id));
    out.delete("GUILD_ROLE_DELETE", g.id, before, new JsonObject().put("role_id", Ids.str(id)));
  }
}
