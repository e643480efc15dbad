// Formatting primitives of the daily report, shared by the summary and every renderer:
// escaping, fixed-precision numbers, local times, lengths, verdict names and colours, and the
// module's join() of JSON arrays (plain strings: truceline/text.hpp). Declared in detail/format.hpp.
#include "truceline/report/detail/format.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include "truceline/time.hpp"
#include "truceline/text.hpp"

namespace truceline::report::detail {

using nlohmann::json;

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters other than tab/newline are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "0";
  std::string s = fmt::format("{:.{}f}", v, decimals);
  // "-0.0" -> "0.0"
  if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

// A double rounded to `decimals` places: nlohmann prints the shortest representation, so the
// JSON shows e.g. 36.123456 rather than 36.123455999999997.
double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  const double r = std::round(v * f) / f;
  return r == 0 ? 0.0 : r;  // no -0
}

std::string iso(int64_t unix_seconds) { return format_iso8601_utc(unix_seconds); }

const char* verdict_name(assess::Verdict v) {
  switch (v) {
    case assess::Verdict::violation: return "violation";
    case assess::Verdict::compliant: return "compliant";
    case assess::Verdict::indeterminate: return "indeterminate";
    case assess::Verdict::not_applicable: return "not_applicable";
  }
  return "not_applicable";
}

const char* verdict_colour(assess::Verdict v) {
  switch (v) {
    case assess::Verdict::violation: return kViolationColour;
    case assess::Verdict::compliant: return kCompliantColour;
    case assess::Verdict::indeterminate: return kIndeterminateColour;
    case assess::Verdict::not_applicable: return kNotApplicableColour;
  }
  return kNotApplicableColour;
}

namespace {
std::chrono::year_month_day ymd_of(int64_t local_seconds, int64_t& seconds_of_day) {
  const int64_t days = static_cast<int64_t>(std::floor(static_cast<double>(local_seconds) / 86400.0));
  seconds_of_day = local_seconds - days * 86400;
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}
}  // namespace

std::string local_time(int64_t unix_seconds, int utc_offset_minutes) {
  int64_t sod = 0;
  const auto ymd = ymd_of(unix_seconds + int64_t{utc_offset_minutes} * 60, sod);
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), sod / 3600,
                     (sod / 60) % 60);
}

std::string local_date(int64_t unix_seconds, int utc_offset_minutes) {
  int64_t sod = 0;
  const auto ymd = ymd_of(unix_seconds + int64_t{utc_offset_minutes} * 60, sod);
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string utc_offset_text(int m) {
  const char sign = m < 0 ? '-' : '+';
  const int a = std::abs(m);
  return fmt::format("UTC{}{:02d}:{:02d}", sign, a / 60, a % 60);
}

// A length for the method text: "500 m", "2 km", "2.5 km".
std::string length_text(double m) {
  if (m < 1000) return fixed(m, 0) + " m";
  const double k = m / 1000;
  return fixed(k, std::fabs(k - std::round(k)) < 1e-9 ? 0 : 1) + " km";
}

std::string str(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  return v.dump();
}

std::string join(const json& arr, const char* sep) {
  std::string out;
  for (const auto& x : arr) {
    if (!out.empty()) out += sep;
    out += str(x);
  }
  return out;
}

}  // namespace truceline::report::detail
