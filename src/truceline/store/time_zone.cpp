#include "truceline/store/time_zone.hpp"

#include <fmt/format.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "truceline/error.hpp"
#include "truceline/text.hpp"

namespace truceline::store {

namespace {

std::string offset_name(int offset_s) {
  const int m = std::abs(offset_s) / 60;
  return fmt::format("{}{:02}:{:02}", offset_s < 0 ? '-' : '+', m / 60, m % 60);
}

// "+03:00" / "+0300" / "+03" / "-05:30" -> seconds east of UTC.
std::optional<int> parse_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  auto two = [&](int& out) {
    if (s.size() < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return false;
    out = (s[0] - '0') * 10 + (s[1] - '0');
    s.remove_prefix(2);
    return true;
  };
  int h = 0, m = 0;
  if (!two(h)) return std::nullopt;
  if (!s.empty()) {
    if (s[0] == ':') s.remove_prefix(1);
    if (!two(m) || !s.empty()) return std::nullopt;
  }
  if (h > 18 || m > 59 || h * 60 + m > 18 * 60) return std::nullopt;
  return sign * (h * 3600 + m * 60);
}

const icu::TimeZone& icu_zone(const std::shared_ptr<const void>& p) { return *static_cast<const icu::TimeZone*>(p.get()); }

// The zone's total offset from UTC at a UTC instant, seconds.
int offset_at(const icu::TimeZone& z, int64_t utc_s) {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  z.getOffset(static_cast<UDate>(utc_s) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("ICU time zone: {}", u_errorName(status)));
  return (raw + dst) / 1000;
}

}  // namespace

TimeZone TimeZone::parse(std::string_view spec) {
  TimeZone z;
  const std::string lower = ascii_lower(spec);
  if (lower == "z" || lower == "utc" || lower == "gmt") {
    z.name_ = "UTC";
    return z;
  }
  if (!spec.empty() && (spec[0] == '+' || spec[0] == '-')) {
    const auto o = parse_offset(spec);
    if (!o)
      throw InputError(fmt::format("--tz '{}': expected a UTC offset (+03:00, -05:30) or a time-zone name "
                                   "(Asia/Damascus)",
                                   spec));
    z.offset_s_ = *o;
    z.name_ = offset_name(*o);
    return z;
  }
  const icu::UnicodeString id = icu::UnicodeString::fromUTF8(icu::StringPiece(spec.data(), static_cast<int32_t>(spec.size())));
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(id));
  icu::UnicodeString got;
  tz->getID(got);
  if (spec.empty() || got == UNICODE_STRING_SIMPLE("Etc/Unknown"))
    throw InputError(fmt::format("--tz '{}': not a UTC offset (+03:00) nor a time-zone name known to ICU "
                                 "(e.g. Asia/Damascus, Europe/Kyiv)",
                                 spec));
  got.toUTF8String(z.name_);
  z.zone_ = std::shared_ptr<const void>(tz.release(), [](const void* p) { delete static_cast<const icu::TimeZone*>(p); });
  return z;
}

TimeZone::Result TimeZone::to_utc(int64_t local_s) const {
  if (!zone_) return {local_s - offset_s_, ""};
  const icu::TimeZone& z = icu_zone(zone_);
  // Every UTC instant u with u + offset(u) == local. The offsets in force within a day and a
  // half either side hold every candidate (no zone has changed its clock twice in three days).
  std::vector<int> offsets;
  for (const int64_t probe : {local_s - 129600, local_s - 43200, local_s, local_s + 43200, local_s + 129600}) {
    const int o = offset_at(z, probe);
    if (std::find(offsets.begin(), offsets.end(), o) == offsets.end()) offsets.push_back(o);
  }
  std::vector<std::pair<int64_t, int>> valid;  // (utc, offset)
  for (const int o : offsets)
    if (offset_at(z, local_s - o) == o) valid.emplace_back(local_s - o, o);
  std::sort(valid.begin(), valid.end());
  if (valid.size() == 1) return {valid[0].first, ""};
  std::string candidates;
  for (const int o : offsets) candidates += (candidates.empty() ? "" : " or ") + offset_name(o);
  if (valid.empty())
    return {std::nullopt, fmt::format("does not exist in {} (clocks went forward; {})", name_, candidates)};
  candidates.clear();
  for (const auto& v : valid) candidates += (candidates.empty() ? "" : " or ") + offset_name(v.second);
  return {std::nullopt, fmt::format("happens twice in {} (clocks went back): {}", name_, candidates)};
}

std::string TimeZone::rules_version() {
  UErrorCode status = U_ZERO_ERROR;
  const char* v = icu::TimeZone::getTZDataVersion(status);
  return U_SUCCESS(status) && v ? v : "unknown";
}

}  // namespace truceline::store
