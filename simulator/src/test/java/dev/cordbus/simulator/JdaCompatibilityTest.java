package dev.cordbus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.simulator.core.World;
import dev.cordbus.simulator.support.Sims;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real third-party client, JDA 6 (zlib-stream by default), against the simulator: READY, the guilds, a message, a
 * REST send, and resumes after RECONNECT and after a cut. Where JDA and the simulator disagree, the simulator is wrong.
 */
@ExtendWith(VertxExtension.class)
class JdaCompatibilityTest {

  private DiscordSimulator sim;
  private JDA jda;
  private final CompletableFuture<ReadyEvent> ready = new CompletableFuture<>();
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<SessionResumeEvent> resumes = new LinkedBlockingQueue<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    sim = Sims.start(vertx, Sims.fast().heartbeatIntervalMs(1000).world(World.generate(3, 12, 11L)));
    jda = JDABuilder.createLight(sim.token(), EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT,
            GatewayIntent.GUILD_MEMBERS))
        .setRestConfig(new RestConfig().setBaseUrl(sim.restBaseUrl() + "/"))
        .setSessionController(new SessionControllerAdapter() {
          @Override
          public String getGateway() {
            return sim.gatewayUrl() + "/";
          }
        })
        .addEventListeners((net.dv8tion.jda.api.hooks.EventListener) this::onEvent)
        .build();
    ready.get(30, TimeUnit.SECONDS);
  }

  private void onEvent(GenericEvent e) {
    if (e instanceof ReadyEvent r) {
      ready.complete(r);
    } else if (e instanceof MessageReceivedEvent m) {
      messages.add(m.getMessage());
    } else if (e instanceof SessionResumeEvent r) {
      resumes.add(r);
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (jda != null) {
      jda.shutdownNow();
      jda.awaitShutdown(10, TimeUnit.SECONDS);
    }
    Sims.await(sim.close());
  }

  @Test
  void jdaSeesReadyGuildsAndMessages() throws Exception {
    assertEquals(3, jda.getGuilds().size());
    assertEquals(sim.world().botId(), jda.getSelfUser().getId());
    Guild guild = jda.getGuildById(sim.world().guildIds().get(0));
    assertNotNull(guild);
    assertEquals(sim.world().guild(guild.getId()).getString("name"), guild.getName());
    assertEquals(12, guild.getMemberCount());
    assertTrue(guild.getTextChannels().size() >= 2);
    TextChannel channel = guild.getTextChannelById(sim.world().textChannelId(guild.getId()));
    assertNotNull(channel);

    JsonObject member = sim.world().member(guild.getId(), sim.world().memberIds(guild.getId()).get(1));
    JsonObject author = member.getJsonObject("user");
    member.remove("user");
    Sims.await(sim.scenario().dispatch("MESSAGE_CREATE", new JsonObject().put("id", "1534984653373571072")
        .put("type", 0).put("channel_id", channel.getId()).put("guild_id", guild.getId()).put("author", author)
        .put("member", member).put("content", "hello jda").put("timestamp", "2026-08-06T18:01:00.000000+00:00")
        .put("edited_timestamp", null).put("tts", false).put("mention_everyone", false)
        .put("mentions", new JsonArray()).put("mention_roles", new JsonArray()).put("attachments", new JsonArray())
        .put("embeds", new JsonArray()).put("components", new JsonArray()).put("pinned", false).put("flags", 0)));
    Message received = messages.poll(10, TimeUnit.SECONDS);
    assertNotNull(received, "JDA received the MESSAGE_CREATE");
    assertEquals("hello jda", received.getContentRaw());
    assertEquals(author.getString("id"), received.getAuthor().getId());

    Message sent = channel.sendMessage("pong from jda").complete();
    assertEquals("pong from jda", sent.getContentRaw());
    assertEquals(sim.world().botId(), sent.getAuthor().getId());
    Message echoed = messages.poll(10, TimeUnit.SECONDS);
    assertNotNull(echoed, "the REST create came back as MESSAGE_CREATE");
    assertEquals(sent.getId(), echoed.getId());
    assertTrue(sim.log().identifies().get(0).intents() > 0);
    assertTrue(sim.log().received(0).stream().anyMatch(f -> f.getInteger("op") == 1), "JDA heartbeats");
  }

  @Test
  void jdaResumesAfterReconnectAndAfterACut() throws Exception {
    Sims.await(sim.scenario().reconnect(0));
    assertNotNull(resumes.poll(20, TimeUnit.SECONDS), "JDA resumed after op 7");
    Sims.await(sim.scenario().cut(0));
    assertNotNull(resumes.poll(30, TimeUnit.SECONDS), "JDA resumed after a cut");
    assertEquals(2, sim.log().resumes().stream().filter(SimulatorLog.Resume::accepted).count());
    assertEquals(1, sim.log().identifies().size(), "no new IDENTIFY");
    assertEquals(1, sim.log().maxSimultaneousConnections(0));
  }
}
