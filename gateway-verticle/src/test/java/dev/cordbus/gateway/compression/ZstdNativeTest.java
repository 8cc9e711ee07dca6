package dev.cordbus.gateway.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A platform without zstd's native library: deploying the gateway with {@code zstd-stream} fails with a message that
 * names the platform and says to use zlib-stream. The real case runs in a child JVM whose {@code os.arch} names an
 * architecture zstd-jni ships no library for, so the library really fails to load there.
 */
class ZstdNativeTest {

  @Test
  void theMessageNamesThePlatformAndTheWayOut() {
    GatewayException e = ZstdNative.unavailable(new UnsatisfiedLinkError("no zstd-jni in java.library.path\nmore"));
    assertEquals(GatewayException.Kind.CONFIG, e.kind());
    assertTrue(e.getMessage().startsWith("compression: "), "names the field: " + e.getMessage());
    assertTrue(e.getMessage().contains(ZstdNative.platform()), e.getMessage());
    assertTrue(e.getMessage().contains("\"zlib-stream\""), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void withTheLibraryPresentTheDeploymentCheckPasses() {
    ZstdNative.require();
  }

  @Test
  void aDeploymentOnAPlatformWithoutTheLibraryFails() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Dos.arch=cordbus-none", "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
        .redirectErrorStream(true).start();
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM finished");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String line = out.lines().filter(l -> l.startsWith("DEPLOY ")).findFirst().orElse(out);
      assertTrue(line.startsWith("DEPLOY FAILED "), line);
      assertTrue(line.contains("/cordbus-none)"), "names the platform: " + line);
      assertTrue(line.contains("Use \"compression\": \"zlib-stream\""), line);
      assertTrue(!line.contains("MTk4"), "no token in the message");
    } finally {
      p.destroyForcibly();
    }
  }

  /** Deploys a gateway with {@code zstd-stream} in this JVM and prints how the deployment ended. */
  public static final class Probe {
    public static void main(String[] args) throws IOException, InterruptedException {
      Vertx vertx = Vertx.vertx();
      try {
        JsonObject config = new JsonObject().put("token", "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs")
            .put("compression", "zstd-stream").put("shardCount", 1)
            .put("restBaseUrl", "http://127.0.0.1:9/api/v10").put("gatewayUrl", "ws://127.0.0.1:9");
        vertx.deployVerticle(new GatewayVerticle(k -> null), new DeploymentOptions().setConfig(config))
            .toCompletionStage().toCompletableFuture().handle((id, err) -> {
              System.out.println(err == null ? "DEPLOY OK " + id : "DEPLOY FAILED " + err.getMessage());
              return null;
            }).get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.out.println("DEPLOY FAILED (probe) " + e);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().join();
      }
    }
  }
}
