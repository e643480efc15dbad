// The web app's endpoints (docs/api.md, "The web app's endpoints") over stores built here from
// data/scenarios/idlib-2018: every endpoint's shape; the incidents of a day are the daily
// report's; the filter; an unknown incident is 404 and bad parameters 400; the view is kept
// between requests and rebuilt after an ingest or a ledger append; the ledger entries about an
// incident; towns within the bbox; the layers of two days differ as the agreement says.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/app/view.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/parties.hpp"
#include "truceline/report/report.hpp"
#include "truceline/server/api.hpp"
#include "truceline/server/app_api.hpp"
#include "truceline/time.hpp"

namespace truceline {
namespace {

using nlohmann::json;
using test::run_cli;
using test::TempDir;

const std::string kScenario = std::string(TRUCELINE_SCENARIO_DIR) + "/idlib-2018";
const std::string kAgreement = kScenario + "/agreement.toml";
const std::string kReports = kScenario + "/synthetic/reports.jsonl";

struct Demo {
  TempDir t{"truceline-app-api"};
  std::string db = t / "r.db";
  agreement::Agreement a = agreement::load_valid(kAgreement);
  Demo() {
    const auto r = run_cli({"ingest", "--db", db, kReports});
    EXPECT_EQ(r.status, 0) << r.err;
  }
};

// GET through the Api's routing (as the server answers), body parsed.
struct Got {
  unsigned status;
  json body;
};
Got get(server::Api& api, const std::string& target) {
  const server::Response r = api.get(target);
  return {r.status, json::parse(r.body)};
}
Got get(server::AppApi& app, const std::string& path, const std::map<std::string, std::string>& params = {}) {
  const server::Response r = app.get(path, params);
  return {r.status, json::parse(r.body)};
}

// The incidents of the daily report of `date`, as `truceline report` computes them.
std::set<std::string> daily_report_incidents(const Demo& d, const std::string& date) {
  const auto start = agreement::parse_instant(date, d.a.utc_offset_minutes);
  const report::DailyInput in = report::assess_day(d.a, d.db, date, agreement::unix_seconds(*start), "");
  const json summary = report::daily_summary(d.a, in.assessment, in.options);
  std::set<std::string> ids;
  for (const auto& i : summary.at("incidents")) ids.insert(i.at("id").get<std::string>());
  return ids;
}

TEST(AppApi, MetaHasTheContractsShapeAndCountsEveryReport) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const Got m = get(api, "/v1/app/meta");
  ASSERT_EQ(m.status, 200u) << m.body.dump();
  const json& j = m.body;
  EXPECT_EQ(j.at("agreement").at("id"), "sochi-2018");
  EXPECT_EQ(j.at("agreement").at("timezone"), "+03:00");
  EXPECT_FALSE(j.at("agreement").at("title").get<std::string>().empty());
  const json& b = j.at("bbox");
  ASSERT_EQ(b.size(), 4u);
  EXPECT_LT(b[0].get<double>(), b[2].get<double>());
  EXPECT_LT(b[1].get<double>(), b[3].get<double>());
  // Idlib lies inside it.
  EXPECT_LT(b[0].get<double>(), 36.63);
  EXPECT_GT(b[2].get<double>(), 36.63);
  EXPECT_LT(b[1].get<double>(), 35.93);
  EXPECT_GT(b[3].get<double>(), 35.93);

  const std::string first = j.at("span").at("first"), last = j.at("span").at("last");
  const json& h = j.at("histogram");
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(h.front().at("date"), first);
  EXPECT_EQ(h.back().at("date"), last);
  int reports = 0, incidents = 0;
  for (std::size_t k = 0; k < h.size(); ++k) {
    reports += h[k].at("reports").get<int>();
    incidents += h[k].at("incidents").get<int>();
    if (k) {  // consecutive days, every one listed
      const auto a = parse_iso8601(h[k - 1].at("date").get<std::string>()), c = parse_iso8601(h[k].at("date").get<std::string>());
      ASSERT_TRUE(a && c);
      EXPECT_EQ(c->unix_seconds - a->unix_seconds, 86400) << h[k].at("date");
    }
  }
  // Every current report (the sample's 437 but the one a correction supersedes), as `stats` counts them.
  const auto stats = run_cli({"stats", "--db", d.db, "--format", "json"});
  const int current = json::parse(stats.out).at("current");
  EXPECT_EQ(current, 436);
  EXPECT_EQ(reports, current);
  EXPECT_EQ(j.at("store").at("reports"), current);
  const Got all = get(api, "/v1/app/incidents");
  EXPECT_EQ(incidents, static_cast<int>(all.body.at("incidents").size()));

