// report.md: the sections as Markdown (the map and chart as links to map.svg and chart.svg).
#include <fmt/format.h>
#include <string>
#include <vector>

#include "truceline/report/detail/format.hpp"
#include "truceline/report/detail/render.hpp"

namespace truceline::report::detail {

using nlohmann::json;

namespace {

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '*': case '_': case '`': case '[': case ']': case '#':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string md_table(const Table& t) {
  if (t.rows.empty()) {
    // Appended rather than `std::string("_") + ... + "_\n\n"`: GCC 12 reports a false
    // -Wrestrict on that operator+ chain once this function is inlined into its own file.
    std::string out = "_";
    out += md_escape(t.empty_text);
    out += "_\n\n";
    return out;
  }
  std::string out;
  auto row = [&](const std::vector<std::string>& cells) {
    out += "|";
    for (const auto& c : cells) {
      out += ' ';
      out += md_escape(c);
      out += " |";
    }
    out += "\n";
  };
  row(t.head);
  out += "|";
  for (std::size_t i = 0; i < t.head.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : t.rows) row(r);
  return out + "\n";
}

}  // namespace

std::string md_of(const json& j, const Sections& x) {
  std::string m = "# " + md_escape(str(j["title"])) + "\n\n";
  const bool one_day = x.period_name == "report day";
  m += fmt::format("Report for **{}** ({}, {}; {} to {}) · agreement `{}` · assessment window {} days\n\n",
                   md_escape(x.period_dates),
                   one_day ? std::string("local day") : fmt::format("{} local days", str(j["period"]["days"])),
                   str(j["timezone"]), str(j["period"]["start"]), str(j["period"]["end"]), md_escape(str(j["agreement"])),
                   x.window_days);
  if (!str(j["data_note"]).empty()) m += "> **" + md_escape(str(j["data_note"])) + "**\n\n";
  m += "## Summary\n\n" + md_escape(x.summary) + "\n\n";
  m += "## Headline numbers\n\n" + md_table(x.headline);
  m += std::string("## Map\n\n![Map of the zones, posts, towns and the ") + (one_day ? "day" : "period") +
       "'s violations and indeterminate incidents](map.svg)\n\n";
  m += std::string("## Incidents of the ") + (one_day ? "day" : "period") + "\n\n" + md_table(x.incidents);
  m += "## Violations by kind and area\n\n### By kind\n\n" +
       md_table(x.by_kind);
  m += "### By zone\n\n" + md_table(x.by_zone);
  m += "### By area, against the " + x.previous_name +
       "\n\nEach incident is counted in one area: the sector of the agreement's line zone it lies in (the coverage "
       "sectors below), else the admin1 (province) of the nearest gazetteer place; \"area from\" says which.\n\n" +
       md_table(x.areas);
  m += "## Weapons sighted inside withdrawal zones\n\nEvery sighting not wholly outside the zone, with its status: "
       "violation, within an extended deadline, before the deadline, indeterminate or not applicable.\n\n" +
       md_table(x.weapons);
  m += "## Group presence inside withdrawal zones\n\n" +
       md_table(x.groups);
  m += fmt::format("## Civilian harm\n\nCivilian fatalities: **{}**; injured: **{}** (lowest–highest claim per "
                   "incident, summed).\n\n",
                   range(j["civilian_harm"]["fatalities"]), range(j["civilian_harm"]["injured"]));
  m += md_table(x.harm);
  m += "## Restrictions on monitors\n\n" + md_table(x.restrictions);
  m += "## Observation coverage\n\n" + md_table(x.coverage);
  m += "## Contested claims\n\n" + md_table(x.contested);
  m += std::string("## Report locations\n\nWhere each report of the ") + (one_day ? "day" : "period") + " was placed and how: its own coordinates, its place name "
       "resolved through the gazetteer, or unknown. " + md_escape(x.locations_note) + "\n\n" +
       md_table(x.locations);
  m += fmt::format("## Obligation status\n\nEvery count is of incidents: over the {}-day window, and on the {} against "
                   "the {}.\n\n",
                   x.window_days, x.period_name, x.previous_name) +
       md_table(x.obligations);
  m += fmt::format("## {0}-day trend\n\n![Incidents per day over {0} days](chart.svg)\n\n", x.window_days);
  if (x.communication) {
    m += "## Communication mechanism\n\n" + md_escape(x.comm_note) + "\n\n";
    m += std::string("### Log entries of the ") + (one_day ? "day" : "period") + " by party and type\n\n" + md_table(x.comm_by_party);
    m += "### Reports, acknowledgements and disputes\n\n" + md_table(x.comm_reports);
    m += "### Notifications\n\n" + md_table(x.comm_notifications);
  }
  m += "## Method and caveats\n\n";
  for (const auto& s : x.method) m += "- " + md_escape(s) + "\n";
  m += "\n## Attribution\n\n";
  for (const auto& s : x.attribution) m += "- " + md_escape(s) + "\n";
  m += "\nData files: [summary.json](summary.json), [incidents.geojson](incidents.geojson), [report.html](report.html).\n";
  return m;
}

}  // namespace truceline::report::detail
