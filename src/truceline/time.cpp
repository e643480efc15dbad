#include "truceline/time.hpp"

#include <fmt/format.h>

#include <chrono>

namespace truceline {

std::optional<IsoTime> parse_iso8601(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  auto digits = [&](int n, int& out) {
    out = 0;
    for (int i = 0; i < n; ++i, ++p) {
      if (p >= end || *p < '0' || *p > '9') return false;
      out = out * 10 + (*p - '0');
    }
    return true;
  };
  auto lit = [&](char c) {
    if (p < end && *p == c) {
      ++p;
      return true;
    }
    return false;
  };
  IsoTime t;
  int y = 0, mo = 0, d = 0, hh = 0, mm = 0, ss = 0, offset = 0;
  if (!digits(4, y) || !lit('-') || !digits(2, mo) || !lit('-') || !digits(2, d)) return std::nullopt;
  t.date_only = p == end;
  if (!t.date_only) {
    if (*p != 'T' && *p != ' ') return std::nullopt;
    ++p;
    if (!digits(2, hh) || !lit(':') || !digits(2, mm)) return std::nullopt;
    if (lit(':')) {
      if (!digits(2, ss)) return std::nullopt;
      if (lit('.')) {
        if (p >= end || *p < '0' || *p > '9') return std::nullopt;
        while (p < end && *p >= '0' && *p <= '9') ++p;
      }
    }
    if (lit('Z')) {
      t.has_offset = true;
    } else if (p < end && (*p == '+' || *p == '-')) {
      const int sign = *p == '-' ? -1 : 1;
      ++p;
      int oh = 0, om = 0;
      if (!digits(2, oh)) return std::nullopt;
      lit(':');
      if (!digits(2, om) || oh > 23 || om > 59) return std::nullopt;
      offset = sign * (oh * 60 + om);
      t.has_offset = true;
    }
  }
  if (p != end) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  t.unix_seconds = (sys_days{ymd} + hours{hh} + minutes{mm} + seconds{ss} - minutes{offset}).time_since_epoch().count();
  return t;
}

std::string format_iso8601_utc(int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds t{seconds{unix_seconds}};
  const auto d = floor<days>(t);
  const year_month_day ymd{d};
  const hh_mm_ss hms{t - d};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

}  // namespace truceline
