// The CSV importer (docs/importers.md, "CSV"): the shared CSV reader (io/csv.hpp), columns
// mapped to report fields by name (or --map), every other column kept as an extra field.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <set>
#include <string_view>
#include <unordered_map>

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
      {"explosions", {"explosions"}},
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

// At least as many as field_columns() has fields and names (the reader keeps per-field and
// per-name tables on the stack).
constexpr std::size_t kMaxFields = 32, kMaxNames = 64;

// Every column name a field accepts (lower-case) -> the field's number in field_columns() and
// the name's place in the list of every field's names in order (its slot: a field's names,
// by priority, have consecutive slots). Each name belongs to one field only.
struct ColumnName {
  std::size_t field = 0, slot = 0;
};
const std::unordered_map<std::string_view, ColumnName>& column_names() {
  static const std::unordered_map<std::string_view, ColumnName> m = [] {
    std::unordered_map<std::string_view, ColumnName> names;
    const auto& f = field_columns();
    std::size_t slot = 0;
    for (std::size_t i = 0; i < f.size(); ++i)
      for (std::size_t r = 0; r < f[i].second.size(); ++r) names.emplace(f[i].second[r], ColumnName{i, slot++});
    if (f.size() > kMaxFields || slot > kMaxNames) throw std::logic_error("import_csv.cpp: raise kMaxFields/kMaxNames");
    return names;
  }();
  return m;
}

// The field a column name (already trimmed and lower-cased) stands for; nullptr if none.
const ColumnName* field_of(std::string_view lowered) {
  const auto& names = column_names();
  const auto it = names.find(lowered);
  return it == names.end() ? nullptr : &it->second;
}

class CsvReader final : public RowReader {
 public:
  CsvReader(std::istream& in, const ReaderOptions& options) : parser_(in, options.delimiter), read_(options.report) {
    const auto& map = options.csv_map;
    const auto& fields = field_columns();
    // The header is read into the record the rows reuse (its field strings are allocated once).
    // A problem is kept (make_csv_reader returns it), not thrown: see try_open_reader.
    if (auto p = read_header(parser_, "CSV", rec_, names_)) {
      problem_ = std::move(*p);
      return;
    }
    const std::size_t n = names_.size();
    role_.assign(n, Role{});
    // The names lower-cased once: a header can have thousands of columns.
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
    // By field number; a few dozen fields: on the stack.
    std::array<bool, kMaxFields> mapped{};
    for (const auto& [field, column] : map) {
      const ColumnName* f = field_of(ascii_lower(trim(field)));
      if (!f) {
        std::string names;
        for (const auto& s : csv_fields()) names += (names.empty() ? "" : ", ") + s;
        usage(fmt::format("--map {}={}: unknown field '{}' (fields: {})", field, column, field, names));
        return;
      }
      const std::string& name = fields[f->field].first;
      const auto c = find_column(column);
      if (!c) {
        usage(fmt::format("--map {}={}: no column '{}' in the header (columns: {})", field, column, column,
                          list_columns(names_)));
        return;
      }
      if (role_[*c].kind != Role::unset && role_[*c].key != name) {
        usage(fmt::format("--map {}={}: column '{}' is already mapped to {}", field, column, column, role_[*c].key));
        return;
      }
      if (mapped[f->field]) {
        usage(fmt::format("--map {}={}: field {} is mapped twice", field, column, name));
        return;
      }
      role_[*c] = field_roles()[f->field];
      mapped[f->field] = true;
    }
    // Then by name, for the fields --map did not set: per field, its first name (by priority)
    // that a column --map left free has; of those columns, the first. (A column's name is one
    // field's only, so one pass over the columns finds every candidate.)
    std::array<std::size_t, kMaxNames> first;  // [slot] -> first such column, or n
    first.fill(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (role_[i].kind != Role::unset) continue;
      const ColumnName* c = field_of(lower_names[i]);
      if (c && !mapped[c->field] && first[c->slot] == n) first[c->slot] = i;
    }
    for (std::size_t f = 0, slot = 0; f < fields.size(); slot += fields[f].second.size(), ++f) {
      for (std::size_t r = 0; r < fields[f].second.size(); ++r) {
        const std::size_t i = first[slot + r];
        if (i == n) continue;
        role_[i] = field_roles()[f];
        mapped[f] = true;
        break;
      }
    }
    keep_other_columns(lower_names);
    // The required fields no column gives: every row will lack them.
    missing_.reserve(4);
    auto is_mapped = [&](const char* field) { return mapped[field_of(field)->field]; };
    if (!is_mapped("observed_at")) missing_.push_back("observed_at");
    if (!is_mapped("kind")) missing_.push_back("kind");
    if (!(is_mapped("lon") && is_mapped("lat")) && !is_mapped("place")) missing_.push_back("lon/lat or place");
    if (!is_mapped("source.name") && read_.default_source.empty()) missing_.push_back("source.name");
  }

  const std::vector<std::string>& columns() const override { return names_; }
  const std::vector<std::string>& missing_fields() const override { return missing_; }

