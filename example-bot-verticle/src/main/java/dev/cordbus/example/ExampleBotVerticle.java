package dev.cordbus.example;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example bot: logs what it sees, answers {@code !ping} with {@code pong} and welcomes new members in the guild's
 * system channel. It talks to Discord's REST API directly with a Web Client (a REST verticle comes later).
 */
public class ExampleBotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ExampleBotVerticle.class);

  private ExampleBotOptions options;
  /** Kept in a field: an unreferenced client is closed by GC. */
  private WebClient web;
  /** Guild id → system channel id, learnt from GUILD_CREATE / GUILD_UPDATE, for welcomes. */
  private final Map<String, String> systemChannels = new HashMap<>();
  /** The bot's own user id, from READY, so it never answers itself. */
  private String selfId;

  @Override
  public Future<?> start() {
    options = new ExampleBotOptions(config(), System::getenv);
    web = WebClient.create(vertx);
    var bus = vertx.eventBus();
    return Future.all(
        bus.<JsonObject>consumer(Addresses.dispatch("READY"), this::onReady).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("GUILD_CREATE"), this::onGuild).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("GUILD_UPDATE"), this::onGuild).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), this::onMessage).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("GUILD_MEMBER_ADD"), this::onMemberAdd).completion());
  }

  private void onReady(Message<JsonObject> msg) {
    JsonObject user = msg.body().getJsonObject("user", new JsonObject());
    selfId = user.getString("id");
    LOG.info("READY on shard {} as {} ({} guilds)", msg.headers().get(Headers.SHARD), user.getString("username"),
        msg.body().getJsonArray("guilds", new JsonArray()).size());
  }

  private void onGuild(Message<JsonObject> msg) {
    JsonObject g = msg.body();
    String id = g.getString("id");
    if (id != null && g.getString("system_channel_id") != null) {
      systemChannels.put(id, g.getString("system_channel_id"));
    }
    if (g.getString("name") != null) {
      LOG.info("{} {} '{}' ({} members)", msg.headers().get(Headers.EVENT), id, g.getString("name"),
          g.getValue("member_count", "?"));
    }
  }

  private void onMessage(Message<JsonObject> msg) {
    JsonObject m = msg.body();
    JsonObject author = m.getJsonObject("author", new JsonObject());
    if (author.getString("id", "").equals(selfId) || author.getBoolean("bot", false)) {
      return;
    }
    String content = m.getString("content", "");
    LOG.info("message in #{} from {}: {}", m.getString("channel_id"), author.getString("username"), abbreviate(content));
    if (content.trim().equals(options.prefix() + "ping")) {
      JsonObject reply = new JsonObject()
          .put("content", "pong")
          .put("message_reference", new JsonObject().put("message_id", m.getString("id")).put("fail_if_not_exists", false))
          .put("allowed_mentions", new JsonObject().put("parse", new JsonArray()));
      createMessage(m.getString("channel_id"), reply)
          .onSuccess(r -> LOG.info("answered !ping from {} with pong (message {})", author.getString("username"),
              r.getString("id")));
    }
  }

  private void onMemberAdd(Message<JsonObject> msg) {
    JsonObject member = msg.body();
    String guild = member.getString("guild_id");
    JsonObject user = member.getJsonObject("user", new JsonObject());
    LOG.info("member {} joined guild {}", user.getString("username"), guild);
    String channel = systemChannels.get(guild);
    if (!options.welcome() || channel == null || user.getBoolean("bot", false)) {
      return;
    }
    JsonObject welcome = new JsonObject()
        .put("content", "Welcome, <@" + user.getString("id") + ">!")
        .put("allowed_mentions", new JsonObject().put("users", new JsonArray().add(user.getString("id"))));
    createMessage(channel, welcome)
        .onSuccess(r -> LOG.info("welcomed {} in #{}", user.getString("username"), channel));
  }

  /** POST /channels/{channel}/messages; logs and fails with Discord's status and error code on failure. */
  private Future<JsonObject> createMessage(String channelId, JsonObject body) {
    return web.requestAbs(HttpMethod.POST, options.restBaseUrl() + "/channels/" + channelId + "/messages")
        .putHeader("Authorization", "Bot " + options.token())
        .putHeader("User-Agent", "DiscordBot (https://github.com/cordbus, 0.1)")
        .sendJsonObject(body)
        .compose(this::expectJson)
        .onFailure(e -> LOG.warn("could not post to channel {}: {}", channelId, e.getMessage()));
  }

  private Future<JsonObject> expectJson(HttpResponse<Buffer> r) {
    if (r.statusCode() / 100 == 2) {
      return Future.succeededFuture(r.bodyAsJsonObject());
    }
    return Future.failedFuture("HTTP " + r.statusCode() + ": " + r.bodyAsString());
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
