package dev.cordbus.simulator.rest;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.world.MemberTable;
import dev.cordbus.simulator.world.WorldModel;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers shared by the route classes: ids, timestamps, the bot as author, rate-limit headers. */
final class RestSupport {

  private static final AtomicInteger INCREMENT = new AtomicInteger();

  private RestSupport() {
  }

  /** A fresh snowflake minted now ({@code (ms - epoch) << 22 | worker bits | increment}). */
  static String snowflake() {
    return Snowflakes.format(Snowflakes.of(System.currentTimeMillis(), (1 << 17) | (INCREMENT.incrementAndGet() & 0xFFF)));
  }

  /** Now, as Discord formats timestamps. */
  static String now() {
    return MemberTable.iso(System.currentTimeMillis());
  }

  /** The bot as a message author (the user object without private fields). */
  static JsonObject author(WorldModel world) {
    JsonObject u = world.botUser();
    JsonObject a = new JsonObject();
    for (String k : new String[] {"id", "username", "discriminator", "global_name", "avatar", "bot", "public_flags"}) {
      if (u.containsKey(k)) {
        a.put(k, u.getValue(k));
      }
    }
    return a;
  }

  /** The bot's member object in a guild without {@code user} (as MESSAGE_CREATE's {@code member}), or null. */
  static JsonObject botMember(WorldModel world, String guildId) {
    if (guildId == null) {
      return null;
    }
    JsonObject m = world.member(Snowflakes.parse(guildId), world.botId());
    if (m != null) {
      m.remove("user");
    }
    return m;
  }

  /** Counts the request in its bucket, sets the X-RateLimit-* headers; on 429 answers and returns false. */
  static boolean rateLimit(RoutingContext rc, RestRateLimiter limiter, String route, String major) {
    RestRateLimiter.Decision d = limiter.acquire(route, major, System.currentTimeMillis());
    var h = rc.response().headers();
    h.set("X-RateLimit-Limit", String.valueOf(d.limit()));
    h.set("X-RateLimit-Remaining", String.valueOf(d.remaining()));
    h.set("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", d.resetAtMs() / 1000.0));
    h.set("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", d.resetAfterMs() / 1000.0));
    h.set("X-RateLimit-Bucket", d.bucket());
    if (!d.allowed()) {
      double retry = d.resetAfterMs() / 1000.0;
      h.set("Retry-After", String.valueOf((long) Math.ceil(retry)));
      h.set("X-RateLimit-Scope", "user");
      RestErrors.json(rc, 429, new JsonObject().put("message", "You are being rate limited.")
          .put("retry_after", Math.round(retry * 1000) / 1000.0).put("global", false));
      return false;
    }
    return true;
  }

  /** Parses a snowflake path parameter, or null when it is not one. */
  static Long id(String raw) {
    try {
      return Snowflakes.parse(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
