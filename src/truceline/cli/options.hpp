// The command-line grammar every command shares (docs/cli.md, "One grammar"): how instants are
// read, the output format option and its --json shorthand, and the refusal of options that do
// not apply. Every error here is a UsageError naming the option: the CLI adds the
// "Run 'truceline CMD --help'" hint and exits with status 2.
#pragma once

#include <CLI/CLI.hpp>
#include <initializer_list>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"

namespace truceline::cli {

// An instant given to --at, --since or --until (and --date, below), the same forms in every
// command: a date `2018-10-12` (00:00 that day) or a date-time `2018-10-12T08:00[:00[.fff]]`
// (a space instead of `T` is accepted) with `Z`, `+03:00`, `+0300` or no offset. A bare date
// and a date-time without offset are both local time at `utc_offset_minutes`: the
// agreement's timezone where the command has an agreement, else 0 (UTC). Throws UsageError
// "OPTION 'TEXT': expected …" otherwise.
agreement::Instant parse_instant_option(const std::string& option, const std::string& text, int utc_offset_minutes);

// The same, in the agreement's timezone.
inline agreement::Instant parse_at(const std::string& option, const std::string& text, const agreement::Agreement& a) {
  return parse_instant_option(option, text, a.utc_offset_minutes);
}

// A local day given to --date: any form parse_instant_option() accepts; the day is the one
// (at `utc_offset_minutes`) that holds the instant — `2018-11-24` is that day, and so is
// `2018-11-24T15:00`.
struct LocalDay {
  std::string date;          // YYYY-MM-DD
  agreement::Instant start;  // 00:00 that day, local
};
LocalDay parse_day_option(const std::string& option, const std::string& text, int utc_offset_minutes);

// Adds `--format` (one of `choices`, the first being the default written to `format`).
// Values are checked with CLI11, so a bad one is a parse error naming --format.
CLI::Option* add_format_option(CLI::App* cmd, std::string& format, const std::vector<std::string>& choices,
                               const std::string& description);

// Adds the `--json` shorthand for `--format json` (commands that had it before --format).
CLI::Option* add_json_shorthand(CLI::App* cmd, bool& json);

// The output format after the --json shorthand: "json" when --json was given (a conflicting
// explicit --format is refused), else `format`.
std::string chosen_format(const CLI::App* cmd, const std::string& format, bool json);

// True when `option` (e.g. "--clip") was given on the command line of `cmd`.
bool given(const CLI::App* cmd, const std::string& option);

// Refuses every option of `options` that was given: UsageError "OPTION does not apply REASON"
// (e.g. reason "with --agreement (the zone's side is the agreement's)").
void refuse(const CLI::App* cmd, std::initializer_list<const char*> options, const std::string& reason);

}  // namespace truceline::cli
