"""What handlers receive: payloads with attribute access, dispatch metadata, and state updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


class Payload(dict):
    """A Discord JSON object that also reads as attributes: ``message.author.id`` as well as
    ``message["author"]["id"]``. A missing attribute is None (Discord omits optional fields)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return wrap(self[name])
        except KeyError:
            return None

    def __getitem__(self, key: str) -> Any:
        return wrap(dict.__getitem__(self, key))


def wrap(value: Any) -> Any:
    """Wraps JSON objects (also inside lists) as Payload; other values unchanged."""
    if isinstance(value, Payload):
        return value
    if isinstance(value, dict):
        return Payload(value)
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


@dataclass(frozen=True)
class Meta:
    """Where an event came from: the cordbus headers of the event-bus message."""

    #: The address it arrived on, e.g. ``discord.MESSAGE_CREATE``.
    address: str
    #: Dispatch name (``t``), e.g. ``MESSAGE_CREATE``; None on non-dispatch events.
    event: Optional[str] = None
    #: Shard id the dispatch arrived on.
    shard: Optional[int] = None
    #: Gateway sequence number (use it to drop duplicates within a session).
    seq: Optional[int] = None
    #: Guild id of the payload, when it has one.
    guild: Optional[str] = None
    #: Gateway session id.
    session: Optional[str] = None
    #: Wall-clock millis when the gateway read the frame (cross-node latency).
    received_millis: Optional[int] = None
    #: Every header, as strings.
    headers: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def of(address: str, headers: Optional[dict[str, Any]]) -> "Meta":
        h = {k: str(v) for k, v in (headers or {}).items()}
        return Meta(address=address, event=h.get("event"), shard=_int(h.get("shard")), seq=_int(h.get("seq")),
                    guild=h.get("guild"), session=h.get("session"),
                    received_millis=_int(h.get("received-millis")), headers=h)


def _int(v: Optional[str]) -> Optional[int]:
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Update:
    """A cache-aware event (``discord.state.<EVENT>``): the object before and after. Creates have ``before``
    None, deletes ``after`` None."""

    before: Optional[Payload]
    after: Optional[Payload]
    guild_id: Optional[str]
    #: The whole body (delete events also repeat the dispatch's ids here).
    raw: Payload
