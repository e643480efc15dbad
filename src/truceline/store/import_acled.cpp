// The ACLED importer (docs/importers.md, "ACLED"): an ACLED export (any of its three layouts)
// read with the shared CSV reader, each event mapped to a report by ACLED's tables (event and
// sub-event types -> kind and tags, geo_precision -> metres, time_precision -> day/week/month).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <set>

#include "truceline/error.hpp"
#include "truceline/store/detail/importers.hpp"
#include "truceline/text.hpp"

namespace truceline::store {

using nlohmann::json;

namespace detail {
namespace {

class AcledReader final : public RowReader {
 public:
  AcledReader(std::istream& in, const ReaderOptions& options) : parser_(in, options.delimiter) {
    // A problem is kept (make_acled_reader returns it), not thrown: see try_open_reader.
    if (auto p = read_header(parser_, "ACLED CSV", rec_, names_)) {
      problem_ = std::move(*p);
      return;
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const std::string l = ascii_lower(names_[i]);
      if (!col_.count(l)) col_[l] = i;
    }
    std::vector<std::string> missing;
    for (const char* c : {"event_date", "event_type", "latitude", "longitude"})
      if (!col_.count(c)) missing.push_back(c);
    if (!col_.count("event_id_cnty") && !col_.count("data_id")) missing.push_back("event_id_cnty");
    if (!missing.empty()) {
      std::string m;
      for (const auto& s : missing) m += (m.empty() ? "" : ", ") + s;
      problem_ = fmt::format("not an ACLED export: the header lacks {} (columns: {})", m, list_columns(names_));
      return;
    }
    // The layout by the columns present, whatever their case (docs/importers.md): data_id is
    // the 2019-22 exports'; event_id_no_cnty without it, or no sub_event_type, the older
    // (pre-2019) one; anything else the current layout.
    layout_ = col_.count("data_id")                                               ? "2019-22"
              : col_.count("event_id_no_cnty") || !col_.count("sub_event_type") ? "legacy"
                                                                                  : "current";
    // Every column is kept under its own name; a repeated name gets "#N" (its column number).
    std::set<std::string> used;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      std::string key = names_[i].empty() ? fmt::format("column_{}", i + 1) : names_[i];
      if (used.count(key)) key += fmt::format("#{}", i + 1);
      used.insert(key);
      keys_.push_back(key);
    }
  }

