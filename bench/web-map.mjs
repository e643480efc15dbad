#!/usr/bin/env node
// The map page's browser benchmark (issue 13): a store of N synthetic reports (scripts/scale-gen,
// default 100,000), `truceline serve` on it and headless Chromium (tests/web/harness.mjs), and
// measured IN THE BROWSER with the Performance API:
//   first_paint_ms   navigation start (performance.timeOrigin) -> the map's first drawn incidents
//                    (the page's mark "tl-map-first-incidents"; `painted_ms`: the frame after it)
//   slider_*         a slider move of one day (an `input` event on the range, as the keyboard's
//                    arrow sends): `render_ms` the page's synchronous re-render (filter over the
//                    day index, canvas, count, list; its performance.measure "tl-map-render"),
//                    `frame_ms` from the event to the next frame being produced (rAF + a task)
//   filter_*         a verdict checkbox toggled (a `change` event), measured the same way
// for a one-day and a one-week window. The server's first answer of /v1/app/incidents (it
// assesses the whole store once, then caches) is timed separately and made BEFORE the page is
// opened: the first paint measures the page, not the assessment.
//
//   node bench/web-map.mjs [--n 100000] [--out FILE] [--bin build/release/truceline] [--runs 15]
//
// Prints the figures and writes them as JSON to FILE (default
// bench/results/DATE-NCPUcpu-ARCH.web.json, named like `make bench`'s other results). Wall-clock
// figures: on a loaded machine they are noise of tens of percent; the JSON records the load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir, cpus, loadavg, arch } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { withApp, repoRoot, binPath } from '../tests/web/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const k = args.indexOf(`--${name}`); return k >= 0 ? args[k + 1] : dflt; };
const n = +opt('n', 100000);
const runs = +opt('runs', 15);
const bin = resolve(opt('bin', binPath()));
const today = new Date().toISOString().slice(0, 10);
const out = resolve(opt('out', join(repoRoot, 'bench/results', `${today}-${cpus().length}cpu-${arch() === 'x64' ? 'x86_64' : arch()}.web.json`)));

const dir = mkdtempSync(join(tmpdir(), 'truceline-web-bench-'));
const jsonl = join(dir, `${n}.jsonl`);
const db = join(dir, `${n}.db`);
const step = (what, f) => { const t0 = Date.now(); const r = f(); console.log(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`); return r; };
try {
  step(`scale-gen ${n}`, () => {
    const fd = openSync(jsonl, 'w');
    const r = spawnSync('python3', [join(repoRoot, 'scripts/scale-gen'), String(n)], { stdio: ['ignore', fd, 'inherit'] });
    closeSync(fd);
    if (r.status !== 0) throw new Error('scripts/scale-gen failed');
  });
  step('ingest', () => {
    const r = spawnSync(bin, ['ingest', '--db', db, jsonl], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ingest: ${r.stderr}`);
  });

  const result = {
    benchmark: 'web-map', date: new Date().toISOString(), reports: n,
    machine: { cpus: cpus().length, model: cpus()[0] && cpus()[0].model, arch: arch(), loadavg_at_start: loadavg() },
  };
  await withApp({ store: db, timeoutMs: 30 * 60 * 1000 }, async ({ page, baseUrl, context }) => {
    let t0 = Date.now();
    const meta = await (await fetch(`${baseUrl}/v1/app/meta`)).json();
    const inc = await (await fetch(`${baseUrl}/v1/app/incidents`)).text();
    result.server_first_view_s = (Date.now() - t0) / 1000;
    result.incidents = JSON.parse(inc).incidents.length;
    result.incidents_json_bytes = inc.length;
    t0 = Date.now();
    await (await fetch(`${baseUrl}/v1/app/incidents`)).text();
    result.server_cached_incidents_s = (Date.now() - t0) / 1000;
    result.span = meta.span;
    result.chromium = context.browser() ? context.browser().version() : null;

    const last = meta.span.last;
    await page.goto(`${baseUrl}/?date=${last}&window=1`);
    await page.waitForFunction(() => window.__tlMap && window.__tlMap.ready && window.__tlMap.base, null, { timeout: 120000 });
    await page.waitForTimeout(300);
    const paint = await page.evaluate(() => {
      const m = performance.getEntriesByName('tl-map-first-incidents')[0];
      return { first_paint_ms: m ? m.startTime : null, painted_ms: window.__tlMap.painted ?? null };
    });
    Object.assign(result, paint);

    const measure = (kind, win) => page.evaluate(async ({ kind, win, runs }) => {
      const sel = document.querySelector('[data-testid=window]');
      if (sel.value !== String(win)) { sel.value = String(win); sel.dispatchEvent(new Event('change', { bubbles: true })); }
      await new Promise((r) => setTimeout(r, 200));
      const slider = document.querySelector('[data-testid=time-slider]');
      const box = document.querySelector('[data-testid=filter-verdict-violation]');
      const render = [], frame = [], counts = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        if (kind === 'slider') {
          // back and forth over the last days of the span
          slider.value = String(+slider.max - 1 - (k % 5));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          box.checked = !box.checked;
          box.dispatchEvent(new Event('change', { bubbles: true }));
        }
        render.push(window.__tlMap.last.ms);
        counts.push(window.__tlMap.last.incidents);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        frame.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
      if (kind === 'filter' && !box.checked) { box.checked = true; box.dispatchEvent(new Event('change', { bubbles: true })); }
      const stat = (a) => { const s = [...a].sort((x, y) => x - y); return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1], min: s[0] }; };
      return { window_days: win, runs, render_ms: stat(render), frame_ms: stat(frame), incidents_in_window: stat(counts) };
    }, { kind, win, runs });
    result.slider_day = await measure('slider', 1);
    result.slider_week = await measure('slider', 7);
    result.filter_day = await measure('filter', 1);
    result.filter_week = await measure('filter', 7);
  });
  result.machine.loadavg_at_end = loadavg();
  const r1 = (x) => (x == null ? 'n/a' : x.toFixed(1));
  console.log(`reports ${n}, incidents ${result.incidents} (JSON ${(result.incidents_json_bytes / 1e6).toFixed(1)} MB); server's first view ${result.server_first_view_s.toFixed(1)} s, cached ${result.server_cached_incidents_s.toFixed(2)} s`);
  console.log(`first paint (navigation start -> first incidents drawn): ${r1(result.first_paint_ms)} ms (painted frame ${r1(result.painted_ms)} ms)`);
  for (const k of ['slider_day', 'slider_week', 'filter_day', 'filter_week']) {
    const m = result[k];
    console.log(`${k} (${m.incidents_in_window.median} incidents): re-render median ${r1(m.render_ms.median)} ms, max ${r1(m.render_ms.max)} ms; to next frame median ${r1(m.frame_ms.median)} ms, max ${r1(m.frame_ms.max)} ms`);
  }
  console.log(`load average ${result.machine.loadavg_at_start.map((x) => x.toFixed(1)).join(' ')} -> ${result.machine.loadavg_at_end.map((x) => x.toFixed(1)).join(' ')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.part`, JSON.stringify(result, null, 2) + '\n');
  spawnSync('mv', [`${out}.part`, out]);
  console.log(`written: ${out}`);
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept: ${dir}`);
}
