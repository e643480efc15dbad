// Format detection (importers.hpp, detect_format; docs/importers.md, "Format detection").
#include <sstream>

#include "truceline/io/csv.hpp"
#include "truceline/store/detail/importers.hpp"
#include "truceline/text.hpp"

namespace truceline::store {

using detail::starts_with_bom;

namespace {

// The first record's fields (for detection), read by the shared CSV reader and trimmed; the
// first bytes may end inside it (the rest of a cut record is what was there).
std::vector<std::string> first_line_fields(std::string_view text, char delimiter) {
  std::istringstream in{std::string(text)};
  io::CsvReader reader(in, delimiter);
  io::CsvRecord rec;
  std::vector<std::string> out;
  if (reader.next(rec))
    for (const auto& f : rec.fields) out.emplace_back(detail::trim(f));
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
  return ascii_lower(path.substr(dot + 1));
}
}  // namespace

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
      const std::string l = ascii_lower(f);
      if (l == "event_id_cnty" || l == "data_id") return Format::acled;
    }
    return Format::csv;
  }
  if (ext == "csv") return Format::csv;
  if (ext == "geojson" || ext == "json") return Format::geojson;
  return Format::jsonl;
}

}  // namespace truceline::store
