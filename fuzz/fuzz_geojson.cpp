// libFuzzer target: the GeoJSON line and area readers (`--line`, `--area`, an agreement's
// line and zone files) must never crash, whatever the bytes: the text is a valid geometry or
// an InputError naming where it is wrong.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"

namespace {
void check(const truceline::geo::LonLat& p) {
  if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || p.lon_deg < -180 || p.lon_deg > 180 ||
      p.lat_deg < -90 || p.lat_deg > 90)
    __builtin_trap();  // an accepted position is range-checked
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto line = truceline::geo::parse_line(text, "fuzz.geojson");
    if (line.parts.empty()) __builtin_trap();
    for (const auto& part : line.parts) {
      if (part.size() < 2) __builtin_trap();  // validated: >= 2 vertices per part
      for (const auto& p : part) check(p);
    }
  } catch (const truceline::InputError&) {
  }
  try {
    const auto polygons = truceline::geo::parse_area(text, "fuzz.geojson");
    for (const auto& poly : polygons)
      for (const auto& ring : poly) {
        if (ring.size() < 4) __builtin_trap();  // a ring has >= 4 positions, closed
        for (const auto& p : ring) check(p);
      }
  } catch (const truceline::InputError&) {
  }
  return 0;
}
