package dev.cordbus.gateway.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cordbus.gateway.config.Compression;
import org.junit.jupiter.api.Test;

class GatewayUrlsTest {

  @Test
  void appendsTheQuery() {
    assertEquals("wss://gateway.discord.gg/?v=10&encoding=json",
        GatewayUrls.connectUrl("wss://gateway.discord.gg", Compression.NONE));
    assertEquals("wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream",
        GatewayUrls.connectUrl("wss://gateway.discord.gg/", Compression.ZLIB_STREAM));
    assertEquals("ws://127.0.0.1:5/resume?v=10&encoding=json&compress=zstd-stream",
        GatewayUrls.connectUrl("ws://127.0.0.1:5/resume?v=10&encoding=json&compress=zlib-stream",
            Compression.ZSTD_STREAM));
    assertEquals("ws://127.0.0.1:5/resume?v=10&encoding=json",
        GatewayUrls.connectUrl("ws://127.0.0.1:5/resume", Compression.NONE));
    assertEquals("ws://h:1/?v=10&encoding=json", GatewayUrls.connectUrl("ws://h:1/?v=9", Compression.NONE));
  }
}
