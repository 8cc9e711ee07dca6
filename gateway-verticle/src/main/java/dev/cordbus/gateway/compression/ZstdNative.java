package dev.cordbus.gateway.compression;

import dev.cordbus.gateway.error.GatewayException;
import java.util.Locale;

/**
 * Loads zstd-jni's native library (shipped inside its jar for Linux, macOS and Windows on the common architectures)
 * and turns a failure into a message that names the platform and the way out: {@code "compression": "zlib-stream"}.
 * The gateway calls {@link #require()} when it deploys with {@code zstd-stream}, so a platform without the library
 * fails the deployment instead of every connection.
 */
public final class ZstdNative {

  private ZstdNative() {
  }

  /**
   * Loads the library (once per JVM; later calls are cheap).
   *
   * @throws GatewayException kind {@code CONFIG} naming the platform when it cannot be loaded
   */
  public static void require() {
    try {
      com.github.luben.zstd.util.Native.load();
    } catch (LinkageError | RuntimeException e) {
      throw unavailable(e);
    }
  }

  /** The error for a library that failed to load with {@code cause}. */
  static GatewayException unavailable(Throwable cause) {
    return new GatewayException(GatewayException.Kind.CONFIG, "compression: zstd-stream needs zstd-jni's native "
        + "library, which could not be loaded on this platform (" + platform() + "): " + firstLine(cause)
        + ". Use \"compression\": \"zlib-stream\" (or \"none\") on this platform.", cause);
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    String first = (nl < 0 ? m : m.substring(0, nl)).strip();
    if (first.endsWith(":")) {
      first = first.substring(0, first.length() - 1);
    }
    return t.getClass().getSimpleName() + ": " + first;
  }

  /** {@code os.name/os.arch} of this JVM, as zstd-jni looks the library up. */
  static String platform() {
    return System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + "/" + System.getProperty("os.arch", "?");
  }
}
