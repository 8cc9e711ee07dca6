// The SockJS transport over a stand-in for @vertx/eventbus-bridge-client.js: what it adds to the library (the
// secret on every frame, re-registration after a reconnection, timeouts, requests failed on close). The real
// library against a real bridge runs in the JVM test NodeBotClusterTest.
import test from 'node:test';
import assert from 'node:assert/strict';
import { BridgeError, EventBusLike, ReplyError, SockJsTransport } from '../src';

class FakeEventBus implements EventBusLike {
  onopen: (() => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: (err: unknown) => void = () => undefined;
  onunhandled: (json: unknown) => void = () => undefined;
  defaultHeaders: Record<string, string> | null = null;
  state = 0;
  frames: { type: string; address: string; headers: Record<string, string> }[] = [];
  replies: ((err: any, msg: any) => void)[] = [];
  handlers = new Map<string, (err: unknown, msg: any) => void>();
  enableReconnect() {}
  registerHandler(address: string, headers: Record<string, string>, cb: (err: unknown, msg: any) => void) {
    this.handlers.set(address, cb);
    this.frames.push({ type: 'register', address, headers: { ...this.defaultHeaders, ...headers } });
  }
  unregisterHandler(address: string) { this.handlers.delete(address); }
  send(address: string, _body: unknown, headers: Record<string, string>, cb: (err: any, msg: any) => void) {
    this.frames.push({ type: 'send', address, headers: { ...this.defaultHeaders, ...headers } });
    this.replies.push(cb);
  }
  publish() {}
  close() { this.state = 3; }
  /** The library's behaviour on (re)connection: handlers forgotten, onopen called. */
  open() { this.handlers.clear(); this.state = 1; this.onopen?.(); }
  drop() { this.state = 3; this.onclose?.({}); }
}

test('a request before the connection is open fails with BridgeError', async () => {
  const t = new SockJsTransport({ url: 'x', secret: 's', eventBus: () => new FakeEventBus() });
  await assert.rejects(t.request('discord.rest.request', {}, 100), BridgeError);
  assert.equal(t.publish('discord.custom.x', {}), false);
});

test('every frame carries the secret and every address is registered again after a reconnection', async () => {
  const eb = new FakeEventBus();
  const t = new SockJsTransport({ url: 'x', secret: 'the-secret-0123456789', eventBus: () => eb });
  const opened: number[] = [];
  t.onOpen = (n) => opened.push(n);
  const delivered: string[] = [];
  t.onDelivery = (d) => delivered.push(d.address);
  t.register('discord.MESSAGE_CREATE');
  const open = t.open();
  eb.open();
  await open;
  t.register('discord.state.MESSAGE_UPDATE');
  assert.deepEqual(eb.frames.map((f) => f.address), ['discord.MESSAGE_CREATE', 'discord.state.MESSAGE_UPDATE']);
  assert.ok(eb.frames.every((f) => f.headers['x-cordbus-secret'] === 'the-secret-0123456789'));

  const inFlight = t.request('discord.rest.request', {}, 5_000);
  eb.drop();
  await assert.rejects(inFlight, /closed before the reply/);
  eb.frames = [];
  eb.open();
  assert.deepEqual(eb.frames.map((f) => f.address).sort(), ['discord.MESSAGE_CREATE', 'discord.state.MESSAGE_UPDATE']);
  assert.deepEqual(opened, [1, 2]);
  eb.handlers.get('discord.MESSAGE_CREATE')!(null, { address: 'discord.MESSAGE_CREATE', headers: {}, body: {} });
  assert.deepEqual(delivered, ['discord.MESSAGE_CREATE']);
});

test('replies resolve, failures reject with ReplyError, silence times out naming the last refusal', async () => {
  const eb = new FakeEventBus();
  const t = new SockJsTransport({ url: 'x', eventBus: () => eb });
  const open = t.open();
  eb.open();
  await open;
  const ok = t.request('a', {}, 5_000);
  eb.replies.shift()!(null, { body: { status: 200 } });
  assert.deepEqual(await ok, { status: 200 });
  const failed = t.request('a', {}, 5_000);
  eb.replies.shift()!({ failureCode: 10007, failureType: 'RECIPIENT_FAILURE', message: 'no member' }, null);
  const err = await failed.then(() => null, (e) => e);
  assert.ok(err instanceof ReplyError && err.failureCode === 10007);
  eb.onerror({ type: 'err', message: 'blocked by bridgeEvent handler' });
  await assert.rejects(t.request('a', {}, 30), /blocked by bridgeEvent handler/);
});