  EXPECT_FALSE(j.at("kinds").empty());
  EXPECT_FALSE(j.at("source_types").empty());
  EXPECT_EQ(j.at("verdicts"), json({"violation", "indeterminate", "compliant", "not_applicable"}));
  bool party = false, group = false;
  for (const auto& x : j.at("actors")) {
    EXPECT_TRUE(x.contains("id") && x.contains("name"));
    party = party || x.at("role") == "party";
    group = group || x.at("role") == "group";
  }
  EXPECT_TRUE(party && group);
  std::set<std::string> readings;
  for (const auto& r : j.at("readings")) {
    EXPECT_EQ(r.at("zone"), "dmz");
    EXPECT_EQ(r.at("disputed"), true);
    EXPECT_FALSE(r.at("label").get<std::string>().empty());
    readings.insert(r.at("id").get<std::string>());
  }
  EXPECT_TRUE(readings.count("tr-agency-25km")) << j.at("readings").dump();
}

TEST(AppApi, AStoreWithoutReportsHasNoSpan) {
  TempDir t{"truceline-app-api-empty"};
  const std::string db = t / "empty.db";
  // A store as `serve` creates it: the ledger's tables, no report.
  {
    ledger::Log log = ledger::Log::open(db, ledger::Parties::parse("[log]\norigin = \"x/y\"\n", "p.toml"), std::nullopt);
    EXPECT_EQ(log.size(), 0u);
  }
  const agreement::Agreement a = agreement::load_valid(kAgreement);
  server::Api api(a, {db, 1, ""}, nullptr);
  const Got m = get(api, "/v1/app/meta");
  ASSERT_EQ(m.status, 200u) << m.body.dump();
  EXPECT_TRUE(m.body.at("span").is_null());
  EXPECT_EQ(m.body.at("histogram"), json::array());
  EXPECT_EQ(m.body.at("store").at("reports"), 0);
  const Got i = get(api, "/v1/app/incidents");
  EXPECT_EQ(i.body.at("incidents"), json::array());
  EXPECT_TRUE(i.body.at("at").is_null());
}

TEST(AppApi, TheIncidentsOfADayAreTheDailyReportsIncidents) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const Got all = get(api, "/v1/app/incidents");
  ASSERT_EQ(all.status, 200u);
  for (const std::string day : {"2018-11-24", "2018-10-12"}) {
    std::set<std::string> app;
    for (const auto& i : all.body.at("incidents"))
      if (i.at("day") == day) app.insert(i.at("id").get<std::string>());
    const std::set<std::string> daily = daily_report_incidents(d, day);
    EXPECT_FALSE(daily.empty()) << day;
    EXPECT_EQ(app, daily) << day;
    // The same through the filter's window of one day.
    const Got one = get(api, "/v1/app/incidents?from=" + day + "&to=" + day);
    ASSERT_EQ(one.status, 200u);
    EXPECT_EQ(one.body.at("incidents").size(), daily.size()) << day;
  }
}

