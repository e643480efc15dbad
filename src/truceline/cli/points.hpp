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

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/geo/polyline.hpp"

namespace truceline::cli {

struct PointRow {
  // The id, and lon and lat as written in the input (echoed in the output): views of `texts`,
  // valid until the row is next written (copies and moves of the row carry their own).
  std::string_view id() const { return view(id_at, id_len); }
  std::string_view lon_text() const { return view(lon_at, lon_len); }
  std::string_view lat_text() const { return view(lat_at, lat_len); }
  // The three texts copied into the row; id_plain says whether the id needs no CSV quoting.
  void set_texts(std::string_view id, std::string_view lon, std::string_view lat);
  // true: the id holds no comma, quote, CR or LF (written as it is in a CSV field).
  bool id_plain = true;
  geo::LonLat p;
  std::size_t line = 0;  // line in the file (header = line 1) or feature number
  std::string error;     // non-empty: the row is bad, with the reason

  // Storage of the texts (filled by the readers): a buffer that only grows, so that a row
  // reused from batch to batch copies its record's bytes with one memcpy and no allocation;
  // each text is at [at, at + len) of it (a CSV reader's fast path keeps the record whole and
  // points into it).
  std::string texts;
  std::uint32_t id_at = 0, id_len = 0, lon_at = 0, lon_len = 0, lat_at = 0, lat_len = 0;

 private:
  std::string_view view(std::uint32_t at, std::uint32_t len) const { return {texts.data() + at, len}; }
};

class PointReader {
 public:
  virtual ~PointReader() = default;
  // Next row; false at the end.
  virtual bool next(PointRow& row) = 0;
  // Up to n rows into rows[0..n), as n calls of next() would read them, stopping after a bad
  // row (so that nothing past it is read before the caller has seen it); how many (0 at the
  // end). One virtual call for many rows: CsvReader reads its records in one loop.
  virtual std::size_t next_rows(PointRow* rows, std::size_t n) {
    std::size_t k = 0;
    while (k < n && next(rows[k]))
      if (!rows[k++].error.empty()) break;
    return k;
  }
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
