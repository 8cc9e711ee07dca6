package dev.cordbus.gateway.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cordbus.gateway.error.GatewayException;
import dev.cordbus.gateway.compression.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a gateway frame's envelope (GATEWAY.md §2) with a streaming parser over the bytes as received: {@code op},
 * {@code s}, {@code t} and, for a dispatch, where {@code d} lies and the guild id it names, without building a tree
 * of {@code d}. The whole frame is still checked: strict UTF-8 (no BOM), valid JSON to the last byte (every token of
 * {@code d} is read and skipped), nesting depth at most {@value #MAX_DEPTH} (a 10,000-deep frame fails cleanly),
 * no duplicate {@code op}/{@code s}/{@code t}/{@code d}, nothing after the object. Duplicate keys inside {@code d}
 * are not looked for (a per-object hash set was a fifth of the gateway's CPU; a consumer's parser keeps the last
 * value, as Vert.x's does). Non-dispatch frames (HELLO, INVALID_SESSION...)
 * are rare and get their {@code d} parsed. Thread-safe.
 */
public final class FrameParser {

  /** Maximum JSON nesting depth. */
  public static final int MAX_DEPTH = 1000;

  private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  /** Event names already checked against {@link #EVENT_NAME} (bounded). */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> EVENT_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Events whose guild is {@code d.id} rather than {@code d.guild_id}. */
  private static final Set<String> GUILD_ID_IS_ID = Set.of("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE");

  private final JsonFactory factory = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
          .maxStringLength(64 * 1024 * 1024).build())
      .build();
  /** Reads values inside a frame being walked, so it must not check for trailing tokens. */
  private final ObjectMapper mapper = JsonMapper.builder(factory).build();
  /**
   * Per thread, reused frame after frame: the scanner (its member index grows once) and the strings of the event names
   * and guild ids seen (a dispatch's strings then cost no allocation: with the slices Vert.x made, they were a third of
   * what a gateway node allocated per dispatch).
   */
  private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(PerThread::new);

  private static final class PerThread {
    final EnvelopeScanner scanner = new EnvelopeScanner(MAX_DEPTH);
    final AsciiCache names = new AsciiCache(64);
    final AsciiCache guilds = new AsciiCache(1024);
  }
  /** Whether a dispatch of this name keeps where its members lie (someone on this node may read them). */
  private final java.util.function.Predicate<String> keepMembers;

  /** A parser whose dispatches all keep where their members lie ({@link Frame#dMembers()}). */
  public FrameParser() {
    this(t -> true);
  }

  /**
   * A parser whose dispatches keep where their members lie only when {@code keepMembers} holds for their name: the
   * gateway asks whether a consumer of {@code discord.<EVENT>} is registered on its node; the index is of no use
   * elsewhere (it does not cross the cluster), and copying it out for every frame was a fifth of a gateway node's
   * allocation.
   */
  public FrameParser(java.util.function.Predicate<String> keepMembers) {
    this.keepMembers = keepMembers;
  }

  /** What the envelope walk found; one per parse. */
  private static final class Envelope {
    Object op = Missing.MISSING;
    Object s = Missing.MISSING;
    Object t = Missing.MISSING;
    Object d;
    boolean dObject;
    int dStart = -1;
    int dEnd;
    String guildId;
    String id;
  }

  private enum Missing { MISSING }

  /** Parses a frame given as text (tests, tools). */
  public Frame parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  /**
   * Parses {@code length} bytes of {@code bytes} from {@code offset} (kept by reference in the frame: never change
   * them afterwards).
   *
   * @throws GatewayException kind {@code BAD_FRAME} with a reason; when the frame is a dispatch whose {@code s} is
   *     valid but whose {@code d} is not an object, the returned frame is still produced (the caller records s)
   */
  public Frame parse(byte[] bytes, int offset, int length) {
    Frame fast = fast(bytes, offset, length);
    return fast != null ? fast : slow(bytes, offset, length);
  }

  /** The common dispatch in one pass ({@link EnvelopeScanner}), or null to let {@link #slow} decide. */
  Frame fast(byte[] bytes, int offset, int length) {
    PerThread here = perThread.get();
    EnvelopeScanner sc = here.scanner;
    if (!sc.scan(bytes, offset, length) || sc.op != Frame.DISPATCH || sc.sNull || sc.s < 0 || sc.tStart < 0) {
      return null;
    }
    String known = here.names.find(bytes, sc.tStart, sc.tEnd);
    if (known == null) {
      known = eventName(bytes, sc.tStart, sc.tEnd);
      if (known == null) {
        return null;
      }
      here.names.put(known, bytes, sc.tStart, sc.tEnd);
    }
    String guild = sc.guildStart >= 0 ? here.guilds.get(bytes, sc.guildStart, sc.guildEnd)
        : sc.idStart >= 0 && GUILD_ID_IS_ID.contains(known) ? here.guilds.get(bytes, sc.idStart, sc.idEnd) : null;
    return new Frame(Frame.DISPATCH, sc.s, known, null, guild, bytes, offset, length, sc.dStart,
        sc.dEnd - sc.dStart, keepMembers.test(known) ? sc.dMembers() : null);
  }

  /** The shared instance of the event name at {@code bytes[from, to)}, or null when it is not a valid name. */
  private static String eventName(byte[] bytes, int from, int to) {
    String t = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    String known = EVENT_NAMES.get(t);
    if (known == null) {
      if (!EVENT_NAME.matcher(t).matches()) {
        return null;
      }
      known = EVENT_NAMES.size() < 4096 ? EVENT_NAMES.computeIfAbsent(t, k -> k) : t;
    }
    return known;
  }

  /** Every frame the fast path does not take: Jackson, with the precise reason when it is bad. */
  Frame slow(byte[] bytes, int offset, int length) {
    if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
        && bytes[offset + 2] == (byte) 0xBF) {
      throw bad("starts with a UTF-8 byte order mark", bytes, offset, length);
    }
    if (!Utf8.isValid(bytes, offset, length)) {
      throw bad("payload is not valid UTF-8", bytes, offset, length);
    }
    Envelope e = new Envelope();
    try (JsonParser p = factory.createParser(bytes, offset, length)) {
      JsonToken root = p.nextToken();
      if (root == null) {
        throw bad("not valid JSON (empty frame)", bytes, offset, length);
      }
      if (root != JsonToken.START_OBJECT) {
        p.skipChildren();
        throw bad("top-level value is not a JSON object", bytes, offset, length);
      }
      int seen = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int bit = switch (name) {
          case "op" -> 1;
          case "s" -> 2;
          case "t" -> 4;
          case "d" -> 8;
          default -> 0;
        };
        if ((seen & bit) != 0) {
          throw bad("not valid JSON (duplicate field '" + name + "' in the envelope)", bytes, offset, length);
        }
        seen |= bit;
        JsonToken value = p.nextToken();
        switch (name) {
          case "op" -> e.op = scalar(p, value);
          case "s" -> e.s = scalar(p, value);
          case "t" -> e.t = scalar(p, value);
          case "d" -> readD(p, value, e, offset);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw bad("not valid JSON (trailing tokens after the frame)", bytes, offset, length);
      }
    } catch (GatewayException ge) {
      throw ge;
    } catch (StackOverflowError so) {
      throw bad("nesting too deep", bytes, offset, length);
    } catch (IOException | RuntimeException ex) {
      throw bad("not valid JSON (" + firstLine(ex.getMessage()) + ")", bytes, offset, length);
    }
    return envelope(e, bytes, offset, length);
  }

  private Frame envelope(Envelope e, byte[] bytes, int offset, int length) {
    if (!(e.op instanceof Long || e.op instanceof Integer)) {
      throw bad(e.op == null || e.op == Missing.MISSING ? "op missing or null"
          : "op is not an integer: " + abbreviate(e.op), bytes, offset, length);
    }
    long opValue = ((Number) e.op).longValue();
    if (opValue < 0 || opValue > Integer.MAX_VALUE) {
      throw bad("op out of range: " + opValue, bytes, offset, length);
    }
    int opcode = (int) opValue;
    if (opcode != Frame.DISPATCH) {
      Object d = e.dObject ? parseD(bytes, e.dStart, e.dEnd) : e.d;
      return new Frame(opcode, -1, null, d, null, bytes, offset, length, -1, 0, null);
    }
    if (!(e.s instanceof Long || e.s instanceof Integer) || ((Number) e.s).longValue() < 0) {
      throw bad(e.s == null || e.s == Missing.MISSING ? "dispatch without s" : "invalid s: " + abbreviate(e.s),
          bytes, offset, length);
    }
    if (!(e.t instanceof String name) || !EVENT_NAME.matcher(name).matches()) {
      throw bad(e.t == null || e.t == Missing.MISSING ? "dispatch without t"
          : "invalid event name t: " + abbreviate(e.t), bytes, offset, length);
    }
    long s = ((Number) e.s).longValue();
    if (!e.dObject) {
      return new Frame(opcode, s, name, e.d, null, bytes, offset, length, -1, 0, null);
    }
    String guild = e.guildId != null ? e.guildId : GUILD_ID_IS_ID.contains(name) ? e.id : null;
    return new Frame(opcode, s, name, null, guild, bytes, offset, length, e.dStart, e.dEnd - e.dStart, null);
  }

  /** Reads {@code d}: an object is walked (top-level guild_id/id noted) and kept as a byte range; else parsed. */
  private void readD(JsonParser p, JsonToken value, Envelope e, int offset) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      e.dObject = false;
      e.d = mapper.readValue(p, Object.class);
      return;
    }
    e.dObject = true;
    e.dStart = offset + (int) p.currentTokenLocation().getByteOffset();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      boolean idLike = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT;
      if (idLike && "guild_id".equals(field)) {
        e.guildId = p.getText();
      } else if (idLike && "id".equals(field)) {
        e.id = p.getText();
      } else {
        p.skipChildren();
      }
    }
    e.dEnd = offset + (int) p.currentLocation().getByteOffset();
  }

  private Object parseD(byte[] bytes, int start, int end) {
    try {
      return mapper.readValue(bytes, start, end - start, Object.class);
    } catch (IOException ex) {
      throw bad("not valid JSON (" + firstLine(ex.getMessage()) + ")", bytes, start, end - start);
    }
  }

  /** A scalar envelope member as an object (Long/Integer/BigInteger, Double, String, Boolean, null; else a tag). */
  private static Object scalar(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> {
        p.skipChildren();
        yield value == JsonToken.START_ARRAY ? "[array]" : "{object}";
      }
    };
  }

  private static GatewayException bad(String reason, byte[] bytes, int offset, int length) {
    int n = Math.min(length, 200);
    String head = new String(bytes, offset, n, StandardCharsets.UTF_8);
    return new GatewayException(GatewayException.Kind.BAD_FRAME, reason, null,
        length > 200 ? head + "...(" + length + " bytes)" : head);
  }

  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unparsable";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) : line;
  }

  /** The underlying mapper (configured as above), for encoding outgoing payloads. */
  public ObjectMapper mapper() {
    return mapper;
  }
}
