// The map page's layers (docs/web.md, "The map"): the offline base layer (Natural Earth through
// the vendored world-atlas TopoJSON), the agreement's layers of a day (GET /v1/app/layers), and
// the overlay canvas that draws the incidents (clusters, verdict shapes, uncertainty discs), the
// GeoNames towns and their labels.
//
// Why our own canvas layer for the incidents rather than one Leaflet marker per incident under
// leaflet.markercluster: a week's window of a 100,000-report store holds ~20,000 incidents;
// markercluster builds a layer object per marker and re-clusters its tree on every
// addLayers/removeLayers, which is the slider-slows-down-as-markers-accumulate failure
// (Leaflet.TimeDimension #58) that a < 100 ms re-render excludes. Here a redraw is one pass over
// the typed arrays of the selected incidents (grid clustering in screen space, O(k)) onto one
// canvas. Clusters always show how many incidents they hold and never stand for one event; from
// CLUSTER_MAX_ZOOM on, a few incidents at (nearly) the same spot are fanned out around it with
// leader lines, never drawn one on top of the other.
/* global L */

export const VERDICT_STYLE = {
  // Okabe–Ito colours (readable with the common colour-vision deficiencies), each with its own
  // shape and a dark outline, so a verdict is never told by colour alone.
  violation: { color: "#D55E00", shape: "triangle" },
  indeterminate: { color: "#E69F00", shape: "diamond" },
  compliant: { color: "#009E73", shape: "circle" },
  not_applicable: { color: "#0072B2", shape: "square" },
};
const OTHER_VERDICT = { color: "#8c8c8c", shape: "cross" };
export function verdictStyle(v) { return VERDICT_STYLE[v] || OTHER_VERDICT; }

export const CLUSTER_MAX_ZOOM = 11; // from this zoom on, small groups are fanned out (below)
const CLUSTER_CELL_PX = 48;
const FAN_CELL_PX = 14;
const FAN_MAX = 8; // at most this many incidents fanned out around one spot; more stay a cluster
const DISC_MIN_ZOOM = 9; // uncertainty discs from this zoom on ...
const DISC_MAX_MARKERS = 1500; // ... while at most this many single markers are drawn

// Draws a verdict shape of "radius" r centred on (x, y) (also used for the legend).
export function drawShape(g, shape, x, y, r, fill) {
  g.beginPath();
  switch (shape) {
    case "triangle":
      g.moveTo(x, y - r * 1.15); g.lineTo(x + r * 1.05, y + r * 0.75); g.lineTo(x - r * 1.05, y + r * 0.75); g.closePath();
      break;
    case "diamond":
      g.moveTo(x, y - r * 1.2); g.lineTo(x + r, y); g.lineTo(x, y + r * 1.2); g.lineTo(x - r, y); g.closePath();
      break;
    case "square":
      g.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case "cross":
      g.moveTo(x - r, y - r * 0.35); g.lineTo(x - r * 0.35, y - r * 0.35); g.lineTo(x - r * 0.35, y - r); g.lineTo(x + r * 0.35, y - r);
      g.lineTo(x + r * 0.35, y - r * 0.35); g.lineTo(x + r, y - r * 0.35); g.lineTo(x + r, y + r * 0.35); g.lineTo(x + r * 0.35, y + r * 0.35);
      g.lineTo(x + r * 0.35, y + r); g.lineTo(x - r * 0.35, y + r); g.lineTo(x - r * 0.35, y + r * 0.35); g.lineTo(x - r, y + r * 0.35); g.closePath();
      break;
    default:
      g.arc(x, y, r, 0, 2 * Math.PI);
  }
  g.fillStyle = fill;
  g.fill();
  g.lineWidth = 1.25;
  g.strokeStyle = "#1a1a1a";
  g.stroke();
}

