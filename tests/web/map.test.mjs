// The map page (web/src/map.js) over the demo store, in headless Chromium (harness.mjs): it draws
// the agreement's zones and the base layer; the slider moved to 2018-11-24 with a one-day window
// shows the daily report's count of incidents for that day (summary.json, run here with
// `truceline report`); each filter changes the count as the JSON of /v1/app/incidents says it
// must; the view is in the URL and survives a reload; the export links carry the window and the
// filters; an incident in the list opens its page. The harness fails the test on any console
// error and on any request that leaves 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, screenshot, checkA11y, skip } from './harness.mjs';

const DAY = '2018-11-24';

const count = (page) => page.textContent('[data-testid=incident-count]').then((s) => s.trim());
const ready = (page) => page.waitForFunction(() => window.__tlMap && window.__tlMap.ready && window.__tlMap.layers && window.__tlMap.base && window.__tlMap.towns !== undefined);

// The incidents the map must count for a window and filters, from the endpoint's JSON (the
// contract: day in [D-L+1, D], OR inside a filter, AND across).
function expected(incidents, { from, to, verdicts, kinds, corroborated }) {
  return incidents.filter((r) => r.day >= from && r.day <= to && (!verdicts || verdicts.includes(r.verdict)) &&
    (!kinds || kinds.includes(r.kind)) && (!corroborated || r.corroborated)).length;
}

// Moves the slider with the keyboard (End, then ArrowLeft a day at a time) to `day`.
async function slideTo(page, meta, day) {
  const slider = page.getByTestId('time-slider');
  await slider.focus();
  await page.keyboard.press('End');
  const back = Math.round((Date.parse(meta.span.last) - Date.parse(day)) / 86400000);
  for (let k = 0; k < back; k++) await page.keyboard.press('ArrowLeft');
  assert.equal(await slider.getAttribute('aria-valuetext'), day, 'the slider announces the selected day');
}

