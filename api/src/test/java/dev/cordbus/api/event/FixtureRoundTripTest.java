package dev.cordbus.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.dispatch.DispatchBody;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every dispatch of the recorded session ({@code fixtures/session.jsonl}) and of {@code fixtures/gateway/extra}
 * decodes into its record, from the received bytes as consumers get them and from a plain {@code JsonObject}, and
 * re-encodes without losing or changing any field (unknown keys are kept in {@code extra}).
 */
class FixtureRoundTripTest {

  record Dispatch(String source, String event, String d) {
  }

  static Path fixtures() {
    return Path.of(System.getProperty("cordbus.fixtures", "../fixtures"));
  }

  static List<Dispatch> dispatches() throws IOException {
    List<Dispatch> out = new ArrayList<>();
    for (String line : Files.readAllLines(fixtures().resolve("session.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject l = new JsonObject(line);
      JsonObject frame = l.getJsonObject("frame");
      if ("s2c".equals(l.getString("dir")) && frame.getInteger("op") == 0) {
        out.add(new Dispatch(l.getString("file"), frame.getString("t"), frame.getJsonObject("d").encode()));
      }
    }
    try (Stream<Path> extra = Files.list(fixtures().resolve("gateway/extra"))) {
      for (Path p : extra.sorted().toList()) {
        JsonObject frame = new JsonObject(Files.readString(p));
        if (frame.getInteger("op") == 0) {
          out.add(new Dispatch("gateway/extra/" + p.getFileName(), frame.getString("t"),
              frame.getJsonObject("d").encode()));
        }
      }
    }
    return out;
  }

  @Test
  void everyFixtureDispatchDecodesIntoItsRecordAndReEncodesWithoutLoss() throws IOException {
    List<Dispatch> all = dispatches();
    assertTrue(all.size() >= 70, "the session and the extras hold at least 70 dispatches: " + all.size());
    Set<String> events = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (Dispatch f : all) {
      EventType<?> key = Events.dispatch(f.event());
      assertNotNull(key, f.source() + ": no key for " + f.event());
      events.add(f.event());
      JsonObject original = new JsonObject(f.d());
      byte[] bytes = ("{\"pad\":1}" + f.d()).getBytes(StandardCharsets.UTF_8);
      JsonObject received = DispatchBody.json(bytes, 9, bytes.length - 9);

      Object fromBytes = key.decode(received);
      assertFalse(DispatchBody.of(received).isParsed(), "decoding read the bytes, not a JsonObject tree");
      Object fromTree = key.decode(original.copy());
      assertEquals(key.recordClass(), fromBytes.getClass(), f.source());
      assertEquals(fromBytes, fromTree, f.source() + ": bytes and tree decode alike");

      JsonObject again = TypedJson.encode(fromBytes);
      List<String> lost = JsonTrees.lost(original, again);
      if (!lost.isEmpty()) {
        problems.add(f.source() + " " + f.event() + ": " + lost);
      }
      assertEquals(fromBytes, key.decode(again), f.source() + ": decode(encode(x)) == x");
    }
    assertTrue(problems.isEmpty(), "fields lost on re-encoding:\n" + String.join("\n", problems));
    assertTrue(events.size() >= 45, "distinct events covered: " + events);
  }

  @Test
  void unknownFieldsLandInExtraForEveryKeyAndSurviveReEncoding() {
    List<EventType<?>> keys = new ArrayList<>(Events.dispatches());
    keys.addAll(Events.published().values());
    keys.addAll(dev.cordbus.api.state.StateKeys.all());
    for (EventType<?> key : keys) {
      JsonObject body = new JsonObject().put("field_from_2027", new JsonObject().put("nested", List.of(1, "two")))
          .put("another_new_one", "18446744073709551615");
      Object record = key.decode(body);
      JsonObject again = TypedJson.encode(record);
      assertEquals(body.getValue("field_from_2027"), again.getValue("field_from_2027"), key.toString());
      assertEquals("18446744073709551615", again.getString("another_new_one"), key.toString());
    }
  }
}