// Web Mercator, normalised to [0, 1] (x east, y south), as Leaflet's EPSG:3857 at zoom 0 / 256.
function mercX(lon) { return (lon + 180) / 360; }
function mercY(lat) {
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

// A spatial hash of screen boxes, for label placement.
class BoxGrid {
  constructor(cell = 64) { this.cell = cell; this.map = new Map(); }
  key(cx, cy) { return cx * 100003 + cy; }
  add(b) {
    const c = this.cell;
    for (let cx = Math.floor(b[0] / c); cx <= Math.floor(b[2] / c); cx++)
      for (let cy = Math.floor(b[1] / c); cy <= Math.floor(b[3] / c); cy++) {
        const k = this.key(cx, cy);
        let l = this.map.get(k);
        if (!l) this.map.set(k, (l = []));
        l.push(b);
      }
  }
  hits(b) {
    const c = this.cell;
    for (let cx = Math.floor(b[0] / c); cx <= Math.floor(b[2] / c); cx++)
      for (let cy = Math.floor(b[1] / c); cy <= Math.floor(b[3] / c); cy++) {
        const l = this.map.get(this.key(cx, cy));
        if (l) for (const o of l) if (o[0] < b[2] && b[0] < o[2] && o[1] < b[3] && b[1] < o[3]) return true;
      }
    return false;
  }
}

// Town dot radius (px) by population, and the smallest population shown at a zoom.
function townRadius(pop) { return pop >= 1e6 ? 6 : pop >= 1e5 ? 4.5 : pop >= 2e4 ? 3.5 : 2.5; }
function townMinPopulation(zoom) { return zoom <= 7 ? 50000 : zoom === 8 ? 10000 : zoom === 9 ? 2000 : 0; }

// The overlay canvas: incidents, towns and town labels, redrawn whole on each change (one pass).
export function createOverlay(map, { onIncidentClick, onClusterClick, onDraw }) {
  const Overlay = L.Layer.extend({
    onAdd(m) {
      this._canvas = L.DomUtil.create("canvas", "tl-overlay leaflet-zoom-hide");
      this._canvas.setAttribute("aria-hidden", "true");
      m.getPane("tl-incidents").appendChild(this._canvas);
      m.on("moveend zoomend resize viewreset", this.redraw, this);
      m.on("click", this._click, this);
      m.on("mousemove", this._hover, this);
      this.redraw();
    },
    onRemove(m) {
      L.DomUtil.remove(this._canvas);
      m.off("moveend zoomend resize viewreset", this.redraw, this);
      m.off("click", this._click, this);
      m.off("mousemove", this._hover, this);
    },
  });
  const layer = new Overlay();
  const st = {
    index: null, sel: new Int32Array(0), mx: null, my: null,
    towns: [], townsOn: true, incidentsOn: true, postPoints: [],
    hits: [], // [x, y, r, kind ("i" incident | "c" cluster), payload]
  };

  layer.setIncidents = (index) => {
    st.index = index;
    st.mx = new Float64Array(index.n);
    st.my = new Float64Array(index.n);
    for (let i = 0; i < index.n; i++) { st.mx[i] = mercX(index.lon[i]); st.my[i] = mercY(index.lat[i]); }
  };
  layer.setSelection = (sel) => { st.sel = sel; layer.redraw(); };
  layer.setTowns = (towns) => {
    st.towns = towns
      .filter((t) => typeof t.lon === "number" && typeof t.lat === "number")
      .map((t) => ({ name: t.name, pop: t.population || 0, mx: mercX(t.lon), my: mercY(t.lat) }))
      .sort((a, b) => b.pop - a.pop || (a.name < b.name ? -1 : 1));
    layer.redraw();
  };
  layer.setPostPoints = (pts) => { st.postPoints = pts.map(([lon, lat]) => [mercX(lon), mercY(lat)]); layer.redraw(); };
  layer.showTowns = (on) => { st.townsOn = on; layer.redraw(); };
  layer.showIncidents = (on) => { st.incidentsOn = on; layer.redraw(); };
  layer.hits = () => st.hits;
  layer.stats = () => ({ drawnIncidents: st.drawnIncidents || 0, clusters: st.clusters || 0, labels: st.labels || 0 });

  layer.redraw = function () {
    if (!this._map || !this._canvas) return;
    const m = this._map;
    const size = m.getSize();
    const dpr = window.devicePixelRatio || 1;
    const c = this._canvas;
    const topLeft = m.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(c, topLeft);
    if (c.width !== Math.round(size.x * dpr) || c.height !== Math.round(size.y * dpr)) {
      c.width = Math.round(size.x * dpr); c.height = Math.round(size.y * dpr);
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
    }
    const g = c.getContext("2d");
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, size.x, size.y);
    const zoom = m.getZoom();
    const scale = 256 * Math.pow(2, zoom);
    const origin = m.getPixelOrigin();
    const ox = origin.x + topLeft.x, oy = origin.y + topLeft.y;
    const W = size.x, H = size.y, pad = 30;
    const occupied = new BoxGrid();
    const hits = [];
    let drawn = 0, clusters = 0;

    // Town dots (under the incidents; their labels come last, placed around everything).
    const townsShown = [];
    if (st.townsOn) {
      const minPop = townMinPopulation(zoom);
      g.fillStyle = "#3d3d3d"; g.strokeStyle = "#ffffff"; g.lineWidth = 1;
      for (const t of st.towns) {
        if (t.pop < minPop) continue;
        const x = t.mx * scale - ox, y = t.my * scale - oy;
        if (x < -pad || y < -pad || x > W + pad || y > H + pad) continue;
        const r = townRadius(t.pop);
        g.beginPath(); g.arc(x, y, r, 0, 2 * Math.PI); g.fill(); g.stroke();
        occupied.add([x - r, y - r, x + r, y + r]);
        townsShown.push([t, x, y, r]);
      }
    }
    for (const [px, py] of st.postPoints) {
      const x = px * scale - ox, y = py * scale - oy;
      occupied.add([x - 7, y - 7, x + 7, y + 7]);
    }

    if (st.incidentsOn && st.index) {
      const idx = st.index, sel = st.sel;
      const cellPx = zoom < CLUSTER_MAX_ZOOM ? CLUSTER_CELL_PX : FAN_CELL_PX;
      // grid cells keyed on absolute pixel coordinates: clusters do not jump when the map pans
      const cells = new Map();
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k];
        const mx = st.mx[i];
        if (mx !== mx) continue; // no location: listed, never drawn (never at 0°, 0°)
        const ax = mx * scale, ay = st.my[i] * scale;
        const x = ax - ox, y = ay - oy;
        if (x < -pad * 2 || y < -pad * 2 || x > W + pad * 2 || y > H + pad * 2) continue;
        const key = Math.floor(ax / cellPx) * 1048576 + Math.floor(ay / cellPx);
        let cell = cells.get(key);
        if (!cell) cells.set(key, (cell = []));
        cell.push(i);
      }
      // A cell of one incident: its marker. Below CLUSTER_MAX_ZOOM a cell of several: a cluster
      // with their count. From CLUSTER_MAX_ZOOM on, cells are small; a few incidents in one are
      // fanned out around their centre with leader lines, more stay a cluster (clicking it
      // lists them at the highest zoom).
      const fanMode = zoom >= CLUSTER_MAX_ZOOM;
      const markers = []; // [i, x, y]
      const fans = []; // [cx, cy, [[x, y]...]]
      const clusterCells = [];
      for (const cell of cells.values()) {
        if (cell.length === 1) {
          const i = cell[0];
          markers.push([i, st.mx[i] * scale - ox, st.my[i] * scale - oy]);
        } else if (fanMode && cell.length <= FAN_MAX) {
          let sx = 0, sy = 0;
          for (const i of cell) { sx += st.mx[i]; sy += st.my[i]; }
          const cx = (sx / cell.length) * scale - ox, cy = (sy / cell.length) * scale - oy;
          const R = 12 + 2 * cell.length;
          const ends = [];
          cell.forEach((i, k) => {
            const ang = (2 * Math.PI * k) / cell.length - Math.PI / 2;
            const x = cx + R * Math.cos(ang), y = cy + R * Math.sin(ang);
            markers.push([i, x, y]);
            ends.push([x, y]);
          });
          fans.push([cx, cy, ends]);
        } else {
          clusterCells.push(cell);
        }
      }
      // uncertainty discs first (under everything), only while the markers are few enough to
      // read them
      if (zoom >= DISC_MIN_ZOOM && markers.length <= DISC_MAX_MARKERS) {
        const mPerPx = (lat) => (40075016.686 * Math.cos((lat * Math.PI) / 180)) / scale;
        g.lineWidth = 1;
        for (const [i] of markers) {
          if (!(idx.precision[i] > 0)) continue;
          const r = idx.precision[i] / mPerPx(idx.lat[i]);
          if (r <= 6) continue;
          const color = verdictStyle(idx.verdicts.names[idx.verdict[i]]).color;
          g.beginPath(); g.arc(st.mx[i] * scale - ox, st.my[i] * scale - oy, r, 0, 2 * Math.PI);
          g.globalAlpha = 0.1; g.fillStyle = color; g.fill();
          g.globalAlpha = 0.5; g.strokeStyle = color; g.stroke();
        }
        g.globalAlpha = 1;
      }
      for (const [cx, cy, ends] of fans) {
        g.beginPath();
        for (const [x, y] of ends) { g.moveTo(cx, cy); g.lineTo(x, y); }
        g.lineWidth = 1; g.strokeStyle = "#1a1a1a"; g.stroke();
        g.beginPath(); g.arc(cx, cy, 2, 0, 2 * Math.PI); g.fillStyle = "#1a1a1a"; g.fill();
      }
      for (const cell of clusterCells) {
        let sx = 0, sy = 0;
        const byVerdict = new Map();
        for (const i of cell) {
          sx += st.mx[i]; sy += st.my[i];
          const v = idx.verdict[i];
          byVerdict.set(v, (byVerdict.get(v) || 0) + 1);
        }
        const x = (sx / cell.length) * scale - ox, y = (sy / cell.length) * scale - oy;
        const r = Math.min(24, 11 + 6 * Math.log10(cell.length));
        // ring: the share of each verdict, in the legend's order
        let a0 = -Math.PI / 2;
        for (const v of [...byVerdict.keys()].sort((p, q) => p - q)) {
          const a1 = a0 + (2 * Math.PI * byVerdict.get(v)) / cell.length;
          g.beginPath(); g.arc(x, y, r, a0, a1); g.arc(x, y, r - 4.5, a1, a0, true); g.closePath();
          g.fillStyle = verdictStyle(idx.verdicts.names[v]).color; g.fill();
          a0 = a1;
        }
        g.beginPath(); g.arc(x, y, r - 4.5, 0, 2 * Math.PI); g.fillStyle = "#ffffff"; g.fill();
        g.beginPath(); g.arc(x, y, r, 0, 2 * Math.PI); g.lineWidth = 1.25; g.strokeStyle = "#1a1a1a"; g.stroke();
        g.fillStyle = "#111111"; g.font = "bold 11px system-ui, sans-serif"; g.textAlign = "center"; g.textBaseline = "middle";
        g.fillText(String(cell.length), x, y + 0.5);
        occupied.add([x - r, y - r, x + r, y + r]);
        hits.push([x, y, r, "c", cell]);
        clusters++;
      }
      for (const [i, x, y] of markers) {
        const s = verdictStyle(idx.verdicts.names[idx.verdict[i]]);
        drawShape(g, s.shape, x, y, 6, s.color);
        occupied.add([x - 7, y - 7, x + 7, y + 7]);
        hits.push([x, y, 8, "i", i]);
        drawn++;
      }
    }

    // Town labels, larger towns first; a label that would overlap a marker, a cluster or an
    // earlier label is tried on the other side, then left out.
    let labels = 0;
    if (townsShown.length) {
      g.font = "12px system-ui, sans-serif"; g.textBaseline = "middle"; g.lineJoin = "round";
      for (const [t, x, y, r] of townsShown) {
        const w = g.measureText(t.name).width, h = 14;
        const right = [x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2];
        const left = [x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2];
        const fits = (b) => b[0] >= 0 && b[2] <= W && b[1] >= 0 && b[3] <= H && !occupied.hits(b);
        const box = fits(right) ? right : fits(left) ? left : null;
        if (!box) continue;
        occupied.add(box);
        g.textAlign = "left";
        g.lineWidth = 3; g.strokeStyle = "rgba(255,255,255,0.9)"; g.strokeText(t.name, box[0], y);
        g.fillStyle = "#1f1f1f"; g.fillText(t.name, box[0], y);
        labels++;
      }
    }
    st.hits = hits;
    st.drawnIncidents = drawn; st.clusters = clusters; st.labels = labels;
    if (onDraw) onDraw(layer.stats());
  };

  function hitAt(p) {
    let best = null, bd = Infinity;
    for (const h of st.hits) {
      const d = Math.hypot(h[0] - p.x, h[1] - p.y);
      if (d <= h[2] && d < bd) { best = h; bd = d; }
    }
    return best;
  }
  layer._click = function (e) {
    const h = hitAt(e.containerPoint);
    if (!h) return;
    if (h[3] === "c") {
      const m = this._map;
      if (m.getZoom() >= m.getMaxZoom() && onClusterClick) { onClusterClick(h[4], e.latlng); return; }
      const b = L.latLngBounds(h[4].map((i) => [st.index.lat[i], st.index.lon[i]]));
      const z = Math.min(m.getBoundsZoom(b.pad(0.2)), Math.max(m.getZoom() + 2, CLUSTER_MAX_ZOOM));
      m.setView(b.getCenter(), z);
    } else if (onIncidentClick) {
      onIncidentClick(h[4], e.latlng);
    }
  };
  layer._hover = function (e) {
    this._map.getContainer().style.cursor = hitAt(e.containerPoint) ? "pointer" : "";
  };
  return layer;
}

