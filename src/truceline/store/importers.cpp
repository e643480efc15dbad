// Importers: JSON Lines, CSV (RFC 4180), GeoJSON FeatureCollections of Points, ACLED exports.
// See importers.hpp and docs/importers.md.
#include "truceline/store/importers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <set>

#include "truceline/error.hpp"
#include "truceline/io/text.hpp"

namespace truceline::store {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxRecord = std::size_t{1} << 20;  // 1 MiB, as for a JSONL line

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_with_bom(std::string_view s) { return s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF"; }

// A buffered byte source over an istream: bounded memory, fast scanning.
class ByteSource {
 public:
  // The buffer is not zero-filled: only the bytes read() stores are ever looked at.
  explicit ByteSource(std::istream& in) : in_(in), buf_(new char[kSize]) {}

  int get() {
    if (pos_ == len_ && !fill()) return EOF;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int peek() {
    if (pos_ == len_ && !fill()) return EOF;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // Skips a UTF-8 byte order mark at the current position.
  void skip_bom() {
    if (peek() != 0xEF) return;
    // The BOM is at the very start, so the whole of it is in the first buffer (or not there).
    if (len_ - pos_ >= 3 && std::memcmp(buf_.get() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
  }
  // Reads one line (without its end: "\n", "\r\n" or a bare "\r") keeping at most `limit`
  // bytes of it in `out`; `length` is the line's full length. False at the end of input with
  // nothing read.
  bool read_line(std::string& out, std::size_t limit, std::size_t& length) {
    out.clear();
    length = 0;
    bool any = false;
    for (;;) {
      if (pos_ == len_ && !fill()) break;
      any = true;
      const char* start = buf_.get() + pos_;
      const std::size_t avail = len_ - pos_;
      const void* nl = std::memchr(start, '\n', avail);
      std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : avail;
      // A CR before that ends the line too: CR LF is one line end, a bare CR (old Mac OS,
      // some Excel exports) is one as well.
      bool cr_at_end = false;
      if (const void* cr = std::memchr(start, '\r', n)) {
        const std::size_t k = static_cast<std::size_t>(static_cast<const char*>(cr) - start);
        if (k + 1 < n || !nl) {  // bare CR (or CR as the buffer's last byte: LF may follow)
          take(out, limit, length, start, k);
          pos_ += k + 1;
          cr_at_end = true;
        } else {  // CR LF
          take(out, limit, length, start, k);
          pos_ += n + 1;
          return true;
        }
      }
      if (cr_at_end) {
        if (peek() == '\n') ++pos_;
        return true;
      }
      take(out, limit, length, start, n);
      pos_ += n;
      if (nl) {
        ++pos_;
        break;
      }
    }
    return any;
  }

 private:
  static void take(std::string& out, std::size_t limit, std::size_t& length, const char* start, std::size_t n) {
    if (out.size() < limit) out.append(start, std::min(n, limit - out.size()));
    length += n;
  }
  bool fill() {
    if (!in_) return false;
    in_.read(buf_.get(), static_cast<std::streamsize>(kSize));
    len_ = static_cast<std::size_t>(in_.gcount());
    pos_ = 0;
    return len_ > 0;
  }
  static constexpr std::size_t kSize = std::size_t{1} << 16;
  std::istream& in_;
  std::unique_ptr<char[]> buf_;
  std::size_t pos_ = 0, len_ = 0;
};

// ---------------------------------------------------------------------------------------------
// JSON Lines

class JsonlReader final : public RowReader {
 public:
  JsonlReader(std::istream& in, const ReadOptions& options) : src_(in), read_(options) { src_.skip_bom(); }
  bool next(RawRow& row) override {
    std::size_t length = 0;
    for (;;) {
      if (!src_.read_line(row.raw, kMaxRecord + 1, length)) return false;
      ++line_;
      // A blank line holds nothing: skipped (it still counts for line numbers).
      if (length <= kMaxRecord && row.raw.find_first_not_of(" \t\r") == std::string::npos) continue;
      break;
    }
    row.number = line_;
    row.outcome = RowOutcome{};
    if (length > kMaxRecord) {
      row.raw.resize(kMaxRecord);
      row.outcome.error = fmt::format("line of {} bytes is longer than 1 MiB", length);
    } else {
      row.outcome = report_from_jsonl(row.raw, read_);
    }
    return true;
  }
  std::string format() const override { return "jsonl"; }

 private:
  ByteSource src_;
  ReadOptions read_;
  std::size_t line_ = 0;
};

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

struct CsvRecord {
  std::size_t line = 0;  // where it starts
  std::vector<std::string> fields;
  std::string raw;       // the record's text without its line break (at most kMaxRecord bytes)
  std::size_t length = 0;
  std::string error;     // a syntax error (the record is still consumed whole)
};

class CsvParser {
 public:
  CsvParser(std::istream& in, char delimiter) : src_(in), delimiter_(delimiter) { src_.skip_bom(); }
  char delimiter() const { return delimiter_; }

  // The next record, skipping blank lines; false at the end of input.
  bool next(CsvRecord& rec) {
    for (;;) {
      if (src_.peek() == EOF) return false;
      read(rec);
      if (rec.length == 0 && rec.error.empty()) continue;  // blank line
      return true;
    }
  }
  std::size_t line() const { return line_; }

 private:
  void keep(CsvRecord& rec, char c) {
    ++rec.length;
    if (rec.raw.size() < kMaxRecord) rec.raw.push_back(c);
  }
  void add(CsvRecord& rec, std::string& field, char c) {
    keep(rec, c);
    if (rec.length <= kMaxRecord) field.push_back(c);
  }

  void read(CsvRecord& rec) {
    rec.line = ++line_;
    rec.fields.clear();
    rec.raw.clear();
    rec.length = 0;
    rec.error.clear();
    std::string field;
    enum { start, unquoted, quoted, after_quote } state = start;
    std::size_t quote_line = 0;
    for (;;) {
      const int c = src_.get();
      if (c == EOF) {
        if (state == quoted)
          rec.error = fmt::format("unterminated quoted field (opened on line {})", quote_line);
        break;
      }
      if (state == quoted) {
        if (c == '"') {
          if (src_.peek() == '"') {
            src_.get();
            keep(rec, '"');
            add(rec, field, '"');
          } else {
            keep(rec, '"');
            state = after_quote;
          }
        } else {
          if (c == '\n' || (c == '\r' && src_.peek() != '\n')) ++line_;  // LF, CR LF, bare CR
          add(rec, field, static_cast<char>(c));
        }
        continue;
      }
      // Outside quotes: a line break (LF, CR LF, or a bare CR) ends the record.
      if (c == '\n') break;
      if (c == '\r') {
        if (src_.peek() == '\n') src_.get();
        break;
      }
      if (c == delimiter_) {
        keep(rec, delimiter_);
        rec.fields.push_back(std::move(field));
        field.clear();
        state = start;
        continue;
      }
      if (state == start && c == '"') {
        keep(rec, '"');
        state = quoted;
        quote_line = line_;
        continue;
      }
      if (state == after_quote) {
        if (rec.error.empty())
          rec.error = fmt::format("text after the closing quote of field {}", rec.fields.size() + 1);
        add(rec, field, static_cast<char>(c));
        continue;
      }
      state = unquoted;  // a quote inside an unquoted field is taken literally
      add(rec, field, static_cast<char>(c));
    }
    if (rec.length > 0 || !rec.fields.empty() || state != start) rec.fields.push_back(std::move(field));
  }

  ByteSource src_;
  char delimiter_;
  std::size_t line_ = 0;
};

// The header, checked for the wrong delimiter. Throws InputError.
std::vector<std::string> read_header(CsvParser& parser, const char* what) {
  CsvRecord rec;
  if (!parser.next(rec)) throw InputError(fmt::format("empty file: expected a {} header line", what));
  if (!rec.error.empty()) throw InputError(fmt::format("line {}: header: {}", rec.line, rec.error));
  if (rec.length > kMaxRecord) throw InputError(fmt::format("line {}: header longer than 1 MiB", rec.line));
  if (!valid_utf8(rec.raw)) throw InputError(fmt::format("line {}: header: invalid UTF-8", rec.line));
  if (rec.fields.size() == 1) {
    const std::string& h = rec.fields[0];
    for (const char d : {';', '\t', ',', '|'}) {
      if (d == parser.delimiter() || h.find(d) == std::string::npos) continue;
      const std::string option = delimiter_option(d);
      throw InputError(fmt::format("wrong delimiter: the header is one column containing {} characters; {}: "
                                   "read it with --delimiter {}",
                                   d == '\t' ? "tab" : option,
                                   parser.delimiter() == ','
                                       ? "truceline reads comma-separated CSV (RFC 4180) unless told otherwise"
                                       : fmt::format("--delimiter {} was given", delimiter_option(parser.delimiter())),
                                   option));
    }
  }
  std::vector<std::string> names;
  for (auto& f : rec.fields) names.emplace_back(trim(f));
  return names;
}

// A row's problem common to every CSV-based format, or "".
std::string record_problem(const CsvRecord& rec, std::size_t columns) {
  if (rec.length > kMaxRecord) return fmt::format("record of {} bytes is longer than 1 MiB", rec.length);
  if (!rec.error.empty()) return rec.error;
  if (!valid_utf8(rec.raw)) return "invalid UTF-8";
  if (rec.fields.size() != columns)
    return fmt::format("row has {} field{}, the header has {}", rec.fields.size(), rec.fields.size() == 1 ? "" : "s",
                       columns);
  return "";
}

const std::set<std::string>& model_keys() {
  static const std::set<std::string> k{"id", "source_id", "observed_at", "time_precision", "reported_at", "lon",
                                       "lat", "place", "location_precision_m", "kind", "weapon_class",
                                       "weapon_count", "actor", "target", "fatalities", "injured", "summary",
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

// Column names accepted for a field, by priority (case-insensitive); --map FIELD aliases.
const std::vector<std::pair<std::string, std::vector<std::string>>>& field_columns() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> f{
      {"observed_at", {"observed_at"}},
      {"time_precision", {"time_precision"}},
      {"reported_at", {"reported_at"}},
      {"lon", {"lon", "longitude"}},
      {"lat", {"lat", "latitude"}},
      {"place", {"place"}},
      {"location_precision_m", {"location_precision_m"}},
      {"kind", {"kind"}},
      {"weapon_class", {"weapon_class"}},
      {"weapon_count", {"weapon_count"}},
      {"actor", {"actor"}},
      {"target", {"target"}},
      {"fatalities", {"fatalities"}},
      {"injured", {"injured"}},
      {"summary", {"summary"}},
      {"tags", {"tags"}},
      {"source.name", {"source.name", "source", "source_name"}},
      {"source_type", {"source_type", "source.type"}},
      {"source_url", {"source_url", "source.url"}},
      {"reliability", {"reliability"}},
      {"credibility", {"credibility"}},
      {"supersedes", {"supersedes"}},
      {"source_id", {"source_id"}},
  };
  return f;
}

std::optional<std::string> canonical_field(const std::string& name) {
  const std::string n = lower(trim(name));
  for (const auto& [field, columns] : field_columns())
    if (std::find(columns.begin(), columns.end(), n) != columns.end()) return field;
  return std::nullopt;
}

std::string list_columns(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 40; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 40) out += fmt::format(", … ({} in all)", names.size());
  return out;
}

class CsvReader final : public RowReader {
 public:
  CsvReader(std::istream& in, const ReaderOptions& options) : parser_(in, options.delimiter), read_(options.report) {
    const auto& map = options.csv_map;
    names_ = read_header(parser_, "CSV");
    const std::size_t n = names_.size();
    role_.assign(n, "");
    // The names lower-cased once: a header can have thousands of columns, each compared with
    // every field's column names.
    std::vector<std::string> lower_names;
    lower_names.reserve(n);
    for (const auto& name : names_) lower_names.push_back(lower(name));
    auto find_column = [&](const std::string& column) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < n; ++i)
        if (names_[i] == column) return i;
      const std::string l = lower(column);
      for (std::size_t i = 0; i < n; ++i)
        if (lower_names[i] == l) return i;
      return std::nullopt;
    };
    std::set<std::string> mapped;
    for (const auto& [field, column] : map) {
      const auto f = canonical_field(field);
      if (!f) {
        std::string fields;
        for (const auto& s : csv_fields()) fields += (fields.empty() ? "" : ", ") + s;
        throw UsageError(fmt::format("--map {}={}: unknown field '{}' (fields: {})", field, column, field, fields));
      }
      const auto c = find_column(column);
      if (!c)
        throw UsageError(fmt::format("--map {}={}: no column '{}' in the header (columns: {})", field, column, column,
                                     list_columns(names_)));
      if (!role_[*c].empty() && role_[*c] != *f)
        throw UsageError(fmt::format("--map {}={}: column '{}' is already mapped to {}", field, column, column,
                                     role_[*c]));
      if (mapped.count(*f)) throw UsageError(fmt::format("--map {}={}: field {} is mapped twice", field, column, *f));
      role_[*c] = *f;
      mapped.insert(*f);
    }
    // Then by name, for the fields --map did not set.
    for (const auto& [field, columns] : field_columns()) {
      if (mapped.count(field)) continue;
      for (const auto& name : columns) {
        std::optional<std::size_t> hit;
        for (std::size_t i = 0; i < n && !hit; ++i)
          if (role_[i].empty() && lower_names[i] == name) hit = i;
        if (hit) {
          role_[*hit] = field;
          mapped.insert(field);
          break;
        }
      }
    }
    // Everything else is kept: the store's own `id` (ignored), `extra` (a JSON object, merged),
    // and unknown columns under their names ("csv.NAME" for a model field's name that --map or
    // an earlier column took, "NAME#N" for a repeated name; N is the column number).
    std::set<std::string> used;
    for (std::size_t i = 0; i < n; ++i) {
      if (!role_[i].empty()) continue;
      const std::string& l = lower_names[i];
      if (l == "id" && !used.count("id")) {
        role_[i] = "=id";
      } else if (l == "extra" && !used.count("extra")) {
        role_[i] = "=extra";
      } else {
        std::string key = names_[i].empty() ? fmt::format("column_{}", i + 1) : names_[i];
        if (model_keys().count(lower(key)) || canonical_field(key) || lower(key) == "extra") key = "csv." + key;
        while (used.count(key)) key += fmt::format("#{}", i + 1);
        role_[i] = "+" + key;
      }
      used.insert(role_[i].substr(1));
    }
    // The required fields no column gives: every row will lack them.
    if (!mapped.count("observed_at")) missing_.push_back("observed_at");
    if (!mapped.count("kind")) missing_.push_back("kind");
    if (!(mapped.count("lon") && mapped.count("lat")) && !mapped.count("place")) missing_.push_back("lon/lat or place");
    if (!mapped.count("source.name") && read_.default_source.empty()) missing_.push_back("source.name");
  }

  std::vector<std::string> columns() const override { return names_; }
  std::vector<std::string> missing_fields() const override { return missing_; }

  bool next(RawRow& row) override {
    if (!parser_.next(rec_)) return false;
    row.number = rec_.line;
    row.raw = rec_.raw;
    row.outcome = RowOutcome{};
    if (std::string problem = record_problem(rec_, names_.size()); !problem.empty()) {
      row.outcome.error = std::move(problem);
      return true;
    }
    json o = json::object();
    json source = json::object();
    json extra_cell;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const std::string& role = role_[i];
      const std::string& cell = rec_.fields[i];
      if (role[0] == '+') {
        if (!cell.empty()) o[role.substr(1)] = cell;
        continue;
      }
      const std::string_view v = trim(cell);
      if (v.empty()) continue;
      if (role == "=id") {
        o["id"] = std::string(v);
      } else if (role == "=extra") {
        extra_cell = std::string(v);
      } else if (role == "tags") {
        o["tags"] = split_tags(v);
      } else if (role == "source.name") {
        source["name"] = std::string(v);
      } else if (role == "source_type") {
        source["type"] = std::string(v);
      } else if (role == "source_url") {
        source["url"] = std::string(v);
      } else {
        o[role] = std::string(v);
      }
    }
    if (!source.empty()) o["source"] = std::move(source);
    // `extra` as printed by `truceline reports --format csv`: its fields go back to the top.
    if (extra_cell.is_string()) {
      const json parsed = json::parse(extra_cell.get<std::string>(), nullptr, false);
      bool merge = parsed.is_object();
      if (merge)
        for (const auto& [k, v] : parsed.items()) merge = merge && !model_keys().count(k) && !o.contains(k);
      if (merge) {
        for (const auto& [k, v] : parsed.items()) o[k] = v;
      } else {
        o["extra"] = extra_cell;
      }
    }
    row.outcome = report_from_json(o, read_);
    return true;
  }
  std::string format() const override { return "csv"; }

 private:
  CsvParser parser_;
  ReadOptions read_;
  CsvRecord rec_;
  std::vector<std::string> names_, missing_;
  // Per column: a field name; "=id" / "=extra"; or "+key" (kept as an extra field `key`).
  std::vector<std::string> role_;
};

// ---------------------------------------------------------------------------------------------
// GeoJSON

class GeoJsonReader final : public RowReader {
 public:
  GeoJsonReader(std::istream& in, const ReadOptions& options) : read_(options) {
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (starts_with_bom(text)) text.erase(0, 3);
    if (trim(text).find_first_not_of("\r\n") == std::string_view::npos)
      throw InputError("empty file: expected a GeoJSON FeatureCollection");
    json doc;
    DuplicateKeys keys;
    try {
      doc = json::parse(text, std::ref(keys));
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
      throw InputError("invalid JSON: " + what);
    }
    text.clear();
    text.shrink_to_fit();
    if (const auto top = keys.found().find(0); top != keys.found().end())
      throw InputError(fmt::format("duplicate key '{}'", top->second));
    if (!doc.is_object() || !doc.contains("type") || doc["type"] != "FeatureCollection")
      throw InputError(fmt::format("not a GeoJSON FeatureCollection (type {})",
                                   doc.is_object() && doc.contains("type") ? doc["type"].dump() : "missing"));
    if (!doc.contains("features") || !doc["features"].is_array())
      throw InputError("the FeatureCollection has no \"features\" array");
    features_ = std::move(doc["features"]);
    // Repeated keys (nlohmann keeps the last value): a feature's quarantines it; outside the
    // features, the file is refused.
    for (const auto& [feature, path] : keys.found()) {
      std::string key = path.rfind("features.", 0) == 0 ? path.substr(9) : path;
      if (key.rfind("properties.", 0) == 0) key = key.substr(11);
      duplicates_[feature] = key;
    }
  }

  bool next(RawRow& row) override {
    if (index_ >= features_.size()) return false;
    json& f = features_[index_++];
    row.number = index_;
    row.raw = f.dump(-1, ' ', false, json::error_handler_t::replace);
    row.outcome = RowOutcome{};
    json feature = std::move(f);
    f = nullptr;  // memory: each feature is released once read
    std::string& err = row.outcome.error;
    if (const auto dup = duplicates_.find(index_); dup != duplicates_.end()) {
      err = fmt::format("duplicate key '{}'", dup->second);
      return true;
    }
    if (!feature.is_object() || !feature.contains("type") || feature["type"] != "Feature") {
      err = fmt::format("not a GeoJSON Feature (type {})",
                        feature.is_object() && feature.contains("type") ? feature["type"].dump() : "missing");
      return true;
    }
    json o = json::object();
    if (feature.contains("properties") && !feature["properties"].is_null()) {
      if (!feature["properties"].is_object()) {
        err = "properties must be an object";
        return true;
      }
      o = std::move(feature["properties"]);
    }
    // Flat properties, as in CSV: source / source_name / source_type / source_url, tags "a;b".
    if (!o.contains("source") || !o["source"].is_object()) {
      json source = json::object();
      if (o.contains("source") && o["source"].is_string()) source["name"] = o["source"];
      for (const auto& [flat, key] : {std::pair{"source_name", "name"}, std::pair{"source.name", "name"},
                                      std::pair{"source_type", "type"}, std::pair{"source.type", "type"},
                                      std::pair{"source_url", "url"}, std::pair{"source.url", "url"}}) {
        if (o.contains(flat) && o[flat].is_string() && !source.contains(key)) {
          source[key] = o[flat];
          o.erase(flat);
        }
      }
      if (!source.empty()) o["source"] = std::move(source);
    }
    if (o.contains("tags") && o["tags"].is_string()) o["tags"] = split_tags(o["tags"].get<std::string>());
    // `truceline reports --format geojson` draws a report located by its place name at the
    // place's point: that point is the store's reading, not the report's own coordinates, so
    // it is not taken back as lon/lat (the place is resolved again).
    std::string method;
    if (o.contains("effective_method") && o["effective_method"].is_string())
      method = o["effective_method"].get<std::string>();
    else if (o.contains("effective_location") && o["effective_location"].is_object() &&
             o["effective_location"].contains("method") && o["effective_location"]["method"].is_string())
      method = o["effective_location"]["method"].get<std::string>();
    const bool derived_geometry = method == "place" || method == "unresolved";
    if (!derived_geometry && feature.contains("geometry") && !feature["geometry"].is_null()) {
      const json& g = feature["geometry"];
      if (!g.is_object() || !g.contains("type") || !g["type"].is_string()) {
        err = "geometry must be a GeoJSON geometry object";
        return true;
      }
      if (g["type"] != "Point") {
        err = fmt::format("geometry is a {}, not a Point", g["type"].get<std::string>());
        return true;
      }
      if (!g.contains("coordinates") || !g["coordinates"].is_array() || g["coordinates"].size() < 2 ||
          g["coordinates"].size() > 3 || !g["coordinates"][0].is_number() || !g["coordinates"][1].is_number()) {
        err = "Point coordinates must be [lon, lat] numbers";
        return true;
      }
      o["lon"] = g["coordinates"][0];
      o["lat"] = g["coordinates"][1];
    }
    row.outcome = report_from_json(o, read_);
    return true;
  }
  std::string format() const override { return "geojson"; }

 private:
  ReadOptions read_;
  json features_;
  std::size_t index_ = 0;
  std::map<std::size_t, std::string> duplicates_;  // feature number -> its first repeated key
};

// ---------------------------------------------------------------------------------------------
// ACLED

class AcledReader final : public RowReader {
 public:
  AcledReader(std::istream& in, const ReaderOptions& options) : parser_(in, options.delimiter) {
    names_ = read_header(parser_, "ACLED CSV");
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const std::string l = lower(names_[i]);
      if (!col_.count(l)) col_[l] = i;
    }
    std::vector<std::string> missing;
    for (const char* c : {"event_date", "event_type", "latitude", "longitude"})
      if (!col_.count(c)) missing.push_back(c);
    if (!col_.count("event_id_cnty") && !col_.count("data_id")) missing.push_back("event_id_cnty");
    if (!missing.empty()) {
      std::string m;
      for (const auto& s : missing) m += (m.empty() ? "" : ", ") + s;
      throw InputError(fmt::format("not an ACLED export: the header lacks {} (columns: {})", m, list_columns(names_)));
    }
    // The layout by the columns present, whatever their case (docs/importers.md): data_id is
    // the 2019-22 exports'; event_id_no_cnty without it, or no sub_event_type, the older
    // (pre-2019) one; anything else the current layout.
    layout_ = col_.count("data_id")                                               ? "2019-22"
              : col_.count("event_id_no_cnty") || !col_.count("sub_event_type") ? "legacy"
                                                                                  : "current";
    // Every column is kept under its own name; a repeated name gets "#N" (its column number).
    std::set<std::string> used;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      std::string key = names_[i].empty() ? fmt::format("column_{}", i + 1) : names_[i];
      if (used.count(key)) key += fmt::format("#{}", i + 1);
      used.insert(key);
      keys_.push_back(key);
    }
  }

  bool next(RawRow& row) override {
    if (!parser_.next(rec_)) return false;
    row.number = rec_.line;
    row.raw = rec_.raw;
    row.outcome = RowOutcome{};
    std::string& err = row.outcome.error;
    if (err = record_problem(rec_, names_.size()); !err.empty()) return true;
    auto cell = [&](const char* name) -> std::string {
      const auto it = col_.find(name);
      return it == col_.end() ? std::string() : std::string(trim(rec_.fields[it->second]));
    };
    json o = json::object();
    json acled = json::object();
    for (std::size_t i = 0; i < names_.size(); ++i) acled[keys_[i]] = rec_.fields[i];

    std::string id = cell("event_id_cnty");
    if (id.empty()) id = cell("data_id");
    if (!id.empty()) o["source_id"] = id;

    const std::string date = cell("event_date");
    if (date.empty()) {
      err = "missing event_date";
      return true;
    }
    const auto iso = acled_date(date);
    if (!iso) {
      err = fmt::format("event_date '{}' is not a date (2018-10-12, 12 October 2018 or dd/mm/yyyy)", date);
      return true;
    }
    o["observed_at"] = *iso;
    const std::string tp = cell("time_precision");
    if (tp.empty() || tp == "1") o["time_precision"] = "day";
    else if (tp == "2") o["time_precision"] = "week";
    else if (tp == "3") o["time_precision"] = "month";
    else {
      err = fmt::format("time_precision '{}' is not ACLED's 1 (day), 2 (week) or 3 (month)", tp);
      return true;
    }

    const std::string lat = cell("latitude"), lon = cell("longitude");
    if (!lat.empty()) o["lat"] = lat;
    if (!lon.empty()) o["lon"] = lon;
    if (const std::string loc = cell("location"); !loc.empty()) o["place"] = loc;
    const std::string gp = cell("geo_precision");
    if (gp == "1") o["location_precision_m"] = 2000;
    else if (gp == "2") o["location_precision_m"] = 10000;
    else if (gp == "3" || gp.empty()) o["location_precision_m"] = 50000;
    else {
      err = fmt::format("geo_precision '{}' is not ACLED's 1, 2 or 3", gp);
      return true;
    }

    const std::string et = cell("event_type"), st = cell("sub_event_type");
    if (et.empty() && st.empty()) {
      err = "missing event_type";
      return true;
    }
    AcledKind k = acled_kind(et, st);
    o["kind"] = k.kind;
    if (!cell("civilian_targeting").empty()) k.tags.push_back("civilian_targeting");
    if (!k.tags.empty()) o["tags"] = k.tags;

    if (const std::string a = cell("actor1"); !a.empty()) o["actor"] = a;
    if (const std::string t = cell("actor2"); !t.empty()) o["target"] = t;
    if (const std::string f = cell("fatalities"); !f.empty()) o["fatalities"] = f;
    if (const std::string n = cell("notes"); !n.empty()) o["summary"] = n;
    o["source"] = {{"name", "ACLED"}, {"type", "other"}};
    o["reliability"] = "F";
    o["credibility"] = 6;
    o["acled"] = std::move(acled);
    o["acled_layout"] = layout_;
    row.outcome = report_from_json(o);
    return true;
  }
  std::string format() const override { return "acled"; }

 private:
  CsvParser parser_;
  CsvRecord rec_;
  std::vector<std::string> names_, keys_;
  std::map<std::string, std::size_t> col_;  // lower-case name -> first column with it
  std::string layout_;
};

// The first line's fields (for detection), split on commas with quotes honoured.
std::vector<std::string> first_line_fields(std::string_view text, char delimiter) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      out.emplace_back(trim(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      break;
    } else {
      field += c;
    }
  }
  out.emplace_back(trim(field));
  return out;
}

