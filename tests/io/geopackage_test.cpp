// The GeoPackage writer (io/geopackage.hpp) and `reports --format gpkg`, checked by readers that
// are not ours: SQLite (the standard's own rules: application_id, user_version, the required
// tables, integrity), GDAL's ogrinfo/ogr2ogr (layers, feature counts, field types, SRS,
// coordinates, NULL geometries) and GDAL's validate_gpkg.py (every requirement it knows).
#include "truceline/io/geopackage.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/gdal_tools.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"
#include "truceline/error.hpp"

namespace truceline::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::TempDir;

// A small SQLite reader for the checks (prepared statement, one column as text).
struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& path) { EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK); }
  ~Db() { sqlite3_close(db); }
  std::vector<std::vector<std::string>> rows(const std::string& sql) const {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
      return out;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const auto* t = sqlite3_column_text(s, i);
        row.push_back(sqlite3_column_type(s, i) == SQLITE_NULL ? "NULL" : reinterpret_cast<const char*>(t));
      }
      out.push_back(row);
    }
    sqlite3_finalize(s);
    return out;
  }
  std::string one(const std::string& sql) const {
    const auto r = rows(sql);
    return r.empty() || r[0].empty() ? "<none>" : r[0][0];
  }
};

double f64_at(const std::string& b, std::size_t at) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  double d = 0;
  std::memcpy(&d, &v, sizeof d);
  return d;
}

