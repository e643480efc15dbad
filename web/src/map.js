// The map page (`/`, docs/web.md "The map"): the agreement's layers of the selected day over an
// offline Natural Earth base, the incidents of the time window after the filters (clusters at
// low zoom, verdict shapes, uncertainty discs), GeoNames towns, the day slider with the reports
// histogram, the incident list, the export links. The view lives in the URL query
// (?date=&window=&kind=&verdict=&source_type=&actor=&corroborated=&hide=&view=).
//
// Re-render budget: a slider move or a filter change runs update() synchronously: a slice of the
// day index, the filter over typed arrays, one canvas pass, the count and a capped list — never
// a DOM node per incident on the map. Each update is measured (performance.measure
// "tl-map-render") and the first drawn incidents are marked ("tl-map-first-incidents") for the
// browser benchmark (bench/web-map.mjs).
/* global L */

import { IncidentIndex, dayNumber, dayString, stateFromQuery, queryFromState, exportUrl } from "./map-data.js";
import { createTimeline } from "./timeline.js";
import { createOverlay, baseLayers, agreementLayers, verdictStyle, drawShape, VERDICT_STYLE } from "./layers.js";

const VENDOR = "/assets/vendor";
const LIST_PAGE = 50; // rows of the incident list at first (and per "show more"); the count and the map hold every incident
const BASE_MARGIN_DEG = 12;
const URL_DELAY_MS = 150; // the view is written to the URL this long after the last change

