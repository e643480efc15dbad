// The review queue (/review, web/src/review.js): over the demo store plus three synthetic
// candidate reports (`ingest --candidate`), the monitor loads its party key file into the page
// (a file input; the key is imported with WebCrypto and never uploaded), accepts one candidate
// and rejects another with a reason, each decision signed IN THE PAGE. Then `truceline ledger
// verify --db` names the review entries and verifies; the accepted report is now a report and
// joins the app's incidents; the rejected one is not, and stays in the page's history with its
// reason. The third is corrected from the command line (`truceline review correct`, through the
// server), and the page shows it corrected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, screenshot, checkA11y, skip } from './harness.mjs';

// Synthetic candidates (our own words), at odd minutes so that they are easy to find.
const CANDIDATES = [
  { observed_at: '2018-11-24T05:17:00Z', lon: 36.6512, lat: 35.7733, location_precision_m: 800, kind: 'shelling', actor: 'unknown gunners', summary: 'Shelling reported by a local page (review web test, to accept).', source: { name: 'Review Test Outlet A', type: 'social' } },
  { observed_at: '2018-11-24T07:43:00Z', lon: 36.5021, lat: 35.9014, kind: 'armed_clash', summary: 'Clash claimed by a partisan outlet (review web test, to reject).', source: { name: 'Review Test Outlet B', type: 'media' } },
  { observed_at: '2018-11-24T09:29:00Z', lon: 36.5503, lat: 35.8302, kind: 'shelling', summary: 'Corrected from the command line (review web test).', source: { name: 'Review Test Outlet C', type: 'media' } },
];
const REASON = 'the outlet retracted the claim (web test)';

