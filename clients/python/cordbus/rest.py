"""Discord REST calls through the REST verticle (``discord.rest.request``): the bot never holds the token."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote

from .errors import ReplyError, rest_error
from .payload import wrap

#: Request-reply address of the REST verticle (dev.cordbus.api.rest.RestAddresses.REQUEST).
REST_REQUEST = "discord.rest.request"


class Rest:
    """Discord's REST API over the bridge. Each call returns Discord's JSON body (a Payload, a list, or None for
    204) and raises the typed HTTPException of a failure (Forbidden, NotFound, RateLimited...)."""

    def __init__(self, connection, timeout: float = 30.0) -> None:
        self._connection = connection
        self.timeout = timeout

    async def request(self, method: str, path: str, *, body: Any = None, query: Optional[dict] = None,
                      reason: Optional[str] = None) -> Any:
        """Any REST call: ``path`` without the ``/api/v10`` prefix, e.g. ``/channels/1/messages``."""
        call: dict[str, Any] = {"method": method, "path": path}
        if body is not None:
            call["body"] = body
        if query:
            call["query"] = {k: [str(x) for x in v] if isinstance(v, (list, tuple)) else str(v)
                             for k, v in query.items()}
        if reason is not None:
            call["reason"] = reason
        try:
            reply = await self._connection.request(REST_REQUEST, call, timeout=self.timeout)
        except ReplyError as e:
            raise rest_error(e) from None
        return wrap(reply.get("body")) if isinstance(reply, dict) else None

    async def create_message(self, channel_id: str, content: Optional[str] = None, *,
                             reply_to: Optional[str] = None, **fields: Any) -> Any:
        """Sends a message; ``reply_to`` makes it a reply to that message id. Mentions are off unless
        ``allowed_mentions`` is given."""
        body = dict(fields)
        if content is not None:
            body["content"] = content
        if reply_to is not None:
            body["message_reference"] = {"message_id": reply_to, "fail_if_not_exists": False}
        body.setdefault("allowed_mentions", {"parse": []})
        return await self.request("POST", f"/channels/{channel_id}/messages", body=body)

    async def edit_message(self, channel_id: str, message_id: str, **fields: Any) -> Any:
        return await self.request("PATCH", f"/channels/{channel_id}/messages/{message_id}", body=fields)

    async def delete_message(self, channel_id: str, message_id: str, reason: Optional[str] = None) -> None:
        await self.request("DELETE", f"/channels/{channel_id}/messages/{message_id}", reason=reason)

    async def get_message(self, channel_id: str, message_id: str) -> Any:
        return await self.request("GET", f"/channels/{channel_id}/messages/{message_id}")

    async def add_reaction(self, channel_id: str, message_id: str, emoji: str) -> None:
        await self.request("PUT", f"/channels/{channel_id}/messages/{message_id}/reactions/{_segment(emoji)}/@me")

    async def create_interaction_response(self, interaction_id: str, token: str, type: int,
                                          data: Optional[dict] = None) -> None:
        """Answers an interaction (callback ``type`` 4 message, 5 deferred, 6/7 component update, 8 autocomplete,
        9 modal)."""
        body: dict[str, Any] = {"type": type}
        if data is not None:
            body["data"] = data
        await self.request("POST", f"/interactions/{interaction_id}/{token}/callback", body=body)

    async def edit_original_response(self, application_id: str, token: str, **fields: Any) -> Any:
        return await self.request("PATCH", f"/webhooks/{application_id}/{token}/messages/@original", body=fields)

    async def create_followup(self, application_id: str, token: str, **fields: Any) -> Any:
        return await self.request("POST", f"/webhooks/{application_id}/{token}", body=fields)


def _segment(value: str) -> str:
    return quote(value, safe="")
