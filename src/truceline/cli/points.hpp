// Streaming readers for point files given to `truceline locate`:
//  - CSV (RFC 4180, read by the shared reader io/csv.hpp: quoted fields, "" escapes, CRLF or a
//    bare CR, embedded line breaks, a BOM; records over 1 MiB are bad rows): header with `lon` and `lat` columns
//    (also `longitude`/`latitude`, any case), optional `id` (otherwise the 1-based row number);
//  - GeoJSON FeatureCollection of Points: id from the feature "id" or the property "id",
//    otherwise the 1-based feature number. Both stream in bounded memory (GeoJSON: docs/cli.md).
// A bad row is returned as a value (PointRow::error) so that the caller can stop or skip it;
// errors that make the whole file unusable throw truceline::InputError.
#pragma once

#include "truceline/text.hpp"

#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::cli {

struct PointRow {
  std::string id;
  std::string lon_text, lat_text;  // as written in the input (echoed in the output)
  geo::LonLat p;
  std::size_t line = 0;  // line in the file (header = line 1) or feature number
  std::string error;     // non-empty: the row is bad, with the reason
};

class PointReader {
 public:
  virtual ~PointReader() = default;
  // Next row; false at the end.
  virtual bool next(PointRow& row) = 0;
  // "line 17" or "feature 3" for messages.
  virtual std::string place(const PointRow& row) const = 0;
};

// Opens `path` ("-" = stdin) and detects the format from the first non-blank byte
// ('{' = GeoJSON, anything else = CSV). `name` is used in messages.
// CSV records without a quote or a CR are split in place by a fast path (the same rows and
// errors as the general reader, which reads every other record); `csv_fast_path = false` reads
// all through the general reader (for the tests that compare the two).
std::unique_ptr<PointReader> open_points(const std::string& path, std::istream& stdin_stream,
                                         bool csv_fast_path = true);

// Quotes a field for CSV output when needed (truceline/text.hpp).
using truceline::csv_field;

}  // namespace truceline::cli
