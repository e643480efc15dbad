// The one point type of truceline: a WGS84 longitude and latitude in degrees (longitude first,
// as in GeoJSON). Every module uses it (geo::LonLat and gazetteer::LonLat are this type).
#pragma once

namespace truceline {

struct LonLat {
  double lon_deg = 0;  // degrees east, [-180, 180]
  double lat_deg = 0;  // degrees north, [-90, 90]
};

}  // namespace truceline
