// An agreement's area of interest: where its reports are expected to be
// (docs/agreement-format.md, "Area of interest"). `ingest --agreement` and `relocate
// --agreement` use it twice:
//  - place names are looked up only among places within place_margin_m() of it (a village of
//    the same name 200 km away is not the one a report about the zone means);
//  - a report whose coordinates lie more than kFarFromAreaM from it is quarantined (most often
//    latitude and longitude swapped, or a sign lost).
//
// It is the agreement's explicit `area_of_interest` polygons when it gives them; otherwise
// everything the agreement draws: its area zones, each line widened by the deepest zone along it
// (every reading and weapon-class depth counted; clips ignored, which only makes it wider), its
// patrol routes and its posts. Validity intervals are ignored: the area covers the agreement's
// whole life, amendments included.
#pragma once

#include <memory>
#include <string>

#include "truceline/agreement/agreement.hpp"
#include "truceline/geo/polyline.hpp"

namespace truceline::agreement {

// The margin a place lookup adds to an area derived from zones and lines: places just outside
// what the agreement draws (the far side of a contact line, the towns a shelling is reported
// from, the border crossings) are part of the story. For the Idlib scenario 30 km takes in
// Latakia (18 km) and Antakya (18 km) and leaves out the Lebanese and Turkish namesakes of
// Syrian villages (Bcharré for "Bashir" 104 km, Karatepe for "Qara Tapa" 148 km) and Kobani
// (106 km, a key match of the Idlib village Kabani). Pinned by
// tests/agreement/area_of_interest_test.cpp.
inline constexpr double kPlaceMarginM = 30'000;
// Reports whose coordinates are farther than this from the area are quarantined.
inline constexpr double kFarFromAreaM = 500'000;

class AreaOfInterest {
 public:
  // REQUIRES: a valid agreement (load_valid). Throws InputError when it draws nothing at all
  // (no zone, line, route, post or area_of_interest).
  explicit AreaOfInterest(const Agreement& a);
  ~AreaOfInterest();
  AreaOfInterest(AreaOfInterest&&) noexcept;

  // Geodesic distance (WGS84) from p to the area, metres; 0 inside. Lines, routes and posts:
  // exact (GeographicLib, < 1 mm). Polygons: exact distance to their rings, each edge read as a
  // geodesic (for edges of a few km, < 1 m from the lon/lat-straight reading GIS tools use).
  // Cost: one point-to-polyline distance per line (pruned search) and a point-in-polygon test
  // per area. Thread-safe.
  double distance_m(geo::LonLat p) const;

  bool is_explicit() const;
  // The margin for place lookups: kPlaceMarginM for a derived area, 0 for an explicit one
  // (drawn as wide as the analyst means it).
  double place_margin_m() const;
  // Recorded with every resolution: "sochi-2018: its zones, lines, patrol routes and posts"
  // or "sochi-2018: area_of_interest geometry/aoi.geojson".
  const std::string& description() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::agreement
