package dev.cordbus.simulator.world;

/**
 * Deterministic pseudo-random names and numbers for generated worlds: the same seed and index always give the same
 * result, so nothing generated needs to be stored. Pure functions.
 */
public final class Names {

  private static final String[] ADJECTIVES = {
      "brave", "cozy", "swift", "quiet", "lucky", "mellow", "fuzzy", "rapid", "sunny", "witty", "bold", "calm",
      "eager", "gentle", "jolly", "keen", "lively", "merry", "nimble", "proud", "shiny", "tidy", "vivid", "zesty"};
  private static final String[] NOUNS = {
      "otter", "falcon", "badger", "comet", "maple", "pixel", "tiger", "walrus", "cactus", "nebula", "panda",
      "raven", "gecko", "lynx", "orca", "quokka", "yak", "heron", "koala", "moose", "newt", "puffin", "wombat", "ibis"};
  private static final String[] PLACES = {
      "Lounge", "Hangout", "Guild", "Club", "Workshop", "Arcade", "Den", "Lab", "Tavern", "Harbor", "Garden", "Camp"};
  private static final String[] WORDS = {
      "hello", "anyone", "tonight", "raid", "build", "ship", "merge", "deploy", "coffee", "lunch", "meeting", "patch",
      "release", "server", "games", "music", "stream", "weekend", "vertx", "discord", "shard", "gateway", "event",
      "bus", "cluster", "cache", "latency", "ping", "pong", "nice", "thanks", "cool", "agreed", "maybe", "later"};

  private Names() {
  }

  /** SplitMix64 finaliser: a well-spread hash of {@code x}. */
  public static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A hash of a seed and an index, as a non-negative int below {@code bound}. */
  public static int pick(long seed, long index, int bound) {
    return (int) Long.remainderUnsigned(mix(seed * 31 + index), bound);
  }

  /** A username like {@code brave_otter42}. */
  public static String username(long seed, long index) {
    return ADJECTIVES[pick(seed, index * 3, ADJECTIVES.length)] + "_" + NOUNS[pick(seed, index * 3 + 1, NOUNS.length)]
        + (index % 1000);
  }

  /** A display name like {@code Brave Otter}. */
  public static String displayName(long seed, long index) {
    return capital(ADJECTIVES[pick(seed, index * 3, ADJECTIVES.length)]) + " "
        + capital(NOUNS[pick(seed, index * 3 + 1, NOUNS.length)]);
  }

  /** A guild name like {@code Cozy Otter Lounge}. */
  public static String guildName(long seed, long index) {
    return capital(ADJECTIVES[pick(seed, index * 7 + 2, ADJECTIVES.length)]) + " "
        + capital(NOUNS[pick(seed, index * 7 + 3, NOUNS.length)]) + " " + PLACES[pick(seed, index * 7 + 4, PLACES.length)];
  }

  /** A nickname or {@code null} (about one member in eight has one). */
  public static String nick(long seed, long userId) {
    if (pick(seed, userId, 8) != 0) {
      return null;
    }
    return capital(NOUNS[pick(seed, userId + 5, NOUNS.length)]) + "Fan";
  }

  /** A chat line of {@code words} words. */
  public static String sentence(long seed, long index, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[pick(seed, index * 101 + i, WORDS.length)]);
    }
    return capital(sb.toString());
  }

  /** A 32-hex-digit hash (avatars, session ids in generated data). */
  public static String hex32(long seed, long index) {
    return String.format("%016x%016x", mix(seed ^ index), mix(index * 7 + seed));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
