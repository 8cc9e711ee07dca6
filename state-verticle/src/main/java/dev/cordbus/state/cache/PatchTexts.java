package dev.cordbus.state.cache;

import dev.cordbus.state.store.Packed;
import dev.cordbus.state.store.TextSpan;

/**
 * The four text fields of a {@link UserPatch} or {@link MemberPatch}. Read from bytes, a field is a {@link TextSpan}
 * over {@link #src}: the cache compares most values it reads with what it holds and drops them, so a string is made
 * only for a value that changed. A patch built another way (the Jackson reader the tests compare with) holds strings.
 */
abstract class PatchTexts {

  /** The bytes the spans point into. */
  byte[] src;
  private long at0;
  private long at1;
  private long at2;
  private long at3;
  private String text0;
  private String text1;
  private String text2;
  private String text3;

  /** Which of the four slots holds {@code field}, one of the subclass's field bits. */
  abstract int slot(int field);

  /** Sets a field to the string value at {@code span} of {@link #src} ({@link TextSpan#NONE}: null). */
  final void span(int field, long span) {
    switch (slot(field)) {
      case 0 -> at0 = span;
      case 1 -> at1 = span;
      case 2 -> at2 = span;
      default -> at3 = span;
    }
  }

  /** Sets a field to a string. */
  final void string(int field, String value) {
    span(field, TextSpan.NONE);
    switch (slot(field)) {
      case 0 -> text0 = value;
      case 1 -> text1 = value;
      case 2 -> text2 = value;
      default -> text3 = value;
    }
  }

  /** The text of a field, or null. */
  final String text(int field) {
    int i = slot(field);
    return TextSpan.text(src, at(i), switch (i) {
      case 0 -> text0;
      case 1 -> text1;
      case 2 -> text2;
      default -> text3;
    });
  }

  /** Whether slot {@code slot} of {@code packed} holds the text of {@code field} (as {@link #text}); makes nothing. */
  final boolean sameText(int field, byte[] packed, Packed.Kind[] kinds, int slot) {
    long at = at(slot(field));
    return at != TextSpan.NONE ? Packed.sameText(packed, kinds, slot, src, at)
        : Packed.sameText(packed, kinds, slot, text(field));
  }

  private long at(int i) {
    return switch (i) {
      case 0 -> at0;
      case 1 -> at1;
      case 2 -> at2;
      default -> at3;
    };
  }
}