TEST(AppApi, EveryIncidentHasTheContractsFieldsInOrderOfFirstTime) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const Got all = get(api, "/v1/app/incidents");
  ASSERT_EQ(all.status, 200u);
  EXPECT_EQ(all.body.at("timezone"), "+03:00");
  EXPECT_EQ(all.body.at("at"), "2019-03-31T20:59:59Z");  // the end of the last local day
  const json& list = all.body.at("incidents");
  ASSERT_GT(list.size(), 100u);
  std::string previous;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const json& i = list[k];
    for (const char* key : {"id", "n", "day", "first", "last", "kind", "verdict", "corroborated", "lon", "lat",
                            "precision_m", "source_types", "actors", "reports", "area", "fatalities", "explosions"})
      EXPECT_TRUE(i.contains(key)) << key << " in " << i.dump();
    EXPECT_EQ(i.at("n"), k + 1);
    EXPECT_GE(i.at("first").get<std::string>(), previous);
    previous = i.at("first");
    EXPECT_EQ(i.at("lon").is_null(), i.at("lat").is_null());
    EXPECT_EQ(i.at("lon").is_null(), i.at("precision_m").is_null());
    EXPECT_GE(i.at("reports").get<int>(), 1);
    EXPECT_TRUE(i.at("fatalities").is_null() || i.at("fatalities").size() == 2);
    for (const auto& x : i.at("actors")) EXPECT_TRUE(d.a.actor(x.get<std::string>())) << x;
  }
}

TEST(AppApi, TheFilterIsAndAcrossParametersAndOrWithinOne) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const json all = get(api, "/v1/app/incidents").body.at("incidents");
  auto count = [&](const std::function<bool(const json&)>& f) {
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), f));
  };
  const Got a = get(api, "/v1/app/incidents?kind=shelling,airstrike&verdict=violation&corroborated=true");
  ASSERT_EQ(a.status, 200u) << a.body.dump();
  const std::size_t want = count([](const json& i) {
    return (i.at("kind") == "shelling" || i.at("kind") == "airstrike") && i.at("verdict") == "violation" &&
           i.at("corroborated") == true;
  });
  EXPECT_GT(want, 0u);
  EXPECT_EQ(a.body.at("incidents").size(), want);
  const Got b = get(api, "/v1/app/incidents?actor=syria&source_type=monitor,media&from=2018-11-01");
  ASSERT_EQ(b.status, 200u) << b.body.dump();
  const std::size_t want_b = count([](const json& i) {
    const auto& st = i.at("source_types");
    const auto& ac = i.at("actors");
    return std::find(ac.begin(), ac.end(), "syria") != ac.end() &&
           (std::find(st.begin(), st.end(), "monitor") != st.end() || std::find(st.begin(), st.end(), "media") != st.end()) &&
           i.at("day").get<std::string>() >= "2018-11-01";
  });
  EXPECT_GT(want_b, 0u);
  EXPECT_EQ(b.body.at("incidents").size(), want_b);

  // The library the export uses: the same selection.
  const app::Filter f = app::parse_filter({{"kind", "shelling,airstrike"}, {"verdict", "violation"}, {"corroborated", "1"}});
  server::AppApi direct(d.a, d.db);
  EXPECT_EQ(app::select(*direct.view(), f).size(), want);
}

TEST(AppApi, AnIncidentsPageHoldsItsReportsVerdictsObligationsAndClaims) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const json all = get(api, "/v1/app/incidents").body.at("incidents");
  const auto it = std::find_if(all.begin(), all.end(), [](const json& i) { return i.at("reports").get<int>() >= 2; });
  ASSERT_NE(it, all.end());
  const Got g = get(api, "/v1/app/incident/" + it->at("id").get<std::string>());
  ASSERT_EQ(g.status, 200u) << g.body.dump();
  const json& inc = g.body.at("incident");
  EXPECT_EQ(inc.at("id"), it->at("id"));
  EXPECT_EQ(inc.at("n"), it->at("n"));
  EXPECT_EQ(inc.at("reports"), it->at("reports"));
  EXPECT_TRUE(inc.contains("confidence") && inc.contains("source_groups") && inc.contains("assessment"));
  const json& reports = g.body.at("reports");
  ASSERT_EQ(reports.size(), it->at("reports").get<std::size_t>());
  for (const auto& r : reports) {
    ASSERT_TRUE(r.at("report").is_object()) << r.dump();
    EXPECT_TRUE(r.at("report").contains("effective_location"));
    EXPECT_TRUE(r.at("ledger_index").is_null());
    ASSERT_FALSE(r.at("verdicts").empty());
    for (const auto& v : r.at("verdicts")) {
      EXPECT_FALSE(v.at("obligation").get<std::string>().empty());
      EXPECT_FALSE(v.at("title").get<std::string>().empty());
      for (const auto& x : v.at("reasons")) EXPECT_TRUE(x.contains("code") && x.contains("message"));
    }
  }
  ASSERT_FALSE(g.body.at("obligations").empty());
  // The incident's verdict is the strongest of its obligations'.
  bool has_incidents_verdict = false;
  for (const auto& o : g.body.at("obligations")) has_incidents_verdict = has_incidents_verdict || o.at("verdict") == inc.at("verdict");
  EXPECT_TRUE(has_incidents_verdict);
  for (const char* k : {"fatalities", "injured", "actor"}) EXPECT_TRUE(g.body.at("claims").at(k).is_array()) << k;
  EXPECT_EQ(g.body.at("ledger"), json::array());

  const Got none = get(api, "/v1/app/incident/i000000000000");
  EXPECT_EQ(none.status, 404u);
  EXPECT_EQ(none.body, json({{"error", "no incident i000000000000"}}));
}

