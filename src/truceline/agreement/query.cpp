#include "truceline/agreement/query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "truceline/error.hpp"

namespace truceline::agreement {

double depth_for(const Zone& z, const std::string& reading) {
  if (reading.empty() || reading == z.source) return z.depth_m;
  for (const auto& r : z.readings)
    if (r.source == reading) return r.depth_m;
  std::string known = z.source.empty() ? "" : z.source + " (agreed)";
  for (const auto& r : z.readings) known += (known.empty() ? "" : ", ") + r.source;
  throw InputError(fmt::format("--reading {}: zone {} has no reading from that source (readings: {})", reading, z.id,
                               known.empty() ? "none" : known));
}

double depth_for_class(const Agreement& a, const Zone& z, const std::string& weapon_class) {
  std::string cls = weapon_class;
  for (int guard = 0; guard < 32 && !cls.empty(); ++guard) {
    const WeaponClass* wc = a.weapon_class(cls);
    if (!wc) {
      std::string known;
      for (const auto& w : a.weapon_classes) known += (known.empty() ? "" : ", ") + w.id;
      throw InputError(fmt::format("--weapon-class {}: unknown weapon class (classes: {})", weapon_class, known));
    }
    for (const auto& c : z.depth_by_class)
      if (c.weapon_class == cls) return c.depth_m;
    cls = wc->parent;
  }
  return z.depth_m;
}

ZoneInstance::ZoneInstance(const Agreement& a, const Zone& z, const std::string& reading,
                           const std::string& weapon_class)
    : zone_(z) {
  if (z.is_area) {
    area_ = std::make_unique<geo::Area>(z.area);
    area_key_ = &z;
    return;
  }
  if (!reading.empty() && !weapon_class.empty())
    throw InputError("--reading and --weapon-class cannot be combined");
  depth_m_ = weapon_class.empty() ? depth_for(z, reading) : depth_for_class(a, z, weapon_class);
  const Line* l = a.line(z.line);
  if (!l) throw InputError(fmt::format("zone {}: unknown line {}", z.id, z.line));
  line_ = std::make_unique<geo::GeodesicPolyline>(l->geometry);
  def_ = std::make_unique<geo::ZoneDefinition>(*line_, geo::ZoneSpec{z.side, depth_m_, {}});
  if (!z.clip_file.empty()) {
    clip_ = std::make_unique<geo::Area>(z.clip_area);
  } else if (!z.clip.empty()) {
    const Zone* c = a.zone(z.clip);
    if (!c || !c->is_area) throw InputError(fmt::format("zone {}: clip {} is not an area zone", z.id, z.clip));
    clip_ = std::make_unique<geo::Area>(c->area);
    area_key_ = c;
  }
}

geo::Zone ZoneInstance::render() const {
  // An area zone's edges are geodesics: drawn densified and measured like a line zone's.
  if (area_) return geo::draw_area(*area_);
  return geo::build_zone(*def_, {}, clip_ ? &clip_->polygons() : nullptr);
}

ZoneInstance::Where ZoneInstance::locate(geo::LonLat p) const {
  if (area_) {
    const geo::Area::Where w = area_->locate(p);
    return {w.distance_m, w.inside, std::nullopt};
  }
  const geo::Location loc = def_->locate(p);
  return {loc.nearest.distance_m, loc.inside && (!clip_ || clip_->contains(p)), loc.nearest.side};
}

geo::Area::Where ZoneInstance::area_where(const geo::Area& area, geo::LonLat p, AreaMemo* memo) const {
  if (memo && area_key_)
    for (const auto& [key, w] : memo->found)
      if (key == area_key_) return w;
  const geo::Area::Where w = area.locate(p);
  if (memo && area_key_) memo->found.emplace_back(area_key_, w);
  return w;
}

ZoneInstance::Margin ZoneInstance::margin(geo::LonLat p, AreaMemo* memo) const {
  if (area_) {
    const geo::Area::Where w = area_where(*area_, p, memo);
    return {w.distance_m, w.inside ? w.distance_m : -w.distance_m};
  }
  // One-sided zones: the territory line holds the line (segments 1..n of each part, between
  // the two end normals), so when its nearest point falls there it is also the nearest point
  // of the line and one exact search serves both.
  const geo::GeodesicPolyline* t = def_->territory();
  std::optional<geo::Nearest> tn;
  double d = 0;
  if (t) {
    tn = t->nearest(p);
    const std::size_t n_line = line_->line().parts[tn->part].size() - 1;
    if (tn->segment >= 1 && tn->segment <= n_line)
      d = tn->distance_m;
    else
      d = line_->nearest(p).distance_m;
  } else {
    d = line_->nearest(p).distance_m;
  }
  const double g = d - depth_m_;  // > 0 beyond the depth line (constant depth here)
  double in = -g, out = std::max(g, 0.0);
  bool inside = g <= 0;
  if (tn) {
    const bool right_side = tn->side == geo::Side::on || (tn->side == geo::Side::right) == (def_->sigma() > 0);
    if (right_side) {
      in = std::min(in, tn->distance_m);
    } else {
      inside = false;
      out = std::max(out, tn->distance_m);
    }
  }
  if (clip_) {
    // The clip boundary matters when the point is outside the clip (it may be the largest
    // distance) or inside everything (it may be the smallest); a point inside the clip but
    // outside the buffer or on the wrong side is measured by those alone.
    const geo::Area::Where cw = area_where(*clip_, p, memo);
    const bool in_clip = cw.inside;
    if (!in_clip || inside) {
      const double b = cw.distance_m;
      if (in_clip) {
        in = std::min(in, b);
      } else {
        inside = false;
        out = std::max(out, b);
      }
    }
  }
  return {d, inside ? in : -out};
}

geo::Area::CertifiedWhere ZoneInstance::area_certified(const geo::Area& area, geo::LonLat p, AreaMemo* memo,
                                                       double tol) const {
  if (memo && area_key_)
    for (const auto& [key, w] : memo->certified)
      if (key == area_key_) return w;
  const geo::Area::CertifiedWhere w = area.locate_certified(p, tol);
  if (memo && area_key_) memo->certified.emplace_back(area_key_, w);
  return w;
}

ZoneInstance::CertifiedMargin ZoneInstance::margin_certified(geo::LonLat p, AreaMemo* memo, double tol) const {
  // margin() step by step, each distance certified and each branch checked to be margin()'s.
  // min, max and negation move a value by at most the largest error of their arguments.
  constexpr double kSlack = geo::kCertifiedSlackM;
  CertifiedMargin out;
  if (area_) {
    const geo::Area::CertifiedWhere w = area_certified(*area_, p, memo, tol);
    if (!w.ok) return out;
    out.m = {w.where.distance_m, w.where.inside ? w.where.distance_m : -w.where.distance_m};
    out.err_m = w.err_m;
    out.ok = true;
    return out;
  }
  const geo::GeodesicPolyline* t = def_->territory();
  std::optional<geo::GeodesicPolyline::Certified> tn;
  double d = 0, err = 0;
  auto on_line = [&] {
    const geo::GeodesicPolyline::Certified c = line_->nearest_certified(p, tol);
    d = c.n.distance_m;
    err = std::max(err, c.err_m);
    return c.ok;
  };
  if (t) {
    tn = t->nearest_certified(p, tol);
    if (!tn->ok) return out;
    err = tn->err_m;
    const std::size_t n_line = line_->line().parts[tn->n.part].size() - 1;
    if (tn->n.segment >= 1 && tn->n.segment <= n_line)
      d = tn->n.distance_m;
    else if (!on_line())
      return out;
  } else if (!on_line()) {
    return out;
  }
  const double g = d - depth_m_;
  if (std::abs(g) <= err + kSlack) return out;  // inside the depth or not: not certain
  double in = -g, out_d = std::max(g, 0.0);
  bool inside = g <= 0;
  if (tn) {
    const bool right_side = tn->n.side == geo::Side::on || (tn->n.side == geo::Side::right) == (def_->sigma() > 0);
    if (right_side) {
      in = std::min(in, tn->n.distance_m);
    } else {
      inside = false;
      out_d = std::max(out_d, tn->n.distance_m);
    }
  }
  if (clip_) {
    const geo::Area::CertifiedWhere cw = area_certified(*clip_, p, memo, tol);
    if (!cw.ok) return out;
    const bool in_clip = cw.where.inside;
    if (!in_clip || inside) {
      err = std::max(err, cw.err_m);
      const double b = cw.where.distance_m;
      if (in_clip) {
        in = std::min(in, b);
      } else {
        inside = false;
        out_d = std::max(out_d, b);
      }
    }
  }
  out.m = {d, inside ? in : -out_d};
  out.err_m = err;
  out.ok = true;
  return out;
}

std::vector<const Zone*> zones_in_force(const Agreement& a, Instant t) {
  std::vector<const Zone*> out;
  for (const auto& z : a.zones)
    if (z.valid.contains(t)) out.push_back(&z);
  return out;
}

bool line_in_force(const Line& l, Instant t) { return l.valid.contains(t); }

bool post_active(const Post& p, Instant t) {
  return (!p.established || *p.established <= t) && (!p.closed || t < *p.closed);
}

std::vector<const Designation*> designations_at(const Agreement& a, Instant t) {
  std::vector<const Designation*> out;
  for (const auto& d : a.designations)
    if (d.valid.contains(t)) out.push_back(&d);
  return out;
}

DeadlineState deadline_at(const Obligation& o, Instant t) {
  DeadlineState s;
  s.original = o.deadline;
  s.effective = o.deadline;
  if (!o.extensions.empty()) {
    s.effective = o.extensions.back().until;
    s.extended = true;
  }
  s.passed = s.effective && *s.effective < t;
  return s;
}

}  // namespace truceline::agreement
