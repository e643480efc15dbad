// Per-report verdicts (the rules are documented, case by case, in docs/assessment.md).
#include "truceline/assess/assess.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "truceline/assess/actors.hpp"
#include "truceline/assess/detail/stages.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/store/store.hpp"
#include "truceline/text.hpp"

namespace truceline::assess {

namespace detail {
namespace {
std::atomic<bool> g_certified_margins{true};
// No multiple of 0.05 m within [v - e, v + e].
bool clear_of_grid(double v, double e) {
  const double lo = (v - e) * 20, hi = (v + e) * 20;
  return std::floor(lo) == std::floor(hi) && std::floor(lo) != lo;
}
}  // namespace
bool certified_margins_enabled() { return g_certified_margins.load(std::memory_order_relaxed); }
void set_certified_margins(bool on) { g_certified_margins.store(on, std::memory_order_relaxed); }
bool decides_alike(double margin_m, double err_m, std::initializer_list<double> thresholds_m) {
  for (const double t : thresholds_m)
    if (!(std::abs(margin_m - t) > err_m)) return false;
  return true;
}
bool margin_is_interchangeable(double margin_m, double distance_m, double err_m, double rad_m, double u_m,
                               double reach_m) {
  return clear_of_grid(margin_m, err_m) && clear_of_grid(distance_m, err_m) &&
         decides_alike(margin_m, err_m, {rad_m, -rad_m, rad_m + u_m, -(rad_m + u_m), -reach_m - rad_m, rad_m - reach_m});
}
}  // namespace detail

using agreement::Agreement;
using agreement::Obligation;

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::violation: return "violation";
    case Verdict::compliant: return "compliant";
    case Verdict::indeterminate: return "indeterminate";
    case Verdict::not_applicable: return "not_applicable";
  }
  return "?";
}

const char* to_string(WhereStatus s) {
  switch (s) {
    case WhereStatus::inside: return "inside";
    case WhereStatus::outside: return "outside";
    case WhereStatus::indeterminate: return "indeterminate";
    case WhereStatus::not_assessed: return "not_assessed";
  }
  return "?";
}

const char* to_string(TimeStatus s) {
  switch (s) {
    case TimeStatus::before_deadline: return "before_deadline";
    case TimeStatus::after_deadline: return "after_deadline";
    case TimeStatus::within_extension: return "within_extension";
    case TimeStatus::straddles: return "straddles";
    case TimeStatus::in_force: return "in_force";
    case TimeStatus::partly_in_force: return "partly_in_force";
    case TimeStatus::not_in_force: return "not_in_force";
  }
  return "?";
}

ReportView from_stored(const store::StoredReport& s) {
  const nlohmann::json& j = s.report;
  ReportView r;
  r.id = s.id;
  r.label = j.value("source_id", std::string());
  if (r.label.empty()) r.label = s.id;
  r.observed_unix = store::parse_iso_time(j.value("observed_at", std::string())).value_or(0);
  r.time_precision = j.value("time_precision", std::string("day"));
  // The store keeps no flag for a bare date: it is a day (or coarser) at exactly 00:00 UTC.
  r.date_only = store::time_precision_s(r.time_precision) >= 86400 && r.observed_unix % 86400 == 0;
  // The one reading of where a report is, shared by every output (docs/report-format.md).
  const store::EffectiveLocation loc = store::effective_location(s);
  r.location_method = loc.method;
  r.has_location = loc.lon && loc.lat;
  if (r.has_location) {
    r.lon_deg = *loc.lon;
    r.lat_deg = *loc.lat;
    r.precision_m = loc.precision_m;
  }
  r.precision_from = loc.precision_from;
  r.place = loc.place;
  r.place_matched = loc.matched;
  r.place_match = loc.match;
  r.place_score = loc.score;
  r.location_reason = loc.reason;
  r.place_ambiguous = loc.method == "place" && s.place_resolution.is_object() &&
                      s.place_resolution.value("ambiguous", false);
  r.kind = j.value("kind", std::string());
  r.weapon_class = j.value("weapon_class", std::string());
  r.actor = j.value("actor", std::string());
  r.target = j.value("target", std::string());
  r.summary = j.value("summary", std::string());
  if (j.contains("weapon_count")) r.weapon_count = j["weapon_count"].get<int64_t>();
  if (j.contains("fatalities")) r.fatalities = j["fatalities"].get<int64_t>();
  if (j.contains("injured")) r.injured = j["injured"].get<int64_t>();
  // A store written before `explosions` was a field kept it as an unknown field, whatever its
  // type: only a whole number >= 0 is a count (anything else is not counted, never guessed).
  if (j.contains("explosions") && j["explosions"].is_number_integer() && j["explosions"].get<int64_t>() >= 0)
    r.explosions = j["explosions"].get<int64_t>();
  if (j.contains("source")) {
    r.source_name = j["source"].value("name", std::string());
    r.source_type = j["source"].value("type", std::string("other"));
  }
  r.reliability = j.value("reliability", std::string("F"));
  r.credibility = j.value("credibility", 6);
  if (j.contains("tags")) r.tags = j["tags"].get<std::vector<std::string>>();
  r.witnesses = witnesses_of(j);
  return r;
}

