#include "truceline/geo/geojson.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "truceline/io/file.hpp"

namespace truceline::geo {

using nlohmann::json;

namespace {

// A position [lon, lat, (alt)] -> LonLat, range-checked.
LonLat position(const json& p, const std::string& where) {
  if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
    throw InputError(where + ": a position must be an array [lon, lat] of numbers");
  const LonLat v{p[0].get<double>(), p[1].get<double>()};
  if (!std::isfinite(v.lon_deg) || !std::isfinite(v.lat_deg))
    throw InputError(where + ": coordinate is not a finite number");
  if (v.lat_deg < -90 || v.lat_deg > 90)
    throw InputError(fmt::format("{}: latitude {} is outside [-90, 90]", where, v.lat_deg));
  if (v.lon_deg < -180 || v.lon_deg > 180)
    throw InputError(fmt::format("{}: longitude {} is outside [-180, 180]", where, v.lon_deg));
  return v;
}

std::vector<LonLat> positions(const json& arr, const std::string& where) {
  if (!arr.is_array()) throw InputError(where + ": \"coordinates\" must be an array");
  std::vector<LonLat> out;
  for (std::size_t i = 0; i < arr.size(); ++i)
    out.push_back(position(arr[i], fmt::format("{}, position {}", where, i + 1)));
  return out;
}

// Calls fn(geometry, where) for every geometry of a bare geometry, Feature or FeatureCollection.
template <class Fn>
void for_each_geometry(const json& doc, const std::string& name, Fn fn) {
  if (!doc.is_object() || !doc.contains("type") || !doc["type"].is_string())
    throw InputError(name + ": not a GeoJSON object (no \"type\")");
  const std::string type = doc["type"];
  if (type == "FeatureCollection") {
    if (!doc.contains("features") || !doc["features"].is_array())
      throw InputError(name + ": FeatureCollection without a \"features\" array");
    const auto& fs = doc["features"];
    if (fs.empty()) throw InputError(name + ": FeatureCollection has no features");
    for (std::size_t i = 0; i < fs.size(); ++i) {
      const std::string where = fmt::format("{}: feature {}", name, i + 1);
      if (!fs[i].is_object() || !fs[i].contains("geometry") || !fs[i]["geometry"].is_object())
        throw InputError(where + ": no geometry");
      fn(fs[i]["geometry"], where);
    }
  } else if (type == "Feature") {
    if (!doc.contains("geometry") || !doc["geometry"].is_object())
      throw InputError(name + ": Feature without a geometry");
    fn(doc["geometry"], name);
  } else {
    fn(doc, name);
  }
}

std::string geometry_type(const json& g, const std::string& where) {
  if (!g.contains("type") || !g["type"].is_string()) throw InputError(where + ": geometry without \"type\"");
  if (!g.contains("coordinates")) throw InputError(where + ": geometry without \"coordinates\"");
  return g["type"];
}

}  // namespace

MultiLine parse_line(const std::string& text, const std::string& name) {
  const json doc = io::parse_json(text, name);
  MultiLine line;
  // Each line is validated where it is read, so that messages name its place in the file.
  auto add = [&](const json& coords, const std::string& where) {
    std::vector<LonLat> part = positions(coords, where);
    try {
      part = validated(MultiLine{{part}}).parts[0];
    } catch (const GeometryError& e) {
      std::string what = e.what();  // "part 1: ..." or "part 1, vertex N: ..."
      if (what.rfind("part 1: ", 0) == 0) what = what.substr(8);
      else if (what.rfind("part 1, vertex ", 0) == 0) what = "position " + what.substr(15);
      throw InputError(where + ": " + what);
    }
    line.parts.push_back(std::move(part));
  };
  for_each_geometry(doc, name, [&](const json& g, const std::string& where) {
    const std::string type = geometry_type(g, where);
    if (type == "LineString") {
      add(g["coordinates"], where);
    } else if (type == "MultiLineString") {
      if (!g["coordinates"].is_array()) throw InputError(where + ": \"coordinates\" must be an array");
      for (std::size_t i = 0; i < g["coordinates"].size(); ++i)
        add(g["coordinates"][i], fmt::format("{}, line {}", where, i + 1));
    } else {
      throw InputError(fmt::format("{}: geometry type {} is not a LineString or MultiLineString", where, type));
    }
  });
  try {
    return validated(line);
  } catch (const GeometryError& e) {
    throw InputError(fmt::format("{}: {}", name, e.what()));
  }
}

MultiLine read_line(const std::string& path) { return parse_line(io::read_text(path), path); }

std::vector<Polygon> parse_area(const std::string& text, const std::string& name) {
  const json doc = io::parse_json(text, name);
  std::vector<Polygon> out;
  auto polygon = [&](const json& rings, const std::string& where) {
    if (!rings.is_array() || rings.empty()) throw InputError(where + ": a polygon needs at least one ring");
    Polygon poly;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      const std::string rw = fmt::format("{}, ring {}", where, r + 1);
      Ring ring = positions(rings[r], rw);
      if (ring.size() < 4) throw InputError(rw + ": a ring needs at least 4 positions");
      if (ring.front().lon_deg != ring.back().lon_deg || ring.front().lat_deg != ring.back().lat_deg)
        throw InputError(rw + ": ring is not closed (first and last positions differ)");
      poly.push_back(std::move(ring));
    }
    out.push_back(std::move(poly));
  };
  for_each_geometry(doc, name, [&](const json& g, const std::string& where) {
    const std::string type = geometry_type(g, where);
    if (type == "Polygon") {
      polygon(g["coordinates"], where);
    } else if (type == "MultiPolygon") {
      if (!g["coordinates"].is_array()) throw InputError(where + ": \"coordinates\" must be an array");
      for (std::size_t i = 0; i < g["coordinates"].size(); ++i)
        polygon(g["coordinates"][i], fmt::format("{}, polygon {}", where, i + 1));
    } else {
      throw InputError(fmt::format("{}: geometry type {} is not a Polygon or MultiPolygon", where, type));
    }
  });
  return out;
}

