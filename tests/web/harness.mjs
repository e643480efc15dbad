// The browser-test harness of the web app (issue 13; docs/api.md "The web app", "Browser tests").
//
//   import { test } from 'node:test';
//   import { withApp, screenshot, checkA11y, skip } from './harness.mjs';
//   test('the map draws', { skip }, () => withApp({}, async ({ page, baseUrl, server, dir }) => {
//     await page.goto(baseUrl + '/');
//     ...
//   }));
//
// withApp(options, fn): makes a working directory, a store (by default a fresh demo store:
// data/scenarios/idlib-2018's synthetic reports ingested, as scripts/demo does), party keys and a
// parties file, starts `truceline serve` on 127.0.0.1 port 0 (the port read from its
// "listening on" line), launches Debian's Chromium (playwright-core, executablePath
// /usr/bin/chromium, headless, a new empty user-data-dir: launchPersistentContext), runs fn, and then ALWAYS closes the
// browser and stops the server (SIGTERM, then SIGKILL after 5 s), also when fn throws or the
// time (options.timeoutMs) runs out. The test FAILS when:
//   - the page requests anything from a host other than 127.0.0.1 (route interception; the
//     request is aborted and listed), or
//   - a console error (console.error, a failed resource load, a CSP refusal ...) or an uncaught
//     page error happens — unless it matches one of options.allowConsoleErrors (RegExps),
//   - fn throws, or the whole run exceeds options.timeoutMs.
//
// options (all optional):
//   bin            the truceline binary (default: $TRUCELINE_BIN, else build/release/truceline)
//   agreement      agreement file (default data/scenarios/idlib-2018/agreement.toml)
//   reports        a JSON Lines file ingested into a new store (default: the demo's synthetic reports)
//   store          an existing store (.db) COPIED into the working directory instead of ingesting
//   setup          async ({dir, db, run}) => {...}: runs before the server starts (e.g. more
//                  ingests); run(args) runs the binary (see below)
//   parties        [{id, role}] the parties to make keys for (default: russia and turkey
//                  guarantors, jmm monitor); keys[id] is each key file's path (JWK, keygen's format)
//   webRoot        passed as serve --web-root (default: none: the embedded copy is tested)
//   viewport       default {width: 1366, height: 768}
//   lang           'ar' ...: sets the stored language before the first page load
//   timeoutMs      default 180000 for the whole run
//   allowConsoleErrors  [RegExp]: console errors that do not fail the test (matched against the
//                  text followed by " (URL:LINE)" of where it came from)
//
// fn receives {page, context, baseUrl, server, dir, db, agreement, parties, keys, bin,
// run, messages}: server = {url, port, logKey, stdout(), stderr()}; run(args, {input}) runs
// the truceline binary synchronously in dir and returns {status, stdout, stderr} (throws on a
// non-zero status unless {allowFail: true}); messages = every console message seen so far
// ({type, text}); warnings are kept there, never fail the test.
//
// Other exports:
//   skip                false, or the reason the browser tests are skipped (no /usr/bin/chromium
//                       and not CI — CI must run them: scripts/setup-deps installs chromium)
//   screenshot(page, name, {fullPage, minColours}) → {path, width, height, colours, dominantShare}
//                       writes $TRUCELINE_WEB_SCREENS/NAME.png (default build/release/web-screens)
//                       and throws when it is blank: fewer than minColours (default 8) distinct
//                       colours, or one colour covering more than 98% of the pixels.
//   checkA11y(page, {include, exclude, disableRules}) → axe-core's results; throws listing every
//                       serious or critical violation (rule, impact, the first targets).
//   decodePng(buffer) → {width, height, pixels: Uint8Array RGBA}; pngStats(buffer) → {colours, dominantShare}
//   repoRoot, demoAgreement, demoReports: paths.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const demoAgreement = join(repoRoot, 'data/scenarios/idlib-2018/agreement.toml');
export const demoReports = join(repoRoot, 'data/scenarios/idlib-2018/synthetic/reports.jsonl');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const skip = existsSync(CHROMIUM)
  ? false
  : process.env.CI
    ? false // CI must run them: withApp fails below
    : `${CHROMIUM} is missing (scripts/setup-deps installs Debian's chromium): browser tests skipped`;

export function binPath() {
  return process.env.TRUCELINE_BIN || join(repoRoot, 'build/release/truceline');
}

export function screensDir() {
  return process.env.TRUCELINE_WEB_SCREENS || join(repoRoot, 'build/release/web-screens');
}

function loadPlaywright() {
  const require = createRequire(join(repoRoot, 'package.json'));
  try {
    return require('playwright-core');
  } catch (e) {
    throw new Error(`playwright-core is not installed (run scripts/setup-deps: npm ci): ${e.message}`);
  }
}

