#include "truceline/geo/area.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace truceline::geo {

namespace {

// Twice the signed area of a ring in unwrapped lon/lat (positive: counter-clockwise). Only its
// sign is used: for rings that span well under a hemisphere it is the geodesic ring's too.
double orientation(const Ring& r) {
  double a = 0;
  const double ref = r.front().lon_deg;
  LonLat prev = unwrap(r.front(), ref);
  for (std::size_t i = 1; i < r.size(); ++i) {
    const LonLat cur = unwrap(r[i], prev.lon_deg);
    a += prev.lon_deg * cur.lat_deg - cur.lon_deg * prev.lat_deg;
    prev = cur;
  }
  return a;
}

// The ring as a closed geodesic path that starts and ends at the middle of its first edge, so
// that every ring vertex is an interior vertex of the path (the side at a vertex is decided
// by the bisector of its two edges, polyline.hpp) and the path's ends lie on one geodesic.
std::vector<LonLat> as_path(const Ring& ring) {
  std::vector<LonLat> r;
  for (const auto& p : ring)
    if (r.empty() || p.lon_deg != r.back().lon_deg || p.lat_deg != r.back().lat_deg) r.push_back(p);
  if (r.size() > 1 && r.front().lon_deg == r.back().lon_deg && r.front().lat_deg == r.back().lat_deg) r.pop_back();
  if (r.size() < 3) throw GeometryError("a ring needs at least 3 distinct vertices");
  double s12 = 0, azi1 = 0, azi2 = 0;
  wgs84().Inverse(r[0].lat_deg, r[0].lon_deg, r[1].lat_deg, r[1].lon_deg, s12, azi1, azi2);
  LonLat m;
  wgs84().Direct(r[0].lat_deg, r[0].lon_deg, azi1, 0.5 * s12, m.lat_deg, m.lon_deg);
  std::vector<LonLat> path{m};
  path.insert(path.end(), r.begin() + 1, r.end());
  path.push_back(r[0]);
  path.push_back(m);
  return path;
}

}  // namespace

struct Area::Impl {
  struct Piece {
    std::unique_ptr<GeodesicPolyline> rings;  // oriented: the interior on the left
    LonLat centre;                            // a vertex
    double radius_m = 0;                      // every boundary point lies within it of centre
  };
  std::vector<Piece> pieces;
};

Area::Area(std::vector<Polygon> polygons) : polygons_(std::move(polygons)), impl_(std::make_unique<Impl>()) {
  for (std::size_t pi = 0; pi < polygons_.size(); ++pi) {
    const Polygon& poly = polygons_[pi];
    if (poly.empty()) continue;
    Impl::Piece piece;
    MultiLine rings;
    for (std::size_t ri = 0; ri < poly.size(); ++ri) {
      const Ring& ring = poly[ri];
      for (const auto& p : ring)
        if (!(std::abs(p.lat_deg) < 90))
          throw GeometryError("polygon " + std::to_string(pi + 1) + ", ring " + std::to_string(ri + 1) +
                              ": a vertex at a pole (an area reaching a pole is not supported)");
      std::vector<LonLat> path;
      try {
        path = as_path(ring);
      } catch (const GeometryError& e) {
        throw GeometryError("polygon " + std::to_string(pi + 1) + ", ring " + std::to_string(ri + 1) + ": " + e.what());
      }
      const bool ccw = orientation(ring) > 0;
      if ((ri == 0) != ccw) std::reverse(path.begin(), path.end());
      rings.parts.push_back(std::move(path));
    }
    piece.centre = poly.front().front();
    piece.rings = std::make_unique<GeodesicPolyline>(validated(rings));
    for (const auto& s : piece.rings->segments())
      piece.radius_m = std::max(piece.radius_m, distance_m(piece.centre, s.a) + s.length_m);
    impl_->pieces.push_back(std::move(piece));
  }
}

Area::~Area() = default;
Area::Area(Area&&) noexcept = default;
Area& Area::operator=(Area&&) noexcept = default;

namespace {
// Far beyond a piece's bounding cap: outside it; the cap gives a lower bound that is only used
// when no nearer piece is exact (nearest() is specified within 5000 km). The bound (the
// distance to the centre less the radius) when p is that far from the piece, else nothing (the
// piece is searched). The cheap upper bound settles the usual case (a point near the piece)
// without a geodesic solution: when it is within reach, so is the exact distance, and the
// branch taken is the one the exact distance would take. Shared by locate() and
// locate_certified(), whose far branches must be the same.
std::optional<double> far_bound_m(LonLat centre, double radius_m, LonLat p) {
  if (distance_upper_bound_m(centre, p) - radius_m <= 2'500'000) return std::nullopt;
  const double to_centre = distance_m(centre, p);
  if (to_centre - radius_m <= 2'500'000) return std::nullopt;
  return to_centre - radius_m;
}
}  // namespace

Area::Where Area::locate(LonLat p) const {
  Where w{std::numeric_limits<double>::infinity(), false};
  for (const auto& piece : impl_->pieces) {
    if (const auto far = far_bound_m(piece.centre, piece.radius_m, p)) {
      w.distance_m = std::min(w.distance_m, *far);
      continue;
    }
    const Nearest n = piece.rings->nearest(p);
    w.distance_m = std::min(w.distance_m, n.distance_m);
    if (n.side != Side::right) w.inside = true;
  }
  return w;
}

Area::CertifiedWhere Area::locate_certified(LonLat p, double tolerance_m) const {
  // As locate(): the far branch is the same (exact, it takes no segment search), each piece's
  // search is certified. The minimum of values each within its bound of the exact ones is
  // within the largest bound of the exact minimum; `inside` is an "any" of certified sides.
  CertifiedWhere out;
  Where w{std::numeric_limits<double>::infinity(), false};
  double err = 0;
  for (const auto& piece : impl_->pieces) {
    if (const auto far = far_bound_m(piece.centre, piece.radius_m, p)) {
      w.distance_m = std::min(w.distance_m, *far);
      continue;
    }
    const GeodesicPolyline::Certified c = piece.rings->nearest_certified(p, tolerance_m);
    if (!c.ok) return out;
    w.distance_m = std::min(w.distance_m, c.n.distance_m);
    err = std::max(err, c.err_m);
    if (c.n.side != Side::right) w.inside = true;
  }
  out.where = w;
  out.err_m = err;
  out.ok = true;
  return out;
}

}  // namespace truceline::geo
