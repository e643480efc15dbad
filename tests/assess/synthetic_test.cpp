// The deliberate cases of the synthetic sample (data/scenarios/idlib-2018/synthetic/reports.jsonl,
// written by scripts/gen-synthetic-reports): each was placed to be inside the DMZ ("dmz"),
// outside it but inside the de-escalation area ("out-dea"), or outside both ("out-both"). This
// test checks every one of them without `locate`: the independent distance oracle
// (tests/geo/oracle.*, sampling + golden-section on GeographicLib's Inverse) measures the point's
// distance and side to the contact line and its distance to the de-escalation area's boundary,
// (inside the area by ray casting, far from its edges), the intended placement is asserted from those numbers and the report's precision, and the
// engine's verdict for a tank sighted there after the deadline must be the one the rules give
// for those numbers (docs/assessment.md: inside only when the margin clears the precision plus
// the line's uncertainty; indeterminate within it).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "geo/oracle.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/gazetteer/resolve.hpp"
#include "truceline/store/store.hpp"

namespace truceline::assess {
namespace {

const std::string kScenario = TRUCELINE_SCENARIO_DIR "/idlib-2018";

// source_id -> intended placement, as the generator's INTENT table has them (the generator is
// the specification of the sample; --check there runs `locate`, this test does not).
const std::map<std::string, std::string>& intents() {
  static const std::map<std::string, std::string> m = {
    {"syn-civ-001", "dmz"}, {"syn-civ-002", "dmz"}, {"syn-claim-001", "out-dea"},
    {"syn-conf-001a", "out-both"}, {"syn-conf-001b", "out-both"}, {"syn-conf-001c", "out-both"},
    {"syn-conf-002a", "dmz"}, {"syn-conf-002b", "dmz"}, {"syn-conf-003a", "dmz"}, {"syn-conf-003b", "dmz"},
    {"syn-conf-003c", "dmz"}, {"syn-conf-004a", "dmz"}, {"syn-conf-004b", "dmz"}, {"syn-corr-001a", "dmz"},
    {"syn-corr-001b", "dmz"}, {"syn-corr-001c", "dmz"}, {"syn-corr-002a", "out-dea"},
    {"syn-corr-002b", "out-dea"}, {"syn-corr-002c", "out-dea"}, {"syn-corr-003a", "dmz"},
    {"syn-corr-003b", "dmz"}, {"syn-corr-003c", "dmz"}, {"syn-fire-001", "dmz"}, {"syn-fire-002", "dmz"},
    {"syn-fire-003", "dmz"}, {"syn-fire-004", "out-both"}, {"syn-fire-005", "out-dea"},
    {"syn-fire-006", "dmz"}, {"syn-fire-007", "out-both"}, {"syn-flare-001a", "dmz"},
    {"syn-flare-001b", "dmz"}, {"syn-flare-001c", "dmz"}, {"syn-flare-002", "dmz"}, {"syn-flare-003", "dmz"},
    {"syn-grp-001", "dmz"}, {"syn-grp-002", "dmz"}, {"syn-grp-003", "dmz"}, {"syn-grp-004", "dmz"},
    {"syn-grp-005", "dmz"}, {"syn-grp-006", "dmz"}, {"syn-grp-007", "dmz"}, {"syn-grp-008", "out-dea"},
    {"syn-grp-009", "dmz"}, {"syn-mov-001", "dmz"}, {"syn-mov-002", "dmz"}, {"syn-mov-003", "out-both"},
    {"syn-wdr-001", "dmz"}, {"syn-wdr-002", "dmz"}, {"syn-wdr-003", "dmz"}, {"syn-wdr-005", "dmz"},
    {"syn-weap-001", "dmz"}, {"syn-weap-002", "dmz"}, {"syn-weap-003", "dmz"}, {"syn-weap-004", "dmz"},
    {"syn-weap-005", "dmz"}, {"syn-weap-006", "dmz"}, {"syn-weap-007", "dmz"}, {"syn-weap-008", "dmz"},
    {"syn-weap-009", "dmz"}, {"syn-weap-010", "dmz"}, {"syn-weap-011", "out-dea"},
    {"syn-weap-012", "out-both"}, {"syn-weap-013", "dmz"}, {"syn-weap-014", "dmz"},
  };
  return m;
}

// Inside a ring by ray casting in plain lon/lat: used only for points more than the report's
// precision (>= 1 km, checked by the oracle) from the boundary, where a straight lon/lat edge and
// the geodesic edge cannot disagree.
bool inside_ring(const geo::Ring& ring, geo::LonLat p) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const auto& a = ring[i];
    const auto& b = ring[j];
    if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
        p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
      in = !in;
  }
  return in;
}