bool names_feature_collection(std::string_view s) {
  // "type" : "FeatureCollection", not inside an escaped string.
  for (std::size_t p = s.find("\"type\""); p != std::string_view::npos; p = s.find("\"type\"", p + 1)) {
    if (p > 0 && s[p - 1] == '\\') continue;
    std::size_t q = p + 6;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r' || s[q] == '\n')) ++q;
    if (q >= s.size() || s[q] != ':') continue;
    ++q;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r' || s[q] == '\n')) ++q;
    if (s.substr(q, 19) == "\"FeatureCollection\"") return true;
  }
  return false;
}

std::string extension(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return lower(path.substr(dot + 1));
}

}  // namespace

// ---------------------------------------------------------------------------------------------

const std::vector<std::string>& csv_fields() {
  static const std::vector<std::string> f = [] {
    std::vector<std::string> v;
    for (const auto& [field, columns] : field_columns()) v.push_back(field);
    return v;
  }();
  return f;
}

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

Format detect_format(const std::string& path, const std::string& first_bytes, char delimiter) {
  std::string_view s = first_bytes;
  if (starts_with_bom(s)) s.remove_prefix(3);
  const std::string ext = extension(path);
  const auto start = s.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos) {
    s.remove_prefix(start);
    if (s.front() == '{') {
      if (names_feature_collection(s) || ext == "geojson") return Format::geojson;
      return Format::jsonl;
    }
    for (const auto& f : first_line_fields(s, delimiter)) {
      const std::string l = lower(f);
      if (l == "event_id_cnty" || l == "data_id") return Format::acled;
    }
    return Format::csv;
  }
  if (ext == "csv") return Format::csv;
  if (ext == "geojson" || ext == "json") return Format::geojson;
  return Format::jsonl;
}

