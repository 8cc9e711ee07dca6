/** Errors a bot sees: Discord's REST failures as typed exceptions, state failures by their cordbus name. */

/** Base of every error of this package. */
export class CordbusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The bridge refused a frame or the connection failed/closed. */
export class BridgeError extends CordbusError {}

/** A failed event-bus reply: failure code, type (RECIPIENT_FAILURE, NO_HANDLERS, TIMEOUT) and message. */
export class ReplyError extends CordbusError {
  constructor(readonly failureCode: number, readonly failureType: string, readonly text: string) {
    super(`${failureType} ${failureCode}: ${text}`);
  }
}

/** Discord answered a REST call with an error: HTTP status, Discord's JSON error code and message. */
export class DiscordHTTPError extends CordbusError {
  constructor(readonly kind: string, readonly status: number, readonly code: number, readonly text: string,
    readonly errors?: unknown, readonly retryAfterMs = 0) {
    super(`${status || kind} (error code: ${code}): ${text}`);
  }
}
/** 403: the bot lacks a permission. */
export class Forbidden extends DiscordHTTPError {}
/** 404: unknown channel, message, user... */
export class NotFound extends DiscordHTTPError {}
/** 5xx after the REST verticle's retries. */
export class DiscordServerError extends DiscordHTTPError {}
/** Still 429 after the retries, or the bucket's queue was full; see retryAfterMs. */
export class RateLimited extends DiscordHTTPError {}
/** No HTTP response (NETWORK), a malformed call (INVALID_REQUEST), or a rejected token (TOKEN_REJECTED). */
export class RestError extends DiscordHTTPError {}

/** The typed error of a failed REST reply (the REST verticle's JSON failure message). */
export function restError(e: ReplyError): DiscordHTTPError {
  let j: Record<string, unknown> | null = null;
  if (e.text && e.text.startsWith('{')) {
    try {
      j = JSON.parse(e.text);
    } catch {
      j = null;
    }
  }
  if (!j || typeof j !== 'object') {
    return new RestError('NETWORK', 0, 0, e.text || e.message);
  }
  const kind = String(j.kind ?? 'HTTP');
  const status = Number(j.status ?? 0);
  const args = [kind, status, Number(j.code ?? 0), String(j.message ?? ''), j.errors, Number(j.retryAfterMs ?? 0)] as const;
  if (kind === 'RATE_LIMITED' || kind === 'QUEUE_FULL') {
    return new RateLimited(...args);
  }
  if (kind !== 'HTTP') {
    return new RestError(...args);
  }
  if (status === 403) {
    return new Forbidden(...args);
  }
  if (status === 404) {
    return new NotFound(...args);
  }
  if (status === 429) {
    return new RateLimited(...args);
  }
  if (status >= 500) {
    return new DiscordServerError(...args);
  }
  return new DiscordHTTPError(...args);
}

/** cordbus state failure codes (dev.cordbus.api.state.StateFailure). */
export const STATE_FAILURES: Record<number, string> = {
  400: 'BAD_REQUEST', 412: 'NOT_CACHED', 408: 'TIMEOUT', 429: 'RATE_LIMITED', 503: 'NO_SHARD', 425: 'REBUILDING',
  10003: 'UNKNOWN_CHANNEL', 10004: 'UNKNOWN_GUILD', 10007: 'UNKNOWN_MEMBER', 10008: 'UNKNOWN_MESSAGE',
  10011: 'UNKNOWN_ROLE', 10013: 'UNKNOWN_USER', 10065: 'UNKNOWN_VOICE_STATE', 10100: 'UNKNOWN_PRESENCE',
  10101: 'GUILD_UNAVAILABLE',
};

/** A state query or command failed: {@code failure} is UNKNOWN_MEMBER, NOT_CACHED, TIMEOUT... */
export class StateError extends CordbusError {
  constructor(readonly failure: string, readonly code: number, readonly text: string) {
    super(`${failure}: ${text}`);
  }

  /** Whether the id is not in the cache (UNKNOWN_*). */
  get unknown(): boolean {
    return this.failure.startsWith('UNKNOWN_');
  }
}

/** The owning shard's cache is being rebuilt, or no state node serves it right now: retry later. */
export class Rebuilding extends StateError {}

/** The typed error of a failed state reply. */
export function stateError(e: ReplyError): StateError {
  if (e.failureType === 'NO_HANDLERS') {
    return new Rebuilding('REBUILDING', 425, 'no state node answers (is the bridge\'s state proxy on?): ' + e.text);
  }
  const name = STATE_FAILURES[e.failureCode];
  if (e.failureType === 'TIMEOUT' || name === undefined) {
    return new StateError(name ?? 'TIMEOUT', e.failureCode, e.text);
  }
  return name === 'REBUILDING' ? new Rebuilding(name, e.failureCode, e.text) : new StateError(name, e.failureCode, e.text);
}
