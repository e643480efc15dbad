// Place resolution for reports (docs/report-format.md, "Place resolution"): a gazetteer
// lookup turned into the decision the store records — the report is located at a place, or
// it is not, and then why, with its candidates. `ingest`, `place` and `relocate` all resolve
// through Resolver, so the three always agree.
//
// The rules, in order (Resolver::resolve):
//  1. Only acceptable places count: inside the scope when there is one (Scope: the
//     agreement's area of interest plus a margin) and in the row's own country and admin1
//     when it gives them (Constraints). Tiers, ranking and ambiguity are computed among the
//     acceptable places only (LookupOptions::filter).
//  2. No acceptable place matches: `out_of_scope` when a place elsewhere does (it is named
//     in the reason and listed, rejected, among the candidates), else `no_match`.
//  3. The best acceptable match scores below the threshold kMinScore = 0.84: a report is
//     located only by an exact match, or a key match whose folded spellings are at least
//     80 % alike (score 0.6 + 0.3 x 0.8); never by a fuzzy match. `below_threshold`.
//     Why 0.84: over the Idlib place names of DOMAIN.md and their spellings in reporting,
//     right key matches score 0.84-0.88 (Abu Thuhur 0.84, Marat al-Numan 0.85, Kafr Zeita
//     0.87), while the wrong ones score 0.75-0.81: "Qara Tapa" -> Karatepe (Turkey) 0.77,
//     "Bashir" -> Bcharré (Lebanon) 0.79, and, inside the Idlib area itself, "Surman" (a
//     Turkish observation post in southern Idlib) -> Sarmin 0.80. The same threshold holds with
//     and without a scope: a scope removes namesakes far away, not look-alikes next door.
//     A right spelling below it (Kafr Nboudeh for Kafr Nabudah, 0.83) stays unresolved with
//     its candidate listed; add the spelling to a --places file and run `relocate`.
//     tests/gazetteer/resolve_test.cpp pins these scores.
//  4. Several distinct places (> kAmbiguityKm apart) at the top: `ambiguous`.
//  5. Otherwise `resolved`, at the best match.
// Only `resolved` gives coordinates; every other status is stored without any.
//
// Thread safety: resolve() is const and may be called from several threads when the scope's
// distance function may (AreaOfInterest's is).
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/gazetteer/gazetteer.hpp"

