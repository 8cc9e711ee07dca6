#!/usr/bin/env node
// How many MESSAGE_CREATE events a Node bot consumes, over the SockJS bridge with @cordbus/client or over the TCP
// bridge with the raw framing of tcp-bot.js, and the latency from the publisher's wall clock (header sent-micros) to
// the handler. Run against BridgeLoadMain (bridge-verticle README, "Figures"):
//   CORDBUS_BRIDGE_URL=http://127.0.0.1:<sockjs port>/eventbus CORDBUS_BRIDGE_SECRET=... node consume-bench.js sockjs <expected> [<max s>]
//   CORDBUS_BRIDGE_PORT=<tcp port> CORDBUS_BRIDGE_SECRET=... node consume-bench.js tcp <expected> [<max s>]
'use strict';

const net = require('node:net');
const { CordbusClient } = require('@cordbus/client');
const { encode, decoder } = require('./tcp-bot.js');

const [mode, expectedArg, limitArg] = process.argv.slice(2);
const expected = Number(expectedArg);
const limitMs = Number(limitArg || 60) * 1000;
const secret = process.env.CORDBUS_BRIDGE_SECRET || '';
const latencies = [];
let first = 0;

function nowMicros() {
  return (performance.timeOrigin + performance.now()) * 1000;
}

let firstSeq = 0;
let lastSeq = 0;
function record(headers) {
  if (!first) {
    first = performance.now();
    firstSeq = Number(headers.seq);
  }
  lastSeq = Number(headers.seq);
  latencies.push((nowMicros() - Number(headers['sent-micros'])) / 1000);
  if (latencies.length >= expected) {
    finish();
  }
}

let finished = false;
function finish() {
  if (finished) {
    return;
  }
  finished = true;
  const elapsed = (performance.now() - (first || performance.now())) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] : NaN);
  console.log(`RESULT node-${mode} received ${latencies.length}/${expected} in ${elapsed.toFixed(2)} s = `
    + `${(latencies.length / Math.max(elapsed, 1e-9)).toFixed(0)}/s p50 ${p(0.5).toFixed(1)} ms p99 ${p(0.99).toFixed(1)} ms`
    + ` max ${(latencies[latencies.length - 1] || NaN).toFixed(1)} ms`
    + ` cpu ${(((u) => (u.user + u.system) / Math.max(1, latencies.length))(process.cpuUsage())).toFixed(0)} us/event`
    + ` (process total) load ${require('node:os').loadavg()[0].toFixed(1)} seq ${firstSeq}..${lastSeq}`);
  process.exit(0);
}
setTimeout(finish, limitMs).unref();
setTimeout(() => undefined, limitMs + 1000);

if (mode === 'sockjs') {
  const bot = new CordbusClient({ url: process.env.CORDBUS_BRIDGE_URL, secret });
  bot.on('MESSAGE_CREATE', (m, meta) => record(meta.headers));
  bot.connect().then(() => console.log('CONSUMER-READY'));
} else {
  const socket = net.connect({ host: '127.0.0.1', port: Number(process.env.CORDBUS_BRIDGE_PORT) }, () => {
    socket.write(encode({ type: 'register', address: 'discord.MESSAGE_CREATE', headers: { 'x-cordbus-secret': secret } }));
    console.log('CONSUMER-READY');
  });
  socket.on('data', decoder((f) => {
    if (f.type === 'message') {
      record(f.headers || {});
    }
  }));
}
