package dev.cordbus.bench;

import java.util.List;

/** The case names {@code --cases} accepts, and the internal ones the children run. */
final class Cases {

  static final String FRAMES = "frames";
  static final String JDA = "jda";
  static final String TWO_NODE = "two-node";
  static final String DISCORDJS = "discordjs";
  /** One JVM: Vert.x's WebSocket client and the inflater only ({@link FloorCase}). */
  static final String FLOOR = "floor";
  /** Two clustered JVMs: the floor socket forwarding bytes to a JVM that only counts them ({@link FloorForwarder}). */
  static final String FLOOR_TWO_NODE = "floor-two-node";
  /** The bot JVM of {@link #FLOOR_TWO_NODE} ({@link FloorBotCase}); not a case of its own. */
  static final String FLOOR_TWO_NODE_BOT = "floor-two-node-bot";
  /** The bot JVM of {@link #TWO_NODE}, run by {@link ClientChild}; not a case of its own. */
  static final String TWO_NODE_BOT = "two-node-bot";

  /** Every case, in report order. */
  static final List<String> ALL = List.of(FRAMES, FLOOR, FLOOR_TWO_NODE, "gateway", "gateway+state",
      "gateway+state-nomsg", TWO_NODE, JDA,
      DISCORDJS);

  /** Why the JDA and discord.js rows are missing under zstd-stream. */
  static final String NO_ZSTD = "JDA 6.5.0 and @discordjs/ws 2.0.4 (zlib-sync, Node 20) have no zstd-stream, so their"
      + " rows exist for none and zlib-stream only";

  private Cases() {
  }

  /** Whether {@code kase}'s client can use {@code compression} (JDA, discord.js and the floors: no zstd-stream). */
  static boolean speaks(String kase, String compression) {
    return !compression.equals("zstd-stream")
        || !(kase.equals(JDA) || kase.equals(DISCORDJS) || kase.equals(FLOOR) || kase.equals(FLOOR_TWO_NODE));
  }

  /** Whether {@code kase} runs two clustered JVMs. */
  static boolean twoNodes(String kase) {
    return kase.equals(TWO_NODE) || kase.equals(FLOOR_TWO_NODE);
  }

  /** Fails with {@link BenchException.Kind#BAD_ARGUMENT} for an unknown case. */
  static void check(String kase) {
    if (!ALL.contains(kase)) {
      throw new BenchException(BenchException.Kind.BAD_ARGUMENT, "--cases: unknown case " + kase + ", known: "
          + String.join(",", ALL));
    }
  }
}
