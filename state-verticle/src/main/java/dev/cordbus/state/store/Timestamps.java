package dev.cordbus.state.store;

import java.nio.charset.StandardCharsets;
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
    long fast = fast(s);
    if (fast != NONE) {
      return fast;
    }
    try {
      Instant i = OffsetDateTime.parse(s).toInstant();
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    } catch (DateTimeParseException e) {
      return NONE;
    }
  }

  /** Parses exactly {@code yyyy-MM-ddTHH:mm:ss.ffffff+00:00} without java.time, else {@link #NONE}. */
  static long fast(String s) {
    return s.length() != 32 ? NONE : fast(s.getBytes(StandardCharsets.ISO_8859_1), 0, 32);
  }

  /**
   * As {@link #fast(String)}, over the ASCII bytes {@code a[s, e)} (a character outside Latin-1 read as {@code '?'}
   * fails as it would).
   */
  static long fast(byte[] a, int s, int e) {
    if (e - s != 32 || a[s + 4] != '-' || a[s + 7] != '-' || a[s + 10] != 'T' || a[s + 13] != ':'
        || a[s + 16] != ':' || a[s + 19] != '.' || !JsonSkip.is(a, s + 26, e, "+00:00")) {
      return NONE;
    }
    int year = num(a, s, 0, 4);
    int month = num(a, s, 5, 7);
    int day = num(a, s, 8, 10);
    int hour = num(a, s, 11, 13);
    int minute = num(a, s, 14, 16);
    int second = num(a, s, 17, 19);
    int micros = num(a, s, 20, 26);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || micros < 0) {
      return NONE;
    }
    boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    if (day > (month == 2 ? (leap ? 29 : 28) : DAYS[month - 1])) {
      return NONE;
    }
    long days = epochDay(year, month, day);
    return ((days * 86_400L + hour * 3600L + minute * 60L + second) * 1_000_000L) + micros;
  }

  private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** Days since 1970-01-01 of a valid proleptic Gregorian date (as LocalDate.toEpochDay, without building one). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468;
  }

  private static int num(byte[] a, int s, int from, int to) {
    int n = 0;
    for (int i = s + from; i < s + to; i++) {
      int c = a[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
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
