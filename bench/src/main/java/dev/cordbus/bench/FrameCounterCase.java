package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's emit ceiling: a bare WebSocket client on a blocking socket that reads frame headers and skips the
 * payloads (no inflating, no UTF-8, no parsing), so that it costs far less per frame than any real client. It
 * IDENTIFYs after the first message and heartbeats blindly every {@value #HEARTBEAT_MS} ms. Ready = HELLO + READY +
 * one message per GUILD_CREATE; every complete data message after that counts.
 */
final class FrameCounterCase implements ClientCase {

  static final long HEARTBEAT_MS = 10_000;
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "frame-counter-heartbeat");
    t.setDaemon(true);
    return t;
  });
  private volatile Socket socket;
  private Thread reader;

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    reader = new Thread(() -> {
      try {
        read(spec, counter, ready);
      } catch (IOException | RuntimeException e) {
        ready.completeExceptionally(e);
      }
    }, "frame-counter");
    reader.setDaemon(true);
    reader.start();
    return ready;
  }

  private void read(Spec spec, Counter counter, CompletableFuture<Void> ready) throws IOException {
    URI uri = URI.create(spec.gatewayUrl());
    Socket s = new Socket();
    socket = s;
    s.setTcpNoDelay(true);
    s.setReceiveBufferSize(1 << 20);
    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
    OutputStream out = s.getOutputStream();
    InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 18);
    handshake(uri, spec.compression(), out, in);
    heartbeats.scheduleAtFixedRate(() -> send(out, "{\"op\":1,\"d\":null}"), HEARTBEAT_MS, HEARTBEAT_MS,
        TimeUnit.MILLISECONDS);
    int warmup = spec.guilds() + 2;
    int messages = 0;
    byte[] ext = new byte[8];
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        return;
      }
      long len = b1 & 0x7f;
      if (len == 126) {
        readFully(in, ext, 2);
        len = ((ext[0] & 0xffL) << 8) | (ext[1] & 0xffL);
      } else if (len == 127) {
        readFully(in, ext, 8);
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | (ext[i] & 0xffL);
        }
      }
      if ((b1 & 0x80) != 0) {
        readFully(in, ext, 4);
      }
      in.skipNBytes(len);
      int opcode = b0 & 0x0f;
      if (opcode == 8) {
        return;
      }
      if ((b0 & 0x80) == 0 || opcode >= 8) {
        continue;
      }
      messages++;
      if (messages == 1) {
        send(out, identify(spec));
      } else if (messages == warmup) {
        ready.complete(null);
      } else if (messages > warmup) {
        counter.hit();
      }
    }
  }

  private void handshake(URI uri, String compression, OutputStream out, InputStream in) throws IOException {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String path = (uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath()) + "?v=10&encoding=json"
        + (compression.equals("none") ? "" : "&compress=" + compression);
    String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0 || head.length() > 8192) {
        throw new IOException("no WebSocket upgrade answer: " + head);
      }
      head.append((char) c);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("WebSocket upgrade refused: " + head.toString().lines().findFirst().orElse(""));
    }
  }

  static String identify(Spec spec) {
    JsonObject d = new JsonObject().put("token", spec.token()).put("intents", CordbusCase.intentMask())
        .put("properties", new JsonObject().put("os", "linux").put("browser", "cordbus-bench")
            .put("device", "cordbus-bench"));
    return new JsonObject().put("op", 2).put("d", d).encode();
  }

  /** One masked text frame (a client must mask, RFC 6455 §5.3). */
  private void send(OutputStream out, String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    int n = payload.length;
    byte[] frame = new byte[(n < 126 ? 2 : 4) + 4 + n];
    int at = 0;
    frame[at++] = (byte) 0x81;
    if (n < 126) {
      frame[at++] = (byte) (0x80 | n);
    } else {
      frame[at++] = (byte) (0x80 | 126);
      frame[at++] = (byte) (n >>> 8);
      frame[at++] = (byte) n;
    }
    System.arraycopy(mask, 0, frame, at, 4);
    at += 4;
    for (int i = 0; i < n; i++) {
      frame[at + i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    try {
      synchronized (out) {
        out.write(frame);
        out.flush();
      }
    } catch (IOException e) {
      // the reader sees the socket end
    }
  }

  private static void readFully(InputStream in, byte[] b, int n) throws IOException {
    if (in.readNBytes(b, 0, n) < n) {
      throw new EOFException("frame header cut short");
    }
  }

  @Override
  public JsonObject cached() {
    return new JsonObject();
  }

  @Override
  public void stop() throws Exception {
    heartbeats.shutdownNow();
    Socket s = socket;
    if (s != null) {
      s.close();
    }
    if (reader != null) {
      reader.join(5000);
    }
  }
}
