// Unit tests of the typing/routing logic with an in-memory transport (node --test). The real SockJS bridge and
// cluster are exercised by the JVM test NodeBotClusterTest.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  BridgeError, CordbusClient, Delivery, DiscordHTTPError, dispatchAddress, Forbidden, Message, metaOf, NotFound,
  RateLimited, Rebuilding, ReplyError, RestError, StateError, Transport, updateOf,
} from '../src';

class FakeTransport implements Transport {
  onDelivery: (d: Delivery) => void = () => undefined;
  onOpen: (count: number) => void = () => undefined;
  onBridgeError: (text: string) => void = () => undefined;
  registered = new Set<string>();
  log: string[] = [];
  requests: { address: string; body: any; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  published: { address: string; body: unknown }[] = [];
  async open() { this.onOpen(1); }
  register(a: string) { this.registered.add(a); this.log.push('register ' + a); }
  unregister(a: string) { this.registered.delete(a); this.log.push('unregister ' + a); }
  request(address: string, body: unknown) {
    return new Promise((resolve, reject) => this.requests.push({ address, body, resolve, reject }));
  }
  publish(address: string, body: unknown) { this.published.push({ address, body }); return true; }
  close() {}
  deliver(address: string, body: unknown, headers: Record<string, unknown> = {}) {
    this.onDelivery({ address, body, headers });
  }
}

function client() {
  const t = new FakeTransport();
  const errors: unknown[] = [];
  const bot = new CordbusClient({ url: 'unused', onHandlerError: (e) => errors.push(e) }, t);
  return { t, bot, errors };
}

test('event names map to addresses', () => {
  assert.equal(dispatchAddress('MESSAGE_CREATE'), 'discord.MESSAGE_CREATE');
  assert.equal(dispatchAddress('discord.raw'), 'discord.raw');
  assert.throws(() => dispatchAddress(' X'));
});

test('typed dispatch handlers get the payload and meta with shard, seq and guild', () => {
  const { t, bot } = client();
  const seen: string[] = [];
  bot.on('MESSAGE_CREATE', (m: Message, meta) => { seen.push(`${m.content} ${meta.shard} ${meta.seq} ${meta.guild}`); });
  assert.ok(t.registered.has('discord.MESSAGE_CREATE'));
  t.deliver('discord.MESSAGE_CREATE', { content: '!ping' }, { shard: '1', seq: '42', guild: '7', event: 'MESSAGE_CREATE' });
  t.deliver('discord.MESSAGE_DELETE', { id: '1' });
  assert.deepEqual(seen, ['!ping 1 42 7']);
  assert.equal(metaOf('a', { 'received-millis': '17' }).receivedMillis, 17);
});

test('state events come as before/after updates', () => {
  const { t, bot } = client();
  const got: string[] = [];
  bot.onState('MESSAGE_UPDATE', (u) => { got.push(`${u.before?.content}->${u.after?.content} in ${u.guildId}`); });
  t.deliver('discord.state.MESSAGE_UPDATE', { guild_id: '9', before: { content: 'a' }, after: { content: 'b' } });
  assert.deepEqual(got, ['a->b in 9']);
  assert.equal(updateOf({ before: null }).after, null);
});

test('a failing handler reaches onHandlerError and does not stop the others', async () => {
  const { t, bot, errors } = client();
  let n = 0;
  bot.on('MESSAGE_CREATE', () => { throw new Error('sync boom'); });
  bot.on('MESSAGE_CREATE', async () => { throw new Error('async boom'); });
  bot.on('MESSAGE_CREATE', () => { n++; });
  t.deliver('discord.MESSAGE_CREATE', {});
  await new Promise((r) => setImmediate(r));
  assert.equal(n, 1);
  assert.deepEqual(errors.map((e) => (e as Error).message).sort(), ['async boom', 'sync boom']);
});

test('waitFor resolves with the first match, unsubscribes, and times out', async () => {
  const { t, bot } = client();
  const waiting = bot.waitFor('MESSAGE_REACTION_ADD', (r) => r.message_id === '2', 5_000);
  t.deliver('discord.MESSAGE_REACTION_ADD', { message_id: '1', user_id: 'a' });
  t.deliver('discord.MESSAGE_REACTION_ADD', { message_id: '2', user_id: 'b' });
  assert.equal((await waiting).user_id, 'b');
  assert.ok(!t.registered.has('discord.MESSAGE_REACTION_ADD'), 'the last listener unregisters');
  await assert.rejects(bot.waitFor('MESSAGE_CREATE', () => false, 20), BridgeError);
});

test('custom events are published and received', () => {
  const { t, bot } = client();
  const got: unknown[] = [];
  bot.onCustom<{ points: number }>('score', (p) => { got.push(p.points); });
  assert.ok(bot.emit('score', { points: 3 }));
  assert.deepEqual(t.published, [{ address: 'discord.custom.score', body: { points: 3 } }]);
  t.deliver('discord.custom.score', { points: 3 });
  assert.deepEqual(got, [3]);
});

test('REST failures become typed errors with Discord\'s code', async () => {
  const { t, bot } = client();
  const cases: [object, number, Function][] = [
    [{ kind: 'HTTP', status: 403, code: 50013, message: 'Missing Permissions' }, 403, Forbidden],
    [{ kind: 'HTTP', status: 404, code: 10008, message: 'Unknown Message' }, 404, NotFound],
    [{ kind: 'RATE_LIMITED', status: 429, code: 0, message: 'slow', retryAfterMs: 1500 }, 2, RateLimited],
    [{ kind: 'HTTP', status: 400, code: 50035, message: 'Invalid Form Body' }, 400, DiscordHTTPError],
    [{ kind: 'NETWORK', status: 0, code: 0, message: 'reset' }, 3, RestError],
  ];
  for (const [failure, code, type] of cases) {
    const call = bot.rest.getMessage('1', '2');
    const req = t.requests.shift()!;
    assert.equal(req.address, 'discord.rest.request');
    assert.deepEqual(req.body, { method: 'GET', path: '/channels/1/messages/2' });
    req.reject(new ReplyError(code, 'RECIPIENT_FAILURE', JSON.stringify(failure)));
    const err = await call.then(() => null, (e) => e);
    assert.equal(err.constructor, type);
    assert.equal(err.code, (failure as any).code);
  }
  const ok = bot.rest.createMessage('5', { content: 'pong', replyTo: '9' });
  const req = t.requests.shift()!;
  assert.deepEqual(req.body.body, { allowed_mentions: { parse: [] }, content: 'pong',
    message_reference: { message_id: '9', fail_if_not_exists: false } });
  req.resolve({ status: 200, body: { id: '77' } });
  assert.equal((await ok).id, '77');
});

test('state queries go through discord.state.routed; REBUILDING and unknown ids are typed', async () => {
  const { t, bot } = client();
  const member = bot.state.member('1', '2');
  const req = t.requests.shift()!;
  assert.equal(req.address, 'discord.state.routed');
  assert.deepEqual(req.body, { address: 'discord.state.query.member', body: { guild_id: '1', user_id: '2' }, timeoutMs: 5000 });
  req.resolve({ user: { id: '2', username: 'ana' }, roles: [] });
  assert.equal((await member).user?.username, 'ana');

  const rebuilding = bot.state.member('1', '3');
  t.requests.shift()!.reject(new ReplyError(425, 'RECIPIENT_FAILURE', 'shard 1 rebuilding'));
  const e1 = await rebuilding.then(() => null, (e) => e);
  assert.ok(e1 instanceof Rebuilding);
  const unknown = bot.state.user('4');
  t.requests.shift()!.reject(new ReplyError(10013, 'RECIPIENT_FAILURE', 'no user'));
  const e2 = await unknown.then(() => null, (e) => e);
  assert.ok(e2 instanceof StateError && !(e2 instanceof Rebuilding) && e2.unknown && e2.failure === 'UNKNOWN_USER');
});

test('interaction replies use the callback; gateway commands go to discord.gateway.send', async () => {
  const { t, bot } = client();
  const r = bot.reply({ id: '11', token: 'tok', application_id: '1', type: 2 }, 'pong', true);
  const req = t.requests.shift()!;
  assert.deepEqual(req.body, { method: 'POST', path: '/interactions/11/tok/callback',
    body: { type: 4, data: { content: 'pong', flags: 64 } } });
  req.resolve({ status: 204, body: null });
  await r;
  const g = bot.gatewaySend(0, 3, { status: 'idle' });
  const greq = t.requests.shift()!;
  assert.deepEqual([greq.address, greq.body], ['discord.gateway.send', { shard: 0, op: 3, d: { status: 'idle' } }]);
  greq.resolve({});
  await g;
  let seen = 0;
  bot.onInteraction('command', (i) => { seen += i.data?.name === 'ping' ? 1 : 0; });
  t.deliver('discord.interaction.command', { id: '1', token: 't', type: 2, data: { name: 'ping' } });
  assert.equal(seen, 1);
});
