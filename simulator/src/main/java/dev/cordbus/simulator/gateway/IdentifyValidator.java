package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Intent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Validates an IDENTIFY {@code d} the way Discord does (GATEWAY.md §4, §7, §12): token (4004), intents (undocumented
 * bits 4013, privileged bits not allowed 4014), shard (4010). Pure.
 */
public final class IdentifyValidator {

  /** Discord's default and bounds of {@code large_threshold}. */
  public static final int DEFAULT_LARGE_THRESHOLD = 50;
  public static final int MIN_LARGE_THRESHOLD = 50;
  public static final int MAX_LARGE_THRESHOLD = 250;

  /** A valid IDENTIFY. {@code sharded} = the client sent {@code shard}. */
  public record Request(int shard, int shardCount, boolean sharded, int intents, int largeThreshold,
      JsonObject presence, boolean compress) {
  }

  /** Either a request or the close code to answer with. */
  public record Result(Request request, CloseCode failure) {
    static Result fail(CloseCode c) {
      return new Result(null, c);
    }
  }

  private IdentifyValidator() {
  }

  /** Whether {@code token} (with or without a {@code Bot } prefix) is one of {@code tokens}. */
  public static boolean tokenOk(Object token, List<String> tokens) {
    if (!(token instanceof String t)) {
      return false;
    }
    if (t.startsWith("Bot ")) {
      t = t.substring(4);
    }
    return tokens.contains(t);
  }

  public static Result validate(Object dRaw, List<String> tokens, int allowedIntents) {
    if (!(dRaw instanceof JsonObject d)) {
      return Result.fail(CloseCode.UNKNOWN_OPCODE);
    }
    if (!tokenOk(d.getValue("token"), tokens)) {
      return Result.fail(CloseCode.AUTHENTICATION_FAILED);
    }
    Object i = d.getValue("intents");
    if (!(i instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() < 0
        || n.longValue() > Integer.MAX_VALUE) {
      return Result.fail(CloseCode.INVALID_INTENTS);
    }
    int intents = n.intValue();
    if ((intents & ~Intent.ALL) != 0) {
      return Result.fail(CloseCode.INVALID_INTENTS);
    }
    if ((intents & Intent.PRIVILEGED & ~allowedIntents) != 0) {
      return Result.fail(CloseCode.DISALLOWED_INTENTS);
    }
    int shard = 0;
    int count = 1;
    boolean sharded = false;
    Object s = d.getValue("shard");
    if (s != null) {
      if (!(s instanceof JsonArray a) || a.size() != 2 || !(a.getValue(0) instanceof Number)
          || !(a.getValue(1) instanceof Number)) {
        return Result.fail(CloseCode.INVALID_SHARD);
      }
      long id = ((Number) a.getValue(0)).longValue();
      long n2 = ((Number) a.getValue(1)).longValue();
      if (n2 < 1 || id < 0 || id >= n2 || n2 > 1_000_000) {
        return Result.fail(CloseCode.INVALID_SHARD);
      }
      shard = (int) id;
      count = (int) n2;
      sharded = true;
    }
    int lt = DEFAULT_LARGE_THRESHOLD;
    if (d.getValue("large_threshold") instanceof Number l) {
      lt = Math.max(MIN_LARGE_THRESHOLD, Math.min(MAX_LARGE_THRESHOLD, l.intValue()));
    }
    JsonObject presence = d.getValue("presence") instanceof JsonObject p ? p : null;
    boolean compress = Boolean.TRUE.equals(d.getValue("compress"));
    return new Result(new Request(shard, count, sharded, intents, lt, presence, compress), null);
  }
}
