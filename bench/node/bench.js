'use strict';

/*
 * The bench's discordjs case: @discordjs/ws (zlib-sync for zlib-stream) with a small guild/member cache, measured as
 * the Java clients are (bench/src/main/java/dev/cordbus/bench/ClientChild.java) and speaking their line protocol:
 *   args: COMPRESSION REST_URL GATEWAY_URL GUILDS MEMBERS INTENTS; token from CORDBUS_BENCH_TOKEN (the gateway URL
 *         is not used: @discordjs/ws takes it from GET /gateway/bot, which the simulator answers with the same URL)
 *   stdout: READY {"readyMs":..} once every guild is cached (and chunked where GUILD_CREATE lacked members, as JDA's
 *           ChunkingFilter.ALL does); then, after "done" on stdin and one idle second, RESULT {...}; FAILED <why>.
 * Run with node --expose-gc (heap after GC) and --max-old-space-size equal to the JVMs' -Xmx.
 */

const readline = require('node:readline');
const { Counter } = require('./counter.js');
const { Cache } = require('./cache.js');

const IDLE_MS = 1000;
const READY_TIMEOUT_MS = 180_000;
const DRAIN_TIMEOUT_MS = 300_000;
const LARGE_THRESHOLD = 250;

function fail(why) {
  process.stdout.write(`FAILED ${why}\n`);
  process.exit(0);
}

function loadLibraries() {
  try {
    return { ws: require('@discordjs/ws'), rest: require('@discordjs/rest') };
  } catch (e) {
    return fail(`the Node packages are missing (${e.code ?? e.message}): run \`npm ci --prefix bench/node\``);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function cpuSeconds(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

async function heapAfterGc() {
  let used = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < 3; i++) {
    global.gc();
    await sleep(100);
    used = Math.min(used, process.memoryUsage().heapUsed);
  }
  return used;
}

async function main() {
  const [compression, restUrl, , guildsArg, , intentsArg] = process.argv.slice(2);
  const token = process.env.CORDBUS_BENCH_TOKEN;
  if (!token || !intentsArg || typeof global.gc !== 'function') {
    fail('usage: node --expose-gc bench.js COMPRESSION REST_URL GATEWAY_URL GUILDS MEMBERS INTENTS'
      + ' (token in CORDBUS_BENCH_TOKEN)');
  }
  const { ws, rest } = loadLibraries();
  const guilds = Number(guildsArg);
  const counter = new Counter();
  const cache = new Cache();
  const chunking = new Set();
  let created = 0;
  let ready = false;
  let markReady;
  const readyPromise = new Promise((resolve) => {
    markReady = resolve;
  });
  const t0 = performance.now();

  // @discordjs/ws asks GET /gateway/bot through @discordjs/rest; the simulator answers it with its gateway URL.
  const api = new rest.REST({ api: restUrl.replace(/\/v\d+\/?$/, ''), version: '10' }).setToken(token);
  const manager = new ws.WebSocketManager({
    token,
    intents: Number(intentsArg),
    rest: api,
    shardCount: 1,
    largeThreshold: LARGE_THRESHOLD,
    compression: compression === 'none' ? null : ws.CompressionMethod.ZlibSync,
  });
  const checkReady = () => {
    if (!ready && created >= guilds && chunking.size === 0) {
      ready = true;
      markReady();
    }
  };
  manager.on(ws.WebSocketShardEvents.Dispatch, (payload) => {
    const { t, d } = payload;
    const guild = cache.apply(t, d);
    if (t === 'MESSAGE_CREATE') {
      counter.hit();
    } else if (t === 'GUILD_CREATE') {
      created++;
      if (guild.members.size < guild.memberCount) {
        chunking.add(guild.id);
        manager.send(0, { op: 8, d: { guild_id: guild.id, query: '', limit: 0 } });
      }
      checkReady();
    } else if (t === 'GUILD_MEMBERS_CHUNK' && d.chunk_index === d.chunk_count - 1) {
      chunking.delete(d.guild_id);
      checkReady();
    }
  });
  manager.on(ws.WebSocketShardEvents.Error, (e) => process.stderr.write(`shard error: ${e?.stack ?? e}\n`));

  const timeout = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS} ms: ${created} of ${guilds} guilds,`
    + ` ${chunking.size} chunk requests open`), READY_TIMEOUT_MS);
  await manager.connect();
  await readyPromise;
  clearTimeout(timeout);
  const readyMs = Math.round(performance.now() - t0);
  counter.arm();
  const cpuReady = process.cpuUsage();
  process.stdout.write(`READY ${JSON.stringify({ readyMs })}\n`);

  const lines = readline.createInterface({ input: process.stdin });
  const first = await new Promise((resolve) => {
    lines.once('line', resolve);
    lines.once('close', () => resolve(null));
  });
  if (first === null || !first.startsWith('done')) {
    fail(`expected 'done', got ${first}`);
  }
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (performance.now() < deadline && (counter.count === 0 || performance.now() - counter.lastMs < IDLE_MS)) {
    await sleep(50);
  }
  const cpuRunSeconds = cpuSeconds(cpuReady);
  const cached = cache.counts();
  const heapBytes = await heapAfterGc();
  process.stdout.write(`RESULT ${JSON.stringify({
    case: 'discordjs', compression, events: counter.count, rate: counter.rate(), rate2: counter.secondHalfRate(),
    half: counter.secondHalf(),
    readyMs, heapBytes, cpuRunSeconds, cpuTotalSeconds: cpuSeconds(), cached,
    extra: { node: process.version, ws: ws.version },
  })}\n`);
  lines.close();
  await Promise.race([manager.destroy({ code: 1000, reason: 'bench done' }), sleep(5000)]);
  process.exit(0);
}

main().catch((e) => fail(`${e?.name ?? 'Error'}: ${e?.message ?? e}`));
