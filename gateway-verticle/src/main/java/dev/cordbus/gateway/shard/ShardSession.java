package dev.cordbus.gateway.shard;

/**
 * The session a shard can resume and the last sequence number it saw: the data behind
 * {@link ShardMachine.State#resumable()}. Only {@link Shard} keeps or drops the session (performing
 * {@link ShardAction.KeepSession} / {@link ShardAction.DropSession}); the frame handler records each dispatch's seq.
 * Used on the shard's context.
 */
final class ShardSession {

  /** The resumable session, or null. */
  private Session session;
  /** The last valid dispatch sequence, -1 before any. */
  private long seq = -1;

  Session session() {
    return session;
  }

  /** The session id, or null. */
  String id() {
    Session s = session;
    return s == null ? null : s.id();
  }

  long seq() {
    return seq;
  }

  /** Records a dispatch's sequence number. */
  void seq(long s) {
    seq = s;
  }

  void keep(Session s, long fromSeq) {
    session = s;
    seq = fromSeq;
  }

  void drop() {
    session = null;
    seq = -1;
  }
}
