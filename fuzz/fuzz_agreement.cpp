// libFuzzer target: the agreement loader (TOML, docs/agreement-format.md) must never crash,
// whatever the bytes: a file is either an agreement or a list of problems, each naming a
// place in the file. The loader reads GeoJSON files named in the agreement relative to its
// path: LLVMFuzzerInitialize writes a small line and area there (line.geojson, area.geojson)
// so that the fuzzer can reach those paths too.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "truceline/agreement/agreement.hpp"
#include "truceline/error.hpp"

namespace {
std::string g_path;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char dir[] = "/tmp/truceline-fuzz-agreement-XXXXXX";
  if (!mkdtemp(dir)) std::abort();
  const std::string d = dir;
  std::ofstream(d + "/line.geojson")
      << R"({"type":"LineString","coordinates":[[36.0,48.0],[36.5,48.2],[37.0,48.1]]})";
  std::ofstream(d + "/area.geojson")
      << R"({"type":"Polygon","coordinates":[[[35,47],[38,47],[38,49],[35,49],[35,47]]]})";
  g_path = d + "/agreement.toml";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto loaded = truceline::agreement::load_text(text, g_path);
    for (const auto& p : loaded.problems) {
      if (p.message.empty() || p.at.file.empty()) __builtin_trap();  // a problem says what and where
      (void)p.str();
    }
  } catch (const truceline::InputError&) {
    // Only a file that cannot be read at all: never for text in memory, but not a crash.
  }
  return 0;
}