std::vector<Polygon> read_area(const std::string& path) { return parse_area(io::read_text(path), path); }

std::string zone_feature_collection(const Zone& zone, const std::map<std::string, std::string>& properties) {
  std::string out = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{";
  bool first = true;
  for (const auto& [k, v] : properties) {
    if (!first) out += ',';
    first = false;
    out += json(k).dump() + ":" + v;
  }
  out += "},\"geometry\":{";
  const bool multi = zone.polygons.size() != 1;
  out += multi ? "\"type\":\"MultiPolygon\",\"coordinates\":[" : "\"type\":\"Polygon\",\"coordinates\":";
  for (std::size_t p = 0; p < zone.polygons.size(); ++p) {
    if (p) out += ',';
    out += '[';
    for (std::size_t r = 0; r < zone.polygons[p].size(); ++r) {
      if (r) out += ',';
      out += "\n[";
      const auto& ring = zone.polygons[p][r];
      for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i) out += ',';
        out += fmt::format("[{:.9f},{:.9f}]", ring[i].lon_deg, ring[i].lat_deg);
      }
      out += ']';
    }
    out += ']';
  }
  if (multi) out += ']';
  out += "}}]}\n";
  return out;
}

nlohmann::json line_geometry(const MultiLine& m) {
  using nlohmann::json;
  json coords = json::array();
  for (const auto& part : m.parts) {
    json c = json::array();
    for (const auto& v : part) c.push_back({v.lon_deg, v.lat_deg});
    coords.push_back(c);
  }
  if (coords.size() == 1) return {{"type", "LineString"}, {"coordinates", coords[0]}};
  return {{"type", "MultiLineString"}, {"coordinates", coords}};
}

nlohmann::json polygon_geometry(const Zone& z) {
  using nlohmann::json;
  json polys = json::array();
  for (const auto& p : z.polygons) {
    json rings = json::array();
    for (const auto& r : p) {
      json c = json::array();
      for (const auto& v : r) c.push_back({std::round(v.lon_deg * 1e9) / 1e9, std::round(v.lat_deg * 1e9) / 1e9});
      rings.push_back(c);
    }
    polys.push_back(rings);
  }
  if (polys.size() == 1) return {{"type", "Polygon"}, {"coordinates", polys[0]}};
  return {{"type", "MultiPolygon"}, {"coordinates", polys}};
}

}  // namespace truceline::geo
