// Bugs the fuzz targets found (fuzz/regressions/), each pinned by a unit test of the behaviour
// that is right: the reader's own error, never an exception from a library underneath.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"

namespace {

std::string open_points_error(const std::string& text) {
  std::istringstream in(text);
  try {
    auto reader = truceline::cli::open_points("-", in);
    truceline::cli::PointRow row;
    std::string errors;
    while (reader->next(row))
      if (!row.error.empty()) errors += reader->place(row) + ": " + row.error + "\n";
    return errors;
  } catch (const truceline::InputError& e) {
    return std::string("InputError: ") + e.what();
  }
}

}  // namespace

// fuzz/regressions/points/feature_collection_type_not_a_string.geojson: a "type" that is not
// a string made nlohmann's value("type", "") throw type_error 302 ("internal error", exit 1).
TEST(FuzzFindings, PointsTypeThatIsNotAStringIsNotAFeatureCollection) {
  EXPECT_EQ(open_points_error(R"({"type": ["FeatureCollection"], "features": []})"),
            "InputError: <stdin>: points must be a GeoJSON FeatureCollection of Points");
  EXPECT_EQ(open_points_error(R"({"type": 7, "features": []})"),
            "InputError: <stdin>: points must be a GeoJSON FeatureCollection of Points");
}

TEST(FuzzFindings, PointsGeometryTypeThatIsNotAStringIsARowError) {
  EXPECT_EQ(open_points_error(R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": {"x": 1}, "coordinates": [1, 2]}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}]})"),
            "<stdin>: feature 1: geometry is not a Point\n");
}