function runBinary(bin, cwd, args, opts = {}) {
  const r = spawnSync(bin, args, { cwd, input: opts.input, encoding: 'utf8', timeout: opts.timeoutMs || 120000, maxBuffer: 256 << 20 });
  if (r.error) throw new Error(`truceline ${args.join(' ')}: ${r.error.message}`);
  const out = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (r.status !== 0 && !opts.allowFail)
    throw new Error(`truceline ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return out;
}

// `truceline serve`, its port read from the "listening on http://127.0.0.1:PORT" line.
function startServer(bin, cwd, args, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      child.kill('SIGKILL');
      reject(new Error(`truceline serve did not print its address within ${timeoutMs} ms\nstderr: ${err}`));
    }, timeoutMs);
    const handle = {
      child,
      stdout: () => out,
      stderr: () => err,
    };
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(out);
      const k = /log key (\S+)\n/.exec(out);
      if (m && k && !done) {
        done = true;
        clearTimeout(timer);
        handle.url = m[1];
        handle.port = Number(m[2]);
        handle.logKey = k[1];
        resolvePromise(handle);
      }
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code, signal) => {
      handle.exited = { code, signal };
      if (!done) {
        done = true;
        clearTimeout(timer);
        reject(new Error(`truceline serve ended (${code ?? signal}) before listening\nstderr: ${err}`));
      }
    });
  });
}

function stopServer(handle) {
  return new Promise((resolvePromise) => {
    if (!handle || handle.exited) return resolvePromise();
    const killer = setTimeout(() => handle.child.kill('SIGKILL'), 5000);
    handle.child.once('exit', () => {
      clearTimeout(killer);
      resolvePromise();
    });
    handle.child.kill('SIGTERM');
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: more than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const liveServers = new Set();
process.on('exit', () => {
  for (const s of liveServers) {
    try {
      s.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function withApp(options, fn) {
  if (typeof options === 'function') {
    fn = options;
    options = {};
  }
  options = options || {};
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-deps (CI must run the browser tests)`);
  const bin = resolve(options.bin || binPath());
  if (!existsSync(bin)) throw new Error(`${bin}: no truceline binary (build it first, or set TRUCELINE_BIN)`);
  const timeoutMs = options.timeoutMs || 180000;
  const base = join(tmpdir(), 'truceline-web-');
  const dir = mkdtempSync(base);
  const agreement = resolve(options.agreement || demoAgreement);
  const db = join(dir, 'reports.db');
  const run = (args, o) => runBinary(bin, dir, args, o);

  let server = null;
  let browser = null;
  const offsite = [];
  const errors = [];
  const messages = [];
  const allowed = options.allowConsoleErrors || [];
  const isAllowed = (text) => allowed.some((re) => re.test(text));

  const body = async () => {
    if (options.store) copyFileSync(options.store, db);
    else run(['ingest', '--db', db, resolve(options.reports || demoReports)]);
    const parties = options.parties || [
      { id: 'russia', role: 'guarantor' },
      { id: 'turkey', role: 'guarantor' },
      { id: 'jmm', role: 'monitor' },
    ];
    const keys = {};
    let toml = '[log]\norigin = "truceline/web-test"\n';
    for (const p of parties) {
      keys[p.id] = join(dir, `${p.id}.jwk`);
      const line = run(['keygen', '--party', p.id, '-o', keys[p.id]]).stdout.trim();
      const publicKey = line.split(/\s+/)[1];
      toml += `\n[[party]]\nid = "${p.id}"\npublic_key = "${publicKey}"\nrole = "${p.role}"\n`;
    }
    const partiesPath = join(dir, 'parties.toml');
    writeFileSync(partiesPath, toml);
    if (options.setup) await options.setup({ dir, db, run, agreement, keys, parties: partiesPath });

    const serveArgs = ['serve', '--db', db, '--agreement', agreement, '--parties', partiesPath, '--listen', '127.0.0.1:0'];
    if (options.webRoot) serveArgs.push('--web-root', resolve(options.webRoot));
    server = await startServer(bin, dir, serveArgs, 60000);
    liveServers.add(server);

    const { chromium } = loadPlaywright();
    mkdirSync(join(dir, 'chromium-profile'), { recursive: true });
    // A persistent context on a new, empty profile directory (playwright refuses
    // --user-data-dir in args: this is its way of giving one).
    const context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: 60000,
      viewport: options.viewport || { width: 1366, height: 768 },
      locale: 'en-US',
      serviceWorkers: 'block',
    });
    browser = context;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      let host = '';
      try {
        host = new URL(url).hostname;
      } catch {
        host = '';
      }
      if (host === '127.0.0.1') return route.continue();
      offsite.push(url);
      return route.abort('blockedbyclient');
    });
    if (options.lang) {
      await context.addInitScript((code) => {
        try {
          window.localStorage.setItem('truceline.lang', code);
        } catch {
          // no storage
        }
      }, options.lang);
    }
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(30000);
    page.on('console', (msg) => {
      const text = msg.text();
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber !== undefined ? ':' + loc.lineNumber : ''})` : '';
      messages.push({ type: msg.type(), text: text + where });
      if (msg.type() === 'error' && !isAllowed(text + where)) errors.push(`console.error: ${text}${where}`);
    });
    page.on('pageerror', (e) => {
      const text = e && e.stack ? e.stack : String(e);
      if (!isAllowed(text)) errors.push(`page error: ${text}`);
    });
    await fn({
      page,
      context,
      baseUrl: server.url,
      server,
      dir,
      db,
      agreement,
      parties: partiesPath,
      keys,
      bin,
      run,
      messages,
    });
  };

  let failure = null;
  try {
    await withTimeout(body(), timeoutMs, 'withApp');
  } catch (e) {
    failure = e;
  } finally {
    if (browser) await withTimeout(browser.close(), 15000, 'closing chromium').catch(() => {});
    if (server) {
      await stopServer(server);
      liveServers.delete(server);
    }
  }
  const problems = [];
  if (offsite.length) problems.push(`requests left 127.0.0.1 (refused): ${[...new Set(offsite)].join(', ')}`);
  if (errors.length) problems.push(`console errors:\n  ${errors.join('\n  ')}`);
  if (failure) {
    if (problems.length) failure.message += `\n${problems.join('\n')}`;
    if (server && server.stderr()) failure.message += `\nserver stderr:\n${server.stderr()}`;
    throw failure; // the working directory is kept for a look: its path is in the messages
  }
  if (problems.length) throw new Error(problems.join('\n') + `\n(working directory: ${dir})`);
  if (!process.env.TRUCELINE_WEB_KEEP) rmSync(dir, { recursive: true, force: true });
}

// ---- PNG: a small decoder (zlib from node; PNG filters by hand: no npm package needed for it)

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export function decodePng(buf) {
  if (!Buffer.isBuffer(buf)) buf = Buffer.from(buf);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  let pos = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  const idat = [];
  while (pos + 8 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0)
    throw new Error(`PNG: only 8-bit non-interlaced grey/RGB/RGBA is decoded here (bit depth ${bitDepth}, colour type ${colourType})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG: truncated image data');
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = new Uint8Array(raw.buffer, raw.byteOffset + y * (stride + 1) + 1, stride);
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`PNG: bad filter ${filter} on row ${y}`);
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      if (channels >= 3) {
        out[o] = cur[s]; out[o + 1] = cur[s + 1]; out[o + 2] = cur[s + 2];
        out[o + 3] = channels === 4 ? cur[s + 3] : 255;
      } else {
        out[o] = out[o + 1] = out[o + 2] = cur[s];
        out[o + 3] = channels === 2 ? cur[s + 1] : 255;
      }
    }
    prev = cur;
  }
  return { width, height, pixels: out };
}