// Left of the line (-1) or right (+1): the oracle's side, or, where the point's nearest point is a
// vertex (the oracle says 0: the wedge between two segments), from the two segments meeting there
// (left of both at a left turn, left of either at a right turn), in a local east/north plane.
int side_of(const geo::MultiLine& line, const test::OracleResult& r, geo::LonLat p) {
  if (r.side != 0) return r.side;
  const auto& v = line.parts.at(r.part);
  std::size_t k = 0;
  double best = 1e300;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double d = std::hypot(v[i].lon_deg - r.foot.lon_deg, v[i].lat_deg - r.foot.lat_deg);
    if (d < best) best = d, k = i;
  }
  const double c = std::cos(p.lat_deg * 3.14159265358979 / 180);
  auto cross = [&](geo::LonLat a, geo::LonLat b, geo::LonLat q) {
    return ((b.lon_deg - a.lon_deg) * c) * (q.lat_deg - a.lat_deg) - (b.lat_deg - a.lat_deg) * ((q.lon_deg - a.lon_deg) * c);
  };
  if (k == 0) return cross(v[0], v[1], p) > 0 ? -1 : 1;
  if (k + 1 == v.size()) return cross(v[k - 1], v[k], p) > 0 ? -1 : 1;
  const bool l1 = cross(v[k - 1], v[k], p) > 0, l2 = cross(v[k], v[k + 1], p) > 0;
  const bool left_turn = cross(v[k - 1], v[k], v[k + 1]) > 0;
  return (left_turn ? l1 && l2 : l1 || l2) ? -1 : 1;
}

