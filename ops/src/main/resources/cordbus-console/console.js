// cordbus live console: polls api/status (every node's status, gathered over the event bus) once a second.
'use strict';
(function () {
  const query = location.search; // carries ?key=<secret> when the console has one
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function row(cells, attrs) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      if (c instanceof Node) { const td = document.createElement('td'); td.appendChild(c); tr.appendChild(td); }
      else if (c && typeof c === 'object') { tr.appendChild(el('td', c.text, c.cls)); }
      else tr.appendChild(el('td', c === undefined || c === null ? '–' : c));
    }
    for (const k in (attrs || {})) tr.setAttribute(k, attrs[k]);
    return tr;
  }

  function fill(tableId, rows, emptyText, width) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      const td = el('td', emptyText, 'empty');
      td.colSpan = width;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    rows.forEach((r) => body.appendChild(r));
  }

  function sectionsOf(node, kind) {
    const s = node.sections || {};
    return Object.keys(s).filter((k) => s[k] && s[k].kind === kind).map((k) => Object.assign({ name: k }, s[k]));
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return '–';
    const s = Math.floor(ms / 1000);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }

  function bar(done, total) {
    const wrap = el('span');
    const b = el('span', null, 'bar');
    const i = document.createElement('i');
    i.style.width = (total > 0 ? Math.min(100, (100 * done) / total) : 0) + '%';
    b.appendChild(i);
    wrap.appendChild(b);
    wrap.appendChild(el('span', ' ' + done + '/' + total));
    return wrap;
  }

  function render(data) {
    const nodes = data.nodes || [];
    const shards = [];
    const groups = [];
    const identify = [];
    const cache = [];
    const buckets = [];
    const errors = [];
    const startup = [];
    let stateSections = 0;
    for (const n of nodes) {
      for (const g of sectionsOf(n, 'gateway')) {
        if (!g.group) continue;
        const ready = (g.shards || []).filter((s) => s.state === 'READY').length;
        groups.push(row([g.group, n.node, g.leaseEpoch, (g.shards || []).map((s) => s.shard).join(', '),
          { text: ready + '/' + (g.shards || []).length, cls: ready === (g.shards || []).length ? 'ok' : 'warn' }]));
        for (const s of g.shards || []) {
          shards.push(row([s.shard, g.group, n.node, { text: s.state, cls: 'state state-' + s.state },
            { text: s.latencyMs, cls: 'num' }, { text: s.seq, cls: 'num' },
            { text: s.eventsPerSec === undefined ? '–' : Number(s.eventsPerSec).toFixed(1), cls: 'num eps' },
            s.lastCloseCode === null || s.lastCloseCode === undefined ? '–'
              : s.lastCloseCode + (s.lastReconnectReason ? ' (' + s.lastReconnectReason + ')' : ''),
            { text: s.reconnects, cls: 'num' }, { text: s.badFrames, cls: 'num' }],
            { 'data-shard': s.shard, 'data-state': s.state, 'data-eps': s.eventsPerSec,
              'data-reconnects': s.reconnects }));
        }
        const id = g.identify || {};
        identify.push(row([g.group, id.waiting, id.lastWaitMs,
          id.remaining === undefined || id.remaining < 0 ? '–' : id.remaining + ' of ' + id.total, id.maxConcurrency]));
        const p = g.progress || {};
        const line = el('div');
        line.appendChild(el('b', 'gateway ' + g.group + ' '));
        line.appendChild(el('span', 'shards identified '));
        line.appendChild(bar(p.identified || 0, p.shards || 0));
        if (p.startToReadyMs !== undefined && p.startToReadyMs !== null) {
          const t = el('span', '  all READY ' + (p.startToReadyMs / 1000).toFixed(1) + ' s after start', 'ok');
          t.id = 'start-to-ready-' + g.group;
          line.appendChild(t);
        }
        if (p.identifyWaitMs) line.appendChild(el('span', '  (identify queue waits so far: ' + p.identifyWaitMs + ' ms)'));
        startup.push(line);
      }
      for (const st of sectionsOf(n, 'state')) {
        stateSections++;
        const kinds = st.cache || {};
        for (const k of Object.keys(kinds)) cache.push(row([n.node, k, { text: kinds[k], cls: 'num' }]));
        const line = el('div');
        line.appendChild(el('b', 'state on ' + n.node + ' '));
        const per = st.guildsLoaded || {};
        for (const shard of Object.keys(per)) {
          line.appendChild(el('span', ' shard ' + shard + ' guilds '));
          line.appendChild(bar(per[shard].loaded, per[shard].expected));
        }
        line.appendChild(el('span', st.cacheReady ? '  cache ready' : '  cache filling', st.cacheReady ? 'ok' : 'warn'));
        if (st.rebuilding && st.rebuilding.length) line.appendChild(el('span', '  REBUILDING ' + st.rebuilding.join(', '), 'bad'));
        startup.push(line);
      }
      for (const r of sectionsOf(n, 'rest')) {
        for (const b of r.nearLimit || []) {
          buckets.push(row([n.node, b.bucket, { text: b.remaining, cls: 'num' }, { text: b.limit, cls: 'num' },
            { text: b.resetInMs, cls: 'num' }, { text: b.queued, cls: 'num' }]));
        }
      }
      for (const e of n.errors || []) errors.push(e);
    }
    shards.sort((a, b) => Number(a.getAttribute('data-shard')) - Number(b.getAttribute('data-shard')));
    errors.sort((a, b) => b.at - a.at);
    fill('shards', shards, 'no shard runs in this cluster yet', 10);
    fill('groups', groups, 'no group claimed yet', 5);
    fill('identify', identify, 'no gateway', 5);
    fill('cache', cache, stateSections ? 'empty' : 'no state verticle', 3);
    fill('buckets', buckets, 'no bucket near its limit', 6);
    fill('errors', errors.slice(0, 12).map((e) => row([new Date(e.at).toLocaleTimeString(), e.node, e.source, e.message])),
      'no errors', 4);
    fill('nodes', nodes.map((n) => row([n.node, n.unreachable ? { text: n.unreachable, cls: 'bad' } : duration(n.uptimeMs),
      n.heapUsedMb, Object.keys(n.sections || {}).join(', ')])), 'no node', 4);
    $('startup').replaceChildren(...(startup.length ? startup : [el('div', 'nothing started yet', 'empty')]));
    const total = shards.length;
    const ready = shards.filter((r) => r.getAttribute('data-state') === 'READY').length;
    const summary = $('summary');
    summary.replaceChildren(el('b', nodes.length), el('span', ' node(s) · '),
      el('b', ready + '/' + total), el('span', ' shards READY · console on '), el('b', data.console));
    summary.className = 'summary ' + (total > 0 && ready === total ? '' : 'warn');
    $('updated').textContent = 'Last update ' + new Date(data.at).toLocaleTimeString() + '.';
    document.body.setAttribute('data-updated', String(data.at));
  }

  async function poll() {
    try {
      const r = await fetch('api/status' + query, { cache: 'no-store' });
      if (!r.ok) throw new Error('HTTP ' + r.status + ': ' + (await r.text()));
      render(await r.json());
    } catch (e) {
      $('summary').textContent = 'cannot reach the console endpoint: ' + e.message;
      $('summary').className = 'summary bad';
    } finally {
      setTimeout(poll, 1000);
    }
  }
  poll();
})();
