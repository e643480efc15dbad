// TOML -> Agreement, collecting every problem with its place (docs/agreement-format.md).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <toml++/toml.h>

#include "truceline/agreement/agreement.hpp"
#include "truceline/error.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/geo/area.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/io/file.hpp"
#include "truceline/time.hpp"

namespace truceline::agreement {

namespace {

using namespace std::chrono;

// Two tiny grammars, parsed by hand (a std::regex costs more to build than the whole check and
// its ECMAScript classes depend on the locale).
bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// An entry id: a letter or digit, then letters, digits, '.', '_', '/', '-'.
bool is_entry_id(std::string_view id) {
  if (id.empty() || !is_ascii_alnum(id.front())) return false;
  for (const char c : id.substr(1))
    if (!is_ascii_alnum(c) && c != '.' && c != '_' && c != '/' && c != '-') return false;
  return true;
}

// "+HH:MM" or "-HH:MM" (two digits each, not range-checked) -> minutes east of UTC.
std::optional<int> parse_utc_offset_minutes(std::string_view tz) {
  auto digit = [&](std::size_t i) { return tz[i] >= '0' && tz[i] <= '9'; };
  if (tz.size() != 6 || (tz[0] != '+' && tz[0] != '-') || !digit(1) || !digit(2) || tz[3] != ':' || !digit(4) ||
      !digit(5))
    return std::nullopt;
  const int minutes = ((tz[1] - '0') * 10 + (tz[2] - '0')) * 60 + (tz[4] - '0') * 10 + (tz[5] - '0');
  return tz[0] == '-' ? -minutes : minutes;
}

template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
  for (const auto& e : v)
    if (e.id == id) return &e;
  return nullptr;
}

Instant from_civil(int y, unsigned mo, unsigned d, int hh, int mm, int ss, int offset_minutes) {
  const sys_days day = year_month_day{year{y}, month{mo}, std::chrono::day{d}};
  return Instant{day} + hours{hh} + minutes{mm} + seconds{ss} - minutes{offset_minutes};
}

// The closest of `known` to a mistyped `word`: by edit distance (at most a third of the word,
// at least 2; words of up to 4 letters keep their first letter), else a known word the typo
// starts with ("clip_file" -> "clip"); "" when none.
std::string closest(std::string_view word, const std::vector<std::string_view>& known) {
  const std::size_t bound = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_d = bound + 1;
  for (const auto k : known) {
    // Short words differ in 2 edits from too much ("line", "kind"): keep their first letter.
    if (word.size() <= 4 && (k.empty() || word.empty() || k[0] != word[0])) continue;
    const std::size_t d = gazetteer::edit_distance(word, k, bound);
    if (d < best_d) {
      best_d = d;
      best = std::string(k);
    }
  }
  if (!best.empty()) return best;
  std::size_t longest = 0;
  for (const auto k : known)
    if (k.size() >= 3 && k.size() > longest && word.substr(0, k.size()) == k) {
      longest = k.size();
      best = std::string(k);
    }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& known) {
  const std::string c = closest(word, known);
  return c.empty() ? "" : fmt::format(" — did you mean \"{}\"?", c);
}

std::string listing(const std::vector<std::string_view>& known) {
  std::string out;
  for (const auto k : known) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

// The obligation kinds assessment knows (docs/agreement-format.md).
const std::vector<std::string_view> kObligationKinds{"withdraw-weapons", "withdraw-groups", "cease-fire", "patrol",
                                                     "monitor",          "open-route",      "keep-post",  "reaffirm",
                                                     "other"};

class Reader {
 public:
  Reader(std::string file, int offset_minutes, std::vector<Problem>& problems)
      : file_(std::move(file)), offset_(offset_minutes), problems_(problems) {}

  void set_offset(int minutes) { offset_ = minutes; }
  const std::string& file() const { return file_; }

  Place place(const toml::node& n) const {
    const auto& b = n.source().begin;
    return {file_, static_cast<int>(b.line), static_cast<int>(b.column)};
  }
  void problem(const Place& at, std::string message) { problems_.push_back({at, std::move(message)}); }
  void problem(const toml::node& n, std::string message) { problem(place(n), std::move(message)); }

  // Every key of `t` must be one of `known` (the table's documented keys): a problem naming
  // the key, the closest known one and the list otherwise. `what` names the table ("[[zone]]").
  void keys(const toml::table& t, const std::vector<std::string_view>& known, std::string_view what) {
    for (const auto& [k, v] : t) {
      if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
      const auto& b = k.source().begin;
      const Place at = b.line ? Place{file_, static_cast<int>(b.line), static_cast<int>(b.column)} : place(v);
      problem(at, fmt::format("unknown key \"{}\" in {}{} (keys: {})", k.str(), what, did_you_mean(k.str(), known),
                              listing(known)));
    }
  }

  // A string value; "" when absent (a problem when required or of the wrong type).
  std::string str(const toml::table& t, const char* key, bool required = false) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) problem(t, fmt::format("missing key \"{}\"", key));
      return "";
    }
    if (auto s = n->as_string()) return s->get();
    problem(*n, fmt::format("\"{}\" must be a string", key));
    return "";
  }

  std::vector<std::string> strings(const toml::table& t, const char* key) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (auto s = n->as_string()) return {s->get()};
    const toml::array* a = n->as_array();
    if (!a) {
      problem(*n, fmt::format("\"{}\" must be an array of strings", key));
      return out;
    }
    for (const auto& e : *a) {
      if (auto s = e.as_string())
        out.push_back(s->get());
      else
        problem(e, fmt::format("\"{}\" must contain strings", key));
    }
    return out;
  }

  bool boolean(const toml::table& t, const char* key) {
    const toml::node* n = t.get(key);
    if (!n) return false;
    if (auto b = n->as_boolean()) return b->get();
    problem(*n, fmt::format("\"{}\" must be true or false", key));
    return false;
  }

  std::optional<double> number(const toml::table& t, const char* key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto i = n->as_integer()) return static_cast<double>(i->get());
    if (auto f = n->as_floating_point()) {
      if (std::isfinite(f->get())) return f->get();
    }
    problem(*n, fmt::format("\"{}\" must be a finite number", key));
    return std::nullopt;
  }

  // A distance with a unit ("15km"); problems for a bare number or a missing unit.
  std::optional<double> distance(const toml::table& t, const char* key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) problem(t, fmt::format("missing key \"{}\"", key));
      return std::nullopt;
    }
    if (n->is_number()) {
      problem(*n, fmt::format("\"{}\" needs a unit: write \"{}km\" or \"{}m\"", key, n->value<double>().value_or(0),
                              n->value<double>().value_or(0)));
      return std::nullopt;
    }
    const auto s = n->as_string();
    if (!s) {
      problem(*n, fmt::format("\"{}\" must be a string with a unit, e.g. \"15km\"", key));
      return std::nullopt;
    }
    const auto m = geo::parse_distance_m(s->get());
    if (!m) {
      problem(*n, fmt::format("\"{}\" = \"{}\": expected a number with a unit, m or km (e.g. \"15km\")", key, s->get()));
      return std::nullopt;
    }
    if (!(*m > 0) || !(*m <= geo::kMaxDepthM)) {
      problem(*n, fmt::format("\"{}\" = \"{}\" is outside (0, 1000 km]", key, s->get()));
      return std::nullopt;
    }
    return m;
  }

  // A date or date-time. `end_of_day`: a bare date means 23:59:59 that day (deadlines).
  std::optional<Instant> instant(const toml::table& t, const char* key, bool end_of_day = false,
                                 std::string* text = nullptr) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    return instant_of(*n, key, end_of_day, text);
  }

  std::optional<Instant> instant_of(const toml::node& n, const char* key, bool end_of_day, std::string* text) {
    if (text) {
      std::ostringstream ss;
      if (auto d = n.as_date()) ss << d->get();
      else if (auto dt = n.as_date_time()) ss << dt->get();
      else if (auto s = n.as_string()) ss << s->get();
      *text = ss.str();
    }
    if (auto d = n.as_date()) {
      const auto v = d->get();
      return end_of_day ? from_civil(v.year, v.month, v.day, 23, 59, 59, offset_)
                        : from_civil(v.year, v.month, v.day, 0, 0, 0, offset_);
    }
    if (auto dt = n.as_date_time()) {
      const auto v = dt->get();
      const int off = v.offset ? v.offset->minutes : offset_;
      return from_civil(v.date.year, v.date.month, v.date.day, v.time.hour, v.time.minute, v.time.second, off);
    }
    if (auto s = n.as_string()) {
      if (auto i = parse_instant(s->get(), offset_)) {
        if (end_of_day && s->get().size() == 10) return *i + hours{23} + minutes{59} + seconds{59};
        return i;
      }
    }
    problem(n, fmt::format("\"{}\" must be a date (2018-10-10) or a date-time (2018-10-10T12:00:00+03:00)", key));
    return std::nullopt;
  }

  Interval interval(const toml::table& t) {
    Interval iv;
    iv.from = instant(t, "valid_from");
    iv.until = instant(t, "valid_until");
    if (iv.from && iv.until && !(*iv.from < *iv.until))
      problem(*t.get("valid_until"), "\"valid_until\" is not after \"valid_from\"");
    return iv;
  }

  std::vector<geo::LonLat> positions(const toml::node& n, const std::string& what) {
    std::vector<geo::LonLat> out;
    const toml::array* a = n.as_array();
    if (!a) {
      problem(n, what + " must be an array of [lon, lat] positions");
      return out;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      const toml::node& p = *a->get(i);
      const toml::array* xy = p.as_array();
      if (!xy || xy->size() < 2 || !xy->get(0)->is_number() || !xy->get(1)->is_number()) {
        problem(p, fmt::format("{}, position {}: expected [lon, lat]", what, i + 1));
        continue;
      }
      const geo::LonLat v{xy->get(0)->value<double>().value_or(NAN), xy->get(1)->value<double>().value_or(NAN)};
      if (!(v.lon_deg >= -180 && v.lon_deg <= 180) || !(v.lat_deg >= -90 && v.lat_deg <= 90)) {
        problem(p, fmt::format("{}, position {}: [{}, {}] is out of range (lon in [-180, 180], lat in [-90, 90])",
                               what, i + 1, v.lon_deg, v.lat_deg));
        continue;
      }
      out.push_back(v);
    }
    return out;
  }

  // Calls fn(table) for every inline table of the array `key` (e.g. readings = [{...}, ...]);
  // problems for a non-array or a non-table element, with `shape` as the expected form.
  template <class Fn>
  void each_table(const toml::table& t, const char* key, const char* shape, Fn fn) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const toml::array* arr = n->as_array();
    if (!arr) {
      problem(*n, fmt::format("\"{}\" must be an array of tables {}", key, shape));
      return;
    }
    for (const auto& e : *arr) {
      if (const toml::table* et = e.as_table())
        fn(*et);
      else
        problem(e, fmt::format("\"{}\" entries must be tables {}", key, shape));
    }
  }

  std::string resolve(const std::string& relative) const {
    namespace fs = std::filesystem;
    return (fs::path(file_).parent_path() / relative).lexically_normal().string();
  }

 private:
  std::string file_;
  int offset_;
  std::vector<Problem>& problems_;
};