std::string witness_key(const std::string& name) {
  static const std::set<std::string> generic{"agency", "network", "channel", "tv", "website", "online", "official"};
  // A parenthesised abbreviation is an alias, not part of the name: "Syrian Observatory for
  // Human Rights (SOHR)".
  std::string base;
  int depth = 0;
  for (char c : name) {
    if (c == '(') ++depth;
    if (depth == 0) base += c;
    if (c == ')' && depth > 0) --depth;
  }
  std::string f = gazetteer::fold(base);
  if (f.rfind("the ", 0) == 0) f.erase(0, 4);
  for (;;) {
    const auto sp = f.rfind(' ');
    if (sp == std::string::npos || !generic.count(f.substr(sp + 1))) break;
    f.erase(sp);
  }
  return f;
}

std::vector<std::string> witness_keys(const std::string& name) {
  std::vector<std::string> keys;
  const std::string k = witness_key(name);
  if (k.empty()) return keys;
  keys.push_back(k);
  // The initials of a name of three words or more ("for", "of", "the", "and" not counted):
  // "Syrian Observatory for Human Rights" -> "sohr", "Syrian Arab News Agency" -> "sana"
  // (taken before the generic words are dropped); a one-word name is its own initials.
  static const std::set<std::string> small{"for", "of", "the", "and", "in", "on", "de"};
  std::string initials;
  std::size_t words = 0;
  std::string full = gazetteer::fold(name.substr(0, name.find('(')));
  std::size_t from = 0;
  while (from < full.size()) {
    const auto sp = full.find(' ', from);
    const std::string w = full.substr(from, sp == std::string::npos ? std::string::npos : sp - from);
    if (!w.empty() && !small.count(w)) {
      initials += w[0];
      ++words;
    }
    if (sp == std::string::npos) break;
    from = sp + 1;
  }
  if (words >= 3) keys.push_back("initials:" + initials);
  if (k.find(' ') == std::string::npos) keys.push_back("initials:" + k);
  // "(SOHR)": the abbreviation in parentheses, as a one-word name.
  if (const auto open = name.find('('); open != std::string::npos) {
    const auto close = name.find(')', open);
    const std::string inner = witness_key(name.substr(open + 1, close == std::string::npos ? std::string::npos
                                                                                            : close - open - 1));
    if (!inner.empty() && inner.find(' ') == std::string::npos) keys.push_back("initials:" + inner);
  }
  return keys;
}

std::vector<std::string> witnesses_of(const nlohmann::json& j) {
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    for (auto& k : witness_keys(name)) out.push_back(std::move(k));
  };
  if (j.contains("cites") && j["cites"].is_array()) {
    for (const auto& c : j["cites"])
      if (c.is_string()) add(c.get<std::string>());
  } else if (j.contains("acled") && j["acled"].is_object()) {
    // ACLED compiles: the outlets in its `source` column ("Step News; SOHR") are the witnesses.
    for (const char* key : {"source", "SOURCE"}) {
      if (!j["acled"].contains(key) || !j["acled"][key].is_string()) continue;
      const std::string list = j["acled"][key].get<std::string>();
      std::size_t from = 0;
      while (from <= list.size()) {
        const auto semi = list.find(';', from);
        add(list.substr(from, semi == std::string::npos ? std::string::npos : semi - from));
        if (semi == std::string::npos) break;
        from = semi + 1;
      }
      break;
    }
  }
  if (out.empty() && j.contains("source") && j["source"].is_object()) add(j["source"].value("name", std::string()));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// Which report kinds bear on which obligation kinds, and how: a `violating` kind inside the
// zone at the wrong time is a violation; an `evidencing` kind is evidence the obligation is
// being carried out.
struct Bearing {
  std::set<std::string> violating, evidencing;
};

const std::map<std::string, Bearing>& bearings() {
  static const std::map<std::string, Bearing> b = {
      {"withdraw-weapons", {{"weapon_sighting"}, {"withdrawal"}}},
      {"withdraw-groups", {{"group_presence", "armed_clash"}, {"withdrawal"}}},
      {"cease-fire", {{"shelling", "airstrike", "armed_clash", "civilian_harm"}, {}}},
      {"patrol", {{}, {"patrol"}}},
      {"monitor", {{}, {"uav_observation"}}},
      {"keep-post", {{}, {"post_event"}}},
  };
  return b;
}

