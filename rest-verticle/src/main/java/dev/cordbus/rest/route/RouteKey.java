package dev.cordbus.rest.route;

/**
 * Where a request falls for rate limiting: its method and route template (e.g.
 * {@code POST /channels/{channel_id}/messages}) and the value of its major parameter (e.g. {@code channel:123}).
 * Discord keys buckets on the bucket hash plus the major parameter; before the hash is known the limiter keys on
 * {@link #routeId()} plus the major parameter.
 *
 * @param method HTTP method, upper case
 * @param template the path with every id and token replaced by a placeholder (safe to log and publish)
 * @param major the major parameter ({@code channel:<id>}, {@code guild:<id>}, {@code webhook:<id>:<token hash>},
 *     {@code interaction:<id>}) or {@code ""} when the route has none
 * @param globalExempt true for interaction callbacks and interaction webhooks, exempt from the global limit
 */
public record RouteKey(String method, String template, String major, boolean globalExempt) {

  /** {@code METHOD template}: the identity of a route before its bucket hash is known. */
  public String routeId() {
    return method + " " + template;
  }

  /** The provisional bucket id: route and major parameter. */
  public String provisionalBucket() {
    return routeId() + "|" + major;
  }

  /** The bucket id once Discord told the bucket hash. */
  public String bucket(String hash) {
    return hash + "|" + major;
  }
}
