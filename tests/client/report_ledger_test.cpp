// `truceline report` on a store whose ledger was written through ledger::Log: the section
// "Communication mechanism" appears with the log's entries (docs/daily-report.md); a store with
// an empty log reads as before the ledger (no section).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ledger/fixture.hpp"
#include "support/run_cli.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/ledger/log.hpp"

namespace truceline {
namespace {

using ledger::testing::Cast;
using ledger::testing::TempDir;
using nlohmann::json;
using test::run_cli;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kAgreement = TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml";

int64_t local(const char* text) {
  return static_cast<int64_t>(agreement::parse_instant(text, 180)->time_since_epoch().count());
}

TEST(ReportFromLedger, TheSectionShowsTheLogsEntriesOfTheDay) {
  TempDir dir;
  Cast cast;
  const std::string db = dir.file("store.db");
  {
    ledger::Log log = ledger::Log::open(db, cast.parties(), cast.log);
    const int64_t t = local("2018-10-12T10:00:00");
    json report = json::parse(R"({"observed_at":"2018-10-12T09:00:00+03:00","lon":36.64,"lat":35.44,)"
                              R"("kind":"shelling","summary":"shells on the road","source":{"name":"JMM","type":"monitor"}})");
    json patrol = json::parse(R"({"observed_at":"2018-10-12T07:30:00+03:00","lon":36.505,"lat":35.6,)"
                              R"("kind":"patrol","summary":"joint patrol","source":{"name":"North","type":"party"}})");
    json plan = json::parse(R"({"kind":"patrol","from":"2018-10-12T04:00:00Z","until":"2018-10-12T06:00:00Z",)"
                            R"("route":{"type":"LineString","coordinates":[[36.5,35.5],[36.5,35.8]]}})");
    std::vector<std::pair<json, int64_t>> batch = {
        {ledger::testing::envelope(cast.north, "notification", std::nullopt, plan, t - 3 * 3600), t - 3 * 3600},
        {ledger::testing::envelope(cast.jmm, "report", std::nullopt, report, t), t},
        {ledger::testing::envelope(cast.north, "report", std::nullopt, patrol, t + 60), t + 60},
        {ledger::testing::envelope(cast.south, "dispute", 1, {{"reason", "our guns were silent"}}, t + 120), t + 120},
        {ledger::testing::envelope(cast.north, "ack", 1, {{"note", "confirmed"}}, t + 180), t + 180},
    };
    for (auto& [env, now] : batch) {
      const auto out = log.append({env}, now);
      ASSERT_EQ(out.at(0).status, 200) << out.at(0).reason;
    }
  }
  const auto r = run_cli({"report", "--agreement", kAgreement, "--db", db, "--date", "2018-10-12", "-o",
                          dir.file("out")});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string md = read(dir.file("out") + "/report.md");
  EXPECT_NE(md.find("## Communication mechanism"), std::string::npos) << md;
  EXPECT_NE(md.find("| north-force | 1 | 1 | 0 | 1 | 0 | 0 | 3 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| disputed | north-force (entry 4: confirmed) | south-force (entry 3): our guns were silent |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("followed (entry 2, "), std::string::npos) << md;
  const json s = json::parse(read(dir.file("out") + "/summary.json"));
  EXPECT_EQ(s["communication"]["entries_of_day"], 5);
  EXPECT_EQ(s["communication"]["notifications"][0]["outcome"], "followed");
  EXPECT_NE(read(dir.file("out") + "/report.html").find("<h2 id=\"communication\">"), std::string::npos);
}

TEST(ReportFromLedger, AnEmptyLogLeavesTheReportAsItWas) {
  TempDir dir;
  Cast cast;
  const std::string db = dir.file("store.db");
  { ledger::Log log = ledger::Log::open(db, cast.parties(), cast.log); }  // ledger tables, no entry
  const auto r = run_cli({"report", "--agreement", kAgreement, "--db", db, "--date", "2018-10-12", "-o",
                          dir.file("out")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read(dir.file("out") + "/report.md").find("Communication mechanism"), std::string::npos);
  EXPECT_FALSE(json::parse(read(dir.file("out") + "/summary.json")).contains("communication"));
}

}  // namespace
}  // namespace truceline
