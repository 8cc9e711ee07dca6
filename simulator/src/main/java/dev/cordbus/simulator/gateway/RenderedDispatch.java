package dev.cordbus.simulator.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
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

  /** The frame's UTF-8 bytes with sequence number {@code seq} (replay, tests). */
  public byte[] text(long seq, boolean blank) {
    ByteBuf out = Unpooled.buffer(size(seq, blank));
    writeText(out, seq, blank);
    return ByteBufUtil.getBytes(out);
  }

  /** The frame as text (replay after RESUME, payload compression). */
  public String textString(long seq, boolean blank) {
    return new String(text(seq, blank), StandardCharsets.UTF_8);
  }

  /** The frame's length in UTF-8 bytes with sequence number {@code seq}. */
  public int size(long seq, boolean blank) {
    int len = SEQ_HEAD.length + digits(seq) + event.head.length;
    for (Part p : parts(blank)) {
      len += p.text.length;
    }
    return len;
  }

  /** At least the bytes {@link #writeZlib} writes (it grows the buffer if not). */
  public int zlibSize(long seq, boolean blank) {
    int len = 2 * ZlibSplice.EMPTY_STORED.length + SEQ_HEAD.length + digits(seq) + event.head.length;
    for (Part p : parts(blank)) {
      len += p.deflated == null ? p.text.length + ZlibSplice.EMPTY_STORED.length : p.deflated.length;
    }
    return len;
  }

  /** Writes the frame's UTF-8 bytes. */
  public void writeText(ByteBuf out, long seq, boolean blank) {
    out.writeBytes(SEQ_HEAD);
    writeDigits(out, seq);
    out.writeBytes(event.head);
    for (Part p : parts(blank)) {
      out.writeBytes(p.text);
    }
  }

  /**
   * Writes the frame as zlib-stream bytes that need no deflating: stored blocks for the envelope and the variable
   * parts, the pre-deflated bytes of the constant parts; ends with the flush marker {@code 00 00 ff ff}. The
   * connection's deflater must have forgotten its history first ({@link ZlibStreamEncoder#writeHistoryReset}).
   */
  public void writeZlib(ByteBuf out, long seq, boolean blank) {
    int run = openStored(out);
    out.writeBytes(SEQ_HEAD);
    writeDigits(out, seq);
    out.writeBytes(event.head);
    boolean endsFlushed = false;
    for (Part p : parts(blank)) {
      if (p.deflated == null) {
        if (run < 0) {
          run = openStored(out);
        }
        out.writeBytes(p.text);
        endsFlushed = false;
      } else {
        closeStored(out, run);
        run = -1;
        out.writeBytes(p.deflated);
        endsFlushed = true;
      }
    }
    closeStored(out, run);
    if (!endsFlushed) {
      out.writeBytes(ZlibSplice.EMPTY_STORED);
    }
  }

  /** Opens a stored block (its length patched in by {@link #closeStored}); returns where its header is. */
  private static int openStored(ByteBuf out) {
    int at = out.writerIndex();
    out.writeBytes(ZlibSplice.EMPTY_STORED);
    return at;
  }

  /** Patches LEN/NLEN of the stored block opened at {@code at}; none when {@code at} < 0. Blocks stay < 64 KiB. */
  private static void closeStored(ByteBuf out, int at) {
    if (at < 0) {
      return;
    }
    int n = out.writerIndex() - at - ZlibSplice.EMPTY_STORED.length;
    if (n > ZlibSplice.MAX_STORED) {
      throw new IllegalStateException("a stored run of " + n + " bytes: variable parts are a few bytes");
    }
    out.setShortLE(at + 1, n).setShortLE(at + 3, ~n & 0xffff);
  }

  private static int digits(long v) {
    if (v < 0) {
      return Long.toString(v).length();
    }
    int n = 1;
    for (long x = v / 10; x > 0; x /= 10) {
      n++;
    }
    return n;
  }

  /** {@code s} in ASCII digits, without a String. */
  private static void writeDigits(ByteBuf out, long v) {
    if (v < 0) {
      out.writeBytes(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    int n = digits(v);
    int at = out.writerIndex();
    out.ensureWritable(n);
    for (int i = n - 1; i >= 0; i--) {
      out.setByte(at + i, (int) ('0' + v % 10));
      v /= 10;
    }
    out.writerIndex(at + n);
  }
}