namespace truceline::gazetteer {

inline constexpr double kMinScore = 0.84;

// Where the places of a batch of reports may be.
struct Scope {
  // Recorded with every resolution, e.g. "sochi-2018: its zones, lines, patrol routes and posts".
  std::string description;
  // Geodesic distance from a point to the area, metres, 0 inside. REQUIRES: callable from
  // several threads at once when the Resolver is used so.
  std::function<double(LonLat)> distance_m;
  double margin_m = 0;  // a place within this distance of the area is in scope
};

// What a report says about its own place besides the name (its country and admin1 columns).
struct Constraints {
  std::string country;  // as written: "Syria", "SY", "SYR", "Turkey", "Türkiye"; empty = none
  std::string admin1;   // as written: "Idlib", "Idleb", "Rural Damascus"; empty = none
  std::string from;     // where they were read: "acled" (the ACLED columns) or "report" (fields)
  bool empty() const { return country.empty() && admin1.empty(); }
};

// A report's constraints: ACLED's `country` and `admin1` columns (kept in the extra field
// `acled`, any case: COUNTRY in the legacy layout), else its own fields `country` and
// `admin1` (CSV columns or JSON fields, any case). `report` is the report's JSON (Report::to_json,
// or Report::extra).
Constraints constraints_of(const nlohmann::json& report);

// ISO 3166-1 alpha-2 code of a country as reports write it: an English name as ICU knows it
// ("Syria", "Lebanon", "Türkiye"), ACLED's names where they differ ("Turkey", "Palestine",
// "Democratic Republic of Congo", ...), or an alpha-2 / alpha-3 code, in any case, with or
// without diacritics. nullopt when unknown.
std::optional<std::string> country_code(std::string_view name);
// The same for a country's name only (not a code): "Syria" -> "SY", "SY" -> nullopt. Actor
// resolution uses it to tell a country qualifier, "(Syria)", from an abbreviation.
std::optional<std::string> country_code_of_name(std::string_view name);

// True when a row's admin1 and a gazetteer place's name the same first-level division:
// equal after folding and dropping the words "governorate", "province", "muhafazat" (and
// ACLED's "Rural Damascus" = GeoNames' "Rif Dimashq"), or equal consonant keys (Idleb =
// Idlib, Lattakia = Latakia, Deir-ez-Zor = Deir ez-Zor).
bool same_admin1(std::string_view row_admin1, std::string_view place_admin1);

struct ResolveOptions {
  std::optional<Scope> scope;    // DEFAULT: none (every place of the gazetteer is acceptable)
  double min_score = kMinScore;  // DEFAULT: kMinScore. The threshold (rule 3).
  // DEFAULT: 5. Candidates recorded, of the acceptable places and of the others each.
  std::size_t max_candidates = 5;
};

// unknown_country: the row's country is not a name or code country_code() knows, so the
// match cannot be checked against it (nothing is looked up).
enum class Status { resolved, ambiguous, below_threshold, out_of_scope, no_match, unknown_country };
const char* to_string(Status s);

// A candidate as the resolver judged it.
struct Judged {
  Candidate candidate;
  bool acceptable = true;  // in scope, and in the row's country and admin1
  std::string rejected;    // why not, e.g. "148 km from the area of interest", "in TR, not SY"
  // With a scope: the place's distance to the area, km (0 inside).
  std::optional<double> area_distance_km;
};

struct Resolution {
  std::string query;
  Status status = Status::no_match;
  std::string reason;                 // empty when resolved
  std::optional<Candidate> match;     // resolved: the place
  std::optional<Candidate> best;      // the best acceptable candidate, else the best rejected one
  std::vector<Judged> candidates;     // acceptable first, then rejected; each best first
  std::vector<Candidate> top_places;  // the distinct places at the top among the acceptable ones
  Constraints constraints;
  std::string country_code;  // constraints.country as an ISO code ("" when none)
  double threshold = 0;
  bool resolved() const { return status == Status::resolved; }
};

class Resolver {
 public:
  // `gazetteer` must outlive the resolver.
  explicit Resolver(const Gazetteer& gazetteer, ResolveOptions options = {});
  ~Resolver();
  Resolver(Resolver&&) noexcept;

  Resolution resolve(std::string_view place, const Constraints& constraints = {}) const;
  // The same for a name written in Cyrillic that the caller has already folded (fold()):
  // `written_in_cyrillic` gives it the translit tier the Cyrillic text itself gets
  // (LookupOptions::cyrillic), so resolve(fold("Мхарда"), {}, true) == resolve("Мхарда").
  Resolution resolve(std::string_view place, const Constraints& constraints, bool written_in_cyrillic) const;

  // What the store records (StoredReport::place_resolution; docs/report-format.md):
  // {"resolved", "status", "lon", "lat", "name", "country", "admin1", "matched", "source"
  //  (resolved only), "match", "score" (the best candidate's), "ambiguous", "reason"
  //  (unresolved only), "threshold", "scope": {"area", "margin_m", "country", "admin1",
  //  "from"}, "gazetteer": [{"file", "sha256"}], "candidates": [{"name", "lon", "lat",
  //  "country", "admin1", "score", "match", "matched", "source", "in_scope", "rejected",
  //  "area_distance_km"}]}.
  nlohmann::json to_json(const Resolution& r) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const ResolveOptions& options() const { return options_; }

 private:
  struct Cache;
  const Gazetteer* gazetteer_;
  ResolveOptions options_;
  std::unique_ptr<Cache> cache_;
};

// "Kafr Zaytā (Hama, SY)": a place as messages name it.
std::string describe(const Place& p);

}  // namespace truceline::gazetteer
