package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;

/**
 * The client side of one measured run, in one or more child processes: a Java client JVM ({@link ClientChild}), the
 * Node.js client ({@link NodeClient}), or the two JVMs of {@code two-node} ({@link TwoNodeRun}). All speak the same
 * line protocol and give the same {@code RESULT} fields, so that the report treats them alike.
 */
interface ClientRun extends AutoCloseable {

  /** Blocks (bounded) until the client has loaded the world and counts from now on. */
  void awaitReady();

  /**
   * The warm-up firehose has been written: waits (bounded) until the client has handled it all and gone idle, then
   * it measures only what follows (the latency cases; the others have no warm-up phase).
   */
  default void mark() {
    throw new UnsupportedOperationException("no warm-up phase for this client");
  }

  /** The firehose has been written: waits (bounded) for the client to go idle and returns its figures. */
  JsonObject finish();

  /** Stops every child process (by its handle), bounded. */
  @Override
  void close();

  /** One child process: {@code READY}, then {@code done} on stdin, then {@code RESULT}. */
  final class Single implements ClientRun {
    private final Child child;

    Single(Child child) {
      this.child = child;
    }

    @Override
    public void awaitReady() {
      child.await("READY", ClientChild.READY_TIMEOUT_MS + 10_000);
    }

    @Override
    public void mark() {
      child.send("mark");
      child.await("MARKED", ClientChild.DRAIN_TIMEOUT_MS + 30_000);
    }

    @Override
    public JsonObject finish() {
      child.send("done");
      return new JsonObject(child.await("RESULT", ClientChild.DRAIN_TIMEOUT_MS + 30_000));
    }

    @Override
    public void close() {
      child.close();
    }
  }
}
