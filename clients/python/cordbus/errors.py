"""Errors a bot sees, named like discord.py's: Discord's REST errors carry the HTTP status, Discord's JSON error
code and message; state errors carry the cordbus failure name (UNKNOWN_MEMBER, REBUILDING...)."""

from __future__ import annotations

import json
from typing import Any, Optional


class CordbusError(Exception):
    """Base of every error of this package."""


class BridgeError(CordbusError):
    """The bridge refused a frame (a missing or wrong secret, an address outside its rules) or the connection
    failed. ``message`` is the bridge's text."""


class ReplyError(CordbusError):
    """A request failed on the event bus: ``failure_code``, ``failure_type`` (RECIPIENT_FAILURE, NO_HANDLERS,
    TIMEOUT) and the responder's message."""

    def __init__(self, failure_code: int, failure_type: str, message: str) -> None:
        super().__init__(f"{failure_type} {failure_code}: {message}")
        self.failure_code = failure_code
        self.failure_type = failure_type
        self.message = message


class HTTPException(CordbusError):
    """Discord answered a REST call with an error status. ``status`` is the HTTP status (0 without response),
    ``code`` Discord's JSON error code (e.g. 10008 unknown message, 50013 missing permissions), ``text`` the
    message and ``errors`` the field errors of a 400."""

    def __init__(self, kind: str, status: int, code: int, text: str, errors: Any = None,
                 retry_after: float = 0.0) -> None:
        super().__init__(f"{status or kind} (error code: {code}): {text}")
        self.kind = kind
        self.status = status
        self.code = code
        self.text = text
        self.errors = errors
        self.retry_after = retry_after


class Forbidden(HTTPException):
    """403: the bot lacks a permission."""


class NotFound(HTTPException):
    """404: the channel, message, user... does not exist."""


class DiscordServerError(HTTPException):
    """5xx after the REST verticle's retries."""


class RateLimited(HTTPException):
    """Still 429 after the REST verticle's retries, or its bucket queue was full; ``retry_after`` in seconds."""


class RestError(HTTPException):
    """No answer from Discord (NETWORK), a malformed request (INVALID_REQUEST) or a rejected token
    (TOKEN_REJECTED): ``kind`` says which."""


def rest_error(e: ReplyError) -> HTTPException:
    """The typed exception of a failed REST reply (the REST verticle's JSON failure message)."""
    try:
        j = json.loads(e.message) if e.message and e.message.startswith("{") else None
    except json.JSONDecodeError:
        j = None
    if not isinstance(j, dict):
        return RestError("NETWORK", 0, 0, e.message or str(e))
    kind = str(j.get("kind", "HTTP"))
    status = int(j.get("status") or 0)
    args = (kind, status, int(j.get("code") or 0), str(j.get("message", "")), j.get("errors"),
            float(j.get("retryAfterMs") or 0) / 1000.0)
    if kind in ("RATE_LIMITED", "QUEUE_FULL"):
        return RateLimited(*args)
    if kind != "HTTP":
        return RestError(*args)
    if status == 403:
        return Forbidden(*args)
    if status == 404:
        return NotFound(*args)
    if status == 429:
        return RateLimited(*args)
    if status >= 500:
        return DiscordServerError(*args)
    return HTTPException(*args)


#: cordbus state failure codes (dev.cordbus.api.state.StateFailure) by number.
STATE_FAILURES = {
    400: "BAD_REQUEST", 412: "NOT_CACHED", 408: "TIMEOUT", 429: "RATE_LIMITED", 503: "NO_SHARD", 425: "REBUILDING",
    10003: "UNKNOWN_CHANNEL", 10004: "UNKNOWN_GUILD", 10007: "UNKNOWN_MEMBER", 10008: "UNKNOWN_MESSAGE",
    10011: "UNKNOWN_ROLE", 10013: "UNKNOWN_USER", 10065: "UNKNOWN_VOICE_STATE", 10100: "UNKNOWN_PRESENCE",
    10101: "GUILD_UNAVAILABLE",
}


class StateError(CordbusError):
    """A state query or command failed: ``failure`` is the cordbus name (UNKNOWN_MEMBER, NOT_CACHED...), ``code``
    its number."""

    def __init__(self, failure: str, code: int, message: str) -> None:
        super().__init__(f"{failure}: {message}")
        self.failure = failure
        self.code = code
        self.message = message

    @property
    def unknown(self) -> bool:
        """Whether the id is not in the cache (UNKNOWN_*)."""
        return self.failure.startswith("UNKNOWN_")


class Rebuilding(StateError):
    """The cache of the shard owning the answer is being rebuilt (its state node started late or moved after a
    failure), or no state node serves it right now. Never answered from a partial cache: retry later."""


def state_error(e: ReplyError) -> StateError:
    """The typed exception of a failed state reply."""
    name = STATE_FAILURES.get(e.failure_code)
    if e.failure_type == "NO_HANDLERS":
        return Rebuilding("REBUILDING", 425, "no state node answers (is the bridge's state proxy on?): " + e.message)
    if e.failure_type == "TIMEOUT" or name is None:
        return StateError(name or "TIMEOUT", e.failure_code, e.message)
    cls = Rebuilding if name == "REBUILDING" else StateError
    return cls(name, e.failure_code, e.message)


def retry_after(e: Optional[StateError]) -> float:
    """The ``retry_after=<seconds>`` of a RATE_LIMITED state failure, or -1."""
    if e is None or "retry_after=" not in e.message:
        return -1.0
    try:
        return float(e.message.split("retry_after=", 1)[1].split()[0].rstrip(",;)"))
    except (ValueError, IndexError):
        return -1.0
