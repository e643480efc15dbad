// The map page's data core (web/src/map-data.js) without a browser: the day index, the window
// and the filter semantics of docs/api.md (OR inside a parameter, AND across them, the window on
// the incident's `day`), and the URL state. Synthetic incidents written here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { IncidentIndex, dayNumber, dayString, stateFromQuery, queryFromState, exportUrl } from "../../web/src/map-data.js";

const meta = {
  kinds: ["shelling", "patrol"],
  verdicts: ["violation", "indeterminate", "compliant", "not_applicable"],
  source_types: ["media", "monitor"],
  actors: [{ id: "hts", name: "HTS", role: "group" }, { id: "turkey", name: "Turkey", role: "party" }],
};
function row(n, day, kind, verdict, extra = {}) {
  return { id: `i${n}`, n, day, first: `${day}T10:00:00Z`, kind, verdict, corroborated: false, lon: 36.5, lat: 35.5,
    precision_m: 1000, source_types: ["media"], actors: [], reports: 1, area: "x", ...extra };
}
const rows = [
  row(1, "2018-11-22", "shelling", "violation", { actors: ["hts"] }),
  row(2, "2018-11-23", "patrol", "compliant", { source_types: ["monitor"], corroborated: true }),
  row(3, "2018-11-24", "shelling", "indeterminate", { lon: null, lat: null }),
  row(4, "2018-11-24", "shelling", "violation", { source_types: ["media", "monitor"], actors: ["turkey", "hts"] }),
  row(5, "2018-11-24", "airstrike", "violation"), // a kind meta does not list: still counted
  row(6, "2018-11-27", "patrol", "not_applicable"),
];
const all = (ix) => ix.compile({});

test("days: numbers and strings round-trip; malformed days are refused", () => {
  assert.equal(dayString(dayNumber("2018-11-24")), "2018-11-24");
  assert.equal(dayNumber("2018-11-25") - dayNumber("2018-11-24"), 1);
  assert.equal(dayNumber("2019-01-01") - dayNumber("2018-12-31"), 1);
  assert.throws(() => dayNumber("2018-02-30"), /not a day/);
  assert.throws(() => dayNumber("24/11/2018"), /not a day/);
});

test("the window [D-L+1, D] selects by day, in n order", () => {
  const ix = new IncidentIndex(rows, meta);
  const d = dayNumber("2018-11-24");
  assert.deepEqual([...ix.select(d, d, all(ix))].map((i) => rows[i].n), [3, 4, 5]);
  assert.deepEqual([...ix.select(d - 2, d, all(ix))].map((i) => rows[i].n), [1, 2, 3, 4, 5]);
  assert.deepEqual([...ix.select(d + 1, d + 2, all(ix))], []); // a day with nothing (25, 26)
  assert.deepEqual([...ix.select(d - 30, d + 30, all(ix))].length, 6);
});

test("the index sorts by day even when the input is not", () => {
  const shuffled = [rows[5], rows[0], rows[3], rows[1], rows[4], rows[2]];
  const ix = new IncidentIndex(shuffled, meta);
  const d = dayNumber("2018-11-24");
  assert.deepEqual([...ix.select(d, d, all(ix))].map((i) => shuffled[i].n).sort(), [3, 4, 5]);
});

