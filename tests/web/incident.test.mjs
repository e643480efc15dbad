// The incident page (/incident/ID, web/src/incident.js) against the CLI: the page of an incident
// of the demo store shows the reports, verdicts and claims that `truceline assess` gives for it,
// and the ledger entries about it (a report submitted by one party, disputed by another,
// acknowledged by the monitor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, screenshot, checkA11y, skip } from './harness.mjs';

// A third claimant to the Sahl al-Ghab clash of 6 October 2018 (syn-bg-0011: 5 dead, syn-bg-0012:
// 2 dead): same place and day, another source, 7 dead. Synthetic, like the demo's reports.
const EXTRA = {
  observed_at: '2018-10-06T13:30:00+03:00',
  time_precision: 'hour',
  lon: 36.4076,
  lat: 35.5696,
  location_precision_m: 500,
  kind: 'armed_clash',
  actor: 'regime forces',
  fatalities: 7,
  summary: 'Clashes near a village in the Sahl al-Ghab, according to the source (web test).',
  tags: ['synthetic'],
  source: { name: 'Synthetic Web Test Observer', type: 'ngo' },
  reliability: 'C',
  credibility: 3,
  source_id: 'syn-web-0001',
};
const DISPUTE = 'no clash took place at that hour (web test)';

test('the incident page shows what truceline assess says of the incident, and the ledger about it', { skip }, () =>
  withApp({ timeoutMs: 240000 }, async ({ page, baseUrl, server, dir, db, agreement, keys, run }) => {
    // The ledger: russia submits the report (entry 0), turkey disputes it, jmm acknowledges it.
    const file = join(dir, 'extra.jsonl');
    writeFileSync(file, JSON.stringify(EXTRA) + '\n');
    run(['submit', '--server', server.url, '--party', 'russia', '--key', keys.russia, file]);
    run(['dispute', '--server', server.url, '--party', 'turkey', '--key', keys.turkey, '--entry', '0', '--reason', DISPUTE]);
    run(['ack', '--server', server.url, '--party', 'jmm', '--key', keys.jmm, '--entry', '0']);

    const list = await (await fetch(`${baseUrl}/v1/app/incidents`)).json();
    // The CLI's assessment of the same store at the same instant.
    const assessment = JSON.parse(run(['assess', '--agreement', agreement, '--db', db, '--at', list.at]).stdout);
    const incident = assessment.incidents.find((i) => i.reports.includes('syn-web-0001'));
    assert.ok(incident, 'the submitted report joined an incident');
    assert.ok(incident.reports.includes('syn-bg-0011'), 'the Sahl al-Ghab clash');
    const row = list.incidents.find((i) => i.id === incident.id);
    assert.ok(row, 'the app lists the incident under the assessment id');

    await page.goto(`${baseUrl}/incident/${incident.id}`);
    const detail = page.locator('[data-testid="incident-detail"]');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-incident-id'), incident.id);
    assert.match(await page.textContent('h1'), new RegExp(`\\b${row.n}\\b`));
    assert.equal(await detail.locator('.incident-head [data-verdict]').getAttribute('data-verdict'), incident.verdict);

    // The reports behind it: the assessment's, each with its verdicts per obligation.
    const cards = detail.locator('[data-testid="incident-report"]');
    const shownIds = await cards.evaluateAll((els) => els.map((e) => e.dataset.sourceId));
    assert.deepEqual([...shownIds].sort(), [...incident.reports].sort());
    for (const label of incident.reports) {
      const card = detail.locator(`[data-testid="incident-report"][data-source-id="${label}"]`);
      const shown = await card.locator('[data-testid="report-verdicts"] tr[data-obligation]').evaluateAll((rows) =>
        rows.map((r) => [r.dataset.obligation, r.querySelector('[data-verdict]').dataset.verdict]),
      );
      const expected = assessment.verdicts.filter((v) => v.report === label).map((v) => [v.obligation, v.verdict]);
      assert.deepEqual(shown.sort(), expected.sort(), `verdicts of ${label}`);
      const reportJson = assessment.verdicts.find((v) => v.report === label);
      if (reportJson && reportJson.grading) assert.match(await card.textContent(), new RegExp(reportJson.grading));
    }

    // The verdict per obligation: every obligation a verdict of its reports names, with the
    // strongest of those verdicts (violation > indeterminate > compliant > not applicable); the
    // assessment's incident.obligations (those it violates, or may violate) among them.
    const rank = { violation: 3, indeterminate: 2, compliant: 1, not_applicable: 0 };
    const strongest = new Map();
    for (const v of assessment.verdicts.filter((x) => incident.reports.includes(x.report))) {
      if (!strongest.has(v.obligation) || rank[v.verdict] > rank[strongest.get(v.obligation)]) strongest.set(v.obligation, v.verdict);
    }
    const perObligation = await detail.locator('[data-testid="incident-obligations"] tr[data-obligation]').evaluateAll((rows) =>
      rows.map((r) => [r.dataset.obligation, r.querySelector('[data-verdict]').dataset.verdict]),
    );
    assert.deepEqual(perObligation.sort(), [...strongest.entries()].sort());
    for (const ob of incident.obligations) assert.equal(strongest.get(ob), incident.verdict, ob);

    // Conflicting fatality claims side by side, each with its claimants.
    const claims = await detail.locator('[data-testid="claims-fatalities"] tr[data-value]').evaluateAll((rows) =>
      rows.map((r) => [r.dataset.value, r.cells[1].textContent]),
    );
    assert.deepEqual(claims.map((c) => c[0]).sort(), incident.fatalities.map((f) => String(f.value)).sort());
    for (const f of incident.fatalities) {
      const shown = claims.find((c) => c[0] === String(f.value));
      for (const s of f.sources) assert.ok(shown[1].includes(s), `${s} claims ${f.value}`);
      for (const r of f.reports) assert.ok(shown[1].includes(r), `${r} claims ${f.value}`);
    }
    assert.ok(incident.fatalities.length >= 3, 'three different fatality counts');
    assert.match(await detail.locator('[data-testid="claims-fatalities"]').getAttribute('class'), /claim-conflict/);

    // The ledger: the report entry, the dispute (by whom, why), the acknowledgement.
    const ledger = detail.locator('[data-testid="incident-ledger"]');
    assert.equal(await ledger.locator('tr[data-type="report"]').count(), 1);
    assert.match(await ledger.locator('tr[data-type="dispute"]').textContent(), /turkey/);
    assert.ok((await ledger.locator('tr[data-type="dispute"]').textContent()).includes(DISPUTE));
    assert.match(await ledger.locator('tr[data-type="ack"]').textContent(), /jmm/);
    const card = detail.locator('[data-testid="incident-report"][data-source-id="syn-web-0001"]');
    assert.match(await card.locator('[data-standing="dispute"]').textContent(), /turkey/);
    assert.match(await card.locator('[data-standing="ack"]').textContent(), /jmm/);

    await checkA11y(page);
    await screenshot(page, 'incident-en', { fullPage: true });
    // Printed: the page's content without the app's header and links.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('header.app-header'), false);
    assert.equal(await page.isVisible('[data-testid="back-to-map"]'), false);
    assert.equal(await page.isVisible('[data-testid="incident-obligations"]'), true);
    await page.emulateMedia({ media: 'screen' });

    // Arabic, right to left.
    await page.selectOption('#lang-select', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await detail.waitFor();
    assert.match(await page.textContent('h1'), /الحادث/);
    await checkA11y(page);
    await screenshot(page, 'incident-ar', { fullPage: true });
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');

    // Back to the map without a reload.
    await page.evaluate(() => (window.__sameDocument = true));
    await page.click('a[data-testid="back-to-map"]');
    await page.waitForSelector('[data-testid="map"]', { state: 'attached' });
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
  }));

test('an unknown incident says so, in the page', { skip }, () =>
  withApp({ allowConsoleErrors: [/status of 404/] }, async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}/incident/i000000000000`);
    const error = page.locator('.page-error[data-testid="incident-detail"]');
    await error.waitFor();
    assert.match(await error.textContent(), /No incident \u2066?i000000000000/);
    await checkA11y(page);
  }));
