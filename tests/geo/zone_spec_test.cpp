// parse_distance_m: the grammar documented in zone.hpp, parsed by hand (no std::regex).
#include <gtest/gtest.h>

#include <cmath>

#include "truceline/geo/zone.hpp"

namespace truceline::test {
namespace {

using geo::parse_distance_m;

TEST(ParseDistance, AcceptsTheDocumentedForms) {
  EXPECT_EQ(parse_distance_m("20km"), 20000.0);
  EXPECT_EQ(parse_distance_m("15000m"), 15000.0);
  EXPECT_EQ(parse_distance_m("0.5km"), 500.0);
  EXPECT_EQ(parse_distance_m("1.5e4 m"), 15000.0);
  EXPECT_EQ(parse_distance_m(" 15 km "), 15000.0);
  EXPECT_EQ(parse_distance_m("5.m"), 5.0);
  EXPECT_EQ(parse_distance_m(".5km"), 500.0);
  EXPECT_EQ(parse_distance_m("2E+3m"), 2000.0);
  EXPECT_EQ(parse_distance_m("\t3km\n"), 3000.0);
}

TEST(ParseDistance, RefusesWhatIsNotADistance) {
  for (const char* s : {"", "20", "km", "abc", "-5km", "+5km", "5 kms", "5 mm", "5e km", ".km", "5..0km", "0x10m",
                        "5km x", "5 k m", "inf km", "nan m", "1,5km"})
    EXPECT_FALSE(parse_distance_m(s).has_value()) << s;
}

TEST(ParseDistance, SaturatesLikeStrtod) {
  EXPECT_TRUE(std::isinf(*parse_distance_m("1e400km")));
  EXPECT_EQ(*parse_distance_m("1e-400km"), 0.0);
  EXPECT_EQ(*parse_distance_m("0.0000e999m"), 0.0);
}

}  // namespace
}  // namespace truceline::test
