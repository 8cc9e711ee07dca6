package dev.cordbus.api.rest;

import dev.cordbus.api.Address;

/**
 * Event-bus addresses of the REST verticle.
 *
 * <p>{@link #REQUEST} is request-reply: the body is a request built by {@link RestCall} ({@code {method, path,
 * query?, body?, reason?, files?}}), the reply is {@code {status, body}} where {@code body} is Discord's JSON
 * response (object, array, or null for 204). A failure is a {@link io.vertx.core.eventbus.ReplyException} whose
 * failure code and JSON message are described by {@link RestFailure}.
 */
public final class RestAddresses {

  /** Request-reply: one Discord REST call. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String REQUEST = "discord.rest.request";

  /**
   * Publish: one observability event per HTTP response the REST verticle received: {@code {method, route, status,
   * bucket, remaining, limit, resetAfter, latencyMs, attempt, scope?, global?}}. The route is a template; ids of
   * non-major resources and every token are replaced, so it never carries a secret.
   */
  @Address(Address.Mode.PUBLISHED)
  public static final String RESPONSE_EVENT = "discord.rest";

  /** Request-reply: the limiter's view {@code {buckets:[{key, bucket, limit, remaining, resetInMs, queued}], ...}}. */
  @Address(Address.Mode.REQUEST_REPLY)
  public static final String STATUS = "discord.rest.status";

  /**
   * Name of the cluster-wide {@code AsyncMap} holding one rate-limit bucket state per route and major parameter,
   * shared by the REST verticles of every node (not an event-bus address).
   */
  public static final String BUCKETS_MAP = "cordbus.rest.buckets";

  private RestAddresses() {
  }
}
