// The report record (docs/report-format.md): one observation or claim, with its provenance,
// grading and uncertainty. (Named record.hpp so that it is never confused with the daily
// report, the report/ module.) The canonical interchange is JSON Lines, one report per line.
//
// Importers turn input rows (JSONL, CSV, GeoJSON, ACLED) into `RowOutcome`s: a normalized
// Report, or the reason the row is quarantined. Nothing here touches the database.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "truceline/store/time_zone.hpp"
#include "truceline/time.hpp"

namespace truceline::store {

// The documented kind vocabulary.
const std::vector<std::string>& report_kinds();
const std::vector<std::string>& time_precisions();  // minute hour day week month
// The length of a time precision, seconds (a month is taken as 31 days; unknown: a day).
int64_t time_precision_s(const std::string& precision);
const std::vector<std::string>& source_types();     // monitor party media ngo social other

struct Report {
  std::string source_id;        // the source's own id, optional
  int64_t observed_unix = 0;    // UTC seconds
  std::string time_precision = "day";
  std::optional<int64_t> reported_unix;
  std::optional<double> lon, lat;  // or `place`
  std::string place;
  double location_precision_m = 0;
  std::string kind;
  std::string weapon_class;
  std::optional<int64_t> weapon_count;
  std::string actor, target;
  std::optional<int64_t> fatalities, injured;
  std::optional<int64_t> explosions;  // explosions heard or seen (a count, like fatalities)
  std::string summary;
  std::vector<std::string> tags;
  std::string source_name, source_type = "other", source_url;
  std::string reliability = "F";  // Admiralty A-F (F: cannot be judged)
  int credibility = 6;            // 1-6 (6: cannot be judged)
  std::string supersedes;         // id of an earlier report this one corrects
  nlohmann::json extra = nlohmann::json::object();  // unknown fields, kept

  // The normalized report as JSON (stable key order, UTC times): what `reports` prints and
  // what the content hash is computed over. Round-trips through report_from_json().
  nlohmann::json to_json() const;
  // to_json().dump(), byte for byte (the content hash is computed over it), written straight
  // to a string: building the nlohmann tree (a std::map per object) only to print it was a
  // fifth of the ingest time. Falls back to to_json().dump() when there are unknown fields.
  std::string canonical_json() const;
};

// What `truceline reports` adds to each report and the importers ignore on input, so that
// re-ingesting its output adds nothing (docs/report-format.md, "Effective location"): the
// store's `id` and `superseded_by`, the effective location as one JSON object
// (`effective_location`, JSONL) and as flat columns (CSV columns, GeoJSON properties).
const std::vector<std::string>& effective_location_columns();  // effective_method, ... (in order)
bool is_output_only_key(const std::string& key);

// A parsed row: either a report or the reason it is rejected.
struct RowOutcome {
  std::optional<Report> report;
  std::string error;
};

// Limits (docs/report-format.md, "Limits"): a count (fatalities, injured, explosions, weapon_count) is a
// whole number from 0 to 2^53 (the largest range every JSON reader holds exactly; a count
// beyond it is a typo or an overflow, such as 18446744073709551615 = -1 as unsigned 64 bits);
// location_precision_m is finite and at most 1 000 km (a larger "uncertainty" says nothing
// about where it happened).
inline constexpr int64_t kMaxCount = int64_t{1} << 53;
inline constexpr double kMaxLocationPrecisionM = 1e6;

// How rows are read beyond the model's own rules (`ingest --tz`, `--source`).
struct ReadOptions {
  // The zone naive date-times ("2018-10-12 08:30", no offset) are read in; none: such times are
  // rejected as ambiguous. A report read with it gets the extra field
  // "assumed_time_zone": name() (its provenance). Bare dates are not affected.
  std::shared_ptr<const TimeZone> tz;
  // source.name for a row that gives none (rows with their own keep it).
  std::string default_source;
};

// Validates and normalizes one JSON object (the keys `reports` adds, is_output_only_key(),
// are ignored: the store derives them). Required: observed_at, a location (lon+lat or
// place), kind, source.name. observed_at: ISO 8601 date or date-time with offset or Z (or a
// naive date-time with options.tz).
RowOutcome report_from_json(const nlohmann::json& object, const ReadOptions& options = {});

// A report's fields as flat text, the way the CSV and ACLED readers have them: what
// report_from_fields() reads without a JSON object per row. It reads them by the very rules
// report_from_json() reads a JSON object's members by (one code path, record.cpp: a field given
// here as text is read as that JSON string would be), so the same fields give the same report,
// content hash and error messages; tests/store/importers_test.cpp checks it.
struct ReportFields {
  // The model's fields: the top-level keys of a report, and source.name/type/url.
  enum Field : unsigned char {
    observed_at, time_precision, reported_at, lon, lat, place, location_precision_m, kind, weapon_class,
    weapon_count, actor, target, fatalities, injured, explosions, summary, source_id, supersedes, reliability,
    credibility, source_name, source_type, source_url, kFieldCount
  };
  // The top-level key ("observed_at", ...; "name", "type", "url" for the source's fields).
  static const char* key(Field f);
  // The field's text (views into the caller's buffers, which must outlive the call); nullopt:
  // not given (as an absent JSON key).
  std::array<std::optional<std::string_view>, kFieldCount> text;
  // tags: given (as an array of these strings) or not (as an absent key).
  bool tags_given = false;
  std::vector<std::string_view> tags;
  // Every other top-level member, as a string (`text`) or as a JSON value (`json`, set: it is
  // moved into the report's extra fields, so it is left empty). Keys are distinct and none is
  // one of the fields above ("tags", "source" included).
  struct Member {
    std::string_view key;
    std::string_view text;
    nlohmann::json* json = nullptr;
  };
  std::vector<Member> members;

