package dev.cordbus.gateway.publish;

/** JSON string escapes, for {@link EnvelopeScanner}. */
final class JsonEscapes {

  /** The escape after a backslash at {@code p - 1}: the index after it, or -1 when it is not a JSON escape. */
  static int escape(byte[] b, int p, int e) {
    if (p >= e) {
      return -1;
    }
    switch (b[p]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return p + 1;
      }
      case 'u' -> {
        if (p + 5 > e) {
          return -1;
        }
        for (int k = 1; k <= 4; k++) {
          int h = b[p + k];
          if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
            return -1;
          }
        }
        return p + 5;
      }
      default -> {
        return -1;
      }
    }
  }

  private JsonEscapes() {
  }
}
