package dev.cordbus.example;

import dev.cordbus.api.dispatch.DispatchRelay;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.interaction.InteractionKind;
import dev.cordbus.api.interaction.Interactions;
import dev.cordbus.api.rest.Messages;
import dev.cordbus.api.rest.RestClient;
import dev.cordbus.api.rest.RestFailure;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example bot: logs what it sees, answers {@code !ping} and the {@code /ping} slash command with {@code pong},
 * and welcomes new members in the guild's system channel. It holds no token and no HTTP client: every Discord call
 * goes through the REST verticle ({@link RestClient}), which may run on any node.
 */
public class ExampleBotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ExampleBotVerticle.class);
  /** The slash command the bot registers. */
  static final JsonObject PING_COMMAND = new JsonObject().put("name", "ping").put("type", 1)
      .put("description", "Check that the bot is alive");

  private ExampleBotOptions options;
  private RestClient rest;
  /** Guild id → system channel id, learnt from GUILD_CREATE / GUILD_UPDATE, for welcomes. */
  private final Map<String, String> systemChannels = new HashMap<>();
  /** The bot's own user id, from READY, so it never answers itself. */
  private String selfId;
  /** Whether the slash command was registered already (once per run, not per shard). */
  private boolean commandsRegistered;

  @Override
  public Future<?> start() {
    options = new ExampleBotOptions(config());
    rest = new RestClient(vertx.eventBus());
    var bus = vertx.eventBus();
    return Future.all(java.util.List.of(DispatchRelay.install(vertx),
        bus.<JsonObject>consumer(Addresses.dispatch("READY"), this::onReady).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("GUILD_CREATE"), this::onGuild).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("GUILD_UPDATE"), this::onGuild).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), this::onMessage).completion(),
        bus.<JsonObject>consumer(Addresses.dispatch("GUILD_MEMBER_ADD"), this::onMemberAdd).completion(),
        bus.<JsonObject>consumer(InteractionKind.APPLICATION_COMMAND.address(), this::onCommand).completion(),
        Interactions.split(vertx)));
  }

  private void onReady(Message<JsonObject> msg) {
    JsonObject user = msg.body().getJsonObject("user", new JsonObject());
    selfId = user.getString("id");
    LOG.info("READY on shard {} as {} ({} guilds)", msg.headers().get(Headers.SHARD), user.getString("username"),
        msg.body().getJsonArray("guilds", new JsonArray()).size());
    String applicationId = msg.body().getJsonObject("application", new JsonObject()).getString("id");
    if (options.registerCommands() && !commandsRegistered && applicationId != null) {
      commandsRegistered = true;
      rest.registerGlobalCommands(applicationId, new JsonArray().add(PING_COMMAND))
          .onSuccess(cmds -> LOG.info("registered slash command /ping"))
          .onFailure(e -> LOG.warn("could not register /ping: {}", describe(e)));
    }
  }

  private void onGuild(Message<JsonObject> msg) {
    JsonObject g = msg.body();
    String id = g.getString("id");
    if (id != null && g.getString("system_channel_id") != null) {
      systemChannels.put(id, g.getString("system_channel_id"));
    }
  }

  private void onMessage(Message<JsonObject> msg) {
    JsonObject m = msg.body();
    JsonObject author = m.getJsonObject("author", new JsonObject());
    if (author.getString("id", "").equals(selfId) || author.getBoolean("bot", false)) {
      return;
    }
    if (m.getString("content", "").trim().equals(options.prefix() + "ping")) {
      rest.createMessage(m.getString("channel_id"), Messages.noMentions(Messages.reply("pong", m.getString("id"))))
          .onSuccess(r -> LOG.info("answered !ping from {} with pong (message {})", author.getString("username"),
              r.getString("id")))
          .onFailure(e -> LOG.warn("could not answer !ping in {}: {}", m.getString("channel_id"), describe(e)));
    }
  }

  private void onCommand(Message<JsonObject> msg) {
    JsonObject interaction = msg.body();
    String name = interaction.getJsonObject("data", new JsonObject()).getString("name");
    if ("ping".equals(name)) {
      Interactions.reply(rest, interaction, "pong", false)
          .onSuccess(v -> LOG.info("answered /ping (interaction {}) with pong", interaction.getString("id")))
          .onFailure(e -> LOG.warn("could not answer /ping: {}", describe(e)));
    }
  }

  private void onMemberAdd(Message<JsonObject> msg) {
    JsonObject member = msg.body();
    String guild = member.getString("guild_id");
    JsonObject user = member.getJsonObject("user", new JsonObject());
    String channel = systemChannels.get(guild);
    if (!options.welcome() || channel == null || user.getBoolean("bot", false)) {
      return;
    }
    JsonObject welcome = Messages.content("Welcome, <@" + user.getString("id") + ">!")
        .put("allowed_mentions", new JsonObject().put("users", new JsonArray().add(user.getString("id"))));
    rest.createMessage(channel, welcome)
        .onSuccess(r -> LOG.info("welcomed {} in #{}", user.getString("username"), channel))
        .onFailure(e -> LOG.warn("could not welcome {}: {}", user.getString("username"), describe(e)));
  }

  private static String describe(Throwable e) {
    return RestFailure.from(e).toString();
  }
}