// Names to ids, through folded aliases (gazetteer::fold): exact match first, then the longest
// alias found as whole words in the text ("HTS fighters" -> hts).
class AliasIndex {
 public:
  void add(const std::string& name, const std::string& id) {
    const std::string f = gazetteer::fold(name);
    if (f.empty()) return;
    exact_.emplace(f, id);
    words_.emplace_back(" " + f + " ", id);
  }
  void finish() {
    std::stable_sort(words_.begin(), words_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
  std::string resolve(const std::string& text) const {
    if (text.empty()) return {};
    if (auto c = cache_.find(text); c != cache_.end()) return c->second;
    const std::string f = gazetteer::fold(text);
    std::string id;
    if (auto e = exact_.find(f); e != exact_.end()) {
      id = e->second;
    } else {
      const std::string padded = " " + f + " ";
      for (const auto& [w, i] : words_)
        if (padded.find(w) != std::string::npos) {
          id = i;
          break;
        }
    }
    cache_.emplace(text, id);
    return id;
  }

 private:
  std::unordered_map<std::string, std::string> exact_;
  std::vector<std::pair<std::string, std::string>> words_;
  mutable std::unordered_map<std::string, std::string> cache_;
};

// Why an actor text names nobody of the agreement, for people.
std::string unresolved_actor(const std::string& text, const ActorCheck& who) {
  if (text.empty()) return "the report names no actor";
  const std::string q = who.stripped.empty() ? std::string()
                                             : fmt::format(" ({} is a qualifier: where, not who)", who.stripped);
  if (who.category == "unidentified") return fmt::format("'{}' is an unidentified actor{}", text, q);
  if (who.category == "civilians" || who.category == "protesters" || who.category == "rioters")
    return fmt::format("'{}' names {}, not a party or group{}", text, who.category, q);
  if (who.category == "state_forces")
    return fmt::format("'{}' names the forces of a state that is not a party of the agreement", text);
  if (who.category == "several")
    return fmt::format("'{}' names several actors ({}): not attributed to one of them", text, who.matched);
  if (who.category == "qualified")
    return fmt::format("'{}' qualifies a name ('{}'): someone else, not that party or group", text, who.matched);
  return fmt::format("'{}' is not a party or group of the agreement{}", text, q);
}

// Of the designators an obligation names (binds.designated_by), those giving the group one of
// its statuses (yes) and those giving it another (no); a designator that says nothing is
// silent, not disagreeing.
struct DesignatorVotes {
  std::vector<std::string> yes, no;
};
DesignatorVotes designator_votes(const agreement::Binds& binds, const std::map<std::string, std::string>& designations) {
  DesignatorVotes out;
  for (const auto& by : binds.designated_by) {
    auto it = designations.find(by);
    if (it == designations.end()) continue;
    bool match = false;
    for (const auto& st : binds.designated_status)
      if (("," + it->second + ",").find("," + st + ",") != std::string::npos) match = true;
    (match ? out.yes : out.no).push_back(by);
  }
  return out;
}

}  // namespace

std::string reason_message(const Reason& x, const ReportView& r, const VerdictRecord& v) {
  if (!x.message.empty() || !v.ob) return x.message;
  const Obligation& ob = *v.ob;
  const std::string_view code = x.code;
  const auto iso = [](int64_t t) { return format_iso8601_utc(t); };
  const std::string& zone = v.where.zone;
  // --- when
  if (code == "not_in_force") return "the obligation is not in force at the report's time";
  if (code == "time_straddles_validity") return "the report's time window holds the start or end of the obligation";
  if (code == "before_deadline") return fmt::format("observed before the deadline {}", iso(x.t[0]));
  if (code == "after_deadline")
    return fmt::format("observed after the {}deadline {}", x.t[1] != x.t[0] ? "extended " : "", iso(x.t[1]));
  if (code == "within_extension")
    return fmt::format("after the original deadline {} but before its extension to {} ({})", iso(x.t[0]),
                       iso(x.t[1]), x.text ? *x.text : std::string());
  if (code == "time_straddles_deadline")
    return fmt::format("the report's time window {} – {} holds the deadline {}", iso(x.t[0]), iso(x.t[1]),
                       iso(x.t[2]));
  // --- what
  if (code == "weapon_class_missing") return "the report does not say which weapon";
  if (code == "weapon_class_unknown") return fmt::format("'{}' is not a weapon class of the agreement", v.what.text);
  if (code == "weapon_class_covered")
    return fmt::format("{} is covered ({})", v.what.weapon_class, join(ob.weapon_classes));
  if (code == "weapon_class_too_general")
    return fmt::format("{} is broader than the classes covered ({})", v.what.weapon_class, join(ob.weapon_classes));
  if (code == "weapon_class_not_covered")
    return fmt::format("{} is not among the classes covered ({})", v.what.weapon_class, join(ob.weapon_classes));
  // --- who
  if (code == "actor_unattributed" || code == "actor_unresolved") return unresolved_actor(v.who.text, v.who);
  if (code == "actor_attributed") return fmt::format("attributed to {}", v.who.id);
  if (code == "not_designated")
    return fmt::format("{} is not designated {} by {} at the report's time", v.who.id,
                       join(ob.binds.designated_status, " or "), join(ob.binds.designated_by, " or "));
  if (code == "actor_bound")
    return fmt::format("{} is bound by this obligation{}", v.who.id, x.x[0] != 0 ? " by name" : "");
  if (code == "actor_not_bound") return fmt::format("{} is not bound by this obligation", v.who.id);
  if (code == "designated" || code == "designation_contested") {
    const DesignatorVotes votes = designator_votes(ob.binds, v.who.designations);
    if (code == "designated")
      return fmt::format("{} is designated {} by {}", v.who.id, join(ob.binds.designated_status, " or "),
                         join(votes.yes));
    std::vector<std::string> said;
    for (const auto& by : votes.no) said.push_back(fmt::format("{} says {}", by, v.who.designations.at(by)));
    return fmt::format("designators disagree: {} {} {}; {}", join(votes.yes), votes.yes.size() == 1 ? "says" : "say",
                       join(ob.binds.designated_status, " or "), join(said, "; "));
  }
  // --- where
  if (code == "no_zone") return "the obligation has no zone to locate reports against";
  if (code == "no_location")
    return r.place.empty()                ? std::string("the report has no location")
           : r.location_reason.empty() ? fmt::format("the place '{}' was not resolved", r.place)
                                       : fmt::format("the place '{}' was not resolved ({})", r.place, r.location_reason);
  if (code == "place_ambiguous") return fmt::format("the place '{}' names several places", r.place);
  const double m = x.x[0], rad = x.x[1];
  if (code == "line_uncertainty")
    return fmt::format("{:.0f} m {} {} as drawn, within the precision {:.0f} m plus the ±{:.0f} m uncertainty of "
                       "line {}",
                       std::abs(m), m >= 0 ? "inside" : "outside", zone, rad, x.x[2], x.text ? *x.text : std::string());
  if (code == "inside_zone") return fmt::format("{:.0f} m inside {} (precision {:.0f} m)", m, zone, rad);
  if (code == "outside_zone") return fmt::format("{:.0f} m outside {} (precision {:.0f} m)", -m, zone, rad);
  if (code == "location_indeterminate")
    return fmt::format("{:.0f} m from the boundary of {}, within the precision {:.0f} m", std::abs(m), zone, rad);
  const double reach = x.x[0];
  const bool withdrawal = x.x[2] != 0;
  if (code == "far_from_zone")
    return withdrawal ? fmt::format("more than {:.0f} m from {}: no evidence about it", reach, zone)
                      : fmt::format("more than {:.0f} m from {}", reach, zone);
  if (code == "reach_indeterminate")
    return withdrawal ? fmt::format("may be more than {:.0f} m from {} (precision {:.0f} m): no evidence about it",
                                    reach, zone, rad)
                      : fmt::format("within the precision of the {:.0f} m reach of {}", reach, zone);
  return x.message;
}

struct Assessor::Impl {
  const Agreement& a;
  Options options;
  ActorResolver actors;
  AliasIndex weapons;
  // Zone instances: the agreed depth, and per weapon class for zones whose depth depends on it.
  std::map<std::string, std::unique_ptr<agreement::ZoneInstance>> zones;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<agreement::ZoneInstance>> class_zones;
  std::vector<const Obligation*> obligations;  // sorted by id
  std::vector<const Bearing*> obligation_bearings;  // bearings() of each, looked up once
  // Each obligation's zone instance (null: no zone), and its instances by weapon class when
  // its zone's depth depends on the class (null: it does not); looked up once.
  std::vector<const agreement::ZoneInstance*> obligation_zones;
  std::vector<const std::map<std::string, const agreement::ZoneInstance*>*> obligation_class_zones;
  std::map<std::string, std::map<std::string, const agreement::ZoneInstance*>> class_zone_index;  // zone -> class
  // What a report of a kind is assessed against: the obligations (indices, in id order) its
  // kind bears on, and whether as evidence. Made once per kind.
  struct Bears {
    std::size_t obligation = 0;
    bool evidence = false;
  };
  mutable std::unordered_map<std::string, std::vector<Bears>> by_kind;
  const std::vector<Bears>& bears(const std::string& kind) const {
    if (auto it = by_kind.find(kind); it != by_kind.end()) return it->second;
    if (by_kind.size() >= 1024) by_kind.clear();  // kinds are a closed list; bounded anyway
    std::vector<Bears> out;
    for (std::size_t i = 0; i < obligations.size(); ++i) {
      const Bearing& b = *obligation_bearings[i];
      if (b.violating.count(kind) || b.evidencing.count(kind)) out.push_back({i, b.evidencing.count(kind) > 0});
    }
    return by_kind.emplace(kind, std::move(out)).first->second;
  }

