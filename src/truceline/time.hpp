// ISO 8601 dates and date-times, shared by agreements and reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace truceline {

struct IsoTime {
  int64_t unix_seconds = 0;  // with the written offset applied; without one, read as UTC
  bool date_only = false;    // "2018-10-12"
  bool has_offset = false;   // "Z" or "+03:00" / "-0500" was written
};

// YYYY-MM-DD[(T| )hh:mm[:ss[.fff]][Z|+hh:mm|+hhmm|-…]]; nullopt when malformed or not a real
// date. Hand-parsed: std::regex cost tens of microseconds a call on the ingest path.
std::optional<IsoTime> parse_iso8601(std::string_view text);

// "2018-10-12T05:30:00Z".
std::string format_iso8601_utc(int64_t unix_seconds);

}  // namespace truceline
