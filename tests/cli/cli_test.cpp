// In-process CLI tests (the golden cases in golden/ run the real binary).
#include <gtest/gtest.h>

#include <sstream>

#include "truceline/cli/app.hpp"
#include "truceline/error.hpp"

namespace truceline::cli {
namespace {

struct Result {
  int status;
  std::string out, err;
};

Result run_cli(std::vector<std::string> args, const std::string& stdin_text = "") {
  std::vector<const char*> argv{"truceline"};
  for (const auto& a : args) argv.push_back(a.c_str());
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int status = run(static_cast<int>(argv.size()), argv.data(), in, out, err);
  return {status, out.str(), err.str()};
}

TEST(Cli, ParseDepth) {
  EXPECT_EQ(parse_depth("20km"), 20000);
  EXPECT_EQ(parse_depth("15000m"), 15000);
  EXPECT_EQ(parse_depth("0.5km"), 500);
  EXPECT_EQ(parse_depth("1.5e1km"), 15000);
  EXPECT_EQ(parse_depth("1000km"), 1e6);
  for (const char* bad : {"20", "km", "-5km", "0km", "1001km", "1e400km", "1e-400km", "20 miles", ""})
    EXPECT_THROW(parse_depth(bad), InputError) << bad;
}

TEST(Cli, ZoneWritesToTheGivenStream) {
  const std::string line = TRUCELINE_TEST_DATA "/line_2v.geojson";
  const Result r = run_cli({"zone", "--line", line, "--depth", "2km"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"type\":\"FeatureCollection\"", 0), 0u);
  EXPECT_NE(r.out.find("\"max_boundary_error_m\":0."), std::string::npos);
}

TEST(Cli, LocateFromStdin) {
  const std::string line = TRUCELINE_TEST_DATA "/line_2v.geojson";
  const Result r = run_cli({"locate", "--line", line, "--depth", "20km", "-"}, "lon,lat\n36.5,35.6\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("id,lon,lat,distance_m,side,inside\n1,36.5,35.6,", 0), 0u) << r.out;
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli({}).status, 2);
  EXPECT_EQ(run_cli({"zone"}).status, 2);
  EXPECT_EQ(run_cli({"zone", "--line", "x.geojson", "--depth", "20km", "--agreement", "a.toml"}).status, 2);
  EXPECT_EQ(run_cli({"check", TRUCELINE_TEST_DATA "/agreements/problems.toml"}).status, 2);
  EXPECT_EQ(run_cli({"check", TRUCELINE_TEST_DATA "/agreements/minimal.toml"}).status, 0);
}

}  // namespace
}  // namespace truceline::cli
