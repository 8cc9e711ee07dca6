package dev.cordbus.example.ops;

import static dev.cordbus.example.ops.OpsDeployment.await;
import static dev.cordbus.example.ops.OpsDeployment.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cordbus.api.Addresses;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live console in a real browser: Debian's headless Chromium driven by playwright-core
 * ({@code console-test/console-check.mjs}) opens the console of a running gateway + state node against the
 * simulator streaming events on two shards. The rendered page must show every shard READY with events/s above zero,
 * then, after the simulator forces shard 1 to reconnect (op 7), show that reconnect within 2 s. Screenshots:
 * {@code target/console.png} and {@code target/console-reconnect.png}; figures in {@code target/console-figures.txt}.
 */
class ConsoleBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCRIPT_DIR = Path.of("console-test");

  @Test
  void everyShardReadyThenAReconnectShownWithinTwoSeconds() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("this test needs Debian's chromium at /usr/bin/chromium: install it with `apt-get install -y chromium`"
          + " (.ci/run does)");
    }
    if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))) {
      fail("playwright-core is missing: run `npm ci --prefix example-bot-verticle/console-test` (mvn verify does)");
    }
    Path target = Path.of("target").toAbsolutePath();
    Files.createDirectories(target);
    Path screenshot = target.resolve("console.png");
    try (OpsDeployment d = new OpsDeployment()) {
      d.simulator(new SimulatorOptions().heartbeatIntervalMs(5000).identifyWindowMs(50).world(World.small(7)));
      AtomicLong groupReady = new AtomicLong();
      await(d.vertx.eventBus().consumer(Addresses.GROUP_READY, m -> groupReady.incrementAndGet()).completion());
      JsonObject ops = new JsonObject().put("port", 0).put("console", true);
      d.state(ops);
      d.gateway(d.gatewayConfig(2, ops).put("identifyIntervalMs", 500));
      waitUntil("group ready", () -> groupReady.get() > 0, OpsDeployment.TIMEOUT_MS);
      d.sim.scenario().firehose(6_000, 50); // about 2 minutes of traffic at most, on both shards
      String url = "http://127.0.0.1:" + d.port + "/console/";
      Process node = new ProcessBuilder("node", "console-check.mjs", url, screenshot.toString(), "2")
          .directory(SCRIPT_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try {
        BlockingQueue<JsonObject> out = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
          try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(),
              StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
              System.out.println("console-check: " + line);
              if (line.startsWith("{")) {
                out.add(new JsonObject(line));
              }
            }
          } catch (Exception e) {
            out.add(new JsonObject().put("event", "error").put("message", e.toString()));
          }
        }, "console-check-reader");
        reader.setDaemon(true);
        reader.start();
        JsonObject ready = next(out, 90);
        assertEquals("ready", ready.getString("event"), ready.encode());
        JsonArray shards = ready.getJsonArray("shards");
        assertEquals(2, shards.size(), ready.encode());
        for (Object o : shards) {
          JsonObject s = (JsonObject) o;
          assertEquals("READY", s.getString("state"), s.encode());
          assertTrue(s.getDouble("eps") > 0, "events/s shown above zero: " + s.encode());
        }
        Matcher m = Pattern.compile("all READY ([0-9.]+) s after start").matcher(ready.getString("startup"));
        assertTrue(m.find(), "the startup line shows the time to READY: " + ready.getString("startup"));
        assertTrue(ready.getString("startup").contains("shards identified"), ready.getString("startup"));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot was saved");

        Writer stdin = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        long forced = System.nanoTime();
        stdin.write("reconnect 1\n");
        stdin.flush();
        await(d.sim.scenario().reconnect(1));
        JsonObject shown = next(out, 15);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - forced);
        assertEquals("reconnect-shown", shown.getString("event"), shown.encode());
        assertTrue(ms < 2000, "the reconnect of shard 1 showed after " + ms + " ms (must be < 2 s)");
        assertTrue(shown.getJsonObject("row").getString("text").contains("op7_reconnect"),
            "the row says why: " + shown.encode());
        Files.writeString(target.resolve("console-figures.txt"), "start to READY shown on the console: "
            + m.group(1) + " s\nforced reconnect shown after: " + ms + " ms\nscreenshot: " + screenshot + "\n");
        stdin.close();
        assertTrue(node.waitFor(20, TimeUnit.SECONDS), "the browser script ends");
        assertEquals(0, node.exitValue());
      } finally {
        if (node.isAlive()) {
          node.destroy();
          node.waitFor(5, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static JsonObject next(BlockingQueue<JsonObject> out, int seconds) throws InterruptedException {
    JsonObject o = out.poll(seconds, TimeUnit.SECONDS);
    if (o == null) {
      fail("no answer from the browser script within " + seconds + " s");
    }
    return o;
  }
}