test("filters: OR inside a parameter, AND across, null = no condition, [] = nothing", () => {
  const ix = new IncidentIndex(rows, meta);
  const from = dayNumber("2018-11-20"), to = dayNumber("2018-11-30");
  const ns = (f) => [...ix.select(from, to, ix.compile(f))].map((i) => rows[i].n);
  assert.deepEqual(ns({ kinds: ["shelling"] }), [1, 3, 4]);
  assert.deepEqual(ns({ kinds: ["shelling", "airstrike"] }), [1, 3, 4, 5]);
  assert.deepEqual(ns({ kinds: ["shelling"], verdicts: ["violation"] }), [1, 4]);
  assert.deepEqual(ns({ source_types: ["monitor"] }), [2, 4]);
  assert.deepEqual(ns({ actors: ["turkey"] }), [4]);
  assert.deepEqual(ns({ actors: ["hts"] }), [1, 4]);
  assert.deepEqual(ns({ corroborated: true }), [2]);
  assert.deepEqual(ns({ kinds: [] }), []);
  assert.deepEqual(ns({ kinds: null, verdicts: null }), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(ns({ kinds: ["no-such-kind"] }), []);
});

test("more than 32 actors: the bit sets span several words", () => {
  const many = { ...meta, actors: Array.from({ length: 70 }, (_, k) => ({ id: `a${k}`, name: `A${k}`, role: "group" })) };
  const rs = [row(1, "2018-11-24", "shelling", "violation", { actors: ["a65"] }), row(2, "2018-11-24", "shelling", "violation", { actors: ["a3"] })];
  const ix = new IncidentIndex(rs, many);
  const d = dayNumber("2018-11-24");
  assert.equal(ix.acWords, 3);
  assert.deepEqual([...ix.select(d, d, ix.compile({ actors: ["a65"] }))], [0]);
  assert.deepEqual([...ix.select(d, d, ix.compile({ actors: ["a3", "a65"] }))], [0, 1]);
  assert.deepEqual([...ix.select(d, d, ix.compile({ actors: ["a33"] }))], []);
});

test("an empty store has an empty index", () => {
  const ix = new IncidentIndex([], meta);
  assert.equal(ix.n, 0);
  assert.deepEqual([...ix.select(0, 1e6, all(ix))], []);
});

test("URL state round-trips; export URLs carry the window and the filters", () => {
  const defaults = { date: "2018-11-30", window: 1, kinds: null, verdicts: null, source_types: null, actors: null, corroborated: false, hidden: [] };
  const s = stateFromQuery("?date=2018-11-24&window=3&kind=shelling,patrol&corroborated=true&hide=towns&view=9/35.5000/36.7000", defaults);
  assert.equal(s.date, "2018-11-24");
  assert.equal(s.window, 3);
  assert.deepEqual(s.kinds, ["shelling", "patrol"]);
  assert.equal(s.verdicts, null);
  assert.equal(s.corroborated, true);
  assert.deepEqual(s.hidden, ["towns"]);
  assert.deepEqual(s.view, { zoom: 9, lat: 35.5, lon: 36.7 });
  assert.equal(queryFromState(s), "date=2018-11-24&window=3&kind=shelling,patrol&corroborated=true&hide=towns&view=9/35.5000/36.7000");
  assert.equal(stateFromQuery("?window=5", defaults).window, 1); // not a window length offered
  assert.equal(exportUrl("gpkg", s), "/v1/app/export?format=gpkg&from=2018-11-22&to=2018-11-24&kind=shelling,patrol&corroborated=true");
  assert.equal(exportUrl("csv", { ...s, verdicts: [] }), null); // nothing selected: no export of everything
});

test('every string key of the map modules is in the English catalogue', async () => {
  const { readFileSync } = await import('node:fs');
  const root = new URL('../../', import.meta.url);
  const en = JSON.parse(readFileSync(new URL('web/i18n/en.json', root), 'utf8'));
  const missing = [];
  for (const f of ['map.js', 'layers.js', 'timeline.js']) {
    const text = readFileSync(new URL(`web/src/${f}`, root), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*["'](map\.[A-Za-z0-9_.]+)["']/g)) if (!(m[1] in en)) missing.push(`${f}: ${m[1]}`);
  }
  // the keys built from values: filters, verdicts, the report format's kinds and source types
  for (const p of ['verdict', 'kind', 'source_type', 'actor']) if (!(`map.filter_${p}` in en)) missing.push(`map.filter_${p}`);
  for (const v of meta.verdicts) if (!(`map.verdict.${v}` in en)) missing.push(`map.verdict.${v}`);
  for (const k of ['shelling', 'airstrike', 'armed_clash', 'weapon_sighting', 'group_presence', 'patrol', 'post_event',
    'uav_observation', 'civilian_harm', 'movement_restriction', 'withdrawal', 'other']) if (!(`map.kind.${k}` in en)) missing.push(`map.kind.${k}`);
  for (const s of ['monitor', 'party', 'media', 'ngo', 'social', 'other']) if (!(`map.source_type.${s}` in en)) missing.push(`map.source_type.${s}`);
  assert.deepEqual(missing, []);
});
