package dev.cordbus.gateway.shard;

/**
 * What {@link ShardMachine} asks the adapter ({@link Shard}) to do, in order, after a transition. Pure data.
 */
public sealed interface ShardAction {

  /** What follows a disconnect (published as {@code action} on {@code discord.shard.disconnect}). */
  enum Next { RESUME, IDENTIFY, IDENTIFY_AFTER_PAUSE, FATAL, STOP }

  /** How long to wait before the next connection. */
  enum Delay {
    /** {@code backoffBaseMs}/{@code backoffMaxMs}, growing with the attempts since the last READY/RESUMED. */
    BACKOFF,
    /** A random pause in {@code invalidSessionWaitMinMs..MaxMs} before re-identifying after op 9 false. */
    INVALID_SESSION_PAUSE
  }

  /** Open a socket: to {@code resume_gateway_url} (alternating with the main URL on failures) when {@code resume}. */
  record Connect(boolean resume) implements ShardAction {
  }

  /** HELLO came: the connect deadline is met, heartbeats start (first one after {@code interval × jitter}). */
  record StartHeartbeat() implements ShardAction {
  }

  /** Send IDENTIFY once the identify queue allows it. */
  record SendIdentify() implements ShardAction {
  }

  /** Send RESUME with the session id and the last seq. */
  record SendResume() implements ShardAction {
  }

  /** The session of the event's cause (READY's, or the one restored from the cluster) becomes the shard's. */
  record KeepSession() implements ShardAction {
  }

  /** Forget the session and its seq: the next connection identifies. */
  record DropSession() implements ShardAction {
  }

  /**
   * End the current connection (if any): cancel its timers, close it with {@code closeCode} (unless
   * {@link #NO_CLOSE}: the peer ended it, or a stop closes it itself) and publish {@code discord.shard.disconnect}.
   */
  record Disconnect(Next next, int closeCode) implements ShardAction {
    /** The connection is not closed by this action. */
    public static final int NO_CLOSE = -1;
  }

  /** The server refused an IDENTIFY: counted, and reported on {@code discord.shard.error} from the third in a row. */
  record CountIdentifyRejection() implements ShardAction {
  }

  /** Wait, then reconnect (publishes {@code discord.shard.reconnect}). */
  record ScheduleReconnect(Delay delay) implements ShardAction {
  }

  /** The session is live (READY or RESUMED): counters reset, the group learns the shard is READY. */
  record GoLive() implements ShardAction {
  }

  /** A fatal close: log once at ERROR and publish {@code discord.shard.error}; the shard never connects again. */
  record GiveUp() implements ShardAction {
  }

  /** Count, log and publish a bad frame ({@code reason} null: the cause's reason). */
  record ReportBadFrame(String reason) implements ShardAction {
  }

  /** The event is not legal in this state: nothing changes; logged at DEBUG with {@code why}. */
  record Ignore(String why) implements ShardAction {
  }

  StartHeartbeat START_HEARTBEAT = new StartHeartbeat();
  SendIdentify SEND_IDENTIFY = new SendIdentify();
  SendResume SEND_RESUME = new SendResume();
  KeepSession KEEP_SESSION = new KeepSession();
  DropSession DROP_SESSION = new DropSession();
  CountIdentifyRejection COUNT_IDENTIFY_REJECTION = new CountIdentifyRejection();
  GoLive GO_LIVE = new GoLive();
  GiveUp GIVE_UP = new GiveUp();
  ScheduleReconnect BACKOFF = new ScheduleReconnect(Delay.BACKOFF);
  ScheduleReconnect INVALID_SESSION_PAUSE = new ScheduleReconnect(Delay.INVALID_SESSION_PAUSE);
}
