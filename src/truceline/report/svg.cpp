// The daily report's drawings: the map (zones, lines, posts, routes, the day's incidents,
// legend, scale bar, north arrow), the 30-day chart and the coverage strip. Plain SVG 1.1, a
// fixed viewBox, every coordinate printed with one decimal: the same input gives the same
// bytes.
#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <numbers>
#include <string>
#include <vector>

#include "truceline/agreement/query.hpp"
#include "truceline/report/report.hpp"
#include "truceline/report/detail/format.hpp"
#include "truceline/report/detail/render.hpp"
#include "truceline/report/detail/sections.hpp"
#include "truceline/report/detail/summary.hpp"

namespace truceline::report {
namespace detail {

std::string coverage_strip_svg(const assess::Assessment& s) {
  // Group the sectors by zone and line part, keeping their order.
  struct Group {
    std::string key, zone, line;
    std::vector<const assess::Sector*> sectors;
  };
  std::vector<Group> groups;
  for (const auto& sec : s.sectors) {
    // The id is "<zone>/<line part>/<index>": group on everything before the last '/'.
    const std::string key = sec.id.substr(0, sec.id.rfind('/'));
    if (groups.empty() || groups.back().key != key) groups.push_back({key, sec.zone, sec.line, {}});
    groups.back().sectors.push_back(&sec);
  }
  const double width = 960, left = 10, right = 950, row_h = 46;
  const double height = std::max(1.0, static_cast<double>(groups.size())) * row_h + 24;
  std::string o = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"coverage-strip\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\" "
      "aria-label=\"Observation coverage along the line\">\n",
      fixed(width, 0), fixed(height, 0), fixed(width, 0), fixed(height, 0));
  if (groups.empty()) {
    o += "<text x=\"10\" y=\"20\" font-size=\"12\" fill=\"#555\">No coverage sectors (no line-based zone in force).</text>\n";
  }
  double y = 4;
  for (const auto& g : groups) {
    const double total_km = g.sectors.back()->to_km;
    const auto slash = g.key.find('/');
    const std::string part = slash == std::string::npos ? std::string() : g.key.substr(slash + 1);
    o += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\">{} along {}{} ({} sectors, {} km)</text>\n",
        fixed(left, 1), fixed(y + 11, 1), xml_escape(g.zone), xml_escape(g.line),
        part.empty() ? std::string() : ", part " + xml_escape(part), g.sectors.size(), fixed(total_km, 0));
    const double n = static_cast<double>(g.sectors.size());
    const double cw = (right - left) / n;
    for (std::size_t i = 0; i < g.sectors.size(); ++i) {
      const auto& sec = *g.sectors[i];
      const char* fill = sec.status == "violations" ? kViolationColour
                         : sec.status == "clear"    ? kCompliantColour
                                                    : "#d0d4d9";
      o += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1\">"
          "<title>{} km {}-{}: {} ({} observations, {} violations)</title></rect>\n",
          fixed(left + cw * static_cast<double>(i), 1), fixed(y + 15, 1), fixed(cw, 1), fill, xml_escape(sec.id),
          fixed(sec.from_km, 0), fixed(sec.to_km, 0), xml_escape(sec.status), sec.observations, sec.violations);
    }
    o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#555\">0 km</text>\n", fixed(left, 1),
                     fixed(y + 41, 1));
    o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#555\" text-anchor=\"end\">{} km</text>\n",
                     fixed(right, 1), fixed(y + 41, 1), fixed(total_km, 0));
    y += row_h;
  }
  const double ly = height - 8;
  const std::array<std::pair<const char*, const char*>, 3> legend{
      {{kCompliantColour, "clear"}, {kViolationColour, "violations"}, {"#d0d4d9", "unobserved"}}};
  double lx = left;
  for (const auto& [c, label] : legend) {
    o += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>", fixed(lx, 1),
                     fixed(ly - 9, 1), c);
    o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#333\">{}</text>\n", fixed(lx + 14, 1),
                     fixed(ly, 1), label);
    lx += 100;
  }
  o += "</svg>\n";
  return o;
}

}  // namespace detail

using detail::fixed;
using detail::xml_escape;

namespace {

constexpr const char* kOtherColour = "#9aa5b1";

// The map groups nearby incidents once more than this many are drawn ("a few dozen").
constexpr std::size_t kClusterAbove = 36;
// Incidents within this many pixels of a group's first incident join the group (about a dot
// and its number label).
constexpr double kClusterRadiusPx = 24;
// Towns labelled on the map: the most populous in the frame.
constexpr std::size_t kTownLabels = 15;

// The local date `back` days before the report's date ("YYYY-MM-DD"), from o.date; when the
// date cannot be read, the UTC date of `fallback_unix`.
std::string date_label(const DailyOptions& o, int back, int64_t fallback_unix) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (o.date.size() == 10 && std::sscanf(o.date.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3) {
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (ymd.ok()) {
      const std::chrono::year_month_day r{std::chrono::sys_days{ymd} - std::chrono::days{back}};
      return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(r.year()), static_cast<unsigned>(r.month()),
                         static_cast<unsigned>(r.day()));
    }
  }
  return detail::local_date(fallback_unix, 0);
}

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