uint32_t u32_at(const std::string& b, std::size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// Two layers: points with every column type, one feature without a location; and a layer
// without spatial index.
void fill_sample(GeoPackage& g) {
  GpkgLayer a;
  a.name = "incidents";
  a.columns = {{"id", GpkgType::text}, {"n", GpkgType::integer}, {"precision_m", GpkgType::real},
               {"first", GpkgType::datetime}};
  const int la = g.add_layer(a);
  EXPECT_EQ(g.add(la, GpkgPoint{36.6123456789, 35.5987654321}, {std::string("i1"), int64_t{1}, 250.5,
                                                                 std::string("2018-11-24T08:00:00Z")}),
            1);
  EXPECT_EQ(g.add(la, std::nullopt, {std::string("i2 \"unknown\" é"), int64_t{2}, std::monostate{}, std::monostate{}}),
            2);
  EXPECT_EQ(g.add(la, GpkgPoint{-179.5, -89.25}, {std::string("i3"), int64_t{3}, int64_t{7},
                                                   std::string("2018-11-24T23:59:59.5Z")}),
            3);
  GpkgLayer b;
  b.name = "plain";
  b.spatial_index = false;
  b.columns = {{"label", GpkgType::text}};
  const int lb = g.add_layer(b);
  g.add(lb, GpkgPoint{10, 20}, {std::string("x")});
}

TEST(GeoPackageBlob, HeaderEnvelopeAndWkbPointLittleEndian) {
  const std::string b = gpkg_point_blob({36.5, 35.25});
  ASSERT_EQ(b.size(), 8u + 32u + 21u);
  EXPECT_EQ(b.substr(0, 2), "GP");
  EXPECT_EQ(b[2], 0);     // version 1
  EXPECT_EQ(b[3], 0x03);  // little-endian, envelope [minx, maxx, miny, maxy], not empty
  EXPECT_EQ(u32_at(b, 4), 4326u);
  EXPECT_EQ(f64_at(b, 8), 36.5);
  EXPECT_EQ(f64_at(b, 16), 36.5);
  EXPECT_EQ(f64_at(b, 24), 35.25);
  EXPECT_EQ(f64_at(b, 32), 35.25);
  EXPECT_EQ(b[40], 1);  // WKB little-endian
  EXPECT_EQ(u32_at(b, 41), 1u);  // Point
  EXPECT_EQ(f64_at(b, 45), 36.5);   // x = longitude
  EXPECT_EQ(f64_at(b, 53), 35.25);  // y = latitude
}

TEST(GeoPackageBlob, RefusesPositionsThatAreNotWgs84) {
  EXPECT_THROW(gpkg_point_blob({181, 0}), std::invalid_argument);
  EXPECT_THROW(gpkg_point_blob({0, -90.5}), std::invalid_argument);
  EXPECT_THROW(gpkg_point_blob({std::nan(""), 0}), std::invalid_argument);
}

TEST(GeoPackageWriter, FollowsTheStandardsRulesInSqlite) {
  TempDir t;
  const std::string path = t / "a.gpkg";
  write_geopackage(path, {"2018-11-25T00:00:00.000Z"}, fill_sample);
  Db db(path);
  EXPECT_EQ(db.one("PRAGMA application_id"), "1196444487");  // 'GPKG'
  EXPECT_EQ(db.one("PRAGMA user_version"), "10300");
  EXPECT_EQ(db.one("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db.one("PRAGMA foreign_key_check"), "<none>");
  EXPECT_EQ(db.one("PRAGMA journal_mode"), "delete");  // no -wal to ship with the file
  for (const char* table : {"gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions",
                            "incidents", "plain", "rtree_incidents_geom"})
    EXPECT_EQ(db.one(fmt::format("SELECT count(*) FROM sqlite_master WHERE name = '{}'", table)), "1") << table;
  EXPECT_EQ(db.one("SELECT count(*) FROM sqlite_master WHERE name = 'rtree_plain_geom'"), "0");
  EXPECT_EQ(db.one("SELECT group_concat(srs_id || ':' || organization || ':' || organization_coordsys_id, ' ') FROM "
                   "(SELECT * FROM gpkg_spatial_ref_sys ORDER BY srs_id)"),
            "-1:NONE:-1 0:NONE:0 4326:EPSG:4326");
  EXPECT_EQ(db.rows("SELECT table_name, data_type, srs_id, last_change FROM gpkg_contents ORDER BY table_name"),
            (std::vector<std::vector<std::string>>{{"incidents", "features", "4326", "2018-11-25T00:00:00.000Z"},
                                                   {"plain", "features", "4326", "2018-11-25T00:00:00.000Z"}}));
  // The extent: of the located features only (the NULL geometry counts for nothing).
  EXPECT_EQ(db.rows("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'incidents'"),
            (std::vector<std::vector<std::string>>{{"-179.5", "-89.25", "36.6123456789", "35.5987654321"}}));
  EXPECT_EQ(db.rows("SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns "
                    "ORDER BY table_name"),
            (std::vector<std::vector<std::string>>{{"incidents", "geom", "POINT", "4326", "0", "0"},
                                                   {"plain", "geom", "POINT", "4326", "0", "0"}}));
  EXPECT_EQ(db.rows("SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions"),
            (std::vector<std::vector<std::string>>{{"incidents", "geom", "gpkg_rtree_index", "write-only"}}));
  // fid INTEGER PRIMARY KEY, typed columns.
  EXPECT_EQ(db.rows("SELECT name, type, pk FROM pragma_table_info('incidents')"),
            (std::vector<std::vector<std::string>>{{"fid", "INTEGER", "1"},
                                                   {"geom", "POINT", "0"},
                                                   {"id", "TEXT", "0"},
                                                   {"n", "INTEGER", "0"},
                                                   {"precision_m", "REAL", "0"},
                                                   {"first", "DATETIME", "0"}}));
  EXPECT_EQ(db.rows("SELECT fid, geom IS NULL, typeof(precision_m), first FROM incidents ORDER BY fid"),
            (std::vector<std::vector<std::string>>{{"1", "0", "real", "2018-11-24T08:00:00.000Z"},
                                                   {"2", "1", "null", "NULL"},
                                                   {"3", "0", "real", "2018-11-24T23:59:59.500Z"}}));
  // The R-tree holds the located features only, and the six triggers of GeoPackage 1.3 exist.
  EXPECT_EQ(db.one("SELECT group_concat(id) FROM rtree_incidents_geom"), "1,3");
  EXPECT_EQ(db.one("SELECT count(*) FROM rtree_incidents_geom WHERE minx <= 36.6123456789 AND maxx >= 36.6123456789 "
                   "AND miny <= 35.5987654321 AND maxy >= 35.5987654321"),
            "1");
  EXPECT_EQ(db.one("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' "
                   "ORDER BY name)"),
            "rtree_incidents_geom_delete rtree_incidents_geom_insert rtree_incidents_geom_update1 "
            "rtree_incidents_geom_update2 rtree_incidents_geom_update3 rtree_incidents_geom_update4");
  // The written blob decodes to the coordinates given, exactly.
  const auto blob = db.rows("SELECT hex(geom) FROM incidents WHERE fid = 1")[0][0];
  std::string bytes;
  for (std::size_t i = 0; i + 1 < blob.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(blob.substr(i, 2), nullptr, 16)));
  EXPECT_EQ(f64_at(bytes, 45), 36.6123456789);
  EXPECT_EQ(f64_at(bytes, 53), 35.5987654321);
  // Nothing but the file is left (no temporary, no journal).
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(t.dir)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"a.gpkg"});
}

