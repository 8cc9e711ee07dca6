package dev.cordbus.example;

import dev.cordbus.api.client.CordbusClient;
import dev.cordbus.api.event.Event;
import dev.cordbus.api.event.Events;
import dev.cordbus.api.event.MessagePayloads;
import dev.cordbus.api.event.SessionPayloads;
import dev.cordbus.api.interaction.InteractionEvent;
import dev.cordbus.api.interaction.InteractionKind;
import dev.cordbus.api.model.Guild;
import dev.cordbus.api.model.Member;
import dev.cordbus.api.model.Message;
import dev.cordbus.api.model.User;
import dev.cordbus.api.rest.Messages;
import dev.cordbus.api.rest.RestClient;
import dev.cordbus.api.rest.RestFailure;
import dev.cordbus.api.state.StateFailure;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example bot on the typed API ({@link CordbusClient#on}, {@link dev.cordbus.api.event.Events}): logs what it
 * sees, answers {@code !ping} and the {@code /ping} slash command with {@code pong}, welcomes new members in the
 * guild's system channel, and on {@code !react} posts a message and waits ({@link CordbusClient#waitFor}) for the
 * first reaction to it, then names who reacted with what. It holds no token and no HTTP client: every Discord call
 * goes through the REST verticle ({@link RestClient}), which may run on any node.
 */
public class ExampleBotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ExampleBotVerticle.class);
  /** The slash command the bot registers. */
  static final JsonObject PING_COMMAND = new JsonObject().put("name", "ping").put("type", 1)
      .put("description", "Check that the bot is alive");

  private ExampleBotOptions options;
  private CordbusClient bot;
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
    bot = CordbusClient.create(vertx);
    rest = bot.rest();
    return Future.all(List.of(
        bot.on(Events.READY, this::onReady).completion(),
        bot.on(Events.GUILD_CREATE, this::onGuild).completion(),
        bot.on(Events.GUILD_UPDATE, this::onGuild).completion(),
        bot.on(Events.MESSAGE_CREATE, this::onMessage).completion(),
        bot.on(Events.GUILD_MEMBER_ADD, this::onMemberAdd).completion(),
        bot.onInteraction(InteractionKind.APPLICATION_COMMAND, this::onCommand)));
  }

  private void onReady(Event<SessionPayloads.Ready> e) {
    SessionPayloads.Ready ready = e.data();
    selfId = ready.user().id();
    LOG.info("READY on shard {} as {} ({} guilds)", e.shard(), ready.user().username(),
        ready.guilds() == null ? 0 : ready.guilds().size());
    String applicationId = ready.application() == null ? null : ready.application().id();
    if (options.registerCommands() && !commandsRegistered && applicationId != null) {
      commandsRegistered = true;
      rest.registerGlobalCommands(applicationId, new JsonArray().add(PING_COMMAND))
          .onSuccess(cmds -> LOG.info("registered slash command /ping"))
          .onFailure(f -> LOG.warn("could not register /ping: {}", describe(f)));
    }
  }

  private void onGuild(Event<Guild> e) {
    Guild g = e.data();
    if (g.id() != null && g.systemChannelId() != null) {
      systemChannels.put(g.id(), g.systemChannelId());
    }
  }

  private void onMessage(Event<Message> e) {
    Message m = e.data();
    User author = m.author();
    if (author == null || author.id().equals(selfId) || author.bot()) {
      return;
    }
    String content = m.content() == null ? "" : m.content().trim();
    if (content.equals(options.prefix() + "ping")) {
      rest.createMessage(m.channelId(), Messages.noMentions(Messages.reply("pong", m.id())))
          .onSuccess(r -> LOG.info("answered !ping from {} with pong (message {})", author.username(),
              r.getString("id")))
          .onFailure(f -> LOG.warn("could not answer !ping in {}: {}", m.channelId(), describe(f)));
    } else if (content.equals(options.prefix() + "react")) {
      askForReaction(m);
    }
  }

  /** Posts "react to this", then waits for the first reaction on that message by someone else (typed waitFor). */
  private void askForReaction(Message request) {
    Duration wait = Duration.ofMillis(options.reactionWaitMs());
    rest.createMessage(request.channelId(), Messages.noMentions(Messages.reply(
            "React to this message within " + wait.toSeconds() + " s", request.id())))
        .compose(posted -> {
          String postedId = posted.getString("id");
          return bot.waitFor(Events.MESSAGE_REACTION_ADD,
                  r -> postedId.equals(r.data().messageId()) && !r.data().userId().equals(selfId), wait)
              .compose(r -> thank(request.channelId(), postedId, r.data()));
        })
        .onFailure(f -> {
          if (StateFailure.of(f) == StateFailure.TIMEOUT) {
            LOG.info("nobody reacted in #{} within {}", request.channelId(), wait);
          } else {
            LOG.warn("!react in #{} failed: {}", request.channelId(), describe(f));
          }
        });
  }

  private Future<JsonObject> thank(String channelId, String messageId, MessagePayloads.Reaction reaction) {
    String emoji = reaction.emoji() == null ? "?" : reaction.emoji().id() == null ? reaction.emoji().name()
        : "<:" + reaction.emoji().name() + ":" + reaction.emoji().id() + ">";
    String who = reaction.member() != null && reaction.member().displayName() != null
        ? reaction.member().displayName() : "<@" + reaction.userId() + ">";
    LOG.info("{} reacted {} to {}", who, emoji, messageId);
    return rest.createMessage(channelId, Messages.noMentions(Messages.reply(who + " reacted with " + emoji,
        messageId)));
  }

  private Future<Void> onCommand(InteractionEvent interaction) {
    if (interaction.data().data() != null && "ping".equals(interaction.data().data().name())) {
      return interaction.reply("pong", false)
          .onSuccess(v -> LOG.info("answered /ping (interaction {}) with pong", interaction.data().id()))
          .onFailure(f -> LOG.warn("could not answer /ping: {}", describe(f)));
    }
    return null;
  }

  private void onMemberAdd(Event<Member> e) {
    Member member = e.data();
    User user = member.user();
    String channel = systemChannels.get(member.guildId());
    if (!options.welcome() || channel == null || user == null || user.bot()) {
      return;
    }
    JsonObject welcome = Messages.content("Welcome, <@" + user.id() + ">!")
        .put("allowed_mentions", new JsonObject().put("users", new JsonArray().add(user.id())));
    rest.createMessage(channel, welcome)
        .onSuccess(r -> LOG.info("welcomed {} in #{}", user.username(), channel))
        .onFailure(f -> LOG.warn("could not welcome {}: {}", user.username(), describe(f)));
  }

  private static String describe(Throwable e) {
    return RestFailure.from(e).toString();
  }
}
