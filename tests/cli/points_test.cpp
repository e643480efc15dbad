// `truceline locate`'s GeoJSON points reader (cli/points.hpp), issue 15 "Streaming everywhere":
// it reads a FeatureCollection as a stream, with the same rows and the same errors (file, line
// and column, feature number, field) as the reader that parsed the whole file, and memory that
// does not grow with the features.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_memory.hpp"
#include "support/temp_dir.hpp"
#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"

namespace truceline::cli {
namespace {

using nlohmann::json;

// What a reader gives for a text: "place|id|lon|lat|error" per row, then "ERROR message" when
// it throws (at opening or while reading).
std::vector<std::string> rows_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  try {
    const auto reader = open_points("-", in);
    PointRow row;
    while (reader->next(row))
      out.push_back(reader->place(row) + "|" + row.id + "|" + row.lon_text + "|" + row.lat_text + "|" + row.error);
  } catch (const InputError& e) {
    out.push_back(std::string("ERROR ") + e.what());
  }
  return out;
}

// The reader as it was before it streamed (the whole text parsed by io::parse_json, then the
// features one by one): the reference the streaming reader must agree with.
std::vector<std::string> rows_of_whole_reader(const std::string& text) {
  std::vector<std::string> out;
  const std::string name = "<stdin>";
  auto has_type = [](const json& o, const char* type) {
    const auto it = o.find("type");
    return it != o.end() && it->is_string() && it->get_ref<const std::string&>() == type;
  };
  try {
    json doc = io::parse_json(text, name);
    if (!doc.is_object() || !has_type(doc, "FeatureCollection") || !doc.contains("features") ||
        !doc["features"].is_array())
      throw InputError(name + ": points must be a GeoJSON FeatureCollection of Points");
    std::size_t i = 0;
    for (const auto& f : doc["features"]) {
      ++i;
      std::string id = std::to_string(i), lon, lat, error;
      if (f.is_object() && f.contains("id") && (f["id"].is_string() || f["id"].is_number()))
        id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
      else if (f.is_object() && f.contains("properties") && f["properties"].is_object() &&
               f["properties"].contains("id") && !f["properties"]["id"].is_null())
        id = f["properties"]["id"].is_string() ? f["properties"]["id"].get<std::string>()
                                               : f["properties"]["id"].dump();
      if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object() || !has_type(f["geometry"], "Point")) {
        error = "geometry is not a Point";
      } else {
        const auto& c = f["geometry"].value("coordinates", json());
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
          error = "coordinates must be [lon, lat] numbers";
        } else {
          lon = c[0].dump();
          lat = c[1].dump();
          const double x = c[0].get<double>(), y = c[1].get<double>();
          if (x < -180 || x > 180) error = "lon " + lon + " is outside [-180, 180]";
          else if (y < -90 || y > 90) error = "lat " + lat + " is outside [-90, 90]";
        }
      }
      out.push_back(name + ": feature " + std::to_string(i) + "|" + id + "|" + lon + "|" + lat + "|" + error);
    }
  } catch (const InputError& e) {
    out.push_back(std::string("ERROR ") + e.what());
  }
  return out;
}

TEST(GeoJsonPoints, SameRowsAndErrorsAsReadingTheWholeFile) {
  const std::string p = R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5, 35.6]}})";
  const std::vector<std::string> texts = {
      R"({"type": "FeatureCollection", "features": []})",
      "{\"type\": \"FeatureCollection\", \"features\": [" + p + "]}",
      // ids: the feature's (string, integer, float), the property's, the feature number
      R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"a,b","geometry":{"type":"Point","coordinates":[1,2]}},)"
      R"({"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[1.50,2e1]}},)"
      R"({"type":"Feature","id":7.25,"properties":{"id":"x"},"geometry":{"type":"Point","coordinates":[-180,-90]}},)"
      R"({"type":"Feature","properties":{"id":12,"deep":{"a":[1,{"b":null}]}},"geometry":{"type":"Point","coordinates":[180,90,5]}},)"
      R"({"type":"Feature","properties":{"id":null},"geometry":{"type":"Point","coordinates":[0,0]}}]})",
      // bad features: not a Point, not an object, bad coordinates, out of range
      R"({"features":[1,"x",null,[],{"geometry":null},{"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},)"
      R"({"geometry":{"type":"Point","coordinates":[1]}},{"geometry":{"type":"Point","coordinates":["1","2"]}},)"
      R"({"geometry":{"type":"Point","coordinates":[200,0]}},{"geometry":{"type":"Point","coordinates":[0,95]}},)"
      R"({"geometry":{"type":"Point"}},{"geometry":{"type":7,"coordinates":[0,0]}}],"type":"FeatureCollection"})",
      // a repeated key: the last value
      R"({"type":"FeatureCollection","features":[{"id":"a","id":"b","geometry":{"type":"Point","coordinates":[0,0]},)"
      R"("geometry":{"type":"Point","coordinates":[3,4]}}]})",
      // other members of the collection are skipped, whatever they hold
      R"({"bbox":[[1,2],{"features":[1]}],"type":"FeatureCollection","name":{"type":"x"},"features":[)" + p + "]}",
      // not a FeatureCollection
      R"({"type": "Feature", "features": []})",
      R"({"type": 7, "features": []})",
      R"({"type": ["FeatureCollection"], "features": []})",
      R"({"type": "FeatureCollection"})",
      R"({"type": "FeatureCollection", "features": {}})",
      R"({"type": "FeatureCollection", "features": 3})",
      "{\"features\": [" + p + "]}",
      "{\"features\": [" + p + "], \"type\": \"Polygon\"}",
      R"({})",
      // not JSON: syntax errors before, inside and after the features, at the end, after it
      "\n{\"type\": \"FeatureCollection\", \"features\": [\n " + p + ",,\n]}\n",
      "\n\n  {\"type\": \"FeatureCollection\", \"features\": [\n " + p + ",\n " + p + "\n",
      R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [36.5, 35.6x]}}]})",
      R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [1e999, 0]}}]})",
      R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [tru, 0]}}]})",
      "{\"type\": \"FeatureCollection\", \"features\": []} {}",
      "{\"type\": \"FeatureCollection\", \"features\": []}\r\n\r\n   x",
      "{\"type\": \"Feature\u00e9Collection\", \"features\": [\"\xff\"]}",
      "{\"type\": \"FeatureCollection\", \"features\": [" + p + "]",
      "{",
  };
  for (const auto& text : texts) EXPECT_EQ(rows_of(text), rows_of_whole_reader(text)) << text;
}