export async function mount(root, ctx) {
  const { api, t } = ctx;
  const perf = (window.__tlMap = { renders: [], firstIncidents: null, ready: false });
  performance.mark("tl-map-mount");
  const cleanup = [];

  root.classList.add("tl-map-page");
  root.innerHTML = "";
  const side = el("aside", "tl-side");
  side.setAttribute("aria-label", t("map.controls"));
  const mapDiv = el("div", "tl-map");
  mapDiv.setAttribute("data-testid", "map");
  mapDiv.setAttribute("role", "region");
  mapDiv.setAttribute("aria-label", t("map.map_label"));
  root.append(side, mapDiv);
  const status = el("p", "tl-status");
  status.setAttribute("role", "status");
  status.textContent = t("map.loading");
  side.append(status);

  // Everything is fetched at once; the incidents are drawn as soon as meta and incidents are in,
  // the base layer and the towns when they arrive.
  const libs = loadLibraries();
  const metaP = ctx.meta && ctx.meta.histogram ? Promise.resolve(ctx.meta) : api.get("/v1/app/meta");
  const incidentsP = api.get("/v1/app/incidents");
  const townsP = api.get("/v1/app/towns").catch((e) => ({ error: e }));
  const atlasP = fetch(`${VENDOR}/world-atlas/countries-10m.json`).then((r) => {
    if (!r.ok) throw new Error(`world-atlas: HTTP ${r.status}`);
    return r.json();
  });
  atlasP.catch(() => {}); // reported below, where it is awaited
  const [meta, inc] = await Promise.all([metaP, incidentsP, libs]);
  if (!window.L || !window.topojson) throw new Error(t("map.libraries_failed"));

  if (!meta.span) {
    status.textContent = t("map.empty_store");
  }
  const span = meta.span || { first: todayLocal(), last: todayLocal() };
  const defaults = {
    date: span.last, window: 1, kinds: null, verdicts: null, source_types: null, actors: null,
    corroborated: false, hidden: [], view: null,
  };
  const state = stateFromQuery(location.search, defaults);
  // A date in the link that is not a day of the store's span is shown moved, and the page says
  // so (never silently: a shared link must not show another day than it names without a word).
  let dateMoved = null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(state.date) || state.date < span.first || state.date > span.last) {
    const asked = state.date;
    state.date = /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked < span.first ? span.first : span.last;
    if (meta.span) dateMoved = t("map.date_moved", { asked: `\u2066${asked}\u2069`, shown: `\u2066${state.date}\u2069`, first: `\u2066${span.first}\u2069`, last: `\u2066${span.last}\u2069` });
  }
  performance.mark("tl-map-data");
  const index = new IncidentIndex(inc.incidents || [], meta);
  // ?incident=ID: its day (unless the URL names one) and, when located, a close view of it
  const query = new URLSearchParams(location.search);
  let focus = state.focus ? index.rows.findIndex((r) => r.id === state.focus) : -1;
  delete state.focus;
  if (focus >= 0) {
    const r = index.rows[focus];
    if (!query.has("date") && !query.has("day")) state.date = r.day;
    if (!state.view && typeof r.lon === "number") state.view = { zoom: 12, lat: r.lat, lon: r.lon };
    if (typeof r.lon !== "number") focus = -1;
  }
  const tz = inc.timezone || (meta.agreement && meta.agreement.timezone) || "UTC";

  // ---- the map
  const renderer = L.canvas({ padding: 0.2 });
  const map = L.map(mapDiv, {
    preferCanvas: true, renderer, zoomSnap: 1, attributionControl: false, zoomControl: false, keyboard: true, minZoom: 3, maxZoom: 15,
  });
  L.control.zoom({ zoomInTitle: t("map.zoom_in"), zoomOutTitle: t("map.zoom_out") }).addTo(map);
  // Fetches still in flight when the page is left (the towns, the base map, a day's layers, the
  // store check) must not touch the removed map: every continuation below checks `alive`.
  let alive = true;
  cleanup.push(() => { alive = false; map.remove(); });
  map.createPane("tl-base").style.zIndex = 150;
  map.createPane("tl-incidents").style.zIndex = 450;
  map.getPane("tl-incidents").style.pointerEvents = "none";
  const baseRenderer = L.canvas({ pane: "tl-base", padding: 0.3 });
  L.control.scale({ metric: true, imperial: false, position: "bottomleft" }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>' })
    .addAttribution(esc(t("map.attribution")))
    .addTo(map);
  // The first view: the agreement's box; an agreement that draws nothing: the located incidents'
  // box; nothing located either: the world (never a guessed region).
  let bbox = meta.bbox;
  if (!bbox) {
    let w = 180, s = 90, e = -180, n = -90;
    for (let i = 0; i < index.n; i++) {
      const lon = index.lon[i], lat = index.lat[i];
      if (lon !== lon) continue;
      if (lon < w) w = lon; if (lon > e) e = lon; if (lat < s) s = lat; if (lat > n) n = lat;
    }
    bbox = w <= e ? [w, s, e, n] : null;
  }
  if (state.view) map.setView([state.view.lat, state.view.lon], state.view.zoom);
  else if (bbox) map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { padding: [10, 10], maxZoom: 12 });
  else map.setView([20, 0], 3);

  let popup = null;
  const overlay = createOverlay(map, {
    onIncidentClick: (i, latlng) => openPopup(i, latlng),
    onClusterClick: (cell, latlng) => openClusterPopup(cell, latlng),
  });
  overlay.setIncidents(index);
  overlay.addTo(map);

  // ---- the side panel
  if (dateMoved) status.textContent = dateMoved; // the link's date was outside the span
  else if (meta.span) status.remove(); // else it says the store is empty
  const title = el("h1", "tl-title");
  title.textContent = t("map.title"); // the agreement's title is in the shell's header
  side.append(title);

  const timeBox = el("section", "tl-section");
  timeBox.setAttribute("aria-label", t("map.time"));
  side.append(timeBox);
  const timeline = createTimeline(timeBox, {
    t, histogram: meta.histogram, span, state,
    onChange: ({ date, window: w }, source) => {
      const dateChanged = date !== state.date;
      state.date = date; state.window = w;
      update(source);
      if (dateChanged) loadLayers(date);
    },
  });
  cleanup.push(() => timeline.destroy());

  const countP = el("p", "tl-count");
  const count = el("span", "tl-count-n");
  count.setAttribute("data-testid", "incident-count");
  count.setAttribute("aria-live", "polite");
  const countText = el("span");
  countP.append(count, " ", countText);
  const countNote = el("p", "tl-note");
  side.append(countP, countNote);

  // filters
  const filterBox = el("section", "tl-section tl-filters");
  const fh = el("h2"); fh.textContent = t("map.filters");
  filterBox.append(fh);
  // A value of the data's vocabularies (report-format.md) by its catalogue entry; a value the
  // catalogue does not know is shown as it is (never hidden).
  const known = new Set(Object.keys(VERDICT_STYLE));
  const vocab = (key, raw) => { const s = t(key); return s === key ? raw.replace(/_/g, " ") : s; };
  const verdictLabel = (v) => (known.has(v) ? t(`map.verdict.${v}`) : v.replace(/_/g, " "));
  const kindLabel = (k) => vocab(`map.kind.${k}`, k);
  const groups = [
    ["verdicts", "verdict", index.verdicts.names, verdictLabel, true],
    ["kinds", "kind", index.kinds.names, kindLabel, false],
    ["source_types", "source_type", index.sourceTypes.names, (s) => vocab(`map.source_type.${s}`, s), false],
    ["actors", "actor", index.actors.names, actorLabel(meta), false],
  ];
  const boxes = {};
  for (const [key, param, names, label, withShape] of groups) {
    const fs = el("fieldset", "tl-filter");
    const lg = el("legend"); lg.textContent = t(`map.filter_${param}`);
    fs.append(lg);
    const all = el("button", "tl-link-button"); all.type = "button"; all.textContent = t("map.all");
    const none = el("button", "tl-link-button"); none.type = "button"; none.textContent = t("map.none");
    all.setAttribute("aria-label", t("map.all_of", { what: lg.textContent }));
    none.setAttribute("aria-label", t("map.none_of", { what: lg.textContent }));
    const bar = el("div", "tl-filter-bar"); bar.append(all, none);
    fs.append(bar);
    boxes[key] = [];
    if (!names.length) { const p = el("p", "tl-note"); p.textContent = t("map.none_in_store"); fs.append(p); }
    for (const name of names) {
      const lab = el("label", "tl-check");
      const cb = el("input"); cb.type = "checkbox"; cb.value = name;
      cb.checked = state[key] == null || state[key].includes(name);
      cb.setAttribute("data-testid", `filter-${param}-${name}`);
      lab.append(cb);
      if (withShape) lab.append(shapeIcon(name));
      const span_ = el("span"); span_.textContent = label(name);
      lab.append(span_);
      fs.append(lab);
      boxes[key].push(cb);
      cb.addEventListener("change", () => { readFilter(key); update("filter"); });
    }
    all.addEventListener("click", () => { boxes[key].forEach((c) => (c.checked = true)); readFilter(key); update("filter"); });
    none.addEventListener("click", () => { boxes[key].forEach((c) => (c.checked = false)); readFilter(key); update("filter"); });
    filterBox.append(fs);
  }
  const corrLab = el("label", "tl-check");
  const corr = el("input"); corr.type = "checkbox"; corr.checked = !!state.corroborated;
  corr.setAttribute("data-testid", "filter-corroborated");
  const corrSpan = el("span"); corrSpan.textContent = t("map.corroborated_only");
  corrLab.append(corr, corrSpan);
  filterBox.append(corrLab);
  corr.addEventListener("change", () => { state.corroborated = corr.checked; update("filter"); });
  function readFilter(key) {
    const on = boxes[key].filter((c) => c.checked).map((c) => c.value);
    state[key] = on.length === boxes[key].length ? null : on;
  }

  // layer toggles (+ the legend of the map's symbols)
  const layerBox = el("section", "tl-section tl-layers");
  const lh = el("h2"); lh.textContent = t("map.layers");
  layerBox.append(lh);
  const toggles = new Map();
  const hidden = new Set(state.hidden || []);
  const addToggle = (id, text, swatch) => {
    if (toggles.has(id)) return toggles.get(id);
    const lab = el("label", "tl-check");
    const cb = el("input"); cb.type = "checkbox"; cb.checked = !hidden.has(id);
    cb.setAttribute("data-testid", `layer-toggle-${id.replace(/[^A-Za-z0-9_-]+/g, "-")}`);
    const sw = el("span", `tl-swatch tl-swatch-${swatch}`); sw.setAttribute("aria-hidden", "true");
    const s = el("span"); s.textContent = text;
    lab.append(cb, sw, s);
    layerBox.append(lab);
    toggles.set(id, cb);
    cb.addEventListener("change", () => {
      if (cb.checked) hidden.delete(id); else hidden.add(id);
      state.hidden = [...hidden];
      applyToggles();
      scheduleUrl();
    });
    return cb;
  };
  addToggle("incidents", t("map.layer_incidents"), "incident");
  addToggle("zones", t("map.layer_zones"), "zone");
  for (const r of meta.readings || []) {
    addToggle(`reading:${r.zone}:${r.id}`, t("map.layer_reading", { zone: r.zone, label: r.label || r.id }), "reading");
  }
  addToggle("lines", t("map.layer_lines"), "line");
  addToggle("posts", t("map.layer_posts"), "post");
  addToggle("patrols", t("map.layer_patrols"), "patrol");
  addToggle("towns", t("map.layer_towns"), "town");
  addToggle("base", t("map.layer_base"), "base");
  const notDrawnNote = el("p", "tl-note tl-not-drawn");
  notDrawnNote.setAttribute("role", "status");
  layerBox.append(notDrawnNote);

  const legend = el("section", "tl-section tl-legend");
  const lgh = el("h2"); lgh.textContent = t("map.legend");
  legend.append(lgh);
  const ul = el("ul");
  for (const v of Object.keys(VERDICT_STYLE)) {
    const li = el("li"); li.append(shapeIcon(v)); const s = el("span"); s.textContent = verdictLabel(v); li.append(s); ul.append(li);
  }
  for (const [cls, key] of [["cluster", "map.legend_cluster"], ["disc", "map.legend_disc"], ["fan", "map.legend_fan"]]) {
    const li = el("li"); const sw = el("span", `tl-swatch tl-swatch-${cls}`); sw.setAttribute("aria-hidden", "true");
    const s = el("span"); s.textContent = t(key); li.append(sw, s); ul.append(li);
  }
  legend.append(ul);

  // export
  const exportBox = el("section", "tl-section tl-export");
  const eh = el("h2"); eh.textContent = t("map.export");
  const exportNote = el("p", "tl-note");
  exportBox.append(eh);
  const exportLinks = {};
  for (const [fmt, key] of [["geojson", "map.export_geojson"], ["csv", "map.export_csv"], ["gpkg", "map.export_gpkg"]]) {
    const a = el("a", "tl-button");
    a.textContent = t(key);
    a.setAttribute("data-testid", `export-${fmt}`);
    a.setAttribute("download", "");
    exportLinks[fmt] = a;
    exportBox.append(a, " ");
  }
  exportBox.append(exportNote);

  // incident list
  const listBox = el("section", "tl-section tl-list");
  const lih = el("h2"); lih.id = "tl-list-h"; lih.textContent = t("map.incidents");
  const table = el("table", "tl-incidents");
  table.setAttribute("data-testid", "incident-list");
  table.setAttribute("aria-labelledby", "tl-list-h");
  const colgroup = el("colgroup");
  colgroup.innerHTML = '<col class="tl-col-n"><col class="tl-col-time"><col class="tl-col-kind"><col class="tl-col-verdict"><col class="tl-col-area">';
  const thead = el("thead");
  thead.innerHTML = "<tr>" + ["map.col_n", "map.col_time", "map.col_kind", "map.col_verdict", "map.col_area"]
    .map((k) => `<th scope="col">${esc(t(k))}</th>`).join("") + "</tr>";
  const tbody = el("tbody");
  table.append(colgroup, thead, tbody);
  const listNote = el("p", "tl-note");
  const more = el("button", "tl-play tl-more");
  more.type = "button";
  more.setAttribute("data-testid", "list-more");
  more.hidden = true;
  listBox.append(lih, table, listNote, more);
  tbody.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-id]");
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    ctx.navigate(`/incident/${encodeURIComponent(a.dataset.id)}`);
  });

  side.append(filterBox, listBox, exportBox, layerBox, legend);

  // ---- rendering
  const fmtTime = timeFormatter(tz);
  function update(source) {
    const t0 = performance.now();
    const to = dayNumber(state.date), from = to - state.window + 1;
    const sel = index.select(from, to, index.compile(state));
    const tSelect = performance.now();
    overlay.setSelection(sel);
    const tMap = performance.now();
    count.textContent = String(sel.length);
    countText.textContent = t("map.count_text", { n: sel.length, from: ltr(dayString(from)), to: ltr(state.date) });
    let unlocated = 0;
    for (let k = 0; k < sel.length; k++) if (index.lon[sel[k]] !== index.lon[sel[k]]) unlocated++;
    countNote.textContent = unlocated ? t("map.unlocated", { n: unlocated }) : "";
    renderList(sel);
    const tList = performance.now();
    for (const [fmt, a] of Object.entries(exportLinks)) {
      const url = exportUrl(fmt, state);
      if (url) { a.href = url; a.removeAttribute("aria-disabled"); }
      else { a.removeAttribute("href"); a.setAttribute("aria-disabled", "true"); }
    }
    exportNote.textContent = exportUrl("csv", state) ? t("map.export_note", { from: ltr(dayString(from)), to: ltr(state.date) }) : t("map.export_none");
    const t1 = performance.now();
    // The URL a little later (URL_DELAY_MS): history.replaceState costs 8–60 ms in Chromium (a
    // synchronous round trip to the browser process), more than the re-render, and Chromium
    // throttles a page that changes its history more than ~200 times in 10 s (a dragged slider).
    scheduleUrl();
    performance.measure("tl-map-render", { start: t0, end: t1, detail: source });
    // the parts: the filter over the day index, the map's canvas, the list (and count), the rest
    const parts = { select: tSelect - t0, map: tMap - tSelect, list: tList - tMap, rest: t1 - tList };
    perf.last = { source, ms: t1 - t0, incidents: sel.length, parts };
    perf.renders.push(perf.last);
    if (perf.renders.length > 200) perf.renders.shift();
  }
  // The list shows LIST_PAGE rows, LIST_PAGE more per click of "show more": a long table costs
  // the browser its layout on every re-render (~50 ms for 200 rows on a loaded machine).
  let listSel = new Int32Array(0);
  let listShown = 0;
  function rowsHtml(from, to) {
    let html = "";
    for (let k = from; k < to; k++) {
      const r = index.rows[listSel[k]];
      const v = r.verdict;
      html += `<tr><td><a href="/incident/${esc(encodeURIComponent(r.id))}" data-id="${esc(r.id)}" aria-label="${esc(t("map.open_incident", { n: r.n }))}">${r.n}</a></td>`
        + `<td>${esc(fmtTime(r.first))}</td><td>${esc(kindLabel(r.kind))}</td>`
        + `<td><span class="tl-verdict tl-verdict-${esc(v)}">${esc(verdictLabel(v))}</span></td>`
        + `<td>${esc(r.area || t("map.location_unknown"))}</td></tr>`;
    }
    return html;
  }
  function listStatus() {
    const n = listSel.length;
    listNote.textContent = n > listShown ? t("map.list_capped", { shown: listShown, n }) : n ? "" : t("map.list_empty");
    more.hidden = n <= listShown;
    more.textContent = t("map.list_more", { n: Math.min(LIST_PAGE, n - listShown) });
  }
  function renderList(sel) {
    listSel = sel;
    listShown = Math.min(sel.length, LIST_PAGE);
    tbody.innerHTML = rowsHtml(0, listShown);
    listStatus();
  }
  more.addEventListener("click", () => {
    const to = Math.min(listSel.length, listShown + LIST_PAGE);
    tbody.insertAdjacentHTML("beforeend", rowsHtml(listShown, to));
    listShown = to;
    listStatus();
  });
  let urlTimer = null;
  function scheduleUrl() {
    if (urlTimer === null) urlTimer = setTimeout(() => { urlTimer = null; writeUrl(); }, URL_DELAY_MS);
  }
  cleanup.push(() => clearTimeout(urlTimer));
  const mountPath = location.pathname;
  function writeUrl() {
    if (location.pathname !== mountPath) return; // another page's URL: not ours to write
    const c = map.getCenter();
    state.view = { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
    const q = queryFromState(state);
    const url = `${location.pathname}?${q}`;
    if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
  }
  map.on("moveend", scheduleUrl);

  function openPopup(i, latlng) {
    const r = index.rows[i];
    const div = el("div", "tl-popup");
    const h = el("strong"); h.textContent = t("map.popup_title", { n: r.n, kind: kindLabel(r.kind) });
    const p1 = el("div"); p1.append(shapeIcon(r.verdict), " ", verdictLabel(r.verdict));
    const p2 = el("div"); p2.textContent = fmtTime(r.first);
    const p3 = el("div"); p3.textContent = r.area || t("map.location_unknown");
    const p4 = el("div"); p4.textContent = t("map.popup_reports", { n: r.reports, corroborated: r.corroborated ? t("map.corroborated") : t("map.single_source") });
    const a = el("a"); a.href = `/incident/${encodeURIComponent(r.id)}`; a.textContent = t("map.open_page");
    a.addEventListener("click", (e) => { e.preventDefault(); ctx.navigate(`/incident/${encodeURIComponent(r.id)}`); });
    div.append(h, p1, p2, p3, p4, a);
    if (popup) map.closePopup(popup);
    popup = L.popup({ maxWidth: 280 }).setLatLng(latlng).setContent(div).openOn(map);
  }

  function openClusterPopup(cell, latlng) {
    const div = el("div", "tl-popup");
    const h = el("strong"); h.textContent = t("map.cluster_title", { n: cell.length });
    const ol = el("ul", "tl-popup-list");
    for (const i of cell.slice(0, 25)) {
      const r = index.rows[i];
      const li = el("li");
      const a = el("a"); a.href = `/incident/${encodeURIComponent(r.id)}`;
      a.textContent = t("map.popup_title", { n: r.n, kind: kindLabel(r.kind) });
      a.addEventListener("click", (e) => { e.preventDefault(); ctx.navigate(`/incident/${encodeURIComponent(r.id)}`); });
      li.append(shapeIcon(r.verdict), " ", a);
      ol.append(li);
    }
    div.append(h, ol);
    if (cell.length > 25) { const p = el("div"); p.textContent = t("map.cluster_more", { n: cell.length - 25 }); div.append(p); }
    if (popup) map.closePopup(popup);
    popup = L.popup({ maxWidth: 300, maxHeight: 260 }).setLatLng(latlng).setContent(div).openOn(map);
  }

  // ---- the agreement's layers of the selected day (fetched per day, cached; not part of the
  // measured re-render: they change a few times over the span)
  let layerGroups = new Map();
  let layersKey = null;
  let layersWanted = null;
  const layerCache = new Map();
  async function loadLayers(date) {
    layersWanted = date;
    let p = layerCache.get(date);
    if (!p) { p = api.get(`/v1/app/layers?date=${date}`); layerCache.set(date, p); }
    let fc;
    try { fc = await p; } catch (e) { layerCache.delete(date); if (!alive) return; console.warn(e); showError(t("map.layers_failed", { error: e.message })); return; }
    if (!alive || layersWanted !== date || !map._loaded) return;
    const key = JSON.stringify(fc.features);
    if (key === layersKey) return;
    layersKey = key;
    for (const g of layerGroups.values()) map.removeLayer(g);
    const built = agreementLayers(fc, renderer, t);
    for (const gid of built.groups.keys()) {
      if (gid.startsWith("reading:")) {
        const [, zone, reading] = gid.split(":");
        addToggle(gid, t("map.layer_reading", { zone, label: reading }), "reading");
      }
    }
    layerGroups = built.groups;
    const notDrawn = (fc.properties && fc.properties.not_drawn) || [];
    notDrawnNote.textContent = notDrawn.length
      ? t("map.not_drawn", { list: notDrawn.map((x) => `${x.id}${x.reading ? ` (${x.reading})` : ""}: ${x.reason}`).join("; ") })
      : "";
    overlay.setPostPoints(built.postPoints);
    applyToggles();
    perf.layers = [...layerGroups.entries()].map(([id, g]) => ({ id, features: g.getLayers().length }));
  }
  let base = null;
  function applyToggles() {
    for (const [id, g] of layerGroups) {
      const on = !hidden.has(id);
      if (on && !map.hasLayer(g)) g.addTo(map);
      if (!on && map.hasLayer(g)) map.removeLayer(g);
    }
    if (base) { const on = !hidden.has("base"); if (on && !map.hasLayer(base)) base.addTo(map); if (!on && map.hasLayer(base)) map.removeLayer(base); }
    overlay.showTowns(!hidden.has("towns"));
    overlay.showIncidents(!hidden.has("incidents"));
  }
  function showError(msg) {
    const p = el("p", "tl-error"); p.setAttribute("role", "alert"); p.textContent = msg;
    side.prepend(p);
  }

  update("mount");
  if (focus >= 0) openPopup(focus, L.latLng(index.rows[focus].lat, index.rows[focus].lon));
  perf.firstIncidents = performance.now();
  performance.mark("tl-map-first-incidents");
  requestAnimationFrame(() => setTimeout(() => { perf.painted = performance.now(); }, 0));
  applyToggles();
  loadLayers(state.date);

  townsP.then((tw) => {
    if (!alive) return;
    if (tw.error) { showError(t("map.towns_failed", { error: tw.error.message })); return; }
    overlay.setTowns(tw.towns || []);
    perf.towns = (tw.towns || []).length;
  });
  atlasP.then((topo) => {
    if (!alive) return;
    base = baseLayers(topo, bbox || [-180, -90, 180, 90], BASE_MARGIN_DEG, window.topojson, baseRenderer);
    applyToggles();
    performance.mark("tl-map-base");
    perf.base = true;
  }, (e) => { if (alive) showError(t("map.base_failed", { error: e.message })); });
  // for the tests: the page position of a drawn incident ("i") or cluster ("c") and what it is
  perf.probe = (kind = "i") => {
    const h = overlay.hits().find((x) => x[3] === kind);
    if (!h) return null;
    const r = mapDiv.getBoundingClientRect();
    return { x: r.left + h[0], y: r.top + h[1], zoom: map.getZoom(), ...(kind === "i" ? { id: index.rows[h[4]].id } : { incidents: h[4].length }) };
  };
  // The store can change while the page is open (an ingest, an accepted review): the view shown
  // is then out of date and the export links, which the server answers from the store as it is
  // now, no longer hold what the map shows. The page compares the store's figures (meta) every
  // 20 s and when it is shown again, and says so with a reload — never a silent change of view.
  const seen = JSON.stringify([meta.at || null, meta.store || null]);
  let notice = null;
  const say = (testid, text, reload) => {
    if (notice && notice.dataset.testid === testid && notice.dataset.text === text) return;
    if (notice) notice.remove();
    notice = el("p", "tl-error");
    notice.setAttribute("role", "alert");
    notice.setAttribute("data-testid", testid);
    notice.dataset.text = text;
    notice.append(text + " ");
    if (reload) {
      const b = el("button", "tl-button");
      b.type = "button";
      b.textContent = t("map.reload");
      b.addEventListener("click", () => location.reload());
      notice.append(b);
    }
    side.prepend(notice);
  };
  perf.checkStore = async () => {
    let now;
    try {
      now = await api.get("/v1/app/meta");
    } catch (e) {
      if (!alive) return;
      say("server-unreachable", t("map.server_unreachable", { error: e.message }), false);
      return;
    }
    if (!alive) return;
    if (JSON.stringify([now.at || null, now.store || null]) !== seen) {
      say("store-changed", t("map.store_changed", {
        was: (meta.store && meta.store.reports) || 0, now: (now.store && now.store.reports) || 0,
      }), true);
    } else if (notice) {
      notice.remove();
      notice = null;
    }
  };
  const storeTimer = setInterval(() => { if (!document.hidden) perf.checkStore(); }, 20000);
  const onVisible = () => { if (!document.hidden) perf.checkStore(); };
  document.addEventListener("visibilitychange", onVisible);
  cleanup.push(() => { clearInterval(storeTimer); document.removeEventListener("visibilitychange", onVisible); });
  perf.ready = true;

  return () => { for (const f of cleanup.reverse()) try { f(); } catch { /* unmounting */ } delete window.__tlMap; root.classList.remove("tl-map-page"); };
}

