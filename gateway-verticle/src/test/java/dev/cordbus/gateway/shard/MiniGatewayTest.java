package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A minimal in-test gateway (independent of the simulator): HELLO, IDENTIFY, READY, a dispatch over zlib-stream
 * split across two WebSocket messages, heartbeats with ACK. Checks the IDENTIFY the shard sends and the published
 * dispatch with its headers.
 */
@ExtendWith(VertxExtension.class)
class MiniGatewayTest {

  @Test
  void identifiesAndPublishesOverZlibStream(Vertx vertx, VertxTestContext ctx) {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    HttpServer server = vertx.createHttpServer();
    server.webSocketHandler(ws -> serve(ws, received)).requestHandler(req -> {
      if (req.path().endsWith("/gateway/bot")) {
        int port = req.localAddress().port();
        req.response().end(new JsonObject().put("url", "ws://127.0.0.1:" + port).put("shards", 1)
            .put("session_start_limit", new JsonObject().put("total", 1000).put("remaining", 999)
                .put("reset_after", 1000).put("max_concurrency", 1)).encode());
      } else {
        req.response().setStatusCode(404).end();
      }
    });
    Checkpoint dispatched = ctx.checkpoint();
    Checkpoint groupReady = ctx.checkpoint();
    Checkpoint deployed = ctx.checkpoint();
    vertx.eventBus().<JsonObject>consumer(Addresses.GROUP_READY, m -> groupReady.flag());
    vertx.eventBus().<JsonObject>consumer(Addresses.dispatch("MESSAGE_CREATE"), m -> ctx.verify(() -> {
      assertEquals("hi", m.body().getString("content"));
      assertEquals("2", m.headers().get(Headers.SEQ));
      assertEquals("0", m.headers().get(Headers.SHARD));
      assertEquals("41771983423143937", m.headers().get(Headers.GUILD));
      assertEquals("sess-1", m.headers().get(Headers.SESSION));
      JsonObject identify = received.stream().filter(f -> f.getInteger("op") == 2).findFirst().orElseThrow();
      JsonObject d = identify.getJsonObject("d");
      assertEquals("tok", d.getString("token"));
      assertEquals("cordbus", d.getJsonObject("properties").getString("browser"));
      assertEquals(List.of(0, 1), d.getJsonArray("shard").getList());
      assertEquals(250, d.getInteger("large_threshold"));
      assertEquals(false, d.getBoolean("compress"));
      dispatched.flag();
    }));
    server.listen(0, "127.0.0.1").compose(s -> vertx.deployVerticle(new GatewayVerticle(k -> null),
        new DeploymentOptions().setConfig(new JsonObject().put("token", "tok").put("shardCount", 1)
            .put("restBaseUrl", "http://127.0.0.1:" + s.actualPort() + "/api/v10").put("identifyIntervalMs", 10))))
        .onComplete(ctx.succeeding(id -> deployed.flag()));
  }

  /**
   * READY names a resume_gateway_url nobody listens on; after op 7 the resume socket cannot be opened, so the shard
   * keeps its session and RESUMEs on the cached /gateway URL instead (no IDENTIFY, no missed events).
   */
  @Test
  void unreachableResumeUrlResumesOnTheGatewayUrl(Vertx vertx, VertxTestContext ctx) {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    HttpServer server = vertx.createHttpServer();
    server.webSocketHandler(ws -> {
      sockets.add(ws);
      serve(ws, received);
    }).requestHandler(req -> req.response().end(new JsonObject().put("url", "ws://127.0.0.1:"
        + req.localAddress().port()).put("shards", 1).encode()));
    Checkpoint resumed = ctx.checkpoint();
    vertx.eventBus().<JsonObject>consumer(Addresses.SHARD_READY, m -> sockets.get(0)
        .writeTextMessage("{\"op\":7,\"d\":null}"));
    vertx.eventBus().<JsonObject>consumer(Addresses.SHARD_RESUME, m -> ctx.verify(() -> {
      assertEquals(1, received.stream().filter(f -> f.getInteger("op") == 2).count(), "one IDENTIFY only");
      assertEquals(1, received.stream().filter(f -> f.getInteger("op") == 6).count(), "a RESUME");
      assertEquals(2, sockets.size(), "the second socket is on the gateway URL");
      resumed.flag();
    }));
    server.listen(0, "127.0.0.1").compose(s -> vertx.deployVerticle(new GatewayVerticle(k -> null),
        new DeploymentOptions().setConfig(new JsonObject().put("token", "tok").put("shardCount", 1)
            .put("compression", "none").put("backoffBaseMs", 10).put("identifyIntervalMs", 10)
            .put("restBaseUrl", "http://127.0.0.1:" + s.actualPort() + "/api/v10"))))
        .onComplete(ctx.succeeding(id -> { }));
  }

  private static void serve(ServerWebSocket ws, List<JsonObject> received) {
    boolean zlib = ws.query().contains("compress=zlib-stream");
    Deflater deflater = new Deflater();
    java.util.function.Consumer<String> send = text -> {
      if (zlib) {
        ws.writeBinaryMessage(deflate(deflater, text));
      } else {
        ws.writeTextMessage(text);
      }
    };
    send.accept("{\"op\":10,\"d\":{\"heartbeat_interval\":300}}");
    ws.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      received.add(frame);
      if (frame.getInteger("op") == 1) {
        send.accept("{\"op\":11}");
      } else if (frame.getInteger("op") == 6) {
        send.accept("{\"op\":0,\"s\":2,\"t\":\"RESUMED\",\"d\":{}}");
      } else if (frame.getInteger("op") == 2) {
        send.accept("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"sess-1\","
            + "\"resume_gateway_url\":\"ws://127.0.0.1:1\",\"guilds\":[]}}");
        if (!zlib) {
          return;
        }
        Buffer dispatch = deflate(deflater, "{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"hi\","
            + "\"guild_id\":\"41771983423143937\"}}");
        ws.writeBinaryMessage(dispatch.getBuffer(0, 5));
        ws.writeBinaryMessage(dispatch.getBuffer(5, dispatch.length()));
      }
    });
  }

  private static Buffer deflate(Deflater deflater, String text) {
    deflater.setInput(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1024];
    int n;
    do {
      n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
      out.write(buf, 0, n);
    } while (n == buf.length);
    return Buffer.buffer(out.toByteArray());
  }
}
