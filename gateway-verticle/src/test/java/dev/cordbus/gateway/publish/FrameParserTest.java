package dev.cordbus.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.gateway.Fixtures;
import dev.cordbus.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameParserTest {

  private final FrameParser parser = new FrameParser();

  private static String bad(String name) throws Exception {
    return Files.readString(Fixtures.dir().resolve("bad").resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void everyRecordedServerFrameParses() throws Exception {
    try (var files = Files.list(Fixtures.dir().resolve("gateway"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().contains("_s2c_")).toList()) {
        Frame f = parser.parse(Files.readString(p));
        if (f.op() == Frame.DISPATCH) {
          assertTrue(f.s() > 0 && f.t() != null && f.dObject() != null, p.toString());
        }
      }
    }
  }

  @Test
  void rejectedFrames() throws Exception {
    for (String name : List.of("truncated.json", "truncated_mid_string.json", "empty.txt", "whitespace_only.txt",
        "not_json.txt", "trailing_garbage.json", "top_level_array.json", "top_level_string.json",
        "op_as_string.json", "op_missing.json", "op_null.json", "op_float.json", "op_negative.json",
        "op_huge_integer.json", "s_as_string.json", "s_overflow.json", "s_negative.json", "t_as_number.json",
        "t_missing_on_dispatch.json", "t_null_on_dispatch.json", "lowercase_event_name.json",
        "deep_nesting_arrays.json", "deep_nesting_objects.json", "duplicate_keys.json", "utf8_bom.json")) {
      GatewayException e = assertThrows(GatewayException.class, () -> parser.parse(bad(name)), name);
      assertEquals(GatewayException.Kind.BAD_FRAME, e.kind(), name);
    }
  }

  @Test
  void acceptedOddFrames() throws Exception {
    Frame unknown = parser.parse(bad("unknown_dispatch_event.json"));
    assertEquals("SOME_FUTURE_EVENT", unknown.t());
    assertEquals(11, unknown.s());
    assertEquals(99, parser.parse(bad("op_unknown_99.json")).op());
    Frame dNull = parser.parse(bad("dispatch_d_null.json"));
    assertNull(dNull.dObject());
    assertEquals(11, dNull.s());
    assertNull(parser.parse(bad("dispatch_missing_d.json")).dObject());
    assertNull(parser.parse(bad("dispatch_d_wrong_type.json")).dObject());
    Map<String, Object> d = parser.parse(bad("message_create_id_as_number.json")).dObject();
    assertEquals("1534984653373571072", d.get("id").toString(), "no precision loss");
    assertTrue(parser.parse(bad("lone_surrogate_escape.json")).dObject().get("content").toString()
        .endsWith(" alone"));
    assertEquals("false", parser.parse(bad("invalid_session_d_not_bool.json")).d());
    assertEquals(0, parser.parse(bad("hello_interval_zero.json")).dObject().get("heartbeat_interval"));
  }

  @Test
  void envelopeStyles() {
    Frame ack = parser.parse("{\"op\":11}");
    assertEquals(11, ack.op());
    assertEquals(-1, ack.s());
    Frame hello = parser.parse("{\"op\":10,\"d\":{\"heartbeat_interval\":45000},\"s\":null,\"t\":null}");
    assertEquals(45000, hello.dObject().get("heartbeat_interval"));
  }

  @Test
  void aDispatchKeepsItsPayloadAsTheReceivedBytesAndNamesItsGuild() {
    String d = "{\"id\":\"5\",\"guild_id\":\"9\",\"nested\":{\"guild_id\":\"7\"},\"content\":\"h\u00e9 {}\"}";
    byte[] frame = ("XX{\"t\":\"MESSAGE_CREATE\",\"d\":" + d + ",\"s\":42,\"op\":0}")
        .getBytes(StandardCharsets.UTF_8);
    Frame f = parser.parse(frame, 2, frame.length - 2);
    assertEquals(42, f.s());
    assertEquals("MESSAGE_CREATE", f.t());
    assertEquals("9", f.guild(), "the top-level guild_id, not a nested one");
    assertNull(f.d(), "no tree is built for a dispatch");
    assertEquals(d, new String(frame, f.dOffset(), f.dLength(), StandardCharsets.UTF_8));
    Frame guild = parser.parse("{\"op\":0,\"s\":1,\"t\":\"GUILD_CREATE\",\"d\":{\"id\":81,\"name\":\"g\"}}");
    assertEquals("81", guild.guild(), "GUILD_CREATE names its guild by id; numbers become strings");
    assertNull(parser.parse("{\"op\":0,\"s\":1,\"t\":\"MESSAGE_DELETE\",\"d\":{\"id\":\"3\"}}").guild(),
        "only GUILD_* events use d.id");
  }

  @Test
  void everyRecordedDispatchKeepsExactlyItsPayloadBytes() throws Exception {
    try (var files = Files.list(Fixtures.dir().resolve("gateway"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().contains("_s2c_")).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        Frame f = parser.parse(bytes, 0, bytes.length);
        if (f.op() == Frame.DISPATCH) {
          Map<String, Object> expected = new io.vertx.core.json.JsonObject(new String(bytes, StandardCharsets.UTF_8))
              .getJsonObject("d").getMap();
          assertEquals(expected, new io.vertx.core.json.JsonObject(new String(bytes, f.dOffset(), f.dLength(),
              StandardCharsets.UTF_8)).getMap(), p.toString());
        }
      }
    }
  }

  @Test
  void nonUtf8AndBomAreBadFrames() throws Exception {
    byte[] bin = Files.readAllBytes(Fixtures.dir().resolve("bad").resolve("non_utf8.bin"));
    assertEquals(GatewayException.Kind.BAD_FRAME,
        assertThrows(GatewayException.class, () -> parser.parse(bin, 0, bin.length)).kind());
  }
}
