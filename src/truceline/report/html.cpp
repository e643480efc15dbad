// report.html: the sections as a self-contained HTML page (inline CSS, the map, chart and
// coverage strip inlined as SVG; no script, no network).
#include <fmt/format.h>
#include <string>

#include "truceline/report/detail/format.hpp"
#include "truceline/report/detail/render.hpp"

namespace truceline::report::detail {

using nlohmann::json;

namespace {

std::string html_table(const Table& t) {
  if (t.rows.empty()) return fmt::format("<p class=\"none\">{}</p>\n", xml_escape(t.empty_text));
  std::string out = "<table>\n<thead><tr>";
  for (const auto& h : t.head) out += "<th>" + xml_escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string cls = r < t.row_class.size() ? t.row_class[r] : std::string();
    out += cls.empty() ? "<tr>" : "<tr class=\"" + xml_escape(cls) + "\">";
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const std::string& v = t.rows[r][c];
      if (t.head[c] == "verdict" && !v.empty())
        out += "<td><span class=\"badge " + xml_escape(v) + "\">" + xml_escape(v) + "</span></td>";
      else
        out += "<td>" + xml_escape(v) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

const char* kCss = R"(body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#1d232a;margin:0;background:#fff;font-size:14px;line-height:1.4}
main{max-width:1160px;margin:0 auto;padding:16px 20px 40px}
h1{font-size:22px;margin:4px 0 2px}
h2{font-size:17px;margin:26px 0 8px;padding-bottom:3px;border-bottom:2px solid #d9dee4}
h3{font-size:14px;margin:14px 0 6px}
.meta{color:#4a5560;margin:2px 0 10px}
.note{background:#fff4ce;border:1px solid #e5c44a;border-left:6px solid #e0a800;padding:8px 12px;margin:10px 0;font-weight:bold}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.card{border:1px solid #d9dee4;border-radius:6px;padding:8px 12px;min-width:150px;background:#fafbfc}
.card .v{font-size:24px;font-weight:bold}
.card .l{font-size:12px;color:#4a5560}
.card .p{font-size:12px;color:#4a5560}
.card.violation .v{color:#b81f20}
.card.indeterminate .v{color:#a86d00}
table{border-collapse:collapse;margin:6px 0 10px;font-size:12.5px;width:100%}
th,td{border:1px solid #d9dee4;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef1f4}
tr.violation td:first-child{border-left:4px solid #d62728}
tr.indeterminate td:first-child{border-left:4px solid #f0a202}
tr.unknown td{color:#8a4b00}
.badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:11.5px;white-space:nowrap}
.badge.violation{background:#d62728}.badge.indeterminate{background:#c98500}
.badge.compliant{background:#2ca02c}.badge.not_applicable{background:#8c8c8c}
.none{color:#5f6b76;font-style:italic}
svg{max-width:100%;height:auto;display:block}
figure{margin:6px 0}
figcaption{font-size:12px;color:#4a5560}
.small{font-size:12px;color:#4a5560}
.summary{font-size:15px;line-height:1.5;margin:10px 0 4px;max-width:60em}
@page{size:A4;margin:15mm 12mm 16mm}
@media print{
body{font-size:10pt;line-height:1.3;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;margin:0;padding:0}
h1{font-size:16pt}
h2{font-size:13pt;margin:14pt 0 5pt}
h2,h3,.keep{break-after:avoid;page-break-after:avoid}
table{font-size:8.5pt;break-inside:auto}
thead{display:table-header-group}
tr,td,th{break-inside:avoid;page-break-inside:avoid}
figure,svg,.cards,.card,.note,.summary{break-inside:avoid;page-break-inside:avoid}
svg{max-height:240mm;width:auto;max-width:100%}
a{color:inherit;text-decoration:none}
}
)";

}  // namespace

std::string html_of(const json& j, const Sections& x, const std::string& map, const std::string& chart,
                    const std::string& strip) {
  const std::string title = str(j["title"]);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + xml_escape(title) + " — " + xml_escape(str(j["date"])) + "</title>\n";
  h += "<style>\n" + std::string(kCss) + "</style>\n</head>\n<body>\n<main>\n";
  h += "<h1>" + xml_escape(title) + "</h1>\n";
  const bool one_day = x.period_name == "report day";
  h += fmt::format("<p class=\"meta\">Report for <strong>{}</strong> ({}, {}; {} to {}) · agreement <code>{}</code> · "
                   "assessment window {} days</p>\n",
                   xml_escape(x.period_dates),
                   one_day ? std::string("local day") : fmt::format("{} local days", str(j["period"]["days"])),
                   xml_escape(str(j["timezone"])), xml_escape(str(j["period"]["start"])),
                   xml_escape(str(j["period"]["end"])), xml_escape(str(j["agreement"])), x.window_days);
  if (!str(j["data_note"]).empty()) h += "<p class=\"note\">" + xml_escape(str(j["data_note"])) + "</p>\n";
  h += "<h2 id=\"summary\">Summary</h2>\n<p class=\"summary\">" + xml_escape(x.summary) + "</p>\n";

  h += "<h2 id=\"headline\">Headline numbers</h2>\n<div class=\"cards\">\n";
  {
    const json& c = j["headline"]["current"];
    const json& p = j["headline"]["previous"];
    auto card = [&](const char* cls, const std::string& value, const char* label, const std::string& prev) {
      h += fmt::format("<div class=\"card {}\"><div class=\"v\">{}</div><div class=\"l\">{}</div><div class=\"p\">"
                       "{} {}</div></div>\n",
                       cls, xml_escape(value), label, xml_escape(x.previous_name), xml_escape(prev));
    };
    auto n = [&](const char* k) { return std::to_string(c[k].get<long long>()); };
    auto pn = [&](const char* k) {
      return std::to_string(p[k].get<long long>()) + " (" + delta(c[k].get<long long>(), p[k].get<long long>()) + ")";
    };
    card("", n("incidents"), "incidents", pn("incidents"));
    card("violation", n("violations_corroborated"), "violations, corroborated (incidents)",
         pn("violations_corroborated"));
    card("violation", n("violations_single_source"), "violations, single source (incidents)",
         pn("violations_single_source"));
    card("indeterminate", n("indeterminate"), "indeterminate (incidents)", pn("indeterminate"));
    card("", range(c["civilian_fatalities"]), "civilian fatalities", range(p["civilian_fatalities"]));
    card("", range(c["civilian_injured"]), "civilians injured", range(p["civilian_injured"]));
    card("", range(c["explosions"]), "explosions (lowest–highest claim)", range(p["explosions"]));
    card("", n("reports"), "reports received", pn("reports"));
    card(c["location_unknown"].get<long long>() > 0 ? "indeterminate" : "", n("location_unknown"),
         "reports with location unknown (not on the map)", pn("location_unknown"));
    card("", n("sources"), "sources", pn("sources"));
  }
  h += "</div>\n";

  h += "<h2 id=\"map\">Map</h2>\n<figure>\n" + map + "<figcaption>Zones in force on the " + xml_escape(x.period_name) +
       ", the agreement's lines, active observation posts, towns, and the violations and indeterminate incidents of the " +
       (one_day ? "day" : "period") +
       " (numbers as in the table below; the others are listed there, not drawn). Also as <a "
       "href=\"map.svg\">map.svg</a>.</figcaption>\n</figure>\n";

  h += one_day ? "<h2 id=\"incidents\">Incidents of the day</h2>\n" : "<h2 id=\"incidents\">Incidents of the period</h2>\n";
  h += html_table(x.incidents);
  h += "<h2 id=\"violations\">Violations by kind and area</h2>\n<h3>By kind</h3>\n";
  h += html_table(x.by_kind);
  h += "<h3>By zone</h3>\n" + html_table(x.by_zone);
  h += "<h3>By area, against the " + xml_escape(x.previous_name) + "</h3>\n";
  h += "<p class=\"small keep\">Each incident is counted in one area: the sector of the agreement's line zone it lies in "
       "(the coverage sectors below), else the admin1 (province) of the nearest gazetteer place; \"area from\" says "
       "which.</p>\n";
  h += html_table(x.areas);
  h += "<h2 id=\"weapons\">Weapons sighted inside withdrawal zones</h2>\n";
  h += "<p class=\"small keep\">Every sighting not wholly outside the zone, with its status: violation, within an extended "
       "deadline, before the deadline, indeterminate or not applicable.</p>\n";
  h += html_table(x.weapons);
  h += "<h2 id=\"groups\">Group presence inside withdrawal zones</h2>\n";
  h += html_table(x.groups);
  h += "<h2 id=\"harm\">Civilian harm</h2>\n";
  h += fmt::format("<p>Civilian fatalities: <strong>{}</strong>; injured: <strong>{}</strong> (lowest–highest claim "
                   "per incident, summed). Counts as reported; differing counts are shown side by side.</p>\n",
                   xml_escape(range(j["civilian_harm"]["fatalities"])), xml_escape(range(j["civilian_harm"]["injured"])));
  h += html_table(x.harm);
  h += "<h2 id=\"restrictions\">Restrictions on monitors</h2>\n";
  h += html_table(x.restrictions);
  h += "<h2 id=\"coverage\">Observation coverage</h2>\n";
  h += "<p class=\"small keep\">Sectors of the zone lines with at least one observation " + (one_day ? std::string("on the ") : std::string("in the ")) + xml_escape(x.period_name) + " (clear), with a "
       "violation, or without any observation (unobserved: no evidence either way).</p>\n";
  h += html_table(x.coverage) + strip;
  h += "<h2 id=\"contested\">Contested claims</h2>\n";
  h += html_table(x.contested);
  h += "<h2 id=\"locations\">Report locations</h2>\n";
  h += std::string("<p class=\"small keep\">Where each report of the ") + (one_day ? "day" : "period") + " was placed and how: its own coordinates, its place name "
       "resolved through the gazetteer, or unknown. " + xml_escape(x.locations_note) + "</p>\n";
  h += html_table(x.locations);
  h += "<h2 id=\"obligations\">Obligation status</h2>\n";
  h += fmt::format("<p class=\"small keep\">Every count is of incidents: over the {}-day window, and on the {} against "
                   "the {}.</p>\n",
                   x.window_days, xml_escape(x.period_name), xml_escape(x.previous_name));
  h += html_table(x.obligations);
  h += fmt::format("<h2 id=\"trend\">{}-day trend</h2>\n<figure>\n", x.window_days) + chart +
       "<figcaption>Also as <a href=\"chart.svg\">chart.svg</a>.</figcaption>\n</figure>\n";
  if (x.communication) {
    h += "<h2 id=\"communication\">Communication mechanism</h2>\n";
    h += "<p class=\"small\">" + xml_escape(x.comm_note) + "</p>\n";
    h += std::string("<h3>Log entries of the ") + (one_day ? "day" : "period") + " by party and type</h3>\n" + html_table(x.comm_by_party);
    h += "<h3>Reports, acknowledgements and disputes</h3>\n" + html_table(x.comm_reports);
    h += "<h3>Notifications</h3>\n" + html_table(x.comm_notifications);
  }
  h += "<h2 id=\"method\">Method and caveats</h2>\n<ul>\n";
  for (const auto& m : x.method) h += "<li>" + xml_escape(m) + "</li>\n";
  h += "</ul>\n<h2 id=\"attribution\">Attribution</h2>\n<ul>\n";
  for (const auto& m : x.attribution) h += "<li>" + xml_escape(m) + "</li>\n";
  h += "</ul>\n<p class=\"small\">Data files: <a href=\"summary.json\">summary.json</a>, <a "
       "href=\"incidents.geojson\">incidents.geojson</a>, <a href=\"report.md\">report.md</a>.</p>\n";
  h += "</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace truceline::report::detail
