package dev.cordbus.api.dispatch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire form of a {@link DispatchBatch}: the payload bytes as received, behind a compact binary header per dispatch;
 * no JSON is encoded or parsed. On the receiving node the batch's bytes are copied out of the wire buffer once and
 * every dispatch body points into that copy. Within a node the batch is passed by reference.
 *
 * <p>Layout: {@code int total, int count}, then per dispatch {@code int shard, long seq, long nanos, long millis,
 * string event, string guild, string session, int length, bytes}; a string is {@code short length (-1 = null)} and
 * UTF-8 bytes.
 */
public final class DispatchBatchCodec implements MessageCodec<DispatchBatch, DispatchBatch> {

  /** The codec name. */
  public static final String NAME = "cordbus.dispatch-batch";

  /**
   * Writes the batch in place after growing the buffer once to its exact size: appending field by field grew it by
   * doubling, a fifth of a two-node gateway's samples in the allocator and the copies.
   */
  @Override
  public void encodeToWire(Buffer buffer, DispatchBatch batch) {
    List<DispatchFrame> frames = batch.frames();
    int total = wireLength(frames);
    int start = buffer.length();
    buffer.setByte(start + total - 1, (byte) 0); // one growth to the final length
    io.netty.buffer.ByteBuf bb = buffer instanceof io.vertx.core.internal.buffer.BufferInternal internal
        ? internal.getByteBuf() : null;
    if (bb != null && bb.hasArray()) {
      // the slice shares the buffer's array and starts at its reader index (length - the slice's length)
      int readerIndex = buffer.length() - bb.writerIndex();
      write(frames, total, bb.array(), bb.arrayOffset() + start - readerIndex);
    } else {
      byte[] a = new byte[total];
      write(frames, total, a, 0);
      buffer.setBytes(start, a);
    }
  }

  /** How many bytes {@code frames} take in the wire form, {@code total} included. */
  static int wireLength(List<DispatchFrame> frames) {
    int total = 8;
    for (DispatchFrame f : frames) {
      total += 28 + utf8Length(f.event()) + utf8Length(f.guild()) + utf8Length(f.session()) + 4 + f.length();
    }
    return total;
  }

  /** Writes the wire form of {@code frames} ({@code total} bytes, {@link #wireLength}) at {@code out}'s writer index. */
  static void write(List<DispatchFrame> frames, int total, io.netty.buffer.ByteBuf out) {
    out.writeInt(total);
    out.writeInt(frames.size());
    for (DispatchFrame f : frames) {
      out.writeInt(f.shard());
      out.writeLong(f.seq());
      out.writeLong(f.nanos());
      out.writeLong(f.millis());
      string(out, f.event());
      string(out, f.guild());
      string(out, f.session());
      out.writeInt(f.length());
      out.writeBytes(f.array(), f.offset(), f.length());
    }
  }

  private static void string(io.netty.buffer.ByteBuf out, String s) {
    if (s == null) {
      out.writeShort(-1);
      return;
    }
    int lengthAt = out.writerIndex();
    out.writeShort(0);
    int len = out.writeCharSequence(s, StandardCharsets.UTF_8);
    out.setShort(lengthAt, len);
  }

  private static void write(List<DispatchFrame> frames, int total, byte[] a, int p) {
    p = writeInt(a, p, total);
    p = writeInt(a, p, frames.size());
    for (DispatchFrame f : frames) {
      p = writeInt(a, p, f.shard());
      p = writeLong(a, p, f.seq());
      p = writeLong(a, p, f.nanos());
      p = writeLong(a, p, f.millis());
      p = string(a, p, f.event());
      p = string(a, p, f.guild());
      p = string(a, p, f.session());
      p = writeInt(a, p, f.length());
      System.arraycopy(f.array(), f.offset(), a, p, f.length());
      p += f.length();
    }
  }

  @Override
  public DispatchBatch decodeFromWire(int pos, Buffer buffer) {
    byte[] all = privateArray(buffer);
    if (all != null) {
      return read(all, pos); // the message's own copy (the event bus extracts each record into a new array): in place
    }
    return read(buffer.getBytes(pos, pos + buffer.getInt(pos)), 0);
  }