TEST(AppApi, BadParametersAre400NamingThem) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"/v1/app/incidents?kinds=shelling", "unknown parameter 'kinds'"},
      {"/v1/app/incidents?verdict=violated", "verdict 'violated'"},
      {"/v1/app/incidents?from=2018-11-24&to=2018-11-01", "from 2018-11-24 is after to 2018-11-01"},
      {"/v1/app/incidents?from=24.11.2018", "from '24.11.2018'"},
      {"/v1/app/incidents?kind=shelling,", "kind 'shelling,': an empty item"},
      {"/v1/app/incidents?corroborated=maybe", "corroborated 'maybe'"},
      {"/v1/app/meta?x=1", "unknown parameter 'x'"},
      {"/v1/app/towns?bbox=1,2,3,4", "unknown parameter 'bbox'"},
      {"/v1/app/layers", "missing parameter 'date'"},
      {"/v1/app/layers?date=2018-11-31", "date '2018-11-31'"},
      {"/v1/app/layers?date=2018-11-24T10:00", "date '2018-11-24T10:00'"},
      {"/v1/app/incident/x?full=1", "unknown parameter 'full'"},
      // A value that names nothing is a typo, not an empty selection (it answered [] and the
      // export an empty file, silently).
      {"/v1/app/incidents?actor=hst", "actor 'hst': not a party or group of the agreement"},
      {"/v1/app/incidents?kind=shellling", "kind 'shellling': not a report kind"},
      {"/v1/app/incidents?source_type=press", "source_type 'press': not a source type"},
      {"/v1/app/export?format=csv&actor=russia,nobody", "actor 'nobody'"},
  };
  for (const auto& [target, message] : cases) {
    const Got g = get(api, target);
    EXPECT_EQ(g.status, 400u) << target;
    EXPECT_NE(g.body.at("error").get<std::string>().find(message), std::string::npos)
        << target << ": " << g.body.dump();
  }
}

TEST(AppApi, TheViewIsKeptBetweenRequestsAndRebuiltAfterAnIngest) {
  Demo d;
  server::AppApi app(d.a, d.db);
  const Got before = get(app, "/v1/app/incidents");
  ASSERT_EQ(before.status, 200u);
  EXPECT_EQ(app.builds(), 1);
  get(app, "/v1/app/meta");
  get(app, "/v1/app/incidents", {{"kind", "shelling"}});
  EXPECT_EQ(app.builds(), 1);  // kept

  // One more report, on a day of its own far from the others' times: one more incident.
  const std::string extra = d.t / "extra.jsonl";
  std::ofstream(extra) << R"j({"source_id":"app-test-1","observed_at":"2018-12-30T10:00:00+03:00","lon":36.62,"lat":35.93,)j"
                          R"j("kind":"shelling","summary":"Shelling (app test)","source":{"name":"App Test Monitor","type":"monitor"}})j"
                       << "\n";
  const auto r = run_cli({"ingest", "--db", d.db, extra});
  ASSERT_EQ(r.status, 0) << r.err;
  const Got after = get(app, "/v1/app/incidents");
  EXPECT_EQ(app.builds(), 2);
  EXPECT_EQ(after.body.at("incidents").size(), before.body.at("incidents").size() + 1);
  EXPECT_EQ(get(app, "/v1/app/meta").body.at("store").at("reports"), 437);
  EXPECT_EQ(app.builds(), 2);
}

