// The string catalogues (web/i18n/*.json; no browser needed): every language of languages.json
// has a catalogue with exactly English's keys, the same {placeholders} in each string, and every
// key a page passes literally to t('...') exists. A translation is complete or this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness.mjs';

const dir = join(repoRoot, 'web/i18n');
const load = (code) => JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8'));
const placeholders = (s) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

test('every catalogue has English keys and placeholders', () => {
  const languages = JSON.parse(readFileSync(join(dir, 'languages.json'), 'utf8'));
  assert.ok(languages.en, 'English is offered');
  for (const [code, l] of Object.entries(languages)) {
    assert.ok(l.name && ['ltr', 'rtl'].includes(l.dir), `${code}: name and dir (ltr|rtl)`);
  }
  assert.equal(languages.ar.dir, 'rtl');
  const en = load('en');
  for (const code of Object.keys(languages)) {
    const cat = load(code);
    const missing = Object.keys(en).filter((k) => !(k in cat));
    const extra = Object.keys(cat).filter((k) => !(k in en));
    assert.deepEqual(missing, [], `${code}.json lacks these keys of en.json`);
    assert.deepEqual(extra, [], `${code}.json has keys en.json does not`);
    for (const [k, v] of Object.entries(cat)) {
      assert.equal(typeof v, 'string', `${code}: ${k}`);
      assert.ok(v.length > 0, `${code}: ${k} is empty`);
      assert.deepEqual(placeholders(v), placeholders(en[k]), `${code}: ${k}: placeholders differ from English`);
    }
  }
  // Every catalogue file is offered (a file nobody can choose is a mistake).
  for (const f of readdirSync(dir)) {
    if (f === 'languages.json' || !f.endsWith('.json')) continue;
    assert.ok(languages[f.replace(/\.json$/, '')], `${f} is not in languages.json`);
  }
});

test("every literal t('key') of web/src exists in en.json", () => {
  const en = load('en');
  const src = join(repoRoot, 'web/src');
  const missing = [];
  // i18n.js defines t() (its comments show it with example keys).
  for (const f of readdirSync(src).filter((x) => x.endsWith('.js') && x !== 'i18n.js')) {
    const text = readFileSync(join(src, f), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) if (!(m[1] in en)) missing.push(`${f}: ${m[1]}`);
    for (const m of text.matchAll(/data-i18n(?:-aria-label)?="([A-Za-z0-9_.]+)"/g)) if (!(m[1] in en)) missing.push(`${f}: ${m[1]}`);
  }
  const html = readFileSync(join(repoRoot, 'web/index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n(?:-aria-label)?="([A-Za-z0-9_.]+)"/g)) if (!(m[1] in en)) missing.push(`index.html: ${m[1]}`);
  assert.deepEqual(missing, []);
});
