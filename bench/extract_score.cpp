// Scoring of extract against the evaluation set: see extract_score.hpp and
// data/eval/extract/README.md (the matching rules).
#include "extract_score.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace truceline::bench::extract_eval {

using nlohmann::json;

std::optional<double> Counts::precision() const {
  return tp + fp ? std::optional<double>(double(tp) / double(tp + fp)) : std::nullopt;
}
std::optional<double> Counts::recall() const {
  return tp + fn ? std::optional<double>(double(tp) / double(tp + fn)) : std::nullopt;
}
std::optional<double> Counts::f1() const {
  auto p = precision(), r = recall();
  if (!p || !r) return std::nullopt;
  return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

void Score::add(const Score& o) {
  for (const auto& [k, c] : o.lenient) lenient[k].add(c);
  for (const auto& [k, c] : o.strict) strict[k].add(c);
  place_within_5km.add(o.place_within_5km);
  actor_right.add(o.actor_right);
  date_right.add(o.date_right);
  number_right.add(o.number_right);
  weapon_right.add(o.weapon_right);
  candidate_actor.add(o.candidate_actor);
  zone_agree.add(o.zone_agree);
  halluc_place += o.halluc_place;
  halluc_actor += o.halluc_actor;
  halluc_number += o.halluc_number;
  candidates_extracted += o.candidates_extracted;
}

double distance_m(double lon1, double lat1, double lon2, double lat2) {
  double s12 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12);
  return s12;
}

std::string fold_case(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
  return out;
}

namespace {

struct SpanT {
  std::size_t b = 0, e = 0;
};

std::optional<SpanT> span_of(const json& m) {
  if (!m.is_object() || !m.contains("span") || !m["span"].is_array() || m["span"].size() != 2) return std::nullopt;
  const auto& s = m["span"];
  if (!s[0].is_number_integer() || !s[1].is_number_integer() || s[0].get<std::int64_t>() < 0 || s[1].get<std::int64_t>() < 0)
    return std::nullopt;
  return SpanT{s[0].get<std::size_t>(), s[1].get<std::size_t>()};
}

std::size_t overlap(SpanT a, SpanT b) {
  std::size_t lo = std::max(a.b, b.b), hi = std::min(a.e, b.e);
  return hi > lo ? hi - lo : 0;
}

bool optional_flag(const json& m) { return m.is_object() && m.value("optional", false); }

std::string str_or_empty(const json& m, const char* key) {
  if (!m.is_object() || !m.contains(key) || !m[key].is_string()) return "";
  return m[key].get<std::string>();
}

std::optional<std::pair<double, double>> point_of(const json& m, const char* lon_key, const char* lat_key) {
  if (!m.is_object() || !m.contains(lon_key) || !m.contains(lat_key)) return std::nullopt;
  if (!m[lon_key].is_number() || !m[lat_key].is_number()) return std::nullopt;
  return std::make_pair(m[lon_key].get<double>(), m[lat_key].get<double>());
}

const json& array_or_empty(const json& j, const char* key) {
  static const json empty = json::array();
  if (j.is_object() && j.contains(key) && j[key].is_array()) return j[key];
  return empty;
}

// One-to-one matching: among the compatible pairs, the best first (largest key), each side used
// once. Returns for each expected index the matched extracted index.
std::vector<std::optional<std::size_t>> match(std::size_t n_exp, std::size_t n_ext,
                                              const std::function<std::optional<double>(std::size_t, std::size_t)>& goodness) {
  std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < n_exp; ++i)
    for (std::size_t j = 0; j < n_ext; ++j)
      if (auto g = goodness(i, j)) pairs.emplace_back(*g, i, j);
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  std::vector<std::optional<std::size_t>> out(n_exp);
  std::vector<bool> used(n_ext, false);
  for (const auto& [g, i, j] : pairs) {
    if (out[i] || used[j]) continue;
    out[i] = j;
    used[j] = true;
  }
  return out;
}

