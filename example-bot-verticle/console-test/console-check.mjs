// Opens the cordbus live console in Debian's headless Chromium and reports what the rendered page shows.
// Usage: node console-check.mjs <console url> <screenshot.png> <shard count>
// Protocol on stdout, one JSON object per line: {"event":"ready",...} once every shard shows READY with events/s > 0
// (screenshot taken then); after a line "reconnect <shard>" on stdin: {"event":"reconnect-shown","ms":...} as soon
// as the page shows that shard's reconnect (its reconnect count went up). Exits 1 with {"event":"error"} on timeout.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [url, screenshot, shardCountArg] = process.argv.slice(2);
const shardCount = Number(shardCountArg);
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const profile = mkdtempSync(join(tmpdir(), 'cordbus-console-'));
let context;
let page;
let lastRows = null;

async function rows(page) {
  return lastRows = await page.$$eval('#shards tr[data-shard]', (trs) => trs.map((tr) => ({
    shard: Number(tr.getAttribute('data-shard')),
    state: tr.getAttribute('data-state'),
    eps: Number(tr.getAttribute('data-eps')),
    reconnects: Number(tr.getAttribute('data-reconnects')),
    text: tr.innerText,
  })));
}

async function until(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out after ' + timeoutMs + ' ms waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = context.pages()[0] || await context.newPage();
  await page.goto(url);
  const ready = await until('every shard READY with events/s > 0', 60_000, async () => {
    const r = await rows(page);
    return r.length === shardCount && r.every((x) => x.state === 'READY' && x.eps > 0) ? r : null;
  });
  const startup = await page.$eval('#startup', (e) => e.innerText);
  const summary = await page.$eval('#summary', (e) => e.innerText);
  await page.screenshot({ path: screenshot, fullPage: true });
  say({ event: 'ready', shards: ready, startup, summary });

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const m = /^reconnect (\d+)$/.exec(line.trim());
    if (!m) continue;
    const shard = Number(m[1]);
    const before = ready.find((x) => x.shard === shard).reconnects;
    const t0 = Date.now();
    const shown = await until('shard ' + shard + ' reconnect shown', 10_000, async () => {
      const r = (await rows(page)).find((x) => x.shard === shard);
      return r && r.reconnects > before ? r : null;
    });
    say({ event: 'reconnect-shown', ms: Date.now() - t0, row: shown });
    await page.screenshot({ path: screenshot.replace(/\.png$/, '-reconnect.png'), fullPage: true });
    break;
  }
  lines.close();
  process.stdin.destroy();
} catch (e) {
  let summary = null;
  try {
    summary = page ? await page.$eval('#summary', (el) => el.innerText) : null;
    if (page) await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png'), fullPage: true });
  } catch (ignored) { /* the page is gone */ }
  say({ event: 'error', message: String(e && e.message || e), lastRows, summary });
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
