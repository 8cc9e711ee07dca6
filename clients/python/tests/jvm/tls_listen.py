"""Used by the JVM test TlsBridgeTest (not a unittest): connects to the TCP bridge over TLS trusting the given PEM
certificate, registers on MESSAGE_CREATE with the secret, prints READY, then GOT <content> for the first event.

    python3 tests/jvm/tls_listen.py <port> <cert.pem> <secret>
"""

import asyncio
import os
import ssl
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from cordbus import Bot  # noqa: E402


async def main(port: int, cert: str, secret: str) -> None:
    ctx = ssl.create_default_context(cafile=cert)
    ctx.check_hostname = False  # the test certificate names "localhost"; the chain is still verified
    bot = Bot("127.0.0.1", port, secret=secret, ssl=ctx, reconnect=False)
    got = asyncio.get_running_loop().create_future()
    bot.add_listener(lambda m: got.done() or got.set_result(m.content), "MESSAGE_CREATE")
    await bot.start(timeout=20)
    print("READY", flush=True)
    print("GOT", await asyncio.wait_for(got, 30), flush=True)
    await bot.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2], sys.argv[3]))
