// The map page's data core: the incidents of GET /v1/app/incidents packed into typed arrays with
// a per-day index, and the filter of the map (the same semantics as the server's app::Filter,
// docs/api.md: OR inside a parameter, AND across parameters, the window on the incident's `day`).
//
// Why typed arrays: a slider move or a filter change must re-render in < 100 ms with 100,000
// reports. Selecting the window is a slice of a day-sorted index (O(incidents in the window)),
// and each filter test is an array lookup, never an object walk or a DOM query per incident.
// Nothing here touches the DOM: node's test runner loads this module as it is.

const DAY_MS = 86400000;

// "YYYY-MM-DD" -> whole days since 1970-01-01 (a calendar day number; no timezone involved).
export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) throw new Error(`not a day (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Error(`not a day (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return Math.round(t / DAY_MS);
}

// whole days since 1970-01-01 -> "YYYY-MM-DD"
export function dayString(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// A list of names -> {names, code: Map(name -> small integer)}; names sorted as given.
function dictionary(names) {
  const code = new Map();
  names.forEach((n) => { if (!code.has(n)) code.set(n, code.size); });
  return { names: [...code.keys()], code };
}

// Packs `incidents` (the array of GET /v1/app/incidents) with the vocabularies of
// GET /v1/app/meta (kinds, verdicts, source_types, actors). Values missing from meta's lists are
// added (never dropped: an incident of an unlisted kind still counts).
export class IncidentIndex {
  constructor(incidents, meta) {
    const n = incidents.length;
    this.rows = incidents;
    this.n = n;
    this.kinds = dictionary([...(meta.kinds || []), ...incidents.map((r) => r.kind)]);
    this.verdicts = dictionary([...(meta.verdicts || []), ...incidents.map((r) => r.verdict)]);
    this.sourceTypes = dictionary([...(meta.source_types || []), ...incidents.flatMap((r) => r.source_types || [])]);
    this.actors = dictionary([...(meta.actors || []).map((a) => a.id), ...incidents.flatMap((r) => r.actors || [])]);
    this.kind = new Uint16Array(n);
    this.verdict = new Uint8Array(n);
    this.corroborated = new Uint8Array(n);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.precision = new Float32Array(n);
    this.day = new Int32Array(n);
    // source types and actors: bit sets, `words` 32-bit words per incident
    this.stWords = Math.max(1, Math.ceil(this.sourceTypes.names.length / 32));
    this.acWords = Math.max(1, Math.ceil(this.actors.names.length / 32));
    this.st = new Uint32Array(n * this.stWords);
    this.ac = new Uint32Array(n * this.acWords);
    let minDay = Infinity, maxDay = -Infinity;
    for (let i = 0; i < n; i++) {
      const r = incidents[i];
      this.kind[i] = this.kinds.code.get(r.kind);
      this.verdict[i] = this.verdicts.code.get(r.verdict);
      this.corroborated[i] = r.corroborated ? 1 : 0;
      const located = typeof r.lon === "number" && typeof r.lat === "number";
      this.lon[i] = located ? r.lon : NaN;
      this.lat[i] = located ? r.lat : NaN;
      this.precision[i] = typeof r.precision_m === "number" ? r.precision_m : 0;
      const d = dayNumber(r.day);
      this.day[i] = d;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
      for (const s of r.source_types || []) {
        const c = this.sourceTypes.code.get(s);
        this.st[i * this.stWords + (c >>> 5)] |= 1 << (c & 31);
      }
      for (const a of r.actors || []) {
        const c = this.actors.code.get(a);
        this.ac[i * this.acWords + (c >>> 5)] |= 1 << (c & 31);
      }
    }
    // Day index: `order` lists incident indexes by day (stable: by n inside a day);
    // dayStart[d - firstDay] .. dayStart[d - firstDay + 1] are day d's.
    this.firstDay = n ? minDay : 0;
    this.lastDay = n ? maxDay : -1;
    const days = this.lastDay - this.firstDay + 1;
    const counts = new Int32Array(days + 1);
    for (let i = 0; i < n; i++) counts[this.day[i] - this.firstDay + 1]++;
    for (let d = 0; d < days; d++) counts[d + 1] += counts[d];
    this.dayStart = counts.slice();
    const fill = counts.slice(0, days);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[fill[this.day[i] - this.firstDay]++] = i;
  }

  // The positions in `order` of the incidents with day in [from, to] (day numbers, inclusive).
  range(from, to) {
    const a = Math.max(from, this.firstDay), b = Math.min(to, this.lastDay);
    if (a > b) return [0, 0];
    return [this.dayStart[a - this.firstDay], this.dayStart[b - this.firstDay + 1]];
  }

  // A compiled filter: for each list parameter a lookup (null = no condition, as the server's
  // empty set); `filter` = {kinds, verdicts, source_types, actors: arrays of names or null,
  // corroborated: bool}.
  compile(filter) {
    const table = (list, dict) => {
      if (list == null) return null;
      const t = new Uint8Array(dict.names.length);
      for (const name of list) { const c = dict.code.get(name); if (c !== undefined) t[c] = 1; }
      return t;
    };
    const mask = (list, dict, words) => {
      if (list == null) return null;
      const m = new Uint32Array(words);
      for (const name of list) { const c = dict.code.get(name); if (c !== undefined) m[c >>> 5] |= 1 << (c & 31); }
      return m;
    };
    return {
      kind: table(filter.kinds, this.kinds),
      verdict: table(filter.verdicts, this.verdicts),
      st: mask(filter.source_types, this.sourceTypes, this.stWords),
      ac: mask(filter.actors, this.actors, this.acWords),
      corroborated: !!filter.corroborated,
    };
  }

  // Does incident i pass the compiled filter f?
  passes(i, f) {
    if (f.kind && !f.kind[this.kind[i]]) return false;
    if (f.verdict && !f.verdict[this.verdict[i]]) return false;
    if (f.corroborated && !this.corroborated[i]) return false;
    if (f.st) {
      let any = 0;
      const base = i * this.stWords;
      for (let w = 0; w < this.stWords; w++) any |= this.st[base + w] & f.st[w];
      if (!any) return false;
    }
    if (f.ac) {
      let any = 0;
      const base = i * this.acWords;
      for (let w = 0; w < this.acWords; w++) any |= this.ac[base + w] & f.ac[w];
      if (!any) return false;
    }
    return true;
  }

  // The incidents with day in [from, to] that pass the compiled filter `f` (compile()), as an
  // Int32Array of incident indexes in n order (time order).
  select(from, to, f) {
    const [a, b] = this.range(from, to);
    const out = new Int32Array(b - a);
    let k = 0;
    for (let p = a; p < b; p++) {
      const i = this.order[p];
      if (this.passes(i, f)) out[k++] = i;
    }
    return out.subarray(0, k);
  }
}

// The URL query <-> view state. `state` = {date, window, kinds, verdicts, source_types, actors,
// corroborated, hidden (layer toggles switched off), view ({zoom, lat, lon}), focus (an incident
// id to show once: `incident=`, not written back)}; a filter list is null when every value is
// selected (no condition), [] when none is. `day=` is read as `date=`.
export const WINDOWS = [1, 3, 7];
const LIST_PARAMS = [["kinds", "kind"], ["verdicts", "verdict"], ["source_types", "source_type"], ["actors", "actor"]];

export function stateFromQuery(search, defaults) {
  const q = new URLSearchParams(search);
  const s = { ...defaults };
  if (q.has("date")) s.date = q.get("date");
  else if (q.has("day")) s.date = q.get("day"); // the incident page's "Show on the map" link
  if (q.has("incident")) s.focus = q.get("incident"); // centre on it, open its popup (not kept)
  if (q.has("window")) { const w = parseInt(q.get("window"), 10); if (WINDOWS.includes(w)) s.window = w; }
  for (const [key, param] of LIST_PARAMS) {
    if (q.has(param)) { const v = q.get(param); s[key] = v === "" ? [] : v.split(","); }
  }
  if (q.has("corroborated")) s.corroborated = ["true", "1"].includes(q.get("corroborated"));
  if (q.has("hide")) s.hidden = q.get("hide").split(",").filter(Boolean);
  if (q.has("view")) {
    const m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(q.get("view"));
    if (m) s.view = { zoom: +m[1], lat: +m[2], lon: +m[3] };
  }
  return s;
}

// The query string of a state (without "?"); `withView` adds the map's centre and zoom.
export function queryFromState(s, withView = true) {
  const q = new URLSearchParams();
  if (s.date) q.set("date", s.date);
  q.set("window", String(s.window));
  for (const [key, param] of LIST_PARAMS) if (s[key] != null) q.set(param, s[key].join(","));
  if (s.corroborated) q.set("corroborated", "true");
  if (s.hidden && s.hidden.length) q.set("hide", s.hidden.join(","));
  if (withView && s.view) q.set("view", `${s.view.zoom}/${s.view.lat.toFixed(4)}/${s.view.lon.toFixed(4)}`);
  return readable(q);
}

// The export endpoint's URL for a format and a state (docs/api.md: from/to are the window).
// null when a list filter selects nothing (the server reads an empty list as "no condition",
// which would export everything, not the empty view).
export function exportUrl(format, s) {
  for (const [key] of LIST_PARAMS) if (s[key] != null && s[key].length === 0) return null;
  const to = dayNumber(s.date);
  const q = new URLSearchParams();
  q.set("format", format);
  q.set("from", dayString(to - s.window + 1));
  q.set("to", s.date);
  for (const [key, param] of LIST_PARAMS) if (s[key] != null) q.set(param, s[key].join(","));
  if (s.corroborated) q.set("corroborated", "true");
  return "/v1/app/export?" + readable(q);
}

// URLSearchParams escapes ",", "/" and ":", which RFC 3986 allows in a query: kept readable.
function readable(q) {
  return q.toString().replace(/%2C/gi, ",").replace(/%2F/gi, "/").replace(/%3A/gi, ":");
}
