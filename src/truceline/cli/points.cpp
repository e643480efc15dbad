#include "truceline/cli/points.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/io/csv.hpp"
#include "truceline/text.hpp"

namespace truceline::cli {

namespace {

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

// Parses a coordinate; an error message or "".
std::string parse_coord(const std::string& text, const char* name, double lo, double hi, double* out) {
  if (text.empty()) return fmt::format("{} is empty", name);
  double v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  if (*b == '+') ++b;
  auto [ptr, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || ptr != e) return fmt::format("{} '{}' is not a number", name, text);
  if (!std::isfinite(v)) return fmt::format("{} '{}' is not a finite number", name, text);
  if (v < lo || v > hi) return fmt::format("{} {} is outside [{}, {}]", name, text, lo, hi);
  *out = v;
  return "";
}

void fill_coords(PointRow& row) {
  row.error = parse_coord(row.lon_text, "lon", -180, 180, &row.p.lon_deg);
  if (row.error.empty()) row.error = parse_coord(row.lat_text, "lat", -90, 90, &row.p.lat_deg);
}

// An object whose "type" is the string `type` (a "type" of another JSON type is no type).
bool has_type(const nlohmann::json& o, const char* type) {
  const auto it = o.find("type");
  return it != o.end() && it->is_string() && it->get_ref<const std::string&>() == type;
}

class CsvReader : public PointReader {
 public:
  CsvReader(std::unique_ptr<std::istream> own, std::istream& in, std::string name, std::size_t skipped_lines)
      : own_(std::move(own)), in_(&in), name_(std::move(name)), csv_(in, ',', io::CsvReader::kDefaultMaxRecord, skipped_lines + 1) {
    io::CsvRecord header;
    if (!read(header)) throw InputError(name_ + ": empty file (no CSV header)");
    if (header.error == io::CsvError::unterminated_quote)
      throw InputError(name_ + ":1: unterminated quoted field in the header");
    if (header.error != io::CsvError::none || header.too_long(csv_.max_record()))
      throw InputError(fmt::format("{}:{}: header: {}", name_, header.line,
                                   header.error != io::CsvError::none ? io::describe(header)
                                                                      : "longer than 1 MiB"));
    const auto& cols = header.fields;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const std::string c = ascii_lower(trim(cols[i]));
      if (c == "lon" || c == "longitude") lon_col_ = static_cast<int>(i);
      if (c == "lat" || c == "latitude") lat_col_ = static_cast<int>(i);
      if (c == "id") id_col_ = static_cast<int>(i);
    }
    if (lon_col_ < 0 || lat_col_ < 0) {
      std::string hint;
      if (cols.size() == 1 && (header.raw.find(';') != std::string::npos || header.raw.find('\t') != std::string::npos))
        hint = " (the delimiter must be a comma)";
      const char* missing =
          lon_col_ < 0 && lat_col_ < 0 ? "lon and lat columns" : (lon_col_ < 0 ? "lon column" : "lat column");
      throw InputError(fmt::format("{}:{}: the CSV header has no {}{}", name_, csv_.line(), missing, hint));
    }
    ncols_ = cols.size();
  }

  bool next(PointRow& row) override {
    for (;;) {
      if (!read(rec_)) return false;
      if (rec_.fields.size() == 1 && trim(rec_.raw).empty()) continue;  // blank lines carry no row
      row = PointRow{};
      row.line = rec_.line;
      ++row_number_;
      if (rec_.error == io::CsvError::unterminated_quote) {
        row.error = "unterminated quoted field";
        return true;
      }
      if (rec_.error != io::CsvError::none) {
        row.error = io::describe(rec_);
        return true;
      }
      if (rec_.too_long(csv_.max_record())) {
        row.error = fmt::format("record of {} bytes is longer than 1 MiB", rec_.length);
        return true;
      }
      const auto& f = rec_.fields;
      if (f.size() != ncols_) {
        row.error = fmt::format("{} fields, the header has {}", f.size(), ncols_);
        return true;
      }
      row.id = id_col_ >= 0 ? f[id_col_] : std::to_string(row_number_);
      row.lon_text = trim(f[lon_col_]);
      row.lat_text = trim(f[lat_col_]);
      fill_coords(row);
      return true;
    }
  }