TEST(AppApi, AnIncidentGivesTheRangeOfItsReportsExplosionAndFatalityCountsNeverTheirSum) {
  TempDir t{"truceline-app-api-counts"};
  const std::string db = t / "c.db", file = t / "c.jsonl";
  // Three reports of one shelling (within the fusion distance and window), and one far away.
  std::ofstream(file)
      << R"j({"source_id":"c-1","observed_at":"2018-12-30T10:00:00+03:00","lon":36.62,"lat":35.93,"kind":"shelling","explosions":3,"fatalities":2,"summary":"a","source":{"name":"Monitor One","type":"monitor"}})j"
      << "\n"
      << R"j({"source_id":"c-2","observed_at":"2018-12-30T10:20:00+03:00","lon":36.621,"lat":35.931,"kind":"shelling","explosions":5,"fatalities":4,"summary":"b","source":{"name":"Outlet Two","type":"media"}})j"
      << "\n"
      << R"j({"source_id":"c-3","observed_at":"2018-12-30T10:40:00+03:00","lon":36.622,"lat":35.932,"kind":"shelling","summary":"c","source":{"name":"Group Three","type":"ngo"}})j"
      << "\n"
      << R"j({"source_id":"c-4","observed_at":"2018-12-30T10:00:00+03:00","lon":36.30,"lat":35.50,"kind":"shelling","summary":"d","source":{"name":"Monitor One","type":"monitor"}})j"
      << "\n";
  const auto r = run_cli({"ingest", "--db", db, file});
  ASSERT_EQ(r.status, 0) << r.err;
  const agreement::Agreement a = agreement::load_valid(kAgreement);
  server::Api api(a, {db, 1, ""}, nullptr);
  const json list = get(api, "/v1/app/incidents").body.at("incidents");
  ASSERT_EQ(list.size(), 2u) << list.dump();
  const json& three = list[0].at("reports") == 3 ? list[0] : list[1];
  const json& one = list[0].at("reports") == 3 ? list[1] : list[0];
  ASSERT_EQ(three.at("reports"), 3) << list.dump();
  EXPECT_EQ(three.at("explosions"), json({3, 5}));  // claims of one event: never added (3 + 5)
  EXPECT_EQ(three.at("fatalities"), json({2, 4}));
  EXPECT_EQ(three.at("source_types"), json({"media", "monitor", "ngo"}));
  EXPECT_EQ(three.at("day"), "2018-12-30");
  EXPECT_TRUE(one.at("explosions").is_null());
  EXPECT_TRUE(one.at("fatalities").is_null());
  // The histogram: one day, four reports, two incidents.
  const json meta = get(api, "/v1/app/meta").body;
  EXPECT_EQ(meta.at("histogram"), json::parse(R"([{"date":"2018-12-30","reports":4,"incidents":2}])"));
}

ledger::KeyPair key(const std::string& id, unsigned char n) {
  ledger::Seed s{};
  s.fill(n);
  return ledger::key_from_seed(id, s);
}

