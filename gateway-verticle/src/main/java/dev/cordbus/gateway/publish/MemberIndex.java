package dev.cordbus.gateway.publish;

import java.util.Arrays;

/**
 * Where the members of a dispatch's {@code d} lie, as {@link EnvelopeScanner} passes over them: four offsets into the
 * frame's array each, the name between its quotes (never escaped: the scanner sends such names to Jackson) and the
 * value. Reused by one scan after another; {@link #copy} is what a frame keeps ({@code DispatchBody#members()}), the
 * offsets counted from the start of {@code d}.
 */
final class MemberIndex {

  private int[] offsets = new int[96];
  private int size;

  /** Forgets the last scan's members. */
  void clear() {
    size = 0;
  }

  /** One member: its name at {@code [nameStart, nameEnd)}, its value at {@code [valueStart, valueEnd)}. */
  void add(int nameStart, int nameEnd, int valueStart, int valueEnd) {
    if (size + 4 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    offsets[size++] = nameStart;
    offsets[size++] = nameEnd;
    offsets[size++] = valueStart;
    offsets[size++] = valueEnd;
  }

  /** The members so far, four offsets each counted from {@code base} (where {@code d} starts), in a new array. */
  int[] copy(int base) {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = offsets[i] - base;
    }
    return out;
  }
}