  bool next(RawRow& row) override {
    if (!parser_.next(rec_)) return false;
    row.number = rec_.line;
    row.raw = rec_.raw;
    row.outcome = RowOutcome{};
    std::string& err = row.outcome.error;
    if (err = record_problem(rec_, names_.size()); !err.empty()) return true;
    auto cell = [&](const char* name) -> std::string {
      const auto it = col_.find(name);
      return it == col_.end() ? std::string() : std::string(trim(rec_.fields[it->second]));
    };
    json o = json::object();
    json acled = json::object();
    for (std::size_t i = 0; i < names_.size(); ++i) acled[keys_[i]] = rec_.fields[i];

    std::string id = cell("event_id_cnty");
    if (id.empty()) id = cell("data_id");
    if (!id.empty()) o["source_id"] = id;

    const std::string date = cell("event_date");
    if (date.empty()) {
      err = "missing event_date";
      return true;
    }
    const auto iso = acled_date(date);
    if (!iso) {
      err = fmt::format("event_date '{}' is not a date (2018-10-12, 12 October 2018 or dd/mm/yyyy)", date);
      return true;
    }
    o["observed_at"] = *iso;
    const std::string tp = cell("time_precision");
    if (tp.empty() || tp == "1") o["time_precision"] = "day";
    else if (tp == "2") o["time_precision"] = "week";
    else if (tp == "3") o["time_precision"] = "month";
    else {
      err = fmt::format("time_precision '{}' is not ACLED's 1 (day), 2 (week) or 3 (month)", tp);
      return true;
    }

    const std::string lat = cell("latitude"), lon = cell("longitude");
    if (!lat.empty()) o["lat"] = lat;
    if (!lon.empty()) o["lon"] = lon;
    if (const std::string loc = cell("location"); !loc.empty()) o["place"] = loc;
    const std::string gp = cell("geo_precision");
    if (gp == "1") o["location_precision_m"] = 2000;
    else if (gp == "2") o["location_precision_m"] = 10000;
    else if (gp == "3" || gp.empty()) o["location_precision_m"] = 50000;
    else {
      err = fmt::format("geo_precision '{}' is not ACLED's 1, 2 or 3", gp);
      return true;
    }

    const std::string et = cell("event_type"), st = cell("sub_event_type");
    if (et.empty() && st.empty()) {
      err = "missing event_type";
      return true;
    }
    AcledKind k = acled_kind(et, st);
    o["kind"] = k.kind;
    if (!cell("civilian_targeting").empty()) k.tags.push_back("civilian_targeting");
    if (!k.tags.empty()) o["tags"] = k.tags;

    if (const std::string a = cell("actor1"); !a.empty()) o["actor"] = a;
    if (const std::string t = cell("actor2"); !t.empty()) o["target"] = t;
    if (const std::string f = cell("fatalities"); !f.empty()) o["fatalities"] = f;
    if (const std::string n = cell("notes"); !n.empty()) o["summary"] = n;
    o["source"] = {{"name", "ACLED"}, {"type", "other"}};
    o["reliability"] = "F";
    o["credibility"] = 6;
    o["acled"] = std::move(acled);
    o["acled_layout"] = layout_;
    row.outcome = report_from_json(o);
    return true;
  }
  std::string format() const override { return "acled"; }

  // The file-level problem found while opening (the header), or "" (see try_open_reader).
  const std::string& problem() const { return problem_; }

 private:
  io::CsvReader parser_;
  io::CsvRecord rec_;
  std::vector<std::string> names_, keys_;
  std::map<std::string, std::size_t> col_;  // lower-case name -> first column with it
  std::string layout_;
  std::string problem_;
};

}  // namespace

OpenedReader make_acled_reader(std::istream& in, const ReaderOptions& options) {
  auto reader = std::make_unique<AcledReader>(in, options);
  if (!reader->problem().empty()) return {nullptr, reader->problem(), false};
  return {std::move(reader), {}, false};
}

}  // namespace detail

using detail::trim;

std::optional<std::string> acled_date(std::string_view text) {
  std::string_view s = trim(text);
  std::size_t p = 0;
  auto number = [&](std::size_t min, std::size_t max, int& out) {
    out = 0;
    std::size_t n = 0;
    while (p < s.size() && n < max && s[p] >= '0' && s[p] <= '9') out = out * 10 + (s[p++] - '0'), ++n;
    return n >= min && (p >= s.size() || s[p] < '0' || s[p] > '9');
  };
  auto lit = [&](char c) {
    if (p < s.size() && s[p] == c) return ++p, true;
    return false;
  };
  int y = 0, m = 0, d = 0;
  bool ok = false;
  if (s.size() >= 4 && s.find_first_not_of("0123456789") == 4) {  // 2018-10-12
    ok = number(4, 4, y) && lit('-') && number(1, 2, m) && lit('-') && number(1, 2, d) && p == s.size();
  } else if (s.find('/') != std::string_view::npos) {  // 12/10/2018 (dd/mm/yyyy)
    ok = number(1, 2, d) && lit('/') && number(1, 2, m) && lit('/') && number(4, 4, y) && p == s.size();
  } else if (number(1, 2, d) && (lit(' ') || lit('-'))) {  // 12 October 2018, 12-Oct-2018
    const std::size_t name_start = p;
    while (p < s.size() && ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= 'A' && s[p] <= 'Z'))) ++p;
    const std::string name = ascii_lower(s.substr(name_start, p - name_start));
    static const std::array<const char*, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                    "july",    "august",   "september", "october", "november", "december"};
    for (int i = 0; i < 12 && !m; ++i) {
      const std::string full = months[static_cast<std::size_t>(i)];
      if (name == full || (name.size() >= 3 && full.rfind(name, 0) == 0 && (name.size() == 3 || name == "sept")))
        m = i + 1;
    }
    ok = m && (lit(' ') || lit('-')) && number(4, 4, y) && p == s.size();
  }
  if (!ok) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

