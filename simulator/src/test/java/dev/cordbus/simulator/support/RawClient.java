package dev.cordbus.simulator.support;

import com.github.luben.zstd.ZstdDecompressCtx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;

/**
 * A raw gateway client for tests: a real Vert.x WebSocket, every received payload queued as JSON (zlib-stream decoded
 * with one Inflater per connection; zstd-stream with one zstd-jni {@code ZstdDecompressCtx} per connection over
 * direct buffers, written here from GATEWAY.md §10 and not sharing cordbus's decoder), the close code captured (1006
 * when no close frame came). Blocking helpers with timeouts.
 */
public final class RawClient {

  /** Close code seen when the socket ended without a close frame. */
  public static final int ABNORMAL = 1006;

  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocketClient client;
  private final boolean zlib;
  /** The zstd-stream context, or null. */
  private final ZstdDecompressCtx zstd;
  private final Inflater inflater = new Inflater();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private volatile String closeReason;
  private volatile int binaryMessages;
  private WebSocket ws;

  private RawClient(Vertx vertx, boolean zlib, boolean zstd) {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1024 * 1024)
        .setMaxMessageSize(64 * 1024 * 1024));
    this.zlib = zlib;
    this.zstd = zstd ? new ZstdDecompressCtx() : null;
  }

  /** Connects to {@code baseUrl + "/?" + query} (query e.g. {@code v=10&encoding=json}). */
  public static RawClient connect(Vertx vertx, String baseUrl, String query) throws Exception {
    boolean zlib = query.contains("compress=zlib-stream");
    RawClient c = new RawClient(vertx, zlib, query.contains("compress=zstd-stream"));
    // the handlers are set before the handshake: a server that closes at once (a refused encoding, a bad version)
    // would otherwise close the socket before they are, and the close code would be lost
    io.vertx.core.http.ClientWebSocket ws = c.client.webSocket();
    ws.textMessageHandler(t -> c.frames.add(new JsonObject(t)));
    ws.binaryMessageHandler(c::onBinary);
    ws.closeHandler(v -> {
      Short code = ws.closeStatusCode();
      c.closeReason = ws.closeReason();
      c.closed.complete(code == null ? ABNORMAL : (int) code);
    });
    c.ws = ws;
    ws.connect(new WebSocketConnectOptions().setAbsoluteURI(baseUrl + "/?" + query)).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    return c;
  }

  /** Connects with {@code v=10&encoding=json}. */
  public static RawClient connect(Vertx vertx, String baseUrl) throws Exception {
    return connect(vertx, baseUrl, "v=10&encoding=json");
  }

  private synchronized void onBinary(Buffer b) {
    binaryMessages++;
    if (zstd != null) {
      frames.add(unzstd(b));
      return;
    }
    if (!zlib) {
      frames.add(new JsonObject(b.toString(StandardCharsets.UTF_8)));
      return;
    }
    byte[] bytes = b.getBytes();
    pending.write(bytes, 0, bytes.length);
    int n = bytes.length;
    if (n < 4 || bytes[n - 4] != 0 || bytes[n - 3] != 0 || bytes[n - 2] != (byte) 0xff || bytes[n - 1] != (byte) 0xff) {
      return;
    }
    try {
      inflater.setInput(pending.toByteArray());
      pending.reset();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      int k;
      while ((k = inflater.inflate(chunk)) > 0) {
        out.write(chunk, 0, k);
      }
      frames.add(new JsonObject(out.toString(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      frames.add(new JsonObject().put("_inflate_error", e.toString()));
    }
  }

  /** One zstd-stream message: exactly one payload; decompress until the input is consumed and the output flushed. */
  private JsonObject unzstd(Buffer b) {
    try {
      ByteBuffer src = ByteBuffer.allocateDirect(b.length());
      src.put(b.getBytes()).flip();
      ByteBuffer dst = ByteBuffer.allocateDirect(Math.max(1024, b.length() * 8));
      while (true) {
        zstd.decompressDirectByteBufferStream(dst, src);
        if (!src.hasRemaining() && dst.hasRemaining()) {
          break;
        }
        if (!dst.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocateDirect(dst.capacity() * 2);
          dst.flip();
          bigger.put(dst);
          dst = bigger;
        }
      }
      dst.flip();
      byte[] payload = new byte[dst.remaining()];
      dst.get(payload);
      return new JsonObject(new String(payload, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return new JsonObject().put("_zstd_error", e.toString());
    }
  }

  /** Stops reading from the socket (the server's writes back up). */
  public void pause() {
    ws.pause();
  }

  /** Reads again. */
  public void resumeReading() {
    ws.resume();
  }

  /** Payloads queued and not yet taken. */
  public int queued() {
    return frames.size();
  }

  /** Binary WebSocket messages received so far. */
  public int binaryMessages() {
    return binaryMessages;
  }

  /** Sends a JSON payload. */
  public void send(JsonObject payload) {
    ws.writeTextMessage(payload.encode());
  }

  /** Sends text as is. */
  public void sendText(String text) {
    ws.writeTextMessage(text);
  }

  /** The next payload, or fails after {@code timeoutMs}. */
  public JsonObject next(long timeoutMs) throws InterruptedException {
    JsonObject f = frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (f == null) {
      throw new AssertionError("no frame within " + timeoutMs + " ms");
    }
    return f;
  }

  /** The next payload or null after {@code timeoutMs}. */
  public JsonObject poll(long timeoutMs) throws InterruptedException {
    return frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Skips payloads until one with {@code op} (and, for op 0, event {@code t} when not null). */
  public JsonObject await(int op, String t, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no op " + op + (t == null ? "" : " " + t) + " within " + timeoutMs + " ms");
      }
      JsonObject f = frames.poll(left, TimeUnit.MILLISECONDS);
      if (f != null && f.getInteger("op", -1) == op && (t == null || t.equals(f.getString("t")))) {
        return f;
      }
    }
  }

  /** Reads HELLO (must be the first payload). */
  public JsonObject hello() throws InterruptedException {
    JsonObject f = next(5000);
    if (f.getInteger("op") != 10) {
      throw new AssertionError("first payload is not HELLO: " + f);
    }
    return f;
  }

  /** Sends IDENTIFY. {@code shard} may be null. */
  public void identify(String token, int intents, int[] shard) {
    JsonObject d = new JsonObject().put("token", token).put("intents", intents)
        .put("properties", new JsonObject().put("os", "linux").put("browser", "test").put("device", "test"));
    if (shard != null) {
      d.put("shard", new JsonArray().add(shard[0]).add(shard[1]));
    }
    send(new JsonObject().put("op", 2).put("d", d));
  }

  /** Sends RESUME. */
  public void resume(String token, String sessionId, long seq) {
    send(new JsonObject().put("op", 6).put("d", new JsonObject().put("token", token).put("session_id", sessionId)
        .put("seq", seq)));
  }

  /** Sends a heartbeat with {@code seq} (null allowed). */
  public void heartbeat(Long seq) {
    send(new JsonObject().put("op", 1).put("d", seq));
  }

  /** The close code (1006 without close frame), waiting up to {@code timeoutMs}. */
  public int awaitClose(long timeoutMs) throws Exception {
    return closed.get(timeoutMs, TimeUnit.MILLISECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  public String closeReason() {
    return closeReason;
  }

  /** Client-side close with {@code code}. */
  public void close(int code) {
    if (!closed.isDone()) {
      ws.close((short) code);
    }
  }

  /** Closes if open and releases the client. */
  public void dispose() {
    try {
      close(4000);
    } catch (RuntimeException ignored) {
      // already closed
    }
    client.close();
    inflater.end();
    synchronized (this) {
      if (zstd != null) {
        zstd.close();
      }
    }
  }
}
