// Importers (docs/importers.md): JSON Lines, CSV, GeoJSON and ACLED exports, turned into a
// stream of rows, each a normalized Report or the reason it is quarantined.
//
// Validation lives in one place (record.cpp): the JSONL and GeoJSON readers hand each row's
// JSON object to report_from_json(); the CSV and ACLED readers hand a flat ReportFields (views of
// the row's cells, no JSON object per row) to report_from_fields(), which reads it by the same
// rules, so the same values give the same report and the same error whatever the format. Problems with a single row (wrong field count, broken
// JSON, a non-Point feature, an ACLED date that is not a date) are quarantined rows, never
// exceptions; problems with the file as a whole (no header, wrong delimiter, not a
// FeatureCollection, not an ACLED header) throw InputError from open_reader(), and a --map
// that does not fit the header (an unknown field, a missing column) throws UsageError.
//
// Line ends: LF, CRLF, and a bare CR (old Mac OS and some Excel exports) each end a line.
//
// JSONL, CSV and ACLED stream: one record in memory at a time, records over 1 MiB are
// quarantined (their raw text truncated to 1 MiB). GeoJSON is read whole.
//
// Units: RawRow::number is a physical line (from 1, the header is line 1; CSV syntax is read by
// io/csv.hpp, which says how quoted line breaks count) or a feature number (from 1).
// Complexity: opening a reader is linear in the header (CSV: its columns); next() is linear in
// the row's bytes (a CSV row of n cells: its fields as views, its unknown columns into the
// report's extra fields, O(n log n) key comparisons). Memory: one row (plus a 512 B-64 KiB read buffer) for the streaming formats, the
// whole document for GeoJSON; what `ingest` keeps in flight is bounded in bytes too
// (store.cpp), so a wide CSV's memory is bounded by its row, not columns x rows. Errors: see above; a stream that fails to read ends the rows (the caller checks it);
// io::DecodeError (an InputError) comes through from a decoding stream (io/text.hpp).
// Thread safety: a reader is used by one thread at a time (ingest reads on its pipeline
// thread); distinct readers and every free function here are independent and thread-safe.
// The code: one file per importer (import_jsonl.cpp, import_csv.cpp, import_geojson.cpp,
// import_acled.cpp, import_detect.cpp), what they share in importers.cpp and detail/.
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "truceline/store/record.hpp"

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
  // CSV: the header's column names; empty for the other formats. (References, valid while the
  // reader lives: a copy costs an allocation per column, paid by every file explained.)
  virtual const std::vector<std::string>& columns() const { return none(); }
  // CSV: the required fields no column maps to ("observed_at", "kind", "lon/lat or place",
  // "source.name"), in that order; every row then lacks them. Empty for the other formats.
  virtual const std::vector<std::string>& missing_fields() const { return none(); }

 private:
  static const std::vector<std::string>& none() {
    static const std::vector<std::string> empty;
    return empty;
  }
};

// How to read a file beyond its format (the `ingest` options).
struct ReaderOptions {
  ReaderOptions() = default;
  ReaderOptions(std::vector<std::pair<std::string, std::string>> map) : csv_map(std::move(map)) {}  // NOLINT
  // `--map FIELD=COLUMN` pairs (CSV only, ignored for the other formats; FIELD is a report
  // field name, see docs/importers.md).
  std::vector<std::pair<std::string, std::string>> csv_map;
  // The CSV (and ACLED) field delimiter: ',' (RFC 4180), ';', '\t', '|', ...
  char delimiter = ',';
  // Time zone for naive date-times, default source name (report.hpp).
  ReadOptions report;
};

enum class Format { jsonl, csv, geojson, acled };

// "jsonl", "csv", "geojson", "acled"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);
std::string format_name(Format format);

// By content first, then by extension (docs/importers.md): after a BOM and white space, '{'
// is GeoJSON when the bytes name "type": "FeatureCollection" (or the file ends in .geojson),
// JSONL otherwise; a first line whose fields (split on `delimiter`) include event_id_cnty /
// data_id / EVENT_ID_CNTY is ACLED; any other text is CSV. Empty content: .csv -> csv,
// .geojson / .json -> geojson, anything else -> jsonl.
Format detect_format(const std::string& path, const std::string& first_bytes, char delimiter = ',');

