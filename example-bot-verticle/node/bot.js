#!/usr/bin/env node
// cordbus example bot in Node.js, over the Vert.x SockJS event-bus bridge.
//
// It listens to discord.MESSAGE_CREATE and answers "!ping" with "pong" by sending a REST call to the REST verticle
// (address discord.rest.request) through the bridge. It never holds the Discord token: only the bridge's shared
// secret, which the bridge checks on every registration and every inbound message.
//
// Environment:
//   CORDBUS_BRIDGE_URL     SockJS bridge URL            (default http://127.0.0.1:8080/eventbus)
//   CORDBUS_BRIDGE_SECRET  the bridge's shared secret   (or a client token; needed to listen and to answer)
//   CORDBUS_SECRET_HEADER  header carrying the secret   (default x-cordbus-secret)
//   BOT_PREFIX             command prefix               (default "!")
'use strict';

const EventBus = require('@vertx/eventbus-bridge-client.js');

// Event-bus addresses (the cordbus contract; see the README's address table).
const MESSAGE_CREATE = 'discord.MESSAGE_CREATE';
const SHARD_READY = 'discord.shard.ready';
const REST_REQUEST = 'discord.rest.request';

const url = process.env.CORDBUS_BRIDGE_URL || 'http://127.0.0.1:8080/eventbus';
const secret = process.env.CORDBUS_BRIDGE_SECRET || '';
const secretHeader = process.env.CORDBUS_SECRET_HEADER || 'x-cordbus-secret';
const prefix = process.env.BOT_PREFIX || '!';

function log(...args) {
  console.log(new Date().toISOString().substring(11, 23), ...args);
}

/** Decides the answer to a MESSAGE_CREATE payload, or null: a pure function, tested by test.js. */
function answer(message, commandPrefix = prefix) {
  const author = message.author || {};
  if (author.bot) {
    return null; // never answer bots, ourselves included
  }
  if ((message.content || '').trim() !== commandPrefix + 'ping') {
    return null;
  }
  return {
    method: 'POST',
    path: `/channels/${message.channel_id}/messages`,
    body: {
      content: 'pong',
      message_reference: { message_id: message.id, fail_if_not_exists: false },
      allowed_mentions: { parse: [] },
    },
  };
}

function start() {
  const eb = new EventBus(url);
  eb.enableReconnect(true);
  eb.onerror = (err) => log('bridge error:', err && (err.body || err.message || JSON.stringify(err)));

  eb.onopen = () => {
    log(`connected to ${url}`);
    const auth = { [secretHeader]: secret };
    eb.registerHandler(SHARD_READY, auth, (err, msg) => {
      if (!err) {
        log(`shard ${msg.body.shard} ready`);
      }
    });
    eb.registerHandler(MESSAGE_CREATE, auth, (err, msg) => {
      if (err) {
        log('cannot receive messages:', err.message || err.body);
        return;
      }
      const call = answer(msg.body);
      if (!call) {
        return;
      }
      if (!secret) {
        log('!ping seen but CORDBUS_BRIDGE_SECRET is not set: cannot answer');
        return;
      }
      eb.send(REST_REQUEST, call, { [secretHeader]: secret }, (restErr, reply) => {
        if (restErr) {
          log(`could not answer !ping in ${msg.body.channel_id}:`, restErr.message || restErr.body);
        } else {
          log(`answered !ping from ${(msg.body.author || {}).username} with pong (status ${reply.body.status},`
            + ` message ${reply.body.body && reply.body.body.id})`);
        }
      });
    });
    // The bridge does not acknowledge registrations; this line says they were sent.
    log(`listening on ${MESSAGE_CREATE}`);
  };
  eb.onclose = () => log('bridge connection closed');

  const stop = () => {
    log('stopping');
    eb.enableReconnect(false);
    eb.close();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return eb;
}

if (require.main === module) {
  start();
}

module.exports = { answer, start };
