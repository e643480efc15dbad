// Importers (docs/importers.md): JSON Lines, CSV, GeoJSON and ACLED exports, turned into a
// stream of rows, each a normalized Report or the reason it is quarantined.
//
// Every reader builds a JSON object per row and hands it to report_from_json(), so validation
// lives in one place (report.cpp). Problems with a single row (wrong field count, broken
// JSON, a non-Point feature, an ACLED date that is not a date) are quarantined rows, never
// exceptions; problems with the file as a whole (no header, wrong delimiter, not a
// FeatureCollection, not an ACLED header, a --map naming a missing column) throw InputError
// from open_reader().
//
// JSONL, CSV and ACLED stream: one record in memory at a time, records over 1 MiB are
// quarantined (their raw text truncated to 1 MiB). GeoJSON is read whole.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "truceline/store/report.hpp"

namespace truceline::store {

struct RawRow {
  // Line in the file where the record starts (header = line 1), or feature number (from 1).
  std::size_t number = 0;
  // The original text: the line (JSONL), the record's text without its line break (CSV,
  // ACLED), the feature's JSON (GeoJSON).
  std::string raw;
  RowOutcome outcome;
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // The next row; false at the end of the input.
  virtual bool next(RawRow& row) = 0;
  // "jsonl", "csv", "geojson", "acled" (recorded as the batch's importer).
  virtual std::string format() const = 0;
};

enum class Format { jsonl, csv, geojson, acled };

// "jsonl", "csv", "geojson", "acled"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);
std::string format_name(Format format);

// By content first, then by extension (docs/importers.md): after a BOM and white space, '{'
// is GeoJSON when the bytes name "type": "FeatureCollection" (or the file ends in .geojson),
// JSONL otherwise; a first line whose fields include event_id_cnty / data_id /
// EVENT_ID_CNTY is ACLED; any other text is CSV. Empty content: .csv -> csv, .geojson /
// .json -> geojson, anything else -> jsonl.
Format detect_format(const std::string& path, const std::string& first_bytes);

// A reader over `in` (which must outlive it). `csv_map` holds `--map FIELD=COLUMN` pairs
// (CSV only, ignored for the other formats; FIELD is a report field name, see
// docs/importers.md). Throws InputError for a file that cannot be read as that format at all
// (see above).
std::unique_ptr<RowReader> open_reader(Format format, std::istream& in,
                                       const std::vector<std::pair<std::string, std::string>>& csv_map = {});

// The CSV fields a column can map to, in documented order (observed_at … source_id).
const std::vector<std::string>& csv_fields();

// ACLED: a date as written in any of its layouts (2018-10-12, 12 October 2018, 12-Oct-2018,
// 12/10/2018 = dd/mm/yyyy) -> "YYYY-MM-DD"; nullopt if it is not a valid date.
std::optional<std::string> acled_date(std::string_view text);

// ACLED: the kind (and tags) for an event type and sub-event type (case-insensitive); the
// table in docs/importers.md. An unknown type maps to "other".
struct AcledKind {
  std::string kind;
  std::vector<std::string> tags;
};
AcledKind acled_kind(std::string_view event_type, std::string_view sub_event_type);

}  // namespace truceline::store
