package dev.cordbus.state.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.dispatch.DispatchBody;
import dev.cordbus.gateway.publish.Frame;
import dev.cordbus.gateway.publish.FrameParser;
import dev.cordbus.state.EventTable;
import dev.cordbus.state.StateOptions;
import dev.cordbus.state.cache.Cache;
import dev.cordbus.state.event.Dispatch;
import dev.cordbus.state.event.Emitter;
import dev.cordbus.state.event.StateEvent;
import dev.cordbus.state.fixture.RawFrames;
import dev.cordbus.state.store.Blob;
import dev.cordbus.state.store.Ids;
import dev.cordbus.state.store.JsonSlice;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MESSAGE_UPDATE merged into the cached message's bytes gives the object the tree merge gave, key order included,
 * for the fixture session's updates and for thousands of random partial updates over random cached messages; and the
 * updater stores and publishes what it did on trees, building no tree when the event is not wanted.
 */
class MessageMergeTest {

  private static final FrameParser GATEWAY = new FrameParser();

  /** One update body: its bytes, where it lies in them and the gateway's index of its members (or null). */
  private record Body(byte[] array, int offset, int length, int[] index) {

    JsonSlice slice() {
      return new JsonSlice(array, offset, length);
    }

    /** The body as the state verticle receives it (over the bytes, no tree yet). */
    JsonObject received() {
      return DispatchBody.json(array, offset, length, index);
    }
  }

  /** The update as the gateway hands it over: a frame around it, parsed by the gateway's own parser. */
  private static Body body(String update) {
    byte[] frame = ("{\"op\":0,\"s\":1,\"t\":\"MESSAGE_UPDATE\",\"d\":" + update + "}")
        .getBytes(StandardCharsets.UTF_8);
    Frame f = GATEWAY.parse(frame, 0, frame.length);
    return new Body(frame, f.dOffset(), f.dLength(), f.dMembers());
  }

  /**
   * The byte merge of {@code b} over {@code message}, read with {@code index} (null: walked), checked against the tree
   * merge: the same object, stored as the same bytes once encoded (the key order queries answer in), and the message
   * itself only when the tree merge changed nothing. Returns whether a byte changed.
   */
  private static boolean assertParity(byte[] message, Body b, int[] index, String what) {
    JsonObject d = new JsonObject(Buffer.buffer(b.slice().copy()));
    JsonObject tree = MessageMerge.tree(Blob.object(message), d);
    MessageMerge.Update u = MessageMerge.read(b.slice(), index);
    assertNotNull(u, what);
    assertEquals(Ids.get(d, "id"), u.id(), what);
    assertEquals(Ids.get(d, "channel_id"), u.channelId(), what);
    assertEquals(Ids.get(d, "guild_id"), u.guildId(), what);
    assertEquals(d.containsKey("author"), u.author(), what);
    byte[] merged = MessageMerge.apply(message, u.members());
    assertNotNull(merged, what);
    String shown = what + "\nmerged: " + new String(merged, StandardCharsets.UTF_8);
    JsonObject got = Blob.object(merged);
    assertEquals(tree, got, shown);
    assertEquals(got, new JsonObject(Buffer.buffer(merged)), shown + "\n(Vert.x's own decoding)");
    assertEquals(new String(Blob.of(tree), StandardCharsets.UTF_8), new String(Blob.of(got), StandardCharsets.UTF_8),
        shown + "\n(stored and encoded again: values and key order)");
    if (merged == message) {
      assertEquals(Blob.object(message), tree, shown + "\n(left as it was, but the tree merge changed it)");
    }
    return merged != message;
  }