  Impl(const Agreement& ag, const Options& o) : a(ag), options(o), actors(ag) {
    for (const auto& w : a.weapon_classes) {
      weapons.add(w.id, w.id);
      weapons.add(w.name, w.id);
      for (const auto& al : w.aliases) weapons.add(al, w.id);
    }
    weapons.finish();
    for (const auto& ob : a.obligations) {
      if (!bearings().count(ob.kind)) continue;
      if (ob.valid.from && *ob.valid.from > options.at) continue;  // not yet in force at T
      obligations.push_back(&ob);
      if (ob.zone.empty() || zones.count(ob.zone)) continue;
      const agreement::Zone* z = a.zone(ob.zone);
      if (!z) continue;  // the loader has reported it
      zones.emplace(ob.zone, std::make_unique<agreement::ZoneInstance>(a, *z));
      if (!z->depth_by_class.empty())
        for (const auto& w : a.weapon_classes)
          class_zones.emplace(std::pair{z->id, w.id}, std::make_unique<agreement::ZoneInstance>(a, *z, "", w.id));
    }
    std::sort(obligations.begin(), obligations.end(), [](auto* x, auto* y) { return x->id < y->id; });
    for (const Obligation* ob : obligations) obligation_bearings.push_back(&bearings().at(ob->kind));
    for (const auto& [key, zi] : class_zones) class_zone_index[key.first][key.second] = zi.get();
    for (const Obligation* ob : obligations) {
      const auto z = ob->zone.empty() ? zones.end() : zones.find(ob->zone);
      obligation_zones.push_back(z == zones.end() ? nullptr : z->second.get());
      const auto c = class_zone_index.find(ob->zone);
      obligation_class_zones.push_back(c == class_zone_index.end() ? nullptr : &c->second);
    }
  }

