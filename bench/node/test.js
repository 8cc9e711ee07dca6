'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { Counter, SAMPLE_EVERY } = require('./counter.js');
const { Cache } = require('./cache.js');

test('the counter ignores events before arm and reports both rates', () => {
  let now = 0;
  const c = new Counter(() => now);
  c.hit();
  c.arm();
  for (let i = 0; i < 4 * SAMPLE_EVERY; i++) {
    now += i < 2 * SAMPLE_EVERY ? 2 : 1;
    c.hit();
  }
  assert.strictEqual(c.count, 4 * SAMPLE_EVERY);
  assert.ok(Math.abs(c.secondHalfRate() - 1000) < 1, `second half at 1 ms per event: ${c.secondHalfRate()}`);
  assert.ok(c.rate() > 600 && c.rate() < 700, `whole run: ${c.rate()}`);
});

test('the second half carries the CPU it cost', () => {
  let now = 0;
  let cpu = 0;
  const c = new Counter(() => now, () => cpu);
  c.arm();
  for (let i = 0; i < 10 * SAMPLE_EVERY; i++) {
    now += 1;
    cpu += i < 5 * SAMPLE_EVERY ? 3 : 1;
    c.hit();
  }
  assert.deepStrictEqual(c.secondHalf(), { events: 5 * SAMPLE_EVERY, cpuSeconds: (5 * SAMPLE_EVERY) / 1e6 });
  const few = new Counter(() => now, () => cpu);
  few.arm();
  for (let i = 0; i < 2 * SAMPLE_EVERY; i++) {
    few.hit();
  }
  assert.strictEqual(few.secondHalf(), null);
});

test('the cache keeps guilds and members from every source, users once', () => {
  const cache = new Cache();
  const user = (id) => ({ id, username: `u${id}`, global_name: null, avatar: null });
  const g = cache.apply('GUILD_CREATE', { id: '1', name: 'g', member_count: 3, members: [{ user: user('10'),
    roles: [], joined_at: 't' }] });
  assert.strictEqual(g.members.size, 1);
  cache.apply('GUILD_MEMBERS_CHUNK', { guild_id: '1', members: [{ user: user('11'), roles: ['5'], joined_at: 't' }],
    chunk_index: 0, chunk_count: 1 });
  cache.apply('GUILD_MEMBER_ADD', { guild_id: '1', user: user('12'), roles: [], joined_at: 't' });
  cache.apply('GUILD_MEMBER_UPDATE', { guild_id: '1', user: user('12'), nick: 'n', roles: [], joined_at: 't' });
  cache.apply('MESSAGE_CREATE', { guild_id: '1', author: user('13'), member: { roles: [], joined_at: 't' } });
  assert.deepStrictEqual(cache.counts(), { guilds: 1, members: 4 });
  assert.strictEqual(cache.guilds.get('1').members.get('12').nick, 'n');
  cache.apply('GUILD_MEMBER_REMOVE', { guild_id: '1', user: user('10') });
  assert.deepStrictEqual(cache.counts(), { guilds: 1, members: 3 });
  assert.strictEqual(cache.users.size, 4);
  cache.apply('GUILD_DELETE', { id: '1' });
  assert.deepStrictEqual(cache.counts(), { guilds: 0, members: 0 });
});
