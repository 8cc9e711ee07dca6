package dev.cordbus.api.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The dispatches one gateway verticle read in one event-loop turn, in gateway order: one event-bus message per
 * node instead of one per dispatch and address, so a node sees a shard's dispatches in order across addresses.
 */
public final class DispatchBatch {

  private final List<DispatchFrame> frames;

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

  /** Whether the batch holds nothing. */
  public boolean isEmpty() {
    return frames.isEmpty();
  }
}
