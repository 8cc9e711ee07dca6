package dev.cordbus.gateway.compression;

import dev.cordbus.gateway.error.GatewayException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input (invalid bytes, CESU-8 surrogates) is an error, never U+FFFD. */
public final class Utf8 {

  private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  private Utf8() {
  }

  /**
   * Decodes {@code bytes} strictly; throws kind {@code BAD_FRAME} when they are not valid UTF-8. Fast path: the JDK's
   * {@code new String(bytes, UTF_8)} (vectorised) replaces malformed input with U+FFFD, so a result without U+FFFD
   * is exact; only frames that contain U+FFFD (malformed, or a genuine replacement character) take the strict
   * decoder.
   */
  public static String decodeStrict(byte[] bytes) {
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    try {
      return DECODER.get().reset().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new GatewayException(GatewayException.Kind.BAD_FRAME, "payload is not valid UTF-8", e);
    }
  }

  /**
   * Whether {@code length} bytes of {@code a} from {@code offset} are well-formed UTF-8 (RFC 3629: no overlong forms,
   * no surrogates, nothing above U+10FFFF), without decoding them. ASCII runs take the fast path.
   */
  public static boolean isValid(byte[] a, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (a[i] >= 0) {
        i++;
        continue;
      }
      int n = sequence(a, i, end);
      if (n < 0) {
        return false;
      }
      i += n;
    }
    return true;
  }

  /**
   * The length of the well-formed multi-byte UTF-8 sequence starting at {@code a[i]} (a byte >= 0x80) before
   * {@code end}, or -1 when it is malformed (RFC 3629: no overlong forms, surrogates or code points above U+10FFFF).
   */
  public static int sequence(byte[] a, int i, int end) {
    int b = a[i] & 0xff;
    int need;
    int lo = 0x80;
    int hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) {
        lo = 0xA0;
      } else if (b == 0xED) {
        hi = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) {
        lo = 0x90;
      } else if (b == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return -1;
    }
    if (i + need >= end) {
      return -1;
    }
    int c = a[i + 1] & 0xff;
    if (c < lo || c > hi) {
      return -1;
    }
    for (int k = 2; k <= need; k++) {
      c = a[i + k] & 0xff;
      if (c < 0x80 || c > 0xBF) {
        return -1;
      }
    }
    return need + 1;
  }
}
