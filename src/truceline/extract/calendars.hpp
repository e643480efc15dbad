// Calendars other than the Gregorian one that texts about Syria date events by: the Hijri
// (Islamic) calendar of "19 Ramadan 1440" and of the Eid feasts, and the Orthodox Easter cycle
// of the Russian church calendar ("Радоница", "Вербное воскресенье").
#pragma once

#include <chrono>
#include <optional>

namespace truceline::extract::calendars {

// The Gregorian day of a Hijri date, by the Umm al-Qura calendar (ICU's "islamic-umalqura"; the
// day Syria kept may differ by one, as moon sightings do), or nullopt when there is no such day
// (30 of a month of 29 days, a month out of 1-12, a year outside what ICU holds).
std::optional<std::chrono::year_month_day> from_hijri(int year, unsigned month, unsigned day);

// The Hijri year a Gregorian day falls in (Umm al-Qura).
std::optional<int> hijri_year(std::chrono::year_month_day d);

// Orthodox (Julian-computus) Easter Sunday of a year, as a Gregorian date (the Julian calendar's
// lag behind the Gregorian computed for the year: 13 days in 1900-2099, 14 in 2100-2199).
std::chrono::year_month_day orthodox_easter(int year);

}  // namespace truceline::extract::calendars