  bool next(RawRow& row) override {
    if (!parser_.next(rec_)) return false;
    row.number = rec_.line;
    row.raw = rec_.raw;
    row.outcome = RowOutcome{};
    if (std::string problem = record_problem(rec_, names_.size()); !problem.empty()) {
      row.outcome.error = std::move(problem);
      return true;
    }
    // The row's fields as views of its cells (report_from_fields: the rules of report_from_json,
    // without a JSON object per row). Empty cells are not given.
    ReportFields& f = fields_;
    f.clear();
    std::optional<std::string_view> extra_cell;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const Role& role = role_[i];
      const std::string& cell = rec_.fields[i];
      if (role.kind == Role::keep) {  // an extra field, as written
        if (!cell.empty()) f.members.push_back({role.key, cell});
        continue;
      }
      const std::string_view v = trim(cell);
      if (v.empty()) continue;
      switch (role.kind) {
        case Role::id: break;  // the store's own id: output only (is_output_only_key), ignored
        case Role::extra: extra_cell = v; break;
        case Role::tags: split_tags(v, f.tags), f.tags_given = true; break;
        default: f.text[role.which] = v; break;
      }
    }
    // `extra` as printed by `truceline reports --format csv`: its fields go back to the top,
    // unless one is a model key or a column's (then it stays one extra field, as written).
    if (extra_cell) {
      extra_ = json::parse(extra_cell->begin(), extra_cell->end(), nullptr, false);
      bool merge = extra_.is_object();
      auto taken = [&](const std::string& k) {
        return std::any_of(f.members.begin(), f.members.end(), [&](const ReportFields::Member& m) { return m.key == k; });
      };
      if (merge)
        for (const auto& [k, v] : extra_.items()) merge = merge && !model_keys().count(k) && !taken(k);
      if (merge) {
        for (auto& [k, v] : extra_.items()) f.members.push_back({k, {}, &v});
      } else {
        f.members.push_back({"extra", *extra_cell});
      }
    }
    row.outcome = report_from_fields(f, read_);
    return true;
  }
  std::string format() const override { return "csv"; }

  // The file-level problem found while opening (the header, a --map), or "" (see try_open_reader).
  std::string& problem() { return problem_; }
  bool usage_problem() const { return usage_; }

 private:
  void usage(std::string message) {
    problem_ = std::move(message);
    usage_ = true;
  }

  // What a column is read as.
  struct Role {
    enum Kind { unset, field, tags, id, extra, keep } kind = unset;
    std::string key;  // field, tags: the field's name (csv_fields()); keep: the extra field's key
    ReportFields::Field which = ReportFields::kFieldCount;  // field: which one
  };
  // Each field's role, by its number in field_columns() (built once: a header maps up to two
  // dozen columns, and every file has a header).
  static const std::vector<Role>& field_roles() {
    static const std::vector<Role> roles = [] {
      using F = ReportFields;
      std::vector<Role> r;
      for (const auto& [field, names] : field_columns()) {
        if (field == "tags") r.push_back({Role::tags, field});
        else if (field == "source.name") r.push_back({Role::field, field, F::source_name});
        else if (field == "source_type") r.push_back({Role::field, field, F::source_type});
        else if (field == "source_url") r.push_back({Role::field, field, F::source_url});
        else {
          unsigned i = 0;
          while (i < F::source_name && field != F::key(static_cast<F::Field>(i))) ++i;
          if (i == F::source_name) throw std::logic_error("import_csv.cpp: field '" + field + "' is no ReportFields field");
          r.push_back({Role::field, field, static_cast<F::Field>(i)});
        }
      }
      return r;
    }();
    return roles;
  }

  // Every column no field took is kept: the store's own `id` (ignored), `extra` (a JSON object,
  // merged), and unknown columns under their names ("csv.NAME" for a model field's name that
  // --map or an earlier column took, "NAME#N" for a repeated name; N is the column number).
  void keep_other_columns(const std::vector<std::string>& lower_names) {
    const std::size_t n = names_.size();
    // Each column's key as if no key were repeated (the common case), checked for repeats at
    // once: sorting the keys costs one allocation where a set of the keys used so far costs
    // one per column.
    bool id = false, extra = false;
    std::vector<std::string_view> keys;
    keys.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (role_[i].kind != Role::unset) continue;
      const std::string& l = lower_names[i];
      if (l == "id" && !id) {
        role_[i] = {Role::id, "id", {}};
        id = true;
      } else if (l == "extra" && !extra) {
        role_[i] = {Role::extra, "extra", {}};
        extra = true;
      } else {
        // (A name is trimmed already, and `l` is it lower-cased; "column_N" is no field's.)
        std::string key = names_[i].empty() ? fmt::format("column_{}", i + 1) : names_[i];
        if (!names_[i].empty() && (model_keys().count(l) || field_of(l) || l == "extra")) key = "csv." + key;
        role_[i] = {Role::keep, std::move(key), {}};
      }
    }
    for (std::size_t i = 0; i < n; ++i)
      if (role_[i].kind == Role::id || role_[i].kind == Role::extra || role_[i].kind == Role::keep)
        keys.push_back(role_[i].key);
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.begin(), keys.end()) == keys.end()) return;
    // A key is repeated: each column in turn takes its key, with "#N" appended while an earlier
    // column has it.
    std::set<std::string_view> used;  // views of role_'s keys, each final when it is added
    for (std::size_t i = 0; i < n; ++i) {
      Role& r = role_[i];
      if (r.kind != Role::id && r.kind != Role::extra && r.kind != Role::keep) continue;
      if (r.kind == Role::keep)
        while (used.count(r.key)) r.key += fmt::format("#{}", i + 1);
      used.insert(r.key);
    }
  }

  io::CsvReader parser_;
  ReadOptions read_;
  io::CsvRecord rec_;
  std::vector<std::string> names_, missing_;
  std::vector<Role> role_;  // per column
  ReportFields fields_;     // the row's, reused
  json extra_;              // the row's `extra` cell, parsed
  std::string problem_;
  bool usage_ = false;
};

}  // namespace

OpenedReader make_csv_reader(std::istream& in, const ReaderOptions& options) {
  auto reader = std::make_unique<CsvReader>(in, options);
  if (!reader->problem().empty()) return {nullptr, std::move(reader->problem()), reader->usage_problem()};
  return {std::move(reader), {}, false};
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
