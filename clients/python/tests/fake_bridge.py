"""An in-process stand-in for the TCP bridge's wire protocol, for the unit tests: it records every frame a client
writes and lets the test write frames back or drop the connection. (The real bridge is exercised by the JVM test
PythonBotClusterTest.)"""

import asyncio

from cordbus.framing import FrameDecoder, encode


class FakeBridge:
    def __init__(self):
        self.frames = asyncio.Queue()
        self.writers = []
        self.server = None
        self.port = None

    async def start(self, port=0):
        self.server = await asyncio.start_server(self._client, "127.0.0.1", port)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def _client(self, reader, writer):
        self.writers.append(writer)
        decoder = FrameDecoder()
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    return
                for f in decoder.feed(chunk):
                    await self.frames.put(f)
        except (asyncio.CancelledError, ConnectionError):
            return

    async def next(self, kind=None, timeout=5.0):
        """The next frame the client wrote (of ``kind``, skipping pings)."""
        while True:
            f = await asyncio.wait_for(self.frames.get(), timeout)
            if f.get("type") == "ping":
                continue
            if kind is None or f.get("type") == kind:
                return f

    def write(self, frame):
        self.writers[-1].write(encode(frame))

    def deliver(self, address, body, headers=None):
        self.write({"type": "message", "address": address, "headers": headers or {}, "body": body, "send": False})

    def drop(self):
        for w in self.writers:
            w.close()

    async def close(self):
        self.drop()
        self.server.close()
        await self.server.wait_closed()
