#include "truceline/geo/geojson.hpp"
#include "truceline/io/file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

namespace truceline::test {
namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(GeoJson, LineFormsAreMerged) {
  EXPECT_EQ(geo::parse_line(R"({"type":"LineString","coordinates":[[36,35],[36.1,35.1]]})", "x").parts.size(), 1u);
  EXPECT_EQ(geo::parse_line(R"({"type":"Feature","properties":{},"geometry":{"type":"MultiLineString",
      "coordinates":[[[36,35],[36.1,35.1]],[[37,35],[37.1,35.1]]]}})", "x").parts.size(), 2u);
  const auto fc = geo::parse_line(R"({"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"LineString","coordinates":[[36,35],[36.1,35.1]]}},
      {"type":"Feature","geometry":{"type":"LineString","coordinates":[[37,35],[37.1,35.1,12.5]]}}]})", "x");
  ASSERT_EQ(fc.parts.size(), 2u);
  EXPECT_EQ(fc.parts[1][1].lon_deg, 37.1);
}

TEST(GeoJson, ErrorsNameFileAndPlace) {
  EXPECT_EQ(error_of([] { geo::parse_line("{\n  \"type\": \"LineString\",\n  \"coordinates\": [[1,2],, ]}", "a.geojson"); }),
            "a.geojson:3:25: invalid JSON: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal");
  EXPECT_EQ(error_of([] { geo::parse_line(R"({"type":"Point","coordinates":[1,2]})", "a.geojson"); }),
            "a.geojson: geometry type Point is not a LineString or MultiLineString");
  EXPECT_EQ(error_of([] {
              geo::parse_line(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":
                {"type":"LineString","coordinates":[[1,2],[3,95]]}}]})", "a.geojson");
            }),
            "a.geojson: feature 1, position 2: latitude 95 is outside [-90, 90]");
  EXPECT_EQ(error_of([] { geo::parse_line(R"({"type":"LineString","coordinates":[[1,2],[1,2]]})", "a.geojson"); }),
            "a.geojson: fewer than two distinct vertices");
  EXPECT_EQ(error_of([] { geo::read_line("/nonexistent/line.geojson"); }),
            "/nonexistent/line.geojson: cannot open: No such file or directory");
}

TEST(GeoJson, AreaNeedsClosedRings) {
  EXPECT_EQ(geo::parse_area(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]})", "c").size(), 1u);
  EXPECT_EQ(error_of([] { geo::parse_area(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})", "c"); }),
            "c, ring 1: ring is not closed (first and last positions differ)");
}

TEST(GeoJson, WritesNineDecimalsAndIsAtomic) {
  geo::Zone z;
  z.polygons = {{{{1.0, 2.0}, {3.0, 2.0}, {3.0, 4.0}, {1.0, 2.0}}}};
  const std::string out = geo::zone_feature_collection(z, {{"depth_m", "20000.000"}, {"side", "\"both\""}});
  EXPECT_NE(out.find("[1.000000000,2.000000000]"), std::string::npos);
  EXPECT_NE(out.find("\"depth_m\":20000.000,\"side\":\"both\""), std::string::npos);
  EXPECT_NE(out.find("\"type\":\"Polygon\""), std::string::npos);

  const auto dir = std::filesystem::temp_directory_path() / "truceline-geojson-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  io::write_file_atomic((dir / "a.geojson").string(), out, std::cout);
  EXPECT_EQ(io::read_text((dir / "a.geojson").string()), out);
  EXPECT_THROW(io::write_file_atomic((dir / "missing" / "b.geojson").string(), out, std::cout), InputError);
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1) << "no temporary file is left behind";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace truceline::test
