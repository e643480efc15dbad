// The review queue shows what an extracted candidate says about its own making (docs/extract.md):
// who claims it, conflicting figures side by side with their claimants, the words each field was
// read from with their character spans, and what the text leaves uncertain — so the reviewer
// decides on the source's words. A typed candidate (no evidence) shows no such section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, screenshot, checkA11y, skip } from './harness.mjs';

// Synthetic, in the candidate format of `truceline extract` (our own words).
const EXTRACTED = {
  observed_at: '2018-11-26', time_precision: 'day', lon: 36.80591, lat: 35.86447, location_precision_m: 2000,
  place: 'Saraqib', kind: 'shelling', actor: 'government forces', fatalities: 2,
  summary: 'Evidence web test: shelling on the edge of Saraqib, two or five dead depending on who tells it.',
  source: { name: 'Evidence Test Wire', type: 'media' }, status: 'candidate',
  claimed_by: 'a local monitoring group',
  claims: [
    { field: 'fatalities', value: 5, qualifier: 'more_than', claimed_by: 'a local monitoring group', text: 'more than five people', span: [120, 141] },
    { field: 'fatalities', value: 2, qualifier: 'exact', claimed_by: 'the provincial health office', text: 'two people', span: [190, 200] },
  ],
  evidence: {
    file: 'wire-2018-11-26.txt',
    event: { text: 'shelled', span: [40, 47], kind_rule: 'trigger:shelled' },
    place: { text: 'Saraqib', span: [70, 77], rule: 'cue:in' },
    time: { text: 'on Monday', span: [48, 57], rule: 'weekday' },
  },
  uncertain: ['actor: "government forces" names no party of the agreement by itself'],
};
const TYPED = {
  observed_at: '2018-11-26T06:11:00Z', lon: 36.6, lat: 35.7, kind: 'patrol',
  summary: 'Typed candidate without evidence (evidence web test).', source: { name: 'Evidence Test Monitor', type: 'monitor' },
};

test('an extracted candidate shows its claimant, its claims side by side, its words and what is uncertain', { skip }, () =>
  withApp(
    {
      setup: async ({ dir, db, run }) => {
        const file = join(dir, 'candidates.jsonl');
        writeFileSync(file, [EXTRACTED, TYPED].map((c) => JSON.stringify(c)).join('\n') + '\n');
        assert.match(run(['ingest', '--db', db, '--candidate', file]).stdout, /candidates 2, duplicates 0, quarantined 0/);
      },
    },
    async ({ page, baseUrl }) => {
      const all = (await (await fetch(`${baseUrl}/v1/app/candidates?status=all`)).json()).candidates;
      const extractedId = all.find((c) => c.report.kind === 'shelling').id;
      const typedId = all.find((c) => c.report.kind === 'patrol').id;
      await page.goto(`${baseUrl}/review`);
      await page.waitForSelector('[data-testid="review-queue"][data-count="2"]');
      const card = page.locator(`[data-testid="review-candidate"][data-candidate-id="${extractedId}"]`);
      const ev = card.locator('[data-testid="review-evidence"]');
      await ev.waitFor();
      assert.equal(await ev.locator('[data-testid="review-claimed-by"]').textContent(), 'Claimed by: a local monitoring group');
      const rows = ev.locator('[data-testid="review-claims"] tbody tr');
      assert.equal(await rows.count(), 2);
      assert.deepEqual(await rows.nth(0).locator('td').allTextContents(),
        ['fatalities', 'more than 5', 'a local monitoring group', 'more than five people [120–141]']);
      assert.deepEqual(await rows.nth(1).locator('td').allTextContents(),
        ['fatalities', '2', 'the provincial health office', 'two people [190–200]']);
      const words = await ev.locator('[data-testid="review-evidence-words"] li').allTextContents();
      assert.deepEqual(words, [
        'event: shelled [40–47] (trigger:shelled)',
        'place: Saraqib [70–77] (cue:in)',
        'time: on Monday [48–57] (weekday)',
      ]);
      assert.deepEqual(await ev.locator('[data-testid="review-uncertain"] li').allTextContents(), [EXTRACTED.uncertain[0]]);
      assert.equal(
        await page.locator(`[data-testid="review-candidate"][data-candidate-id="${typedId}"] [data-testid="review-evidence"]`).count(), 0,
        'a candidate without evidence has no evidence section');
      await checkA11y(page);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'review-evidence', { minColours: 3 });
    },
  ));
