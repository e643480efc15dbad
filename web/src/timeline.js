// The map page's time control: a day slider over the store's span with the histogram of reports
// per day drawn under it, the window length (day / 3 days / week), play/pause and the window's
// dates.
//
// Why no slider library: the slider is the browser's own <input type="range"> (step: one day),
// which is keyboard-operable (arrows move a day, Home/End jump to the ends), announced by screen
// readers (aria-valuetext carries the date) and costs nothing to render; the histogram is one
// <canvas> behind it, aligned with the thumb's positions. A library would add a dependency and
// its own DOM for what these two elements do.

import { dayNumber, dayString, WINDOWS } from "./map-data.js";

const THUMB_PX = 14; // keep in step with map.css (.tl-slider thumb width)

export function createTimeline(container, { t, histogram, span, state, onChange }) {
  const first = dayNumber(span.first), last = dayNumber(span.last);
  const reports = new Float64Array(last - first + 1);
  const incidents = new Float64Array(last - first + 1);
  for (const h of histogram || []) {
    const d = dayNumber(h.date) - first;
    if (d >= 0 && d < reports.length) { reports[d] = h.reports; incidents[d] = h.incidents; }
  }
  const maxReports = Math.max(1, ...reports);

  container.classList.add("tl-timeline");
  container.innerHTML = "";
  const head = el("div", "tl-timeline-head");
  const label = el("label", "tl-label");
  label.htmlFor = "tl-slider";
  label.textContent = t("map.day");
  const dates = el("output", "tl-window-dates");
  dates.setAttribute("data-testid", "window-dates");
  dates.setAttribute("aria-live", "polite");
  dates.htmlFor = "tl-slider";
  head.append(label, dates);

  const track = el("div", "tl-track");
  const canvas = el("canvas", "tl-histogram");
  canvas.setAttribute("aria-hidden", "true");
  const input = el("input", "tl-slider");
  input.type = "range";
  input.id = "tl-slider";
  input.min = "0";
  input.max = String(last - first);
  input.step = "1";
  input.setAttribute("data-testid", "time-slider");
  track.append(canvas, input);
  const scaleRow = el("div", "tl-scale");
  const s0 = el("span"), s1 = el("span");
  s0.textContent = span.first; s1.textContent = span.last;
  const legend = el("div", "tl-note tl-hist-legend");
  legend.textContent = t("map.histogram_legend", { max: maxReports });
  scaleRow.append(s0, s1);

  const controls = el("div", "tl-controls");
  const play = el("button", "tl-play");
  play.type = "button";
  play.setAttribute("data-testid", "play");
  play.setAttribute("aria-pressed", "false");
  const winLabel = el("label", "tl-label");
  winLabel.htmlFor = "tl-window";
  winLabel.textContent = t("map.window");
  const win = el("select");
  win.id = "tl-window";
  win.setAttribute("data-testid", "window");
  for (const w of WINDOWS) {
    const o = el("option");
    o.value = String(w);
    o.textContent = t(w === 1 ? "map.window_day" : w === 7 ? "map.window_week" : "map.window_days", { n: w });
    win.append(o);
  }
  controls.append(play, winLabel, win);
  container.append(head, track, scaleRow, legend, controls);

  let cur = Math.min(last, Math.max(first, dayNumber(state.date)));
  let len = state.window;
  let timer = null;
  input.value = String(cur - first);
  win.value = String(len);

  function setPlayLabel() {
    const playing = timer !== null;
    play.textContent = playing ? t("map.pause") : t("map.play");
    play.setAttribute("aria-pressed", playing ? "true" : "false");
  }
  function showDates() {
    const from = dayString(cur - len + 1), to = dayString(cur);
    dates.textContent = len === 1 ? to : t("map.window_range", { from, to });
    input.setAttribute("aria-valuetext", dates.textContent);
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const w = track.clientWidth, h = track.clientHeight;
    if (!w || !h) return;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    }
    const g = canvas.getContext("2d");
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    const n = reports.length;
    // day k's thumb centre: THUMB/2 + k / (n - 1) * (w - THUMB)
    const step = n > 1 ? (w - THUMB_PX) / (n - 1) : 0;
    const bw = Math.max(1, Math.min(step * 0.8, 12));
    const x0 = (k) => THUMB_PX / 2 + k * step;
    // the window, shaded
    const a = Math.max(0, cur - len + 1 - first), b = cur - first;
    g.fillStyle = "rgba(0, 114, 178, 0.15)";
    g.fillRect(x0(a) - step / 2, 0, (b - a + 1) * step || bw, h);
    for (let k = 0; k < n; k++) {
      if (!reports[k]) continue;
      const bh = Math.max(1, (reports[k] / maxReports) * (h - 6));
      g.fillStyle = k >= a && k <= b ? "#0b4f82" : "#8a9bb0";
      g.fillRect(x0(k) - bw / 2, h - bh, bw, bh);
    }
  }
  function changed(source) {
    showDates();
    draw();
    onChange({ date: dayString(cur), window: len }, source);
  }
  input.addEventListener("input", () => { cur = first + +input.value; changed("slider"); });
  win.addEventListener("change", () => { len = +win.value; changed("window"); });
  function stop() { if (timer !== null) { clearInterval(timer); timer = null; setPlayLabel(); } }
  play.addEventListener("click", () => {
    if (timer !== null) { stop(); return; }
    if (cur >= last) { cur = first; input.value = "0"; }
    timer = setInterval(() => {
      if (cur >= last) { stop(); return; }
      cur++;
      input.value = String(cur - first);
      changed("play");
    }, 800);
    setPlayLabel();
  });
  const ro = new ResizeObserver(() => draw());
  ro.observe(track);
  setPlayLabel();
  showDates();
  draw();

  return {
    input,
    get date() { return dayString(cur); },
    get window() { return len; },
    destroy() { stop(); ro.disconnect(); },
  };
}

function el(tag, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}
