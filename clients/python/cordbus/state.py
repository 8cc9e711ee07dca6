"""State queries and state-served gateway commands, answered through the bridge node's ``discord.state.routed``
(the Java StateClient there routes to the owner of the guild's shard, gathers lists, and answers REBUILDING rather
than a partial answer)."""

from __future__ import annotations

from typing import Any, Optional

from .errors import ReplyError, state_error
from .payload import wrap

#: Request-reply address answered by the bridge node (dev.cordbus.api.state.StateAddresses.ROUTED).
ROUTED = "discord.state.routed"
_Q = "discord.state.query."
GUILD, GUILDS, CHANNEL, CHANNELS = _Q + "guild", _Q + "guilds", _Q + "channel", _Q + "channels"
ROLES, ROLE, MEMBER, MEMBERS = _Q + "roles", _Q + "role", _Q + "member", _Q + "members"
USER, PRESENCE, VOICE_STATE, MESSAGE = _Q + "user", _Q + "presence", _Q + "voice-state", _Q + "message"
COUNTS, SELF = _Q + "counts", _Q + "self"
REQUEST_MEMBERS = "discord.gateway.request-members"
UPDATE_PRESENCE = "discord.gateway.update-presence"
UPDATE_VOICE_STATE = "discord.gateway.update-voice-state"


class State:
    """The cluster's cache. Failures raise StateError (``failure`` UNKNOWN_MEMBER, NOT_CACHED...) or its subclass
    Rebuilding while the owning shard's cache is rebuilt (retry later)."""

    def __init__(self, connection, timeout: float = 5.0) -> None:
        self._connection = connection
        self.timeout = timeout

    async def query(self, address: str, body: Optional[dict] = None, *, timeout: Optional[float] = None) -> Any:
        """The raw answer of any query or command address above."""
        t = timeout or self.timeout
        request = {"address": address, "body": body or {}, "timeoutMs": int(t * 1000)}
        try:
            reply = await self._connection.request(ROUTED, request, timeout=t + 2)
        except ReplyError as e:
            raise state_error(e) from None
        return wrap(reply)

    async def guild(self, guild_id: str) -> Any:
        return await self.query(GUILD, {"guild_id": guild_id})

    async def guilds(self) -> list:
        return (await self.query(GUILDS)).guilds

    async def channel(self, channel_id: str) -> Any:
        return await self.query(CHANNEL, {"channel_id": channel_id})

    async def channels(self, guild_id: str) -> list:
        return (await self.query(CHANNELS, {"guild_id": guild_id})).channels

    async def roles(self, guild_id: str) -> list:
        return (await self.query(ROLES, {"guild_id": guild_id})).roles

    async def role(self, guild_id: str, role_id: str) -> Any:
        return await self.query(ROLE, {"guild_id": guild_id, "role_id": role_id})

    async def member(self, guild_id: str, user_id: str) -> Any:
        """The cached member with its ``user``."""
        return await self.query(MEMBER, {"guild_id": guild_id, "user_id": user_id})

    async def members(self, guild_id: str, after: Optional[str] = None, limit: int = 100) -> Any:
        """A page ``{members, next}`` sorted by user id; pass ``next`` as ``after`` for the next page."""
        body: dict[str, Any] = {"guild_id": guild_id, "limit": limit}
        if after is not None:
            body["after"] = after
        return await self.query(MEMBERS, body)

    async def user(self, user_id: str) -> Any:
        return await self.query(USER, {"user_id": user_id})

    async def presence(self, guild_id: str, user_id: str) -> Any:
        return await self.query(PRESENCE, {"guild_id": guild_id, "user_id": user_id})

    async def voice_state(self, guild_id: str, user_id: str) -> Any:
        return await self.query(VOICE_STATE, {"guild_id": guild_id, "user_id": user_id})

    async def message(self, channel_id: str, message_id: str) -> Any:
        return await self.query(MESSAGE, {"channel_id": channel_id, "message_id": message_id})

    async def counts(self, guild_id: Optional[str] = None) -> Any:
        return await self.query(COUNTS, {"guild_id": guild_id} if guild_id else {})

    async def request_members(self, guild_id: str, *, query: str = "", limit: int = 0,
                              user_ids: Optional[list[str]] = None, presences: bool = False,
                              timeout: float = 30.0) -> Any:
        """Gateway Request Guild Members, chunks gathered: ``{members, presences, not_found, chunk_count}``."""
        body: dict[str, Any] = {"guild_id": guild_id, "presences": presences, "timeoutMs": int(timeout * 1000)}
        if user_ids is not None:
            body["user_ids"] = list(user_ids)
        else:
            body.update(query=query, limit=limit)
        return await self.query(REQUEST_MEMBERS, body, timeout=timeout + 5)

    async def update_presence(self, status: str = "online", activities: Optional[list] = None) -> None:
        """Sets the bot's presence on every shard (online, idle, dnd, invisible)."""
        await self.query(UPDATE_PRESENCE, {"since": None, "activities": activities or [], "status": status,
                                           "afk": False})

    async def update_voice_state(self, guild_id: str, channel_id: Optional[str], *, self_mute: bool = False,
                                 self_deaf: bool = False) -> None:
        """Joins (a channel id) or leaves (None) voice in a guild."""
        await self.query(UPDATE_VOICE_STATE, {"guild_id": guild_id, "channel_id": channel_id,
                                              "self_mute": self_mute, "self_deaf": self_deaf})
