// Internal to the importers (store/import_*.cpp, store/importers.cpp): the readers' factories
// and what the CSV-based readers (CSV, ACLED) share. Not part of the public interface
// (store/importers.hpp).
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/io/csv.hpp"
#include "truceline/store/importers.hpp"
#include "truceline/text.hpp"

namespace truceline::store::detail {

constexpr std::size_t kMaxRecord = std::size_t{1} << 20;  // 1 MiB, as for a JSONL line

// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);
bool starts_with_bom(std::string_view s);

// The readers, one file each (import_jsonl.cpp, import_csv.cpp, import_geojson.cpp,
// import_acled.cpp). Each throws InputError (UsageError for a --map) as open_reader() says.
std::unique_ptr<RowReader> make_jsonl_reader(std::istream& in, const ReaderOptions& options);
std::unique_ptr<RowReader> make_geojson_reader(std::istream& in, const ReaderOptions& options);
// CSV and ACLED return their file-level problems (try_open_reader) instead of throwing them.
OpenedReader make_csv_reader(std::istream& in, const ReaderOptions& options);
OpenedReader make_acled_reader(std::istream& in, const ReaderOptions& options);

// CSV-based formats (importers.cpp).
// The header's names (trimmed) into `names`, checked for the wrong delimiter (a header of one
// column that contains another delimiter); the problem (the message of the InputError that
// open_reader throws for it) or nullopt. `what`: "CSV", "ACLED CSV". The header is read into
// `rec`: pass the record the rows will be read into (its buffers are then reused).
std::optional<std::string> read_header(io::CsvReader& parser, const char* what, io::CsvRecord& rec,
                                       std::vector<std::string>& names);
// A row's problem common to every CSV-based format (too long, a syntax error, invalid UTF-8,
// the wrong number of fields), or "".
std::string record_problem(const io::CsvRecord& rec, std::size_t columns);
// "a, b, c" (at most 40, then "… (N in all)"); append_columns appends it to `out`.
std::string list_columns(const std::vector<std::string>& names);
void append_columns(std::string& out, const std::vector<std::string>& names);
// "a; b ;c" -> ["a", "b", "c"] (empty ones dropped); the second form appends views of `s`.
nlohmann::json split_tags(std::string_view s);
void split_tags(std::string_view s, std::vector<std::string_view>& tags);
// The report model's own top-level keys (report-format.md).
const std::set<std::string>& model_keys();

}  // namespace truceline::store::detail
