// incidents.geojson: the day's incidents as a FeatureCollection of Points (null geometry for
// an incident without a location), from the Digest.
#include <string>
#include <vector>

#include "truceline/report/detail/format.hpp"
#include "truceline/report/detail/render.hpp"
#include "truceline/report/detail/summary.hpp"
#include "truceline/store/record.hpp"

namespace truceline::report::detail {

using nlohmann::json;

std::string geojson_of(const Digest& d) {
  json features = json::array();
  for (const auto* i : d.day) {
    json props = incident_json(d, *i);
    props["first_time"] = iso(i->first_unix);
    props["last_time"] = iso(i->last_unix);
    props["attribution"] = claims_json(d, i->attribution);
    props["fatalities"] = claims_json(d, i->fatalities);
    const json t = time_fields(*i, d.s);
    for (const char* k : {"date_only", "first_timed", "last_timed", "date_only_reports"}) props[k] = t[k];
    // How its location was obtained (its anchor report's effective location), as the flat
    // effective_* properties of `truceline reports --format geojson`; the point is the geometry.
    const json loc = assess::location_json(d.s.reports.at(i->anchor));
    for (const auto& c : store::effective_location_columns()) {
      const std::string key = c.substr(std::string("effective_").size());
      if (key != "lon" && key != "lat") props[c] = loc.contains(key) ? loc[key] : json(nullptr);
    }
    // An incident without a location has a null geometry: never a point at 0°, 0°.
    const json geometry = i->has_location ? json{{"type", "Point"},
                                                 {"coordinates", {rounded(i->lon_deg, 6), rounded(i->lat_deg, 6)}}}
                                          : json(nullptr);
    features.push_back({{"type", "Feature"}, {"id", i->id}, {"geometry", geometry}, {"properties", props}});
  }
  const json fc = {{"type", "FeatureCollection"}, {"features", features}};
  return fc.dump(2) + "\n";
}

}  // namespace truceline::report::detail
