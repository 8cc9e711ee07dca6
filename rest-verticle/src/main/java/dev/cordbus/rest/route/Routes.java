package dev.cordbus.rest.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives the {@link RouteKey} of a request path (pure, no Vert.x). Major parameters stay as values in
 * {@link RouteKey#major()}; every other id becomes {@code {id}}, the emoji of a reaction {@code {emoji}} and every
 * token {@code {token}}, so templates never carry a secret. See
 * <a href="https://discord.com/developers/docs/topics/rate-limits#rate-limits">Rate Limits</a>.
 */
public final class Routes {

  private Routes() {
  }

  /** The key of {@code method path}; {@code path} is relative to the API base, query string allowed. */
  public static RouteKey of(String method, String path) {
    String clean = path;
    int q = clean.indexOf('?');
    if (q >= 0) {
      clean = clean.substring(0, q);
    }
    String[] raw = clean.split("/");
    List<String> segments = new ArrayList<>();
    for (String s : raw) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    StringBuilder template = new StringBuilder();
    String major = "";
    boolean exempt = false;
    for (int i = 0; i < segments.size(); i++) {
      String seg = segments.get(i);
      String prev = i > 0 ? segments.get(i - 1) : "";
      String out;
      if (i == 1 && isId(seg) && (prev.equals("channels") || prev.equals("guilds"))) {
        major = (prev.equals("channels") ? "channel:" : "guild:") + seg;
        out = prev.equals("channels") ? "{channel_id}" : "{guild_id}";
      } else if (i == 1 && prev.equals("webhooks") && isId(seg)) {
        major = "webhook:" + seg;
        out = "{webhook_id}";
      } else if (i == 2 && segments.get(0).equals("webhooks")) {
        major = major + ":" + Integer.toHexString(seg.hashCode());
        exempt = true; // interaction follow-ups; plain webhooks are limited per webhook anyway
        out = "{webhook_token}";
      } else if (i == 1 && prev.equals("interactions")) {
        major = "interaction:" + seg;
        out = "{interaction_id}";
      } else if (i == 2 && segments.get(0).equals("interactions")) {
        exempt = true;
        out = "{interaction_token}";
      } else if (prev.equals("reactions")) {
        out = "{emoji}";
      } else if (i >= 2 && segments.get(i - 2).equals("reactions") && !seg.equals("@me")) {
        out = "{user_id}";
      } else if (isId(seg)) {
        out = "{id}";
      } else {
        out = seg;
      }
      template.append('/').append(out);
    }
    if (template.length() == 0) {
      template.append('/');
    }
    return new RouteKey(method.toUpperCase(Locale.ROOT), template.toString(), major, exempt);
  }

  /** True for a snowflake-looking segment (all digits). */
  static boolean isId(String segment) {
    if (segment.isEmpty() || segment.length() > 20) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (!Character.isDigit(segment.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that a caller-supplied path is a relative API path: starts with {@code /}, has no scheme, authority,
   * {@code ..} segment, backslash or whitespace. Returns null when fine, else what is wrong.
   */
  public static String validatePath(String path) {
    if (path == null || path.isEmpty()) {
      return "path is missing";
    }
    if (!path.startsWith("/") || path.startsWith("//")) {
      return "path must start with a single '/'";
    }
    if (path.contains("://") || path.contains("\\") || path.contains("/../") || path.endsWith("/..")
        || path.chars().anyMatch(Character::isWhitespace) || path.contains("#")) {
      return "path must be a relative API path";
    }
    return null;
  }
}
