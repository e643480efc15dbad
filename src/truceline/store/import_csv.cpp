// The CSV importer (docs/importers.md, "CSV"): the shared CSV reader (io/csv.hpp), columns
// mapped to report fields by name (or --map), every other column kept as an extra field.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "truceline/error.hpp"
#include "truceline/store/detail/importers.hpp"
#include "truceline/text.hpp"

namespace truceline::store {

using nlohmann::json;

namespace detail {
namespace {

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

// The field a column name (already trimmed and lower-cased) stands for; nullptr if none.
const std::string* field_of(const std::string& lowered) {
  for (const auto& [field, columns] : field_columns())
    if (std::find(columns.begin(), columns.end(), lowered) != columns.end()) return &field;
  return nullptr;
}

std::optional<std::string> canonical_field(const std::string& name) {
  if (const std::string* f = field_of(ascii_lower(trim(name)))) return *f;
  return std::nullopt;
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
    for (const auto& name : names_) lower_names.push_back(ascii_lower(name));
    auto find_column = [&](const std::string& column) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < n; ++i)
        if (names_[i] == column) return i;
      const std::string l = ascii_lower(column);
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
        // (A name is trimmed already, and `l` is it lower-cased; "column_N" is no field's.)
        std::string key = names_[i].empty() ? fmt::format("column_{}", i + 1) : names_[i];
        if (!names_[i].empty() && (model_keys().count(l) || field_of(l) || l == "extra")) key = "csv." + key;
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
        if (!cell.empty()) o[std::string_view(role).substr(1)] = cell;
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
  io::CsvReader parser_;
  ReadOptions read_;
  io::CsvRecord rec_;
  std::vector<std::string> names_, missing_;
  // Per column: a field name; "=id" / "=extra"; or "+key" (kept as an extra field `key`).
  std::vector<std::string> role_;
};

}  // namespace

std::unique_ptr<RowReader> make_csv_reader(std::istream& in, const ReaderOptions& options) {
  return std::make_unique<CsvReader>(in, options);
}

}  // namespace detail

const std::vector<std::string>& csv_fields() {
  static const std::vector<std::string> f = [] {
    std::vector<std::string> v;
    for (const auto& [field, columns] : detail::field_columns()) v.push_back(field);
    return v;
  }();
  return f;
}

}  // namespace truceline::store
