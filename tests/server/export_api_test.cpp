// GET /v1/app/export (server/export_api.hpp) over a store built from the Idlib scenario plus a
// few reports of tests/data (one whose place no gazetteer knows: an incident without a
// location). The export of a window and filter holds exactly the incidents the map selects —
// checked against a filter written here over GET /v1/app/incidents (the map's semantics as the
// contract words them) and, for one day, against the daily report — and exactly their reports;
// the GeoPackage is read back by GDAL (ogrinfo, ogr2ogr, validate_gpkg.py).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/gdal_tools.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/report/report.hpp"
#include "truceline/server/api.hpp"
#include "truceline/text.hpp"

namespace truceline {
namespace {

using nlohmann::json;
using test::run_cli;
using test::TempDir;

const std::string kScenario = std::string(TRUCELINE_SCENARIO_DIR) + "/idlib-2018";

struct Demo {
  TempDir t{"truceline-export"};
  std::string db = t / "r.db";
  agreement::Agreement a = agreement::load_valid(kScenario + "/agreement.toml");
  Demo() {
    const auto r = run_cli({"ingest", "--db", db, kScenario + "/synthetic/reports.jsonl",
                            std::string(TRUCELINE_TEST_DATA) + "/reports/out_places.jsonl"});
    EXPECT_EQ(r.status, 0) << r.err;
  }
};

std::string header(const server::Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "<none>";
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// The map's filter as docs/api.md words it, written here over the JSON of /v1/app/incidents:
// day in [from, to]; a list parameter is comma-separated, OR inside it, AND across them.
std::vector<json> expected(const json& incidents, const std::map<std::string, std::string>& p) {
  auto list = [&](const char* k) {
    const auto it = p.find(k);
    std::set<std::string> s;
    if (it != p.end())
      for (const auto& x : split(it->second, ',')) s.insert(x);
    return s;
  };
  auto any = [](const std::set<std::string>& want, const json& have) {
    if (want.empty()) return true;
    for (const auto& h : have)
      if (want.count(h.get<std::string>())) return true;
    return false;
  };
  std::vector<json> out;
  for (const auto& i : incidents) {
    const std::string day = i.at("day");
    if (p.count("from") && day < p.at("from")) continue;
    if (p.count("to") && day > p.at("to")) continue;
    if (!list("kind").empty() && !list("kind").count(i.at("kind"))) continue;
    if (!list("verdict").empty() && !list("verdict").count(i.at("verdict"))) continue;
    if (p.count("corroborated") && p.at("corroborated") == "true" && !i.at("corroborated").get<bool>()) continue;
    if (!any(list("source_type"), i.at("source_types")) || !any(list("actor"), i.at("actors"))) continue;
    out.push_back(i);
  }
  return out;
}

std::string query_of(const std::map<std::string, std::string>& p) {
  std::string q;
  for (const auto& [k, v] : p) {
    if (!q.empty()) q += '&';
    q += k;
    q += '=';
    q += v;
  }
  return q;
}

// The filters the test runs: a day, a week with lists, every filter at once, none.
std::vector<std::map<std::string, std::string>> filters(const json& incidents) {
  std::string actor;
  for (const auto& i : incidents)
    if (!i.at("actors").empty()) {
      actor = i.at("actors")[0];
      break;
    }
  return {{{"from", "2018-11-24"}, {"to", "2018-11-24"}},
          {{"from", "2018-11-01"}, {"to", "2018-11-07"}, {"kind", "shelling,group_presence"}},
          {{"from", "2018-10-01"}, {"to", "2018-11-30"}, {"verdict", "violation,indeterminate"},
           {"source_type", "monitor,media"}, {"actor", actor}, {"corroborated", "true"}},
          {}};
}

TEST(ExportApi, GeoJsonHoldsExactlyTheSelectedIncidentsAndTheirReports) {
  Demo d;
  server::Api api(d.a, {d.db, 1, "", {}}, nullptr);
  const server::Response all = api.get("/v1/app/incidents");
  ASSERT_EQ(all.status, 200u) << all.body;
  const json incidents = json::parse(all.body).at("incidents");
  ASSERT_GT(incidents.size(), 50u);
  const json span = json::parse(api.get("/v1/app/meta").body).at("span");
  EXPECT_EQ(span.at("first"), "2018-10-01");
  for (const auto& p : filters(incidents)) {
    SCOPED_TRACE(query_of(p));
    const std::vector<json> want = expected(incidents, p);
    std::string target = "/v1/app/export?format=geojson";
    if (!p.empty()) target += '&';
    target += query_of(p);
    const server::Response r = api.get(target);
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.content_type, "application/geo+json");
    const json fc = json::parse(r.body);
    std::vector<std::string> got_incidents, want_incidents, got_reports, want_reports;
    std::map<std::string, std::string> incident_of;
    for (const auto& i : want) {
      want_incidents.push_back(i.at("id"));
      EXPECT_FALSE(i.at("source_ids").empty());
    }
    for (const auto& f : fc.at("features")) {
      const json& props = f.at("properties");
      if (props.at("feature") == "incident") {
        got_incidents.push_back(props.at("id"));
        for (const auto& id : props.at("report_ids")) {
          want_reports.push_back(id);
          incident_of[id] = props.at("id");
        }
        // Its geometry is its location, null when unknown (never 0,0).
        if (props.at("lon").is_null())
          EXPECT_TRUE(f.at("geometry").is_null());
        else
          EXPECT_EQ(f.at("geometry").at("coordinates"), json::array({props.at("lon"), props.at("lat")}));
      } else {
        ASSERT_EQ(props.at("feature"), "report");
        got_reports.push_back(props.at("id"));
        EXPECT_EQ(props.at("incident"), incident_of[props.at("id")]);
        EXPECT_EQ(f.at("geometry").is_null(), props.at("effective_method") == "unresolved");
      }
    }
    EXPECT_EQ(got_incidents, want_incidents);  // the same incidents, in the same order
    EXPECT_FALSE(got_incidents.empty());
    EXPECT_EQ(got_reports, want_reports);  // every report of each, once
    std::size_t sum = 0;
    for (const auto& i : want) sum += i.at("reports").get<std::size_t>();
    EXPECT_EQ(got_reports.size(), sum);
    // Each incident's reports, with the counts of /v1/app/incidents.
    // The file name says the window: the filter's days, else the store's span.
    EXPECT_EQ(header(r, "Content-Disposition"),
              fmt::format("attachment; filename=\"truceline-{}-{}.geojson\"",
                          p.count("from") ? p.at("from") : span.at("first").get<std::string>(),
                          p.count("to") ? p.at("to") : span.at("last").get<std::string>()));
  }
}

TEST(ExportApi, OneDayIsTheDailyReportsIncidents) {
  Demo d;
  server::Api api(d.a, {d.db, 1, "", {}}, nullptr);
  const server::Response r = api.get("/v1/app/export?format=geojson&from=2018-11-24&to=2018-11-24");
  ASSERT_EQ(r.status, 200u) << r.body;
  std::set<std::string> exported;
  const json fc = json::parse(r.body);
  for (const auto& f : fc.at("features"))
    if (f.at("properties").at("feature") == "incident") exported.insert(f.at("properties").at("id"));
  const auto start = agreement::parse_instant("2018-11-24", d.a.utc_offset_minutes);
  const report::DailyInput in = report::assess_day(d.a, d.db, "2018-11-24", agreement::unix_seconds(*start), "");
  const json summary = report::daily_summary(d.a, in.assessment, in.options);
  std::set<std::string> daily;
  for (const auto& i : summary.at("incidents")) daily.insert(i.at("id").get<std::string>());
  EXPECT_FALSE(daily.empty());
  EXPECT_EQ(exported, daily);
}

TEST(ExportApi, CsvHasOneRowPerIncidentWithItsSourceIds) {
  Demo d;
  server::Api api(d.a, {d.db, 1, "", {}}, nullptr);
  const json incidents = json::parse(api.get("/v1/app/incidents").body).at("incidents");
  const std::map<std::string, std::string> p{{"from", "2018-11-01"}, {"to", "2018-11-07"}};
  const std::vector<json> want = expected(incidents, p);
  const server::Response r = api.get("/v1/app/export?format=csv&" + query_of(p));
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(header(r, "Content-Disposition"), "attachment; filename=\"truceline-2018-11-01-2018-11-07.csv\"");
  std::istringstream lines(r.body);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line,
            "id,n,day,first,last,kind,verdict,corroborated,lon,lat,precision_m,area,source_types,actors,"
            "fatalities_min,fatalities_max,explosions_min,explosions_max,report_count,reports,report_ids");
  std::size_t i = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(i, want.size());
    // The id is the first field, the store ids the last (neither holds a comma or a quote).
    EXPECT_EQ(line.substr(0, line.find(',')), want[i].at("id").get<std::string>());
    std::vector<std::string> ids;
    for (const auto& s : want[i].at("source_ids")) ids.push_back(s);
    std::string cell = ",";
    cell += csv_field(join(ids, ";"));
    cell += ",";
    EXPECT_NE(line.find(cell), std::string::npos) << line;
    EXPECT_EQ(split(line.substr(line.rfind(',') + 1), ';').size(), want[i].at("reports").get<std::size_t>());
    ++i;
  }
  EXPECT_EQ(i, want.size());
  EXPECT_GT(i, 0u);
}