test('the map: zones drawn, the day\'s count equals summary.json, filters, URL state, export links, incident page', { skip }, () =>
  withApp({}, async ({ page, baseUrl, run, db, agreement, dir }) => {
    // The daily report of the day: its headline's count of incidents.
    run(['report', '--agreement', agreement, '--db', db, '--date', DAY, '-o', join(dir, 'report')]);
    const summary = JSON.parse(readFileSync(join(dir, 'report', 'summary.json'), 'utf8'));
    const headline = summary.headline.current;
    assert.ok(headline.incidents > 0, 'the demo day has incidents (else the test proves nothing)');

    const meta = await (await fetch(`${baseUrl}/v1/app/meta`)).json();
    const { incidents } = await (await fetch(`${baseUrl}/v1/app/incidents`)).json();

    await page.goto(`${baseUrl}/`);
    await ready(page);

    // The zones in force on the shown day are drawn: one Leaflet layer per zone feature of
    // /v1/app/layers, the agreed zones and each disputed reading in its own toggleable group.
    await page.waitForFunction(() => new URLSearchParams(location.search).has('date'));
    const shown = await page.evaluate(() => ({ date: new URL(location.href).searchParams.get('date'), layers: window.__tlMap.layers }));
    assert.equal(shown.date, meta.span.last, 'the map opens on the last day of the span');
    const fc = await (await fetch(`${baseUrl}/v1/app/layers?date=${shown.date}`)).json();
    const zones = fc.features.filter((f) => f.properties.layer === 'zone');
    assert.ok(zones.length > 0, 'the demo agreement has zones in force');
    const drawn = Object.fromEntries(shown.layers.map((l) => [l.id, l.features]));
    assert.equal(drawn.zones, zones.filter((f) => f.properties.reading == null).length, 'every agreed zone is drawn');
    for (const f of zones.filter((z) => z.properties.reading != null)) {
      const id = `reading:${f.properties.id}:${f.properties.reading}`;
      assert.ok(drawn[id] >= 1, `the disputed reading ${id} is drawn`);
      assert.equal(await page.getByTestId(`layer-toggle-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`).count(), 1, `${id} has its toggle`);
    }
    assert.equal(drawn.posts > 0, fc.features.some((f) => f.properties.layer === 'post'), 'posts drawn when in force');

    // The day of the daily report, one-day window: the same count.
    await page.getByTestId('window').selectOption('1');
    await slideTo(page, meta, DAY);
    assert.equal(await count(page), String(headline.incidents), `incident-count on ${DAY} = summary.json headline.current.incidents`);
    assert.equal(await count(page), String(expected(incidents, { from: DAY, to: DAY })));
    const rows = await page.locator('[data-testid=incident-list] tbody tr').count();
    assert.equal(rows, headline.incidents, 'the list holds the window\'s incidents');

    // Three days, then back to one.
    await page.getByTestId('window').selectOption('3');
    assert.equal(await count(page), String(expected(incidents, { from: '2018-11-22', to: DAY })));
    assert.equal(await page.getByTestId('window-dates').textContent(), '2018-11-22 – 2018-11-24');
    await page.getByTestId('window').selectOption('1');

    await screenshot(page, 'map-2018-11-24');

    // Verdict: violations only = the report's violations; corroborated only = its corroborated.
    await page.getByRole('button', { name: 'none (Verdict)' }).click();
    assert.equal(await count(page), '0', 'no verdict selected: nothing');
    await page.getByTestId('filter-verdict-violation').check();
    assert.equal(await count(page), String(headline.violations), 'violations only = summary.json headline violations');
    assert.equal(await count(page), String(expected(incidents, { from: DAY, to: DAY, verdicts: ['violation'] })));
    await page.getByTestId('filter-corroborated').check();
    assert.equal(await count(page), String(headline.violations_corroborated), 'corroborated violations = summary.json');
    await page.getByTestId('filter-corroborated').uncheck();

    // A kind off: AND with the verdict filter, as the JSON says.
    const dayKinds = [...new Set(incidents.filter((r) => r.day === DAY && r.verdict === 'violation').map((r) => r.kind))];
    assert.ok(dayKinds.length > 0);
    await page.getByTestId(`filter-kind-${dayKinds[0]}`).uncheck();
    const kindsLeft = meta.kinds.filter((k) => k !== dayKinds[0]);
    const filtered = expected(incidents, { from: DAY, to: DAY, verdicts: ['violation'], kinds: kindsLeft });
    assert.equal(await count(page), String(filtered));
    assert.ok(filtered < headline.violations, 'the kind filter took something away');

    // The view is in the URL (written right after the re-render), the export links carry it, a
    // reload restores it.
    await page.waitForFunction((k) => new URLSearchParams(location.search).get('kind') === k, kindsLeft.join(','));
    const url = new URL(await page.evaluate(() => location.href));
    assert.equal(url.searchParams.get('date'), DAY);
    assert.equal(url.searchParams.get('window'), '1');
    assert.equal(url.searchParams.get('verdict'), 'violation');
    assert.equal(url.searchParams.get('kind'), kindsLeft.join(','));
    const href = await page.getByTestId('export-gpkg').getAttribute('href');
    const exp = new URL(href, baseUrl);
    assert.equal(exp.pathname, '/v1/app/export');
    assert.equal(exp.searchParams.get('format'), 'gpkg');
    assert.equal(exp.searchParams.get('from'), DAY);
    assert.equal(exp.searchParams.get('to'), DAY);
    assert.equal(exp.searchParams.get('verdict'), 'violation');
    assert.equal(exp.searchParams.get('kind'), kindsLeft.join(','));
    await page.reload();
    await ready(page);
    assert.equal(await count(page), String(filtered), 'a reload shows the same view');
    assert.equal(await page.getByTestId('filter-verdict-compliant').isChecked(), false);

    // Nothing serious for axe on the page.
    await checkA11y(page);

    // An incident of the list opens its page.
    const first = page.locator('[data-testid=incident-list] tbody a').first();
    const id = await first.getAttribute('data-id');
    await first.click();
    await page.waitForURL(`${baseUrl}/incident/${encodeURIComponent(id)}`);
    await page.getByTestId('incident-detail').waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('map').count(), 0, 'the map page was unmounted');
  }));

