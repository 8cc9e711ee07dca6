package dev.cordbus.bridge.it;

import dev.cordbus.testkit.ChildProcess;
import dev.cordbus.testkit.ClusterConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.simulator.rest.RateLimitSim;
import dev.cordbus.simulator.rest.RestSim;
import dev.cordbus.simulator.rest.RestSimStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * REST rate-limit buckets shared cluster-wide: two REST nodes (separate JVMs, one Hazelcast cluster on 127.0.0.1)
 * each send a burst of message creates to the same channel through their own REST verticle. The simulator's REST
 * side (in this JVM, real HTTP) counts arrivals per bucket window: never more than the bucket, no 429, and every
 * message created.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SharedRestBucketsClusterTest {

  static final String TOKEN = "cluster-rest-token-0123456789";
  static final String CREATE = "POST /channels/{channel_id}/messages";
  /** The fixture guild's #general. */
  static final String CHANNEL = "290926798999357250";
  static final int LIMIT = 4;
  static final long WINDOW_MS = 500;
  static final int PER_NODE = 16;

  private Vertx vertx;
  private ChildProcess a;
  private ChildProcess b;

  @AfterEach
  void stop() throws Exception {
    for (ChildProcess p : new ChildProcess[] {a, b}) {
      if (p != null && p.isAlive()) {
        p.tell("quit");
        if (p.terminate(20_000) == null) {
          p.close();
        }
      }
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void twoRestNodesTogetherNeverExceedTheBucket() throws Exception {
    vertx = Vertx.vertx();
    JsonObject guild = new JsonObject(Files.readString(ClusterConfig.root()
        .resolve("fixtures/gateway/006_s2c_GUILD_CREATE.json"))).getJsonObject("d");
    RateLimitSim limits = new RateLimitSim().rule(CREATE, "msghash", LIMIT, WINDOW_MS);
    RestSim sim = new RestSim(RestSimStore.withDefaultBot().addGuild(guild), limits, Set.of(TOKEN));
    Router router = Router.router(vertx);
    sim.mount(router, "/api/v10");
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(router).listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    String base = "http://127.0.0.1:" + server.actualPort() + "/api/v10";

    Path clusterXml = ClusterConfig.isolatedCopy();
    a = ChildProcess.start("rest-node-a", ChildProcess.java(clusterXml, PartitionNodeMain.class.getName(), "rest",
        base, TOKEN), Path.of("."), Map.of(), List.of());
    b = ChildProcess.start("rest-node-b", ChildProcess.java(clusterXml, PartitionNodeMain.class.getName(), "rest",
        base, TOKEN), Path.of("."), Map.of(), List.of());
    a.await(l -> l.equals("REST-UP"), 90_000, "REST-UP from node a");
    b.await(l -> l.equals("REST-UP"), 90_000, "REST-UP from node b");
    awaitMembers(a, 2);

    a.tell("go " + PER_NODE + " " + CHANNEL);
    b.tell("go " + PER_NODE + " " + CHANNEL);
    String doneA = a.await(l -> l.startsWith("DONE"), 90_000, "DONE from node a");
    String doneB = b.await(l -> l.startsWith("DONE"), 90_000, "DONE from node b");

    assertEquals("0", doneA.split(" ")[2], "node a: every call succeeded (maxRetries 0: a 429 would fail it)");
    assertEquals("0", doneB.split(" ")[2], "node b: every call succeeded");
    assertEquals(0, limits.rejected(), "no 429 from the simulator: " + limits.windows());
    assertTrue(limits.maxArrivedInWindow("msghash") <= LIMIT, "arrivals per window " + limits.windows());
    assertEquals(2L * PER_NODE, limits.total(), "every request reached the simulator once");
    long windows = 2L * PER_NODE / LIMIT;
    long slowest = Math.max(Long.parseLong(doneA.split(" ")[3]), Long.parseLong(doneB.split(" ")[3]));
    assertTrue(slowest >= (windows - 1) * WINDOW_MS, "the two nodes shared one budget: " + 2 * PER_NODE
        + " calls at " + LIMIT + " per " + WINDOW_MS + " ms need " + windows + " windows, took " + slowest + " ms");
    System.out.printf("shared buckets: %d calls from 2 nodes in %d ms, max %d per %d ms window (limit %d), 429s %d%n",
        2 * PER_NODE, slowest, limits.maxArrivedInWindow("msghash"), WINDOW_MS, LIMIT, limits.rejected());
  }

  static void awaitMembers(ChildProcess p, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      int from = p.lineCount();
      p.tell("members");
      String line = p.awaitFrom(from, l -> l.startsWith("MEMBERS"), 10_000, "MEMBERS");
      if (Integer.parseInt(line.split(" ")[1]) >= n) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the cluster never reached " + n + " members: " + p.tail(20));
  }
}
