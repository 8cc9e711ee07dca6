package dev.cordbus.rest.ratelimit;

import dev.cordbus.rest.route.RouteKey;
import java.util.ArrayDeque;

/** The requests of one route and major parameter waiting for their turn, in order. */
final class BucketQueue {

  final RouteKey route;
  final ArrayDeque<Ticket> pending = new ArrayDeque<>();
  /** The bucket whose budget the queue spends; switched when Discord tells the bucket hash. */
  Bucket bucket;
  /** The pending wake-up timer, or -1. */
  long timerId = -1;

  BucketQueue(RouteKey route, Bucket bucket) {
    this.route = route;
    this.bucket = bucket;
    bucket.queues().add(this);
  }

  void moveTo(Bucket target) {
    bucket.queues().remove(this);
    bucket = target;
    target.queues().add(this);
  }
}