  // Clears every field, keeping the vectors' memory (a reader reuses one ReportFields).
  void clear() {
    text.fill(std::nullopt);
    tags_given = false;
    tags.clear();
    members.clear();
  }
};

// report_from_json() of the JSON object that `fields` stands for.
RowOutcome report_from_fields(ReportFields& fields, const ReadOptions& options = {});

// Parses one JSONL line (also rejects invalid UTF-8, non-objects, lines over 1 MiB).
RowOutcome report_from_jsonl(const std::string& line, const ReadOptions& options = {});

// "2018-10-12" / "2018-10-12T08:00:00+03:00" / "...Z" -> unix seconds; nullopt if malformed.
// A date without a time is 00:00 UTC that day (its precision says "day").
std::optional<int64_t> parse_iso_time(const std::string& text, bool* date_only = nullptr);
// Formatting: truceline::format_iso8601_utc (truceline/time.hpp), the one ISO writer.

// SHA-256 (OpenSSL): the 32 raw bytes, or lower-case hex.
std::string sha256_bytes(const std::string& bytes);
std::string sha256_hex(const std::string& bytes);
// The first 20 hex digits of a content hash (raw bytes): a report's id without its "r", a
// candidate's without its "c" (fewer when the hash is shorter).
std::string hash_prefix_hex(const std::string& hash);
// The same over a file's bytes, streaming. Throws InputError when it cannot be read.
std::string sha256_file(const std::string& path);

// True when `s` is empty or only white space (ASCII, no-break and other Unicode spaces): such
// a value is absent (docs/report-format.md, "Blank values").
bool blank(std::string_view s);

// A parser callback for nlohmann::json::parse that records repeated keys in any object
// (nlohmann keeps the last value silently). found(): feature number (1-based, for a GeoJSON
// FeatureCollection's features; 0 outside them) -> the first repeated key's path in it
// ("observed_at", "source.name", "properties.kind").
class DuplicateKeys {
 public:
  bool operator()(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed);
  const std::map<std::size_t, std::string>& found() const { return found_; }

 private:
  struct Frame {
    bool object = false;
    std::set<std::string> keys;
    std::string path, last_key;
  };
  std::vector<Frame> frames_;
  std::size_t feature_ = 0;
  std::map<std::size_t, std::string> found_;
};

// True when the bytes are valid UTF-8.
bool valid_utf8(const std::string& bytes);

}  // namespace truceline::store
