// Importers: what the readers share (the CSV header and row checks), the formats, open_reader(),
// and the explanation of a file that gives nothing. The readers are one file each:
// import_jsonl.cpp, import_csv.cpp, import_geojson.cpp, import_acled.cpp; format detection is
// import_detect.cpp; CSV syntax is the shared reader io/csv.hpp. See importers.hpp and
// docs/importers.md.
#include "truceline/store/importers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "truceline/error.hpp"
#include "truceline/io/text.hpp"
#include "truceline/store/detail/importers.hpp"
#include "truceline/text.hpp"

namespace truceline::store {

using nlohmann::json;

namespace detail {


std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_with_bom(std::string_view s) { return s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF"; }

// The header, checked for the wrong delimiter; the problem as a value (try_open_reader).
std::optional<std::string> read_header(io::CsvReader& parser, const char* what, io::CsvRecord& rec,
                                       std::vector<std::string>& names) {
  if (!parser.next(rec)) return fmt::format("empty file: expected a {} header line", what);
  if (rec.error != io::CsvError::none) return fmt::format("line {}: header: {}", rec.line, io::describe(rec));
  if (rec.length > kMaxRecord) return fmt::format("line {}: header longer than 1 MiB", rec.line);
  if (!valid_utf8(rec.raw)) return fmt::format("line {}: header: invalid UTF-8", rec.line);
  if (rec.fields.size() == 1) {
    const std::string& h = rec.fields[0];
    for (const char d : {';', '\t', ',', '|'}) {
      if (d == parser.delimiter() || h.find(d) == std::string::npos) continue;
      const std::string option = delimiter_option(d);
      return fmt::format("wrong delimiter: the header is one column containing {} characters; {}: "
                         "read it with --delimiter {}",
                         d == '\t' ? "tab" : option,
                         parser.delimiter() == ','
                             ? "truceline reads comma-separated CSV (RFC 4180) unless told otherwise"
                             : fmt::format("--delimiter {} was given", delimiter_option(parser.delimiter())),
                         option);
    }
  }
  names.clear();
  names.reserve(rec.fields.size());
  for (auto& f : rec.fields) names.emplace_back(trim(f));
  return std::nullopt;
}

// A row's problem common to every CSV-based format, or "".
std::string record_problem(const io::CsvRecord& rec, std::size_t columns) {
  if (rec.length > kMaxRecord) return fmt::format("record of {} bytes is longer than 1 MiB", rec.length);
  if (rec.error != io::CsvError::none) return io::describe(rec);
  if (!valid_utf8(rec.raw)) return "invalid UTF-8";
  if (rec.fields.size() != columns)
    return fmt::format("row has {} field{}, the header has {}", rec.fields.size(), rec.fields.size() == 1 ? "" : "s",
                       columns);
  return "";
}

const std::set<std::string>& model_keys() {
  static const std::set<std::string> k{"id", "source_id", "observed_at", "time_precision", "reported_at", "lon",
                                       "lat", "place", "location_precision_m", "kind", "weapon_class",
                                       "weapon_count", "actor", "target", "fatalities", "injured", "explosions", "summary",
                                       "tags", "source", "reliability", "credibility", "supersedes"};
  return k;
}

json split_tags(std::string_view s) {
  json tags = json::array();
  while (true) {
    const auto semi = s.find(';');
    const std::string_view t = trim(s.substr(0, semi));
    if (!t.empty()) tags.push_back(std::string(t));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return tags;
}

std::string list_columns(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 40; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 40) out += fmt::format(", … ({} in all)", names.size());
  return out;
}

}  // namespace detail

using detail::list_columns;

std::optional<Format> parse_format(std::string_view name) {
  if (name == "jsonl") return Format::jsonl;
  if (name == "csv") return Format::csv;
  if (name == "geojson") return Format::geojson;
  if (name == "acled") return Format::acled;
  return std::nullopt;
}

std::string format_name(Format format) {
  switch (format) {
    case Format::jsonl: return "jsonl";
    case Format::csv: return "csv";
    case Format::geojson: return "geojson";
    case Format::acled: return "acled";
  }
  return "jsonl";
}

OpenedReader try_open_reader(Format format, std::istream& in, const ReaderOptions& options) {
  switch (format) {
    case Format::jsonl: return {detail::make_jsonl_reader(in, options), {}, false};
    case Format::csv: return detail::make_csv_reader(in, options);
    case Format::geojson: return {detail::make_geojson_reader(in, options), {}, false};
    case Format::acled: return detail::make_acled_reader(in, options);
  }
  return {detail::make_jsonl_reader(in, options), {}, false};
}

std::unique_ptr<RowReader> open_reader(Format format, std::istream& in, const ReaderOptions& options) {
  OpenedReader opened = try_open_reader(format, in, options);
  if (!opened.reader) {
    if (opened.usage) throw UsageError(opened.problem);
    throw InputError(opened.problem);
  }
  return std::move(opened.reader);
}

std::optional<char> parse_delimiter(std::string_view text) {
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text.size() != 1 || text[0] == '"' || text[0] == '\n' || text[0] == '\r' || text[0] == '\0') return std::nullopt;
  return text[0];
}

std::string delimiter_option(char delimiter) {
  if (delimiter == '\t') return "tab";
  return fmt::format("'{}'", delimiter);
}

// ---------------------------------------------------------------------------------------------
// Files that give nothing

namespace {

// A reason with its quoted values elided, so rows rejected for the same cause group together.
std::string reason_key(const std::string& reason) {
  std::string key;
  key.reserve(reason.size() + 8);  // one allocation, mostly ("'…'" stands for each quoted value)
  bool quoted = false;
  for (const char c : reason) {
    if (c == '\'') {
      if (!quoted) key += "'…'";
      quoted = !quoted;
    } else if (!quoted) {
      key += c;
    }
  }
  return quoted ? reason : key;
}

// A column name as a shell word: quoted unless plain.
std::string shell_word(const std::string& s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
  });
  if (plain) return s;
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The first column whose name contains one of `words` (case-insensitive), or "".
// `lowered`: the same columns lower-cased.
std::string column_like(const std::vector<std::string>& columns, const std::vector<std::string>& lowered,
                        std::initializer_list<const char*> words) {
  for (const char* w : words)
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (lowered[i].find(w) != std::string::npos) return columns[i];
  return "";
}

}  // namespace