// Counts tp/fp/fn from a matching; optional expected mentions neither count nor penalise the
// extracted mention matched to them.
Counts count(const json& exp, std::size_t n_ext, const std::vector<std::optional<std::size_t>>& m) {
  Counts c;
  std::vector<bool> used(n_ext, false);
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i]) used[*m[i]] = true;
    if (optional_flag(exp[i])) continue;
    if (m[i]) ++c.tp;
    else ++c.fn;
  }
  for (std::size_t j = 0; j < n_ext; ++j)
    if (!used[j]) ++c.fp;
  return c;
}

// An id as compared: a missing, null or empty id is "no id".
std::string id_of(const json& m, const char* key) {
  if (!m.is_object() || !m.contains(key) || !m[key].is_string()) return "";
  return m[key].get<std::string>();
}

// Whether `got` is the expected id of `m` (`key`) or one of its accepted alternatives (`alt_key`).
bool id_accepted(const json& m, const char* key, const char* alt_key, const std::string& got) {
  if (got == id_of(m, key)) return true;
  if (m.is_object() && m.contains(alt_key) && m[alt_key].is_array())
    for (const auto& a : m[alt_key])
      if (a.is_string() && a.get<std::string>() == got && !got.empty()) return true;
  return false;
}

std::optional<std::uint64_t> uint_of(const json& m, const char* key) {
  if (!m.is_object() || !m.contains(key) || !m[key].is_number_integer()) return std::nullopt;
  auto v = m[key].get<std::int64_t>();
  if (v < 0) return std::nullopt;
  return std::uint64_t(v);
}

std::string describe(const json& m) {
  std::ostringstream o;
  o << '"' << str_or_empty(m, "text") << '"';
  if (auto s = span_of(m)) o << " [" << s->b << "," << s->e << ")";
  return o.str();
}

}  // namespace

std::optional<std::string> candidate_actor_id(const json& c, const json& mentions) {
  if (c.contains("evidence") && c["evidence"].is_object() && c["evidence"].contains("actor") && c["evidence"]["actor"].is_object()) {
    const json& ev = c["evidence"]["actor"];
    if (ev.contains("id")) return id_of(ev, "id");
    if (auto s = span_of(ev)) {
      for (const auto& a : array_or_empty(mentions, "actors")) {
        auto sa = span_of(a);
        if (sa && sa->b == s->b && sa->e == s->e) return id_of(a, "id");
      }
    }
    return std::string();
  }
  if (c.contains("actor") && c["actor"].is_string() && !c["actor"].get<std::string>().empty()) return std::string();
  return std::nullopt;
}

