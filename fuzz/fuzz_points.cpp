// libFuzzer target: the point readers of `truceline locate` (CSV with lon/lat columns, or a
// GeoJSON FeatureCollection of Points) must never crash, whatever the bytes: every row is a
// point in range or carries its error; a file that cannot be used at all is an InputError.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const auto reader = truceline::cli::open_points("-", in);
    truceline::cli::PointRow row;
    while (reader->next(row)) {
      if (reader->place(row).empty()) __builtin_trap();
      if (!row.error.empty()) continue;
      const auto& p = row.p;
      if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || p.lon_deg < -180 || p.lon_deg > 180 ||
          p.lat_deg < -90 || p.lat_deg > 90)
        __builtin_trap();  // a row without an error is a point in range
    }
  } catch (const truceline::InputError&) {
  }
  return 0;
}
