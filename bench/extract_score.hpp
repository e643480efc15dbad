// Scoring of `truceline extract` against the evaluation set (data/eval/extract/README.md):
// mentions matched to the expected ones by overlapping span (and, "strict", by the same text,
// case-folded), candidates by kind + day + place within 5 km (or both unlocated), then counts
// of precision/recall, attribute accuracy, zone-verdict agreement and unsupported candidate
// fields. Pure functions on JSON (no extractor needed), so tests/extract/eval_test.cpp checks
// the arithmetic on hand-made answers. Used by bench/extract_eval.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace truceline::bench::extract_eval {

inline constexpr double kPlaceToleranceM = 5000;  // a place is right within 5 km (issue 14)
inline const std::vector<std::string> kMentionFields = {"places", "actors", "dates", "numbers", "weapons"};

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  // precision/recall of nothing asked and nothing given are undefined: nullopt (printed "-").
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f1() const;
  void add(const Counts& o) { tp += o.tp; fp += o.fp; fn += o.fn; }
};

struct Ratio {
  std::size_t right = 0, total = 0;
  std::optional<double> share() const { return total ? std::optional<double>(double(right) / double(total)) : std::nullopt; }
  void add(const Ratio& o) { right += o.right; total += o.total; }
};

struct Score {
  std::map<std::string, Counts> lenient;  // per field (kMentionFields + "candidates"): span overlap
  std::map<std::string, Counts> strict;   // mentions: span overlap and the same case-folded text
  Ratio place_within_5km;   // expected point places (not optional) located within 5 km
  Ratio actor_right;        // expected actors (not optional) matched with the right id (or rightly null)
  Ratio date_right;         // expected day dates with a resolved day (not optional): matched, same day
  Ratio number_right;       // expected numbers matched with the same value
  Ratio weapon_right;       // expected weapons matched with the same class (or rightly none)
  Ratio candidate_actor;    // matched candidates with the right actor id (or rightly none)
  Ratio zone_agree;         // (matched located candidate pair, zone in force) with the same inside verdict
  std::size_t halluc_place = 0, halluc_actor = 0, halluc_number = 0;  // unsupported candidate fields
  std::size_t candidates_extracted = 0;
  std::vector<std::string> notes;  // what went wrong, one line each (for the per-document listing)
  void add(const Score& o);
};

// Whether each zone in force on `day` (YYYY-MM-DD) contains the point; the order must be the
// same for any point of the same day. Null: no zone verdicts.
using ZoneVerdicts = std::function<std::vector<bool>(double lon, double lat, const std::string& day)>;

// Geodesic distance on WGS84, metres (GeographicLib).
double distance_m(double lon1, double lat1, double lon2, double lat2);

// ICU case folding, for the strict text match.
std::string fold_case(const std::string& s);

// The actor id of an extracted candidate: evidence.actor.id, else the id of the mention whose
// span is evidence.actor.span, else nullopt (no actor) / "" (an actor without id).
std::optional<std::string> candidate_actor_id(const nlohmann::json& candidate, const nlohmann::json& mentions);

// Scores one document. `expected`: its .expected.json; `mentions`: Result::mentions;
// `candidates`: Result::candidates. Throws std::runtime_error on a malformed expected file.
Score score(const nlohmann::json& expected, const nlohmann::json& mentions, const std::vector<nlohmann::json>& candidates,
            const ZoneVerdicts& zones = nullptr);

// Checks an expected file against its text: the schema (README), every mention's span slices
// to its text (code points), coordinates in range, dates well formed. Returns the problems.
std::vector<std::string> check_expected(const nlohmann::json& expected, const std::string& text);

}  // namespace truceline::bench::extract_eval