TEST(SyntheticSample, EveryDeliberateCaseGetsItsIntendedVerdict) {
  const agreement::Agreement a = agreement::load_valid(kScenario + "/agreement.toml");
  const agreement::Line& contact = *a.line("contact-2018-09");
  const agreement::Zone& dmz = *a.zone("dmz");
  ASSERT_EQ(dmz.line, contact.id);
  ASSERT_EQ(dmz.side, geo::ZoneSide::left);
  const double depth = dmz.depth_m, u = contact.uncertainty_m;
  const agreement::Zone& dea = *a.zone("idlib-dea");
  ASSERT_EQ(dea.area.size(), 1u);
  ASSERT_EQ(dea.area[0].size(), 1u) << "one exterior ring, no hole";
  const geo::Ring& dea_ring = dea.area[0][0];
  const test::DistanceOracle line_oracle(contact.geometry, 50);
  const test::DistanceOracle dea_oracle(geo::MultiLine{{dea_ring}}, 50);

  const auto gaz = gazetteer::Gazetteer::load(TRUCELINE_SCENARIO_DIR "/../gazetteer/places.tsv");
  const gazetteer::Resolver resolver(gaz);

  std::ifstream in(kScenario + "/synthetic/reports.jsonl");
  ASSERT_TRUE(in) << "reports.jsonl";
  std::map<std::string, nlohmann::json> by_id;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    by_id[j["source_id"].get<std::string>()] = j;
  }
  const auto at = *agreement::parse_instant("2018-11-01T12:00", a.utc_offset_minutes);
  Options options;
  options.at = at + std::chrono::hours(24);
  const Assessor engine(a, options);
  int checked = 0, inside = 0, indeterminate = 0, outside = 0;
  for (const auto& [id, intent] : intents()) {
    SCOPED_TRACE(id + " (" + intent + ")");
    ASSERT_TRUE(by_id.count(id));
    const auto& j = by_id.at(id);
    // Where it is: its own coordinates, or its place through the gazetteer (as ingest does).
    geo::LonLat p;
    double r = j.value("location_precision_m", 0.0);
    if (j.contains("lon")) {
      p = {j["lon"].get<double>(), j["lat"].get<double>()};
    } else {
      const auto res = resolver.resolve(j["place"].get<std::string>(), {"SY", "", "report"});
      ASSERT_TRUE(res.resolved()) << j["place"];
      p = {res.match->place->lon, res.match->place->lat};
      r = std::max(r, store::kPlacePrecisionM);
    }
    ASSERT_GT(r, 0);
    // The oracle's numbers.
    const test::OracleResult to_line = line_oracle.distance(p);
    const test::OracleResult to_dea = dea_oracle.distance(p);
    const bool in_dea = inside_ring(dea_ring, p);
    const bool dmz_side = side_of(contact.geometry, to_line, p) < 0;  // the DMZ lies left of the line
    // Signed margin to the DMZ as drawn from the line alone (> 0 inside): the nearer of the
    // line and the depth line on the DMZ side; the distance to the line on the other side.
    const double line_margin = dmz_side ? std::min(to_line.distance_m, depth - to_line.distance_m) : -to_line.distance_m;
    // The intended placement holds by more than the report's precision.
    EXPECT_GT(to_dea.distance_m, r) << "clear of the de-escalation area's boundary";
    if (intent == "dmz") {
      EXPECT_TRUE(in_dea);
      EXPECT_GT(line_margin, r) << "inside the DMZ as drawn by more than its precision";
    } else if (intent == "out-dea") {
      EXPECT_TRUE(in_dea);
      EXPECT_LT(line_margin, -r) << "outside the DMZ as drawn by more than its precision";
    } else {
      ASSERT_EQ(intent, "out-both");
      EXPECT_FALSE(in_dea);
    }
    // The verdict the rules give for those numbers, for a tank sighted there after the deadline.
    WhereStatus want;
    if (!in_dea) want = WhereStatus::outside;  // the DMZ is clipped to the area
    else if (line_margin >= r + u) want = WhereStatus::inside;
    else if (line_margin < -(r + u)) want = WhereStatus::outside;
    else want = WhereStatus::indeterminate;
    ReportView v;
    v.id = v.label = id;
    v.observed_unix = agreement::unix_seconds(at);
    v.time_precision = "minute";
    v.has_location = true;
    v.lon_deg = p.lon_deg;
    v.lat_deg = p.lat_deg;
    v.precision_m = r;
    v.kind = "weapon_sighting";
    v.weapon_class = "tank";
    v.actor = "NLF";
    v.source_name = "Synthetic Monitor Patrol Team";
    v.source_type = "monitor";
    std::vector<VerdictRecord> out;
    engine.assess(v, 0, out);
    const auto it = std::find_if(out.begin(), out.end(),
                                 [&](const VerdictRecord& x) { return x.obligation == "sochi-2018/6"; });
    ASSERT_NE(it, out.end()) << [&] {
      std::string got;
      for (const auto& x : out) got += x.obligation + " ";
      return got;
    }();
    EXPECT_EQ(to_string(it->where.status), std::string(to_string(want)))
        << "oracle: " << to_line.distance_m << " m from the line (side " << to_line.side << "), "
        << to_dea.distance_m << " m from the area's boundary, radius " << r;
    if (in_dea) {
      EXPECT_NEAR(it->where.distance_m, to_line.distance_m, 1.0) << "the engine's distance to the line";
    }
    const Verdict verdict = want == WhereStatus::inside          ? Verdict::violation
                            : want == WhereStatus::indeterminate ? Verdict::indeterminate
                                                                 : Verdict::not_applicable;
    if (want != WhereStatus::outside) {
      EXPECT_EQ(it->verdict, verdict);
    } else {
      EXPECT_NE(it->verdict, Verdict::violation);
    }
    inside += want == WhereStatus::inside;
    indeterminate += want == WhereStatus::indeterminate;
    outside += want == WhereStatus::outside;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(intents().size()));
  std::cout << "synthetic sample: " << checked << " deliberate cases, " << inside << " inside, " << indeterminate
            << " indeterminate (line uncertainty), " << outside << " outside\n";
}

}  // namespace
}  // namespace truceline::assess

// Issue 15: the certified fast margins against the exact ones (the brute-force twin,
// detail::set_certified_margins(false)). Every verdict's JSON, CSV line and reason messages must
// be the same text. Reports: random points over the de-escalation area's box (as the benchmark),
// and points whose precision is set at the exact margin's thresholds (|m|, |m| +- 1 um,
// +- 10 um, the reach edges) and at 0.05 m rounding edges of it, so that a certified value that
// printed or decided otherwise than the exact one would show. Seeded (2026).
#include "truceline/assess/detail/stages.hpp"
#include <fmt/format.h>
#include <random>

