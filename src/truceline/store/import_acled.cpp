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

// The columns the reader looks up (ACLED's names, lower-case), by their place in kColumns.
namespace col {
enum Column : std::size_t {
  event_id_cnty, data_id, event_id_no_cnty, event_date, time_precision, latitude, longitude, location,
  geo_precision, event_type, sub_event_type, civilian_targeting, actor1, actor2, fatalities, notes, kColumnCount
};
}  // namespace col
using col::Column;
using col::kColumnCount;
constexpr std::array<std::string_view, kColumnCount> kColumns{
    "event_id_cnty", "data_id",        "event_id_no_cnty",   "event_date", "time_precision", "latitude",
    "longitude",     "location",       "geo_precision",      "event_type", "sub_event_type", "civilian_targeting",
    "actor1",        "actor2",         "fatalities",         "notes"};

// Whether `name` with its ASCII letters lower-cased is `lower` (ascii_lower(name) == lower,
// without the copy).
bool lowered_equals(std::string_view name, std::string_view lower) {
  if (name.size() != lower.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

class AcledReader final : public RowReader {
 public:
  AcledReader(std::istream& in, const ReaderOptions& options) : parser_(in, options.delimiter) {
    // A problem is kept (make_acled_reader returns it), not thrown: see try_open_reader.
    if (auto p = read_header(parser_, "ACLED CSV", rec_, names_)) {
      problem_ = std::move(*p);
      return;
    }
    // The first column of each name the reader uses, whatever its case (a table of ACLED's
    // names, not a map of every column: a map costs an allocation per column of every file).
    col_.fill(kNone);
    for (std::size_t i = 0; i < names_.size(); ++i)
      for (std::size_t c = 0; c < kColumnCount; ++c)
        if (col_[c] == kNone && lowered_equals(names_[i], kColumns[c])) col_[c] = i;
    auto has = [&](Column c) { return col_[c] != kNone; };
    std::string m;
    for (const Column c : {col::event_date, col::event_type, col::latitude, col::longitude})
      if (!has(c)) m.append(m.empty() ? "" : ", ").append(kColumns[c]);
    if (!has(col::event_id_cnty) && !has(col::data_id)) m.append(m.empty() ? "" : ", ").append("event_id_cnty");
    if (!m.empty()) {
      problem_ = fmt::format("not an ACLED export: the header lacks {} (columns: ", m);
      append_columns(problem_, names_);
      problem_ += ')';
      return;
    }
    // The layout by the columns present, whatever their case (docs/importers.md): data_id is
    // the 2019-22 exports'; event_id_no_cnty without it, or no sub_event_type, the older
    // (pre-2019) one; anything else the current layout.
    layout_ = has(col::data_id)                                          ? "2019-22"
              : has(col::event_id_no_cnty) || !has(col::sub_event_type) ? "legacy"
                                                                          : "current";
    // Every column is kept under its own name; a repeated name gets "#N" (its column number).
    // Most headers repeat none and name every column: then the keys are the names (keys_
    // stays empty; checking costs one sort of views where a set of the keys used costs an
    // allocation per column).
    bool plain = std::none_of(names_.begin(), names_.end(), [](const std::string& n) { return n.empty(); });
    if (plain) {
      std::vector<std::string_view> sorted(names_.begin(), names_.end());
      std::sort(sorted.begin(), sorted.end());
      plain = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    }
    if (plain) return;
    std::set<std::string> used;
    keys_.reserve(names_.size());
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
    auto cell = [&](Column c) -> std::string_view {
      return col_[c] == kNone ? std::string_view() : trim(rec_.fields[col_[c]]);
    };
    // The report's fields as views (of the cells, of this reader's buffers and of literals):
    // report_from_fields reads them by report_from_json's rules, without a JSON object per row.
    using F = ReportFields;
    ReportFields& f = fields_;
    f.clear();
    std::string_view id = cell(col::event_id_cnty);
    if (id.empty()) id = cell(col::data_id);
    if (!id.empty()) f.text[F::source_id] = id;

    const std::string_view date = cell(col::event_date);
    if (date.empty()) {
      err = "missing event_date";
      return true;
    }
    auto iso = acled_date(date);
    if (!iso) {
      err = fmt::format("event_date '{}' is not a date (2018-10-12, 12 October 2018 or dd/mm/yyyy)", date);
      return true;
    }
    date_ = std::move(*iso);
    f.text[F::observed_at] = date_;
    const std::string_view tp = cell(col::time_precision);
    if (tp.empty() || tp == "1") f.text[F::time_precision] = "day";
    else if (tp == "2") f.text[F::time_precision] = "week";
    else if (tp == "3") f.text[F::time_precision] = "month";
    else {
      err = fmt::format("time_precision '{}' is not ACLED's 1 (day), 2 (week) or 3 (month)", tp);
      return true;
    }

    const std::string_view lat = cell(col::latitude), lon = cell(col::longitude);
    if (!lat.empty()) f.text[F::lat] = lat;
    if (!lon.empty()) f.text[F::lon] = lon;
    if (const std::string_view loc = cell(col::location); !loc.empty()) f.text[F::place] = loc;
    const std::string_view gp = cell(col::geo_precision);
    if (gp == "1") f.text[F::location_precision_m] = "2000";
    else if (gp == "2") f.text[F::location_precision_m] = "10000";
    else if (gp == "3" || gp.empty()) f.text[F::location_precision_m] = "50000";
    else {
      err = fmt::format("geo_precision '{}' is not ACLED's 1, 2 or 3", gp);
      return true;
    }

    const std::string_view et = cell(col::event_type), st = cell(col::sub_event_type);
    if (et.empty() && st.empty()) {
      err = "missing event_type";
      return true;
    }
    kind_ = acled_kind(et, st);
    f.text[F::kind] = kind_.kind;
    if (!cell(col::civilian_targeting).empty()) kind_.tags.push_back("civilian_targeting");
    if (!kind_.tags.empty()) {
      f.tags_given = true;
      f.tags.assign(kind_.tags.begin(), kind_.tags.end());
    }

    if (const std::string_view a = cell(col::actor1); !a.empty()) f.text[F::actor] = a;
    if (const std::string_view t = cell(col::actor2); !t.empty()) f.text[F::target] = t;
    if (const std::string_view n = cell(col::fatalities); !n.empty()) f.text[F::fatalities] = n;
    if (const std::string_view n = cell(col::notes); !n.empty()) f.text[F::summary] = n;
    f.text[F::source_name] = "ACLED";
    f.text[F::source_type] = "other";
    f.text[F::reliability] = "F";
    f.text[F::credibility] = "6";
    // Every column, as written, under "acled" (kept in the report's extra fields).
    acled_ = json::object();
    for (std::size_t i = 0; i < names_.size(); ++i) acled_[keys_.empty() ? names_[i] : keys_[i]] = rec_.fields[i];
    f.members.push_back({"acled", {}, &acled_});
    f.members.push_back({"acled_layout", layout_});
    row.outcome = report_from_fields(f);
    return true;
  }
  std::string format() const override { return "acled"; }

  // The file-level problem found while opening (the header), or "" (see try_open_reader).
  std::string& problem() { return problem_; }

 private:
  io::CsvReader parser_;
  io::CsvRecord rec_;
  std::vector<std::string> names_;
  std::vector<std::string> keys_;  // each column's key in "acled"; empty: the names are the keys
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::array<std::size_t, kColumnCount> col_{};  // [Column] -> the first column with that name, or kNone
  const char* layout_ = "current";
  std::string problem_;
  // The row's report fields and what they view (reused from row to row).
  ReportFields fields_;
  std::string date_;
  AcledKind kind_;
  nlohmann::json acled_;
};

}  // namespace

OpenedReader make_acled_reader(std::istream& in, const ReaderOptions& options) {
  auto reader = std::make_unique<AcledReader>(in, options);
  if (!reader->problem().empty()) return {nullptr, std::move(reader->problem()), false};
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