AcledKind acled_kind(std::string_view event_type, std::string_view sub_event_type) {
  // Current and 2019-22 sub-event types (docs/importers.md, "ACLED kinds").
  static const std::map<std::string, AcledKind> by_sub{
      {"armed clash", {"armed_clash", {}}},
      {"government regains territory", {"armed_clash", {"territory_change"}}},
      {"non-state actor overtakes territory", {"armed_clash", {"territory_change"}}},
      {"shelling/artillery/missile attack", {"shelling", {}}},
      {"air/drone strike", {"airstrike", {}}},
      {"remote explosive/landmine/ied", {"other", {"explosive_device"}}},
      {"grenade", {"other", {"grenade"}}},
      {"suicide bomb", {"other", {"suicide_bomb"}}},
      {"chemical weapon", {"other", {"chemical_weapon"}}},
      {"attack", {"civilian_harm", {}}},
      {"abduction/forced disappearance", {"civilian_harm", {"abduction"}}},
      {"sexual violence", {"civilian_harm", {"sexual_violence"}}},
      {"peaceful protest", {"other", {"protest"}}},
      {"protest with intervention", {"other", {"protest"}}},
      {"excessive force against protesters", {"civilian_harm", {"protest"}}},
      {"violent demonstration", {"other", {"riot"}}},
      {"mob violence", {"other", {"riot"}}},
      {"agreement", {"other", {"agreement"}}},
      {"arrests", {"other", {"arrests"}}},
      {"change to group/activity", {"other", {"group_change"}}},
      {"disrupted weapons use", {"other", {"disrupted_weapons_use"}}},
      {"headquarters or base established", {"group_presence", {}}},
      {"looting/property destruction", {"other", {"looting_property_destruction"}}},
      {"non-violent transfer of territory", {"other", {"territory_change"}}},
      {"other", {"other", {}}},
  };
  // Event types: the current six, then the legacy (pre-2019) ones that have no sub-event.
  static const std::map<std::string, AcledKind> by_event{
      {"battles", {"armed_clash", {}}},
      {"explosions/remote violence", {"other", {"remote_violence"}}},
      {"violence against civilians", {"civilian_harm", {}}},
      {"protests", {"other", {"protest"}}},
      {"riots", {"other", {"riot"}}},
      {"strategic developments", {"other", {}}},
      {"battle-no change of territory", {"armed_clash", {}}},
      {"battle-non-state actor overtakes territory", {"armed_clash", {"territory_change"}}},
      {"battle-government regains territory", {"armed_clash", {"territory_change"}}},
      {"headquarters or base established", {"group_presence", {}}},
      {"strategic development", {"other", {}}},
      {"riots/protests", {"other", {"riot_or_protest"}}},
      {"remote violence", {"other", {"remote_violence"}}},
      {"non-violent transfer of territory", {"other", {"territory_change"}}},
  };
  const std::string sub = ascii_lower(trim(sub_event_type)), event = ascii_lower(trim(event_type));
  if (const auto it = by_sub.find(sub); it != by_sub.end()) return it->second;
  AcledKind k{"other", {}};
  if (const auto it = by_event.find(event); it != by_event.end()) k = it->second;
  else k.tags.push_back("unmapped_acled_type");
  if (!sub.empty() && std::find(k.tags.begin(), k.tags.end(), "unmapped_acled_type") == k.tags.end())
    k.tags.push_back("unmapped_acled_type");
  return k;
}


}  // namespace truceline::store
