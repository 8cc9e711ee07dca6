package dev.cordbus.gateway.compression;

import dev.cordbus.gateway.config.Compression;

/**
 * The transport decompression of one gateway connection (GATEWAY.md §10): binary WebSocket messages in, whole
 * gateway payloads out. One instance per socket, made fresh for every new connection (reconnects and resumes start
 * a new context), released with {@link #close()}. Text messages never pass through a decoder: their bytes go to the
 * parser as received. Not thread-safe; event loop only, never blocks.
 */
public interface FrameDecoder extends AutoCloseable {

  /**
   * Feeds one binary WebSocket message.
   *
   * @return the payload bytes this message completed (a new array the caller may keep), or {@code null} when it
   *     completed none (keep feeding)
   * @throws dev.cordbus.gateway.error.GatewayException kind {@code DECOMPRESSION} when the stream is corrupt (the
   *     connection cannot recover: reconnect, and the next connection gets a new decoder)
   */
  default byte[] feed(byte[] message) {
    return feed(message, 0, message.length);
  }

  /** As {@link #feed(byte[])} for the message {@code message[offset .. offset + length)} (not kept). */
  byte[] feed(byte[] message, int offset, int length);

  /** The compression's name as in the configuration ({@code zlib-stream}, {@code zstd-stream}), for messages. */
  String name();

  /** Releases the native context. */
  @Override
  void close();

  /**
   * A new decoder for one connection with {@code compression}, or {@code null} for {@link Compression#NONE}.
   *
   * @throws dev.cordbus.gateway.error.GatewayException kind {@code CONFIG} when zstd's native library cannot be loaded
   */
  static FrameDecoder create(Compression compression) {
    return switch (compression) {
      case NONE -> null;
      case ZLIB_STREAM -> new ZlibStreamDecoder();
      case ZSTD_STREAM -> new ZstdStreamDecoder();
    };
  }
}
