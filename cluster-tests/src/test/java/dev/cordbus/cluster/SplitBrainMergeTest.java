package dev.cordbus.cluster;

import static dev.cordbus.cluster.ClusterRig.SHARDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bot node split from the gateways and merged back. Two gateway nodes and a bot node; while the simulator streams,
 * the bot's JVM is frozen (SIGSTOP) longer than failure detection, so the gateways remove it and, woken, it forms a
 * cluster of its own, which Hazelcast merges into the gateways' (the smaller side merges: the bot's member resets and
 * joins them with a new member UUID, its Vert.x node id unchanged). The bot must then have every seq of every shard:
 * those the gateways published while it was out of their member list, and those after the merge. Before the gateways
 * kept a split-off node's dispatch stream, the bot lacked every dispatch of the split (whole ranges of seqs on each
 * shard, as in the {@code GatewayClusterTest} flake), and its relay reported none of them lost.
 */
class SplitBrainMergeTest {

  /** Failure detection as shipped (heartbeat 1 s, silence 10 s), merges looked for every 2 s instead of 5 s. */
  private static final Map<String, String> HAZELCAST = Map.of(
      "hazelcast.merge.first.run.delay.seconds", "2",
      "hazelcast.merge.next.run.delay.seconds", "2");
  /** Longer than max-no-heartbeat (10 s) plus a heartbeat and a margin. */
  private static final long FREEZE_MS = 14_000;

  private static ClusterRig rig;

  @BeforeAll
  static void start() throws Exception {
    rig = new ClusterRig(HAZELCAST);
    // the gateways first, so the oldest member (the master) is a gateway node, not the bot that is frozen
    rig.startGateways(1);
    rig.gateways.get(0).await(l -> l.contains("cluster features on"), 120_000, "the first gateway node deployed");
    rig.startGateways(1);
    rig.startBot();
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aBotNodeSplitOffAndMergedBackGetsWhatWasPublishedMeanwhileAndAfter() throws Exception {
    rig.waitForSpread(120_000, "both gateway nodes holding groups, every shard connected");
    ClusterRig.await(rig.sim.scenario().firehose(2_000, 1_000), 60);
    rig.waitForBotToHaveEverything(60_000, "the bot to have every dispatch before the split");

    int from = rig.bot.lineCount();
    var during = rig.sim.scenario().firehose(20_000, 1_000);
    Thread.sleep(1_000);
    ClusterRig.signal(rig.bot, "STOP");
    try {
      Thread.sleep(FREEZE_MS);
    } finally {
      ClusterRig.signal(rig.bot, "CONT");
    }
    rig.bot.awaitFrom(from, l -> l.contains("Members {size:1"), 30_000, "the woken bot alone in a cluster of its own");
    rig.bot.awaitFrom(from, l -> l.contains("is MERGED"), 90_000, "the bot's member merged back into the cluster");
    ClusterRig.await(during, 60);

    Map<Integer, JsonObject> before = rig.simSessions();
    ClusterRig.await(rig.sim.scenario().firehose(2_000, 1_000), 60);
    Map<Integer, JsonObject> after = rig.simSessions();
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject stats = rig.botStats();
    while (!hasLastSeqs(stats, after) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      stats = rig.botStats();
    }
    assertTrue(hasLastSeqs(stats, after), "the bot received the dispatches sent after the merge; simulator before "
        + before + ", after " + after + "; bot " + stats.getJsonObject("shards"));
    rig.waitForBotToHaveEverything(30_000, "every seq of every shard at the bot, those published during the split too");
    assertEquals(0, rig.botStats().getLong("bodyMismatches"));
    assertTrue(rig.bot.lines().stream().noneMatch(l -> l.contains("never reached this node")),
        "the bot's relay reported nothing lost");
  }

  /** Whether the bot has seen, on every shard, the last seq of the simulator's session {@code after}. */
  private static boolean hasLastSeqs(JsonObject stats, Map<Integer, JsonObject> after) {
    for (int s = 0; s < SHARDS; s++) {
      JsonObject live = after.get(s);
      JsonObject seen = stats.getJsonObject("shards").getJsonObject(Integer.toString(s));
      JsonObject mine = seen == null || live == null ? null : seen.getJsonObject(live.getString("sessionId"));
      if (mine == null || mine.getLong("max") < live.getLong("seq")) {
        return false;
      }
    }
    return true;
  }
}
