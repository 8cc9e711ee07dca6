#!/usr/bin/env python3
"""cordbus example bot in Python: answers "!ping" and "/ping" with "pong", then thanks whoever reacts to its pong,
by name, from the cluster's member cache.

    CORDBUS_BRIDGE_PORT=7000 CORDBUS_BRIDGE_SECRET=... python3 clients/python/examples/ping_bot.py

Environment: CORDBUS_BRIDGE_HOST (127.0.0.1), CORDBUS_BRIDGE_PORT (7000), CORDBUS_BRIDGE_SECRET (the bridge's
secret or this bot's client token), CORDBUS_BRIDGE_CA (PEM; connect over TLS). The bridge must let
discord.rest.request and discord.state.routed in.
"""

import asyncio
import logging
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from cordbus import Bot, Rebuilding  # noqa: E402

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stdout)
bot = Bot.from_env()


async def member_named(guild_id, user_id, attempts=20):
    """The member from the cluster's cache; while the owning shard's cache is rebuilt, waits and asks again."""
    for attempt in range(attempts):
        try:
            return await bot.state.member(guild_id, user_id)
        except Rebuilding:
            await asyncio.sleep(0.5)
    return await bot.state.member(guild_id, user_id)


@bot.listen("MESSAGE_CREATE")
async def on_message(message, meta):
    if (message.author and message.author.bot) or (message.content or "").strip() != "!ping":
        return
    pong = await bot.rest.create_message(message.channel_id, "pong", reply_to=message.id)
    print(f"PONG {pong.id} answered !ping {message.id} from shard {meta.shard} seq {meta.seq}", flush=True)
    try:
        reaction = await bot.wait_for("MESSAGE_REACTION_ADD", check=lambda r: r.message_id == pong.id,
                                      timeout=120)
    except asyncio.TimeoutError:
        return
    member = await member_named(reaction.guild_id, reaction.user_id)
    await bot.rest.create_message(message.channel_id, f"thanks for the {reaction.emoji.name}, {member.user.username}")
    print(f"THANKED {member.user.username}", flush=True)


@bot.listen("interaction.command")
async def on_command(interaction, meta):
    if interaction.data and interaction.data.name == "ping":
        await bot.reply(interaction, "pong")
        print(f"SLASH-PONG {interaction.id}", flush=True)


@bot.on_connected
async def connected(count):
    print(f"CONNECTED {count} to {bot.host}:{bot.port}", flush=True)


if __name__ == "__main__":
    bot.run()
    print("BYE", flush=True)