// ---- helpers

// A date inside right-to-left text: after an Arabic letter its digits are Arabic numbers, which a
// hyphen does not join, and 2018-11-24 would be drawn 24-11-2018; a left-to-right isolate (LRI …
// PDI) keeps it whole.
function ltr(s) {
  return `\u2066${s}\u2069`;
}
function el(tag, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}
function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function actorLabel(meta) {
  const names = new Map((meta.actors || []).map((a) => [a.id, a.name || a.id]));
  return (id) => names.get(id) || id;
}
function todayLocal() { return new Date().toISOString().slice(0, 10); }

// A small canvas with a verdict's shape (legend, filters, popups).
function shapeIcon(verdict) {
  const c = document.createElement("canvas");
  const dpr = window.devicePixelRatio || 1;
  c.width = 16 * dpr; c.height = 16 * dpr;
  c.className = "tl-shape";
  c.setAttribute("aria-hidden", "true");
  const g = c.getContext("2d");
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  const s = verdictStyle(verdict);
  drawShape(g, s.shape, 8, 8.5, 5.5, s.color);
  return c;
}

// "2018-11-24 14:05" in the agreement's timezone: a fixed offset ("UTC+03:00", "+03:00") or an
// IANA name; anything else prints in UTC and says so.
function timeFormatter(tz) {
  const m = /^(?:UTC)?([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (m || tz === "UTC") {
    const off = m ? (m[1] === "-" ? -1 : 1) * (+m[2] * 60 + +m[3]) : 0;
    return (iso) => {
      const d = new Date(Date.parse(iso) + off * 60000);
      return isNaN(d) ? String(iso) : d.toISOString().slice(0, 16).replace("T", " ");
    };
  }
  try {
    const f = new Intl.DateTimeFormat("sv-SE", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return (iso) => { const d = new Date(iso); return isNaN(d) ? String(iso) : f.format(d); };
  } catch {
    return (iso) => { const d = new Date(iso); return isNaN(d) ? String(iso) : d.toISOString().slice(0, 16).replace("T", " ") + " UTC"; };
  }
}

// Leaflet and topojson-client, vendored under /assets/vendor (loaded once, if the shell has not).
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src; s.onload = resolve; s.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(s);
  });
}
function loadCss(href) {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const l = document.createElement("link"); l.rel = "stylesheet"; l.href = href; document.head.append(l);
}
let librariesP = null;
function loadLibraries() {
  loadCss(`${VENDOR}/leaflet/leaflet.css`);
  loadCss("/assets/map.css");
  if (!librariesP) {
    librariesP = Promise.all([
      window.L ? null : loadScript(`${VENDOR}/leaflet/leaflet.js`),
      window.topojson ? null : loadScript(`${VENDOR}/topojson-client/topojson-client.min.js`),
    ]);
  }
  return librariesP;
}
