#!/usr/bin/env python3
"""How many MESSAGE_CREATE events a Python bot consumes over the TCP bridge, and the latency from the publisher's
wall clock (header sent-micros) to the handler. Run against BridgeLoadMain (bridge-verticle README, "Figures"):

    CORDBUS_BRIDGE_PORT=<tcp port> CORDBUS_BRIDGE_SECRET=... python3 bench/consume.py <expected events> [<max s>]
"""

import asyncio
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from cordbus import Bot  # noqa: E402


def percentile(values, p):
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


async def main(expected: int, limit: float) -> None:
    bot = Bot.from_env()
    latencies = []
    first = [None]
    seqs = []
    done = asyncio.Event()

    @bot.listen("MESSAGE_CREATE")
    def on_message(message, meta):
        now = time.time_ns() // 1000
        if first[0] is None:
            first[0] = time.monotonic()
            seqs.append(meta.seq)
        latencies.append((now - int(meta.headers["sent-micros"])) / 1000.0)
        if len(latencies) >= expected:
            done.set()

    await bot.start()
    print("CONSUMER-READY", flush=True)
    try:
        await asyncio.wait_for(done.wait(), limit)
    except asyncio.TimeoutError:
        pass
    elapsed = time.monotonic() - (first[0] or time.monotonic())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_us = (usage.ru_utime + usage.ru_stime) * 1e6 / max(1, len(latencies))
    latencies.sort()
    print(f"RESULT python-tcp received {len(latencies)}/{expected} in {elapsed:.2f} s = "
          f"{len(latencies) / max(elapsed, 1e-9):.0f}/s p50 {percentile(latencies, 0.5):.1f} ms "
          f"p99 {percentile(latencies, 0.99):.1f} ms max {latencies[-1] if latencies else float('nan'):.1f} ms "
          f"cpu {cpu_us:.0f} us/event (process total) load {os.getloadavg()[0]:.1f} first seq {seqs[0] if seqs else None}",
          flush=True)
    await bot.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 60.0))
