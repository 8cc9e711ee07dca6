package dev.cordbus.bridge.it;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.bridge.BridgeAddresses;
import dev.cordbus.bridge.BridgeVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * A load source for measuring what a bot in another language consumes over each bridge (not a test; README of
 * bridge-verticle, "Figures"). Deploys the bridge (secret {@code CORDBUS_BRIDGE_SECRET}, TCP and SockJS on free
 * loopback ports), prints {@code READY <tcp port> <sockjs port>}, and on {@code go <rate> <seconds>} publishes
 * MESSAGE_CREATE payloads of about 1 KB on {@code discord.MESSAGE_CREATE} at that rate (bounded: at most 60 s and
 * 500,000 events), each with the gateway's headers and {@code sent-micros} (wall clock, for cross-process latency),
 * then prints {@code SENT <n> <seconds>}. {@code quit} exits.
 */
public final class BridgeLoadMain {

  private BridgeLoadMain() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    String secret = System.getenv(BridgeAddresses.SECRET_ENV);
    BridgeVerticle bridge = new BridgeVerticle(n -> BridgeAddresses.SECRET_ENV.equals(n) ? secret : null);
    vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(new JsonObject()
        .put("tcp", new JsonObject().put("port", 0)).put("sockjs", new JsonObject().put("port", 0))
        .put("services", false))).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.out.println("READY " + bridge.tcpPort() + " " + bridge.sockjsPort());
    System.out.flush();
    JsonObject author = new JsonObject().put("id", "1191168914227331072").put("username", "vivid_tiger26")
        .put("global_name", "Vivid Tiger").put("discriminator", "0").put("avatar", (String) null);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.trim().split(" ");
      if ("quit".equals(cmd[0])) {
        break;
      }
      if (!"go".equals(cmd[0])) {
        continue;
      }
      int rate = Math.max(1, Math.min(50_000, Integer.parseInt(cmd[1])));
      int seconds = Math.max(1, Math.min(60, Integer.parseInt(cmd[2])));
      long total = Math.min(500_000L, (long) rate * seconds);
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 200_000) {
          TimeUnit.NANOSECONDS.sleep(wait - 100_000);
        }
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        JsonObject d = new JsonObject().put("id", Long.toString(1_600_000_000_000_000_000L + i))
            .put("channel_id", "335317448297414656").put("guild_id", "335317448297414600").put("author", author)
            .put("content", "load " + i + " ".repeat(600)).put("type", 0).put("tts", false)
            .put("timestamp", "2026-11-29T02:50:00.000000+00:00").put("mentions", new JsonArray())
            .put("attachments", new JsonArray()).put("embeds", new JsonArray());
        DeliveryOptions h = new DeliveryOptions().addHeader(Headers.SHARD, "0").addHeader(Headers.SEQ,
            Long.toString(i + 1)).addHeader(Headers.EVENT, "MESSAGE_CREATE")
            .addHeader(Headers.GUILD, "335317448297414600")
            .addHeader(Headers.RECEIVED_MILLIS, Long.toString(now / 1000)).addHeader("sent-micros", Long.toString(now));
        vertx.eventBus().publish(Addresses.dispatch("MESSAGE_CREATE"), d, h);
      }
      System.out.println("SENT " + total + " " + (System.nanoTime() - start) / 1_000_000 / 1000.0);
      System.out.flush();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    System.exit(0);
  }
}