// The base layer: Natural Earth land, coastlines and country borders from world-atlas's
// countries TopoJSON, drawn by Leaflet's canvas renderer in their own pane under everything.
// Only the countries whose box comes within `margin` degrees of `bbox` are converted (the
// whole 1:10 m world is ~100 k arcs; the region's few thousand draw at once).
export function baseLayers(topo, bbox, margin, topojson, renderer) {
  const obj = topo.objects.countries;
  // Each arc's box, from the quantized arcs without building a feature (the whole 1:10 m world
  // converted to GeoJSON first cost more than the rest of the first paint together).
  const boxes = arcBoxes(topo);
  const [w, s, e, n] = [bbox[0] - margin, bbox[1] - margin, bbox[2] + margin, bbox[3] + margin];
  const near = (g) => {
    let hit = false;
    const walk = (a) => {
      if (hit) return;
      if (typeof a === "number") {
        const b = boxes[a < 0 ? ~a : a];
        if (b && b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s) hit = true;
        return;
      }
      for (const x of a) walk(x);
    };
    if (g.arcs) walk(g.arcs);
    return hit;
  };
  const sub = { type: "GeometryCollection", geometries: obj.geometries.filter(near) };
  const land = topojson.feature(topo, sub);
  const borders = topojson.mesh(topo, sub, (a, b) => a !== b);
  const coast = topojson.mesh(topo, sub, (a, b) => a === b);
  const pane = "tl-base";
  return L.layerGroup([
    L.geoJSON(land, { pane, renderer, interactive: false, style: { stroke: false, fillColor: "#f2efe6", fillOpacity: 1 } }),
    L.geoJSON(coast, { pane, renderer, interactive: false, style: { color: "#5b7f9e", weight: 1, fill: false } }),
    L.geoJSON(borders, { pane, renderer, interactive: false, style: { color: "#7d7d7d", weight: 1.2, dashArray: "6 3", fill: false } }),
  ]);
}