std::unique_ptr<RowReader> open_reader(Format format, std::istream& in, const ReaderOptions& options) {
  switch (format) {
    case Format::jsonl: return std::make_unique<JsonlReader>(in, options.report);
    case Format::csv: return std::make_unique<CsvReader>(in, options);
    case Format::geojson: return std::make_unique<GeoJsonReader>(in, options.report);
    case Format::acled: return std::make_unique<AcledReader>(in, options);
  }
  return std::make_unique<JsonlReader>(in, options.report);
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

std::optional<std::string> acled_date(std::string_view text) {
  std::string_view s = trim(text);
  std::size_t p = 0;
  auto number = [&](std::size_t min, std::size_t max, int& out) {
    out = 0;
    std::size_t n = 0;
    while (p < s.size() && n < max && s[p] >= '0' && s[p] <= '9') out = out * 10 + (s[p++] - '0'), ++n;
    return n >= min && (p >= s.size() || s[p] < '0' || s[p] > '9');
  };
  auto lit = [&](char c) {
    if (p < s.size() && s[p] == c) return ++p, true;
    return false;
  };
  int y = 0, m = 0, d = 0;
  bool ok = false;
  if (s.size() >= 4 && s.find_first_not_of("0123456789") == 4) {  // 2018-10-12
    ok = number(4, 4, y) && lit('-') && number(1, 2, m) && lit('-') && number(1, 2, d) && p == s.size();
  } else if (s.find('/') != std::string_view::npos) {  // 12/10/2018 (dd/mm/yyyy)
    ok = number(1, 2, d) && lit('/') && number(1, 2, m) && lit('/') && number(4, 4, y) && p == s.size();
  } else if (number(1, 2, d) && (lit(' ') || lit('-'))) {  // 12 October 2018, 12-Oct-2018
    const std::size_t name_start = p;
    while (p < s.size() && ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= 'A' && s[p] <= 'Z'))) ++p;
    const std::string name = lower(s.substr(name_start, p - name_start));
    static const std::array<const char*, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                    "july",    "august",   "september", "october", "november", "december"};
    for (int i = 0; i < 12 && !m; ++i) {
      const std::string full = months[static_cast<std::size_t>(i)];
      if (name == full || (name.size() >= 3 && full.rfind(name, 0) == 0 && (name.size() == 3 || name == "sept")))
        m = i + 1;
    }
    ok = m && (lit(' ') || lit('-')) && number(4, 4, y) && p == s.size();
  }
  if (!ok) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

