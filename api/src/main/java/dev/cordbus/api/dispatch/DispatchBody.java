package dev.cordbus.api.dispatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The body of a dispatch as a consumer receives it: the JSON bytes of {@code d} exactly as the gateway read them,
 * parsed into a tree only when someone first reads a field, once per node, and shared by every consumer on that node.
 *
 * <p>Consumers see a plain {@link JsonObject} (its map is a {@code DispatchBody}); everything a {@code JsonObject} does
 * works, and the tree equals what {@code new JsonObject(bytes)} would build. Java consumers that can read bytes
 * themselves (a streaming parser, a byte search, forwarding) get them with {@link #of(JsonObject)} and never build
 * the tree. The body is shared: treat it as read-only and {@code copy()} it before changing it.
 */
public final class DispatchBody extends AbstractMap<String, Object> {

  private static final JsonFactory JSON = new JsonFactory();

  private final byte[] array;
  private final int offset;
  private final int length;
  private final int[] members;
  /** Published on the bus by the relay ({@link DispatchListeners}' consumers skip it: they had it already). */
  private final boolean relayed;
  /** The parsed tree, null until first read (published safely through the volatile write). */
  private volatile Map<String, Object> tree;

  private DispatchBody(byte[] array, int offset, int length, int[] members, boolean relayed) {
    this.array = array;
    this.offset = offset;
    this.length = length;
    this.members = members;
    this.relayed = relayed;
  }

  /** A dispatch body over {@code length} bytes of {@code array} from {@code offset} (not copied: never change them). */
  public static JsonObject json(byte[] array, int offset, int length) {
    return json(array, offset, length, null);
  }

  /**
   * A dispatch body over {@code length} bytes of {@code array} from {@code offset} whose top-level members lie where
   * {@code members} says ({@link #members()}; null: unknown). Neither is copied: never change them.
   */
  public static JsonObject json(byte[] array, int offset, int length, int[] members) {
    return new JsonObject(new DispatchBody(array, offset, length, members, false));
  }

  /** A body the relay hands to this node's consumers while {@link DispatchListeners} listen to its name. */
  static JsonObject relayed(byte[] array, int offset, int length, int[] members) {
    return new JsonObject(new DispatchBody(array, offset, length, members, true));
  }

  /** Whether {@code body} is one the relay published while listeners of its name had it directly. */
  static boolean relayed(JsonObject body) {
    return body.getMap() instanceof DispatchBody b && b.relayed;
  }

  /** The dispatch body behind {@code body}, or null when {@code body} was built another way. */
  public static DispatchBody of(JsonObject body) {
    return body != null && body.getMap() instanceof DispatchBody b ? b : null;
  }

  /**
   * The JSON bytes of {@code body}: the received bytes of a dispatch body (no encoding), else {@code body} encoded.
   */
  public static Buffer bytesOf(JsonObject body) {
    DispatchBody b = of(body);
    return b != null ? b.toBuffer() : body.toBuffer();
  }

  /**
   * Where the top-level members lie, as the gateway found them when it checked the frame, so a reader on the
   * gateway's node can go straight to the fields it wants: counted from {@link #offset()}, member {@code i}'s name is
   * {@code array[offset + m[4i] .. offset + m[4i+1])} (between its quotes, never escaped) and its value {@code
   * array[offset + m[4i+2] .. offset + m[4i+3])}. Null when unknown (a body from another node or built another way).
   * Shared: never change it.
   */
  public int[] members() {
    return members;
  }

  /** The array holding the bytes (shared: read only {@link #offset()} .. {@code offset + length}, never write). */
  public byte[] array() {
    return array;
  }

  /** Where the JSON starts in {@link #array()}. */
  public int offset() {
    return offset;
  }

  /** How many bytes the JSON has. */
  public int length() {
    return length;
  }

  /** A copy of the bytes as a buffer. */
  public Buffer toBuffer() {
    return Buffer.buffer().appendBytes(array, offset, length);
  }

  /** Whether the tree has been built (someone on this node read a field). */
  public boolean isParsed() {
    return tree != null;
  }

  /** The parsed tree (built on first use, once; thread-safe). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> tree() {
    Map<String, Object> t = tree;
    if (t == null) {
      synchronized (this) {
        t = tree;
        if (t == null) {
          try (JsonParser p = JSON.createParser(array, offset, length)) {
            t = JacksonCodec.fromParser(p, Map.class);
          } catch (IOException e) {
            throw new DecodeException("dispatch body is not a JSON object: " + e.getMessage(), e);
          }
          if (t == null) {
            throw new DecodeException("dispatch body is not a JSON object");
          }
          tree = t;
        }
      }
    }
    return t;
  }

  @Override
  public Object get(Object key) {
    return tree().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return tree().containsKey(key);
  }

  @Override
  public int size() {
    return tree().size();
  }

  @Override
  public boolean isEmpty() {
    return tree().isEmpty();
  }

  @Override
  public Object put(String key, Object value) {
    return tree().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return tree().remove(key);
  }

  @Override
  public void clear() {
    tree().clear();
  }

  @Override
  public Set<String> keySet() {
    return tree().keySet();
  }

  @Override
  public Collection<Object> values() {
    return tree().values();
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return tree().entrySet();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    tree().forEach(action);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || tree().equals(o);
  }

  @Override
  public int hashCode() {
    return tree().hashCode();
  }
}
