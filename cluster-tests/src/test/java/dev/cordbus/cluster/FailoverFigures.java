package dev.cordbus.cluster;

import dev.cordbus.simulator.core.SimulatorLog;
import dev.cordbus.testkit.ChildProcess;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Failover figures with the shipped settings: {@code --runs} (5) times, kill -9 the gateway node holding the most
 * groups of a 3-node {@link ClusterRig} while the simulator streams 2,000 dispatches/s, and measure, per dead shard,
 * the time from the kill to the first dispatch a survivor read reaching the bot node; then start a fresh node and
 * wait until the groups spread again. Prints each run and the median and max over runs (of the slowest dead shard
 * per run), and fails if a run identified, lost a seq or delivered a seq twice with different bodies.
 *
 * <p>{@code mvn -o -q -pl cluster-tests -am verify -DskipTests -Dcordbus.main=dev.cordbus.cluster.FailoverFigures -Dcordbus.args="--runs 5"}
 */
public final class FailoverFigures {

  private FailoverFigures() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
    List<Long> slowest = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    try (ClusterRig rig = new ClusterRig()) {
      rig.startBot();
      rig.startGateways(3);
      rig.waitForSpread(180_000, "3 gateway nodes holding the 4 groups");
      for (int run = 1; run <= runs; run++) {
        int identifies = rig.sim.log().identifies().size();
        int resumes = rig.sim.log().resumes().size();
        var stream = rig.sim.scenario().firehose(10_000, 2_000);
        Thread.sleep(2_000);
        ChildProcess victim = rig.held().entrySet().stream()
            .max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow().getKey();
        Set<Integer> dead = ClusterRig.shardsOf(rig.held().get(victim));
        long killNanos = System.nanoTime();
        victim.kill();
        rig.mark(killNanos);
        rig.gateways.remove(victim);
        ClusterRig.await(stream, 120);
        rig.waitForBotToHaveEverything(60_000, "every seq at the bot");
        JsonObject stats = rig.botStats();
        JsonObject first = stats.getJsonObject("firstAfterMarkNanos");
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int s : dead) {
          long ms = (first.getLong(Integer.toString(s)) - killNanos) / 1_000_000;
          min = Math.min(min, ms);
          max = Math.max(max, ms);
        }
        long resumed = rig.sim.log().resumes().subList(resumes, rig.sim.log().resumes().size()).stream()
            .filter(r -> dead.contains(r.shard()) && r.accepted()).map(SimulatorLog.Resume::shard).distinct().count();
        boolean clean = rig.sim.log().identifies().size() == identifies && resumed == dead.size()
            && stats.getLong("bodyMismatches") == 0;
        ok &= clean;
        slowest.add(max);
        String line = String.format("run %d: kill -9 of a node with shards %s: first resumed dispatch at the bot "
            + "%d ms, last dead shard %d ms after the kill; RESUMEs %d/%d, identifies %d, lost 0, body mismatches %d",
            run, dead, min, max, resumed, dead.size(), rig.sim.log().identifies().size() - identifies,
            stats.getLong("bodyMismatches"));
        lines.add(line);
        System.out.println("FAILOVER " + line);
        rig.startGateways(1);
        rig.waitForSpread(180_000, "3 nodes holding groups again");
      }
    }
    List<Long> sorted = new ArrayList<>(slowest);
    sorted.sort(null);
    String summary = String.format("kill -9 -> every dead shard delivering again (shipped settings, %d runs): "
        + "median %d ms, max %d ms", sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    lines.forEach(l -> System.out.println("  " + l));
    System.out.println(summary);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "failover-figures.md"),
        "- " + String.join("\n- ", lines) + "\n- " + summary + "\n");
    System.exit(ok ? 0 : 1);
  }
}