test('a review decision signed in the page is in the log, verifies, and takes effect', { skip }, () =>
  withApp(
    {
      timeoutMs: 240000,
      setup: async ({ dir, db, run }) => {
        const file = join(dir, 'candidates.jsonl');
        writeFileSync(file, CANDIDATES.map((c) => JSON.stringify(c)).join('\n') + '\n');
        const out = run(['ingest', '--db', db, '--candidate', file]).stdout;
        assert.match(out, /imported 0, candidates 3, duplicates 0, quarantined 0/);
      },
    },
    async ({ page, baseUrl, server, db, parties, keys, run }) => {
      const all = (await (await fetch(`${baseUrl}/v1/app/candidates?status=all`)).json()).candidates;
      assert.equal(all.length, 3);
      const idOf = (c) => all.find((x) => x.report.observed_at === c.observed_at).id;
      const [acceptId, rejectId, pendingId] = CANDIDATES.map(idOf);
      const incidentsBefore = (await (await fetch(`${baseUrl}/v1/app/incidents`)).json()).incidents.length;

      await page.goto(`${baseUrl}/review`);
      const queue = page.locator('[data-testid="review-queue"]');
      await queue.waitFor();
      await page.waitForSelector('[data-testid="review-queue"][data-count="3"]');
      const card = (id) => queue.locator(`[data-testid="review-candidate"][data-candidate-id="${id}"]`);
      assert.equal(await queue.locator('[data-testid="review-candidate"]').count(), 3);

      // Without a key nothing is signed: the page says so (and sends nothing).
      await card(acceptId).locator('button[data-action="accept"]').click();
      await page.waitForSelector('[data-testid="review-result"][data-state="error"]');

      // The monitor's key file, loaded through the file input.
      await page.setInputFiles('[data-testid="review-key-file"]', keys.jmm);
      await page.waitForSelector('[data-testid="review-key-status"][data-party="jmm"]');

      // Accept the first.
      await card(acceptId).locator('button[data-action="accept"]').click();
      await page.waitForSelector(`[data-testid="review-decided"][data-candidate-id="${acceptId}"]`);
      assert.equal(await page.getAttribute('[data-testid="review-result"]', 'data-state'), 'ok');
      const acceptIndex = Number(await page.getAttribute('[data-testid="review-result"]', 'data-index'));

      // Reject the second: a reason is required (checked in the page), then given.
      const reject = card(rejectId).locator('form[data-action="reject"]');
      await reject.locator('button[type="submit"]').click();
      assert.equal(await card(rejectId).count(), 1, 'no reason: still pending');
      await reject.locator('textarea[data-field="reason"]').fill(REASON);
      await reject.locator('button[type="submit"]').click();
      const rejected = page.locator(`[data-testid="review-decided"][data-candidate-id="${rejectId}"]`);
      await rejected.waitFor();
      const rejectIndex = Number(await page.getAttribute('[data-testid="review-result"]', 'data-index'));
      assert.notEqual(acceptIndex, rejectIndex);

      // The page: one pending left; the rejected one in the history with its reason and signer.
      await page.waitForSelector('[data-testid="review-queue"][data-count="1"]');
      assert.equal(await card(pendingId).count(), 1);
      assert.equal(await rejected.getAttribute('data-status'), 'rejected');
      const history = await rejected.locator('[data-testid="review-decisions"]').textContent();
      assert.ok(history.includes(REASON), history);
      assert.ok(history.includes('jmm'), history);
      assert.equal(
        await page.locator(`[data-testid="review-decided"][data-candidate-id="${acceptId}"]`).getAttribute('data-status'),
        'accepted',
      );

      // The command line does what the page does: turkey corrects the third one's place and
      // actor through the server (the entry signed by the CLI with turkey's key).
      const corrected = run(['review', '--server', server.url, '--party', 'turkey', '--key', keys.turkey, 'correct', pendingId,
        'lon=36.5601', 'lat=35.8349', 'actor=unknown gunners', '--reason', 'the village is 600 m north-east (web test)']).stdout;
      const m = /^review: correct (c[0-9a-f]{20}): index (\d+)$/m.exec(corrected);
      assert.ok(m, corrected);
      assert.equal(m[1], pendingId);
      const correctIndex = Number(m[2]);
      const listed = run(['review', '--server', server.url, 'list', '--status', 'all']).stdout;
      assert.match(listed, /^candidates: 3 \(pending 0, accepted 1, rejected 1, corrected 1\)$/m);
      assert.match(listed, new RegExp(`^${rejectId}  rejected `, 'm'));
      assert.match(listed, new RegExp(`^    entry ${correctIndex}: correct by turkey at .*"lat":35\\.8349.* -> report r[0-9a-f]{20}$`, 'm'));

      // The log: the three review entries verify, and ledger verify names them.
      const verify = run(['ledger', 'verify', '--db', db, '--parties', parties, '--log-key', server.logKey]).stdout;
      assert.match(verify, new RegExp(`^review entry ${acceptIndex} \\(party jmm\\): accept ${acceptId} -> report r${acceptId.slice(1)}: verified$`, 'm'));
      assert.match(verify, new RegExp(`^review entry ${rejectIndex} \\(party jmm\\): reject ${rejectId} \\(reason: ${REASON.replace(/[()]/g, '\\$&')}\\): verified$`, 'm'));
      assert.match(verify, new RegExp(`^review entry ${correctIndex} \\(party turkey\\): correct ${pendingId} -> report r[0-9a-f]{20}: verified$`, 'm'));
      assert.match(verify, /^ok: \d+ entries, root [0-9a-f]{64}$/m);

      // The accepted candidate is a report now and joins the incidents; the rejected one does not.
      const reports = (await (await fetch(`${baseUrl}/v1/reports`)).text()).trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(reports.some((r) => r.id === `r${acceptId.slice(1)}`), 'the accepted report is in /v1/reports');
      assert.ok(!reports.some((r) => r.id === `r${rejectId.slice(1)}`), 'the rejected one is not');
      // The app's incidents: one of those at the accepted report's place and time holds it (its
      // page lists the report); none holds the rejected one.
      const incidents = (await (await fetch(`${baseUrl}/v1/app/incidents`)).json()).incidents;
      assert.ok(incidents.length >= incidentsBefore);
      const near = (c) => incidents.filter((i) => i.lon !== null && Math.abs(i.lon - c.lon) < 0.1 && Math.abs(i.lat - c.lat) < 0.1);
      const holds = async (c) => {
        for (const i of near(c)) {
          const d = await (await fetch(`${baseUrl}/v1/app/incident/${encodeURIComponent(i.id)}`)).json();
          if (d.reports.some((r) => r.report.source && r.report.source.name === c.source.name && r.report.observed_at === c.observed_at)) return i;
        }
        return null;
      };
      const joined = await holds(CANDIDATES[0]);
      assert.ok(joined, 'an incident of the app holds the accepted report');
      // Its incident page says how it came in: accepted by the review entry, which is listed.
      const detail = await (await fetch(`${baseUrl}/v1/app/incident/${encodeURIComponent(joined.id)}`)).json();
      const item = detail.reports.find((r) => r.report.id === `r${acceptId.slice(1)}`);
      assert.equal(item.report.review_index, acceptIndex);
      assert.equal(item.review.index, acceptIndex);
      assert.ok(detail.ledger.some((e) => e.index === acceptIndex && e.type === 'review'), 'the review entry is among the ledger entries');
      await page.goto(`${baseUrl}/incident/${encodeURIComponent(joined.id)}`);
      await page.waitForSelector('[data-testid="incident-detail"]');
      assert.ok((await page.locator('[data-testid="incident-detail"]').textContent()).includes(`accepted from the review queue by \u2066jmm\u2069 (entry \u2066${acceptIndex}\u2069)`));
      await page.goto(`${baseUrl}/review`);
      assert.equal(await holds(CANDIDATES[1]), null, 'no incident holds the rejected candidate');
      const moved = { ...CANDIDATES[2], lon: 36.5601, lat: 35.8349 };
      const correctedIn = await holds(moved);
      assert.ok(correctedIn, 'an incident holds the corrected report');
      assert.ok(Math.abs(correctedIn.lat - 35.8349) < 0.05);

      // The page, reloaded: nothing pending; the corrected one in the history with its changes.
      await page.reload();
      await page.waitForSelector('[data-testid="review-queue"][data-count="0"]');
      const correctedCard = page.locator(`[data-testid="review-decided"][data-candidate-id="${pendingId}"]`);
      assert.equal(await correctedCard.getAttribute('data-status'), 'corrected');
      assert.ok((await correctedCard.textContent()).includes('35.8349'));
      assert.ok((await page.locator('[data-testid="review-history"]').textContent()).includes(REASON));

      await screenshot(page, 'review', { fullPage: true });
      await checkA11y(page);
    },
  ));
