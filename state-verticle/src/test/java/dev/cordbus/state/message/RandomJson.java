package dev.cordbus.state.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random JSON text for {@link MessageMergeTest} (test only): cached messages and partial MESSAGE_UPDATE bodies with
 * nested objects, arrays, nulls, numbers of every form, strings with escapes and non-ASCII text (raw or escaped),
 * whitespace between tokens, and now and then a name twice.
 */
final class RandomJson {

  /** The names members are drawn from (never escaped: an escaped name sends the update to the tree merge). */
  static final String[] NAMES = {"content", "embeds", "author", "flags", "pinned", "reactions", "edited_timestamp",
      "mentions", "x", "", "é", "naïve 🔥", "a b", "components", "poll", "member", "中文"};

  private static final String[] NUMBERS = {"0", "-0", "1", "-17", "2147483647", "2147483648", "-9223372036854775808",
      "9223372036854775807", "92233720368547758070", "1.5", "-0.0", "1e3", "1E-7", "2.5e+10",
      "0.1000000000000000055511", "3.141592653589793", "1.0"};

  private static final String CHARS = "ab zé中🔥\"\\/\n\t\u0001\u007f\u2028'{}[],:";

  private final Random random;

  RandomJson(long seed) {
    random = new Random(seed);
  }

  /** The random source (shared with the caller). */
  Random random() {
    return random;
  }

  /** A plain snowflake, quoted or (now and then) a bare number. */
  String id() {
    String id = Long.toString(100_000_000_000_000_000L + (random.nextLong() & 0xFFFF_FFFF_FFFFL));
    return random.nextInt(8) == 0 ? id : "\"" + id + "\"";
  }

  /** Whitespace or (mostly) nothing. */
  String ws() {
    return switch (random.nextInt(12)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t";
      default -> "";
    };
  }

  /** A value; objects and arrays nest up to {@code depth} more levels. */
  String value(int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 6);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 3 -> Integer.toString(random.nextInt(2000) - 1000);
      case 4, 5 -> string();
      case 6, 7 -> object(depth - 1, random.nextInt(4), true);
      default -> array(depth - 1);
    };
  }

  /** A string literal: characters from {@link #CHARS}, escaped as JSON must or (at random) may escape them. */
  String string() {
    StringBuilder s = new StringBuilder("\"");
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      int cp = CHARS.codePointAt(CHARS.offsetByCodePoints(0, random.nextInt(CHARS.codePointCount(0, CHARS.length()))));
      s.append(escape(cp));
    }
    return s.append('"').toString();
  }

  private String escape(int cp) {
    if (cp == '"' || cp == '\\') {
      return "\\" + (char) cp;
    }
    if (cp == '\n') {
      return random.nextBoolean() ? "\\n" : "\\u000a";
    }
    if (cp == '\t') {
      return "\\t";
    }
    if (cp < 0x20 || cp > 0x7e && random.nextInt(3) == 0) {
      StringBuilder u = new StringBuilder();
      for (char c : Character.toChars(cp)) {
        u.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
      }
      return u.toString();
    }
    if (cp == '/' && random.nextBoolean()) {
      return "\\/";
    }
    return new String(Character.toChars(cp));
  }

  /** An array of a few values. */
  String array(int depth) {
    List<String> items = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      items.add(ws() + value(depth) + ws());
    }
    return "[" + String.join(",", items) + "]";
  }

  /** An object of {@code n} members named from {@link #NAMES} (a name twice only when {@code twice}). */
  String object(int depth, int n, boolean twice) {
    List<String> members = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = NAMES[random.nextInt(NAMES.length)];
      if (!twice && used.contains(name)) {
        continue;
      }
      used.add(name);
      members.add(member(name, value(depth)));
    }
    return "{" + ws() + String.join("," + ws(), members) + ws() + "}";
  }

  /** A member: the name quoted, a colon, the value, spaced at random. */
  String member(String name, String value) {
    return "\"" + name + "\"" + ws() + ":" + ws() + value;
  }

  /** Members in random order, joined into an object. */
  String shuffled(List<String> members) {
    List<String> m = new ArrayList<>(members);
    java.util.Collections.shuffle(m, random);
    return "{" + ws() + String.join("," + ws(), m) + ws() + "}";
  }
}