TEST(GeoPackageWriter, GdalReadsLayersFieldsSrsCountsAndNullGeometry) {
  TRUCELINE_REQUIRE_OGR();
  TempDir t;
  const std::string path = t / "a.gpkg";
  write_geopackage(path, {}, fill_sample);
  const auto info = test::run_tool(fmt::format("ogrinfo -al -so '{}'", path));
  ASSERT_EQ(info.status, 0) << info.err;
  EXPECT_EQ(info.err, "");  // no warning (a newer user_version than GDAL knows would warn)
  EXPECT_NE(info.out.find("Layer name: incidents\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Layer name: plain\n"), std::string::npos);
  EXPECT_NE(info.out.find("Geometry: Point\nFeature Count: 3\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Feature Count: 1\n"), std::string::npos);
  EXPECT_NE(info.out.find("ID[\"EPSG\",4326]"), std::string::npos);
  EXPECT_NE(info.out.find("FID Column = fid\nGeometry Column = geom\nid: String (0.0)\nn: Integer64 (0.0)\n"
                          "precision_m: Real (0.0)\nfirst: DateTime (0.0)\n"),
            std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("Extent: (-179.500000, -89.250000) - (36.612346, 35.598765)"), std::string::npos);

  const auto conv = test::run_tool(fmt::format("ogr2ogr -f GeoJSON /vsistdout/ '{}' incidents", path));
  ASSERT_EQ(conv.status, 0) << conv.err;
  EXPECT_EQ(conv.err, "");
  const json fc = json::parse(conv.out);
  ASSERT_EQ(fc["features"].size(), 3u);
  EXPECT_EQ(fc["features"][0]["geometry"]["coordinates"], json::array({36.6123456789, 35.5987654321}));
  EXPECT_EQ(fc["features"][0]["properties"]["precision_m"], 250.5);
  EXPECT_EQ(fc["features"][0]["properties"]["n"], 1);
  EXPECT_TRUE(fc["features"][1]["geometry"].is_null()) << fc["features"][1].dump();  // unknown: no 0,0 point
  EXPECT_EQ(fc["features"][1]["properties"]["id"], "i2 \"unknown\" é");
  EXPECT_TRUE(fc["features"][1]["properties"]["precision_m"].is_null());
  EXPECT_EQ(fc["features"][2]["geometry"]["coordinates"], json::array({-179.5, -89.25}));
  EXPECT_EQ(fc["features"][2]["properties"]["precision_m"], 7.0);

  // An envelope query goes through the R-tree (GDAL uses it when present).
  const auto spatial = test::run_tool(fmt::format("ogrinfo -ro -al -q -spat 36 35 37 36 '{}' incidents", path));
  ASSERT_EQ(spatial.status, 0) << spatial.err;
  EXPECT_NE(spatial.out.find("id (String) = i1"), std::string::npos) << spatial.out;
  EXPECT_EQ(spatial.out.find("id (String) = i3"), std::string::npos) << spatial.out;
}

