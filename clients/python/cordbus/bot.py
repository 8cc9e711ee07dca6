"""The Bot: discord.py-style listeners, wait_for and custom events on the cordbus event bus, over the TCP bridge."""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import signal
import ssl as _ssl
from typing import Any, Callable, Optional

from .connection import Connection
from .errors import ReplyError, rest_error
from .payload import Meta, Payload, Update, wrap
from .rest import Rest
from .state import State

log = logging.getLogger("cordbus")

#: Prefix of every cordbus address.
PREFIX = "discord."
#: Prefix of cache-aware events (before/after).
STATE_PREFIX = "discord.state."
#: Prefix of custom events between bots.
CUSTOM_PREFIX = "discord.custom."
#: Raw gateway command address (request-reply): ``{shard, op, d}``.
GATEWAY_SEND = "discord.gateway.send"
GATEWAY_STATUS = "discord.gateway.status"

Handler = Callable[..., Any]


def address_of(event: str) -> str:
    """The address of an event name: ``MESSAGE_CREATE`` -> ``discord.MESSAGE_CREATE``, ``state.MESSAGE_UPDATE``
    -> ``discord.state.MESSAGE_UPDATE``, ``custom.x``, ``interaction.command``, ``shard.ready``, ``raw``; a full
    ``discord.*`` address is kept."""
    if not event or event != event.strip():
        raise ValueError(f"not an event name: {event!r}")
    return event if event.startswith(PREFIX) else PREFIX + event


def event_of_function(name: str) -> str:
    """``on_message_create`` -> ``MESSAGE_CREATE`` (the name of a listener decorated without an event)."""
    if not name.startswith("on_") or len(name) <= 3:
        raise ValueError(f"cannot take an event from the function name {name!r}: name it on_<event> or pass one")
    return name[3:].upper()


_ARITY: dict = {}


def _arity(fn: Handler) -> int:
    """How many positional arguments ``fn`` takes (1: the payload; 2: payload and meta); cached per function."""
    try:
        return _ARITY[fn]
    except (KeyError, TypeError):
        pass
    n = _arity_of(fn)
    try:
        _ARITY[fn] = n
    except TypeError:
        pass
    return n


def _arity_of(fn: Handler) -> int:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return 2
    if any(p.kind == p.VAR_POSITIONAL for p in params):
        return 2
    return min(2, sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)))


def decode(address: str, headers: dict, body: Any) -> tuple[Any, Meta]:
    """What a handler receives for a message: (Payload, Meta), or (Update, Meta) for a state event."""
    meta = Meta.of(address, headers)
    if address.startswith(STATE_PREFIX) and isinstance(body, dict) and ("before" in body or "after" in body):
        raw = Payload(body)
        return Update(before=wrap(body.get("before")), after=wrap(body.get("after")),
                      guild_id=body.get("guild_id"), raw=raw), meta
    return wrap(body), meta


class Gateway:
    """Gateway commands through the owner of the shard (``discord.gateway.send``, request-reply)."""

    def __init__(self, connection: Connection, timeout: float) -> None:
        self._connection = connection
        self.timeout = timeout

    async def send(self, shard: int, op: int, d: Any) -> Any:
        """Queues a raw gateway payload on ``shard``; returns when the shard queued it."""
        return await self._connection.request(GATEWAY_SEND, {"shard": shard, "op": op, "d": d},
                                              timeout=self.timeout)

    async def status(self) -> Any:
        return wrap(await self._connection.request(GATEWAY_STATUS, {}, timeout=self.timeout))