  @Test
  void everyFixtureUpdateMergesAsTheTreeDid() {
    Cache cache = new Cache(new StateOptions());
    EventTable table = new EventTable();
    List<RawFrames.Raw> frames = new RawFrames().frames;
    List<byte[]> created = new ArrayList<>(); // every message of the session: each update is merged into each
    for (RawFrames.Raw r : frames) {
      if (r.frame().event().equals("MESSAGE_CREATE")) {
        created.add(new JsonSlice(r.array(), r.offset(), r.length()).copy());
      }
    }
    int cached = 0;
    int checks = 0;
    for (RawFrames.Raw r : frames) {
      String event = r.frame().event();
      Body b = new Body(r.array(), r.offset(), r.length(), r.members());
      if (event.equals("MESSAGE_UPDATE")) {
        List<byte[]> messages = new ArrayList<>(created);
        byte[] now = cache.messages().bytes(Ids.get(r.frame().d(), "channel_id"), Ids.get(r.frame().d(), "id"));
        if (now != null) {
          messages.add(now);
          cached++;
        }
        assertNotNull(r.members(), "the gateway indexed the update");
        for (byte[] m : messages) {
          assertParity(m, b, r.members(), "file " + r.frame().file() + " indexed");
          assertParity(m, b, null, "file " + r.frame().file() + " walked");
          checks++;
        }
      }
      if (table.get(event) != null) {
        table.get(event).apply(cache, new Dispatch(event, 0, "s", -1, b.received()), new Emitter(false));
      }
    }
    assertTrue(cached >= 2, cached + " updates of a cached message");
    assertTrue(checks >= 10, checks + " merges");
  }

