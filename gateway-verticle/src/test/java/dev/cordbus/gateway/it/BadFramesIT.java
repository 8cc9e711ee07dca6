package dev.cordbus.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Addresses;
import dev.cordbus.gateway.Fixtures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every server-sendable file of fixtures/bad/ leaves the shard alive (no reconnect, except the op 9 whose d is not
 * a boolean, which is an invalid session) and the next good dispatch still arrives; bad ones are counted and reported on {@code discord.shard.error}.
 */
class BadFramesIT extends GatewayItBase {

  /** Files that are valid enough to be passed on (no bad-frame report). */
  private static final Set<String> ACCEPTED = Set.of("op_unknown_99.json", "unknown_dispatch_event.json",
      "message_create_id_as_number.json", "message_delete_unknown_ids.json", "lone_surrogate_escape.json",
      "oversized_message_300k.json");

  @ParameterizedTest
  @ValueSource(strings = {"none", "zlib-stream", "zstd-stream"})
  void everyBadFrameLeavesTheShardAlive(String compression, Vertx vertx) throws Exception {
    start(vertx, simOptions(), compression);
    List<Path> files;
    try (var list = Files.list(Fixtures.dir().resolve("bad"))) {
      files = list.filter(p -> !p.getFileName().toString().startsWith("client_")).sorted().toList();
    }
    assertTrue(files.size() >= 35, "fixtures found: " + files.size());
    int expectedBad = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      int errorsBefore = badFrameErrors();
      if (name.endsWith(".bin")) {
        if (!compression.equals("none")) {
          continue; // raw bytes inside a zlib/zstd stream corrupt its context: FaultRecoveryIT's reconnect test
        }
        await(sim.scenario().sendRawBinary(0, Buffer.buffer(Files.readAllBytes(file))));
      } else {
        await(sim.scenario().sendRaw(0, Files.readString(file)));
      }
      if (name.equals("invalid_session_d_not_bool.json")) {
        // op 9 with a non-boolean d is treated as "not resumable": the shard identifies a new session
        waitUntil("new session after " + name, () -> bus.on(Addresses.SHARD_READY).size() == 2);
      }
      String tag = inject("after-" + name);
      waitUntil("good dispatch after " + name, () -> count(tag) == 1, 5000);
      if (!ACCEPTED.contains(name)) {
        expectedBad++;
        assertTrue(badFrameErrors() > errorsBefore, name + " was not reported as a bad frame");
      }
    }
    assertEquals(2, sim.log().identifies().size(), "one new session, for the non-boolean op 9 only");
    assertEquals(1, bus.on(Addresses.SHARD_DISCONNECT).size(), "disconnected for the non-boolean op 9 only");
    assertTrue(badFrameErrors() >= expectedBad);
    assertEquals(1, bus.on(Addresses.dispatch("SOME_FUTURE_EVENT")).size(), "unknown events are passed on");
    assertTrue(bus.on(Addresses.RAW).stream().anyMatch(s -> String.valueOf(s.body()).contains("from the future")),
        "unknown opcodes are passed on raw");
    JsonObject status = await(vertx.eventBus().<JsonObject>request(Addresses.GATEWAY_STATUS, null)).body();
    JsonObject shard = status.getJsonArray("shards").getJsonObject(0);
    assertEquals("READY", shard.getString("state"));
    assertTrue(shard.getLong("badFrames") >= expectedBad, shard.encode());
  }

  private int badFrameErrors() {
    return (int) bus.on(Addresses.SHARD_ERROR).stream()
        .filter(s -> "bad-frame".equals(s.json().getString("kind"))).count();
  }
}
