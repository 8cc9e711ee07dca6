package dev.cordbus.api.event;

import dev.cordbus.api.Headers;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * One received event as a typed handler sees it: the {@link Headers} (shard, seq, guild, session), the JSON body as
 * published, and the record, decoded on the first call to {@link #data()} only. A handler that reads only
 * {@link #json()} or the headers never pays for the record.
 *
 * <p>An event is handed to one handler on one thread; it is not meant to be shared across threads.
 *
 * @param <T> the record type
 */
public final class Event<T> {

  private final EventType<T> type;
  private final MultiMap headers;
  private final JsonObject body;
  private T data;
  private boolean decoded;

  /** An event of {@code type} with the message's {@code headers} and {@code body}. */
  public Event(EventType<T> type, MultiMap headers, JsonObject body) {
    this.type = type;
    this.headers = headers == null ? MultiMap.caseInsensitiveMultiMap() : headers;
    this.body = body;
  }

  /** The key this event was received for. */
  public EventType<T> type() {
    return type;
  }

  /** The event's name (e.g. {@code MESSAGE_REACTION_ADD}). */
  public String name() {
    return type.name();
  }

  /**
   * The decoded record (decoded once, on the first call).
   *
   * @throws TypedJson.DecodeFailure when the body does not fit the record (the JSON stays available)
   */
  public T data() {
    if (!decoded) {
      data = type.decode(body);
      decoded = true;
    }
    return data;
  }

  /** Whether {@link #data()} has been decoded. */
  public boolean isDecoded() {
    return decoded;
  }

  /** The body as published (shared with the other consumers of the node: read only; {@code copy()} to change). */
  public JsonObject json() {
    return body;
  }

  /** Every header of the message. */
  public MultiMap headers() {
    return headers;
  }

  /** The shard the event came from ({@link Headers#SHARD}), or -1 when the message has none. */
  public int shard() {
    String s = headers.get(Headers.SHARD);
    return s == null ? -1 : Integer.parseInt(s);
  }

  /** The gateway sequence number ({@link Headers#SEQ}), or -1 when the message has none. */
  public long seq() {
    String s = headers.get(Headers.SEQ);
    return s == null ? -1 : Long.parseLong(s);
  }

  /** The guild id ({@link Headers#GUILD}), or null when the event has no guild. */
  public String guildId() {
    return headers.get(Headers.GUILD);
  }

  /** The gateway session id ({@link Headers#SESSION}), or null. */
  public String session() {
    return headers.get(Headers.SESSION);
  }

  @Override
  public String toString() {
    return "Event[" + name() + " shard=" + shard() + " seq=" + seq() + " guild=" + guildId() + "]";
  }
}
