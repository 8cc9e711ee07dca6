package dev.cordbus.rest.ratelimit;

import dev.cordbus.rest.route.RouteKey;

/** One request as the limiter sees it: its route, how often it was tried, and the bucket it was sent under. */
public final class Ticket {

  private final RouteKey route;
  private final Object attachment;
  /** Number of times the request was sent. */
  private int attempts;
  /** The bucket the request reserved a slot in when it was last sent. */
  private Bucket reserved;

  /** A ticket for {@code route} carrying the caller's {@code attachment}. */
  public Ticket(RouteKey route, Object attachment) {
    this.route = route;
    this.attachment = attachment;
  }

  /** The route. */
  public RouteKey route() {
    return route;
  }

  /** What the caller attached. */
  public Object attachment() {
    return attachment;
  }

  /** Times sent so far. */
  public int attempts() {
    return attempts;
  }

  void sent(Bucket bucket) {
    attempts++;
    reserved = bucket;
  }

  Bucket reserved() {
    return reserved;
  }
}
