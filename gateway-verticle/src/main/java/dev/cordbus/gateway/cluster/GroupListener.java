package dev.cordbus.gateway.cluster;

import io.vertx.core.Future;

/** What a gateway verticle does when its {@link GroupClaimer} gains, loses or hands off a shard group. */
public interface GroupListener {

  /** The lease of {@code group} is held: start its shards. */
  Future<Void> gained(String group);

  /** The lease of {@code group} is lost (or can no longer be proven): stop its shards now. */
  Future<Void> lost(String group, String why);

  /** Hand {@code group} to another node: stop its shards keeping the sessions, and write them to the cluster. */
  Future<Void> handoff(String group);

  /** Whether {@code group} may be handed over now (every shard READY, so each has a session to resume). */
  boolean canHandOff(String group);
}