TEST(AppApi, AnIncidentListsTheLedgerEntriesAboutItAndTheLayersTheNotifiedPatrols) {
  Demo d;
  server::AppApi app(d.a, d.db);
  get(app, "/v1/app/meta");
  EXPECT_EQ(app.builds(), 1);

  const ledger::KeyPair russia = key("russia", 1), turkey = key("turkey", 2);
  const std::string parties = "[log]\norigin = \"truceline/app-test\"\n\n[[party]]\nid = \"russia\"\npublic_key = \"" +
                              ledger::public_key_text(russia.public_key) +
                              "\"\nrole = \"guarantor\"\n\n[[party]]\nid = \"turkey\"\npublic_key = \"" +
                              ledger::public_key_text(turkey.public_key) + "\"\nrole = \"guarantor\"\n";
  const int64_t t = parse_iso8601("2018-12-31T09:00:00Z")->unix_seconds;
  const json report = json::parse(
      R"j({"source_id":"ledger-rep-1","observed_at":"2018-12-31T10:00:00+03:00","lon":36.70,"lat":35.80,)j"
      R"j("kind":"shelling","summary":"Shelling (ledger)","source":{"name":"Russian Reconciliation Centre","type":"party"}})j");
  const json route = {{"type", "LineString"}, {"coordinates", {{36.60, 35.80}, {36.80, 35.85}}}};
  {
    ledger::Log log = ledger::Log::open(d.db, ledger::Parties::parse(parties, "parties.toml", &d.a), std::nullopt);
    const auto out = log.append({ledger::sign_entry(ledger::make_entry("russia", "report", std::nullopt, report, t), russia)}, t);
    ASSERT_EQ(out.at(0).status, 200) << out.at(0).reason;
    const auto more = log.append(
        {ledger::sign_entry(ledger::make_entry("turkey", "dispute", 0, {{"reason", "not our shells"}}, t + 60), turkey),
         ledger::sign_entry(ledger::make_entry("russia", "ack", 0, json::object(), t + 120), russia),
         ledger::sign_entry(ledger::make_entry("turkey", "notification", std::nullopt,
                                               {{"kind", "patrol"},
                                                {"route", route},
                                                {"from", "2018-12-31T08:00:00Z"},
                                                {"until", "2018-12-31T12:00:00Z"}},
                                               t + 180),
                            turkey)},
        t + 180);
    for (const auto& o : more) ASSERT_EQ(o.status, 200) << o.reason;
  }
  const json all = get(app, "/v1/app/incidents").body.at("incidents");
  EXPECT_EQ(app.builds(), 2);  // the store changed: rebuilt
  const auto it = std::find_if(all.begin(), all.end(), [](const json& i) {
    const auto& s = i.at("source_ids");
    return std::find(s.begin(), s.end(), "ledger-rep-1") != s.end();
  });
  ASSERT_NE(it, all.end());
  const Got g = get(app, "/v1/app/incident/" + it->at("id").get<std::string>());
  ASSERT_EQ(g.status, 200u);
  EXPECT_EQ(g.body.at("reports").at(0).at("ledger_index"), 0);
  const json& ledger = g.body.at("ledger");
  ASSERT_EQ(ledger.size(), 3u) << ledger.dump();  // the report, the dispute, the ack; not the notification
  EXPECT_EQ(ledger[0].at("type"), "report");
  EXPECT_EQ(ledger[1].at("type"), "dispute");
  EXPECT_EQ(ledger[1].at("party"), "turkey");
  EXPECT_EQ(ledger[1].at("ref"), 0);
  EXPECT_EQ(ledger[1].at("body").at("reason"), "not our shells");
  EXPECT_EQ(ledger[2].at("type"), "ack");
  EXPECT_EQ(ledger[2].at("timestamp"), "2018-12-31T09:02:00Z");

  auto patrols = [&](const std::string& date) {
    std::vector<json> out;
    const Got l = get(app, "/v1/app/layers", {{"date", date}});
    EXPECT_EQ(l.status, 200u);
    for (const auto& f : l.body.at("features"))
      if (f.at("properties").at("layer") == "patrol" && f.at("properties").at("origin") == "ledger") out.push_back(f);
    return out;
  };
  const auto on_day = patrols("2018-12-31");
  ASSERT_EQ(on_day.size(), 1u);
  EXPECT_EQ(on_day[0].at("properties").at("party"), "turkey");
  EXPECT_EQ(on_day[0].at("properties").at("from"), "2018-12-31T08:00:00Z");
  EXPECT_EQ(on_day[0].at("properties").at("until"), "2018-12-31T12:00:00Z");
  EXPECT_EQ(on_day[0].at("geometry").at("type"), "LineString");
  EXPECT_TRUE(patrols("2019-01-02").empty());
}

