#!/usr/bin/env node
// @ts-check
// cordbus example bot in Node.js on @cordbus/client (clients/node, TypeScript with .d.ts; `// @ts-check` lets an
// editor type-check this file against them). Over the Vert.x SockJS bridge it answers "!ping" and "/ping" with
// "pong", then thanks whoever reacts to its pong, by name, from the cluster's member cache. It never holds the
// Discord token: only the bridge's secret (or its own client token).
//
// Environment:
//   CORDBUS_BRIDGE_URL     SockJS bridge URL            (default http://127.0.0.1:8080/eventbus)
//   CORDBUS_BRIDGE_SECRET  the bridge's secret or this bot's client token (needed to listen and to answer)
//   CORDBUS_SECRET_HEADER  header carrying it           (default x-cordbus-secret)
//   BOT_PREFIX             command prefix               (default "!")
'use strict';

const { CordbusClient, Rebuilding } = require('@cordbus/client');

const url = process.env.CORDBUS_BRIDGE_URL || 'http://127.0.0.1:8080/eventbus';
const secret = process.env.CORDBUS_BRIDGE_SECRET || '';
const secretHeader = process.env.CORDBUS_SECRET_HEADER || 'x-cordbus-secret';
const prefix = process.env.BOT_PREFIX || '!';

function log(...args) {
  console.log(new Date().toISOString().substring(11, 23), ...args);
}

/**
 * The answer to a MESSAGE_CREATE payload, or null: a pure function, tested by test.js.
 * @param {{id?: string, content?: string, author?: {bot?: boolean}}} message
 * @returns {{content: string, replyTo: string} | null}
 */
function answer(message, commandPrefix = prefix) {
  if ((message.author || {}).bot) {
    return null; // never answer bots, ourselves included
  }
  if ((message.content || '').trim() !== commandPrefix + 'ping') {
    return null;
  }
  return { content: 'pong', replyTo: String(message.id) };
}

/** The member, asking again while the owning shard's cache is rebuilt (REBUILDING). */
async function memberOf(bot, guildId, userId, attempts = 20) {
  for (let i = 1; ; i++) {
    try {
      return await bot.state.member(guildId, userId);
    } catch (e) {
      if (!(e instanceof Rebuilding) || i >= attempts) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function start() {
  const bot = new CordbusClient({ url, secret, secretHeader });

  bot.on('MESSAGE_CREATE', async (message, meta) => {
    const reply = answer(message);
    if (!reply) {
      return;
    }
    const pong = await bot.rest.createMessage(message.channel_id, reply);
    log(`PONG ${pong.id} answered !ping ${message.id} from shard ${meta.shard} seq ${meta.seq}`);
    const reaction = await bot.waitFor('MESSAGE_REACTION_ADD', (r) => r.message_id === pong.id, 120_000);
    const member = await memberOf(bot, String(reaction.guild_id), reaction.user_id);
    const name = member.user ? member.user.username : reaction.user_id;
    await bot.rest.createMessage(message.channel_id, { content: `thanks for the ${reaction.emoji.name}, ${name}` });
    log(`THANKED ${name}`);
  });

  bot.onInteraction('command', async (interaction) => {
    if (interaction.data && interaction.data.name === 'ping') {
      await bot.reply(interaction, 'pong');
      log(`SLASH-PONG ${interaction.id}`);
    }
  });

  bot.onConnected((count) => log(`CONNECTED ${count} to ${url}`));
  bot.transport.onBridgeError = (text) => log('bridge refused a frame:', text);
  bot.connect().then(() => log('listening on discord.MESSAGE_CREATE and discord.interaction.command'));

  const stop = () => {
    log('stopping');
    bot.close();
    console.log('BYE');
    // Exits when the socket is gone; the timer only bounds the wait.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return bot;
}

if (require.main === module) {
  start();
}

module.exports = { answer, start };
