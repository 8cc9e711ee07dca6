package dev.cordbus.gateway.shard;

/**
 * The details of a {@link ShardEvent} that the actions performing it need, not the machine: the close code and
 * reason it carries (or the code we close with), and the session READY brought or the cluster restored (with its
 * seq).
 */
record Cause(int code, String reason, Session session, long seq) {

  static Cause of(int code, String reason) {
    return new Cause(code, reason, null, -1);
  }

  static Cause session(Session session, long seq) {
    return new Cause(0, "session", session, seq);
  }
}