// Arrays of tables by name; a problem when the key holds something else.
std::vector<const toml::table*> tables(Reader& r, const toml::table& root, const char* name) {
  std::vector<const toml::table*> out;
  const toml::node* n = root.get(name);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) {
    r.problem(*n, fmt::format("\"{}\" must be written as [[{}]] tables", name, name));
    return out;
  }
  for (const auto& e : *a) {
    if (auto t = e.as_table())
      out.push_back(t);
    else
      r.problem(e, fmt::format("[[{}]] entries must be tables", name));
  }
  return out;
}

void read_entry(Reader& r, const toml::table& t, Entry& e) {
  e.id = r.str(t, "id", true);
  e.at = r.place(t);
  e.sources = r.strings(t, "sources");
  if (!e.id.empty() && !is_entry_id(e.id))
    r.problem(*t.get("id"), fmt::format("id \"{}\": use letters, digits, '-', '_', '.', '/'", e.id));
}

// A line geometry from "file" or inline "coordinates" (LineString or MultiLineString).
geo::MultiLine read_line_geometry(Reader& r, const toml::table& t, const std::string& what, std::string* file_out) {
  geo::MultiLine m;
  const toml::node* file = t.get("file");
  const toml::node* coords = t.get("coordinates");
  if (file && coords) r.problem(t, what + ": give either \"file\" or \"coordinates\", not both");
  if (file) {
    const std::string rel = r.str(t, "file");
    if (file_out) *file_out = rel;
    if (rel.empty()) return m;
    try {
      m = geo::read_line(r.resolve(rel));
    } catch (const InputError& e) {
      r.problem(*file, fmt::format("{}: {}", what, e.what()));
    }
    return m;
  }
  if (!coords) {
    r.problem(t, what + ": missing \"file\" or \"coordinates\"");
    return m;
  }
  const toml::array* a = coords->as_array();
  const bool multi = a && !a->empty() && a->get(0)->is_array() && a->get(0)->as_array()->size() > 0 &&
                     a->get(0)->as_array()->get(0)->is_array();
  if (multi) {
    for (std::size_t i = 0; i < a->size(); ++i)
      m.parts.push_back(r.positions(*a->get(i), fmt::format("{}, line {}", what, i + 1)));
  } else {
    m.parts.push_back(r.positions(*coords, what));
  }
  try {
    m = geo::validated(m);
  } catch (const geo::GeometryError& e) {
    r.problem(*coords, fmt::format("{}: {}", what, e.what()));
    m.parts.clear();
  }
  return m;
}

}  // namespace