AcledKind acled_kind(std::string_view event_type, std::string_view sub_event_type) {
  // Current and 2019-22 sub-event types (docs/importers.md, "ACLED kinds").
  static const std::map<std::string, AcledKind> by_sub{
      {"armed clash", {"armed_clash", {}}},
      {"government regains territory", {"armed_clash", {"territory_change"}}},
      {"non-state actor overtakes territory", {"armed_clash", {"territory_change"}}},
      {"shelling/artillery/missile attack", {"shelling", {}}},
      {"air/drone strike", {"airstrike", {}}},
      {"remote explosive/landmine/ied", {"other", {"explosive_device"}}},
      {"grenade", {"other", {"grenade"}}},
      {"suicide bomb", {"other", {"suicide_bomb"}}},
      {"chemical weapon", {"other", {"chemical_weapon"}}},
      {"attack", {"civilian_harm", {}}},
      {"abduction/forced disappearance", {"civilian_harm", {"abduction"}}},
      {"sexual violence", {"civilian_harm", {"sexual_violence"}}},
      {"peaceful protest", {"other", {"protest"}}},
      {"protest with intervention", {"other", {"protest"}}},
      {"excessive force against protesters", {"civilian_harm", {"protest"}}},
      {"violent demonstration", {"other", {"riot"}}},
      {"mob violence", {"other", {"riot"}}},
      {"agreement", {"other", {"agreement"}}},
      {"arrests", {"other", {"arrests"}}},
      {"change to group/activity", {"other", {"group_change"}}},
      {"disrupted weapons use", {"other", {"disrupted_weapons_use"}}},
      {"headquarters or base established", {"group_presence", {}}},
      {"looting/property destruction", {"other", {"looting_property_destruction"}}},
      {"non-violent transfer of territory", {"other", {"territory_change"}}},
      {"other", {"other", {}}},
  };
  // Event types: the current six, then the legacy (pre-2019) ones that have no sub-event.
  static const std::map<std::string, AcledKind> by_event{
      {"battles", {"armed_clash", {}}},
      {"explosions/remote violence", {"other", {"remote_violence"}}},
      {"violence against civilians", {"civilian_harm", {}}},
      {"protests", {"other", {"protest"}}},
      {"riots", {"other", {"riot"}}},
      {"strategic developments", {"other", {}}},
      {"battle-no change of territory", {"armed_clash", {}}},
      {"battle-non-state actor overtakes territory", {"armed_clash", {"territory_change"}}},
      {"battle-government regains territory", {"armed_clash", {"territory_change"}}},
      {"headquarters or base established", {"group_presence", {}}},
      {"strategic development", {"other", {}}},
      {"riots/protests", {"other", {"riot_or_protest"}}},
      {"remote violence", {"other", {"remote_violence"}}},
      {"non-violent transfer of territory", {"other", {"territory_change"}}},
  };
  const std::string sub = lower(trim(sub_event_type)), event = lower(trim(event_type));
  if (const auto it = by_sub.find(sub); it != by_sub.end()) return it->second;
  AcledKind k{"other", {}};
  if (const auto it = by_event.find(event); it != by_event.end()) k = it->second;
  else k.tags.push_back("unmapped_acled_type");
  if (!sub.empty() && std::find(k.tags.begin(), k.tags.end(), "unmapped_acled_type") == k.tags.end())
    k.tags.push_back("unmapped_acled_type");
  return k;
}

