// `ingest --tz`: fixed offsets and IANA zones (ICU's rules), and the local times a zone does
// not pin down (a clock change) refused rather than guessed.
#include "truceline/store/time_zone.hpp"

#include <gtest/gtest.h>

#include "truceline/error.hpp"
#include "truceline/store/record.hpp"
#include "truceline/time.hpp"

namespace truceline::store {
namespace {

// A local date-time as the seconds to_utc() takes (read as if UTC).
int64_t local(const char* text) { return parse_iso8601(text)->unix_seconds; }

TEST(TimeZone, FixedOffsets) {
  EXPECT_EQ(TimeZone::parse("+03:00").name(), "+03:00");
  EXPECT_EQ(TimeZone::parse("+0300").name(), "+03:00");
  EXPECT_EQ(TimeZone::parse("+03").name(), "+03:00");
  EXPECT_EQ(TimeZone::parse("-05:30").name(), "-05:30");
  EXPECT_EQ(TimeZone::parse("Z").name(), "UTC");
  EXPECT_EQ(TimeZone::parse("utc").name(), "UTC");
  EXPECT_TRUE(TimeZone::parse("+03:00").fixed());
  const auto r = TimeZone::parse("+03:00").to_utc(local("2018-10-12T08:30"));
  ASSERT_TRUE(r.utc);
  EXPECT_EQ(format_iso8601_utc(*r.utc), "2018-10-12T05:30:00Z");
  EXPECT_EQ(format_iso8601_utc(*TimeZone::parse("-05:30").to_utc(local("2018-10-12T08:30")).utc), "2018-10-12T14:00:00Z");
  for (const char* bad : {"+3", "+03:0", "+19:00", "+03:60", "3:00", "", "Mars/Olympus", "Asia/Damascuss"})
    EXPECT_THROW(TimeZone::parse(bad), InputError) << bad;
}

// Syria: summer time (+03:00) in 2018 from the last Friday of March 00:00 to the last Friday
// of October 00:00 (tz database "Syria" rules), +02:00 otherwise.
TEST(TimeZone, IanaZoneWithClockChanges) {
  const TimeZone z = TimeZone::parse("Asia/Damascus");
  EXPECT_FALSE(z.fixed());
  EXPECT_EQ(z.name(), "Asia/Damascus");
  EXPECT_EQ(format_iso8601_utc(*z.to_utc(local("2018-10-12T08:30")).utc), "2018-10-12T05:30:00Z");
  EXPECT_EQ(format_iso8601_utc(*z.to_utc(local("2018-12-01T08:30")).utc), "2018-12-01T06:30:00Z");
  // 26 October 2018 00:00 -> 25 October 23:00: 23:30 on the 25th happens twice.
  const auto twice = z.to_utc(local("2018-10-25T23:30"));
  EXPECT_FALSE(twice.utc);
  EXPECT_EQ(twice.problem, "happens twice in Asia/Damascus (clocks went back): +03:00 or +02:00");
  EXPECT_EQ(format_iso8601_utc(*z.to_utc(local("2018-10-26T00:30")).utc), "2018-10-25T22:30:00Z");
  // 30 March 2018 00:00 -> 01:00: 00:30 never happened.
  const auto never = z.to_utc(local("2018-03-30T00:30"));
  EXPECT_FALSE(never.utc);
  EXPECT_EQ(never.problem.rfind("does not exist in Asia/Damascus (clocks went forward", 0), 0u) << never.problem;
  EXPECT_FALSE(TimeZone::rules_version().empty());
}

// The model: naive date-times are refused without a zone, read in it with one (and the zone
// recorded), dates are left alone, and slash dates are never guessed.
TEST(TimeZone, NaiveTimesInReports) {
  const std::string base = R"({"lon":36.5,"lat":35.5,"kind":"shelling","source":{"name":"m"},"observed_at":)";
  EXPECT_EQ(report_from_jsonl(base + R"("2018-10-12 08:30"})").error,
            "observed_at '2018-10-12 08:30' has no UTC offset: write one (2018-10-12T08:30:00+03:00), or give the "
            "zone of such times with --tz (e.g. --tz +03:00, --tz Asia/Damascus)");
  ReadOptions o;
  o.tz = std::make_shared<const TimeZone>(TimeZone::parse("Asia/Damascus"));
  for (const char* t : {"2018-10-12 08:30", "2018-10-12T08:30:00", "2018-10-12T08:30"}) {
    const auto r = report_from_jsonl(base + "\"" + t + "\"}", o);
    ASSERT_TRUE(r.report) << t << ": " << r.error;
    EXPECT_EQ(format_iso8601_utc(r.report->observed_unix), "2018-10-12T05:30:00Z") << t;
    EXPECT_EQ(r.report->time_precision, "minute");
    EXPECT_EQ(r.report->extra["assumed_time_zone"], "Asia/Damascus");
  }
  // With an offset, or a bare date: the zone is not used, nor recorded.
  for (const char* t : {"2018-10-12T08:30:00Z", "2018-10-12T08:30:00+01:00", "2018-10-12"}) {
    const auto r = report_from_jsonl(base + "\"" + t + "\"}", o);
    ASSERT_TRUE(r.report) << t;
    EXPECT_FALSE(r.report->extra.contains("assumed_time_zone")) << t;
    EXPECT_EQ(r.report->canonical_json(), report_from_jsonl(base + "\"" + t + "\"}").report->canonical_json());
  }
  // reported_at naive: read in the zone too.
  const auto rep = report_from_jsonl(base + R"("2018-10-12","reported_at":"2018-10-13 10:00"})", o);
  ASSERT_TRUE(rep.report) << rep.error;
  EXPECT_EQ(format_iso8601_utc(*rep.report->reported_unix), "2018-10-13T07:00:00Z");
  EXPECT_EQ(rep.report->extra["assumed_time_zone"], "Asia/Damascus");
  EXPECT_EQ(report_from_jsonl(base + R"("2018-10-25 23:30"})", o).error,
            "observed_at '2018-10-25 23:30' happens twice in Asia/Damascus (clocks went back): +03:00 or +02:00");
  for (const char* t : {"10/12/2018 08:30", "12/10/2018", "12.10.2018", "2018/10/12"})
    EXPECT_EQ(report_from_jsonl(base + "\"" + t + "\"}", o).error,
              std::string("observed_at '") + t +
                  "': dates with slashes or dots are not read (day/month and month/day cannot be told apart); write "
                  "YYYY-MM-DD (ISO 8601)");
  // Round trip: the normalized report (UTC, zone recorded) reads back to the same content.
  const auto r = report_from_jsonl(base + R"("2018-10-12 08:30"})", o);
  const auto again = report_from_json(r.report->to_json());
  ASSERT_TRUE(again.report) << again.error;
  EXPECT_EQ(again.report->canonical_json(), r.report->canonical_json());
}

}  // namespace
}  // namespace truceline::store
