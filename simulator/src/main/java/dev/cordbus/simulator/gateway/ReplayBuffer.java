package dev.cordbus.simulator.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last dispatches of a session (serialised frames with their {@code s}, or how to render them: the firehose's
 * frames are rendered only if replayed), bounded by count and bytes, for RESUME replay. Pure.
 */
public final class ReplayBuffer {

  private record Entry(long seq, Supplier<String> frame, int chars) {
  }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final int maxEntries;
  private final long maxChars;
  private long chars;

  public ReplayBuffer(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxChars = maxBytes;
  }

  /** Adds a frame (sequence numbers strictly increase), evicting the oldest beyond the bounds. */
  public void add(long seq, String frame) {
    add(seq, frame.length(), () -> frame);
  }

  /** Adds a frame rendered on replay only; {@code chars} is its size (what the byte bound counts). */
  public void add(long seq, int chars, Supplier<String> frame) {
    entries.addLast(new Entry(seq, frame, chars));
    this.chars += chars;
    while (entries.size() > maxEntries || (this.chars > maxChars && entries.size() > 1)) {
      this.chars -= entries.removeFirst().chars;
    }
  }

  /**
   * The frames after {@code seq}, in order, or {@code null} when {@code seq} cannot be resumed from: above
   * {@code lastSeq} (never issued), negative, or older than what the buffer still holds.
   */
  public List<String> after(long seq, long lastSeq) {
    if (seq < 0 || seq > lastSeq) {
      return null;
    }
    if (seq == lastSeq) {
      return List.of();
    }
    if (entries.isEmpty() || entries.peekFirst().seq > seq + 1) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.seq > seq) {
        out.add(e.frame.get());
      }
    }
    return out;
  }

  /** Number of frames kept. */
  public int size() {
    return entries.size();
  }
}