// ---------------------------------------------------------------------------------------------
// Files that give nothing

namespace {

// A reason with its quoted values elided, so rows rejected for the same cause group together.
std::string reason_key(const std::string& reason) {
  std::string key;
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
    if (sample_.size() < kSample) sample_ += raw.substr(0, kSample - sample_.size()) + "\n";
  }
  const std::string key = reason_key(reason);
  auto [it, inserted] = by_key_.try_emplace(key);
  if (inserted) {
    it->second.example = reason;
    it->second.first_row = number;
    order_.push_back(key);
  }
  ++it->second.count;
}

std::vector<RowTally::Reason> RowTally::reasons() const {
  std::vector<Reason> out;
  for (const auto& key : order_) out.push_back(by_key_.at(key));
  std::stable_sort(out.begin(), out.end(), [](const Reason& a, const Reason& b) { return a.count > b.count; });
  return out;
}

std::vector<std::string> explain_empty_import(const RowReader& reader, const RowTally& tally, bool encoding_given) {
  std::vector<std::string> lines;
  const std::vector<std::string> columns = reader.columns();
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
  const std::vector<std::string> missing = reader.missing_fields();
  if (!missing.empty() && !columns.empty()) {
    std::vector<std::string> lowered;
    for (const auto& c : columns) lowered.push_back(lower(c));
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
