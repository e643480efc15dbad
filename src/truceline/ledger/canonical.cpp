#include "truceline/ledger/canonical.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include "truceline/error.hpp"

namespace truceline::ledger {

namespace {

// Decodes UTF-8 into UTF-16 code units; false for invalid UTF-8 (overlong, surrogates, > U+10FFFF).
bool to_utf16(const std::string& s, std::u16string* out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = 0;
    int n = 0;
    if (c < 0x80) cp = c, n = 0;
    else if ((c & 0xE0) == 0xC0) cp = c & 0x1F, n = 1;
    else if ((c & 0xF0) == 0xE0) cp = c & 0x0F, n = 2;
    else if ((c & 0xF8) == 0xF0) cp = c & 0x07, n = 3;
    else return false;
    if (n > 0 && i + static_cast<std::size_t>(n) >= s.size()) return false;
    for (int k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    if (out) {
      if (cp >= 0x10000) {
        cp -= 0x10000;
        out->push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
        out->push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
      } else {
        out->push_back(static_cast<char16_t>(cp));
      }
    }
    i += static_cast<std::size_t>(n) + 1;
  }
  return true;
}

void put_string(const std::string& s, std::string& out) {
  bool ascii = true;
  for (const char ch : s) ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (!ascii && !to_utf16(s, nullptr)) throw InputError("canonical JSON: a string is not valid UTF-8");
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace

std::string es_number(double v) {
  if (!std::isfinite(v)) throw InputError("canonical JSON: NaN and Infinity are not JSON numbers");
  if (v == 0) return "0";  // also -0
  std::string sign;
  if (v < 0) sign = "-", v = -v;
  // Shortest round-trip digits: "d[.ddd]e±XX".
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string sci(buf, r.ptr);
  const std::size_t e = sci.find('e');
  std::string digits;
  for (std::size_t i = 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  const int exp10 = std::stoi(sci.substr(e + 1));
  const int k = static_cast<int>(digits.size());
  const int n = exp10 + 1;  // v = 0.digits × 10^n
  std::string out = sign;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

void canonical_json(const nlohmann::json& v, std::string& out) {
  using T = nlohmann::json::value_t;
  switch (v.type()) {
    case T::null: out += "null"; return;
    case T::boolean: out += v.get<bool>() ? "true" : "false"; return;
    case T::number_integer: {
      const int64_t i = v.get<int64_t>();
      if (i >= -(int64_t{1} << 53) && i <= (int64_t{1} << 53)) out += std::to_string(i);
      else out += es_number(static_cast<double>(i));
      return;
    }
    case T::number_unsigned: {
      const uint64_t u = v.get<uint64_t>();
      if (u <= (uint64_t{1} << 53)) out += std::to_string(u);
      else out += es_number(static_cast<double>(u));
      return;
    }
    case T::number_float: out += es_number(v.get<double>()); return;
    case T::string: put_string(v.get_ref<const std::string&>(), out); return;
    case T::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v) {
        if (!first) out += ',';
        first = false;
        canonical_json(e, out);
      }
      out += ']';
      return;
    }
    case T::object: {
      // nlohmann keeps members in UTF-8 byte order, which is code point order; UTF-16 order
      // differs only where a name holds a character beyond U+FFFF (a surrogate pair sorts
      // before U+E000..U+FFFF).
      bool astral = false;
      for (auto it = v.begin(); it != v.end() && !astral; ++it)
        for (const char ch : it.key()) astral |= static_cast<unsigned char>(ch) >= 0xF0;
      std::vector<std::pair<std::u16string, nlohmann::json::const_iterator>> sorted;
      if (astral) {
        for (auto it = v.begin(); it != v.end(); ++it) {
          std::u16string k;
          if (!to_utf16(it.key(), &k)) throw InputError("canonical JSON: a member name is not valid UTF-8");
          sorted.emplace_back(std::move(k), it);
        }
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      }
      out += '{';
      bool first = true;
      auto member = [&](const std::string& key, const nlohmann::json& value) {
        if (!first) out += ',';
        first = false;
        put_string(key, out);
        out += ':';
        canonical_json(value, out);
      };
      if (astral)
        for (const auto& [k, it] : sorted) member(it.key(), it.value());
      else
        for (auto it = v.begin(); it != v.end(); ++it) member(it.key(), it.value());
      out += '}';
      return;
    }
    case T::binary: throw InputError("canonical JSON: binary values are not JSON");
    case T::discarded: throw InputError("canonical JSON: a discarded value");
  }
}

std::string canonical_json(const nlohmann::json& value) {
  std::string out;
  canonical_json(value, out);
  return out;
}

}  // namespace truceline::ledger
