package dev.cordbus.gateway.close;

/** What a shard does after its connection closed. */
public enum CloseAction {
  /** Reconnect to {@code resume_gateway_url} and RESUME the session. */
  RESUME,
  /** Forget the session, reconnect to the cached {@code /gateway} URL and IDENTIFY. */
  IDENTIFY,
  /** Fatal: do not reconnect; a person must fix the configuration. */
  STOP
}