test('the map: an incident clicked on the canvas opens a popup with a link to its page; a cluster zooms in; ?incident= shows one', { skip }, () =>
  withApp({}, async ({ page, baseUrl }) => {
    // the incident page's "Show on the map" link: /?day=DAY&incident=ID opens on its day, its popup open
    const { incidents } = await (await fetch(`${baseUrl}/v1/app/incidents`)).json();
    const located = incidents.find((r) => r.day === DAY && typeof r.lon === 'number');
    await page.goto(`${baseUrl}/?day=${DAY}&incident=${located.id}`);
    await ready(page);
    assert.equal(await page.getByTestId('window-dates').textContent(), DAY);
    assert.match(await page.locator('.tl-popup strong').textContent(), new RegExp(`^Incident ${located.n}:`));

    // a week at zoom 8: clusters, each showing how many incidents it holds; a click zooms in
    await page.goto(`${baseUrl}/?date=${DAY}&window=7&view=8/35.6/36.7`);
    await ready(page);
    const cluster = await page.evaluate(() => window.__tlMap.probe('c'));
    assert.ok(cluster && cluster.incidents >= 2, 'a cluster is drawn at zoom 8');
    await page.mouse.click(cluster.x, cluster.y);
    await page.waitForFunction((z) => new URL(location.href).searchParams.get('view').split('/')[0] > z, cluster.zoom);

    await page.goto(`${baseUrl}/?date=${DAY}&window=7&view=11/35.6/36.7`);
    await ready(page);
    await screenshot(page, 'map-week-zoom11');
    // the screen position of a drawn incident, from the map's own projection (waited for: on a
    // loaded machine the canvas may draw after `ready`; one CI run found none drawn yet)
    await page.waitForFunction(() => window.__tlMap.probe() !== null, null, { timeout: 15000 }).catch(() => {});
    const target = await page.evaluate(() => window.__tlMap.probe());
    assert.ok(target, 'an incident is drawn in the view');
    await page.mouse.click(target.x, target.y);
    const link = page.locator('.tl-popup a').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/incident\//);
    await page.getByTestId('incident-detail').waitFor({ state: 'attached' });
  }));

test('the map in Arabic: right-to-left, translated controls, the same count, play moves the day, axe-clean', { skip }, () =>
  withApp({ lang: 'ar' }, async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/?date=${DAY}&window=1`);
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const { incidents } = await (await fetch(`${baseUrl}/v1/app/incidents`)).json();
    assert.equal(await count(page), String(expected(incidents, { from: DAY, to: DAY })));
    assert.equal(await page.getByTestId('play').textContent(), 'تشغيل');
    await screenshot(page, 'map-ar');
    await checkA11y(page);

    // play: the day moves on by itself; pause stops it
    await page.getByTestId('play').click();
    await page.waitForFunction((d) => new URL(location.href).searchParams.get('date') > d, DAY);
    await page.getByTestId('play').click();
    assert.equal(await page.getByTestId('play').getAttribute('aria-pressed'), 'false');

    // a layer switched off is in the URL
    await page.getByTestId('layer-toggle-towns').uncheck();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('hide') === 'towns');
  }));

test('the map over a store without reports: says so, counts 0, no console error', { skip }, () =>
  // serve makes a new store when --db names none: the demo store is removed before it starts
  withApp({ setup: ({ db }) => { for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true }); } }, async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => window.__tlMap && window.__tlMap.ready);
    assert.equal(await count(page), '0');
    assert.match(await page.locator('.tl-status').textContent(), /no reports/);
    await checkA11y(page);
  }));
