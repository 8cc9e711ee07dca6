import asyncio
import json
import unittest

from cordbus import (Bot, BridgeError, Forbidden, HTTPException, NotFound, RateLimited, Rebuilding, RestError,
                     StateError, Update)
from cordbus.bot import address_of, decode, event_of_function
from tests.fake_bridge import FakeBridge

SECRET = "py-test-secret-0123456789"


class RoutingTest(unittest.TestCase):
    def test_event_names_map_to_addresses(self):
        self.assertEqual("discord.MESSAGE_CREATE", address_of("MESSAGE_CREATE"))
        self.assertEqual("discord.state.MESSAGE_UPDATE", address_of("state.MESSAGE_UPDATE"))
        self.assertEqual("discord.custom.score", address_of("custom.score"))
        self.assertEqual("discord.interaction.command", address_of("interaction.command"))
        self.assertEqual("discord.raw", address_of("discord.raw"))
        self.assertEqual("MESSAGE_REACTION_ADD", event_of_function("on_message_reaction_add"))
        with self.assertRaises(ValueError):
            event_of_function("handler")
        with self.assertRaises(ValueError):
            address_of(" MESSAGE_CREATE")

    def test_dispatch_payload_reads_as_attributes_and_meta_carries_the_headers(self):
        payload, meta = decode("discord.MESSAGE_CREATE",
                               {"shard": "1", "seq": "42", "guild": "99", "event": "MESSAGE_CREATE"},
                               {"id": "5", "author": {"id": "7", "username": "ana"}, "mentions": [{"id": "8"}]})
        self.assertEqual("ana", payload.author.username)
        self.assertEqual("8", payload.mentions[0].id)
        self.assertIsNone(payload.member)
        self.assertEqual((1, 42, "99", "MESSAGE_CREATE"), (meta.shard, meta.seq, meta.guild, meta.event))

    def test_state_events_become_before_after_updates(self):
        update, _ = decode("discord.state.MESSAGE_UPDATE", {}, {"guild_id": "1", "before": {"content": "a"},
                                                                "after": {"content": "b"}})
        self.assertIsInstance(update, Update)
        self.assertEqual(("a", "b", "1"), (update.before.content, update.after.content, update.guild_id))
        deleted, _ = decode("discord.state.MESSAGE_DELETE", {}, {"id": "3", "before": None, "after": None})
        self.assertIsNone(deleted.after)
        self.assertEqual("3", deleted.raw.id)
        # A non-update body on a state address (e.g. SHARD_CACHE_READY) stays a payload.
        ready, _ = decode("discord.state.SHARD_CACHE_READY", {}, {"shard": 0, "guilds": 3})
        self.assertEqual(3, ready.guilds)


class BotAgainstFakeBridgeTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.bridge = await FakeBridge().start()
        self.bot = Bot("127.0.0.1", self.bridge.port, secret=SECRET, request_timeout=2, query_timeout=1)

    async def asyncTearDown(self):
        await self.bot.close()
        await self.bridge.close()

    async def test_listeners_register_with_the_secret_and_get_payload_and_meta(self):
        got = asyncio.Queue()

        @self.bot.listen("MESSAGE_CREATE")
        async def on_message(message, meta):
            await got.put((message.content, meta.shard))

        @self.bot.listen()
        def on_message_delete(payload):  # plain function, one argument
            got.put_nowait(("deleted", payload.id))

        await self.bot.start()
        registers = {(await self.bridge.next("register"))["address"] for _ in range(2)}
        self.assertEqual({"discord.MESSAGE_CREATE", "discord.MESSAGE_DELETE"}, registers)
        self.bridge.deliver("discord.MESSAGE_CREATE", {"content": "!ping"}, {"shard": "3"})
        self.bridge.deliver("discord.MESSAGE_DELETE", {"id": "9"})
        both = {await asyncio.wait_for(got.get(), 5), await asyncio.wait_for(got.get(), 5)}
        self.assertEqual({("!ping", 3), ("deleted", "9")}, both)

    async def test_register_frames_carry_the_secret(self):
        self.bot.add_listener(lambda m: None, "MESSAGE_CREATE")
        await self.bot.start()
        f = await self.bridge.next("register")
        self.assertEqual(SECRET, f["headers"]["x-cordbus-secret"])

    async def test_a_failing_handler_does_not_stop_the_others(self):
        got = asyncio.Queue()

        @self.bot.listen("MESSAGE_CREATE")
        async def broken(message):
            raise RuntimeError("boom")

        @self.bot.listen("MESSAGE_CREATE")
        async def fine(message):
            await got.put(message.n)

        await self.bot.start()
        await self.bridge.next("register")
        with self.assertLogs("cordbus", level="ERROR") as logs:
            for n in range(3):
                self.bridge.deliver("discord.MESSAGE_CREATE", {"n": n})
            self.assertEqual([0, 1, 2], [await asyncio.wait_for(got.get(), 5) for _ in range(3)])
        self.assertTrue(any("broken" in line for line in logs.output), logs.output)

    async def test_wait_for_returns_the_first_match_and_times_out(self):
        await self.bot.start()
        waiter = asyncio.create_task(self.bot.wait_for("MESSAGE_REACTION_ADD",
                                                       check=lambda r: r.message_id == "2", timeout=5))
        f = await self.bridge.next("register")
        self.assertEqual("discord.MESSAGE_REACTION_ADD", f["address"])
        self.bridge.deliver("discord.MESSAGE_REACTION_ADD", {"message_id": "1", "user_id": "a"})
        self.bridge.deliver("discord.MESSAGE_REACTION_ADD", {"message_id": "2", "user_id": "b"})
        self.assertEqual("b", (await waiter).user_id)
        with self.assertRaises(asyncio.TimeoutError):
            await self.bot.wait_for("MESSAGE_REACTION_ADD", check=lambda r, meta: False, timeout=0.2)

    async def test_reconnects_and_registers_every_address_again(self):
        self.bot.add_listener(lambda m: None, "MESSAGE_CREATE")
        await self.bot.start()
        await self.bridge.next("register")
        self.bot.add_listener(lambda m: None, "state.MESSAGE_UPDATE")
        await self.bridge.next("register")
        self.bridge.drop()
        again = {(await self.bridge.next("register", timeout=10))["address"] for _ in range(2)}
        self.assertEqual({"discord.MESSAGE_CREATE", "discord.state.MESSAGE_UPDATE"}, again)
        self.assertEqual(2, self.bot.connection.connections)

    async def test_rest_calls_carry_the_secret_and_failures_are_typed(self):
        await self.bot.start()
        call = asyncio.create_task(self.bot.rest.create_message("10", "pong", reply_to="5"))
        f = await self.bridge.next("send")
        self.assertEqual("discord.rest.request", f["address"])
        self.assertEqual(SECRET, f["headers"]["x-cordbus-secret"])
        self.assertEqual({"content": "pong", "message_reference": {"message_id": "5", "fail_if_not_exists": False},
                          "allowed_mentions": {"parse": []}}, f["body"]["body"])
        self.bridge.write({"type": "message", "address": f["replyAddress"],
                           "body": {"status": 200, "body": {"id": "77", "content": "pong"}}})
        self.assertEqual("77", (await call).id)

        cases = [({"kind": "HTTP", "status": 403, "code": 50013, "message": "Missing Permissions"}, 403, Forbidden),
                 ({"kind": "HTTP", "status": 404, "code": 10008, "message": "Unknown Message"}, 404, NotFound),
                 ({"kind": "RATE_LIMITED", "status": 429, "code": 0, "message": "slow",
                   "retryAfterMs": 1500}, 2, RateLimited),
                 ({"kind": "HTTP", "status": 400, "code": 50035, "message": "Invalid Form Body",
                   "errors": {"content": {}}}, 400, HTTPException),
                 ({"kind": "TOKEN_REJECTED", "status": 401, "code": 0, "message": "rejected"}, 5, RestError)]
        for failure, code, error in cases:
            call = asyncio.create_task(self.bot.rest.get_message("10", "1"))
            f = await self.bridge.next("send")
            self.bridge.write({"type": "err", "address": f["replyAddress"], "failureCode": code,
                               "failureType": "RECIPIENT_FAILURE", "message": json.dumps(failure)})
            with self.assertRaises(error) as ctx:
                await call
            self.assertIs(type(ctx.exception), error)
            self.assertEqual(failure["code"], ctx.exception.code)
        self.assertEqual(1.5, ctx.exception.retry_after if isinstance(ctx.exception, RateLimited) else 1.5)

    async def test_state_queries_go_to_the_routed_address_and_rebuilding_is_its_own_error(self):
        await self.bot.start()
        q = asyncio.create_task(self.bot.state.member("1", "2"))
        f = await self.bridge.next("send")
        self.assertEqual("discord.state.routed", f["address"])
        self.assertEqual({"address": "discord.state.query.member", "body": {"guild_id": "1", "user_id": "2"},
                          "timeoutMs": 1000}, f["body"])
        self.bridge.write({"type": "message", "address": f["replyAddress"],
                           "body": {"user": {"id": "2", "username": "ana"}, "nick": None}})
        self.assertEqual("ana", (await q).user.username)

        for code, name, error in [(425, "REBUILDING", Rebuilding), (10007, "UNKNOWN_MEMBER", StateError)]:
            q = asyncio.create_task(self.bot.state.member("1", "3"))
            f = await self.bridge.next("send")
            self.bridge.write({"type": "err", "address": f["replyAddress"], "failureCode": code,
                               "failureType": "RECIPIENT_FAILURE", "message": "no"})
            with self.assertRaises(error) as ctx:
                await q
            self.assertEqual(name, ctx.exception.failure)
        self.assertTrue(ctx.exception.unknown)

    async def test_a_dropped_connection_fails_requests_in_flight(self):
        await self.bot.start()
        call = asyncio.create_task(self.bot.rest.get_message("1", "2"))
        await self.bridge.next("send")
        self.bridge.drop()
        with self.assertRaises(BridgeError):
            await call

    async def test_an_unanswered_request_times_out_naming_the_bridge_refusal(self):
        await self.bot.start()
        call = asyncio.create_task(self.bot.rest.get_message("1", "2"))
        await self.bridge.next("send")
        self.bridge.write({"type": "err", "message": "blocked by bridgeEvent handler"})
        with self.assertRaisesRegex(asyncio.TimeoutError, "blocked by bridgeEvent handler"):
            await call

    async def test_custom_events_are_published(self):
        await self.bot.start()
        self.assertTrue(self.bot.dispatch("score", {"points": 3}))
        f = await self.bridge.next("publish")
        self.assertEqual(("discord.custom.score", {"points": 3}), (f["address"], f["body"]))
        self.assertEqual(SECRET, f["headers"]["x-cordbus-secret"])

    async def test_interaction_reply_uses_the_callback(self):
        await self.bot.start()
        reply = asyncio.create_task(self.bot.reply({"id": "11", "token": "tok"}, "pong", ephemeral=True))
        f = await self.bridge.next("send")
        self.assertEqual({"method": "POST", "path": "/interactions/11/tok/callback",
                          "body": {"type": 4, "data": {"content": "pong", "flags": 64}}}, f["body"])
        self.bridge.write({"type": "message", "address": f["replyAddress"], "body": {"status": 204, "body": None}})
        await reply


if __name__ == "__main__":
    unittest.main()
