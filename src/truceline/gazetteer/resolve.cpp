#include "truceline/gazetteer/resolve.hpp"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace truceline::gazetteer {

namespace {

using nlohmann::json;

// Folded words of `s`, with the words that only say "first-level division" dropped.
std::string admin1_words(std::string_view s) {
  static const std::set<std::string, std::less<>> kGeneric{"governorate", "gouvernorat", "province", "muhafazat",
                                                           "mohafazat",   "muhafazah",   "mohafazah", "vilayet"};
  const std::string f = fold(s);
  std::string out;
  std::string_view rest(f);
  while (!rest.empty()) {
    const auto e = rest.find(' ');
    const std::string_view w = rest.substr(0, e);
    rest.remove_prefix(e == std::string_view::npos ? rest.size() : e + 1);
    if (kGeneric.count(w)) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  // ACLED writes the governorate around Damascus in English, GeoNames in Arabic.
  if (out == "rural damascus" || out == "damascus countryside") out = "rif dimashq";
  return out;
}

// The English names of countries as ACLED (and common usage) writes them where ICU's
// English display names differ.
constexpr std::pair<const char*, const char*> kCountryAliases[] = {
    {"Turkey", "TR"},
    {"Turkiye", "TR"},
    {"Syria", "SY"},
    {"Syrian Arab Republic", "SY"},
    {"Palestine", "PS"},
    {"Democratic Republic of Congo", "CD"},
    {"Democratic Republic of the Congo", "CD"},
    {"Republic of Congo", "CG"},
    {"Ivory Coast", "CI"},
    {"Myanmar", "MM"},
    {"Burma", "MM"},
    {"Czech Republic", "CZ"},
    {"East Timor", "TL"},
    {"Cape Verde", "CV"},
    {"eSwatini", "SZ"},
    {"Swaziland", "SZ"},
    {"Macedonia", "MK"},
    {"North Macedonia", "MK"},
    {"United States", "US"},
    {"United Kingdom", "GB"},
    {"Russia", "RU"},
    {"Iran", "IR"},
    {"South Korea", "KR"},
    {"North Korea", "KP"},
    {"Laos", "LA"},
    {"Vietnam", "VN"},
    {"Bosnia and Herzegovina", "BA"},
    {"Kosovo", "XK"},
    {"Gambia", "GM"},
    {"Bahamas", "BS"},
    {"Vatican City", "VA"},
    {"Micronesia", "FM"},
};

// Folded country names (ICU's English display names and kCountryAliases) and folded ISO
// codes (alpha-2, alpha-3), each to its alpha-2 code.
struct CountryTables {
  std::map<std::string, std::string, std::less<>> names, codes;
};

const CountryTables& country_tables() {
  static const CountryTables tables = [] {
    CountryTables t;
    for (const char* const* c = icu::Locale::getISOCountries(); c && *c; ++c) {
      const std::string code = *c;
      const icu::Locale loc("", code.c_str());
      icu::UnicodeString name;
      loc.getDisplayCountry(icu::Locale::getEnglish(), name);
      std::string utf8;
      name.toUTF8String(utf8);
      t.names.emplace(fold(utf8), code);
      t.codes.emplace(fold(code), code);
      if (const char* iso3 = loc.getISO3Country(); iso3 && *iso3) t.codes.emplace(fold(iso3), code);
    }
    // The region's states also by their names in the other languages of the reports (ICU's
    // Russian, Arabic and Turkish display names: "Сирия", "سوريا", "Suriye"), so that "на севере
    // Сирии", "Suriye'nin kuzeyi" name a country, not an unknown place. Only these states: a
    // foreign name of a far country may be a common word (Turkish "Mali" = financial).
    for (const char* code : {"SY", "TR", "LB", "IQ", "JO", "IL", "IR", "RU", "SA", "EG", "US"})
      for (const char* lang : {"ru", "ar", "tr"}) {
        icu::UnicodeString name;
        icu::Locale("", code).getDisplayCountry(icu::Locale(lang), name);
        std::string utf8;
        name.toUTF8String(utf8);
        if (const std::string f = fold(utf8); !f.empty() && !t.names.count(f)) t.names.emplace(f, code);
      }
    for (const auto& [name, code] : kCountryAliases) t.names[fold(name)] = code;
    return t;
  }();
  return tables;
}

double round1(double x) { return std::round(x * 10.0) / 10.0; }

const char* const kMatchPhrase[] = {"an exact match", "a key match", "a transliteration match", "a fuzzy match"};

std::string scored(const Candidate& c) {
  return fmt::format("{} ({}; {} scoring {:.2f})", c.place->name, c.place->admin1().empty()
                                                                     ? c.place->country
                                                                     : fmt::format("{}, {}", c.place->admin1(), c.place->country),
                     kMatchPhrase[static_cast<int>(c.match)], c.score);
}

}  // namespace

std::string describe(const Place& p) {
  return p.admin1().empty() ? fmt::format("{} ({})", p.name, p.country)
                            : fmt::format("{} ({}, {})", p.name, p.admin1(), p.country);
}

const char* to_string(Status s) {
  switch (s) {
    case Status::resolved: return "resolved";
    case Status::ambiguous: return "ambiguous";
    case Status::below_threshold: return "below_threshold";
    case Status::out_of_scope: return "out_of_scope";
    case Status::no_match: return "no_match";
    case Status::unknown_country: return "unknown_country";
  }
  return "?";
}

std::optional<std::string> country_code_of_name(std::string_view name) {
  const std::string f = fold(name);
  const auto& t = country_tables().names;
  if (const auto it = t.find(f); !f.empty() && it != t.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> country_code(std::string_view name) {
  if (auto code = country_code_of_name(name)) return code;
  const std::string f = fold(name);
  const auto& t = country_tables().codes;
  if (const auto it = t.find(f); !f.empty() && it != t.end()) return it->second;
  return std::nullopt;
}

bool same_admin1(std::string_view row_admin1, std::string_view place_admin1) {
  const std::string a = admin1_words(row_admin1), b = admin1_words(place_admin1);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string ka = consonant_key(a), kb = consonant_key(b);
  return !ka.empty() && ka == kb;
}

Constraints constraints_of(const json& report) {
  Constraints c;
  if (!report.is_object()) return c;
  // A field of an object by name, any case; a non-empty string (trimmed) or "".
  auto field = [](const json& o, std::string_view name) -> std::string {
    for (const auto& [k, v] : o.items()) {
      if (k.size() != name.size() || !v.is_string()) continue;
      bool same = true;
      for (std::size_t i = 0; i < k.size() && same; ++i)
        same = std::tolower(static_cast<unsigned char>(k[i])) == static_cast<unsigned char>(name[i]);
      if (!same) continue;
      std::string s = v.get<std::string>();
      const auto b = s.find_first_not_of(" \t");
      if (b == std::string::npos) return "";
      return s.substr(b, s.find_last_not_of(" \t") - b + 1);
    }
    return "";
  };
  if (const auto it = report.find("acled"); it != report.end() && it->is_object()) {
    c.country = field(*it, "country");
    c.admin1 = field(*it, "admin1");
    if (c.country.empty() && c.admin1.empty()) c.country = field(*it, "iso3");
    if (!c.empty()) c.from = "acled";
  }
  if (c.empty()) {
    c.country = field(report, "country");
    c.admin1 = field(report, "admin1");
    if (!c.empty()) c.from = "report";
  }
  return c;
}

struct Resolver::Cache {
  std::mutex mutex;
  std::unordered_map<const Place*, double> area_distance_m;
};

Resolver::Resolver(const Gazetteer& gazetteer, ResolveOptions options)
    : gazetteer_(&gazetteer), options_(std::move(options)), cache_(std::make_unique<Cache>()) {}
Resolver::~Resolver() = default;
Resolver::Resolver(Resolver&&) noexcept = default;

Resolution Resolver::resolve(std::string_view place, const Constraints& constraints) const {
  return resolve(place, constraints, false);
}

Resolution Resolver::resolve(std::string_view place, const Constraints& constraints, bool written_in_cyrillic) const {
  Resolution r;
  r.query = std::string(place);
  r.constraints = constraints;
  r.threshold = options_.min_score;
  if (!constraints.country.empty()) {
    const auto cc = country_code(constraints.country);
    if (!cc) {
      r.status = Status::unknown_country;
      r.reason = fmt::format(
          "the report's country '{}' is not a country name or ISO 3166 code truceline knows, so no place can be "
          "checked against it",
          constraints.country);
      return r;
    }
    r.country_code = *cc;
  }

  // The scope's distance to a place (cached: the same places come up again and again).
  auto area_distance_m = [&](const Place& p) {
    std::lock_guard lock(cache_->mutex);
    const auto it = cache_->area_distance_m.find(&p);
    if (it != cache_->area_distance_m.end()) return it->second;
    const double d = options_.scope->distance_m(LonLat{p.lon, p.lat});
    cache_->area_distance_m.emplace(&p, d);
    return d;
  };
  // Why a place is not acceptable ("" when it is).
  auto rejection = [&](const Place& p) {
    std::vector<std::string> why;
    if (!r.country_code.empty() && p.country != r.country_code)
      why.push_back(fmt::format("in {}, not {}", p.country, r.country_code));
    if (!constraints.admin1.empty() && !p.admin1().empty() && !same_admin1(constraints.admin1, p.admin1()))
      why.push_back(fmt::format("in {}, not {}", p.admin1(), constraints.admin1));
    if (options_.scope) {
      const double d = area_distance_m(p);
      if (d > options_.scope->margin_m)
        why.push_back(fmt::format("{:.0f} km from the area of interest ({})", d / 1000.0,
                                  options_.scope->description));
    }
    std::string s;
    for (const auto& w : why) s += (s.empty() ? "" : "; ") + w;
    return s;
  };

  const bool filtered = options_.scope || !constraints.empty();
  LookupOptions in_opts;
  in_opts.limit = 0;
  in_opts.cyrillic = written_in_cyrillic;
  if (filtered) in_opts.filter = [&](const Place& p) { return rejection(p).empty(); };
  const LookupResult in = gazetteer_->lookup(place, in_opts);
  LookupResult all;
  if (filtered) all = gazetteer_->lookup(place, LookupOptions{.country = "", .near = std::nullopt, .limit = 0, .filter = {},
                                                           .cyrillic = written_in_cyrillic});

  auto judge = [&](const Candidate& c, bool acceptable) {
    Judged j{c, acceptable, acceptable ? std::string() : rejection(*c.place), std::nullopt};
    if (options_.scope) j.area_distance_km = round1(area_distance_m(*c.place) / 1000.0);
    return j;
  };
  for (std::size_t i = 0; i < in.candidates.size() && i < options_.max_candidates; ++i)
    r.candidates.push_back(judge(in.candidates[i], true));
  std::size_t rejected = 0;
  for (const auto& c : all.candidates) {
    if (rejected == options_.max_candidates) break;
    const bool listed = std::any_of(in.candidates.begin(), in.candidates.end(),
                                    [&](const Candidate& a) { return a.place == c.place; });
    if (listed) continue;
    r.candidates.push_back(judge(c, false));
    ++rejected;
  }

  if (in.candidates.empty()) {
    if (!filtered || all.candidates.empty()) {
      r.status = Status::no_match;
      r.reason = fmt::format("no place in the gazetteer matches '{}'", r.query);
      return r;
    }
    r.status = Status::out_of_scope;
    // The best match elsewhere: among equal scores, the one nearest the area.
    r.best = all.candidates.front();
    if (options_.scope)
      for (const auto& c : all.candidates)
        if (c.score == r.best->score && area_distance_m(*c.place) < area_distance_m(*r.best->place)) r.best = c;
    std::vector<std::string> where;
    if (!r.country_code.empty()) where.push_back("in " + r.country_code);
    if (!constraints.admin1.empty()) where.push_back("in " + constraints.admin1);
    if (options_.scope)
      where.push_back(options_.scope->margin_m > 0
                          ? fmt::format("within {:.0f} km of the area of interest", options_.scope->margin_m / 1000.0)
                          : std::string("inside the area of interest"));
    std::string w;
    for (std::size_t i = 0; i < where.size(); ++i) w += (i == 0 ? "" : i + 1 == where.size() ? " and " : ", ") + where[i];
    r.reason = fmt::format("no place {} matches '{}'; the best match elsewhere, {}, is {}", w, r.query, scored(*r.best),
                           rejection(*r.best->place));
    return r;
  }

  r.best = in.candidates.front();
  r.top_places = in.top_places;
  if (r.best->score < r.threshold - 1e-9) {
    r.status = Status::below_threshold;
    r.reason = fmt::format("the best match{}, {}, is below the threshold {:.2f} (an exact match, or a key {}match "
                           "spelled at least 80 % alike)",
                           filtered ? " in scope" : "", scored(*r.best), r.threshold,
                           r.best->match == MatchKind::translit ? "or transliteration " : "");
    return r;
  }
  if (in.ambiguous) {
    r.status = Status::ambiguous;
    constexpr std::size_t kShown = 5;
    std::string places;
    for (std::size_t i = 0; i < in.top_places.size() && i < kShown; ++i)
      places += (i ? "; " : "") + describe(*in.top_places[i].place);
    if (in.top_places.size() > kShown) places += fmt::format("; and {} more", in.top_places.size() - kShown);
    r.reason = fmt::format("'{}' matches {} places more than {:.0f} km apart at the top score{}: {}", r.query,
                           in.top_places.size(), kAmbiguityKm, filtered ? " in scope" : "", places);
    return r;
  }
  r.status = Status::resolved;
  r.match = r.best;
  return r;
}

json Resolver::to_json(const Resolution& r) const {
  const auto& sources = gazetteer_->sources();
  json j;
  j["resolved"] = r.resolved();
  j["status"] = to_string(r.status);
  if (r.match) {
    const Place& p = *r.match->place;
    j["lon"] = p.lon;
    j["lat"] = p.lat;
    j["name"] = p.name;
    j["country"] = p.country;
    j["admin1"] = p.admin1();
    j["matched"] = r.match->matched;
    if (p.source < sources.size()) j["source"] = sources[p.source].name;
  }
  if (r.best) {
    j["match"] = to_string(r.best->match);
    j["score"] = r.best->score;
  }
  j["ambiguous"] = r.status == Status::ambiguous;
  if (!r.resolved()) j["reason"] = r.reason;
  j["threshold"] = r.threshold;
  json scope = json::object();
  if (options_.scope) {
    scope["area"] = options_.scope->description;
    scope["margin_m"] = options_.scope->margin_m;
  } else {
    scope["area"] = nullptr;
  }
  if (!r.constraints.country.empty()) scope["country"] = r.constraints.country;
  if (!r.country_code.empty()) scope["country_code"] = r.country_code;
  if (!r.constraints.admin1.empty()) scope["admin1"] = r.constraints.admin1;
  if (!r.constraints.from.empty()) scope["from"] = r.constraints.from;
  j["scope"] = std::move(scope);
  json files = json::array();
  for (const auto& s : sources) files.push_back({{"file", s.name}, {"sha256", s.sha256}});
  j["gazetteer"] = std::move(files);
  json candidates = json::array();
  for (const auto& jc : r.candidates) {
    const Candidate& c = jc.candidate;
    json o{{"name", c.place->name},
           {"lon", c.place->lon},
           {"lat", c.place->lat},
           {"country", c.place->country},
           {"admin1", c.place->admin1()},
           {"score", c.score},
           {"match", to_string(c.match)},
           {"matched", c.matched},
           {"in_scope", jc.acceptable}};
    if (c.place->source > 0 && c.place->source < sources.size()) o["source"] = sources[c.place->source].name;
    if (!jc.rejected.empty()) o["rejected"] = jc.rejected;
    if (jc.area_distance_km) o["area_distance_km"] = *jc.area_distance_km;
    candidates.push_back(std::move(o));
  }
  j["candidates"] = std::move(candidates);
  return j;
}

}  // namespace truceline::gazetteer