TEST(GeoPackageWriter, PassesGdalsValidator) {
  TRUCELINE_REQUIRE_OGR();
  const std::string validator = test::gpkg_validator();
  if (validator.empty()) GTEST_SKIP() << "validate_gpkg.py (python3-gdal, a dependency of gdal-bin) not found";
  TempDir t;
  const std::string path = t / "a.gpkg";
  write_geopackage(path, {}, fill_sample);
  const auto r = test::run_tool(fmt::format("/usr/bin/python3 '{}' '{}'", validator, path));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out + r.err, "");
}

TEST(GeoPackageWriter, ValuesOfTheWrongTypeAreProgrammerErrors) {
  TempDir t;
  EXPECT_THROW(write_geopackage(t / "a.gpkg", {},
                                [](GeoPackage& g) {
                                  const int l = g.add_layer({"x", "", "", {{"n", GpkgType::integer}}, true});
                                  g.add(l, std::nullopt, {std::string("seven")});
                                }),
               std::invalid_argument);
  EXPECT_THROW(write_geopackage(t / "b.gpkg", {},
                                [](GeoPackage& g) {
                                  const int l = g.add_layer({"x", "", "", {{"t", GpkgType::datetime}}, true});
                                  g.add(l, std::nullopt, {std::string("2018-11-24 08:00")});
                                }),
               std::invalid_argument);
  EXPECT_THROW(write_geopackage(t / "c.gpkg", {}, [](GeoPackage& g) { g.add_layer({"bad name", "", "", {}, true}); }),
               std::invalid_argument);
  EXPECT_THROW(write_geopackage(t / "d.gpkg", {},
                                [](GeoPackage& g) { g.add_layer({"x", "", "", {{"geom", GpkgType::text}}, true}); }),
               std::invalid_argument);
  // A failed write leaves nothing behind (no file, no temporary).
  EXPECT_TRUE(fs::is_empty(t.dir));
}

TEST(GeoPackageWriter, AFailedWriteLeavesThePreviousFileAsItWas) {
  TempDir t;
  const std::string path = t / "a.gpkg";
  std::ofstream(path) << "previous";
  EXPECT_THROW(write_geopackage(path, {},
                                [](GeoPackage& g) {
                                  fill_sample(g);
                                  throw InputError("store is damaged");
                                }),
               InputError);
  std::ifstream in(path);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "previous");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(t.dir)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"a.gpkg"});
  // And a successful one replaces it.
  write_geopackage(path, {}, fill_sample);
  EXPECT_EQ(Db(path).one("PRAGMA application_id"), "1196444487");
}

TEST(GeoPackageWriter, StandardOutputIsRefused) {
  EXPECT_THROW(write_geopackage("-", {}, fill_sample), UsageError);
  EXPECT_THROW(write_geopackage("", {}, fill_sample), UsageError);
}

