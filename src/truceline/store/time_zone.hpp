// The zone naive local date-times are read in (`truceline ingest --tz`, docs/importers.md):
// KoBo and Ushahidi exports write "2018-10-12 08:30" without an offset; such a time means
// nothing until someone says where the clock hung, so without a zone it is rejected.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace truceline::store {

class TimeZone {
 public:
  // "+03:00", "+0300", "+03", "-05:30", "Z", "UTC" (a fixed offset, at most 18 h), or an IANA
  // zone id known to ICU ("Asia/Damascus", "Europe/Kyiv"), whose rules (daylight saving time,
  // historical changes) come from ICU's time-zone data. Throws InputError for anything else.
  static TimeZone parse(std::string_view spec);

  // As recorded with the report: "+03:00", "UTC", or the zone id as ICU spells it.
  const std::string& name() const { return name_; }
  bool fixed() const { return !zone_; }

  // A local date-time, given as seconds since 1970-01-01T00:00 *read as if UTC*, to UTC
  // seconds. For a zone with clock changes, a local time that happens twice (clocks went back)
  // or never (clocks went forward) has no single answer: `utc` is empty and `problem` says
  // which ("happens twice in Asia/Damascus (clocks went back): +03:00 or +02:00").
  struct Result {
    std::optional<int64_t> utc;
    std::string problem;
  };
  Result to_utc(int64_t local_seconds) const;

  // The version of the zone rules (ICU's tz data, e.g. "2022e").
  static std::string rules_version();

 private:
  TimeZone() = default;
  std::string name_;
  int offset_s_ = 0;                     // fixed offsets
  std::shared_ptr<const void> zone_;     // an icu::TimeZone (type-erased: ICU stays private)
};

}  // namespace truceline::store
