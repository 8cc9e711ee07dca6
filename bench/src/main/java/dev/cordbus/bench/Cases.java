package dev.cordbus.bench;

import java.util.List;

/** The case names {@code --cases} accepts, and the internal ones the children run. */
final class Cases {

  static final String FRAMES = "frames";
  static final String JDA = "jda";
  static final String TWO_NODE = "two-node";
  static final String DISCORDJS = "discordjs";
  /** The bot JVM of {@link #TWO_NODE}, run by {@link ClientChild}; not a case of its own. */
  static final String TWO_NODE_BOT = "two-node-bot";

  /** Every case, in report order. */
  static final List<String> ALL = List.of(FRAMES, "gateway", "gateway+state", "gateway+state-nomsg", TWO_NODE, JDA,
      DISCORDJS);

  private Cases() {
  }

  /** Fails with {@link BenchException.Kind#BAD_ARGUMENT} for an unknown case. */
  static void check(String kase) {
    if (!ALL.contains(kase)) {
      throw new BenchException(BenchException.Kind.BAD_ARGUMENT, "--cases: unknown case " + kase + ", known: "
          + String.join(",", ALL));
    }
  }
}
