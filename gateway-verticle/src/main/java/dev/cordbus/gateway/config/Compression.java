package dev.cordbus.gateway.config;

import java.util.Locale;

/** Transport compression of the gateway connection (GATEWAY.md §10). */
public enum Compression {
  /** {@code compress=zlib-stream}: one inflate context per connection. */
  ZLIB_STREAM("zlib-stream"),
  /**
   * {@code compress=zstd-stream}: one zstd decompression context per connection, one payload per message (needs
   * zstd-jni's native library, shipped for Linux, macOS and Windows).
   */
  ZSTD_STREAM("zstd-stream"),
  /** No transport compression: text frames. */
  NONE("none");

  private final String value;

  Compression(String value) {
    this.value = value;
  }

  /** The configuration / query-string value. */
  public String value() {
    return value;
  }

  /** Parses {@code zlib-stream}, {@code zstd-stream} or {@code none}; throws IllegalArgumentException otherwise. */
  public static Compression parse(String s) {
    for (Compression c : values()) {
      if (c.value.equals(s.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("must be \"zlib-stream\", \"zstd-stream\" or \"none\", was \"" + s + "\"");
  }
}
