package dev.cordbus.gateway.shard;

import dev.cordbus.gateway.config.Compression;

/** Builds the WebSocket URL of a gateway connection (GATEWAY.md §1). Pure. */
public final class GatewayUrls {

  /** Gateway API version. */
  public static final int VERSION = 10;

  private GatewayUrls() {
  }

  /**
   * {@code base} plus {@code ?v=10&encoding=json[&compress=zlib-stream|zstd-stream]}: {@code wss://host} becomes
   * {@code wss://host/?v=10...}; a base with a path keeps it ({@code ws://h:1/resume?v=10...}); an existing query is
   * replaced.
   */
  public static String connectUrl(String base, Compression compression) {
    String b = base;
    int q = b.indexOf('?');
    if (q >= 0) {
      b = b.substring(0, q);
    }
    int schemeEnd = b.indexOf("://");
    int pathStart = schemeEnd < 0 ? -1 : b.indexOf('/', schemeEnd + 3);
    if (pathStart < 0) {
      b = b + "/";
    }
    String query = "v=" + VERSION + "&encoding=json";
    if (compression != Compression.NONE) {
      query += "&compress=" + compression.value();
    }
    return b + "?" + query;
  }
}
