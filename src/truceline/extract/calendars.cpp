#include "truceline/extract/calendars.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>

namespace truceline::extract::calendars {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr double kMsPerDay = 86400000.0;

// A fresh Umm al-Qura calendar in UTC (ICU calendars are not thread-safe to share; these calls
// are rare: one per Hijri date or feast in a text).
std::unique_ptr<icu::Calendar> umalqura() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return nullptr;
  return cal;
}

}  // namespace

std::optional<year_month_day> from_hijri(int y, unsigned m, unsigned d) {
  if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1300 || y > 1600) return std::nullopt;
  auto cal = umalqura();
  if (!cal) return std::nullopt;
  cal->clear();
  cal->set(y, static_cast<int32_t>(m - 1), static_cast<int32_t>(d));
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = cal->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  // Lenient ICU rolls 30 of a 29-day month into the next month: not such a day.
  if (cal->get(UCAL_DATE, status) != static_cast<int32_t>(d) || cal->get(UCAL_MONTH, status) != static_cast<int32_t>(m - 1) ||
      U_FAILURE(status))
    return std::nullopt;
  return year_month_day{sys_days{days{static_cast<long>(std::floor(ms / kMsPerDay))}}};
}

std::optional<int> hijri_year(year_month_day d) {
  auto cal = umalqura();
  if (!cal) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(sys_days{d}.time_since_epoch().count()) * kMsPerDay, status);
  const int32_t y = cal->get(UCAL_YEAR, status);
  if (U_FAILURE(status)) return std::nullopt;
  return y;
}

// Meeus's Julian-calendar Easter algorithm, then the days the Julian calendar lags behind the
// Gregorian one that year. Hand-written: ICU has no church calendar.
year_month_day orthodox_easter(int y) {
  const int a = y % 4, b = y % 7, c = y % 19;
  const int d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int m = (d + e + 114) / 31, dd = (d + e + 114) % 31 + 1;
  // (Easter falls after 1 March, so the lag of the year's own century applies.)
  const int lag = y / 100 - y / 400 - 2;
  return year_month_day{sys_days{year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(dd)}}} +
                        days{lag}};
}

}  // namespace truceline::extract::calendars
