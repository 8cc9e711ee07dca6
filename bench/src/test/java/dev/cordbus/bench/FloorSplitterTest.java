package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The floor bot's splitter counts each length-prefixed message once, wherever the TCP chunks cut the stream. */
class FloorSplitterTest {

  @Test
  void everyMessageCountsOnceWhereverTheChunksCut() {
    // byte by byte over small messages; then the sizes TCP hands out over one larger than a chunk
    check(new int[] {0, 1, 3, 4, 5, 300, 2}, new int[] {1, 2, 3, 4, 5, 7});
    check(new int[] {0, 1, 3, 1400, 70_000, 2, 1400}, new int[] {1000, 4096, 65_536, 1 << 20});
  }

  private static void check(int[] lengths, int[] chunks) {
    Buffer stream = Buffer.buffer();
    for (int length : lengths) {
      stream.appendInt(length).appendBytes(new byte[length]);
    }
    for (int chunk : chunks) {
      AtomicInteger counted = new AtomicInteger();
      FloorBotCase.Splitter splitter = new FloorBotCase.Splitter(counted::incrementAndGet);
      for (int at = 0; at < stream.length(); at += chunk) {
        splitter.handle(stream.getBuffer(at, Math.min(stream.length(), at + chunk)));
      }
      assertEquals(lengths.length, counted.get(), "chunks of " + chunk + " bytes");
    }
  }

  @Test
  void aMessageIsNotCountedBeforeItsLastByte() {
    AtomicInteger counted = new AtomicInteger();
    FloorBotCase.Splitter splitter = new FloorBotCase.Splitter(counted::incrementAndGet);
    Buffer one = Buffer.buffer().appendInt(10).appendBytes(new byte[10]);
    splitter.handle(one.getBuffer(0, 13));
    assertEquals(0, counted.get());
    splitter.handle(one.getBuffer(13, 14));
    assertEquals(1, counted.get());
  }
}