  /** A random cached message with an id and a channel id, and a random partial update of it. */
  private static String[] randomCase(RandomJson gen) {
    java.util.Random random = gen.random();
    String id = gen.id();
    String channel = gen.id();
    List<String> old = new ArrayList<>();
    old.add(gen.member("id", id));
    old.add(gen.member("channel_id", channel));
    boolean twice = random.nextInt(5) == 0;
    List<String> names = new ArrayList<>();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      String name = RandomJson.NAMES[random.nextInt(RandomJson.NAMES.length)];
      if (twice || !names.contains(name)) {
        names.add(name);
        old.add(gen.member(name, gen.value(3)));
      }
    }
    List<String> update = new ArrayList<>();
    update.add(gen.member("id", id));
    update.add(gen.member("channel_id", channel));
    if (random.nextBoolean()) {
      update.add(gen.member("guild_id", random.nextInt(4) == 0 ? "null" : gen.id()));
    }
    boolean same = random.nextInt(8) == 0; // only members the message has, byte for byte
    int k = random.nextInt(9);
    for (int i = 0; i < k; i++) {
      int pick = random.nextInt(3);
      if ((same || pick == 0) && old.size() > 2) {
        update.add(old.get(2 + random.nextInt(old.size() - 2)));
      } else if (!same && pick == 1 && !names.isEmpty()) {
        update.add(gen.member(names.get(random.nextInt(names.size())), gen.value(3)));
      } else if (!same) {
        update.add(gen.member(RandomJson.NAMES[random.nextInt(RandomJson.NAMES.length)], gen.value(3)));
      }
    }
    return new String[] {gen.shuffled(old), gen.shuffled(update)};
  }

  @Test
  void randomPartialUpdatesMergeAsTheTreeDid() {
    RandomJson gen = new RandomJson(20261130L);
    int indexed = 0;
    int unchanged = 0;
    for (int i = 0; i < 4000; i++) {
      String[] c = randomCase(gen);
      byte[] message = c[0].getBytes(StandardCharsets.UTF_8);
      Body b = body(c[1]);
      String what = "case " + i + "\nmessage: " + c[0] + "\nupdate: " + c[1];
      boolean changed = assertParity(message, b, null, what + "\n(walked)");
      if (b.index() != null) {
        assertEquals(changed, assertParity(message, b, b.index(), what + "\n(indexed)"));
        indexed++;
      }
      unchanged += changed ? 0 : 1;
    }
    assertTrue(indexed > 3000, indexed + " updates the gateway indexed");
    assertTrue(unchanged > 100, unchanged + " updates that changed no byte");
  }

  @Test
  void theUpdaterStoresAndPublishesWhatItDidOnTrees() {
    RandomJson gen = new RandomJson(7L);
    for (int i = 0; i < 1000; i++) {
      String[] c = randomCase(gen);
      byte[] message = c[0].getBytes(StandardCharsets.UTF_8);
      Body b = body(c[1]);
      JsonObject d = new JsonObject(c[1]);
      long channel = Ids.get(d, "channel_id");
      long id = Ids.get(d, "id");
      String what = "case " + i + "\nmessage: " + c[0] + "\nupdate: " + c[1];
      Cache trees = new Cache(new StateOptions());
      Emitter treeEvents = new Emitter(true);
      boolean cachedBefore = i % 10 != 0; // now and then the update of a message not cached
      if (cachedBefore) {
        trees.messages().put(channel, id, message);
      }
      MessageUpdater.updateTree(trees, d, treeEvents);
      for (boolean publish : new boolean[] {true, false}) {
        Cache bytes = new Cache(new StateOptions());
        if (cachedBefore) {
          bytes.messages().put(channel, id, message);
        }
        Emitter out = new Emitter(publish);
        JsonObject received = b.received();
        MessageUpdater.update(bytes, new Dispatch("MESSAGE_UPDATE", 0, "s", -1, received), out);
        assertEquals(trees.messages().all(), bytes.messages().all(), what);
        assertEquals(trees.unknownTargets(), bytes.unknownTargets(), what);
        if (publish) {
          assertEvents(treeEvents.events(), out.events(), what);
        } else {
          assertTrue(out.events().isEmpty(), what);
          assertFalse(DispatchBody.of(received).isParsed(), what + "\nbuilt the update's tree with events off");
        }
      }
    }
  }

  private static void assertEvents(List<StateEvent> expected, List<StateEvent> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).name(), actual.get(i).name(), what);
      assertEquals(expected.get(i).guild(), actual.get(i).guild(), what);
      assertEquals(expected.get(i).body(), actual.get(i).body(), what);
      assertArrayEquals(Blob.of(expected.get(i).body()), Blob.of(actual.get(i).body()), what + "\n(key order)");
    }
  }

  @Test
  void escapedNamesAndOddIdsAreLeftToTheTreeMerge() {
    byte[] message = "{\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    for (String update : new String[] {
        "{\"id\":\"1\",\"channel_id\":\"2\",\"cont\\u0065nt\":\"b\"}",
        "{\"id\":\"1\",\"channel_id\":\"x\"}",
        "{\"id\":1.5,\"channel_id\":\"2\"}",
        "{\"id\":\"18446744073709551615\",\"channel_id\":\"2\"}"}) {
      assertNull(MessageMerge.read(body(update).slice(), null), update);
    }
    Body plain = body("{\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"b\"}");
    byte[] escaped = "{\"id\":\"1\",\"channel_id\":\"2\",\"cont\\u0065nt\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    assertNull(MessageMerge.apply(escaped, MessageMerge.read(plain.slice(), null).members()), "an escaped name");
    assertNull(MessageMerge.apply("[1]".getBytes(StandardCharsets.UTF_8),
        MessageMerge.read(plain.slice(), null).members()), "not an object");
    assertSame(message, MessageMerge.apply(message, MessageMerge.read(
        body("{ \"content\" : \"a\", \"id\":\"1\" }").slice(), null).members()), "nothing changed");
  }

  @Test
  void aNumberBeyondADoubleStaysTheNumberItArrivedAs() {
    byte[] message = "{\"id\":\"1\",\"channel_id\":\"2\",\"x\":1e400}".getBytes(StandardCharsets.UTF_8);
    Body b = body("{\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"b\"}");
    JsonObject tree = MessageMerge.tree(Blob.object(message), new JsonObject(Buffer.buffer(b.slice().copy())));
    JsonObject got = Blob.object(MessageMerge.apply(message, MessageMerge.read(b.slice(), null).members()));
    assertEquals(tree, got, "the merged object");
    assertEquals(Double.POSITIVE_INFINITY, got.getValue("x"));
    assertEquals("Infinity", Blob.object(Blob.of(tree)).getValue("x"), "what the tree merge stored");
  }

  @Test
  void anIndexThatDoesNotFitTheBodyIsNotUsed() {
    Body b = body("{\"id\":\"7\",\"channel_id\":\"8\"}");
    assertNull(MessageMerge.indexed(b.slice(), new int[] {2, 4, 6, 40}), "a value past the end");
    assertNull(MessageMerge.indexed(b.slice(), new int[] {2, 4, 6}), "not four offsets a member");
    assertNull(MessageMerge.indexed(b.slice(), new int[] {2, 4, 4, 9}), "a value where the name is");
    MessageMerge.Update u = MessageMerge.read(b.slice(), new int[] {2, 4, 6, 40});
    assertEquals(7, u.id(), "read by the walk");
    assertEquals(8, u.channelId());
  }
}
