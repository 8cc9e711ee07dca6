package dev.cordbus.gateway.compression;

import dev.cordbus.gateway.GatewayException;
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
}