  // True when `id` or a group it belongs to (member_of, transitively) is in `ids`.
  bool bound_by_id(const std::string& id, const std::vector<std::string>& ids) const {
    std::string cur = id;
    for (int depth = 0; depth < 8 && !cur.empty(); ++depth) {
      if (std::find(ids.begin(), ids.end(), cur) != ids.end()) return true;
      const agreement::Actor* x = a.actor(cur);
      if (!x || x->member_of.empty()) break;
      for (std::size_t i = 1; i < x->member_of.size(); ++i)
        if (bound_by_id(x->member_of[i], ids)) return true;
      cur = x->member_of.front();
    }
    return false;
  }

  // The class or one of its parents is listed.
  bool class_covered(const std::string& cls, const std::vector<std::string>& listed) const {
    std::string cur = cls;
    for (int depth = 0; depth < 8 && !cur.empty(); ++depth) {
      if (std::find(listed.begin(), listed.end(), cur) != listed.end()) return true;
      const agreement::WeaponClass* w = a.weapon_class(cur);
      cur = w ? w->parent : "";
    }
    return false;
  }
  // A listed class is a narrower kind of `cls` (the report is too general to tell).
  bool class_too_general(const std::string& cls, const std::vector<std::string>& listed) const {
    for (const auto& l : listed) {
      const agreement::WeaponClass* w = a.weapon_class(l);
      for (int depth = 0; depth < 8 && w && !w->parent.empty(); ++depth) {
        if (w->parent == cls) return true;
        w = a.weapon_class(w->parent);
      }
    }
    return false;
  }

  // The margins of the report being assessed, per zone instance: obligations sharing a zone
  // share one exact computation.
  // Zone instances on the same area (the de-escalation area as a zone and as the DMZ's clip)
  // share its search too (ZoneInstance::AreaMemo).
  struct KeptMargin {
    const agreement::ZoneInstance* zone = nullptr;
    agreement::ZoneInstance::Margin m;
    double err_m = 0;
    bool certified = false;  // a certified value (within err_m + slack of the exact one), else exact
  };
  struct PointMargins {
    std::vector<KeptMargin> margins;
    agreement::ZoneInstance::AreaMemo area_memo;
  };
  mutable std::vector<Reason> reason_buffer;  // evaluate()'s reasons before they are copied
  mutable PointMargins scratch;             // a report located by its own coordinates
  mutable PointMargins* current = &scratch;  // the report being assessed
  // Reports located through a place name share its coordinates (the gazetteer's), exactly:
  // their margins are kept by point, so each place is measured once per worker (issue 15).
  // A margin is a pure function of the point and the zone instance, so a kept one is the same
  // double the computation would give. Bounded: emptied when it holds kPlaceMarginsMax points.
  struct PointKey {
    uint64_t lon = 0, lat = 0;  // the coordinates' bits
    bool operator==(const PointKey&) const = default;
  };
  struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const { return std::hash<uint64_t>()(k.lon * 0x9E3779B97F4A7C15ULL ^ k.lat); }
  };
  static constexpr std::size_t kPlaceMarginsMax = 1 << 14;
  mutable std::unordered_map<PointKey, PointMargins, PointKeyHash> place_margins;
  // Chooses where the margins of report `r` are kept (before it is assessed).
  void start_point(const ReportView& r) const {
    if (r.has_location && r.location_method == "place") {
      if (place_margins.size() >= kPlaceMarginsMax) place_margins.clear();
      current = &place_margins[PointKey{std::bit_cast<uint64_t>(r.lon_deg), std::bit_cast<uint64_t>(r.lat_deg)}];
      return;
    }
    scratch.margins.clear();
    scratch.area_memo.clear();
    current = &scratch;
  }
  // The margin of report `r` against `zi`, as evaluate() uses it against the thresholds `rad`,
  // the line uncertainty `u` and the reach. A certified fast margin (issue 15;
  // ZoneInstance::margin_certified) is used only when it cannot print or decide otherwise than
  // the exact one (detail::margin_is_interchangeable); else the exact margin is computed.
  agreement::ZoneInstance::Margin margin(const agreement::ZoneInstance* zi, const ReportView& r, double rad, double u,
                                         double reach) const {
    KeptMargin* k = nullptr;
    for (auto& km : current->margins)
      if (km.zone == zi) k = &km;
    const geo::LonLat p{r.lon_deg, r.lat_deg};
    if (!k) {
      KeptMargin km{zi, {}, 0, false};
      if (detail::certified_margins_enabled()) {
        const auto c = zi->margin_certified(p, &current->area_memo, detail::kCertifiedToleranceM);
        if (c.ok) km = {zi, c.m, c.err_m, true};
      }
      if (!km.certified) km.m = zi->margin(p, &current->area_memo);
      current->margins.push_back(km);
      k = &current->margins.back();
    }
    if (k->certified &&
        !detail::margin_is_interchangeable(k->m.margin_m, k->m.distance_m, k->err_m + geo::kCertifiedSlackM, rad, u,
                                           reach)) {
      k->m = zi->margin(p, &current->area_memo);
      k->certified = false;
      k->err_m = 0;
    }
    return k->m;
  }

  // Actor resolutions by text (ActorResolver::resolve is a pure function of it): each report's
  // actor is resolved once, not once per obligation, and the few texts real data repeats are
  // resolved once per worker. Bounded: emptied when it holds kActorCacheMax texts.
  static constexpr std::size_t kActorCacheMax = 1 << 16;
  mutable std::unordered_map<std::string, ActorResolution> actor_cache;
  const ActorResolution& resolve_actor(const std::string& text) const {
    if (auto it = actor_cache.find(text); it != actor_cache.end()) return it->second;
    if (actor_cache.size() >= kActorCacheMax) actor_cache.clear();
    return actor_cache.emplace(text, actors.resolve(text)).first->second;
  }

