package dev.cordbus.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.TrustOptions;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client of one bridge transport, speaking the raw wire protocol: TCP frames (4-byte big-endian length +
 * JSON) or SockJS's raw WebSocket endpoint ({@code <path>/websocket}, one JSON object per text message).
 */
abstract class BridgeClient implements AutoCloseable {

  /** Which bridge a client speaks to. */
  enum Transport {
    TCP,
    SOCKJS
  }

  final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

  static BridgeClient connect(Vertx vertx, Transport transport, BridgeVerticle bridge) throws Exception {
    return connect(vertx, transport, bridge, null);
  }

  /** Connects over TLS trusting {@code trust} when it is not null. */
  static BridgeClient connect(Vertx vertx, Transport transport, BridgeVerticle bridge, TrustOptions trust)
      throws Exception {
    return switch (transport) {
      case TCP -> Tcp.connect(vertx, bridge.tcpPort(), trust);
      case SOCKJS -> SockJs.connect(vertx, bridge.sockjsPort(), BridgeVerticleOptions.DEFAULT_SOCKJS_PATH, trust);
    };
  }

  abstract void write(JsonObject frame);

  /** The type of a delivered message frame on this transport. */
  abstract String messageType();

  /** The error text of an error frame, or null when {@code frame} is not an error. */
  static String error(JsonObject frame) {
    if (!"err".equals(frame.getString("type"))) {
      return null;
    }
    Object m = frame.getValue("message", frame.getValue("body"));
    return String.valueOf(m);
  }

  void register(String address) {
    write(new JsonObject().put("type", "register").put("address", address));
  }

  /** REGISTER carrying {@code headers} (where a client puts the secret). */
  void register(String address, JsonObject headers) {
    write(new JsonObject().put("type", "register").put("address", address).put("headers", headers));
  }

  /** Whether the bridge closed this connection. */
  abstract boolean closed();

  void send(String address, JsonObject body, JsonObject headers, String replyAddress) {
    JsonObject f = new JsonObject().put("type", "send").put("address", address).put("body", body);
    if (headers != null) {
      f.put("headers", headers);
    }
    if (replyAddress != null) {
      f.put("replyAddress", replyAddress);
    }
    write(f);
  }

  void publish(String address, JsonObject body, JsonObject headers) {
    JsonObject f = new JsonObject().put("type", "publish").put("address", address).put("body", body);
    if (headers != null) {
      f.put("headers", headers);
    }
    write(f);
  }

  /** The next frame, or null after {@code ms}. */
  JsonObject next(long ms) throws InterruptedException {
    return frames.poll(ms, TimeUnit.MILLISECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** TCP bridge client. */
  static final class Tcp extends BridgeClient {
    private final NetClient client;
    private NetSocket socket;
    private volatile boolean closed;

    private Tcp(NetClient client) {
      this.client = client;
    }

    static Tcp connect(Vertx vertx, int port, TrustOptions trust) throws Exception {
      NetClientOptions o = new NetClientOptions();
      if (trust != null) {
        o.setSsl(true).setTrustOptions(trust).setHostnameVerificationAlgorithm("");
      }
      Tcp t = new Tcp(vertx.createNetClient(o));
      t.socket = await(t.client.connect(port, "127.0.0.1"));
      t.socket.closeHandler(v -> t.closed = true);
      RecordParser parser = RecordParser.newFixed(4);
      int[] expected = {-1};
      parser.handler(buf -> {
        if (expected[0] < 0) {
          expected[0] = buf.getInt(0);
          parser.fixedSizeMode(expected[0]);
        } else {
          t.frames.add(buf.toJsonObject());
          expected[0] = -1;
          parser.fixedSizeMode(4);
        }
      });
      t.socket.handler(parser);
      return t;
    }

    @Override
    void write(JsonObject frame) {
      Buffer json = frame.toBuffer();
      socket.write(Buffer.buffer().appendInt(json.length()).appendBuffer(json));
    }

    @Override
    String messageType() {
      return "message";
    }

    @Override
    boolean closed() {
      return closed;
    }

    @Override
    public void close() throws Exception {
      await(client.close());
    }
  }

  /** SockJS raw WebSocket client. */
  static final class SockJs extends BridgeClient {
    private final WebSocketClient client;
    private WebSocket ws;
    private volatile boolean closed;

    private SockJs(WebSocketClient client) {
      this.client = client;
    }

    static SockJs connect(Vertx vertx, int port, String path, TrustOptions trust) throws Exception {
      WebSocketClientOptions o = new WebSocketClientOptions();
      if (trust != null) {
        o.setSsl(true).setTrustOptions(trust).setVerifyHost(false);
      }
      SockJs s = new SockJs(vertx.createWebSocketClient(o));
      s.ws = await(s.client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setSsl(trust != null).setURI(path + "/websocket")));
      s.ws.closeHandler(v -> s.closed = true);
      // The raw endpoint may answer in text or binary messages: take both.
      s.ws.handler(buf -> s.frames.add(buf.toJsonObject()));
      return s;
    }

    @Override
    void write(JsonObject frame) {
      ws.writeTextMessage(frame.encode());
    }

    @Override
    String messageType() {
      return "rec";
    }

    @Override
    boolean closed() {
      return closed;
    }

    @Override
    public void close() throws Exception {
      await(client.close());
    }
  }
}
