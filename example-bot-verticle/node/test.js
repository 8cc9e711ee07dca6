// Unit tests of the Node bots' pure parts: `npm test` (node --test). The end-to-end run against a clustered
// gateway and the simulator is driven by the Java test NodeBotClusterTest (mvn verify).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { answer } = require('./bot.js');
const { encode, decoder } = require('./tcp-bot.js');

test('!ping gets a pong replying to the message', () => {
  const reply = answer({ id: '9', channel_id: '42', content: ' !ping ', author: { id: '1', username: 'ann' } });
  assert.deepStrictEqual(reply, { content: 'pong', replyTo: '9' });
});

test('bots and other messages get no answer', () => {
  assert.strictEqual(answer({ channel_id: '1', content: '!ping', author: { bot: true } }), null);
  assert.strictEqual(answer({ channel_id: '1', content: 'ping', author: {} }), null);
  assert.strictEqual(answer({ channel_id: '1', author: {} }), null);
  assert.notStrictEqual(answer({ channel_id: '1', content: '?ping', author: {} }, '?'), null);
});

test('TCP frames are a 4-byte big-endian length and JSON, split or merged across chunks', () => {
  const a = encode({ type: 'register', address: 'discord.MESSAGE_CREATE' });
  const b = encode({ type: 'message', body: { content: 'é'.repeat(300) } });
  assert.strictEqual(a.readUInt32BE(0), a.length - 4);
  const got = [];
  const feed = decoder((f) => got.push(f));
  const all = Buffer.concat([a, b]);
  feed(all.subarray(0, 3));
  feed(all.subarray(3, a.length + 10));
  feed(all.subarray(a.length + 10));
  assert.strictEqual(got.length, 2);
  assert.strictEqual(got[0].address, 'discord.MESSAGE_CREATE');
  assert.strictEqual(got[1].body.content.length, 300);
});