TEST(AppApi, TownsAreWithinTheAgreementsBboxWidenedByHalfADegree) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  const json bbox = get(api, "/v1/app/meta").body.at("bbox");
  const Got g = get(api, "/v1/app/towns");
  ASSERT_EQ(g.status, 200u);
  const json& towns = g.body.at("towns");
  ASSERT_GT(towns.size(), 20u);
  bool idlib = false;
  for (const auto& t : towns) {
    const double lon = t.at("lon"), lat = t.at("lat");
    EXPECT_GE(lon, bbox[0].get<double>() - 0.5) << t.dump();
    EXPECT_LE(lon, bbox[2].get<double>() + 0.5) << t.dump();
    EXPECT_GE(lat, bbox[1].get<double>() - 0.5) << t.dump();
    EXPECT_LE(lat, bbox[3].get<double>() + 0.5) << t.dump();
    EXPECT_TRUE(t.contains("population") && t.contains("admin1") && t.contains("name"));
    idlib = idlib || t.at("name") == "Idlib";
  }
  EXPECT_TRUE(idlib);
}

TEST(AppApi, TheLayersOfTwoDaysDifferAsTheAgreementSays) {
  Demo d;
  server::Api api(d.a, {d.db, 1, ""}, nullptr);
  struct Layers {
    std::set<std::string> zones, lines, patrols, posts;
    int dmz_agreed = 0, dmz_disputed = 0;
  };
  auto layers = [&](const std::string& date) {
    const Got g = get(api, "/v1/app/layers?date=" + date);
    EXPECT_EQ(g.status, 200u) << g.body.dump();
    EXPECT_EQ(g.body.at("type"), "FeatureCollection");
    EXPECT_EQ(g.body.at("properties").at("not_drawn"), json::array());
    Layers l;
    for (const auto& f : g.body.at("features")) {
      const json& p = f.at("properties");
      const std::string layer = p.at("layer"), id = p.at("id");
      EXPECT_TRUE(p.contains("name"));
      if (layer == "zone") {
        l.zones.insert(id);
        EXPECT_EQ(p.at("reading").is_null(), p.at("disputed") == false) << p.dump();
        if (id == "dmz") ++(p.at("disputed") == true ? l.dmz_disputed : l.dmz_agreed);
        EXPECT_TRUE(f.at("geometry").at("type") == "Polygon" || f.at("geometry").at("type") == "MultiPolygon");
      } else if (layer == "line") {
        l.lines.insert(id);
      } else if (layer == "patrol") {
        l.patrols.insert(id);
        EXPECT_TRUE(p.contains("party") && p.contains("from") && p.contains("until"));
      } else if (layer == "post") {
        l.posts.insert(id);
        EXPECT_EQ(f.at("geometry").at("type"), "Point");
        EXPECT_GT(p.at("precision_m").get<double>(), 0);
      } else {
        ADD_FAILURE() << "unexpected layer " << layer;
      }
    }
    return l;
  };
  const Layers oct = layers("2018-10-12"), mar = layers("2020-03-20");
  // The Sochi memorandum's zones; the M4 corridor, its line and the joint patrol only from March 2020
  // (Moscow protocol, valid_from 2020-03-06).
  EXPECT_TRUE(oct.zones.count("dmz") && oct.zones.count("idlib-dea"));
  EXPECT_FALSE(oct.zones.count("m4-corridor"));
  EXPECT_FALSE(oct.lines.count("m4-2020"));
  EXPECT_TRUE(oct.patrols.empty());
  EXPECT_TRUE(mar.zones.count("m4-corridor"));
  EXPECT_TRUE(mar.lines.count("m4-2020"));
  EXPECT_TRUE(mar.patrols.count("m4-joint-patrol-2020"));
  // The DMZ: the agreed reading and every disputed reading of its depth.
  EXPECT_EQ(oct.dmz_agreed, 1);
  EXPECT_EQ(oct.dmz_disputed, static_cast<int>(d.a.zone("dmz")->readings.size()));
  EXPECT_GT(oct.dmz_disputed, 0);
  EXPECT_FALSE(oct.posts.empty());
}

}  // namespace
}  // namespace truceline