// Splits text into lines of at most `width` characters (UTF-8 bytes counted; words kept whole).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string cur;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    if (!cur.empty() && cur.size() + 1 + word.size() > width) {
      lines.push_back(cur);
      cur.clear();
    }
    if (!cur.empty()) cur += ' ';
    cur += word;
    i = j + 1;
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

struct Projection {
  double min_lon = 0, max_lat = 0, kx = 1, scale = 1, ox = 0, oy = 0;
  double x(double lon) const { return ox + (lon - min_lon) * kx * scale; }
  double y(double lat) const { return oy + (max_lat - lat) * scale; }
  double lon(double x_) const { return min_lon + (x_ - ox) / (kx * scale); }
  double lat(double y_) const { return max_lat - (y_ - oy) / scale; }
};

struct BBox {
  double min_lon = std::numeric_limits<double>::infinity(), max_lon = -std::numeric_limits<double>::infinity();
  double min_lat = std::numeric_limits<double>::infinity(), max_lat = -std::numeric_limits<double>::infinity();
  bool empty() const { return !(min_lon <= max_lon); }
  void add(double lon, double lat) {
    min_lon = std::min(min_lon, lon);
    max_lon = std::max(max_lon, lon);
    min_lat = std::min(min_lat, lat);
    max_lat = std::max(max_lat, lat);
  }
  bool contains(double lon, double lat) const {
    return lon >= min_lon && lon <= max_lon && lat >= min_lat && lat <= max_lat;
  }
};

// A path of one ring/line: "M x,y L x,y ...", consecutive duplicate points (after rounding)
// dropped.
std::string path_of(const std::vector<geo::LonLat>& pts, const Projection& p, bool close) {
  std::string d;
  std::string last;
  for (const auto& q : pts) {
    const std::string pt = fixed(p.x(q.lon_deg), 1) + "," + fixed(p.y(q.lat_deg), 1);
    if (pt == last) continue;
    d += d.empty() ? "M" : "L";
    d += pt;
    last = pt;
  }
  if (close && !d.empty()) d += "Z";
  return d;
}

struct ZoneStyle {
  const char* fill;
  const char* stroke;
  const char* opacity;
};

ZoneStyle zone_style(const agreement::Zone& z, std::size_t index) {
  if (z.is_area) return {"#e6efd8", "#6b8e23", "0.9"};
  if (z.kind == "demilitarized") return {"#f2a58e", "#b5452c", "0.55"};
  static const std::array<ZoneStyle, 3> others{
      {{"#a9c1e8", "#3f62a0", "0.5"}, {"#d7b7e6", "#7b3f9e", "0.5"}, {"#f3dc8c", "#a0811b", "0.5"}}};
  return others[index % others.size()];
}

int verdict_rank(assess::Verdict v) {
  switch (v) {
    case assess::Verdict::not_applicable: return 0;
    case assess::Verdict::compliant: return 1;
    case assess::Verdict::indeterminate: return 2;
    case assess::Verdict::violation: return 3;
  }
  return 0;
}

// A text with a white halo (readable over fills).
std::string label(double x, double y, const std::string& text, double size, const char* anchor = "start",
                  const char* fill = "#222", const char* weight = "normal") {
  return fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{}\" fill=\"{}\" font-weight=\"{}\" "
      "stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
      fixed(x, 1), fixed(y, 1), fixed(size, 0), anchor, fill, weight, xml_escape(text));
}

}  // namespace