Score score(const json& expected, const json& mentions, const std::vector<json>& candidates, const ZoneVerdicts& zones) {
  Score s;
  if (!expected.is_object()) throw std::runtime_error("expected answer is not a JSON object");
  for (const auto& field : kMentionFields) {
    const json& exp = array_or_empty(expected, field.c_str());
    const json& ext = array_or_empty(mentions, field.c_str());
    auto lenient_goodness = [&](std::size_t i, std::size_t j) -> std::optional<double> {
      auto a = span_of(exp[i]), b = span_of(ext[j]);
      if (!a || !b) return std::nullopt;
      std::size_t o = overlap(*a, *b);
      if (!o) return std::nullopt;
      return double(o);
    };
    auto strict_goodness = [&](std::size_t i, std::size_t j) -> std::optional<double> {
      auto g = lenient_goodness(i, j);
      if (!g || fold_case(str_or_empty(exp[i], "text")) != fold_case(str_or_empty(ext[j], "text"))) return std::nullopt;
      return g;
    };
    auto ml = match(exp.size(), ext.size(), lenient_goodness);
    s.lenient[field] = count(exp, ext.size(), ml);
    s.strict[field] = count(exp, ext.size(), match(exp.size(), ext.size(), strict_goodness));
    for (std::size_t i = 0; i < exp.size(); ++i) {
      const json& e = exp[i];
      if (optional_flag(e)) continue;
      const json* x = ml[i] ? &ext[*ml[i]] : nullptr;
      if (!x) s.notes.push_back(field + ": missed " + describe(e));
      if (field == "places" && str_or_empty(e, "kind") == "point") {
        ++s.place_within_5km.total;
        auto pe = point_of(e, "lon", "lat");
        auto px = x ? point_of(*x, "lon", "lat") : std::nullopt;
        if (pe && px && distance_m(pe->first, pe->second, px->first, px->second) <= kPlaceToleranceM) ++s.place_within_5km.right;
        else if (x) s.notes.push_back("places: " + describe(e) + " not located within 5 km");
      } else if (field == "actors") {
        ++s.actor_right.total;
        if (x && id_accepted(e, "id", "alt_ids", id_of(*x, "id"))) ++s.actor_right.right;
        else if (x) s.notes.push_back("actors: " + describe(e) + " id " + id_of(*x, "id") + " instead of " + id_of(e, "id"));
      } else if (field == "dates" && str_or_empty(e, "precision") == "day" && !id_of(e, "resolved").empty()) {
        ++s.date_right.total;
        if (x && id_of(e, "resolved") == id_of(*x, "resolved")) ++s.date_right.right;
        else if (x) s.notes.push_back("dates: " + describe(e) + " resolved " + id_of(*x, "resolved") + " instead of " + id_of(e, "resolved"));
      } else if (field == "numbers") {
        ++s.number_right.total;
        if (x && uint_of(e, "value") == uint_of(*x, "value")) ++s.number_right.right;
      } else if (field == "weapons") {
        ++s.weapon_right.total;
        if (x && id_of(e, "class") == id_of(*x, "class")) ++s.weapon_right.right;
      }
    }
    std::vector<bool> used(ext.size(), false);
    for (const auto& m : ml)
      if (m) used[*m] = true;
    for (std::size_t j = 0; j < ext.size(); ++j)
      if (!used[j]) s.notes.push_back(field + ": extra " + describe(ext[j]));
  }

  // Candidates.
  const json& expc = array_or_empty(expected, "candidates");
  s.candidates_extracted = candidates.size();
  auto cand_goodness = [&](std::size_t i, std::size_t j) -> std::optional<double> {
    const json& e = expc[i];
    const json& x = candidates[j];
    if (str_or_empty(e, "kind") != str_or_empty(x, "kind")) return std::nullopt;
    if (str_or_empty(e, "observed_at").empty() || str_or_empty(e, "observed_at") != str_or_empty(x, "observed_at").substr(0, 10))
      return std::nullopt;
    auto pe = point_of(e, "place_lon", "place_lat");
    auto px = point_of(x, "lon", "lat");
    if (!pe && !px) return 0.0;
    if (!pe || !px) return std::nullopt;
    double d = distance_m(pe->first, pe->second, px->first, px->second);
    if (d > kPlaceToleranceM) return std::nullopt;
    return -d;  // nearer is better
  };
  auto mc = match(expc.size(), candidates.size(), cand_goodness);
  s.lenient["candidates"] = count(expc, candidates.size(), mc);
  for (std::size_t i = 0; i < expc.size(); ++i) {
    const json& e = expc[i];
    if (!mc[i]) {
      if (!optional_flag(e))
        s.notes.push_back("candidates: missed " + str_or_empty(e, "kind") + " " + str_or_empty(e, "observed_at") + " " + str_or_empty(e, "place"));
      continue;
    }
    const json& x = candidates[*mc[i]];
    if (!optional_flag(e)) {
      ++s.candidate_actor.total;
      auto got = candidate_actor_id(x, mentions).value_or("");
      if (id_accepted(e, "actor_id", "actor_alt_ids", got)) ++s.candidate_actor.right;
      else s.notes.push_back("candidates: " + str_or_empty(e, "kind") + " actor " + got + " instead of " + id_of(e, "actor_id"));
    }
    auto pe = point_of(e, "place_lon", "place_lat");
    auto px = point_of(x, "lon", "lat");
    if (zones && pe && px) {
      std::string day = str_or_empty(e, "observed_at");
      auto ve = zones(pe->first, pe->second, day), vx = zones(px->first, px->second, day);
      for (std::size_t z = 0; z < ve.size() && z < vx.size(); ++z) {
        ++s.zone_agree.total;
        if (ve[z] == vx[z]) ++s.zone_agree.right;
      }
    }
  }
  {
    std::vector<bool> used(candidates.size(), false);
    for (const auto& m : mc)
      if (m) used[*m] = true;
    for (std::size_t j = 0; j < candidates.size(); ++j)
      if (!used[j])
        s.notes.push_back("candidates: extra " + str_or_empty(candidates[j], "kind") + " " + str_or_empty(candidates[j], "observed_at") + " " +
                          str_or_empty(candidates[j], "place"));
  }

  // Unsupported candidate fields: a place, actor or number no expected mention or candidate of
  // this text supports.
  const json& exp_places = array_or_empty(expected, "places");
  const json& exp_actors = array_or_empty(expected, "actors");
  const json& exp_numbers = array_or_empty(expected, "numbers");
  for (const json& x : candidates) {
    if (auto px = point_of(x, "lon", "lat")) {
      bool ok = false;
      for (const json& p : exp_places)
        if (auto pp = point_of(p, "lon", "lat"); pp && distance_m(pp->first, pp->second, px->first, px->second) <= kPlaceToleranceM) ok = true;
      for (const json& c : expc)
        if (auto pc = point_of(c, "place_lon", "place_lat"); pc && distance_m(pc->first, pc->second, px->first, px->second) <= kPlaceToleranceM) ok = true;
      if (!ok) {
        ++s.halluc_place;
        s.notes.push_back("unsupported place " + str_or_empty(x, "place"));
      }
    } else if (!str_or_empty(x, "place").empty()) {
      bool ok = false;
      std::string t = fold_case(str_or_empty(x, "place"));
      for (const json& p : exp_places)
        if (fold_case(str_or_empty(p, "text")) == t) ok = true;
      const json* ev = (x.contains("evidence") && x["evidence"].is_object() && x["evidence"].contains("place")) ? &x["evidence"]["place"] : nullptr;
      if (ev)
        if (auto sx = span_of(*ev))
          for (const json& p : exp_places)
            if (auto sp = span_of(p); sp && overlap(*sp, *sx)) ok = true;
      if (!ok) {
        ++s.halluc_place;
        s.notes.push_back("unsupported place " + str_or_empty(x, "place"));
      }
    }
    if (auto id = candidate_actor_id(x, mentions)) {
      bool ok = false;
      if (!id->empty())
        for (const json& a : exp_actors)
          if (id_accepted(a, "id", "alt_ids", *id)) ok = true;
      const json* ev = (x.contains("evidence") && x["evidence"].is_object() && x["evidence"].contains("actor")) ? &x["evidence"]["actor"] : nullptr;
      if (!ok && id->empty() && ev)
        if (auto sx = span_of(*ev))
          for (const json& a : exp_actors)
            if (auto sa = span_of(a); sa && overlap(*sa, *sx)) ok = true;
      if (!ok && id->empty() && !ev) {
        std::string t = fold_case(str_or_empty(x, "actor"));
        for (const json& a : exp_actors)
          if (fold_case(str_or_empty(a, "text")) == t) ok = true;
      }
      if (!ok) {
        ++s.halluc_actor;
        s.notes.push_back("unsupported actor " + str_or_empty(x, "actor") + " (" + *id + ")");
      }
    }
    for (const char* k : {"fatalities", "injured", "explosions", "weapon_count"}) {
      auto v = uint_of(x, k);
      if (!v) continue;
      bool ok = false;
      for (const json& n : exp_numbers)
        if (uint_of(n, "value") == v || uint_of(n, "value_max") == v) ok = true;
      if (!ok) {
        ++s.halluc_number;
        s.notes.push_back(std::string("unsupported number ") + k + "=" + std::to_string(*v));
      }
    }
  }
  return s;
}

