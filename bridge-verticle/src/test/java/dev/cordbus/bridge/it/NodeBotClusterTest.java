package dev.cordbus.bridge.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example Node bot ({@code example-bot-verticle/node/bot.js} on the TypeScript client {@code clients/node},
 * itself on the official {@code @vertx/eventbus-bridge-client.js}) over the real SockJS bridge in this JVM, with the
 * gateway, REST and partitioned state in another JVM over Hazelcast on 127.0.0.1: see
 * {@link PolyglotCluster#botAnswersPingReactionAndSlashCommand} for what it must do.
 */
class NodeBotClusterTest {

  private static PolyglotCluster cluster;
  private static ChildProcess bot;

  /** The Node project; fails (never skips) when its packages or the client's build are missing. */
  static Path nodeProject() {
    Path dir = ClusterConfig.root().resolve("example-bot-verticle/node");
    if (!Files.isRegularFile(dir.resolve("node_modules/@cordbus/client/dist/src/index.js"))) {
      fail("the Node bot's packages or the TypeScript client's build are missing: run `npm ci --prefix clients/node"
          + " && npm run build --prefix clients/node && npm ci --prefix example-bot-verticle/node` (.ci/run and"
          + " mvn verify do)");
    }
    return dir;
  }

  @BeforeAll
  static void start() throws Exception {
    nodeProject();
    cluster = PolyglotCluster.start("node");
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
  void nodeBotAnswersPingWaitsForAReactionAndReadsAMemberFromPartitionedState() throws Exception {
    bot = ChildProcess.start("node-bot", List.of("node", "bot.js"), nodeProject(),
        Map.of("CORDBUS_BRIDGE_URL", "http://127.0.0.1:" + cluster.bridge.sockjsPort() + "/eventbus",
            "CORDBUS_BRIDGE_SECRET", PolyglotCluster.SECRET), List.of());
    bot.await(l -> l.contains("CONNECTED 1"), 30_000, "the Node bot's connection");
    cluster.botAnswersPingReactionAndSlashCommand(bot);
  }
}
