// GDAL's command-line tools (gdal-bin: ogrinfo, ogr2ogr; python3-gdal: validate_gpkg.py) as the
// independent reader of the GeoPackages truceline writes (io/geopackage.hpp). They are test
// tools only (scripts/setup-deps installs gdal-bin); truceline does not link GDAL.
//
// TRUCELINE_REQUIRE_OGR() skips the calling test with a clear message when ogrinfo is missing,
// except in CI (the CI variable set), where a missing tool fails the test: CI must run them.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace truceline::test {

struct ToolRun {
  int status = -1;
  std::string out, err;
};

// Runs `command` with sh; stdout and stderr captured apart (stderr through a temporary file).
inline ToolRun run_tool(const std::string& command) {
  const std::string err_file =
      (std::filesystem::temp_directory_path() / ("truceline-tool-err-" + std::to_string(::getpid()))).string();
  ToolRun r;
  FILE* p = ::popen((command + " 2>'" + err_file + "'").c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream in(err_file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::filesystem::remove(err_file);
  return r;
}

inline bool have_ogr() { return run_tool("command -v ogrinfo && command -v ogr2ogr").status == 0; }

// GDAL's GeoPackage validator (it checks the requirements of the standard, table by table,
// and every geometry blob): a path, or empty when python3-gdal is not installed.
inline std::string gpkg_validator() {
  for (const char* p : {"/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
                        "/usr/share/doc/python3-gdal/examples/validate_gpkg.py"})
    if (std::filesystem::exists(p)) return p;
  return "";
}

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && *ci && std::string(ci) != "0" && std::string(ci) != "false";
}

}  // namespace truceline::test

#define TRUCELINE_REQUIRE_OGR()                                                                        \
  do {                                                                                                 \
    if (!::truceline::test::have_ogr()) {                                                              \
      if (::truceline::test::in_ci()) FAIL() << "ogrinfo/ogr2ogr missing in CI: scripts/setup-deps installs gdal-bin"; \
      GTEST_SKIP() << "ogrinfo/ogr2ogr (gdal-bin) not installed: the GeoPackage is not read back; "   \
                      "run scripts/setup-deps";                                                        \
    }                                                                                                  \
  } while (0)
