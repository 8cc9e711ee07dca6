package dev.cordbus.api.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The dispatches one gateway verticle read in one event-loop turn, in gateway order: one event-bus message per
 * node instead of one per dispatch and address, so a node sees a shard's dispatches in order across addresses.
 */
public final class DispatchBatch {

  private final List<DispatchFrame> frames;
  /** Whether the frames' bytes are lent ({@link #lend}). */
  private boolean lent;

  /** An empty batch. */
  public DispatchBatch() {
    this(new ArrayList<>(8));
  }

  DispatchBatch(List<DispatchFrame> frames) {
    this.frames = frames;
  }

  /** Appends a dispatch. */
  public void add(DispatchFrame frame) {
    frames.add(frame);
  }

  /** The dispatches, in gateway order. */
  public List<DispatchFrame> frames() {
    return frames;
  }

  /**
   * Says that some frames' bytes are lent: valid only until the batch has been published (the gateway reuses them),
   * so whatever keeps a frame beyond that (a local consumer's body, a message the event bus may hold) keeps a copy
   * ({@link DispatchFrame#copied}).
   */
  public void lend() {
    lent = true;
  }

  /** Whether some frames' bytes are lent ({@link #lend}). */
  public boolean lent() {
    return lent;
  }

  /** This batch with every frame over its own copy of its bytes (not lent). */
  public DispatchBatch copied() {
    List<DispatchFrame> own = new ArrayList<>(frames.size());
    for (DispatchFrame f : frames) {
      own.add(f.copied());
    }
    return new DispatchBatch(own);
  }

  /** Whether the batch holds nothing. */
  public boolean isEmpty() {
    return frames.isEmpty();
  }
}
