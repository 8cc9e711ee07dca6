package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.JsonBytes;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state's streaming encoder writes exactly the bytes Vert.x's encoder wrote, so cached blobs are unchanged. */
class JsonBytesTest {

  @Test
  void everyRecordedDispatchEncodesToTheSameBytesAsVertx() {
    int n = 0;
    for (Frames.Frame f : Frames.session()) {
      assertArrayEquals(Json.encodeToBuffer(f.d()).getBytes(), JsonBytes.encode(f.d()), f.event());
      n++;
    }
    assertEquals(true, n > 20);
  }

  @Test
  void oddValuesMatchVertxToo() {
    JsonObject o = new JsonObject()
        .put("s", "quote \" backslash \\ newline \n tab \t control \u0001 unicode é 🔥 \u2028")
        .put("i", 1).put("l", 12345678901234L).put("d", 1.5).put("f", 2.25f).put("t", true).put("n", (Object) null)
        .put("map", Map.of("k", List.of(1, "two", Map.of())))
        .put("arr", new JsonArray().add(new JsonObject().put("x", new JsonArray())).addNull())
        .put("big", new java.math.BigInteger("123456789012345678901234567890"))
        .put("when", Instant.parse("2026-08-06T18:00:00Z")).put("bytes", new byte[] {1, 2, 3});
    assertArrayEquals(Json.encodeToBuffer(o).getBytes(), JsonBytes.encode(o));
    assertEquals(o.copy().put("when", "2026-08-06T18:00:00Z").put("bytes", "AQID"), Blob.object(Blob.of(o)));
  }
}
