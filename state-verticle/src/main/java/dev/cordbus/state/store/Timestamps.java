package dev.cordbus.state.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps stored as epoch microseconds (8 bytes instead of a 32-char string) and formatted back the
 * way Discord sends them ({@code 2015-06-01T12:00:00.000000+00:00}).
 */
public final class Timestamps {

  /** Marker for "null / absent". */
  public static final long NONE = Long.MIN_VALUE;

  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private Timestamps() {
  }

  /** Epoch micros of an ISO timestamp, or {@link #NONE} for null or unparsable input. */
  public static long parse(Object v) {
    if (!(v instanceof String s)) {
      return NONE;
    }
    try {
      Instant i = OffsetDateTime.parse(s).toInstant();
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    } catch (DateTimeParseException e) {
      return NONE;
    }
  }

  /** The Discord-style string of epoch micros, or null for {@link #NONE}. */
  public static String format(long micros) {
    if (micros == NONE) {
      return null;
    }
    Instant i = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    return OUT.format(i.atOffset(ZoneOffset.UTC));
  }
}
