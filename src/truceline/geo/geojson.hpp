// GeoJSON (RFC 7946) reading and writing for lines, areas and zones.
// Readers throw truceline::InputError with "FILE:LINE:COLUMN: message" for malformed JSON and
// "FILE: feature N: message" for wrong geometry, so the user can find the place.
#pragma once

#include <fstream>
#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "truceline/error.hpp"
#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::geo {

// Reads the whole file ("-" = stdin). Throws InputError when it cannot be read.
std::string read_text(const std::string& path);

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

// An output that is never half-written: a file is written to PATH.tmp-PID in the same
// directory and renamed over PATH by commit(); if commit() is not reached (an error, an
// exception) the temporary file is removed. "-" or "" is `stdout_stream`, written directly.
// Throws InputError ("PATH: cannot write: reason") when the file cannot be written.
class AtomicOutput {
 public:
  AtomicOutput(const std::string& path, std::ostream& stdout_stream);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  std::ostream& stream() { return to_file_ ? static_cast<std::ostream&>(file_) : stdout_; }
  void commit();

 private:
  std::string path_, tmp_;
  bool to_file_ = false, committed_ = false;
  std::ofstream file_;
  std::ostream& stdout_;
};

// Writes `content` through an AtomicOutput.
void write_file_atomic(const std::string& path, const std::string& content, std::ostream& stdout_stream);

// Parses JSON; a syntax error becomes InputError "NAME:LINE:COLUMN: invalid JSON: reason",
// the column being where the offending token starts.
nlohmann::json parse_json(const std::string& text, const std::string& name);

// Throws InputError "PATH: cannot read: Is a directory" when path names a directory.
void reject_directory(const std::string& path);

// "line 3, column 14" from a byte offset into text.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte_offset);

}  // namespace truceline::geo