std::string map_svg(const agreement::Agreement& a, const assess::Assessment& s, const DailyOptions& o) {
  const agreement::Instant t{std::chrono::seconds(std::max(o.day_start, o.day_end - 1))};
  const double W = 960, H = 760;
  const double fx = 10, fy = 10, fw = 640, fh = 740;  // map frame
  const double lx = 664;                              // legend panel

  // Zones in force, areas first (drawn underneath), then by id.
  struct Drawn {
    const agreement::Zone* zone;
    geo::Zone geometry;
  };
  std::vector<const agreement::Zone*> zs = agreement::zones_in_force(a, t);
  std::stable_sort(zs.begin(), zs.end(), [](const agreement::Zone* x, const agreement::Zone* y) {
    if (x->is_area != y->is_area) return x->is_area;
    return x->id < y->id;
  });
  std::vector<Drawn> drawn;
  std::vector<std::string> not_drawn;
  for (const auto* z : zs) {
    try {
      agreement::ZoneInstance zi(a, *z);
      drawn.push_back({z, zi.render()});
    } catch (const std::exception&) {
      not_drawn.push_back(z->id);
    }
  }
  std::vector<const agreement::Line*> lines;
  for (const auto& l : a.lines)
    if (agreement::line_in_force(l, t)) lines.push_back(&l);
  std::vector<const agreement::Post*> posts;
  for (const auto& p : a.posts)
    if (agreement::post_active(p, t)) posts.push_back(&p);
  std::vector<const agreement::PatrolRoute*> routes;
  for (const auto& r : a.patrol_routes)
    if (r.valid.contains(t)) routes.push_back(&r);
  const auto day = detail::incidents_in(s, o.day_start, o.day_end);

  // Extent: the zones (else the lines, posts, incidents), with a margin.
  BBox box;
  for (const auto& d : drawn)
    for (const auto& poly : d.geometry.polygons)
      if (!poly.empty())
        for (const auto& q : poly.front()) box.add(q.lon_deg, q.lat_deg);
  if (box.empty())
    for (const auto* l : lines)
      for (const auto& part : l->geometry.parts)
        for (const auto& q : part) box.add(q.lon_deg, q.lat_deg);
  if (box.empty())
    for (const auto* p : posts) box.add(p->position.lon_deg, p->position.lat_deg);
  if (box.empty())
    for (const auto* i : day)
      if (i->has_location) box.add(i->lon_deg, i->lat_deg);
  if (box.empty()) box.add(0, 0);
  {
    // Incidents near the zones widen the extent; far-away ones are only counted.
    BBox near = box;
    const double mx = std::max(0.05, (box.max_lon - box.min_lon) * 0.5);
    const double my = std::max(0.05, (box.max_lat - box.min_lat) * 0.5);
    near.min_lon -= mx, near.max_lon += mx, near.min_lat -= my, near.max_lat += my;
    for (const auto* i : day)
      if (i->has_location && near.contains(i->lon_deg, i->lat_deg)) box.add(i->lon_deg, i->lat_deg);
    const double m = std::max({0.02, (box.max_lon - box.min_lon) * 0.05, (box.max_lat - box.min_lat) * 0.05});
    box.min_lon -= m, box.max_lon += m, box.min_lat -= m, box.max_lat += m;
  }
  const double mid_lat = (box.min_lat + box.max_lat) / 2;
  Projection p;
  p.min_lon = box.min_lon;
  p.max_lat = box.max_lat;
  p.kx = std::cos(mid_lat * std::numbers::pi / 180);
  const double uw = (box.max_lon - box.min_lon) * p.kx, uh = box.max_lat - box.min_lat;
  p.scale = std::min(fw / uw, fh / uh);
  p.ox = fx + (fw - uw * p.scale) / 2;
  p.oy = fy + (fh - uh * p.scale) / 2;
  // Metres per pixel along the parallel at mid latitude (for precision discs).
  double m_per_px = 1;
  {
    double lat2 = 0, lon2 = 0;
    wgs84().Direct(mid_lat, (box.min_lon + box.max_lon) / 2, 90, 10000, lat2, lon2);
    m_per_px = 10000 / std::max(1e-9, (lon2 - (box.min_lon + box.max_lon) / 2) * p.kx * p.scale);
  }

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\" aria-label=\"Map of the zones, posts and the "
      "day's incidents\">\n",
      fixed(W, 0), fixed(H, 0));
  svg += fmt::format(
      "<defs><clipPath id=\"tl-map-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>\n",
      fixed(fx, 1), fixed(fy, 1), fixed(fw, 1), fixed(fh, 1));
  svg += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", fixed(W, 0), fixed(H, 0));
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f6f8\" stroke=\"#9aa3ad\"/>\n",
                     fixed(fx, 1), fixed(fy, 1), fixed(fw, 1), fixed(fh, 1));
  svg += "<g clip-path=\"url(#tl-map-clip)\">\n";

  // Graticule every 0.25 degree (or 1 degree for large extents), light.
  {
    const double span = std::max(box.max_lon - box.min_lon, box.max_lat - box.min_lat);
    const double step = span > 6 ? 1.0 : span > 2.5 ? 0.5 : 0.25;
    svg += "<g class=\"graticule\" stroke=\"#dde2e7\" stroke-width=\"0.8\" fill=\"none\">\n";
    for (double lon = std::ceil(box.min_lon / step) * step; lon <= box.max_lon; lon += step)
      svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", fixed(p.x(lon), 1), fixed(fy, 1),
                         fixed(fy + fh, 1));
    for (double lat = std::ceil(box.min_lat / step) * step; lat <= box.max_lat; lat += step)
      svg += fmt::format("<line x1=\"{1}\" y1=\"{0}\" x2=\"{2}\" y2=\"{0}\"/>\n", fixed(p.y(lat), 1), fixed(fx, 1),
                         fixed(fx + fw, 1));
    svg += "</g>\n";
    // Labels along the bottom and left edges, except under the scale bar's box (bottom left).
    for (double lon = std::ceil(box.min_lon / step) * step; lon <= box.max_lon; lon += step)
      if (p.x(lon) > fx + 250)
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#8a939c\">{}°E</text>\n",
                           fixed(p.x(lon) + 2, 1), fixed(fy + fh - 4, 1), fixed(lon, 2));
    for (double lat = std::ceil(box.min_lat / step) * step; lat <= box.max_lat; lat += step)
      if (p.y(lat) < fy + fh - 50)
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#8a939c\">{}°N</text>\n",
                           fixed(fx + 4, 1), fixed(p.y(lat) - 2, 1), fixed(lat, 2));
  }

  // Zones.
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const auto& d = drawn[k];
    const ZoneStyle st = zone_style(*d.zone, k);
    std::string dpath;
    for (const auto& poly : d.geometry.polygons)
      for (const auto& ring : poly) dpath += path_of(ring, p, true);
    svg += fmt::format(
        "<path class=\"zone\" data-zone=\"{}\" d=\"{}\" fill=\"{}\" fill-opacity=\"{}\" fill-rule=\"evenodd\" "
        "stroke=\"{}\" stroke-width=\"1.5\"/>\n",
        xml_escape(d.zone->id), dpath, st.fill, st.opacity, st.stroke);
  }
  // Patrol routes.
  for (const auto* r : routes)
    for (const auto& part : r->route.parts)
      svg += fmt::format(
          "<path class=\"route\" data-route=\"{}\" d=\"{}\" fill=\"none\" stroke=\"#7b3f9e\" stroke-width=\"2.5\" "
          "stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>\n",
          xml_escape(r->id), path_of(part, p, false));
  // Lines.
  for (const auto* l : lines)
    for (const auto& part : l->geometry.parts)
      svg += fmt::format(
          "<path class=\"line\" data-line=\"{}\" d=\"{}\" fill=\"none\" stroke=\"#222\" stroke-width=\"2\"{}/>\n",
          xml_escape(l->id), path_of(part, p, false), l->approximate ? " stroke-dasharray=\"7 3\"" : "");
  // Posts: triangles; approximate ones hollow, with their uncertainty disc.
  for (const auto* q : posts) {
    const double x = p.x(q->position.lon_deg), y = p.y(q->position.lat_deg);
    if (q->approximate && q->precision_m > 0)
      svg += fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"0.8\" "
          "stroke-dasharray=\"2 2\" stroke-opacity=\"0.6\"/>\n",
          fixed(x, 1), fixed(y, 1), fixed(q->precision_m / m_per_px, 1));
    svg += fmt::format(
        "<path class=\"post\" data-post=\"{}\" d=\"M{},{}L{},{}L{},{}Z\" fill=\"{}\" stroke=\"#1f4e9c\" "
        "stroke-width=\"1.6\"/>\n",
        xml_escape(q->id), fixed(x, 1), fixed(y - 6, 1), fixed(x + 5.5, 1), fixed(y + 4, 1), fixed(x - 5.5, 1),
        fixed(y + 4, 1), q->approximate ? "#ffffff" : "#1f4e9c");
    svg += label(x + 8, y + 4, q->name.empty() ? q->id : q->name, 10, "start", "#1f4e9c");
  }
  // Towns of the gazetteer inside the frame (a context layer): grey dots sized by population,
  // the kTownLabels most populous labelled.
  std::size_t towns_drawn = 0;
  {
    std::vector<const Town*> in_frame;
    for (const auto& t : o.towns) {
      const double x = p.x(t.lon), y = p.y(t.lat);
      if (x >= fx && x <= fx + fw && y >= fy && y <= fy + fh) in_frame.push_back(&t);
    }
    std::stable_sort(in_frame.begin(), in_frame.end(), [](const Town* x, const Town* y) {
      if (x->population != y->population) return x->population > y->population;
      return x->name < y->name;
    });
    svg += "<g class=\"towns\">\n";
    for (std::size_t k = 0; k < in_frame.size(); ++k) {
      const Town& t = *in_frame[k];
      const double x = p.x(t.lon), y = p.y(t.lat);
      const double r = 1.5 + std::log10(static_cast<double>(std::max<int64_t>(t.population, 1))) * 0.5;
      svg += fmt::format("<circle class=\"town\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#6b7280\" fill-opacity=\"0.8\"/>\n",
                         fixed(x, 1), fixed(y, 1), fixed(r, 1));
      if (k < kTownLabels) svg += label(x + r + 2, y + 3, t.name, 9, "start", "#4b5563");
    }
    svg += "</g>\n";
    towns_drawn = in_frame.size();
  }

  // Incidents: only violations and indeterminate ones are drawn (the others are in the
  // incident table), the strongest verdicts on top; numbered as in the report's incident table.
  // Beyond kClusterAbove drawn incidents, nearby ones are grouped into a circle with their
  // count (greedy, in drawing order, within kClusterRadiusPx of the group's first incident):
  // every incident is in exactly one group, none is dropped.
  std::vector<std::size_t> order(day.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return verdict_rank(day[x]->verdict) < verdict_rank(day[y]->verdict);
  });
  std::size_t outside = 0, unknown = 0, not_shown = 0;
  struct Mark {
    std::size_t k;
    double x, y;
  };
  std::vector<Mark> marks;
  for (std::size_t k : order) {
    const auto& inc = *day[k];
    if (inc.verdict != assess::Verdict::violation && inc.verdict != assess::Verdict::indeterminate) {
      ++not_shown;  // listed in the incident table, not drawn
      continue;
    }
    if (!inc.has_location) {  // never drawn (and never at 0°, 0°): counted in the legend
      ++unknown;
      continue;
    }
    const double x = p.x(inc.lon_deg), y = p.y(inc.lat_deg);
    if (x < fx || x > fx + fw || y < fy || y > fy + fh) {
      ++outside;
      continue;
    }
    marks.push_back({k, x, y});
  }
  std::vector<std::vector<Mark>> groups;
  const bool clustered = marks.size() > kClusterAbove;
  for (const auto& m : marks) {
    std::vector<Mark>* into = nullptr;
    if (clustered)
      for (auto& g : groups)
        if (std::hypot(g.front().x - m.x, g.front().y - m.y) <= kClusterRadiusPx) {
          into = &g;
          break;
        }
    if (into) into->push_back(m);
    else groups.push_back({m});
  }
  // Groups drawn weakest first (each group's first member has its strongest verdict).
  std::stable_sort(groups.begin(), groups.end(), [&](const auto& x, const auto& y) {
    return verdict_rank(day[x.front().k]->verdict) < verdict_rank(day[y.front().k]->verdict);
  });
  std::size_t clusters = 0;
  for (const auto& g : groups) {
    if (g.size() == 1) {
      const Mark& m = g.front();
      const auto& inc = *day[m.k];
      const double x = m.x, y = m.y;
      const char* c = detail::verdict_colour(inc.verdict);
      const double r = std::max(3.0, inc.precision_m / m_per_px);
      svg += fmt::format("<g class=\"incident\" data-incident=\"{}\" data-verdict=\"{}\">", xml_escape(inc.id),
                         detail::verdict_name(inc.verdict));
      svg += fmt::format("<title>#{} {} ({})</title>", m.k + 1, xml_escape(inc.kind), detail::verdict_name(inc.verdict));
      svg += fmt::format(
          "<circle class=\"precision\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" fill-opacity=\"0.18\" stroke=\"{}\" "
          "stroke-opacity=\"0.7\" stroke-width=\"1\"/>",
          fixed(x, 1), fixed(y, 1), fixed(r, 1), c, c);
      svg += fmt::format(
          "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
          fixed(x, 1), fixed(y, 1), c);
      svg += "</g>\n";
      svg += label(x + 7, y - 6, fmt::format("{}", m.k + 1), 11, "start", "#111", "bold");
      continue;
    }
    // A group: a circle at the members' mean position, coloured by the strongest verdict,
    // with the count; its title lists the incident numbers.
    ++clusters;
    double cx = 0, cy = 0;
    std::vector<std::size_t> numbers;
    for (const auto& m : g) cx += m.x, cy += m.y, numbers.push_back(m.k + 1);
    cx /= static_cast<double>(g.size());
    cy /= static_cast<double>(g.size());
    std::sort(numbers.begin(), numbers.end());
    std::string list;
    for (std::size_t n : numbers) list += (list.empty() ? "#" : ", #") + std::to_string(n);
    const char* c = detail::verdict_colour(day[g.front().k]->verdict);
    const double r = 9 + 2 * std::log2(static_cast<double>(g.size()));
    svg += fmt::format("<g class=\"cluster\" data-count=\"{}\"><title>{} incidents: {}</title>", g.size(), g.size(), list);
    svg += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
        fixed(cx, 1), fixed(cy, 1), fixed(r, 1), c);
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">{}</text>",
        fixed(cx, 1), fixed(cy + 4, 1), g.size());
    svg += "</g>\n";
  }
  svg += "</g>\n";

  // North arrow (top right of the frame).
  {
    const double ax = fx + fw - 30, ay = fy + 18;
    svg += fmt::format(
        "<g class=\"north-arrow\"><rect x=\"{}\" y=\"{}\" width=\"36\" height=\"52\" rx=\"4\" fill=\"#ffffff\" "
        "fill-opacity=\"0.85\" stroke=\"#9aa3ad\"/>"
        "<path d=\"M{},{}L{},{}L{},{}Z\" fill=\"#222\"/><path d=\"M{},{}L{},{}L{},{}Z\" fill=\"#ffffff\" "
        "stroke=\"#222\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222\">N</text></g>\n",
        fixed(ax - 18, 1), fixed(ay - 10, 1), fixed(ax, 1), fixed(ay + 14, 1), fixed(ax + 7, 1), fixed(ay + 32, 1),
        fixed(ax, 1), fixed(ay + 26, 1), fixed(ax, 1), fixed(ay + 14, 1), fixed(ax - 7, 1), fixed(ay + 32, 1),
        fixed(ax, 1), fixed(ay + 26, 1), fixed(ax, 1), fixed(ay + 8, 1));
  }
  // Scale bar (bottom left of the frame): a round length, its pixel length computed
  // geodesically along the parallel at the bar's latitude.
  {
    const double bx = fx + 16, by = fy + fh - 30;
    const double lat = p.lat(by), lon = p.lon(bx);
    auto px_for = [&](double metres) {
      double lat2 = 0, lon2 = 0;
      wgs84().Direct(lat, lon, 90, metres, lat2, lon2);
      return p.x(lon2) - bx;
    };
    const double target = fw / 4;
    double km = 1;
    for (double c : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0})
      if (px_for(c * 1000) <= target) km = c;
    const double len = px_for(km * 1000), half = px_for(km * 500);
    const std::string km_text = km == std::floor(km) ? fixed(km, 0) : fixed(km, 1);
    const std::string half_text = fixed(km / 2, km / 2 == std::floor(km / 2) ? 0 : 1);
    svg += fmt::format(
        "<g class=\"scale-bar\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"34\" rx=\"4\" fill=\"#ffffff\" "
        "fill-opacity=\"0.85\" stroke=\"#9aa3ad\"/>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"#222\"/>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"#ffffff\" stroke=\"#222\" stroke-width=\"1\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#222\">0</text>"
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#222\">{}</text>"
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#222\">{} km</text></g>\n",
        fixed(bx - 8, 1), fixed(by - 8, 1), fixed(len + 40, 1), fixed(bx, 1), fixed(by, 1), fixed(half, 1),
        fixed(bx + half, 1), fixed(by, 1), fixed(len - half, 1), fixed(bx, 1), fixed(by + 18, 1),
        fixed(bx + half, 1), fixed(by + 18, 1), half_text, fixed(bx + len, 1), fixed(by + 18, 1), km_text);
  }

  // Legend panel.
  double y = fy + 16;
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">{}</text>\n",
                     fixed(lx, 1), fixed(y, 1), xml_escape(a.id.empty() ? std::string("Agreement") : a.id));
  y += 18;
  if (o.days > 1 && !o.date_to.empty()) {  // two lines: the period does not fit the panel on one
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#444\">Incidents of {} to {}</text>\n",
                       fixed(lx, 1), fixed(y, 1), xml_escape(o.date), xml_escape(o.date_to));
    y += 15;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#444\">({} local days, {})</text>\n",
                       fixed(lx, 1), fixed(y, 1), o.days, detail::utc_offset_text(a.utc_offset_minutes));
  } else {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#444\">Incidents of {} ({})</text>\n",
                       fixed(lx, 1), fixed(y, 1), xml_escape(o.date), detail::utc_offset_text(a.utc_offset_minutes));
  }
  y += 26;
  auto heading = [&](const char* text) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">{}</text>\n",
                       fixed(lx, 1), fixed(y, 1), text);
    y += 16;
  };
  auto entry_text = [&](const std::string& text) {
    const auto ls = wrap(text, 40);
    for (std::size_t i = 0; i < ls.size(); ++i) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\">{}</text>\n", fixed(lx + 26, 1),
                         fixed(y + 4 + 13 * static_cast<double>(i), 1), xml_escape(ls[i]));
    }
    y += 13 * static_cast<double>(std::max<std::size_t>(1, ls.size())) + 5;
  };
  heading("Incidents (verdict)");
  {
    std::map<assess::Verdict, int> counts;
    for (const auto* i : day) ++counts[i->verdict];
    for (auto v : {assess::Verdict::violation, assess::Verdict::indeterminate}) {
      const char* c = detail::verdict_colour(v);
      svg += fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n",
          fixed(lx + 10, 1), fixed(y, 1), c);
      std::string name = detail::verdict_name(v);
      std::replace(name.begin(), name.end(), '_', ' ');
      entry_text(fmt::format("{} ({})", name, counts[v]));
    }
    svg += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"#888\" fill-opacity=\"0.18\" stroke=\"#888\"/>\n",
        fixed(lx + 10, 1), fixed(y, 1));
    entry_text("shaded disc: location uncertainty (radius to scale); numbers as in the incident table");
    entry_text(fmt::format("Shown: violations and indeterminate incidents only; {} compliant or not applicable "
                           "incident(s) are listed in the incident table, not drawn",
                           not_shown));
    if (clusters > 0) {
      svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"{}\" fill-opacity=\"0.85\"/>\n", fixed(lx + 10, 1),
                         fixed(y, 1), detail::kViolationColour);
      entry_text(fmt::format("circle with a count: {} groups of nearby incidents (more than {} incidents drawn; "
                             "every incident is in one)",
                             clusters, kClusterAbove));
    }
    if (outside > 0) entry_text(fmt::format("{} incident(s) outside the map extent", outside));
    if (unknown > 0) entry_text(fmt::format("{} not drawn: location unknown", unknown));
    if (towns_drawn > 0) {
      svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#6b7280\"/>\n", fixed(lx + 10, 1), fixed(y, 1));
      entry_text(fmt::format("town or village (GeoNames), sized by population; the {} largest named", kTownLabels));
    }
  }
  y += 6;
  heading("Zones in force");
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const ZoneStyle st = zone_style(*drawn[k].zone, k);
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"12\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" "
        "stroke-width=\"1.5\"/>\n",
        fixed(lx + 1, 1), fixed(y - 7, 1), st.fill, st.opacity, st.stroke);
    const auto& z = *drawn[k].zone;
    entry_text(z.title.empty() ? z.id : z.id + ": " + z.title);
  }
  for (const auto& id : not_drawn) entry_text(id + ": could not be drawn");
  y += 6;
  heading("Lines, posts, routes");
  for (const auto* l : lines) {
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#222\" stroke-width=\"2\"{}/>\n", fixed(lx, 1),
        fixed(y, 1), fixed(lx + 20, 1), fixed(y, 1), l->approximate ? " stroke-dasharray=\"7 3\"" : "");
    entry_text(l->id + (l->approximate ? " (approximate)" : ""));
  }
  if (!posts.empty()) {
    const double px = lx + 10, py = y;
    svg += fmt::format("<path d=\"M{},{}L{},{}L{},{}Z\" fill=\"#1f4e9c\" stroke=\"#1f4e9c\" stroke-width=\"1.6\"/>\n",
                       fixed(px, 1), fixed(py - 6, 1), fixed(px + 5.5, 1), fixed(py + 4, 1), fixed(px - 5.5, 1),
                       fixed(py + 4, 1));
    entry_text("observation post (position known)");
    svg += fmt::format("<path d=\"M{},{}L{},{}L{},{}Z\" fill=\"#ffffff\" stroke=\"#1f4e9c\" stroke-width=\"1.6\"/>\n",
                       fixed(px, 1), fixed(y - 6, 1), fixed(px + 5.5, 1), fixed(y + 4, 1), fixed(px - 5.5, 1),
                       fixed(y + 4, 1));
    std::size_t approx = 0;
    for (const auto* q : posts) approx += q->approximate ? 1 : 0;
    entry_text(fmt::format("approximate post, dashed circle: its uncertainty ({} of {} active posts)", approx,
                           posts.size()));
  }
  for (const auto* r : routes) {
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#7b3f9e\" stroke-width=\"2.5\" "
        "stroke-dasharray=\"2 4\" stroke-linecap=\"round\"/>\n",
        fixed(lx, 1), fixed(y, 1), fixed(lx + 20, 1), fixed(y, 1));
    entry_text("patrol route " + r->id);
  }
  y += 6;
  heading("Notes");
  const double note_x = lx;
  auto note = [&](const std::string& text) {
    for (const auto& l : wrap(text, 46)) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555\">{}</text>\n", fixed(note_x, 1),
                         fixed(y, 1), xml_escape(l));
      y += 12;
    }
    y += 3;
  };
  note(fmt::format("Display projection: equirectangular, x scaled by cos({}°); not for measurement.",
                   fixed(mid_lat, 1)));
  note("Scale bar length computed geodesically (WGS84, GeographicLib) at its latitude.");
  note(detail::geometry_note(a));
  note("Place names: GeoNames (CC BY 4.0).");
  if (!o.data_note.empty()) note(o.data_note);
  svg += "</svg>\n";
  return svg;
}

