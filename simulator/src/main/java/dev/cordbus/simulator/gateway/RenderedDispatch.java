package dev.cordbus.simulator.gateway;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A dispatch rendered to bytes before it is sent (the firehose): its frame is
 * {@code {"op":0,"s":<seq>,"t":"<EVENT>","d":} + parts}, where the parts spell {@code d} and the frame's closing brace.
 * Only {@code s} is written per session; a part is either constant (UTF-8 bytes, and the same bytes pre-deflated by
 * {@link ZlibSplice#deflateIndependent}, usually shared by many dispatches) or variable (a few bytes, such as a
 * message id, sent as a stored block under zlib-stream). The same frame, as {@link Frames#dispatch} would render it,
 * goes into the replay buffer lazily.
 */
public final class RenderedDispatch {

  private static final byte[] SEQ_HEAD = "{\"op\":0,\"s\":".getBytes(StandardCharsets.US_ASCII);

  private final Event event;
  private final long guildId;
  private final Part[] parts;
  /** The parts without message content (sessions lacking MESSAGE_CONTENT), or {@code null} when identical. */
  private final Part[] blankParts;

  /**
   * @param event the event, shared by every dispatch of its name
   * @param guildId the guild (0 = none)
   * @param parts {@code d} and the frame's closing brace
   * @param blankParts the same without message content, or {@code null} when identical
   */
  public RenderedDispatch(Event event, long guildId, Part[] parts, Part[] blankParts) {
    this.event = event;
    this.guildId = guildId;
    this.parts = parts;
    this.blankParts = blankParts;
  }

  /**
   * What every dispatch of one name shares, worked out once: {@code ,"t":"NAME","d":} as bytes and the intents that
   * let it through ({@link EventIntents#required}) in a guild.
   */
  public record Event(String name, byte[] head, int requiredIntents) {

    /** The event {@code name} of a guild. */
    public static Event inGuild(String name) {
      return new Event(name, (",\"t\":\"" + name + "\",\"d\":").getBytes(StandardCharsets.UTF_8),
          EventIntents.required(name, true));
    }
  }

  public String event() {
    return event.name;
  }

  /** Whether a session with {@code intents} receives it ({@link EventIntents#allowed} without the lookup). */
  public boolean allowed(int intents) {
    return event.requiredIntents == 0 || (intents & event.requiredIntents) != 0;
  }

  /** The guild (0 = none, shard 0). */
  public long guildId() {
    return guildId;
  }

  /** Whether a content-less variant exists (MESSAGE_CONTENT applies). */
  public boolean hasBlank() {
    return blankParts != null;
  }

  /** One piece of a rendered frame. {@code deflated} is null for variable pieces. */
  public record Part(byte[] text, byte[] deflated) {

    /** A piece shared by many frames: deflated now, once. */
    public static Part constant(String text) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      return new Part(b, ZlibSplice.deflateIndependent(b));
    }

    /** A short piece of one frame (sent stored under zlib-stream; under 60,000 bytes). */
    public static Part variable(String text) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      if (b.length > 60_000) {
        throw new IllegalArgumentException("a variable part is a few bytes, got " + b.length);
      }
      return new Part(b, null);
    }
  }

  private Part[] parts(boolean blank) {
    return blank && blankParts != null ? blankParts : parts;
  }

  /** The frame's UTF-8 bytes with sequence number {@code seq}. */
  public byte[] text(long seq, boolean blank) {
    Part[] ps = parts(blank);
    byte[] s = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    int len = SEQ_HEAD.length + s.length + event.head.length;
    for (Part p : ps) {
      len += p.text.length;
    }
    byte[] out = new byte[len];
    int at = put(out, 0, SEQ_HEAD);
    at = put(out, at, s);
    at = put(out, at, event.head);
    for (Part p : ps) {
      at = put(out, at, p.text);
    }
    return out;
  }

  /** The frame's length in UTF-8 bytes with sequence number {@code seq}. */
  public int size(long seq, boolean blank) {
    int len = SEQ_HEAD.length + Long.toString(seq).length() + event.head.length;
    for (Part p : parts(blank)) {
      len += p.text.length;
    }
    return len;
  }

  /** The frame as text (replay after RESUME, payload compression). */
  public String textString(long seq, boolean blank) {
    return new String(text(seq, blank), StandardCharsets.UTF_8);
  }

  /**
   * Appends the frame as zlib-stream bytes that need no deflating: stored blocks for the envelope and the variable
   * parts, the pre-deflated bytes of the constant parts; ends with the flush marker {@code 00 00 ff ff}. The
   * connection's deflater must have forgotten its history first ({@link ZlibStreamEncoder#appendHistoryReset}).
   */
  public void appendZlib(Buffer out, long seq, boolean blank) {
    Stored run = new Stored(out);
    run.add(SEQ_HEAD);
    run.add(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    run.add(event.head);
    boolean endsFlushed = false;
    for (Part p : parts(blank)) {
      if (p.deflated == null) {
        run.add(p.text);
        endsFlushed = false;
      } else {
        run.close();
        out.appendBytes(p.deflated);
        endsFlushed = true;
      }
    }
    run.close();
    if (!endsFlushed) {
      out.appendBytes(ZlibSplice.EMPTY_STORED);
    }
  }

  /** Consecutive variable bytes written as one stored block, its length patched in on close. */
  private static final class Stored {
    private final Buffer out;
    private int header = -1;

    Stored(Buffer out) {
      this.out = out;
    }

    void add(byte[] b) {
      if (header >= 0 && out.length() - header - 5 + b.length > ZlibSplice.MAX_STORED) {
        close();
      }
      if (header < 0) {
        header = out.length();
        out.appendBytes(ZlibSplice.EMPTY_STORED);
      }
      out.appendBytes(b);
    }

    void close() {
      if (header < 0) {
        return;
      }
      int n = out.length() - header - 5;
      out.setUnsignedShortLE(header + 1, n).setUnsignedShortLE(header + 3, ~n & 0xffff);
      header = -1;
    }
  }

  private static int put(byte[] out, int at, byte[] b) {
    System.arraycopy(b, 0, out, at, b.length);
    return at + b.length;
  }
}
