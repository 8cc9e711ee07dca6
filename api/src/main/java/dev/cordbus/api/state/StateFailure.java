package dev.cordbus.api.state;

import io.vertx.core.eventbus.ReplyException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failure codes of state queries and gateway commands ({@link ReplyException#failureCode()}). The "unknown"
 * codes reuse Discord's JSON error codes so bot authors recognise them.
 */
public enum StateFailure {
  /** The request body is missing a field or has a malformed id; the message names the field. */
  BAD_REQUEST(400),
  /** The resource type is switched off by the cache policy, so the cache cannot answer. */
  NOT_CACHED(412),
  /** The gateway did not deliver every chunk in time (or the shard did not answer). */
  TIMEOUT(408),
  /** Discord answered RATE_LIMITED; the message carries {@code retry_after=<seconds>}. */
  RATE_LIMITED(429),
  /** No shard is known for the guild (no READY seen yet, or the shard is not connected). */
  NO_SHARD(503),
  /**
   * The cache of the shard that owns the answer is being (re)built: its state verticle started late or moved after
   * a failure and has not yet seen READY and every GUILD_CREATE of the shard, or no state verticle serves the shard
   * right now. Never answered from a partial cache: retry later.
   */
  REBUILDING(425),
  UNKNOWN_CHANNEL(10003),
  UNKNOWN_GUILD(10004),
  UNKNOWN_MEMBER(10007),
  UNKNOWN_MESSAGE(10008),
  UNKNOWN_ROLE(10011),
  UNKNOWN_USER(10013),
  UNKNOWN_VOICE_STATE(10065),
  /** Not a Discord code: no presence is cached for that member. */
  UNKNOWN_PRESENCE(10100),
  /** The guild is known but currently unavailable (outage); only its id is answerable. */
  GUILD_UNAVAILABLE(10101);

  private static final Pattern RETRY_AFTER = Pattern.compile("retry_after=([0-9.]+)");

  private final int code;

  StateFailure(int code) {
    this.code = code;
  }

  /** The numeric failure code used on the event bus. */
  public int code() {
    return code;
  }

  /** A {@link ReplyException} with this code and message. */
  public ReplyException exception(String message) {
    return new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, code, message);
  }

  /** The failure of a code, or null when the code is not one of these. */
  public static StateFailure of(int code) {
    for (StateFailure f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    return null;
  }

  /** The failure of a throwable (a {@link ReplyException} with one of these codes), else null. */
  public static StateFailure of(Throwable t) {
    return t instanceof ReplyException re ? of(re.failureCode()) : null;
  }

  /** The {@code retry_after} seconds of a RATE_LIMITED failure message, or -1. */
  public static double retryAfter(Throwable t) {
    if (t == null || t.getMessage() == null) {
      return -1;
    }
    Matcher m = RETRY_AFTER.matcher(t.getMessage());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
