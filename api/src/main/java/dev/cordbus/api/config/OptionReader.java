package dev.cordbus.api.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one verticle's JSON config field by field with the same rules in every module, collecting every problem
 * instead of stopping at the first, so one message names every bad field. Used once, in an options constructor:
 *
 * <pre>{@code
 * OptionReader r = new OptionReader(json, env);
 * this.maxQueue = r.intValue("maxQueue", DEFAULT_MAX_QUEUE, 1, 1_000_000);
 * this.publishEvents = r.bool("publishEvents", true);
 * r.throwIfInvalid("rest", RestException::config);
 * }</pre>
 *
 * <p>Rules: integers are JSON numbers without a fraction ({@code 2} and {@code 2.0} pass, {@code 1.5} and
 * {@code "2"} are rejected with what to write instead) inside the documented range; booleans are JSON
 * {@code true}/{@code false}; strings are non-blank. Environment overrides (when a variable name is given and it is
 * set and not blank) win over the JSON value and are parsed from text with the same rules ({@code true/false/on/off/
 * 1/0/yes/no} for booleans). An absent or {@code null} key takes the default. Each message reads
 * {@code <field>: <what is wrong>, was <value>; <what to do>}, with nested sections named {@code ops.port}.
 */
public final class OptionReader {

  private final JsonObject json;
  private final Function<String, String> env;
  private final String prefix;
  private final List<String> errors;

  /** Reads {@code json} (null = empty) with no environment overrides. */
  public OptionReader(JsonObject json) {
    this(json, name -> null);
  }

  /** Reads {@code json} (null = empty) with {@code env} for the overrides (e.g. {@code System::getenv}). */
  public OptionReader(JsonObject json, Function<String, String> env) {
    this(json, env, "", new ArrayList<>());
  }

  /**
   * Reads {@code json} (null = empty) with {@code env}, recording its problems into {@code errors}, a list the
   * caller also adds its cross-field checks to (one message in the end).
   */
  public OptionReader(JsonObject json, Function<String, String> env, List<String> errors) {
    this(json, env, "", errors);
  }

  private OptionReader(JsonObject json, Function<String, String> env, String prefix, List<String> errors) {
    this.json = json == null ? new JsonObject() : json;
    this.env = env == null ? name -> null : env;
    this.prefix = prefix;
    this.errors = errors;
  }

  /**
   * The nested object {@code key} read with the same environment, its errors named {@code key.field} and collected
   * with this reader's; absent = empty (every default).
   */
  public OptionReader section(String key) {
    Object v = json.getValue(key);
    JsonObject o = new JsonObject();
    if (v instanceof JsonObject jo) {
      o = jo;
    } else if (v != null) {
      fail(key, "must be a JSON object, was " + show(v) + "; write {\"" + key + "\": {...}} or remove the key");
    }
    return new OptionReader(o, env, prefix + key + ".", errors);
  }

  /** The raw JSON value of {@code key}, or null. */
  public Object raw(String key) {
    return json.getValue(key);
  }

  /** Whether {@code key} is present with a non-null value. */
  public boolean has(String key) {
    return json.getValue(key) != null;
  }

  /** The full name of {@code key} in messages ({@code ops.port} inside section {@code ops}). */
  public String field(String key) {
    return prefix + key;
  }

  /** Records a problem with {@code key}: {@code problem} says what is wrong and what to do. */
  public void fail(String key, String problem) {
    errors.add(field(key) + ": " + problem);
  }

  /** A whole number in {@code [min, max]}, default {@code dflt}. */
  public long longValue(String key, long dflt, long min, long max) {
    return longValue(key, null, dflt, min, max);
  }

  /** A whole number in {@code [min, max]}; environment variable {@code envName} (may be null) overrides. */
  public long longValue(String key, String envName, long dflt, long min, long max) {
    Long v = whole(key, envName, min, max);
    return v == null ? dflt : v;
  }

  /** A whole number in {@code [min, max]} that fits an int, default {@code dflt}. */
  public int intValue(String key, int dflt, int min, int max) {
    return (int) longValue(key, null, dflt, min, max);
  }

