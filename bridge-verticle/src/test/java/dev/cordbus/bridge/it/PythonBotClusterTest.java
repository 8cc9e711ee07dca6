package dev.cordbus.bridge.it;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example Python bot ({@code clients/python/examples/ping_bot.py}, standard library only) over the real TCP
 * bridge in this JVM, with the gateway, REST and partitioned state in another JVM over Hazelcast on 127.0.0.1: see
 * {@link PolyglotCluster#botAnswersPingReactionAndSlashCommand} for what it must do.
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
    cluster.botAnswersPingReactionAndSlashCommand(bot);
  }
}