TEST(ExportApi, GeoPackageHasBothLayersAsGdalReadsThem) {
  TRUCELINE_REQUIRE_OGR();
  Demo d;
  server::Api api(d.a, {d.db, 1, "", {}}, nullptr);
  const json incidents = json::parse(api.get("/v1/app/incidents").body).at("incidents");
  const std::map<std::string, std::string> p{{"from", "2018-11-01"}, {"to", "2018-11-07"}};
  const std::vector<json> want = expected(incidents, p);
  const server::Response r = api.get("/v1/app/export?format=gpkg&" + query_of(p));
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.content_type, "application/geopackage+sqlite3");
  EXPECT_EQ(header(r, "Content-Disposition"), "attachment; filename=\"truceline-2018-11-01-2018-11-07.gpkg\"");
  const std::string path = d.t / "export.gpkg";
  std::ofstream(path, std::ios::binary) << r.body;
  // The same request gives the same bytes (last_change is the view's time, not the clock's).
  EXPECT_EQ(api.get("/v1/app/export?format=gpkg&" + query_of(p)).body, r.body);

  std::vector<std::string> want_ids, want_reports;
  int unlocated = 0;
  for (const auto& i : want) {
    want_ids.push_back(i.at("id"));
    unlocated += i.at("lon").is_null() ? 1 : 0;
  }
  EXPECT_EQ(unlocated, 1);  // "Xyzzyq Nowhere" (tests/data/reports/out_places.jsonl), 2018-11-01
  const json geo = json::parse(api.get("/v1/app/export?format=geojson&" + query_of(p)).body);
  for (const auto& f : geo.at("features"))
    if (f.at("properties").at("feature") == "report") want_reports.push_back(f.at("properties").at("id"));

  const auto info = test::run_tool(fmt::format("ogrinfo -so '{}' incidents reports", path));
  ASSERT_EQ(info.status, 0) << info.err;
  EXPECT_EQ(info.err, "");
  EXPECT_NE(info.out.find(fmt::format("Layer name: incidents\nMetadata:\n  DESCRIPTION=")), std::string::npos) << info.out;
  EXPECT_NE(info.out.find(fmt::format("Feature Count: {}\n", want.size())), std::string::npos) << info.out;
  EXPECT_NE(info.out.find(fmt::format("Feature Count: {}\n", want_reports.size())), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("first: DateTime (0.0)\n"), std::string::npos);
  EXPECT_NE(info.out.find("incident: String (0.0)\n"), std::string::npos);

  const auto inc = test::run_tool(fmt::format("ogr2ogr -f GeoJSON /vsistdout/ '{}' incidents", path));
  ASSERT_EQ(inc.status, 0) << inc.err;
  const json fi = json::parse(inc.out);
  ASSERT_EQ(fi.at("features").size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const json& f = fi["features"][i];
    EXPECT_EQ(f["properties"]["id"], want[i]["id"]);
    EXPECT_EQ(f["properties"]["n"], want[i]["n"]);
    EXPECT_EQ(f["properties"]["verdict"], want[i]["verdict"]);
    if (want[i]["lon"].is_null()) {
      EXPECT_TRUE(f["geometry"].is_null()) << f.dump();  // never 0,0
    } else {
      EXPECT_EQ(f["geometry"]["coordinates"], json::array({want[i]["lon"], want[i]["lat"]}));
    }
  }
  const auto rep = test::run_tool(fmt::format("ogr2ogr -f GeoJSON /vsistdout/ '{}' reports", path));
  ASSERT_EQ(rep.status, 0) << rep.err;
  std::vector<std::string> got_reports;
  const json fr = json::parse(rep.out);
  for (const auto& f : fr.at("features")) got_reports.push_back(f["properties"]["id"]);
  EXPECT_EQ(got_reports, want_reports);

  if (const std::string v = test::gpkg_validator(); !v.empty()) {
    const auto valid = test::run_tool(fmt::format("/usr/bin/python3 '{}' '{}'", v, path));
    EXPECT_EQ(valid.status, 0) << valid.out << valid.err;
  }
}