// A reader over `in` (which must outlive it). Throws InputError for a file that cannot be read
// as that format at all, UsageError for a --map that does not fit its header (see above).
std::unique_ptr<RowReader> open_reader(Format format, std::istream& in, const ReaderOptions& options = {});

// open_reader() without the exception, for callers that open many unreadable inputs (the CSV
// fuzz target: about 40 % of its inputs fail at the header, and a thrown exception costs some
// 30-40 k instructions to throw and unwind). Either `reader` is set, or `problem` is the very
// message open_reader() throws, with `usage` telling UsageError (a --map that does not fit the
// header) from InputError. CSV and ACLED return every file-level problem so; JSONL and GeoJSON,
// and a read failure of `in` (e.g. io::DecodeError from a decoding stream), still throw.
struct OpenedReader {
  std::unique_ptr<RowReader> reader;
  std::string problem;
  bool usage = false;
};
OpenedReader try_open_reader(Format format, std::istream& in, const ReaderOptions& options = {});

// `--delimiter` as written: one character, or "tab" / "\t"; nullopt for anything else
// (several characters, a quote, a line break).
std::optional<char> parse_delimiter(std::string_view text);
// How a delimiter is written on the command line: "';'", "tab", "','".
std::string delimiter_option(char delimiter);

// What the rows of one file were rejected for, gathered while it is read: enough to explain
// a file that yielded no report at all, and to warn about a file partly in another encoding.
class RowTally {
 public:
  // Movable, not copyable (it keeps pointers to its map's keys).
  RowTally() = default;
  RowTally(const RowTally&) = delete;
  RowTally& operator=(const RowTally&) = delete;
  RowTally(RowTally&&) = default;
  RowTally& operator=(RowTally&&) = default;
  void add(const RawRow& row);  // every row, before its text is moved away
  // A row add() counted as good that was quarantined later (by the store).
  void add_rejection(std::size_t number, const std::string& raw, const std::string& reason);
  std::size_t rows() const { return rows_; }
  std::size_t rejected() const { return rejected_; }
  std::size_t not_utf8() const { return not_utf8_; }
  // The raw bytes of rows rejected as invalid UTF-8 (at most 64 KiB): the encoding guess's input.
  const std::string& not_utf8_sample() const { return sample_; }
  struct Reason {
    std::string example;           // the first row's reason, as written
    std::size_t count = 0, first_row = 0;
  };
  // Reasons grouped with their quoted values elided ("observed_at '…' has no UTC offset: …"),
  // most frequent first (ties: first seen first).
  std::vector<Reason> reasons() const;

 private:
  // explain_empty_import() reads the reasons in place (reasons() copies every one).
  friend std::vector<std::string> explain_empty_import(const RowReader&, const RowTally&, bool);
  // A group of reasons under its key (the reason with its quoted values elided). The example is
  // kept only where it differs from the key (a reason with quoted values): most reasons have
  // none, and a copy is an allocation per distinct reason.
  struct Group {
    std::string example;  // empty: the key itself
    std::size_t count = 0, first_row = 0;
  };
  using Groups = std::map<std::string, Group, std::less<>>;
  static const std::string& example(const Groups::value_type& g) {
    return g.second.example.empty() ? g.first : g.second.example;
  }
  // The groups in reasons() order, the first `limit` of them (at most 3 are asked for: a
  // selection, no sort and no copy).
  template <class F>
  void each_reason(std::size_t limit, F f) const;

  std::size_t rows_ = 0, rejected_ = 0, not_utf8_ = 0;
  std::string sample_;
  Groups by_key_;
  std::vector<const Groups::value_type*> order_;  // by_key_'s groups, first seen first
  std::string key_;  // scratch: a reason's key, built here (no allocation per row)
};

// Why a file gave no report (docs/importers.md, "Files that give nothing"): the first line is
// the cause ("no rows: the file is empty", "all 12 rows were rejected: 12 × invalid UTF-8
// (first on line 2)"), the next ones what to do (the likely encoding and --encoding; the
// columns found and a --map line; --tz for naive times; --delimiter). `encoding_given`: the
// file was read with --encoding (no encoding advice then).
std::vector<std::string> explain_empty_import(const RowReader& reader, const RowTally& tally, bool encoding_given);

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