std::string chart_svg(const assess::Assessment& s, const DailyOptions& o) {
  // The window's days, ending with the period's last day (o.window_days, at least 30).
  const int kDays = std::max(1, o.window_days);
  const int period = std::clamp(o.days, 1, kDays);
  const std::string last_date = o.days > 1 && !o.date_to.empty() ? o.date_to : o.date;
  const double W = 960, H = 300;
  const double px0 = 56, px1 = 944, py0 = 40, py1 = 240;  // plot area
  struct Day {
    int64_t start = 0;
    int violation = 0, indeterminate = 0, other = 0;
  };
  std::vector<Day> days(static_cast<std::size_t>(kDays));
  for (int i = 0; i < kDays; ++i) days[static_cast<std::size_t>(i)].start = o.day_end - int64_t{kDays - i} * 86400;
  const int64_t first = days[0].start;
  for (const auto& inc : s.incidents) {
    if (inc.first_unix < first || inc.first_unix >= o.day_end) continue;
    const auto i = static_cast<std::size_t>((inc.first_unix - first) / 86400);
    if (i >= days.size()) continue;
    if (inc.verdict == assess::Verdict::violation) ++days[i].violation;
    else if (inc.verdict == assess::Verdict::indeterminate) ++days[i].indeterminate;
    else ++days[i].other;
  }
  int max_count = 0;
  for (const auto& d : days) max_count = std::max(max_count, d.violation + d.indeterminate + d.other);
  // The tick step: the smallest round step giving at most 6 ticks.
  int step = 10000;
  for (int c : {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000}) {
    if ((max_count + c - 1) / c <= 6) {
      step = c;
      break;
    }
  }
  const int top = std::max(step, ((max_count + step - 1) / step) * step);
  const double bw = (px1 - px0) / kDays;
  auto yv = [&](double v) { return py1 - (py1 - py0) * v / top; };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\" aria-label=\"Incidents per day "
      "over {2} days\">\n",
      fixed(W, 0), fixed(H, 0), kDays);
  svg += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", fixed(W, 0), fixed(H, 0));
  svg += fmt::format("<text x=\"{}\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">Incidents per day, "
                     "{} days to {}</text>\n",
                     fixed(px0, 1), kDays, xml_escape(last_date));
  // Legend.
  {
    double x = px1 - 390;
    const std::array<std::pair<const char*, const char*>, 3> items{{{detail::kViolationColour, "violation"},
                                                                     {detail::kIndeterminateColour, "indeterminate"},
                                                                     {kOtherColour, "other (compliant, n/a)"}}};
    for (const auto& [c, name] : items) {
      svg += fmt::format("<rect x=\"{}\" y=\"11\" width=\"11\" height=\"11\" fill=\"{}\"/>", fixed(x, 1), c);
      svg += fmt::format("<text x=\"{}\" y=\"21\" font-size=\"11\" fill=\"#333\">{}</text>\n", fixed(x + 15, 1),
                         name);
      x += static_cast<double>(std::string_view(name).size()) * 6.5 + 30;
    }
  }
  // Report day highlight.
  {
    const double x = px0 + bw * (kDays - period);
    svg += fmt::format(
        "<rect class=\"report-day\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fff3bf\" "
        "stroke=\"#e0b000\" stroke-width=\"1\"/>\n",
        fixed(x, 1), fixed(py0 - 8, 1), fixed(bw * period, 1), fixed(py1 - py0 + 8 + 34, 1));
  }
  // Grid and y axis.
  for (int v = 0; v <= top; v += step) {
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
                       fixed(px0, 1), fixed(yv(v), 1), fixed(px1, 1), fixed(yv(v), 1), v == 0 ? "#555" : "#e3e6ea");
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\" fill=\"#444\">{}</text>\n",
                       fixed(px0 - 6, 1), fixed(yv(v) + 3.5, 1), v);
  }
  svg += fmt::format(
      "<text x=\"14\" y=\"{0}\" font-size=\"11\" fill=\"#444\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 14 {0})\">incidents</text>\n",
      fixed((py0 + py1) / 2, 1));
  // Bars: violation at the bottom, then indeterminate, then other.
  for (int i = 0; i < kDays; ++i) {
    const auto& d = days[static_cast<std::size_t>(i)];
    const double x = px0 + bw * i + bw * 0.15, w = bw * 0.7;
    double base = 0;
    const std::array<std::pair<int, const char*>, 3> parts{
        {{d.violation, detail::kViolationColour}, {d.indeterminate, detail::kIndeterminateColour}, {d.other, kOtherColour}}};
    // Days back from the period's first day (o.date); negative within a period of several days.
    const std::string day_text = date_label(o, (kDays - 1 - i) - (period - 1), d.start);
    for (const auto& [n, c] : parts) {
      if (n == 0) continue;
      svg += fmt::format(
          "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>\n",
          fixed(x, 1), fixed(yv(base + n), 1), fixed(w, 1), fixed(yv(base) - yv(base + n), 1), c, day_text, n);
      base += n;
    }
    const int total = d.violation + d.indeterminate + d.other;
    if (total > 0)
      svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#333\">{}</text>\n",
                         fixed(x + w / 2, 1), fixed(yv(total) - 3, 1), total);
    // x labels: day of month; the month under the first day and every 1st.
    const bool last = i >= kDays - period;
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\" font-weight=\"{}\">{}</text>\n",
        fixed(x + w / 2, 1), fixed(py1 + 14, 1), last ? "#000" : "#444", last ? "bold" : "normal",
        day_text.substr(8, 2));
    if (i == 0 || day_text.substr(8, 2) == "01")
      svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"start\" fill=\"#444\">{}</text>\n",
                         fixed(px0 + bw * i, 1), fixed(py1 + 28, 1), day_text.substr(0, 7));
  }
  svg += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\" fill=\"#7a5c00\" font-weight=\"bold\">{}</text>\n",
      fixed(px1, 1), fixed(py1 + 42, 1), period == 1 ? "report day" : "report period");
  svg += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#666\">Days are local days; an incident counts on the day of its first report.</text>\n",
      fixed(px0, 1), fixed(py1 + 52, 1));
  svg += "</svg>\n";
  return svg;
}

}  // namespace truceline::report
