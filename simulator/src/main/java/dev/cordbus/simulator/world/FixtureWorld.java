package dev.cordbus.simulator.world;

import dev.cordbus.api.Snowflakes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The world of the recorded fixture session: the bot from {@code gateway/005_s2c_READY.json}, G1 and G2 verbatim from
 * the GUILD_CREATE payloads {@code 006} and {@code 007}, every other READY guild (G3) unavailable, and the DM channel
 * of the DM in {@code 009}.
 */
public final class FixtureWorld {

  private FixtureWorld() {
  }

  /** Loads the world; throws {@link IOException} when a file is missing or unreadable. */
  public static WorldModel load(Path fixturesDir) throws IOException {
    Path gw = fixturesDir.resolve("gateway");
    JsonObject ready = read(gw.resolve("005_s2c_READY.json")).getJsonObject("d");
    UserDirectory users = new UserDirectory(null);
    WorldModel w = new WorldModel(users, ready.getJsonObject("user"), ready.getJsonObject("application"),
        new JsonObject().put("fixtures", fixturesDir.toString()));
    Set<String> created = new HashSet<>();
    for (String f : new String[] {"006_s2c_GUILD_CREATE.json", "007_s2c_GUILD_CREATE.json"}) {
      JsonObject d = read(gw.resolve(f)).getJsonObject("d");
      w.putGuild(GuildParser.parse(d, users));
      created.add(d.getString("id"));
    }
    for (Object o : ready.getJsonArray("guilds", new JsonArray())) {
      String id = ((JsonObject) o).getString("id");
      if (!created.contains(id)) {
        GuildData g = new GuildData(Snowflakes.parse(id), new MemberTable(0, new long[0]), null);
        g.unavailable = true;
        w.putGuild(g);
      }
    }
    Path dm = gw.resolve("009_s2c_MESSAGE_CREATE.json");
    if (Files.exists(dm)) {
      JsonObject m = read(dm).getJsonObject("d");
      if (m.getString("guild_id") == null) {
        users.merge(m.getJsonObject("author"));
        w.putDmChannel(new JsonObject().put("id", m.getString("channel_id")).put("type", 1)
            .put("last_message_id", m.getString("id")).put("flags", 0)
            .put("recipients", new JsonArray().add(m.getJsonObject("author").copy())));
      }
    }
    return w;
  }

  private static JsonObject read(Path p) throws IOException {
    return new JsonObject(Files.readString(p, StandardCharsets.UTF_8));
  }
}
