package dev.cordbus.gateway;

import java.nio.file.Path;

/** Where the recorded fixtures are (surefire passes {@code cordbus.fixtures}). */
public final class Fixtures {

  private Fixtures() {
  }

  /** The fixtures directory. */
  public static Path dir() {
    return Path.of(System.getProperty("cordbus.fixtures", "../fixtures"));
  }
}
