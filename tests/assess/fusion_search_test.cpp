// Fusion's second pass (day reports against the timed incidents) through the index of anchors
// by day and latitude band gives exactly the incidents of the plain search over every incident
// in the range of starts (incidents.cpp, detail::FuseSearch): seeded random reports, dense in
// time and space, with day reports more precise than the timed ones (so that they become
// anchors), coarse and unlocated ones.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"

namespace {

using namespace truceline;
using assess::ReportView;

struct Shape {
  std::vector<std::string> ids, possibly_same_as;
  std::vector<std::size_t> reports;
  std::size_t anchor = 0;
  bool operator==(const Shape&) const = default;
};

std::vector<Shape> shapes(const std::vector<assess::Incident>& incidents) {
  std::vector<Shape> out;
  for (const auto& inc : incidents) out.push_back({{inc.id}, inc.possibly_same_as, inc.reports, inc.anchor});
  return out;
}

// `coarse`: a week-precision report among them (the range of starts then spans a week).
assess::Assessment random_reports(unsigned seed, std::size_t n, bool coarse) {
  std::mt19937 rng(seed);
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  const char* kinds[] = {"shelling", "airstrike", "armed_clash", "weapon_sighting"};
  const double precisions[] = {300, 1000, 2000, 5000};
  const int64_t day0 = 1583020800;  // 2020-03-01T00:00:00Z
  assess::Assessment s;
  for (std::size_t i = 0; i < n; ++i) {
    ReportView r;
    r.id = fmt::format("r{}", 100000 + i);
    r.label = fmt::format("s{}", i);
    r.kind = kinds[pick(4)];
    r.source_name = fmt::format("Source {}", pick(5));
    r.source_type = pick(2) ? "media" : "monitor";
    const int64_t day = day0 + 86400 * pick(6);
    const int p = pick(10);
    r.time_precision = p < 4 ? "day" : p < 7 ? "hour" : "minute";
    r.date_only = p < 4;
    r.observed_unix = r.date_only ? day : day + 60 * pick(24 * 60);
    // Day reports are the most precise: they become anchors of timed incidents.
    r.precision_m = r.date_only ? 200 : precisions[pick(4)];
    r.has_location = pick(40) != 0;
    if (r.has_location) {
      r.lon_deg = 36.0 + 0.01 * pick(12);  // ~1 km steps: many reports within reach
      r.lat_deg = 35.4 + 0.01 * pick(12);
    }
    s.reports.push_back(r);
  }
  if (coarse) {
    ReportView w = s.reports.front();
    w.id = "rweek";
    w.time_precision = "week";
    s.reports.push_back(w);
  }
  std::sort(s.reports.begin(), s.reports.end(), [](const ReportView& x, const ReportView& y) {
    return x.observed_unix != y.observed_unix ? x.observed_unix < y.observed_unix : x.id < y.id;
  });
  s.options.at = agreement::Instant(std::chrono::seconds(day0 + 30 * 86400));
  return s;
}

TEST(FusionSearch, TheIndexFindsWhatThePlainSearchFinds) {
  const agreement::Agreement a = agreement::load_valid(TRUCELINE_TEST_DATA "/agreements/assess.toml");
  std::size_t joined = 0, ambiguous = 0;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    for (bool coarse : {false, true}) {
      const assess::Assessment s = random_reports(seed, 400, coarse);
      const auto indexed = assess::detail::fuse(a, s, assess::detail::FuseSearch::indexed);
      const auto scanned = assess::detail::fuse(a, s, assess::detail::FuseSearch::scanned);
      ASSERT_EQ(shapes(indexed), shapes(scanned)) << "seed " << seed << (coarse ? " with" : " without")
                                                  << " a week-precision report";
      for (const auto& inc : indexed) {
        ambiguous += !inc.possibly_same_as.empty();
        bool day = false, timed = false;
        for (std::size_t m : inc.reports) (s.reports[m].date_only ? day : timed) = true;
        joined += day && timed;
      }
    }
  }
  // The cases the index must get right do occur: day reports joining timed incidents, and
  // day reports matching several.
  EXPECT_GT(joined, 50u);
  EXPECT_GT(ambiguous, 10u);
}

}  // namespace
