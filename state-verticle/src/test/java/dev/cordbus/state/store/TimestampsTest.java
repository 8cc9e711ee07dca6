package dev.cordbus.state.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The fast timestamp reader agrees with java.time on every day it reads and refuses the days that do not exist. */
class TimestampsTest {

  @Test
  void everyDayFromYearZeroToTheEndOfTimeReadsAsJavaTimeReadsIt() {
    for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
      assertEquals(d.toEpochDay(), Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
    }
    String s = "2024-02-29T23:59:59.999999+00:00";
    java.time.Instant i = OffsetDateTime.parse(s).toInstant();
    assertEquals(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000, Timestamps.fast(s));
    assertEquals(-1_000_000L, Timestamps.fast("1969-12-31T23:59:59.000000+00:00"));
  }

  /** The cursor reads a timestamp from the bytes as parsing its string does, for every form, odd ones included. */
  @Test
  void theCursorReadsATimestampAsTheStringParses() throws Exception {
    String[] values = {"2015-06-01T12:00:00.000000+00:00", "2024-02-29T23:59:59.999999+00:00",
        "2023-02-29T00:00:00.000000+00:00", "2015-06-01T12:00:00+00:00", "2015-06-01T12:00:00.000+02:00",
        "2015-06-01T12:00:00.000000Z", "2015-06-01T12:00:00.000000+00:0", "2015-06-01T12:00:00\u002e000000+00:00",
        "2015-06-01T12:00:00.00000a+00:00", "2015-06-01 12:00:00.000000+00:00", "", "yesterday",
        "2015-06-01T12:00:00.000000+00:00x"};
    for (String v : values) {
      String json = "[\"" + v + "\", \"" + v + "\"]";
      byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      JsonCursor c = new JsonCursor(b, 0, b.length);
      c.enter();
      c.nextElement();
      String text = c.text();
      c.nextElement();
      assertEquals(Timestamps.parse(text), c.timestamp(), v);
    }
    byte[] other = "[null, 12, {\"a\": 1}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JsonCursor c = new JsonCursor(other, 0, other.length);
    c.enter();
    while (c.nextElement()) {
      assertEquals(Timestamps.NONE, c.timestamp(), "a value that is not a string has no time");
    }
  }

  @Test
  void daysThatDoNotExistAreNotRead() {
    assertEquals(Timestamps.NONE, Timestamps.fast("2023-02-29T00:00:00.000000+00:00"));
    assertEquals(Timestamps.NONE, Timestamps.fast("1900-02-29T00:00:00.000000+00:00"), "1900 was not a leap year");
    assertEquals(Timestamps.NONE, Timestamps.fast("2024-04-31T00:00:00.000000+00:00"));
    assertEquals(Timestamps.NONE, Timestamps.fast("2024-13-01T00:00:00.000000+00:00"));
    assertEquals(Timestamps.NONE, Timestamps.fast("2024-00-10T00:00:00.000000+00:00"));
    assertEquals(951_782_400_000_000L, Timestamps.fast("2000-02-29T00:00:00.000000+00:00"), "2000 was");
  }
}