// Distinct colours and the share of the most common one.
export function pngStats(buf) {
  const { width, height, pixels } = decodePng(buf);
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += 4) {
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  return { width, height, colours: counts.size, dominantShare: top / (width * height) };
}

export async function screenshot(page, name, opts = {}) {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`screenshot name '${name}': letters, digits, . _ - only`);
  const dir = screensDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const png = await page.screenshot({ path, fullPage: !!opts.fullPage });
  const stats = pngStats(png);
  const minColours = opts.minColours || 8;
  if (stats.colours < minColours || stats.dominantShare > 0.98)
    throw new Error(
      `screenshot ${path} looks blank: ${stats.colours} distinct colours (at least ${minColours} expected), ` +
        `the most common covers ${(stats.dominantShare * 100).toFixed(1)}% of it`,
    );
  return { path, ...stats };
}

let axeSource = null;
export async function checkA11y(page, opts = {}) {
  if (!axeSource) {
    const require = createRequire(join(repoRoot, 'package.json'));
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  // Evaluated through the DevTools protocol: not subject to the page's CSP (which refuses
  // inline scripts, as it should).
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async ({ include, exclude, disableRules }) => {
      const context = include || exclude ? { include: include || [['html']], exclude: exclude || [] } : document;
      const rules = {};
      for (const r of disableRules || []) rules[r] = { enabled: false };
      const r = await window.axe.run(context, { rules, resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
          count: v.nodes.length,
        })),
      };
    },
    { include: opts.include, exclude: opts.exclude, disableRules: opts.disableRules },
  );
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length)
    throw new Error(
      'accessibility (axe-core): ' +
        bad.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.count} element(s), e.g. ${v.targets.join(' | ')}`).join('\n  '),
    );
  return results;
}
