"""One TCP event-bus bridge connection that reconnects by itself and registers its addresses again."""

from __future__ import annotations

import asyncio
import logging
import ssl as _ssl
import uuid
from typing import Any, Awaitable, Callable, Optional

from .errors import BridgeError, ReplyError
from .framing import FrameDecoder, FrameError, encode

log = logging.getLogger("cordbus")

#: Called with (address, headers, body) for every message frame on a registered address.
MessageHandler = Callable[[str, dict, Any], None]


class Backoff:
    """Reconnection delays: 0.25 s doubling up to ``cap`` seconds; reset after a connection that lasted."""

    def __init__(self, first: float = 0.25, cap: float = 10.0) -> None:
        self.first = first
        self.cap = cap
        self.attempt = 0

    def next(self) -> float:
        delay = min(self.cap, self.first * (2 ** self.attempt))
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0


class Connection:
    """A client of the TCP bridge. Every REGISTER, SEND and PUBLISH carries the secret header. While connected,
    frames are written at once; requests wait (up to their timeout) for a connection. After a disconnect it
    reconnects with backoff and registers every address again; requests in flight fail with BridgeError."""

    def __init__(self, host: str, port: int, *, secret: Optional[str], secret_header: str = "x-cordbus-secret",
                 ssl: Optional[_ssl.SSLContext] = None, server_hostname: Optional[str] = None,
                 on_message: MessageHandler,
                 on_bridge_error: Callable[[str], None] = lambda m: None,
                 on_connected: Callable[[], Awaitable[None] | None] = lambda: None,
                 reconnect: bool = True, ping_interval: float = 20.0) -> None:
        self.host = host
        self.port = port
        self._secret = secret
        self._header = secret_header
        self._ssl = ssl
        self._server_hostname = server_hostname
        self._on_message = on_message
        self._on_bridge_error = on_bridge_error
        self._on_connected = on_connected
        self._reconnect = reconnect
        self._ping_interval = ping_interval
        self._addresses: set[str] = set()
        self._pending: dict[str, asyncio.Future] = {}
        self._writer: Optional[asyncio.StreamWriter] = None
        self._connected = asyncio.Event()
        self._closing = False
        self._task: Optional[asyncio.Task] = None
        self._first = asyncio.get_running_loop().create_future()
        #: How many times the connection was (re)established.
        self.connections = 0
        #: The last error frame the bridge sent that was not a reply (e.g. a denied REGISTER).
        self.last_bridge_error: Optional[str] = None

    async def start(self, timeout: float = 30.0) -> None:
        """Connects (retrying while the bridge is not up, within ``timeout``) and keeps the connection."""
        self._task = asyncio.create_task(self._run(), name="cordbus-bridge")
        await asyncio.wait_for(asyncio.shield(self._first), timeout)

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def _auth(self, headers: Optional[dict] = None) -> dict:
        h = dict(headers or {})
        if self._secret:
            h[self._header] = self._secret
        return h

    async def _run(self) -> None:
        backoff = Backoff()
        while not self._closing:
            try:
                reader, writer = await asyncio.open_connection(
                    self.host, self.port, ssl=self._ssl,
                    server_hostname=None if self._ssl is None else (self._server_hostname or self.host))
            except (OSError, _ssl.SSLError) as e:
                if not self._reconnect and not self._first.done():
                    self._first.set_exception(BridgeError(f"cannot connect to {self.host}:{self.port}: {e}"))
                    return
                delay = backoff.next()
                log.warning("cordbus bridge %s:%s unreachable (%s); retrying in %.2f s", self.host, self.port, e, delay)
                await asyncio.sleep(delay)
                continue
            self._writer = writer
            self.connections += 1
            for address in sorted(self._addresses):
                self._write({"type": "register", "address": address, "headers": self._auth()})
            self._connected.set()
            log.info("cordbus bridge connected to %s:%s (%d addresses registered)", self.host, self.port,
                     len(self._addresses))
            if not self._first.done():
                self._first.set_result(None)
            try:
                result = self._on_connected()
                if asyncio.iscoroutine(result):
                    await result
            except Exception:  # noqa: BLE001 - a user hook must not end the connection
                log.exception("cordbus on_connected hook failed")
            ping = asyncio.create_task(self._ping())
            started = asyncio.get_running_loop().time()
            try:
                await self._read(reader)
            finally:
                ping.cancel()
                self._connected.clear()
                self._writer = None
                writer.close()
                self._fail_pending(BridgeError("the bridge connection closed before the reply arrived"))
            if self._closing or not self._reconnect:
                break
            if asyncio.get_running_loop().time() - started > 5:
                backoff.reset()
            delay = backoff.next()
            log.warning("cordbus bridge connection lost; reconnecting in %.2f s", delay)
            await asyncio.sleep(delay)

    async def _read(self, reader: asyncio.StreamReader) -> None:
        decoder = FrameDecoder()
        while True:
            try:
                chunk = await reader.read(65536)
            except (OSError, _ssl.SSLError) as e:
                log.warning("cordbus bridge read failed: %s", e)
                return
            if not chunk:
                return
            try:
                frames = decoder.feed(chunk)
            except FrameError as e:
                log.error("cordbus bridge sent a bad frame (%s); reconnecting", e)
                return
            for frame in frames:
                self._frame(frame)

    def _frame(self, frame: dict) -> None:
        kind = frame.get("type")
        address = frame.get("address")
        if kind == "pong":
            return
        if kind == "err":
            pending = self._pending.pop(address, None) if address else None
            if pending is not None:
                if not pending.done():
                    pending.set_exception(ReplyError(int(frame.get("failureCode") or -1),
                                                     str(frame.get("failureType") or "RECIPIENT_FAILURE"),
                                                     str(frame.get("message") or "")))
                return
            text = str(frame.get("message") or frame.get("body") or frame)
            self.last_bridge_error = text
            log.warning("cordbus bridge refused a frame: %s (check the secret and the bridge's rules)", text)
            self._on_bridge_error(text)
            return
        if kind != "message" or not isinstance(address, str):
            log.debug("cordbus bridge: ignoring frame of type %r", kind)
            return
        pending = self._pending.pop(address, None)
        if pending is not None:
            if not pending.done():
                pending.set_result(frame.get("body"))
            return
        try:
            self._on_message(address, frame.get("headers") or {}, frame.get("body"))
        except Exception:  # noqa: BLE001 - one bad event never stops the others
            log.exception("cordbus: handling a message on %s failed", address)

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(self._ping_interval)
            self._write({"type": "ping"})

    def _write(self, frame: dict) -> bool:
        if self._writer is None or self._writer.is_closing():
            return False
        self._writer.write(encode(frame))
        return True

    def register(self, address: str) -> None:
        """Listens on ``address`` from now on, across reconnections."""
        if address not in self._addresses:
            self._addresses.add(address)
            self._write({"type": "register", "address": address, "headers": self._auth()})

    def unregister(self, address: str) -> None:
        if address in self._addresses:
            self._addresses.discard(address)
            self._write({"type": "unregister", "address": address, "headers": self._auth()})

    @property
    def addresses(self) -> frozenset[str]:
        return frozenset(self._addresses)

    async def request(self, address: str, body: Any, *, headers: Optional[dict] = None,
                      timeout: float = 30.0) -> Any:
        """Sends ``body`` to ``address`` and returns the reply's body; raises ReplyError for a failed reply,
        BridgeError when the connection drops, asyncio.TimeoutError after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        await asyncio.wait_for(self._connected.wait(), timeout)
        reply_address = "py." + uuid.uuid4().hex
        future = loop.create_future()
        self._pending[reply_address] = future
        sent = self._write({"type": "send", "address": address, "body": body, "replyAddress": reply_address,
                            "headers": self._auth(headers)})
        if not sent:
            self._pending.pop(reply_address, None)
            raise BridgeError("not connected to the bridge")
        try:
            return await asyncio.wait_for(future, max(0.001, deadline - loop.time()))
        except asyncio.TimeoutError:
            hint = f" (last bridge error: {self.last_bridge_error})" if self.last_bridge_error else ""
            raise asyncio.TimeoutError(f"no reply from {address} within {timeout} s{hint}") from None
        finally:
            self._pending.pop(reply_address, None)

    def send(self, address: str, body: Any, headers: Optional[dict] = None) -> bool:
        """Sends without waiting for a reply; False when not connected."""
        return self._write({"type": "send", "address": address, "body": body, "headers": self._auth(headers)})

    def publish(self, address: str, body: Any, headers: Optional[dict] = None) -> bool:
        """Publishes to every consumer; False when not connected."""
        return self._write({"type": "publish", "address": address, "body": body, "headers": self._auth(headers)})

    def _fail_pending(self, error: Exception) -> None:
        pending, self._pending = self._pending, {}
        for f in pending.values():
            if not f.done():
                f.set_exception(error)

    async def close(self) -> None:
        """Closes the connection and stops reconnecting."""
        self._closing = True
        if self._writer is not None:
            self._writer.close()
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):  # noqa: BLE001
                pass
        self._fail_pending(BridgeError("the client was closed"))
        if not self._first.done():
            self._first.cancel()
