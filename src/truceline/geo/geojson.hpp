// GeoJSON (RFC 7946) reading and writing for lines, areas and zones.
// Readers throw truceline::InputError with "FILE:LINE:COLUMN: message" for malformed JSON and
// "FILE: feature N: message" for wrong geometry, so the user can find the place.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "truceline/error.hpp"
#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

// A LineString or MultiLineString: bare geometry, Feature, or FeatureCollection of line
// features (all merged into one MultiLine, in order). Coordinates are range-checked and the
// line validated (>= 2 distinct vertices per part).
MultiLine read_line(const std::string& path);
MultiLine parse_line(const std::string& text, const std::string& name);

// A Polygon or MultiPolygon, bare, as a Feature or a FeatureCollection (merged).
std::vector<Polygon> read_area(const std::string& path);
std::vector<Polygon> parse_area(const std::string& text, const std::string& name);

// A FeatureCollection holding one Feature with the zone as Polygon or MultiPolygon.
// `properties` are written as given (already JSON-encoded values), in key order.
// Coordinates with 9 decimals (1e-9 degree is 0.1 mm).
std::string zone_feature_collection(const Zone& zone, const std::map<std::string, std::string>& properties);

// GeoJSON geometries as `truceline map` writes them (and GET /v1/app/layers): a LineString
// (one part) or MultiLineString, coordinates as stored; a Polygon (one polygon) or
// MultiPolygon, coordinates rounded to 1e-9 degree.
nlohmann::json line_geometry(const MultiLine& m);
nlohmann::json polygon_geometry(const Zone& z);

}  // namespace truceline::geo