std::string Problem::str() const { return fmt::format("{}:{}:{}: {}", at.file, at.line, at.column, message); }

const Zone* Agreement::zone(const std::string& id) const { return find_by_id(zones, id); }
const Line* Agreement::line(const std::string& id) const { return find_by_id(lines, id); }
const Actor* Agreement::actor(const std::string& id) const { return find_by_id(actors, id); }
const Source* Agreement::source(const std::string& id) const { return find_by_id(sources, id); }
const WeaponClass* Agreement::weapon_class(const std::string& id) const { return find_by_id(weapon_classes, id); }

std::optional<Instant> parse_instant(const std::string& text, int utc_offset_minutes) {
  const auto t = parse_iso8601(text);
  if (!t) return std::nullopt;
  // A date or a time written without offset is local time of the agreement.
  const int64_t local = t->has_offset ? 0 : int64_t{utc_offset_minutes} * 60;
  return Instant{seconds{t->unix_seconds - local}};
}

std::string format_instant(Instant t) { return format_iso8601_utc(t.time_since_epoch().count()); }

Loaded load(const std::string& path) { return load_text(io::read_text(path), path); }

Loaded load_text(const std::string& text, const std::string& path) {
  Loaded out;
  Agreement& a = out.agreement;
  a.path = path;
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    out.problems.push_back({{path, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
                            std::string("TOML syntax: ") + std::string(e.description())});
    return out;
  }
  Reader r(path, 0, out.problems);
  std::vector<std::pair<std::size_t, Place>> clip_places;  // zone index, where its clip string is

  // [agreement]
  if (const toml::table* t = root["agreement"].as_table()) {
    r.keys(*t, {"id", "title", "signed", "signatories", "timezone", "sources", "area_of_interest"}, "[agreement]");
    const std::string tz = r.str(*t, "timezone");
    if (!tz.empty()) {
      if (const auto minutes = parse_utc_offset_minutes(tz))
        a.utc_offset_minutes = *minutes;
      else
        r.problem(*t->get("timezone"), "\"timezone\" must be a UTC offset such as \"+03:00\"");
    }
    r.set_offset(a.utc_offset_minutes);
    a.id = r.str(*t, "id", true);
    a.title = r.str(*t, "title", true);
    if (const toml::node* s = t->get("signed")) {
      if (auto d = s->as_date()) {
        std::ostringstream ss;
        ss << d->get();
        a.signed_date = ss.str();
      } else {
        r.problem(*s, "\"signed\" must be a date");
      }
    }
    a.signatories = r.strings(*t, "signatories");
    a.sources_of_text = r.strings(*t, "sources");
    if (const toml::node* aoi = t->get("area_of_interest")) {
      a.area_of_interest_file = r.str(*t, "area_of_interest");
      if (!a.area_of_interest_file.empty()) {
        try {
          a.area_of_interest = geo::read_area(r.resolve(a.area_of_interest_file));
        } catch (const InputError& e) {
          r.problem(*aoi, fmt::format("area_of_interest: {}", e.what()));
        }
      } else if (aoi->is_string()) {
        r.problem(*aoi, "\"area_of_interest\" is empty: give a GeoJSON Polygon or MultiPolygon file, or leave it out");
      }
    }
  } else {
    r.problem(Place{path, 1, 1}, "missing the [agreement] table");
  }

  for (const toml::table* t : tables(r, root, "source")) {
    Source s;
    read_entry(r, *t, s);
    r.keys(*t, {"id", "title", "publisher", "date", "url", "note"}, "[[source]]");
    s.title = r.str(*t, "title", true);
    s.publisher = r.str(*t, "publisher", true);
    if (const toml::node* d = t->get("date")) {
      std::string txt;
      if (r.instant_of(*d, "date", false, &txt)) s.date = txt;
    } else {
      r.problem(*t, "missing key \"date\"");
    }
    s.url = r.str(*t, "url");
    s.note = r.str(*t, "note");
    a.sources.push_back(std::move(s));
  }
  for (const char* table : {"party", "group"}) {
    for (const toml::table* t : tables(r, root, table)) {
      Actor x;
      read_entry(r, *t, x);
      x.is_group = std::string(table) == "group";
      if (x.is_group)
        r.keys(*t, {"id", "name", "aliases", "kind", "member_of", "backed_by", "note"}, "[[group]]");
      else
        r.keys(*t, {"id", "name", "aliases", "kind", "member_of", "note", "demonyms", "country"}, "[[party]]");
      x.name = r.str(*t, "name", true);
      x.kind = r.str(*t, "kind");
      x.note = r.str(*t, "note");
      x.aliases = r.strings(*t, "aliases");
      x.member_of = r.strings(*t, "member_of");
      x.backed_by = r.strings(*t, "backed_by");
      x.demonyms = r.strings(*t, "demonyms");
      x.country = r.str(*t, "country");
      if (x.is_group && (!x.demonyms.empty() || !x.country.empty()))
        r.problem(*t, "\"demonyms\" and \"country\" are for a [[party]] (a state), not a [[group]]");
      a.actors.push_back(std::move(x));
    }
  }
  for (const toml::table* t : tables(r, root, "designation")) {
    Designation d;
    read_entry(r, *t, d);
    r.keys(*t, {"id", "group", "by", "status", "valid_from", "valid_until", "source", "sources"}, "[[designation]]");
    d.group = r.str(*t, "group", true);
    d.by = r.str(*t, "by", true);
    d.status = r.str(*t, "status", true);
    d.source = r.str(*t, "source");
    d.valid = r.interval(*t);
    a.designations.push_back(std::move(d));
  }
  for (const toml::table* t : tables(r, root, "line")) {
    Line l;
    read_entry(r, *t, l);
    r.keys(*t,
           {"id", "file", "coordinates", "valid_from", "valid_until", "source", "sources", "approximate",
            "uncertainty_m"},
           "[[line]]");
    l.geometry = read_line_geometry(r, *t, "line " + l.id, &l.file);
    l.valid = r.interval(*t);
    l.source = r.str(*t, "source");
    l.approximate = r.boolean(*t, "approximate");
    if (auto u = r.number(*t, "uncertainty_m")) {
      l.uncertainty_m = *u;
      if (*u < 0) r.problem(*t->get("uncertainty_m"), "\"uncertainty_m\" must be >= 0");
    } else if (l.approximate) {
      r.problem(*t, "an approximate line needs \"uncertainty_m\" (metres)");
    }
    a.lines.push_back(std::move(l));
  }
  for (const toml::table* t : tables(r, root, "zone")) {
    Zone z;
    read_entry(r, *t, z);
    z.kind = r.str(*t, "kind", true);
    z.title = r.str(*t, "title");
    z.valid = r.interval(*t);
    z.source = r.str(*t, "source");
    z.amendment = r.str(*t, "amendment");
    const bool has_line = t->contains("line"), has_area = t->contains("area") || t->contains("coordinates");
    if (has_area && !has_line)
      r.keys(*t,
             {"id", "kind", "title", "area", "coordinates", "valid_from", "valid_until", "source", "sources",
              "amendment"},
             "an area [[zone]]");
    else
      r.keys(*t, {"id", "kind", "title", "line", "depth", "side", "clip", "readings", "depth_by_class", "area",
                  "coordinates", "valid_from", "valid_until", "source", "sources", "amendment"},
             "[[zone]]");
    if (has_line && has_area) r.problem(*t, fmt::format("zone {}: give either \"line\" or \"area\", not both", z.id));
    if (!has_line && !has_area) r.problem(*t, fmt::format("zone {}: missing \"line\" (with depth and side) or \"area\"", z.id));
    if (has_line) {
      z.line = r.str(*t, "line", true);
      z.depth_m = r.distance(*t, "depth", true).value_or(0);
      const std::string side = r.str(*t, "side", true);
      if (auto s = geo::parse_zone_side(side))
        z.side = *s;
      else if (!side.empty())
        r.problem(*t->get("side"), fmt::format("\"side\" = \"{}\": expected left, right or both", side));
      if (const toml::node* cn = t->get("clip")) {
        // A string names an area zone or a GeoJSON file (decided below, once every zone is
        // known); a table { file = "…" } is always a file.
        if (auto cs = cn->as_string()) {
          z.clip = cs->get();
          if (z.clip.empty()) r.problem(*cn, "\"clip\" is empty: give an area zone id or a GeoJSON file");
          clip_places.emplace_back(a.zones.size(), r.place(*cn));
        } else if (const toml::table* ct = cn->as_table()) {
          r.keys(*ct, {"file"}, "\"clip\"");
          z.clip_file = r.str(*ct, "file", true);
          if (!z.clip_file.empty()) {
            try {
              z.clip_area = geo::read_area(r.resolve(z.clip_file));
            } catch (const InputError& e) {
              r.problem(*cn, fmt::format("zone {}: clip: {}", z.id, e.what()));
            }
          }
        } else {
          r.problem(*cn, "\"clip\" must be an area zone id or a GeoJSON file: clip = \"<zone id>\" or clip = { file = "
                         "\"….geojson\" }");
        }
      }
      r.each_table(*t, "readings", "{ source = \"…\", depth = \"…\" }", [&](const toml::table& rt) {
        r.keys(rt, {"source", "depth"}, "\"readings\"");
        z.readings.push_back({r.str(rt, "source", true), r.distance(rt, "depth", true).value_or(0)});
      });
      r.each_table(*t, "depth_by_class", "{ weapon_class = \"…\", depth = \"…\" }", [&](const toml::table& ct) {
        r.keys(ct, {"weapon_class", "depth"}, "\"depth_by_class\"");
        z.depth_by_class.push_back({r.str(ct, "weapon_class", true), r.distance(ct, "depth", true).value_or(0)});
      });
    } else if (has_area) {
      z.is_area = true;
      if (const toml::node* an = t->get("area")) {
        z.file = r.str(*t, "area");
        if (!z.file.empty()) {
          try {
            z.area = geo::read_area(r.resolve(z.file));
          } catch (const InputError& e) {
            r.problem(*an, fmt::format("zone {}: {}", z.id, e.what()));
          }
        }
      } else {
        const toml::array* rings = t->get("coordinates")->as_array();
        geo::Polygon poly;
        if (rings)
          for (std::size_t i = 0; i < rings->size(); ++i) {
            auto ring = r.positions(*rings->get(i), fmt::format("zone {}, ring {}", z.id, i + 1));
            if (ring.size() < 4 || ring.front().lon_deg != ring.back().lon_deg ||
                ring.front().lat_deg != ring.back().lat_deg)
              r.problem(*rings->get(i), fmt::format("zone {}, ring {}: a ring needs >= 4 positions, first = last", z.id, i + 1));
            poly.push_back(std::move(ring));
          }
        else
          r.problem(*t->get("coordinates"), "\"coordinates\" must be an array of rings");
        if (!poly.empty()) z.area.push_back(std::move(poly));
      }
    }
    a.zones.push_back(std::move(z));
  }
  for (const toml::table* t : tables(r, root, "obligation")) {
    Obligation o;
    read_entry(r, *t, o);
    r.keys(*t, {"id", "text", "kind", "binds", "zone", "weapon_classes", "deadline", "extensions", "valid_from",
                "valid_until", "source", "sources", "amendment"},
           "[[obligation]]");
    o.text = r.str(*t, "text", true);
    o.kind = r.str(*t, "kind", true);
    if (!o.kind.empty() &&
        std::find(kObligationKinds.begin(), kObligationKinds.end(), o.kind) == kObligationKinds.end())
      r.problem(*t->get("kind"), fmt::format("\"kind\" = \"{}\": unknown obligation kind{} (kinds: {})", o.kind,
                                             did_you_mean(o.kind, kObligationKinds), listing(kObligationKinds)));
    o.zone = r.str(*t, "zone");
    o.weapon_classes = r.strings(*t, "weapon_classes");
    o.source = r.str(*t, "source");
    o.amendment = r.str(*t, "amendment");
    o.valid = r.interval(*t);
    o.deadline = r.instant(*t, "deadline", true, &o.deadline_text);
    if (const toml::node* b = t->get("binds")) {
      if (const toml::table* bt = b->as_table()) {
        r.keys(*bt, {"parties", "groups", "designated"}, "\"binds\"");
        o.binds.parties = r.strings(*bt, "parties");
        o.binds.groups = r.strings(*bt, "groups");
        if (const toml::node* dn = bt->get("designated")) {
          if (const toml::table* dt = dn->as_table()) {
            r.keys(*dt, {"status", "by"}, "\"binds.designated\"");
            o.binds.designated_status = r.strings(*dt, "status");
            o.binds.designated_by = r.strings(*dt, "by");
            if (o.binds.designated_status.empty()) r.problem(*dt, "\"designated\" needs \"status\"");
          } else {
            r.problem(*dn, "\"designated\" must be a table { status = [...], by = [...] }");
          }
        }
      } else {
        r.problem(*b, "\"binds\" must be a table { parties = [...], groups = [...], designated = {...} }");
      }
    }
    r.each_table(*t, "extensions", "{ until = …, source = \"…\" }", [&](const toml::table& et) {
      r.keys(et, {"until", "source", "note"}, "\"extensions\"");
      Extension x;
      if (auto u = r.instant(et, "until", true, &x.until_text))
        x.until = *u;
      else
        r.problem(et, "an extension needs \"until\"");
      x.source = r.str(et, "source", true);
      x.note = r.str(et, "note");
      o.extensions.push_back(std::move(x));
    });
    a.obligations.push_back(std::move(o));
  }
  for (const toml::table* t : tables(r, root, "post")) {
    Post p;
    read_entry(r, *t, p);
    r.keys(*t,
           {"id", "name", "operator", "lon", "lat", "precision_m", "established", "closed", "source", "sources",
            "approximate"},
           "[[post]]");
    p.name = r.str(*t, "name", true);
    p.operator_id = r.str(*t, "operator", true);
    p.source = r.str(*t, "source");
    p.approximate = r.boolean(*t, "approximate");
    const auto lon = r.number(*t, "lon"), lat = r.number(*t, "lat");
    if (!lon || !lat) {
      r.problem(*t, fmt::format("post {}: needs \"lon\" and \"lat\"", p.id));
    } else if (*lon < -180 || *lon > 180 || *lat < -90 || *lat > 90) {
      r.problem(*t->get("lon"), fmt::format("post {}: lon {} / lat {} out of range", p.id, *lon, *lat));
    } else {
      p.position = {*lon, *lat};
    }
    if (auto pr = r.number(*t, "precision_m")) {
      p.precision_m = *pr;
      if (*pr < 0) r.problem(*t->get("precision_m"), "\"precision_m\" must be >= 0");
    } else {
      r.problem(*t, fmt::format("post {}: missing \"precision_m\" (how sure the position is, metres)", p.id));
    }
    p.established = r.instant(*t, "established");
    p.closed = r.instant(*t, "closed");
    if (p.established && p.closed && !(*p.established < *p.closed))
      r.problem(*t->get("closed"), "\"closed\" is not after \"established\"");
    a.posts.push_back(std::move(p));
  }
  for (const toml::table* t : tables(r, root, "patrol_route")) {
    PatrolRoute pr;
    read_entry(r, *t, pr);
    r.keys(*t, {"id", "name", "operators", "file", "coordinates", "valid_from", "valid_until", "source", "sources"},
           "[[patrol_route]]");
    pr.name = r.str(*t, "name");
    pr.operators = r.strings(*t, "operators");
    pr.source = r.str(*t, "source");
    pr.valid = r.interval(*t);
    pr.route = read_line_geometry(r, *t, "patrol route " + pr.id, nullptr);
    a.patrol_routes.push_back(std::move(pr));
  }
  for (const toml::table* t : tables(r, root, "weapon_class")) {
    WeaponClass w;
    read_entry(r, *t, w);
    r.keys(*t, {"id", "name", "aliases", "parent", "min_calibre_mm", "max_calibre_mm", "attributed_to", "attribution_source"},
           "[[weapon_class]]");
    w.name = r.str(*t, "name", true);
    w.parent = r.str(*t, "parent");
    w.attributed_to = r.str(*t, "attributed_to");
    w.attribution_source = r.str(*t, "attribution_source", !w.attributed_to.empty());
    if (w.attributed_to.empty() && !w.attribution_source.empty())
      r.problem(*t, "\"attribution_source\" without \"attributed_to\": the source of an attribution to nobody");
    w.aliases = r.strings(*t, "aliases");
    w.min_calibre_mm = r.number(*t, "min_calibre_mm");
    w.max_calibre_mm = r.number(*t, "max_calibre_mm");
    a.weapon_classes.push_back(std::move(w));
  }
  for (const toml::table* t : tables(r, root, "amendment")) {
    Amendment m;
    read_entry(r, *t, m);
    r.keys(*t, {"id", "title", "signed", "in_force", "source", "sources"}, "[[amendment]]");
    m.title = r.str(*t, "title", true);
    m.source = r.str(*t, "source");
    m.in_force = r.instant(*t, "in_force");
    if (const toml::node* s = t->get("signed")) {
      std::string txt;
      if (r.instant_of(*s, "signed", false, &txt)) m.signed_date = txt;
    }
    if (!m.in_force) r.problem(*t, fmt::format("amendment {}: missing \"in_force\"", m.id));
    a.amendments.push_back(std::move(m));
  }

  // Unknown top-level keys are probably typos.
  static const std::set<std::string> known{"agreement", "source", "party", "group", "designation", "line", "zone",
                                           "obligation", "post", "patrol_route", "weapon_class", "amendment"};
  const std::vector<std::string_view> known_list(known.begin(), known.end());
  for (const auto& [k, v] : root)
    if (!known.count(std::string(k.str())))
      r.problem(v, fmt::format("unknown table \"{}\"{} (known: agreement, source, party, group, designation, line, "
                               "zone, obligation, post, patrol_route, weapon_class, amendment)",
                               k.str(), did_you_mean(k.str(), known_list)));

  // A clip string names an area zone; one that names no zone and ends in .geojson or .json is
  // a GeoJSON file relative to the agreement.
  for (const auto& [index, at] : clip_places) {
    Zone& z = a.zones[index];
    if (z.clip.empty() || a.zone(z.clip)) continue;
    std::string lower = z.clip;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto ends = [&](std::string_view suffix) {
      return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends(".geojson") || ends(".json")) {
      z.clip_file = z.clip;
      z.clip.clear();
      try {
        z.clip_area = geo::read_area(r.resolve(z.clip_file));
      } catch (const InputError& e) {
        r.problem(at, fmt::format("zone {}: clip: {}", z.id, e.what()));
      }
      continue;
    }
    std::vector<std::string_view> areas;
    for (const auto& c : a.zones)
      if (c.is_area) areas.push_back(c.id);
    r.problem(at, fmt::format("\"clip\": unknown zone \"{}\"{} (area zones: {}; a GeoJSON file is written "
                              "clip = \"….geojson\" or clip = {{ file = \"…\" }})",
                              z.clip, did_you_mean(z.clip, areas), areas.empty() ? "none" : listing(areas)));
    z.clip.clear();
  }

  // ---- Cross-checks -------------------------------------------------------------------
  // Duplicate ids across the whole file.
  std::map<std::string, Place> seen;
  auto note_id = [&](const Entry& e, const char* table) {
    if (e.id.empty()) return;
    auto [it, fresh] = seen.emplace(e.id, e.at);
    if (!fresh)
      out.problems.push_back({e.at, fmt::format("duplicate id \"{}\" ([[{}]]); first defined at line {}", e.id, table,
                                                it->second.line)});
  };
  for (const auto& e : a.sources) note_id(e, "source");
  for (const auto& e : a.actors) note_id(e, e.is_group ? "group" : "party");
  for (const auto& e : a.designations) note_id(e, "designation");
  for (const auto& e : a.lines) note_id(e, "line");
  for (const auto& e : a.zones) note_id(e, "zone");
  for (const auto& e : a.obligations) note_id(e, "obligation");
  for (const auto& e : a.posts) note_id(e, "post");
  for (const auto& e : a.patrol_routes) note_id(e, "patrol_route");
  for (const auto& e : a.weapon_classes) note_id(e, "weapon_class");
  for (const auto& e : a.amendments) note_id(e, "amendment");

  auto is_party = [&](const std::string& id) { const Actor* x = a.actor(id); return x && !x->is_group; };
  auto is_group = [&](const std::string& id) { const Actor* x = a.actor(id); return x && x->is_group; };
  auto is_source = [&](const std::string& id) { return a.source(id) != nullptr; };
  auto is_class = [&](const std::string& id) { return a.weapon_class(id) != nullptr; };
  auto is_amendment = [&](const std::string& id) { return find_by_id(a.amendments, id) != nullptr; };
  auto ref = [&](const Place& at, const std::string& id, const std::function<bool(const std::string&)>& ok,
                 const char* what, const char* key) {
    if (!id.empty() && !ok(id)) out.problems.push_back({at, fmt::format("\"{}\": unknown {} \"{}\"", key, what, id)});
  };
  const Place agreement_at{path, 1, 1};
  for (const auto& s : a.signatories) ref(agreement_at, s, is_party, "party", "signatories");
  for (const auto& s : a.sources_of_text) ref(agreement_at, s, is_source, "source", "sources");
  // A group belongs to groups (coalitions); a party to a party (a state's armed forces).
  for (const auto& x : a.actors)
    for (const auto& m : x.member_of)
      ref(x.at, m, x.is_group ? std::function<bool(const std::string&)>(is_group) : is_party,
          x.is_group ? "group" : "party", "member_of");
  for (const auto& x : a.actors)
    for (const auto& b : x.backed_by) ref(x.at, b, is_party, "party", "backed_by");
  for (const auto& d : a.designations) {
    ref(d.at, d.group, is_group, "group", "group");
    ref(d.at, d.by, is_party, "party", "by");
    ref(d.at, d.source, is_source, "source", "source");
  }
  for (const auto& l : a.lines) ref(l.at, l.source, is_source, "source", "source");
  for (const auto& z : a.zones) {
    ref(z.at, z.source, is_source, "source", "source");
    ref(z.at, z.amendment, is_amendment, "amendment", "amendment");
    if (!z.is_area) {
      ref(z.at, z.line, [&](const std::string& id) { return a.line(id) != nullptr; }, "line", "line");
      if (!z.clip.empty()) {
        const Zone* c = a.zone(z.clip);
        if (c && !c->is_area)
          out.problems.push_back({z.at, fmt::format("\"clip\": zone \"{}\" is not an area zone", z.clip)});
      }
      for (const auto& rd : z.readings) ref(z.at, rd.source, is_source, "source", "readings.source");
      for (const auto& c : z.depth_by_class) ref(z.at, c.weapon_class, is_class, "weapon class", "depth_by_class");
      if (const Line* l = a.line(z.line)) {
        // The zone must not be in force before its line is.
        if (l->valid.from && (!z.valid.from || *z.valid.from < *l->valid.from))
          out.problems.push_back({z.at, fmt::format("zone {} is in force before its line {} (valid from {})", z.id,
                                                    l->id, format_instant(*l->valid.from))});
      }
    }
  }
  for (const auto& o : a.obligations) {
    ref(o.at, o.source, is_source, "source", "source");
    ref(o.at, o.amendment, is_amendment, "amendment", "amendment");
    ref(o.at, o.zone, [&](const std::string& id) { return a.zone(id) != nullptr; }, "zone", "zone");
    for (const auto& p : o.binds.parties) ref(o.at, p, is_party, "party", "binds.parties");
    for (const auto& g : o.binds.groups) ref(o.at, g, is_group, "group", "binds.groups");
    for (const auto& p : o.binds.designated_by) ref(o.at, p, is_party, "party", "binds.designated.by");
    for (const auto& w : o.weapon_classes) ref(o.at, w, is_class, "weapon class", "weapon_classes");
    std::optional<Instant> last = o.deadline;
    for (const auto& x : o.extensions) {
      ref(o.at, x.source, is_source, "source", "extensions.source");
      if (x.until_text.empty()) continue;  // no "until": a problem of its own
      if (last && !(*last < x.until))
        out.problems.push_back({o.at, fmt::format("obligation {}: extension until {} is not after the deadline it extends",
                                                  o.id, x.until_text)});
      last = x.until;
    }
    if (!o.extensions.empty() && !o.deadline)
      out.problems.push_back({o.at, fmt::format("obligation {}: extensions without a deadline", o.id)});
    if (const Zone* z = a.zone(o.zone)) {
      auto check_in = [&](Instant t, const std::string& what) {
        if (!z->valid.contains(t))
          out.problems.push_back({o.at, fmt::format("obligation {}: {} {} is outside the validity of zone {}", o.id, what,
                                                    format_instant(t), z->id)});
      };
      if (o.deadline) check_in(*o.deadline, "deadline");
      for (const auto& x : o.extensions) check_in(x.until, "extension");
    }
  }
  for (const auto& p : a.posts) {
    ref(p.at, p.operator_id, is_party, "party", "operator");
    ref(p.at, p.source, is_source, "source", "source");
  }
  for (const auto& pr : a.patrol_routes) {
    for (const auto& o : pr.operators) ref(pr.at, o, is_party, "party", "operators");
    ref(pr.at, pr.source, is_source, "source", "source");
  }
  for (const auto& w : a.weapon_classes) {
    ref(w.at, w.parent, is_class, "weapon class", "parent");
    ref(w.at, w.attributed_to, is_party, "party", "attributed_to");
    ref(w.at, w.attribution_source, is_source, "source", "attribution_source");
  }
  for (const auto& m : a.amendments) ref(m.at, m.source, is_source, "source", "source");
  auto refs = [&](const auto& entries) {
    for (const auto& e : entries)
      for (const auto& s : e.sources) ref(e.at, s, is_source, "source", "sources");
  };
  refs(a.designations);
  refs(a.lines);
  refs(a.zones);
  refs(a.obligations);
  refs(a.posts);
  refs(a.patrol_routes);
  refs(a.amendments);

  // ---- Every zone made concrete, as every later command will -----------------------------
  // A zone `check` accepts must be usable by zone, map, locate and assess: build each line
  // zone's definition (line, side and every depth it can take: agreed, readings, weapon
  // classes) and each area (zone, clip, area of interest) now, and report what fails here.
  auto build = [&](const Place& at, const std::string& what, const std::function<void()>& fn) {
    try {
      fn();
    } catch (const geo::GeometryError& e) {
      out.problems.push_back({at, fmt::format("{}: {}", what, e.what())});
    } catch (const InputError& e) {
      out.problems.push_back({at, fmt::format("{}: {}", what, e.what())});
    }
  };
  if (!a.area_of_interest.empty())
    build(agreement_at, "area_of_interest", [&] { geo::Area check_area(a.area_of_interest); });
  for (const auto& z : a.zones) {
    const std::string what = fmt::format("zone {}", z.id);
    if (z.is_area) {
      if (!z.area.empty()) build(z.at, what, [&] { geo::Area check_area(z.area); });
      continue;
    }
    if (!z.clip_area.empty()) build(z.at, what + ": clip", [&] { geo::Area check_area(z.clip_area); });
    const Line* l = a.line(z.line);
    if (!l || l->geometry.parts.empty() || !(z.depth_m > 0)) continue;
    build(z.at, what, [&] {
      const geo::GeodesicPolyline line(l->geometry);
      std::set<double> depths{z.depth_m};
      for (const auto& rd : z.readings)
        if (rd.depth_m > 0) depths.insert(rd.depth_m);
      for (const auto& c : z.depth_by_class)
        if (c.depth_m > 0) depths.insert(c.depth_m);
      for (const double d : depths) geo::ZoneDefinition def(line, geo::ZoneSpec{z.side, d, {}});
    });
  }

  std::stable_sort(out.problems.begin(), out.problems.end(), [](const Problem& x, const Problem& y) {
    return std::tie(x.at.line, x.at.column) < std::tie(y.at.line, y.at.column);
  });
  return out;
}

Agreement load_valid(const std::string& path) {
  Loaded l = load(path);
  if (l.problems.empty()) return std::move(l.agreement);
  std::string msg = fmt::format("{}: {} problem{} (run 'truceline check {}'):", path, l.problems.size(),
                                l.problems.size() == 1 ? "" : "s", path);
  for (std::size_t i = 0; i < l.problems.size() && i < 20; ++i) msg += "\n  " + l.problems[i].str();
  throw InputError(msg);
}

}  // namespace truceline::agreement
