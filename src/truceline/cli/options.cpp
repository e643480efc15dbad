#include "truceline/cli/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "truceline/error.hpp"
#include "truceline/time.hpp"

namespace truceline::cli {

agreement::Instant parse_instant_option(const std::string& option, const std::string& text, int utc_offset_minutes) {
  if (const auto t = agreement::parse_instant(text, utc_offset_minutes)) return *t;
  throw UsageError(fmt::format(
      "{} '{}': expected a date (2018-10-12) or a date-time (2018-10-12T08:00, 2018-10-12T08:00:00+03:00, "
      "2018-10-12T05:00:00Z)",
      option, text));
}

LocalDay parse_day_option(const std::string& option, const std::string& text, int utc_offset_minutes) {
  const auto t = agreement::parse_instant(text, utc_offset_minutes);
  if (!t)
    throw UsageError(fmt::format("{} '{}': expected a date, YYYY-MM-DD (e.g. 2018-11-24), or a date-time within it",
                                 option, text));
  const int64_t offset_s = int64_t{utc_offset_minutes} * 60;
  const int64_t local = agreement::unix_seconds(*t) + offset_s;
  const int64_t day = local - ((local % 86400) + 86400) % 86400;  // floor to the local midnight
  return {format_iso8601_utc(day).substr(0, 10), agreement::Instant(std::chrono::seconds(day - offset_s))};
}

CLI::Option* add_format_option(CLI::App* cmd, std::string& format, const std::vector<std::string>& choices,
                               const std::string& description) {
  format = choices.front();
  return cmd->add_option("--format", format, description)->check(CLI::IsMember(choices))->capture_default_str();
}

CLI::Option* add_json_shorthand(CLI::App* cmd, bool& json) {
  return cmd->add_flag("--json", json, "shorthand for --format json");
}

std::string chosen_format(const CLI::App* cmd, const std::string& format, bool json) {
  if (!json) return format;
  if (given(cmd, "--format") && format != "json")
    throw UsageError(fmt::format("--json is short for --format json: it does not go with --format {}", format));
  return "json";
}

bool given(const CLI::App* cmd, const std::string& option) { return cmd->count(option) > 0; }

void refuse(const CLI::App* cmd, std::initializer_list<const char*> options, const std::string& reason) {
  for (const char* o : options)
    if (given(cmd, o)) throw UsageError(fmt::format("{} does not apply {}", o, reason));
}

}  // namespace truceline::cli
