#!/usr/bin/env node
// Minimal cordbus bot over the Vert.x TCP event-bus bridge, with no client library: each frame is a 4-byte
// big-endian length followed by that many bytes of UTF-8 JSON, in both directions.
//   -> {"type":"register","address":"discord.MESSAGE_CREATE","headers":{"x-cordbus-secret":"..."}}
//   <- {"type":"message","address":"discord.MESSAGE_CREATE","headers":{...},"body":{...}}
//   -> {"type":"send","address":"discord.rest.request","headers":{"x-cordbus-secret":"..."},
//       "replyAddress":"<id>","body":{...}}
//   <- {"type":"message","address":"<id>","body":{"status":200,"body":{...}}}
//   <- {"type":"err","message":"..."}                       (for example a denied address or a missing secret)
//
// Environment: CORDBUS_BRIDGE_HOST (127.0.0.1), CORDBUS_BRIDGE_PORT (7000), CORDBUS_BRIDGE_SECRET,
// CORDBUS_SECRET_HEADER (x-cordbus-secret), BOT_PREFIX (!).
'use strict';

const net = require('node:net');
const { randomUUID } = require('node:crypto');
const { answer } = require('./bot.js');

const MESSAGE_CREATE = 'discord.MESSAGE_CREATE';
const REST_REQUEST = 'discord.rest.request';

const host = process.env.CORDBUS_BRIDGE_HOST || '127.0.0.1';
const port = Number(process.env.CORDBUS_BRIDGE_PORT || 7000);
const secret = process.env.CORDBUS_BRIDGE_SECRET || '';
const secretHeader = process.env.CORDBUS_SECRET_HEADER || 'x-cordbus-secret';
const prefix = process.env.BOT_PREFIX || '!';

function log(...args) {
  console.log(new Date().toISOString().substring(11, 23), ...args);
}

/** Encodes one frame: 4-byte big-endian length + JSON. */
function encode(frame) {
  const json = Buffer.from(JSON.stringify(frame), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(json.length, 0);
  return Buffer.concat([header, json]);
}

/** Returns a function that takes socket chunks and calls onFrame with each complete decoded frame. */
function decoder(onFrame) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUInt32BE(0);
      if (pending.length < 4 + length) {
        break;
      }
      const json = pending.subarray(4, 4 + length).toString('utf8');
      pending = pending.subarray(4 + length);
      onFrame(JSON.parse(json));
    }
  };
}

function start() {
  const replies = new Map();
  const socket = net.connect({ host, port }, () => {
    log(`connected to tcp://${host}:${port}`);
    socket.write(encode({ type: 'register', address: MESSAGE_CREATE, headers: { [secretHeader]: secret } }));
    log(`listening on ${MESSAGE_CREATE}`);
  });
  const send = (address, body, onReply) => {
    const replyAddress = randomUUID();
    replies.set(replyAddress, onReply);
    socket.write(encode({ type: 'send', address, body, replyAddress, headers: { [secretHeader]: secret } }));
  };
  socket.on('data', decoder((frame) => {
    if (frame.type === 'err') {
      log('bridge error:', frame.message || frame.body);
      return;
    }
    if (replies.has(frame.address)) {
      const onReply = replies.get(frame.address);
      replies.delete(frame.address);
      onReply(frame);
      return;
    }
    if (frame.address === MESSAGE_CREATE) {
      const reply = answer(frame.body, prefix);
      if (reply) {
        const call = {
          method: 'POST',
          path: `/channels/${frame.body.channel_id}/messages`,
          body: { content: reply.content, message_reference: { message_id: reply.replyTo, fail_if_not_exists: false },
            allowed_mentions: { parse: [] } },
        };
        send(REST_REQUEST, call, (reply) => log(`answered !ping with pong (status ${reply.body && reply.body.status})`));
      }
    }
  }));
  socket.on('error', (e) => log('socket error:', e.message));
  socket.on('close', () => log('bridge connection closed'));
  const ping = setInterval(() => socket.write(encode({ type: 'ping' })), 10_000);
  const stop = () => {
    clearInterval(ping);
    socket.end();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return socket;
}

if (require.main === module) {
  start();
}

module.exports = { encode, decoder, start };