class Bot:
    """A Discord bot whose handlers run on a cordbus cluster, reached through the TCP event-bus bridge.

    >>> bot = Bot.from_env()
    >>> @bot.listen("MESSAGE_CREATE")
    ... async def on_message(message, meta):
    ...     if message.content == "!ping":
    ...         await bot.rest.create_message(message.channel_id, "pong", reply_to=message.id)
    >>> bot.run()
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 7000, *, secret: Optional[str] = None,
                 secret_header: str = "x-cordbus-secret", ssl: Optional[_ssl.SSLContext] = None,
                 server_hostname: Optional[str] = None, request_timeout: float = 30.0,
                 query_timeout: float = 5.0, reconnect: bool = True) -> None:
        self.host = host
        self.port = port
        self._secret = secret
        self._secret_header = secret_header
        self._ssl = ssl
        self._server_hostname = server_hostname
        self._request_timeout = request_timeout
        self._query_timeout = query_timeout
        self._reconnect = reconnect
        self._listeners: dict[str, list[Handler]] = {}
        self._waiters: dict[str, list[tuple[Optional[Handler], asyncio.Future]]] = {}
        self._tasks: set[asyncio.Task] = set()
        self.connection: Optional[Connection] = None
        self.rest: Optional[Rest] = None
        self.state: Optional[State] = None
        self.gateway: Optional[Gateway] = None
        self._closed: Optional[asyncio.Event] = None
        self._connected_hooks: list[Handler] = []

    @staticmethod
    def from_env(**overrides: Any) -> "Bot":
        """A bot configured from CORDBUS_BRIDGE_HOST (127.0.0.1), CORDBUS_BRIDGE_PORT (7000),
        CORDBUS_BRIDGE_SECRET, CORDBUS_SECRET_HEADER (x-cordbus-secret) and CORDBUS_BRIDGE_CA (a PEM file: TLS,
        trusting that certificate)."""
        ca = os.environ.get("CORDBUS_BRIDGE_CA")
        ctx = None
        if ca:
            ctx = _ssl.create_default_context(cafile=ca)
            ctx.check_hostname = os.environ.get("CORDBUS_BRIDGE_TLS_HOSTNAME") is not None
        kwargs: dict[str, Any] = dict(
            host=os.environ.get("CORDBUS_BRIDGE_HOST", "127.0.0.1"),
            port=int(os.environ.get("CORDBUS_BRIDGE_PORT", "7000")),
            secret=os.environ.get("CORDBUS_BRIDGE_SECRET") or None,
            secret_header=os.environ.get("CORDBUS_SECRET_HEADER", "x-cordbus-secret"),
            ssl=ctx, server_hostname=os.environ.get("CORDBUS_BRIDGE_TLS_HOSTNAME"))
        kwargs.update(overrides)
        return Bot(**kwargs)

    # ---- listeners

    def listen(self, event: Optional[str] = None) -> Callable[[Handler], Handler]:
        """Decorator: runs the coroutine (or function) for every ``event``; it takes ``(payload)`` or ``(payload,
        meta)``. Without ``event`` the function's name says it: ``on_message_create``."""

        def decorator(fn: Handler) -> Handler:
            self.add_listener(fn, event or event_of_function(fn.__name__))
            return fn

        return decorator

    def add_listener(self, fn: Handler, event: str) -> None:
        address = address_of(event)
        self._listeners.setdefault(address, []).append(fn)
        if self.connection is not None:
            self.connection.register(address)

    def remove_listener(self, fn: Handler, event: str) -> None:
        address = address_of(event)
        handlers = self._listeners.get(address, [])
        if fn in handlers:
            handlers.remove(fn)

    async def wait_for(self, event: str, *, check: Optional[Handler] = None, timeout: Optional[float] = None) -> Any:
        """The next ``event`` for which ``check(payload)`` (or ``check(payload, meta)``) is true; raises
        asyncio.TimeoutError after ``timeout`` seconds."""
        address = address_of(event)
        future = asyncio.get_running_loop().create_future()
        entry = (check, future)
        self._waiters.setdefault(address, []).append(entry)
        if self.connection is not None:
            self.connection.register(address)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            waiters = self._waiters.get(address, [])
            if entry in waiters:
                waiters.remove(entry)

    def dispatch(self, name: str, payload: Any = None) -> bool:
        """Publishes a custom event ``discord.custom.<name>`` to every bot listening on ``custom.<name>`` (the
        bridge must let ``discord.custom.*`` in). False when not connected."""
        if self.connection is None:
            return False
        return self.connection.publish(CUSTOM_PREFIX + name, payload)

    # ---- interactions

    async def reply(self, interaction: Any, content: str, *, ephemeral: bool = False, **fields: Any) -> None:
        """Answers an interaction with a message (callback type 4)."""
        data = dict(fields, content=content)
        if ephemeral:
            data["flags"] = 1 << 6
        await self.rest.create_interaction_response(interaction["id"], interaction["token"], 4, data)

    async def defer(self, interaction: Any) -> None:
        """Acknowledges now ("thinking..."); edit later with rest.edit_original_response."""
        await self.rest.create_interaction_response(interaction["id"], interaction["token"], 5)

    # ---- delivery

    def _on_message(self, address: str, headers: dict, body: Any) -> None:
        handlers = self._listeners.get(address, ())
        waiters = self._waiters.get(address, ())
        if not handlers and not waiters:
            return
        arg, meta = decode(address, headers, body)
        for fn in list(handlers):
            # Plain functions run inline; a coroutine gets its own task (one slow handler never blocks the others).
            try:
                result = fn(arg, meta) if _arity(fn) == 2 else fn(arg)
            except Exception:  # noqa: BLE001 - one failing handler never stops the others
                log.exception("cordbus: listener %s failed on %s", getattr(fn, "__name__", fn), meta.address)
                continue
            if inspect.isawaitable(result):
                self._spawn(self._await(fn, result, meta))
        for check, future in list(waiters):
            if future.done():
                continue
            try:
                ok = check is None or (check(arg, meta) if _arity(check) == 2 else check(arg))
            except Exception as e:  # noqa: BLE001 - the waiter gets the check's error
                future.set_exception(e)
                continue
            if ok:
                future.set_result(arg)

    async def _await(self, fn: Handler, result: Any, meta: Meta) -> None:
        try:
            await result
        except Exception:  # noqa: BLE001 - one failing handler never stops the others
            log.exception("cordbus: listener %s failed on %s", getattr(fn, "__name__", fn), meta.address)

    async def _call(self, fn: Handler, arg: Any, meta: Meta) -> None:
        try:
            result = fn(arg, meta) if _arity(fn) == 2 else fn(arg)
            if inspect.isawaitable(result):
                await result
        except Exception:  # noqa: BLE001 - one failing handler never stops the others
            log.exception("cordbus: listener %s failed on %s", getattr(fn, "__name__", fn), meta.address)

    def _spawn(self, coro) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- lifecycle

    async def start(self, timeout: float = 30.0) -> None:
        """Connects to the bridge and registers every listener's address; returns once connected."""
        self._closed = asyncio.Event()
        self.connection = Connection(self.host, self.port, secret=self._secret, secret_header=self._secret_header,
                                     ssl=self._ssl, server_hostname=self._server_hostname,
                                     on_message=self._on_message, reconnect=self._reconnect,
                                     on_connected=self._connected_hook)
        for address in list(self._listeners) + list(self._waiters):
            self.connection.register(address)
        self.rest = Rest(self.connection, self._request_timeout)
        self.state = State(self.connection, self._query_timeout)
        self.gateway = Gateway(self.connection, self._request_timeout)
        await self.connection.start(timeout)

    async def _connected_hook(self) -> None:
        for fn in self._connected_hooks:
            self._spawn(self._call(fn, self.connection.connections, Meta("connected")))

    def on_connected(self, fn: Handler) -> Handler:
        """Decorator: runs ``fn(count)`` after every (re)connection, once its addresses are registered again."""
        self._connected_hooks.append(fn)
        return fn

    async def close(self) -> None:
        """Disconnects and cancels running handlers."""
        if self.connection is not None:
            await self.connection.close()
        me = asyncio.current_task()
        for t in list(self._tasks):
            if t is not me:
                t.cancel()
        if self._closed is not None:
            self._closed.set()

    async def wait_closed(self) -> None:
        if self._closed is not None:
            await self._closed.wait()

    def _stop_on_signal(self, sig: int) -> None:
        log.info("cordbus: %s received, closing", signal.Signals(sig).name)
        self._spawn(self.close())

    def run(self) -> None:
        """Runs the bot until SIGINT or SIGTERM (then closes cleanly and returns)."""

        async def main() -> None:
            await self.start()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    loop.add_signal_handler(sig, self._stop_on_signal, sig)
                except NotImplementedError:  # pragma: no cover - Windows
                    pass
            await self.wait_closed()

        asyncio.run(main())


__all__ = ["Bot", "Gateway", "address_of", "decode", "event_of_function", "ReplyError", "rest_error"]
