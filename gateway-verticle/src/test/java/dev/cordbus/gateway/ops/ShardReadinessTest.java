package dev.cordbus.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Readiness of a group's shards from their status, and reconnect reasons as fixed label values. */
class ShardReadinessTest {

  private static JsonObject shard(int id, String state, boolean resumable, Long awayMs) {
    return new JsonObject().put("shard", id).put("state", state).put("resumable", resumable)
        .put("notReadyForMs", awayMs);
  }

  @Test
  void readyShardsAndShortResumesAreReady() {
    JsonArray shards = new JsonArray().add(shard(0, "READY", true, null))
        .add(shard(1, "RESUMING", true, 2_000L)).add(shard(2, "RECONNECT_WAIT", true, 500L));
    assertTrue(ShardReadiness.notReady(shards).isEmpty());
  }

  @Test
  void identifyingLongResumesAndFatalClosesAreNot() {
    JsonArray shards = new JsonArray().add(shard(0, "IDENTIFYING", false, 10L))
        .add(shard(1, "RESUMING", true, ShardReadiness.RESUME_WINDOW_MS + 1))
        .add(shard(2, "FATALLY_CLOSED", false, 5L)).add(shard(3, "READY", true, null));
    JsonArray out = ShardReadiness.notReady(shards);
    assertEquals(3, out.size(), out.encode());
    assertEquals(0, out.getJsonObject(0).getInteger("shard"));
    assertTrue(out.getJsonObject(1).getString("reason").contains("resume window"), out.encode());
    assertEquals("FATALLY_CLOSED", out.getJsonObject(2).getString("state"));
  }

  @Test
  void reconnectReasonsAreFixedWords() {
    assertEquals("op7_reconnect", ReconnectReason.of("CLIENT", "server requested reconnect (op 7)"));
    assertEquals("zombie", ReconnectReason.of("CLIENT", "zombied connection (no heartbeat ACK)"));
    assertEquals("invalid_session", ReconnectReason.of("CLIENT", "invalid session (resumable)"));
    assertEquals("server_close", ReconnectReason.of("SERVER", "anything the server says, <b>even this</b>"));
    assertEquals("connection_lost", ReconnectReason.of("CUT", "connection lost without a close frame"));
    assertEquals("other", ReconnectReason.of("CLIENT", "something new"));
  }
}
