package dev.cordbus.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example Python bot ({@code clients/python/examples/ping_bot.py}, standard library only) against the real TCP
 * bridge in this JVM and a gateway in another JVM over Hazelcast on 127.0.0.1: it answers a simulated "!ping" with a
 * "pong" reply, waits with {@code wait_for} for a reaction on its pong, looks the reacting member up in the
 * partitioned state (the guild is on shard 1, owned by its own state verticle in the other JVM) and thanks them by
 * name, answers the /ping slash command through the interaction callback, and exits 0 on SIGTERM.
 */
class PythonBotClusterTest {

  private static PolyglotCluster cluster;
  private static ChildProcess bot;

  @BeforeAll
  static void start() throws Exception {
    cluster = PolyglotCluster.start("python");
  }

  @AfterAll
  static void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void pythonBotAnswersPingWaitsForAReactionAndReadsAMemberFromPartitionedState() throws Exception {
    Path dir = ClusterConfig.root().resolve("clients/python");
    bot = ChildProcess.start("python-bot", List.of("python3", "examples/ping_bot.py"), dir,
        Map.of("CORDBUS_BRIDGE_PORT", Integer.toString(cluster.bridge.tcpPort()),
            "CORDBUS_BRIDGE_SECRET", PolyglotCluster.SECRET, "PYTHONUNBUFFERED", "1"), List.of());
    bot.await(l -> l.startsWith("CONNECTED 1"), 30_000, "the Python bot's connection");
    String channel = cluster.world.getString("channel");
    String messages = "/api/v10/channels/" + channel + "/messages";

    JsonObject pong = cluster.untilPosted("ping {n}", n -> p -> messages.equals(p.getString("path"))
        && "pong".equals(p.getJsonObject("body").getString("content")), "the pong", bot);
    String pinged = pong.getJsonObject("body").getJsonObject("message_reference").getString("message_id");
    assertTrue(pinged.startsWith("1534984653373"), "the pong replies to the !ping: " + pong);
    String pongLine = bot.await(l -> l.startsWith("PONG ") && l.contains(pinged), 10_000, "the bot's PONG line");
    String pongId = pongLine.split(" ")[1];
    assertTrue(pongLine.contains("from shard 1"), "meta.shard of the !ping: " + pongLine);

    String username = cluster.world.getString("username");
    JsonObject thanks = cluster.untilPosted("react " + pongId, n -> p -> messages.equals(p.getString("path"))
        && p.getJsonObject("body").getString("content", "").startsWith("thanks"), "the thanks", bot);
    assertEquals("thanks for the 👍, " + username, thanks.getJsonObject("body").getString("content"),
        "the member's name comes from the partitioned state of shard 1");

    JsonObject callback = cluster.untilPosted("slash {n}", n -> p -> p.getString("path").equals(
        "/api/v10/interactions/1534985408348" + (10000 + n) + "/token-" + n + "/callback"), "the /ping callback", bot);
    assertEquals(4, callback.getJsonObject("body").getInteger("type"));
    assertEquals("pong", callback.getJsonObject("body").getJsonObject("data").getString("content"));

    // SIGTERM through the process handle: Process.destroy() would also close our end of its stdout.
    ProcessHandle handle = ProcessHandle.of(bot.pid()).orElseThrow();
    handle.destroy();
    handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    bot.await(l -> l.equals("BYE"), 5_000, "the bot's BYE line after SIGTERM");
    assertEquals(0, bot.terminate(10_000), "the Python bot stops cleanly on SIGTERM:\n" + bot.tail(10));
  }
}