namespace {

std::vector<UChar32> code_points(const std::string& text) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = int32_t(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c);
  }
  return out;
}

std::string utf8_of(const std::vector<UChar32>& cps, std::size_t b, std::size_t e) {
  icu::UnicodeString u;
  for (std::size_t i = b; i < e && i < cps.size(); ++i) u.append(cps[i]);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool valid_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  try {
    std::chrono::year_month_day d{std::chrono::year(std::stoi(s.substr(0, 4))), std::chrono::month(unsigned(std::stoi(s.substr(5, 2)))),
                                  std::chrono::day(unsigned(std::stoi(s.substr(8, 2))))};
    return d.ok();
  } catch (...) {
    return false;
  }
}

}  // namespace

std::vector<std::string> check_expected(const json& e, const std::string& text) {
  std::vector<std::string> bad;
  if (!e.is_object()) return {"not a JSON object"};
  if (!valid_day(str_or_empty(e, "published"))) bad.push_back("published: not a YYYY-MM-DD date");
  if (str_or_empty(e, "source").empty()) bad.push_back("source: missing");
  if (str_or_empty(e, "source_type").empty()) bad.push_back("source_type: missing");
  auto cps = code_points(text);
  static const std::vector<std::string> kinds = {"point", "region", "unlocated"};
  static const std::vector<std::string> counts = {"fatalities", "injured", "explosions", "weapons", "people", "displaced", "other"};
  static const std::vector<std::string> precisions = {"day", "week", "month"};
  for (const auto& field : kMentionFields) {
    if (!e.contains(field) || !e[field].is_array()) {
      bad.push_back(field + ": missing or not an array");
      continue;
    }
    std::size_t i = 0;
    for (const auto& m : e[field]) {
      std::string where = field + "[" + std::to_string(i++) + "] " + describe(m);
      auto sp = span_of(m);
      if (!sp || sp->b >= sp->e || sp->e > cps.size()) {
        bad.push_back(where + ": span missing or out of the text");
        continue;
      }
      if (utf8_of(cps, sp->b, sp->e) != str_or_empty(m, "text")) bad.push_back(where + ": the span is not the text");
      if (field == "places") {
        std::string k = str_or_empty(m, "kind");
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) bad.push_back(where + ": kind " + k);
        auto p = point_of(m, "lon", "lat");
        if (k == "point" && (!p || std::abs(p->first) > 180 || std::abs(p->second) > 90)) bad.push_back(where + ": point without valid lon/lat");
        if (k == "point" && p && (p->first < 35 || p->first > 43 || p->second < 32 || p->second > 38))
          bad.push_back(where + ": point outside Syria and its borders (lon 35-43, lat 32-38)");
        if (k != "point" && p) bad.push_back(where + ": coordinates on a " + k);
      } else if (field == "actors") {
        if (!m.contains("id") || !(m["id"].is_null() || m["id"].is_string())) bad.push_back(where + ": id must be a string or null");
      } else if (field == "dates") {
        std::string p = str_or_empty(m, "precision");
        if (std::find(precisions.begin(), precisions.end(), p) == precisions.end()) bad.push_back(where + ": precision " + p);
        if (!m.contains("resolved") || !(m["resolved"].is_null() || m["resolved"].is_string())) bad.push_back(where + ": resolved");
        else if (p == "day" && m["resolved"].is_string() && !valid_day(m["resolved"])) bad.push_back(where + ": resolved not a day");
      } else if (field == "numbers") {
        if (!uint_of(m, "value")) bad.push_back(where + ": value");
        std::string c = str_or_empty(m, "counts");
        if (std::find(counts.begin(), counts.end(), c) == counts.end()) bad.push_back(where + ": counts " + c);
      } else if (field == "weapons") {
        if (!m.contains("class") || !(m["class"].is_null() || m["class"].is_string())) bad.push_back(where + ": class must be a string or null");
      }
    }
  }
  if (!e.contains("candidates") || !e["candidates"].is_array()) bad.push_back("candidates: missing or not an array");
  else
    for (const auto& c : e["candidates"]) {
      if (str_or_empty(c, "kind").empty()) bad.push_back("candidate without kind");
      if (!valid_day(str_or_empty(c, "observed_at"))) bad.push_back("candidate observed_at not a day");
      if (!c.contains("actor_id") || !(c["actor_id"].is_null() || c["actor_id"].is_string())) bad.push_back("candidate actor_id");
      if (c.contains("place_lon") != c.contains("place_lat")) bad.push_back("candidate with half a point");
    }
  return bad;
}

}  // namespace truceline::bench::extract_eval
