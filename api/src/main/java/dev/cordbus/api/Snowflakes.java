package dev.cordbus.api;

/**
 * Discord snowflakes: 64-bit unsigned ids sent as JSON strings. Kept as {@code long} inside cordbus.
 * See <a href="https://discord.com/developers/docs/reference#snowflakes">Snowflakes</a>.
 */
public final class Snowflakes {

  /** Discord epoch, the first millisecond of 2015, in Unix milliseconds. */
  public static final long DISCORD_EPOCH = 1420070400000L;

  private Snowflakes() {
  }

  /** Parses a snowflake string (unsigned decimal) into a long. */
  public static long parse(String id) {
    return Long.parseUnsignedLong(id);
  }

  /** Formats a snowflake as Discord sends it. */
  public static String format(long id) {
    return Long.toUnsignedString(id);
  }

  /** Unix milliseconds at which the snowflake was minted. */
  public static long timestamp(long id) {
    return (id >>> 22) + DISCORD_EPOCH;
  }

  /** A snowflake minted at {@code unixMillis} with the given low 22 bits (worker, process, increment). */
  public static long of(long unixMillis, int low22) {
    return ((unixMillis - DISCORD_EPOCH) << 22) | (low22 & 0x3FFFFF);
  }
}
