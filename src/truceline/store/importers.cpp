// Importers: what the readers share (the CSV header and row checks), the formats, open_reader(),
// and the explanation of a file that gives nothing. The readers are one file each:
// import_jsonl.cpp, import_csv.cpp, import_geojson.cpp, import_acled.cpp; format detection is
// import_detect.cpp; CSV syntax is the shared reader io/csv.hpp. See importers.hpp and
// docs/importers.md.
#include "truceline/store/importers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

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

void split_tags(std::string_view s, std::vector<std::string_view>& tags) {
  while (true) {
    const auto semi = s.find(';');
    const std::string_view t = trim(s.substr(0, semi));
    if (!t.empty()) tags.push_back(t);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
}

json split_tags(std::string_view s) {
  std::vector<std::string_view> views;
  split_tags(s, views);
  json tags = json::array();
  for (const auto t : views) tags.push_back(std::string(t));
  return tags;
}

void append_columns(std::string& out, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size() && i < 40; ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  if (names.size() > 40) fmt::format_to(std::back_inserter(out), ", … ({} in all)", names.size());
}

std::string list_columns(const std::vector<std::string>& names) {
  std::string out;
  append_columns(out, names);
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

// A reason with its quoted values elided, so rows rejected for the same cause group together:
// the reason itself when it quotes nothing (or leaves a quote open), else `scratch`, rebuilt
// (a reused buffer: no allocation per row).
const std::string& reason_key(const std::string& reason, std::string& scratch) {
  if (reason.find('\'') == std::string::npos) return reason;
  scratch.clear();
  bool quoted = false;
  for (const char c : reason) {
    if (c == '\'') {
      if (!quoted) scratch += "'…'";
      quoted = !quoted;
    } else if (!quoted) {
      scratch += c;
    }
  }
  return quoted ? reason : scratch;
}

// A column name as a shell word, appended to `out`: quoted unless plain.
void append_shell_word(std::string& out, const std::string& s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
  });
  if (plain) {
    out += s;
    return;
  }
  out += '\'';
  for (const char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  out += '\'';
}

// The first column whose name contains one of `words` (lower-case ASCII; case-insensitive),
// or nullptr: the first word any column has, and the first column with it. Each name is
// lower-cased once, on the stack (a long one into `long_name`, a buffer reused from call to call).
const std::string* column_like(const std::vector<std::string>& columns, std::initializer_list<const char*> words,
                               std::string& long_name) {
  const std::string* best = nullptr;
  std::size_t best_word = words.size();
  char small[64];
  for (const auto& c : columns) {
    char* p = small;
    if (c.size() > sizeof small) {
      long_name.resize(c.size());
      p = long_name.data();
    }
    for (std::size_t i = 0; i < c.size(); ++i) {
      const char ch = c[i];
      p[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    const std::string_view lowered(p, c.size());
    std::size_t k = 0;
    for (const char* w : words) {
      if (k >= best_word) break;
      if (lowered.find(w) != std::string_view::npos) {
        best_word = k;
        best = &c;
        break;
      }
      ++k;
    }
    if (best_word == 0) break;
  }
  return best;
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
  // A reason seen before costs a lookup; a new one its group (and its key, and its example when
  // that is not the key).
  const std::string& key = reason_key(reason, key_);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) {
    it = by_key_.emplace(key, Group{&key == &reason ? std::string() : reason, 0, number}).first;
    if (order_.empty()) order_.reserve(4);
    order_.push_back(&*it);
  }
  ++it->second.count;
}

template <class F>
void RowTally::each_reason(std::size_t limit, F f) const {
  // reasons() sorts stably by count, most first: its i-th is the i-th largest (count, earliest).
  const std::size_t n = std::min({limit, order_.size(), std::size_t{3}});
  std::size_t taken[3] = {};
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t best = order_.size();
    for (std::size_t i = 0; i < order_.size(); ++i) {
      if (std::find(taken, taken + k, i) != taken + k) continue;
      if (best == order_.size() || order_[i]->second.count > order_[best]->second.count) best = i;
    }
    taken[k] = best;
    const auto& g = *order_[best];
    f(example(g), g.second.count, g.second.first_row);
  }
}

std::vector<RowTally::Reason> RowTally::reasons() const {
  std::vector<Reason> out;
  out.reserve(order_.size());
  for (const auto* g : order_) out.push_back(Reason{example(*g), g->second.count, g->second.first_row});
  std::stable_sort(out.begin(), out.end(), [](const Reason& a, const Reason& b) { return a.count > b.count; });
  return out;
}

std::vector<std::string> explain_empty_import(const RowReader& reader, const RowTally& tally, bool encoding_given) {
  // Built in place (this runs for every file that gives nothing: each line is one string,
  // appended to; no reason, column or lower-cased name is copied).
  std::vector<std::string> lines;
  lines.reserve(3);  // the cause, the encoding, the columns (or the source)
  const std::vector<std::string>& columns = reader.columns();
  const std::string format = reader.format();
  const bool csv = format == "csv";
  if (tally.rows() == 0) {
    lines.emplace_back(csv ? "no rows: the file has a header and nothing else"
                           : format == "geojson" ? "no rows: the FeatureCollection has no features"
                                                 : "no rows: the file is empty");
  } else {
    const char* unit = format == "geojson" ? "feature" : "line";
    std::string cause;
    cause.reserve(256);
    auto out = std::back_inserter(cause);
    if (tally.rows() == 1) cause += "its only row was rejected: ";
    else fmt::format_to(out, "all {} rows were rejected: ", tally.rows());
    std::size_t i = 0;
    tally.each_reason(3, [&](const std::string& example, std::size_t count, std::size_t first_row) {
      if (i++) cause += "; ";
      if (tally.rows() > 1) fmt::format_to(out, "{} × ", count);
      fmt::format_to(out, "{} ({}{} {})", example, count > 1 ? "first on " : "", unit, first_row);
    });
    if (tally.order_.size() > 3) fmt::format_to(out, "; and {} other reasons", tally.order_.size() - 3);
    lines.push_back(std::move(cause));
  }
  if (tally.not_utf8() > 0 && !encoding_given) lines.push_back(io::encoding_advice(tally.not_utf8_sample()));
  const std::vector<std::string>& missing = reader.missing_fields();
  if (!missing.empty() && !columns.empty()) {
    // "the header has no column for M (columns: C); map them, e.g. EXAMPLE"
    std::string line;
    line.reserve(512);
    line += "the header has no column for ";
    for (std::size_t k = 0; k < missing.size(); ++k) {
      if (k) line += ", ";
      line += missing[k];
    }
    line += " (columns: ";
    detail::append_columns(line, columns);
    line += "); map them, e.g. ";
    const std::size_t example_start = line.size();
    auto add = [&](const char* field, const std::string* column) {
      if (line.size() > example_start) line += ' ';
      line += "--map ";
      line += field;
      line += '=';
      if (column && !column->empty()) append_shell_word(line, *column);
      else line += "COLUMN";
    };
    bool source_missing = false;
    std::string lowered;  // column_like's buffer
    for (const auto& f : missing) {
      if (f == "observed_at") add("observed_at", column_like(columns, {"date", "time", "when"}, lowered));
      else if (f == "kind") add("kind", column_like(columns, {"kind", "categor", "type", "event"}, lowered));
      else if (f == "source.name") source_missing = true;
      else if (const std::string* place =
                   column_like(columns, {"place", "location", "village", "town", "city", "locality", "site"}, lowered);
               place && !place->empty())
        add("place", place);
      else
        add("lon", column_like(columns, {"longitude", "lon", "lng"}, lowered)),
            add("lat", column_like(columns, {"latitude", "lat"}, lowered));
    }
    if (source_missing) {
      const std::string* src = column_like(columns, {"source", "reporter", "outlet", "author", "organi"}, lowered);
      const bool found = src && !src->empty();
      if (found) add("source", src);
      line += found ? " (or --source NAME: one source for every row)" : " --source NAME";
    }
    lines.push_back(std::move(line));
  } else if (std::any_of(tally.order_.begin(), tally.order_.end(),
                         [](const auto* g) { return RowTally::example(*g) == "missing source.name"; })) {
    lines.emplace_back("rows without a source: name it with --source NAME");
  }
  return lines;
}

}  // namespace truceline::store