  /**
   * The batch whose wire form starts at {@code all[p]} (its {@code total}); the dispatches' bodies are slices of
   * {@code all}, which must not change afterwards.
   *
   * @throws IndexOutOfBoundsException when the bytes end before the batch does
   */
  static DispatchBatch read(byte[] all, int p) {
    p += 4;
    int count = readInt(all, p);
    p += 4;
    List<DispatchFrame> frames = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      int shard = readInt(all, p);
      long seq = readLong(all, p + 4);
      long nanos = readLong(all, p + 12);
      long millis = readLong(all, p + 20);
      p += 28;
      String[] s = new String[3];
      for (int k = 0; k < 3; k++) {
        int len = (short) (((all[p] & 0xff) << 8) | (all[p + 1] & 0xff));
        p += 2;
        if (len >= 0) {
          // the event name and session repeat from one dispatch to the next: reuse the previous string
          String previous = i > 0 ? (k == 0 ? frames.get(i - 1).event() : k == 2 ? frames.get(i - 1).session() : null)
              : null;
          s[k] = previous != null && sameBytes(previous, all, p, len) ? previous
              : new String(all, p, len, StandardCharsets.UTF_8);
          p += len;
        }
      }
      int length = readInt(all, p);
      p += 4;
      if (length < 0 || length > all.length - p) {
        throw new IndexOutOfBoundsException("a dispatch of " + length + " bytes at " + p + " of " + all.length);
      }
      frames.add(new DispatchFrame(shard, seq, s[0], s[1], s[2], nanos, millis, all, p, length));
      p += length;
    }
    return new DispatchBatch(frames);
  }

  /**
   * The array holding exactly {@code buffer}'s bytes when the buffer is the sole user of it (an unsliced heap buffer
   * as large as its content), so the dispatches may keep slices of it; null otherwise (then the bytes are copied).
   */
  private static byte[] privateArray(Buffer buffer) {
    if (!(buffer instanceof io.vertx.core.internal.buffer.BufferInternal internal)) {
      return null;
    }
    io.netty.buffer.ByteBuf bb = internal.getByteBuf();
    return bb.hasArray() && bb.arrayOffset() == 0 && bb.readerIndex() == 0 && bb.array().length == buffer.length()
        ? bb.array() : null;
  }

  @Override
  public DispatchBatch transform(DispatchBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  /** The UTF-8 length of a string field with its 2-byte length prefix. */
  private static int utf8Length(String s) {
    if (s == null) {
      return 2;
    }
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return 2 + s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return 2 + n;
  }

  private static int string(byte[] a, int p, String s) {
    if (s == null) {
      a[p] = (byte) 0xff;
      a[p + 1] = (byte) 0xff;
      return p + 2;
    }
    byte[] b = null;
    int n = s.length();
    for (int i = 0; i < n && b == null; i++) {
      if (s.charAt(i) >= 0x80) {
        b = s.getBytes(StandardCharsets.UTF_8);
      }
    }
    int len = b == null ? n : b.length;
    a[p] = (byte) (len >>> 8);
    a[p + 1] = (byte) len;
    p += 2;
    if (b != null) {
      System.arraycopy(b, 0, a, p, len);
    } else {
      for (int i = 0; i < n; i++) {
        a[p + i] = (byte) s.charAt(i);
      }
    }
    return p + len;
  }

  private static int writeInt(byte[] a, int p, int v) {
    a[p] = (byte) (v >>> 24);
    a[p + 1] = (byte) (v >>> 16);
    a[p + 2] = (byte) (v >>> 8);
    a[p + 3] = (byte) v;
    return p + 4;
  }

  private static int writeLong(byte[] a, int p, long v) {
    writeInt(a, p, (int) (v >>> 32));
    return writeInt(a, p + 4, (int) v);
  }

  /** Whether the ASCII string {@code s} has exactly these bytes. */
  private static boolean sameBytes(String s, byte[] a, int p, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != a[p + i]) {
        return false;
      }
    }
    return true;
  }

  static int readInt(byte[] a, int p) {
    return ((a[p] & 0xff) << 24) | ((a[p + 1] & 0xff) << 16) | ((a[p + 2] & 0xff) << 8) | (a[p + 3] & 0xff);
  }

  static long readLong(byte[] a, int p) {
    return ((long) readInt(a, p) << 32) | (readInt(a, p + 4) & 0xffffffffL);
  }
}
