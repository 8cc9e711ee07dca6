package dev.cordbus.cluster;

import dev.cordbus.testkit.ChildProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The test's side of an {@link XnodeBotMain} JVM: its stdin commands as methods, each waiting for its answer. */
final class XnodeBot implements AutoCloseable {

  private final ChildProcess process;

  private XnodeBot(ChildProcess process) {
    this.process = process;
  }

  /** Starts a bot JVM in the cluster of {@code clusterXml} with {@code args} (see {@link XnodeBotMain}). */
  static XnodeBot start(String name, Path clusterXml, String... args) throws Exception {
    return new XnodeBot(ChildProcess.start(name, ChildProcess.java(clusterXml, XnodeBotMain.class.getName(), args),
        Path.of(".").toAbsolutePath(), Map.of(), List.of()));
  }

  /** Waits for a line starting with {@code prefix} (seen before or not) and returns the rest. */
  String await(String prefix, long ms, String what) throws InterruptedException {
    return process.await(l -> l.startsWith(prefix), ms, what).substring(prefix.length());
  }

  /** Sends {@code command} and returns the rest of the first later line starting with {@code prefix}. */
  private String ask(String command, String prefix) throws Exception {
    int from = process.lineCount();
    process.tell(command);
    return process.awaitFrom(from, l -> l.startsWith(prefix), 30_000, "'" + prefix + "' after " + command)
        .substring(prefix.length());
  }

  /** Deploys three reporters on three event loops consuming {@code addresses}; returns their threads. */
  List<String> reporters(Iterable<String> addresses) throws Exception {
    return List.of(ask("reporters " + String.join(",", addresses), "REPORTERS-READY ").split(","));
  }

  void stopReporters() throws Exception {
    ask("reporters-stop", "REPORTERS-STOPPED");
  }

  /** How many dispatches each reporter recorded. */
  List<Integer> counts() throws Exception {
    return new JsonArray(ask("counts", "COUNTS ")).stream().map(n -> ((Number) n).intValue()).toList();
  }

  /** Every reporter's records, by reporter index. */
  Map<Integer, List<JsonObject>> dump() throws Exception {
    int from = process.lineCount();
    process.tell("dump");
    process.awaitFrom(from, l -> l.equals("DUMP-END"), 30_000, "the dump");
    Map<Integer, List<JsonObject>> out = new HashMap<>();
    for (String line : process.lines().subList(from, process.lineCount())) {
      if (line.startsWith("SEEN ")) {
        JsonObject s = new JsonObject(line.substring(5));
        out.computeIfAbsent(s.getInteger("consumer"), k -> new ArrayList<>()).add(s);
      }
    }
    return out;
  }

  /**
   * The order consumers of {@code events}, registered afresh: the old ones are undeployed, their removal is given
   * {@code settleMs} to reach the other nodes, then new ones register.
   */
  void freshOrderConsumers(String events, long settleMs) throws Exception {
    ask("order-stop", "ORDER-STOPPED");
    Thread.sleep(settleMs);
    ask("order-start " + events, "ORDER-READY");
  }

  /** Forgets what the order consumers recorded, keeping their registrations. */
  void clearOrder() throws Exception {
    ask("order-clear", "ORDER-CLEARED");
  }

  JsonObject order() throws Exception {
    return new JsonObject(ask("order", "ORDER "));
  }

  /** Polls the order stats until they hold {@code n} dispatches and a further 300 ms brought no more. */
  JsonObject waitForOrder(int n, long ms) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (true) {
      JsonObject order = order();
      if (order.getInteger("n") >= n) {
        Thread.sleep(300);
        return order();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the bot has " + order + " after " + ms + " ms; expected " + n);
      }
      Thread.sleep(200);
    }
  }

  /** A late node's stats. */
  JsonObject late() throws Exception {
    return new JsonObject(ask("late", "LATE "));
  }

  @Override
  public void close() {
    process.close();
  }
}