  // The uncertainty of the line a zone is built on (its [[line]] uncertainty_m; 0 for area
  // zones): the zone's line-derived boundary (territory and depth lines) is known to ± that.
  double line_uncertainty_m(const agreement::Zone& z) const {
    if (z.is_area || z.line.empty()) return 0;
    const agreement::Line* l = a.line(z.line);
    return l ? l->uncertainty_m : 0;
  }

  // For a clipped line zone, its two constraints apart: the unclipped line zone (same depth),
  // whose boundary carries the line's uncertainty, and the clip area, whose boundary does not.
  // Built on first use (only reports near the boundary need them).
  struct ClipParts {
    std::unique_ptr<agreement::Zone> unclipped;
    std::unique_ptr<agreement::ZoneInstance> line_part, clip_part;
  };
  mutable std::map<const agreement::ZoneInstance*, ClipParts> clip_parts;
  const ClipParts& parts_of(const agreement::ZoneInstance* zi) const {
    auto it = clip_parts.find(zi);
    if (it != clip_parts.end()) return it->second;
    ClipParts p;
    p.unclipped = std::make_unique<agreement::Zone>(zi->zone());
    p.unclipped->clip.clear();
    p.unclipped->readings.clear();
    p.unclipped->depth_by_class.clear();
    p.unclipped->depth_m = zi->depth_m();
    p.line_part = std::make_unique<agreement::ZoneInstance>(a, *p.unclipped);
    p.clip_part = std::make_unique<agreement::ZoneInstance>(a, *a.zone(zi->zone().clip));
    return clip_parts.emplace(zi, std::move(p)).first->second;
  }

  // Where the report's disc (radius rad) is against the zone when the line-derived part of its
  // boundary may lie anywhere within ± u of where it is drawn: inside / outside under every
  // such reading, else indeterminate. `m` is the margin as drawn.
  WhereStatus where_with_line_uncertainty(const agreement::ZoneInstance* zi, const ReportView& r, double m, double rad,
                                          double u) const {
    if (m >= rad + u) return WhereStatus::inside;    // every constraint clears rad + u
    if (m < -(rad + u)) return WhereStatus::outside;  // a broken constraint by more than rad + u
    if (zi->zone().clip.empty()) return WhereStatus::indeterminate;
    // Clipped: the clip boundary is exact; only the line part is widened by u.
    const ClipParts& p = parts_of(zi);
    const geo::LonLat pt{r.lon_deg, r.lat_deg};
    // Certified margins where no threshold is within their bound (the decisions below are then
    // the exact margins'), else exact.
    double ml = 0, mc = 0;
    bool exact = !detail::certified_margins_enabled();
    if (!exact) {
      const auto cl = p.line_part->margin_certified(pt, nullptr, detail::kCertifiedToleranceM);
      const auto cc = p.clip_part->margin_certified(pt, &current->area_memo, detail::kCertifiedToleranceM);
      ml = cl.m.margin_m;
      mc = cc.m.margin_m;
      exact = !cl.ok || !cc.ok ||
              !detail::decides_alike(ml, cl.err_m + geo::kCertifiedSlackM, {rad + u, -(rad + u)}) ||
              !detail::decides_alike(mc, cc.err_m + geo::kCertifiedSlackM, {rad, -rad});
    }
    if (exact) {
      ml = p.line_part->margin(pt).margin_m;
      mc = p.clip_part->margin(pt, &current->area_memo).margin_m;
    }
    if (ml >= rad + u && mc >= rad) return WhereStatus::inside;
    if (ml < -(rad + u) || mc < -rad) return WhereStatus::outside;
    return WhereStatus::indeterminate;
  }

  void evaluate(const ReportView& r, std::size_t index, std::size_t obligation, bool evidence,
                std::vector<VerdictRecord>& out) const;
};

Assessor::Assessor(const Agreement& a, const Options& options) : impl_(std::make_unique<Impl>(a, options)) {}
Assessor::~Assessor() = default;

std::string Assessor::resolve_actor(const std::string& text) const { return impl_->actors.resolve(text).id; }
std::string Assessor::resolve_weapon_class(const std::string& text) const { return impl_->weapons.resolve(text); }

void Assessor::assess(const ReportView& r, std::size_t index, std::vector<VerdictRecord>& out) const {
  impl_->start_point(r);
  for (const Impl::Bears& b : impl_->bears(r.kind)) impl_->evaluate(r, index, b.obligation, b.evidence, out);
}

