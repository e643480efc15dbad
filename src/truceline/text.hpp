// Small text helpers shared by every module (one home for each, issue 11).
// ASCII only on purpose: identifiers, keywords, column names and option values are ASCII;
// names in other scripts are compared through ICU (gazetteer), never through these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace truceline {

// The string with A-Z turned into a-z; every other byte unchanged (UTF-8 safe).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The parts separated by `sep`: join({"a", "b"}) == "a, b"; join({}) == "".
inline std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// A field for CSV output (RFC 4180): quoted, with its quotes doubled, when it holds a comma, a
// quote or a line break; else unchanged.
inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace truceline
