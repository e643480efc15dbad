// Fusion's second pass (day reports against the timed incidents) through the index of anchors
// by day and latitude band gives exactly the incidents of the plain search over every incident
// in the range of starts (incidents.cpp, detail::FuseSearch): seeded random reports, dense in
// time and space, with day reports more precise than the timed ones (so that they become
// anchors), coarse and unlocated ones.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
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
assess::Assessment random_reports(unsigned seed, std::size_t n, bool coarse, int days = 6) {
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
    const int64_t day = day0 + 86400 * pick(days);
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
    if (days > 6) {  // and a month-precision one in the middle
      ReportView m = s.reports[n / 2];
      m.id = "rmonth";
      m.time_precision = "month";
      s.reports.push_back(m);
    }
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

// The streamed fusion (detail::Fuser: the reports one at a time, incidents handed over once
// final) gives fuse()'s incidents, field for field and in the same order once sorted by
// (first, id), on the same random reports over 6 and 30 days (so that incidents are handed over
// mid-stream), with verdicts; and it holds only part of them at any time.
TEST(FusionStreamed, GivesTheIncidentsOfTheWholeFusion) {
  const agreement::Agreement a = agreement::load_valid(TRUCELINE_TEST_DATA "/agreements/assess.toml");
  std::size_t incidents = 0, ambiguous = 0, early = 0;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    for (bool coarse : {false, true}) {
      for (int days : {6, 30}) {
        assess::Assessment s = random_reports(seed, days == 6 ? 400 : 1500, coarse, days);
        std::mt19937 rng(seed * 7 + days);
        for (std::size_t i = 0; i < s.reports.size(); ++i) {
          for (const char* ob : {"o1", "o2"}) {
            if (rng() % 3 == 0) continue;
            assess::VerdictRecord v;
            v.report = i;
            v.obligation = ob;
            v.verdict = static_cast<assess::Verdict>(rng() % 4);
            v.who.contested = rng() % 5 == 0;
            s.verdicts.push_back(v);
          }
        }
        const auto whole = assess::detail::fuse(a, s);
        std::vector<std::vector<assess::VerdictRecord>> by_report(s.reports.size());
        for (const auto& v : s.verdicts) by_report[v.report].push_back(v);
        auto feed = [&](auto&& add) {
          for (std::size_t i = 0; i < s.reports.size(); ++i)
            if (assess::detail::is_event(s.reports[i].kind)) add(assess::detail::FusionReport{s.reports[i], by_report[i]});
        };
        assess::detail::Fuser pass1(s.options);
        feed([&](assess::detail::FusionReport&& r) { pass1.add(std::move(r)); });
        pass1.finish();
        std::vector<std::pair<std::pair<int64_t, std::string>, std::string>> streamed;
        std::size_t handed_early = 0;
        bool ended = false;
        int64_t watermark = std::numeric_limits<int64_t>::min();
        assess::detail::Fuser fuser(a, s.options, pass1.longest(), [&](assess::Incident&& inc,
                                                                        std::vector<assess::detail::FusionReport>&& m) {
          std::vector<ReportView> views;
          for (auto& x : m) views.push_back(x.view);
          // Nothing handed over begins before a watermark given earlier.
          EXPECT_GE(inc.first_unix, watermark) << inc.id;
          handed_early += !ended;
          streamed.push_back({{inc.first_unix, inc.id}, assess::incident_json(inc, views).dump()});
        });
        std::size_t held = 0;
        feed([&](assess::detail::FusionReport&& r) {
          fuser.add(std::move(r));
          held = std::max(held, fuser.held_incidents());
          watermark = std::max(watermark, fuser.watermark());
        });
        ended = true;
        fuser.finish();
        std::sort(streamed.begin(), streamed.end());
        ASSERT_EQ(streamed.size(), whole.size()) << "seed " << seed << ", " << days << " days" << (coarse ? ", coarse" : "");
        for (std::size_t k = 0; k < whole.size(); ++k)
          ASSERT_EQ(streamed[k].second, assess::incident_json(whole[k], s.reports).dump())
              << "seed " << seed << ", " << days << " days" << (coarse ? ", coarse" : "") << ", incident " << k;
        incidents += whole.size();
        for (const auto& inc : whole) ambiguous += !inc.possibly_same_as.empty();
        if (days == 30) {
          early += handed_early;
          // Over 30 days, the incidents held at any time are a fraction of them.
          EXPECT_LT(held, whole.size() / 3) << "seed " << seed << (coarse ? ", coarse" : "");
        }
      }
    }
  }
  EXPECT_GT(ambiguous, 10u);
  EXPECT_GT(early, incidents / 4);  // most incidents are handed over before the end
}

}  // namespace