void Assessor::Impl::evaluate(const ReportView& r, std::size_t index, std::size_t obligation, bool evidence,
                              std::vector<VerdictRecord>& out) const {
  const Obligation& ob = *obligations[obligation];
  VerdictRecord v;
  v.report = index;
  v.obligation = ob.id;
  v.ob = &ob;
  // Each check votes; the verdict is the strongest vote in the order
  // not_applicable > compliant > indeterminate > violation (a report that cannot bear on the
  // obligation, or shows it kept, is not made a violation by another check's doubt).
  bool na = false, ok = false, doubt = false;
  // The reasons are gathered in the worker's buffer and copied once, at their count (issue 15:
  // room for six in every verdict was about 45 % of the records' memory).
  std::vector<Reason>& reasons = reason_buffer;
  reasons.clear();
  // The reason's code; its parameters are set on the returned entry (reason_message() reads them).
  auto reason = [&](const char* code) -> Reason& {
    reasons.emplace_back();
    reasons.back().code = code;
    return reasons.back();
  };

  // --- when --------------------------------------------------------------------------
  const int64_t len = store::time_precision_s(r.time_precision);
  int64_t start = r.observed_unix, end = r.observed_unix + len;
  if (len >= 86400 && r.date_only) {
    // A bare date names a day in some timezone: the local day (as read) or the source's UTC
    // day. Widen by the agreement's offset so both readings are inside the window; a
    // date-time with its own offset is not widened.
    const int64_t off = std::abs(a.utc_offset_minutes) * 60LL;
    start -= off;
    end += off;
  }
  v.when.window_start = start;
  v.when.window_end = end;
  if ((ob.valid.until && start >= agreement::unix_seconds(*ob.valid.until)) || (ob.valid.from && end < agreement::unix_seconds(*ob.valid.from))) {
    v.when.status = TimeStatus::not_in_force;
    na = true;
    reason("not_in_force");
  } else {
    const bool partly =
        (ob.valid.from && start < agreement::unix_seconds(*ob.valid.from)) || (ob.valid.until && end >= agreement::unix_seconds(*ob.valid.until));
    if (partly) {
      v.when.status = TimeStatus::partly_in_force;
      doubt = true;
      reason("time_straddles_validity");
    }
    if (ob.deadline) {
      const int64_t d0 = agreement::unix_seconds(*ob.deadline);
      const int64_t d1 = ob.extensions.empty() ? d0 : agreement::unix_seconds(ob.extensions.back().until);
      v.when.deadline = ob.deadline;
      v.when.effective_deadline = ob.extensions.empty() ? ob.deadline : std::optional(ob.extensions.back().until);
      if (end < d0) {
        v.when.status = TimeStatus::before_deadline;
        if (!evidence) {
          ok = true;
          reason("before_deadline").t[0] = d0;
        }
      } else if (start > d1) {
        v.when.status = TimeStatus::after_deadline;
        Reason& x = reason("after_deadline");
        x.t[0] = d0;
        x.t[1] = d1;
      } else if (end < d1) {
        v.when.status = TimeStatus::within_extension;
        if (!evidence) {
          ok = true;
          Reason& x = reason("within_extension");
          x.t[0] = d0;
          x.t[1] = d1;
          x.text = &ob.extensions.back().source;
        }
      } else {
        v.when.status = TimeStatus::straddles;
        if (!evidence) {
          doubt = true;
          Reason& x = reason("time_straddles_deadline");
          x.t[0] = start;
          x.t[1] = end;
          x.t[2] = d1;
        }
      }
    } else if (!partly) {
      v.when.status = TimeStatus::in_force;
    }
  }

  // --- what --------------------------------------------------------------------------
  v.what.text = r.weapon_class;
  if (!r.weapon_class.empty()) v.what.weapon_class = weapons.resolve(r.weapon_class);
  if (!ob.weapon_classes.empty()) {
    if (r.weapon_class.empty()) {
      if (!evidence) doubt = true;
      reason("weapon_class_missing");
    } else if (v.what.weapon_class.empty()) {
      if (!evidence) doubt = true;
      reason("weapon_class_unknown");
    } else if (class_covered(v.what.weapon_class, ob.weapon_classes)) {
      v.what.matched = true;
      reason("weapon_class_covered");
    } else if (class_too_general(v.what.weapon_class, ob.weapon_classes)) {
      if (!evidence) doubt = true;
      reason("weapon_class_too_general");
    } else {
      na = true;
      reason("weapon_class_not_covered");
    }
  }

  // --- who ---------------------------------------------------------------------------
  v.who.text = r.actor;
  {
    const ActorResolution& who = resolve_actor(r.actor);
    v.who.id = who.id;
    v.who.how = who.how;
    v.who.category = who.category;
    v.who.stripped = who.stripped;
    v.who.matched = who.matched;
  }
  const int64_t t = r.observed_unix;
  if (!v.who.id.empty()) {
    const agreement::Actor* x = a.actor(v.who.id);
    v.who.is_group = x && x->is_group;
    for (const auto& d : a.designations)
      if (d.group == v.who.id && d.valid.contains(agreement::Instant(std::chrono::seconds(t)))) {
        std::string& s = v.who.designations[d.by];
        s += (s.empty() ? "" : ",") + d.status;
      }
  }
  const agreement::Binds& binds = ob.binds;
  const bool by_designation = !binds.designated_status.empty();
  const bool explicit_bound =
      !v.who.id.empty() && (bound_by_id(v.who.id, binds.parties) || bound_by_id(v.who.id, binds.groups));
  if (ob.kind == "cease-fire") {
    // Guarantor reading: the parties bound answer for the cease-fire holding in the zone;
    // the actor is reported as attribution, not a filter.
    reason(v.who.id.empty() ? "actor_unattributed" : "actor_attributed");
  } else if (by_designation) {
    // yes: designators naming a bound status; no: designators giving another status (a
    // designator who says nothing is silent, not disagreeing).
    const DesignatorVotes votes = designator_votes(binds, v.who.designations);
    const auto& yes = votes.yes;
    const auto& no = votes.no;
    if (v.who.id.empty()) {
      doubt = true;  // neither a violation nor evidence of compliance by nobody known
      reason("actor_unresolved");
    } else if (yes.empty() && !explicit_bound) {
      na = true;
      reason("not_designated");
    } else if (yes.empty()) {
      reason("actor_bound").x[0] = 1;  // "by name"
    } else {
      reason("designated");
      if (!yes.empty() && !no.empty()) {
        v.who.contested = true;
        v.who.contested_by = yes;
        v.who.contested_by.insert(v.who.contested_by.end(), no.begin(), no.end());
        std::sort(v.who.contested_by.begin(), v.who.contested_by.end());
        reason("designation_contested");
      }
    }
  } else if (!binds.parties.empty() || !binds.groups.empty()) {
    if (v.who.id.empty()) {
      if (evidence) doubt = true;  // a patrol by nobody known is no evidence
      reason("actor_unresolved");
    } else if (!explicit_bound) {
      na = true;
      reason("actor_not_bound");
    } else {
      reason("actor_bound");
    }
  }

  // --- where -------------------------------------------------------------------------
  v.where.precision_m = r.precision_m;
  if (!obligation_zones[obligation]) {
    na = true;
    reason("no_zone");
  } else if (!r.has_location) {
    v.where.zone = ob.zone;
    v.where.status = WhereStatus::indeterminate;
    doubt = true;
    reason("no_location");
  } else {
    const agreement::ZoneInstance* zi = obligation_zones[obligation];
    if (!v.what.weapon_class.empty() && obligation_class_zones[obligation])
      if (auto c = obligation_class_zones[obligation]->find(v.what.weapon_class);
          c != obligation_class_zones[obligation]->end())
        zi = c->second;
    const double rad = r.precision_m;
    const double line_u = line_uncertainty_m(zi->zone());
    const double reach = options.observation_reach_m;
    const auto m = margin(zi, r, rad, line_u, reach);
    v.where.zone = ob.zone;
    v.where.depth_m = zi->depth_m();
    v.where.measured = true;
    v.where.distance_m = m.distance_m;
    v.where.margin_m = m.margin_m;
    if (r.place_ambiguous) {
      v.where.status = WhereStatus::indeterminate;
      doubt = true;
      reason("place_ambiguous");
    } else if ((m.margin_m >= rad || m.margin_m + rad < 0) && line_u > 0 &&
               where_with_line_uncertainty(zi, r, m.margin_m, rad, line_u) == WhereStatus::indeterminate) {
      // Clear of the boundary as drawn, but not of where the line may really run.
      v.where.status = WhereStatus::indeterminate;
      Reason& x = reason("line_uncertainty");
      x.x[0] = m.margin_m;
      x.x[1] = rad;
      x.x[2] = line_u;
      x.text = &zi->zone().line;
    } else if (m.margin_m >= rad) {
      v.where.status = WhereStatus::inside;
      Reason& x = reason("inside_zone");
      x.x[0] = m.margin_m;
      x.x[1] = rad;
    } else if (m.margin_m + rad < 0) {
      v.where.status = WhereStatus::outside;
      Reason& x = reason("outside_zone");
      x.x[0] = m.margin_m;
      x.x[1] = rad;
    } else {
      v.where.status = WhereStatus::indeterminate;
      Reason& x = reason("location_indeterminate");
      x.x[0] = m.margin_m;
      x.x[1] = rad;
    }
    if (evidence) {
      // Evidence counts inside the zone or within reach of its boundary (patrols run along it);
      // a disc straddling the reach is in doubt.
      if (m.margin_m + rad < -reach) {
        na = true;
        reason("far_from_zone").x[0] = reach;
      } else if (m.margin_m - rad < -reach) {
        doubt = true;
        reason("reach_indeterminate").x[0] = reach;
      }
    } else if (v.where.status == WhereStatus::outside && ob.kind == "cease-fire") {
      na = true;  // a cease-fire is silent about what happens outside its zone
    } else if (v.where.status == WhereStatus::outside) {
      // Withdrawal obligations are kept by being outside, but only a report within reach of
      // the zone shows it (a weapon just beyond the boundary); one farther away says nothing of
      // this zone (a tank at one disengagement area is no evidence for another 50 km away).
      if (m.margin_m + rad < -reach) {
        na = true;
        Reason& x = reason("far_from_zone");
        x.x[0] = reach;
        x.x[2] = 1;  // a withdrawal obligation's wording
      } else if (m.margin_m - rad < -reach) {
        na = true;
        Reason& x = reason("reach_indeterminate");
        x.x[0] = reach;
        x.x[1] = rad;
        x.x[2] = 1;
      } else {
        ok = true;
      }
    } else if (v.where.status == WhereStatus::indeterminate) {
      doubt = true;
    }
  }

  if (na) {
    v.verdict = Verdict::not_applicable;
  } else if (evidence || ok) {
    v.verdict = evidence && doubt ? Verdict::indeterminate : Verdict::compliant;
  } else if (doubt) {
    v.verdict = Verdict::indeterminate;
  } else {
    v.verdict = Verdict::violation;
  }
  v.reasons.assign(reasons.begin(), reasons.end());
  out.push_back(std::move(v));
}

}  // namespace truceline::assess