// [W, S, E, N] in degrees of each arc of a TopoJSON topology (quantized and delta-encoded when
// it has a transform, as world-atlas's files are).
function arcBoxes(topo) {
  const t = topo.transform;
  const sx = t ? t.scale[0] : 1, sy = t ? t.scale[1] : 1, tx = t ? t.translate[0] : 0, ty = t ? t.translate[1] : 0;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0, w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const p of arc) {
      if (t) { x += p[0]; y += p[1]; } else { x = p[0]; y = p[1]; }
      if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y;
    }
    return [w * sx + tx, s * sy + ty, e * sx + tx, n * sy + ty];
  });
}

// The agreement's layers of one day (a FeatureCollection of GET /v1/app/layers) as Leaflet
// layers, grouped for the toggles: "lines", "zones" (agreed), "reading:<zone>:<reading>" (each
// disputed reading), "posts", "patrols". Returns {groups: Map(id -> L.LayerGroup), postPoints}.
export function agreementLayers(fc, renderer, t) {
  const groups = new Map();
  const group = (id) => { let g = groups.get(id); if (!g) groups.set(id, (g = L.layerGroup())); return g; };
  const postPoints = [];
  const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  for (const f of fc.features || []) {
    const p = f.properties || {};
    const name = esc(p.name || p.title || p.id);
    switch (p.layer) {
      case "zone": {
        const disputed = p.reading != null;
        const gid = disputed ? `reading:${p.id}:${p.reading}` : "zones";
        L.geoJSON(f, {
          renderer,
          style: disputed
            ? { color: "#6a3d9a", weight: 2, dashArray: "8 5", fillColor: "#6a3d9a", fillOpacity: 0.06 }
            : { color: "#b2182b", weight: 2, fillColor: "#b2182b", fillOpacity: 0.1 },
        }).bindTooltip(disputed ? t("map.tooltip_zone_reading", { name, reading: esc(p.reading) }) : t("map.tooltip_zone", { name }), { sticky: true })
          .addTo(group(gid));
        break;
      }
      case "line":
        L.geoJSON(f, { renderer, style: { color: "#1a1a1a", weight: 3 } })
          .bindTooltip(t("map.tooltip_line", { name }), { sticky: true }).addTo(group("lines"));
        break;
      case "patrol":
        L.geoJSON(f, { renderer, style: { color: "#1f5fa8", weight: 3, dashArray: "2 6", lineCap: "round" } })
          .bindTooltip(t("map.tooltip_patrol", { name, party: esc(p.party || (p.operators || []).join(", ")) }), { sticky: true }).addTo(group("patrols"));
        break;
      case "post": {
        if (!f.geometry || f.geometry.type !== "Point") break;
        const [lon, lat] = f.geometry.coordinates;
        postPoints.push([lon, lat]);
        const g = group("posts");
        if (p.precision_m > 0) {
          L.circle([lat, lon], { renderer, radius: p.precision_m, color: "#333333", weight: 1, dashArray: "3 3", fillColor: "#333333", fillOpacity: 0.05, interactive: false }).addTo(g);
        }
        L.circleMarker([lat, lon], { renderer, radius: 5, color: "#ffffff", weight: 2, fillColor: "#111111", fillOpacity: 1 })
          .bindTooltip(t("map.tooltip_post", { name, precision: Math.round(p.precision_m || 0) }))
          .addTo(g);
        break;
      }
      default:
        break;
    }
  }
  return { groups, postPoints };
}