namespace truceline::assess {
namespace {

TEST(CertifiedMargins, VerdictsPrintAndDecideAsTheExactMargins) {
  const agreement::Agreement a = agreement::load_valid(kScenario + "/agreement.toml");
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> lon(35.9, 37.4), lat(35.1, 36.5), prec(100, 8000);
  const std::vector<std::string> kinds = {"shelling", "weapon_sighting", "group_presence", "patrol", "withdrawal", "armed_clash"};
  const std::vector<std::string> weapons = {"tank", "Grad", "D-30", "mortar", ""};
  const std::string actor = "HTS", source = "s", source_type = "media";
  std::vector<ReportView> rs;
  auto add = [&](double x, double y, double precision, std::size_t i) {
    ReportView r;
    r.id = fmt::format("c{}", i);
    r.label = r.id;
    r.kind = kinds[i % 6];
    r.has_location = true;
    r.lon_deg = x;
    r.lat_deg = y;
    r.precision_m = precision;
    r.observed_unix = 1543000000 + static_cast<int64_t>(i);
    r.time_precision = "minute";
    r.weapon_class = weapons[i % 5];
    r.actor = actor;
    r.source_name = source;
    r.source_type = source_type;
    rs.push_back(std::move(r));
  };
  for (std::size_t i = 0; i < 6000; ++i) add(lon(rng), lat(rng), prec(rng), i);
  // Thresholds: the exact margins of a first pass give precisions at and around them.
  Options o;
  o.at = agreement::Instant(std::chrono::seconds(1554076800));
  o.threads = 1;
  detail::set_certified_margins(false);
  const std::vector<VerdictRecord> first = verdicts(a, rs, o);
  const std::size_t base = rs.size();
  for (std::size_t k = 0; k < first.size() && rs.size() < base + 6000; k += 2) {
    const VerdictRecord& v = first[k];
    if (!v.where.measured) continue;
    const ReportView src = rs[v.report];
    const double m = std::abs(v.where.margin_m);
    const double u = 5000, reach = o.observation_reach_m;
    for (const double edge : {m, m - u, m + reach, reach - m})
      for (const double d : {0.0, 1e-6, -1e-6, 1e-5, -1e-5, 4e-5, -4e-5})
        if (edge + d > 0) add(src.lon_deg, src.lat_deg, edge + d, rs.size());
  }
  detail::set_certified_margins(false);
  const std::vector<VerdictRecord> exact = verdicts(a, rs, o);
  detail::set_certified_margins(true);
  const std::vector<VerdictRecord> fast = verdicts(a, rs, o);
  ASSERT_EQ(exact.size(), fast.size());
  std::size_t near_grid = 0;
  for (std::size_t i = 0; i < exact.size(); ++i) {
    const ReportView& r = rs[exact[i].report];
    ASSERT_EQ(verdict_json(r, exact[i]).dump(), verdict_json(r, fast[i]).dump()) << r.id << " " << r.lon_deg << "," << r.lat_deg;
    ASSERT_EQ(verdict_csv_line(r, exact[i]), verdict_csv_line(r, fast[i])) << r.id;
    ASSERT_EQ(exact[i].reasons.size(), fast[i].reasons.size()) << r.id;
    for (std::size_t k = 0; k < exact[i].reasons.size(); ++k)
      ASSERT_EQ(reason_message(exact[i].reasons[k], r, exact[i]), reason_message(fast[i].reasons[k], r, fast[i])) << r.id;
    // The 1 m and 0.1 km roundings other outputs use (the daily report).
    ASSERT_EQ(fmt::format("{:.0f} {:.1f}", exact[i].where.margin_m, exact[i].where.margin_m / 1000),
              fmt::format("{:.0f} {:.1f}", fast[i].where.margin_m, fast[i].where.margin_m / 1000)) << r.id;
    const double f = exact[i].where.margin_m * 20;
    if (exact[i].where.measured && std::abs(f - std::round(f)) < 20 * 2e-5) ++near_grid;
  }
  std::printf("%zu verdicts compared, %zu within 20 um of a 0.05 m rounding edge\n", exact.size(), near_grid);
}

// The rule itself: values within e of a 0.05 m multiple or of a threshold are refused.
TEST(CertifiedMargins, InterchangeableOnlyClearOfRoundingEdgesAndThresholds) {
  using detail::margin_is_interchangeable;
  EXPECT_TRUE(margin_is_interchangeable(1234.567, 4321.321, 2e-5, 500, 5000, 5000));
  EXPECT_FALSE(margin_is_interchangeable(1234.55001, 4321.321, 2e-5, 500, 5000, 5000));   // 0.1 m edge
  EXPECT_FALSE(margin_is_interchangeable(1234.567, 4321.34999, 2e-5, 500, 5000, 5000));   // distance's
  EXPECT_FALSE(margin_is_interchangeable(-0.00001, 10.02, 2e-5, 500, 5000, 5000));       // sign
  EXPECT_FALSE(margin_is_interchangeable(1234.567, 4321.321, 2e-5, 1234.56701, 0, 5000)); // rad
  EXPECT_FALSE(margin_is_interchangeable(-5734.567, 4321.321, 2e-5, 734.56701, 0, 5000)); // reach + rad
  EXPECT_FALSE(margin_is_interchangeable(5734.567, 4321.321, 2e-5, 734.56701, 5000, 5000)); // rad + u
  EXPECT_TRUE(margin_is_interchangeable(1234.567, 4321.321, 2e-5, 1234.5, 0, 5000));
}

}  // namespace
}  // namespace truceline::assess
