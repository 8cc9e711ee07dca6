package dev.cordbus.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.state.fixture.BusHarness;
import dev.cordbus.state.fixture.Frames;
import dev.cordbus.state.fixture.Golden;
import dev.cordbus.state.fixture.RawFrames;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The state verticle's caches after replaying fixtures/session.jsonl answer every query exactly as the golden files
 * recorded (state-verticle/src/test/resources/golden, recorded with the cache before it read bodies as bytes), and
 * publish the same before/after events: with bodies delivered as the gateway now does ({@code DispatchBody} over the
 * recorded bytes, by reference), with the index of their members the gateway's scan gives its own node ("indexed":
 * the gateway's {@code FrameParser} run on each recorded frame), and as plain {@code JsonObject}s, with {@code
 * publishEvents} on and off.
 *
 * <p>To re-record (only when a behaviour change is intended, and say so in the commit):
 * {@code mvn -o -q -pl state-verticle -am verify -Dtest=GoldenReplayTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcordbus.golden.write=true}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GoldenReplayTest {

  static final Path DIR = Path.of("src/test/resources/golden");
  static final Path QUERIES = DIR.resolve("queries.json");
  static final Path EVENTS = DIR.resolve("events.json");

  @ParameterizedTest(name = "bodies {0}, publishEvents {1}")
  @CsvSource({"bytes, true", "bytes, false", "indexed, true", "indexed, false", "plain, true", "plain, false"})
  void replayGivesTheGoldenAnswersAndEvents(String bodies, boolean publishEvents) throws Exception {
    boolean write = Boolean.getBoolean("cordbus.golden.write") && bodies.equals("plain") && publishEvents;
    Vertx vertx = Vertx.vertx();
    try {
      BusHarness h = new BusHarness(vertx, new JsonObject().put("publishEvents", publishEvents));
      RawFrames raw = new RawFrames();
      byte[] pristine = raw.array.clone();
      Golden golden = new Golden();
      JsonObject queries = new JsonObject();
      int from = 1;
      for (int checkpoint : Golden.CHECKPOINTS) {
        for (RawFrames.Raw r : raw.frames) {
          if (r.frame().file() >= from && r.frame().file() <= checkpoint) {
            if (!bodies.equals("plain")) {
              h.publishRaw(r, bodies.equals("indexed"));
            } else {
              h.publish(r.frame());
            }
          }
        }
        h.sync();
        queries.put("after " + checkpoint, golden.queries(h));
        from = checkpoint + 1;
      }
      // then the documented variants of gateway/extra, in the last session
      String lastSession = raw.frames.get(raw.frames.size() - 1).frame().session();
      for (RawFrames.Raw r : RawFrames.extras(lastSession, 100)) {
        if (!bodies.equals("plain")) {
          h.publishRaw(r);
        } else {
          h.publish(r.frame());
        }
      }
      h.sync();
      queries.put("after extras", golden.queries(h));
      JsonArray events = Golden.events(h);
      assertEquals(0, h.verticle.failed(), "dispatches that failed to apply");
      assertArrayEquals(pristine, raw.array, "the received bytes were changed");
      if (write) {
        Files.createDirectories(DIR);
        Files.writeString(QUERIES, queries.encodePrettily() + "\n");
        Files.writeString(EVENTS, events.encodePrettily() + "\n");
      }
      JsonObject expectedQueries = new JsonObject(Files.readString(QUERIES));
      List<String> qdiff = Golden.diff(expectedQueries, queries, 20);
      assertTrue(qdiff.isEmpty(), "query answers differ from " + QUERIES + ":\n" + String.join("\n", qdiff));
      if (publishEvents) {
        JsonArray expectedEvents = new JsonArray(Files.readString(EVENTS));
        List<String> ediff = Golden.diff(expectedEvents, events, 20);
        assertTrue(ediff.isEmpty(), "state events differ from " + EVENTS + ":\n" + String.join("\n", ediff));
      } else {
        assertTrue(events.isEmpty(), "publishEvents off published " + events.size() + " events");
      }
      assertTrue(Frames.session().size() > 40);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
