package dev.cordbus.gateway.config;

import static dev.cordbus.gateway.config.GatewayOptions.DEFAULT_COMPRESSION;
import static dev.cordbus.gateway.config.GatewayOptions.DEFAULT_INTENTS;

import dev.cordbus.api.Intent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The gateway-specific fields (token, intents, shard count and ids, compression), recording errors instead of
 * throwing at the first one; every other field is read by the shared {@link dev.cordbus.api.config.OptionReader}
 * into the same error list.
 */
final class OptionsParser {
  private final JsonObject j;
  private final Function<String, String> env;
  private final List<String> errors;

  OptionsParser(JsonObject j, Function<String, String> env, List<String> errors) {
    this.j = j;
    this.env = env;
    this.errors = errors;
  }

  String token() {
    Object v = j.getValue("token");
    String t = v == null ? env.apply("DISCORD_TOKEN") : v instanceof String s ? s : null;
    if (v != null && !(v instanceof String)) {
      errors.add("token: must be a string");
      return null;
    }
    if (t == null || t.isBlank()) {
      errors.add("token: missing; set the DISCORD_TOKEN environment variable");
      return null;
    }
    t = t.trim();
    if (t.startsWith("Bot ")) {
      t = t.substring(4).trim();
    }
    if (t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      errors.add("token: contains whitespace or non-ASCII characters");
      return null;
    }
    return t;
  }

  int intents() {
    String e = env.apply("CORDBUS_INTENTS");
    Object v = e != null && !e.isBlank() ? new JsonArray(List.of((Object[]) e.split(","))) : j.getValue("intents");
    if (v == null) {
      return DEFAULT_INTENTS;
    }
    try {
      if (v instanceof Number n) {
        long l = n.longValue();
        if (n.doubleValue() != l || l < 0 || (l & ~(long) Intent.ALL) != 0) {
          errors.add("intents: " + v + " has bits that are not documented intents (valid mask " + Intent.ALL + ")");
          return DEFAULT_INTENTS;
        }
        return (int) l;
      }
      if (v instanceof String s && s.trim().matches("\\d+")) {
        return intentsFromNumber(Long.parseLong(s.trim()));
      }
      if (v instanceof String s) {
        v = new JsonArray(List.of((Object[]) s.split(",")));
      }
      if (v instanceof JsonArray a) {
        int mask = 0;
        for (Object o : a) {
          if (!(o instanceof String s)) {
            errors.add("intents: entries must be intent names, got " + o);
            return DEFAULT_INTENTS;
          }
          Integer keyword = intentKeyword(s);
          mask |= keyword != null ? keyword : Intent.parse(s).bit();
        }
        return mask;
      }
      errors.add("intents: must be an array of intent names or an integer, was " + v);
    } catch (IllegalArgumentException ex) {
      errors.add("intents: " + ex.getMessage());
    }
    return DEFAULT_INTENTS;
  }

  /**
   * The mask of an intents keyword: {@code all} (every documented intent, privileged ones included), {@code default}
   * (every non-privileged one, the default), {@code none}; null when {@code s} is not a keyword. Keywords may be
   * combined with names in an array ({@code ["default", "MESSAGE_CONTENT"]}).
   */
  static Integer intentKeyword(String s) {
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "all" -> Intent.ALL;
      case "default" -> Intent.NON_PRIVILEGED;
      case "none" -> Intent.NONE;
      default -> null;
    };
  }

  private int intentsFromNumber(long l) {
    if ((l & ~(long) Intent.ALL) != 0) {
      errors.add("intents: " + l + " has bits that are not documented intents");
      return DEFAULT_INTENTS;
    }
    return (int) l;
  }

  Integer shardCount() {
    String e = env.apply("CORDBUS_SHARD_COUNT");
    Object v = e != null && !e.isBlank() ? e.trim() : j.getValue("shardCount", "auto");
    if ("auto".equals(v)) {
      return null;
    }
    try {
      long n = v instanceof Number num && num.doubleValue() == num.longValue() ? num.longValue()
          : Long.parseLong(String.valueOf(v));
      if (n < 1 || n > 1_000_000) {
        errors.add("shardCount: must be >= 1 or \"auto\", was " + v);
        return null;
      }
      return (int) n;
    } catch (NumberFormatException ex) {
      errors.add("shardCount: must be an integer or \"auto\", was " + v);
      return null;
    }
  }

  List<Integer> shards(Integer count) {
    String e = env.apply("CORDBUS_SHARDS");
    Object v = e != null && !e.isBlank() ? new JsonArray(List.of((Object[]) e.split(","))) : j.getValue("shards");
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a) || a.isEmpty()) {
      errors.add("shards: must be a non-empty array of shard ids, was " + v);
      return null;
    }
    Set<Integer> ids = new LinkedHashSet<>();
    for (Object o : a) {
      try {
        int id = o instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
            : Integer.parseInt(String.valueOf(o).trim());
        if (id < 0 || (count != null && id >= count)) {
          errors.add("shards: shard id " + id + " is not in [0, shardCount" + (count == null ? "" : "=" + count)
              + ")");
          return null;
        }
        if (!ids.add(id)) {
          errors.add("shards: shard id " + id + " is listed twice");
          return null;
        }
      } catch (NumberFormatException ex) {
        errors.add("shards: '" + o + "' is not a shard id");
        return null;
      }
    }
    return List.copyOf(ids);
  }

  Compression compression() {
    String e = env.apply("CORDBUS_COMPRESSION");
    Object v = e != null && !e.isBlank() ? e : j.getValue("compression", DEFAULT_COMPRESSION.value());
    try {
      return Compression.parse(String.valueOf(v));
    } catch (IllegalArgumentException ex) {
      errors.add("compression: " + ex.getMessage());
      return DEFAULT_COMPRESSION;
    }
  }
}