  std::string place(const PointRow& row) const override { return fmt::format("{}:{}", name_, row.line); }

 private:
  // The next record of the shared CSV reader (io/csv.hpp); a read failure is an error.
  bool read(io::CsvRecord& rec) {
    const bool any = csv_.next(rec);
    if (in_bad()) throw InputError(fmt::format("{}: cannot read: {}", name_, std::strerror(errno)));
    return any;
  }
  bool in_bad() const { return in_->bad(); }

  std::unique_ptr<std::istream> own_;
  std::istream* in_;
  std::string name_;
  io::CsvReader csv_;
  io::CsvRecord rec_;
  int lon_col_ = -1, lat_col_ = -1, id_col_ = -1;
  std::size_t ncols_ = 0, row_number_ = 0;
};

class GeoJsonPointReader : public PointReader {
 public:
  GeoJsonPointReader(const std::string& text, std::string name) : name_(std::move(name)) {
    nlohmann::json doc = io::parse_json(text, name_);
    if (!doc.is_object() || !has_type(doc, "FeatureCollection") || !doc.contains("features") ||
        !doc["features"].is_array())
      throw InputError(name_ + ": points must be a GeoJSON FeatureCollection of Points");
    features_ = std::move(doc["features"]);
  }

  bool next(PointRow& row) override {
    if (i_ >= features_.size()) return false;
    const auto& f = features_[i_++];
    row = PointRow{};
    row.line = i_;
    row.id = std::to_string(i_);
    if (f.is_object() && f.contains("id") && (f["id"].is_string() || f["id"].is_number()))
      row.id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
    else if (f.is_object() && f.contains("properties") && f["properties"].is_object() &&
             f["properties"].contains("id") && !f["properties"]["id"].is_null())
      row.id = f["properties"]["id"].is_string() ? f["properties"]["id"].get<std::string>()
                                                 : f["properties"]["id"].dump();
    if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object() ||
        !has_type(f["geometry"], "Point")) {
      row.error = "geometry is not a Point";
      return true;
    }
    const auto& c = f["geometry"].value("coordinates", nlohmann::json());
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
      row.error = "coordinates must be [lon, lat] numbers";
      return true;
    }
    row.lon_text = c[0].dump();
    row.lat_text = c[1].dump();
    fill_coords(row);
    return true;
  }

  std::string place(const PointRow& row) const override { return fmt::format("{}: feature {}", name_, row.line); }

 private:
  std::string name_;
  nlohmann::json features_;
  std::size_t i_ = 0;
};

}  // namespace

std::unique_ptr<PointReader> open_points(const std::string& path, std::istream& stdin_stream) {
  std::unique_ptr<std::istream> own;
  std::istream* in = &stdin_stream;
  const std::string name = path == "-" ? "<stdin>" : path;
  if (path != "-") {
    io::reject_directory(path);
    auto f = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*f) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    own = std::move(f);
    in = own.get();
  }
  // Peek at the first non-blank byte.
  int c;
  std::size_t blank_lines = 0;
  std::string blanks;  // kept, so that JSON line numbers stay right
  while ((c = in->peek()) != EOF && std::isspace(c)) {
    blanks += static_cast<char>(in->get());
    if (blanks.back() == '\n') ++blank_lines;
  }
  if (c == '{') {
    std::string text = blanks + std::string((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
    return std::make_unique<GeoJsonPointReader>(text, name);
  }
  return std::make_unique<CsvReader>(std::move(own), *in, name, blank_lines);
}

}  // namespace truceline::cli