TEST(GeoPackageWriter, BytesForADownloadAreTheSameFile) {
  TempDir t;
  const GeoPackage::Options o{"2018-11-25T00:00:00.000Z"};
  const std::string bytes = geopackage_bytes("export", o, fill_sample);
  write_geopackage(t / "a.gpkg", o, fill_sample);
  std::ifstream in(t / "a.gpkg", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(bytes.substr(0, 16), std::string("SQLite format 3\0", 16));
  EXPECT_EQ(bytes, ss.str());  // deterministic for a given last_change
}

// A disk that fills up while the GeoPackage is written: the error names the output and the
// system's reason (not "SQLite: database or disk is full"), and nothing is left behind.
TEST(GeoPackageWriter, AFullDiskIsNamedAndLeavesNothing) {
  TempDir t;
  const std::string mnt = t / "mnt";
  fs::create_directories(mnt);
  if (::geteuid() != 0 || ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=256k") != 0)
    GTEST_SKIP() << "cannot mount a 256 KiB tmpfs here (needs root and mount permission): " << std::strerror(errno);
  struct Unmount {
    std::string dir;
    ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
  } unmount{mnt};
  const std::string path = mnt + "/big.gpkg";
  try {
    write_geopackage(path, {}, [](GeoPackage& g) {
      const int l = g.add_layer({"x", "", "", {{"text", GpkgType::text}}, true});
      for (int i = 0; i < 2000; ++i) g.add(l, GpkgPoint{36 + i * 1e-4, 35}, {std::string(1000, 'x')});  // ~2 MB
    });
    FAIL() << "2 MB written into a 256 KiB file system";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot write: No space left on device");
  }
  EXPECT_TRUE(fs::is_empty(mnt));
}

// `truceline reports --format gpkg`: the CSV's columns, the GeoJSON's geometries.
TEST(ReportsGpkg, SameReportsColumnsAndPointsAsTheOtherFormats) {
  TRUCELINE_REQUIRE_OGR();
  TempDir t;
  const std::string db = t / "r.db";
  const auto ingest = test::run_cli({"ingest", "--db", db, std::string(TRUCELINE_TEST_DATA) + "/reports/out_places.jsonl"});
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  const auto made = test::run_cli({"reports", "--db", db, "--format", "gpkg", "-o", t / "r.gpkg"});
  ASSERT_EQ(made.status, 0) << made.err;
  EXPECT_EQ(made.out + made.err, "");
  const auto csv = test::run_cli({"reports", "--db", db, "--format", "csv"});
  const auto geojson = test::run_cli({"reports", "--db", db, "--format", "geojson"});
  ASSERT_EQ(csv.status, 0);
  ASSERT_EQ(geojson.status, 0);

  const auto info = test::run_tool(fmt::format("ogrinfo -al -so '{}'", t / "r.gpkg"));
  ASSERT_EQ(info.status, 0) << info.err;
  EXPECT_EQ(info.err, "");
  EXPECT_NE(info.out.find("Layer name: reports\n"), std::string::npos);
  // The fields, in order, are the CSV header's columns.
  const std::string header = csv.out.substr(0, csv.out.find('\n'));
  std::string fields;
  std::istringstream lines(info.out);
  bool after_geom = false;
  for (std::string line; std::getline(lines, line);) {
    if (after_geom && line.find(": ") != std::string::npos) fields += (fields.empty() ? "" : ",") + line.substr(0, line.find(": "));
    if (line == "Geometry Column = geom") after_geom = true;
  }
  EXPECT_EQ(fields, header);

  const auto conv = test::run_tool(fmt::format("ogr2ogr -f GeoJSON /vsistdout/ '{}'", t / "r.gpkg"));
  ASSERT_EQ(conv.status, 0) << conv.err;
  const json got = json::parse(conv.out), want = json::parse(geojson.out);
  ASSERT_EQ(got["features"].size(), want["features"].size());
  ASSERT_EQ(got["features"].size(), 5u);
  int unlocated = 0;
  for (std::size_t i = 0; i < want["features"].size(); ++i) {
    const json& g = got["features"][i];
    const json& w = want["features"][i];
    EXPECT_EQ(g["properties"]["id"], w["id"]);
    EXPECT_EQ(g["geometry"], w["geometry"]) << w["id"];  // the effective location, or null
    EXPECT_EQ(g["properties"]["kind"], w["properties"]["kind"]);
    EXPECT_EQ(g["properties"]["effective_method"], w["properties"]["effective_method"]);
    EXPECT_EQ(g["properties"]["source"], w["properties"]["source"]["name"]);
    if (w["geometry"].is_null()) {
      ++unlocated;
      EXPECT_EQ(g["properties"]["effective_method"], "unresolved");
    }
  }
  EXPECT_EQ(unlocated, 1);  // "Xyzzyq Nowhere": no geometry, never a point at 0,0
}

}  // namespace
}  // namespace truceline::io