TEST(ExportApi, BadRequestsNameTheParameter) {
  Demo d;
  server::Api api(d.a, {d.db, 1, "", {}}, nullptr);
  auto error = [&](const std::string& target) {
    const server::Response r = api.get(target);
    EXPECT_EQ(r.status, 400u) << target << ": " << r.body;
    return json::parse(r.body).at("error").get<std::string>();
  };
  EXPECT_EQ(error("/v1/app/export"), "missing parameter 'format' (geojson, csv or gpkg)");
  EXPECT_EQ(error("/v1/app/export?format=shp"), "format 'shp': expected geojson, csv or gpkg");
  EXPECT_NE(error("/v1/app/export?format=csv&kinds=shelling").find("unknown parameter 'kinds'"), std::string::npos);
  EXPECT_NE(error("/v1/app/export?format=csv&from=24.11.2018").find("from '24.11.2018'"), std::string::npos);
  EXPECT_NE(error("/v1/app/export?format=csv&verdict=bad").find("verdict 'bad'"), std::string::npos);
  EXPECT_NE(error("/v1/app/export?format=csv&from=2018-11-02&to=2018-11-01").find("from 2018-11-02 is after to"),
            std::string::npos);
  // Another method: 405 (the path is known).
  server::Response got;
  api.handle(server::Request{"POST", "/v1/app/export?format=csv"}, [&](server::Response r) { got = std::move(r); });
  EXPECT_EQ(got.status, 405u) << got.body;
}

TEST(ExportApi, AWindowWithoutIncidentsIsAnEmptyDownload) {
  Demo d;
  server::Api api(d.a, {d.db, 1, "", {}}, nullptr);
  const server::Response g = api.get("/v1/app/export?format=geojson&from=2030-01-01");
  ASSERT_EQ(g.status, 200u) << g.body;
  EXPECT_EQ(json::parse(g.body).at("features"), json::array());
  const std::string last = json::parse(api.get("/v1/app/meta").body).at("span").at("last");
  EXPECT_EQ(header(g, "Content-Disposition"), "attachment; filename=\"truceline-2030-01-01-" + last + ".geojson\"");
  const server::Response c = api.get("/v1/app/export?format=csv&from=2030-01-01");
  EXPECT_EQ(std::count(c.body.begin(), c.body.end(), '\n'), 1);  // the header only
  const server::Response k = api.get("/v1/app/export?format=gpkg&from=2030-01-01");
  ASSERT_EQ(k.status, 200u) << k.body;
  EXPECT_EQ(k.body.substr(0, 15), "SQLite format 3");
}

}  // namespace
}  // namespace truceline