// Read whole, a repeated member took its last value; streamed, the features of the first would
// already be out: a collection that says two things is refused instead.
TEST(GeoJsonPoints, ARepeatedTypeOrFeaturesMemberIsRefused) {
  const std::string p = R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5, 35.6]}})";
  const std::vector<std::string> refused = {"ERROR <stdin>: points must be a GeoJSON FeatureCollection of Points"};
  EXPECT_EQ(rows_of("{\"type\": \"FeatureCollection\", \"features\": [" + p + "], \"features\": []}"), refused);
  EXPECT_EQ(rows_of("{\"type\": \"Feature\", \"features\": [" + p + "], \"type\": \"FeatureCollection\"}"), refused);
  EXPECT_EQ(rows_of("{\"type\": \"FeatureCollection\", \"type\": \"FeatureCollection\", \"features\": []}"), refused);
}

// A FeatureCollection of `n` points, one per line.
void write_points(const std::string& path, std::size_t n, const std::string& tail = "]}\n") {
  std::ofstream f(path, std::ios::binary);
  f << "{\"type\": \"FeatureCollection\", \"features\": [\n";
  for (std::size_t i = 0; i < n; ++i)
    f << (i ? ",\n" : "") << R"( {"type": "Feature", "id": "p)" << i
      << R"(", "properties": {"name": "synthetic point", "n": )" << i
      << R"(}, "geometry": {"type": "Point", "coordinates": [)" << 36 + (i % 1000) * 0.001 << ", "
      << 35 + (i % 997) * 0.001 << "]}}";
  f << tail;
}

TEST(GeoJsonPoints, ASyntaxErrorPastTheReadAheadComesAfterTheRowsBeforeIt) {
  test::TempDir t("truceline-points");
  const std::size_t n = 20000;  // more than the 16 384 features read before the first row
  write_points(t / "late.geojson", n, ",,\n]}\n");
  std::ifstream dummy;
  const auto reader = open_points(t / "late.geojson", dummy);
  PointRow row;
  std::size_t rows = 0;
  try {
    while (reader->next(row)) {
      ASSERT_TRUE(row.error.empty()) << row.error;
      ++rows;
    }
    FAIL() << "no error after " << rows << " rows";
  } catch (const InputError& e) {
    EXPECT_EQ(rows, n);
    // The line of the second comma: the header line, then one line per feature.
    EXPECT_NE(std::string(e.what()).find("late.geojson:" + std::to_string(n + 1) + ":"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("invalid JSON: syntax error while parsing value"), std::string::npos)
        << e.what();
  }
}

TEST(GeoJsonPoints, StoppingEarlyEndsTheReader) {
  test::TempDir t("truceline-points");
  write_points(t / "big.geojson", 50000);
  std::ifstream dummy;
  for (int k = 0; k < 3; ++k) {
    const auto reader = open_points(t / "big.geojson", dummy);
    PointRow row;
    for (int i = 0; i < 10 * k; ++i) ASSERT_TRUE(reader->next(row));
  }  // the destructor stops the parser thread, which is waiting on a full queue
}

// Peak memory added by reading every row of `path` (kB, in a child), -1 on failure.
long read_growth_kb(const std::string& path, std::size_t expected_rows) {
  return test::peak_growth_kb_in_child([&] {
    std::ifstream dummy;
    const auto reader = open_points(path, dummy);
    PointRow row;
    std::size_t n = 0;
    while (reader->next(row)) n += row.error.empty();
    return n == expected_rows;
  });
}

TEST(GeoJsonPoints, MemoryDoesNotGrowWithTheFeatures) {
  if (test::status_kb("VmHWM") < 0) GTEST_SKIP() << "no /proc/self/status VmHWM on this system";
  test::TempDir t("truceline-points-mem");
  // Both sizes well past the read-ahead (16 384 rows); ~140 bytes a feature on disk.
  const std::size_t small = 50000, large = 4 * small;
  write_points(t / "small.geojson", small);
  write_points(t / "large.geojson", large);
  const long s = read_growth_kb(t / "small.geojson", small), l = read_growth_kb(t / "large.geojson", large);
  ASSERT_GT(s, 0);
  ASSERT_GT(l, 0);
  // Read whole, four times the features took about four times the memory (the text and its
  // DOM: ~30 MB more for the large file); streamed, the same few MB.
  EXPECT_LT(l, s + s / 2 + 2048) << small << " features: +" << s << " kB, " << large << " features: +" << l << " kB";
  RecordProperty("growth_small_kb", std::to_string(s));
  RecordProperty("growth_large_kb", std::to_string(l));
}

}  // namespace
}  // namespace truceline::cli