  /** A whole number in {@code [min, max]}; environment variable {@code envName} (may be null) overrides. */
  public int intValue(String key, String envName, int dflt, int min, int max) {
    return (int) longValue(key, envName, dflt, min, max);
  }

  /** A whole number in {@code [min, max]}, or null when absent (or bad: the error is recorded). */
  public Integer optionalInt(String key, String envName, int min, int max) {
    Long v = whole(key, envName, min, max);
    return v == null ? null : v.intValue();
  }

  private Long whole(String key, String envName, long min, long max) {
    String e = envValue(envName);
    Object v = e != null ? e : json.getValue(key);
    if (v == null) {
      return null;
    }
    long n;
    if (v instanceof Number num) {
      double d = num.doubleValue();
      if (num instanceof Double || num instanceof Float || num instanceof java.math.BigDecimal) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
          fail(key, "must be a whole number, was " + show(v) + "; write it without a fraction (e.g. "
              + (long) Math.floor(d) + " or " + (long) Math.ceil(d) + ")");
          return null;
        }
      }
      n = num.longValue();
    } else if (e != null) {
      try {
        n = Long.parseLong(e);
      } catch (NumberFormatException ex) {
        fail(key, "must be a whole number, was " + show(v) + " (from " + envName + "); set " + envName
            + " to digits only, e.g. " + Math.max(min, 0));
        return null;
      }
    } else {
      fail(key, "must be a whole number, was " + show(v) + "; write a JSON number without quotes, e.g. "
          + Math.max(min, 0));
      return null;
    }
    if (n < min || n > max) {
      fail(key, "must be " + range(min, max) + ", was " + n + (e != null ? " (from " + envName + ")" : "")
          + "; use a value in that range or remove the key for the default");
      return null;
    }
    return n;
  }

  private static String range(long min, long max) {
    if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
      return min == 1 ? "at least 1" : ">= " + min;
    }
    return "between " + min + " and " + max;
  }

  /** A JSON number (a fraction is fine) in {@code [min, max]}, default {@code dflt}. */
  public double decimal(String key, double dflt, double min, double max) {
    Object v = json.getValue(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
      fail(key, "must be a number, was " + show(v) + "; write a JSON number without quotes, e.g. " + dflt);
      return dflt;
    }
    if (n.doubleValue() < min || n.doubleValue() > max) {
      fail(key, "must be between " + min + " and " + max + ", was " + v
          + "; use a value in that range or remove the key for the default");
      return dflt;
    }
    return n.doubleValue();
  }

  /** {@code true} or {@code false}, default {@code dflt}. */
  public boolean bool(String key, boolean dflt) {
    return bool(key, null, dflt);
  }

  /** {@code true} or {@code false}; environment variable {@code envName} (true/false/on/off/1/0/yes/no) overrides. */
  public boolean bool(String key, String envName, boolean dflt) {
    String e = envValue(envName);
    if (e != null) {
      switch (e.toLowerCase(Locale.ROOT)) {
        case "true", "on", "1", "yes":
          return true;
        case "false", "off", "0", "no":
          return false;
        default:
          fail(key, "must be true or false, was " + show(e) + " (from " + envName + "); set " + envName
              + " to true or false");
          return dflt;
      }
    }
    Object v = json.getValue(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    fail(key, "must be true or false, was " + show(v) + "; write true or false without quotes");
    return dflt;
  }

  /** A non-blank string, default {@code dflt} (may be null). */
  public String string(String key, String dflt) {
    return string(key, null, dflt);
  }

  /** A non-blank string; environment variable {@code envName} (may be null) overrides. */
  public String string(String key, String envName, String dflt) {
    String e = envValue(envName);
    if (e != null) {
      return e;
    }
    Object v = json.getValue(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof String s && !s.isBlank()) {
      return s;
    }
    fail(key, "must be a non-empty string, was " + show(v) + "; write it in quotes or remove the key");
    return dflt;
  }

  /** A URL starting with one of {@code schemes}, without its trailing slash; env {@code envName} overrides. */
  public String url(String key, String envName, String dflt, String... schemes) {
    String s = string(key, envName, dflt);
    if (s == null) {
      return null;
    }
    for (String scheme : schemes) {
      if (s.startsWith(scheme) && s.length() > scheme.length()) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
      }
    }
    fail(key, "must be a URL starting with " + String.join(" or ", schemes) + ", was " + show(s)
        + (envValue(envName) != null ? " (from " + envName + ")" : "") + "; e.g. " + schemes[0] + "127.0.0.1:8080");
    return dflt;
  }

  /** One constant of {@code type}, by name, case-insensitive; default {@code dflt}. */
  public <E extends Enum<E>> E oneOf(String key, Class<E> type, E dflt) {
    Object v = json.getValue(key);
    if (v == null) {
      return dflt;
    }
    E e = constant(type, v);
    if (e == null) {
      fail(key, "must be one of " + names(type) + ", was " + show(v));
      return dflt;
    }
    return e;
  }

  /** An array of constants of {@code type} by name, case-insensitive; default {@code dflt}. */
  public <E extends Enum<E>> Set<E> setOf(String key, Class<E> type, Set<E> dflt) {
    Object v = json.getValue(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof JsonArray a)) {
      fail(key, "must be an array of " + names(type) + ", was " + show(v));
      return dflt;
    }
    Set<E> set = EnumSet.noneOf(type);
    for (Object o : a) {
      E e = constant(type, o);
      if (e == null) {
        fail(key, "holds " + show(o) + ", which is not one of " + names(type));
        return dflt;
      }
      set.add(e);
    }
    return set;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, Object v) {
    if (!(v instanceof String s)) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(s.trim())) {
        return e;
      }
    }
    return null;
  }

  private static <E extends Enum<E>> List<String> names(Class<E> type) {
    return EnumSet.allOf(type).stream().map(Enum::name).toList();
  }

  /** An array of distinct whole numbers in {@code [min, max]}, or null when absent. */
  public List<Integer> intList(String key, int min, int max) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      fail(key, "must be an array of whole numbers, was " + show(v) + "; e.g. [0, 1]");
      return null;
    }
    Set<Integer> ids = new LinkedHashSet<>();
    for (Object o : a) {
      if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        fail(key, "holds " + show(o) + ", which is not a whole number; e.g. [0, 1]");
        return null;
      }
      if (n.longValue() < min || n.longValue() > max) {
        fail(key, "holds " + n.longValue() + ", which is not " + range(min, max));
        return null;
      }
      if (!ids.add(n.intValue())) {
        fail(key, "holds " + n.intValue() + " twice; list each once");
        return null;
      }
    }
    return List.copyOf(ids);
  }

  /** A JSON object (a copy), or null when absent. */
  public JsonObject object(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return o.copy();
    }
    fail(key, "must be a JSON object, was " + show(v));
    return null;
  }

  /** Records every key of this object (or section) that is not in {@code known}: usually a typo. */
  public void onlyKeys(Set<String> known) {
    for (String key : json.fieldNames()) {
      if (!known.contains(key)) {
        fail(key, "unknown key; known keys are " + new java.util.TreeSet<>(known));
      }
    }
  }

  /** The problems recorded so far (every section's), in order. */
  public List<String> errors() {
    return Collections.unmodifiableList(errors);
  }

  /**
   * Throws {@code exception.apply(message)} when any problem was recorded, the message reading
   * {@code invalid <what> configuration: <field>: <problem>; <field>: <problem>...}.
   */
  public <X extends RuntimeException> void throwIfInvalid(String what, Function<String, X> exception) {
    if (!errors.isEmpty()) {
      throw exception.apply("invalid " + what + " configuration: " + String.join("; ", errors));
    }
  }

  private String envValue(String name) {
    if (name == null) {
      return null;
    }
    String v = env.apply(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** A value as it appears in a message: strings quoted, long values cut. */
  private static String show(Object v) {
    String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