void RowTally::add(const RawRow& row) {
  ++rows_;
  if (!row.outcome.report) add_rejection(row.number, row.raw, row.outcome.error);
}

void RowTally::add_rejection(std::size_t number, const std::string& raw, const std::string& reason) {
  ++rejected_;
  constexpr std::size_t kSample = std::size_t{1} << 16;
  if (reason == "invalid UTF-8") {
    ++not_utf8_;
    if (sample_.size() < kSample) {
      sample_.append(raw, 0, kSample - sample_.size());
      sample_ += '\n';
    }
  }
  const std::string key = reason_key(reason);
  auto [it, inserted] = by_key_.try_emplace(key);
  if (inserted) {
    it->second.example = reason;
    it->second.first_row = number;
    order_.push_back(&it->first);
  }
  ++it->second.count;
}

std::vector<RowTally::Reason> RowTally::reasons() const {
  std::vector<Reason> out;
  out.reserve(order_.size());
  for (const std::string* key : order_) out.push_back(by_key_.at(*key));
  std::stable_sort(out.begin(), out.end(), [](const Reason& a, const Reason& b) { return a.count > b.count; });
  return out;
}

std::vector<std::string> explain_empty_import(const RowReader& reader, const RowTally& tally, bool encoding_given) {
  std::vector<std::string> lines;
  const std::vector<std::string>& columns = reader.columns();
  const bool csv = reader.format() == "csv";
  const auto reasons = tally.reasons();
  if (tally.rows() == 0) {
    lines.push_back(csv ? "no rows: the file has a header and nothing else"
                        : reader.format() == "geojson" ? "no rows: the FeatureCollection has no features"
                                                       : "no rows: the file is empty");
  } else {
    const char* unit = reader.format() == "geojson" ? "feature" : "line";
    std::string cause = tally.rows() == 1 ? "its only row was rejected: " : fmt::format("all {} rows were rejected: ", tally.rows());
    for (std::size_t i = 0; i < reasons.size() && i < 3; ++i) {
      const auto& r = reasons[i];
      cause += fmt::format("{}{}{} ({}{} {})", i ? "; " : "", tally.rows() > 1 ? fmt::format("{} × ", r.count) : "",
                           r.example, r.count > 1 ? "first on " : "", unit, r.first_row);
    }
    if (reasons.size() > 3) cause += fmt::format("; and {} other reasons", reasons.size() - 3);
    lines.push_back(cause);
  }
  if (tally.not_utf8() > 0 && !encoding_given) lines.push_back(io::encoding_advice(tally.not_utf8_sample()));
  const std::vector<std::string>& missing = reader.missing_fields();
  if (!missing.empty() && !columns.empty()) {
    std::vector<std::string> lowered;
    lowered.reserve(columns.size());
    for (const auto& c : columns) lowered.push_back(ascii_lower(c));
    std::string m;
    for (const auto& f : missing) m += (m.empty() ? "" : ", ") + f;
    std::string example;
    auto add = [&](const std::string& field, const std::string& column) {
      example += fmt::format("{}--map {}={}", example.empty() ? "" : " ", field, column.empty() ? "COLUMN" : shell_word(column));
    };
    bool source_missing = false;
    for (const auto& f : missing) {
      if (f == "observed_at") add(f, column_like(columns, lowered, {"date", "time", "when"}));
      else if (f == "kind") add(f, column_like(columns, lowered, {"kind", "categor", "type", "event"}));
      else if (f == "source.name") source_missing = true;
      else if (const std::string place = column_like(columns, lowered, {"place", "location", "village", "town", "city", "locality", "site"});
               !place.empty())
        add("place", place);
      else
        add("lon", column_like(columns, lowered, {"longitude", "lon", "lng"})), add("lat", column_like(columns, lowered, {"latitude", "lat"}));
    }
    if (source_missing) {
      const std::string src = column_like(columns, lowered, {"source", "reporter", "outlet", "author", "organi"});
      if (!src.empty()) add("source", src);
      example += src.empty() ? " --source NAME" : " (or --source NAME: one source for every row)";
    }
    lines.push_back(fmt::format("the header has no column for {} (columns: {}); map them, e.g. {}", m,
                                list_columns(columns), example));
  } else if (std::any_of(reasons.begin(), reasons.end(),
                         [](const RowTally::Reason& r) { return r.example == "missing source.name"; })) {
    lines.push_back("rows without a source: name it with --source NAME");
  }
  return lines;
}

}  // namespace truceline::store
