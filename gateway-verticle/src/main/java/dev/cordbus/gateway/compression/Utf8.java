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

  /** Decodes {@code bytes} strictly; throws kind {@code BAD_FRAME} when they are not valid UTF-8. */
  public static String decodeStrict(byte[] bytes) {
    try {
      return DECODER.get().reset().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new GatewayException(GatewayException.Kind.BAD_FRAME, "payload is not valid UTF-8", e);
    }
  }
}
