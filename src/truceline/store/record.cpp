#include "truceline/store/record.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <simdjson.h>

#include <algorithm>
#include <functional>
#include <charconv>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "truceline/error.hpp"
#include "truceline/text.hpp"
#include "truceline/time.hpp"
#include <chrono>
#include <cmath>
#include <set>

namespace truceline::store {

using nlohmann::json;

const std::vector<std::string>& report_kinds() {
  static const std::vector<std::string> kinds{
      "shelling",   "airstrike",   "armed_clash",    "weapon_sighting",     "group_presence", "patrol",
      "post_event", "uav_observation", "civilian_harm", "movement_restriction", "withdrawal",   "other"};
  return kinds;
}

const std::vector<std::string>& time_precisions() {
  static const std::vector<std::string> p{"minute", "hour", "day", "week", "month"};
  return p;
}

const std::vector<std::string>& source_types() {
  static const std::vector<std::string> t{"monitor", "party", "media", "ngo", "social", "other"};
  return t;
}

std::optional<int64_t> parse_iso_time(const std::string& text, bool* date_only) {
  const auto t = parse_iso8601(text);
  // A date-time needs its offset (or Z): a local time without a zone is ambiguous.
  if (!t || (!t->date_only && !t->has_offset)) return std::nullopt;
  if (date_only) *date_only = t->date_only;
  return t->unix_seconds;
}


int64_t time_precision_s(const std::string& p) {
  if (p == "minute") return 60;
  if (p == "hour") return 3600;
  if (p == "week") return 7 * 86400;
  if (p == "month") return 31 * 86400;
  return 86400;
}

namespace {
std::string to_hex(const unsigned char* d, unsigned int n) {
  static const char* digits = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (unsigned int i = 0; i < n; ++i) {
    out[2 * i] = digits[d[i] >> 4];
    out[2 * i + 1] = digits[d[i] & 15];
  }
  return out;
}
}  // namespace

namespace {
// OpenSSL 3 looks the algorithm up in its provider tables (under a lock) on every EVP_sha256()
// digest unless it is fetched once; hashing a row costs less than that look-up.
const EVP_MD* sha256_md() {
  static const struct Md {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    ~Md() { EVP_MD_free(md); }
  } fetched;
  return fetched.md ? fetched.md : EVP_sha256();
}
}  // namespace

std::string sha256_bytes(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &n, sha256_md(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), n);
}

std::string sha256_hex(const std::string& bytes) {
  const std::string d = sha256_bytes(bytes);
  return to_hex(reinterpret_cast<const unsigned char*>(d.data()), static_cast<unsigned int>(d.size()));
}

std::string hash_prefix_hex(const std::string& hash) {
  return to_hex(reinterpret_cast<const unsigned char*>(hash.data()), static_cast<unsigned int>(std::min<std::size_t>(hash.size(), 10)));
}

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, sha256_md(), nullptr);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    EVP_DigestUpdate(ctx, buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx, digest, &n);
  EVP_MD_CTX_free(ctx);
  return to_hex(digest, n);
}

// A UTF-8 validity check (RFC 3629: no overlongs, no surrogates, <= U+10FFFF). Written here
// because it is the only Unicode operation the store needs; ICU would add a dependency for
// 25 lines.
bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

const std::vector<std::string>& effective_location_columns() {
  static const std::vector<std::string> c{"effective_method",         "effective_lon",     "effective_lat",
                                          "effective_precision_m",    "effective_precision_from",
                                          "effective_matched",        "effective_match",   "effective_score",
                                          "effective_reason"};
  return c;
}

namespace {
bool output_only(std::string_view key);
}  // namespace

bool is_output_only_key(const std::string& key) { return output_only(key); }

bool blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
      i += 2;
    } else if (i + 3 <= s.size() && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) <= 0x8B || static_cast<unsigned char>(s[i + 2]) == 0xAF)) {
      i += 3;  // U+2000-U+200B (en/em/thin/zero-width spaces), U+202F (narrow no-break space)
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // ideographic space
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

bool DuplicateKeys::operator()(int, json::parse_event_t event, json& parsed) {
  using E = json::parse_event_t;
  auto inner_path = [&] {
    if (frames_.empty()) return std::string();
    const Frame& f = frames_.back();
    if (!f.object) return f.path;
    return f.path.empty() ? f.last_key : f.path + "." + f.last_key;
  };
  switch (event) {
    case E::object_start:
    case E::array_start: {
      // A GeoJSON feature: an object directly in the top-level object's "features" array.
      if (event == E::object_start && frames_.size() == 2 && frames_[0].object && frames_[0].last_key == "features" &&
          !frames_[1].object)
        ++feature_;
      Frame f;
      f.object = event == E::object_start;
      f.path = inner_path();
      frames_.push_back(std::move(f));
      break;
    }
    case E::object_end:
    case E::array_end:
      if (!frames_.empty()) frames_.pop_back();
      break;
    case E::key:
      if (!frames_.empty() && parsed.is_string()) {
        Frame& f = frames_.back();
        f.last_key = parsed.get<std::string>();
        if (!f.keys.insert(f.last_key).second) {
          const std::string path = f.path.empty() ? f.last_key : f.path + "." + f.last_key;
          const std::size_t where = frames_.size() >= 3 && frames_[0].last_key == "features" ? feature_ : 0;
          found_.emplace(where, path);  // the first in each feature (or outside them)
        }
      }
      break;
    default:
      break;
  }
  return true;
}

namespace {

const std::set<std::string, std::less<>> kKnown{"id", "superseded_by", "ledger_index", "source_id", "observed_at", "time_precision", "reported_at", "lon", "lat",
                                   "place", "location_precision_m", "kind", "weapon_class", "weapon_count",
                                   "actor", "target", "fatalities", "injured", "explosions", "summary", "tags", "source",
                                   "reliability", "credibility", "supersedes"};

bool in(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

bool output_only(std::string_view key) {
  if (key == "id" || key == "superseded_by" || key == "effective_location" || key == "ledger_index") return true;
  const auto& c = effective_location_columns();
  return std::find(c.begin(), c.end(), key) != c.end();
}

// A member's value as the rules below read it, from a JSON object (report_from_json) or from
// flat text (report_from_fields: a text is read as that JSON string would be).
struct Val {
  enum Type { absent, null, string, integer, unsigned_integer, floating, other } type = absent;
  std::string_view str;      // string
  int64_t i = 0;             // integer
  uint64_t u = 0;            // unsigned_integer (nlohmann reads every non-negative integer so)
  double d = 0;              // floating
  const json* j = nullptr;   // the JSON value; nullptr: a flat text
  bool given() const { return type != absent && type != null; }  // present and not null
  bool is_integer() const { return type == integer || type == unsigned_integer; }
  // The value as JSON prints it (for messages).
  std::string dump() const { return j ? j->dump() : json(std::string(str)).dump(); }
};

Val val_of(const json* v) {
  Val r;
  if (!v) return r;
  r.j = v;
  switch (v->type()) {
    case json::value_t::null: r.type = Val::null; break;
    case json::value_t::string: r.type = Val::string, r.str = v->get_ref<const std::string&>(); break;
    case json::value_t::number_integer: r.type = Val::integer, r.i = v->get<int64_t>(); break;
    case json::value_t::number_unsigned: r.type = Val::unsigned_integer, r.u = v->get<uint64_t>(); break;
    case json::value_t::number_float: r.type = Val::floating, r.d = v->get<double>(); break;
    default: r.type = Val::other; break;
  }
  return r;
}

Val val_of(const std::optional<std::string_view>& t) {
  Val r;
  if (t) r.type = Val::string, r.str = *t;
  return r;
}

// Reads an optional string field; numbers are accepted for ids. A value of white space only
// ("   ") is absent: a blank place, source name or kind is missing, not a value.
std::optional<std::string> text(const Val& v, const char* key, std::string& error) {
  if (!v.given()) return std::nullopt;
  if (v.type == Val::string) {
    if (blank(v.str)) return std::nullopt;
    return std::string(v.str);
  }
  if (v.is_integer()) return v.dump();
  error = fmt::format("{} must be a string", key);
  return std::nullopt;
}

std::string too_large(const char* key, const std::string& value) {
  return fmt::format("{} {} is too large (at most 2^53 = {})", key, value, kMaxCount);
}

// A count: a whole number from 0 to kMaxCount, as a JSON number or as digits in a string.
std::optional<int64_t> count(const Val& v, const char* key, std::string& error) {
  if (!v.given()) return std::nullopt;
  if (v.type == Val::unsigned_integer) {  // nlohmann reads every non-negative integer literal as unsigned
    const uint64_t u = v.u;
    if (u > static_cast<uint64_t>(kMaxCount)) {
      error = too_large(key, std::to_string(u));
      return std::nullopt;
    }
    return static_cast<int64_t>(u);
  }
  if (v.type == Val::integer) {
    const int64_t i = v.i;
    if (i >= 0 && i > kMaxCount) error = too_large(key, std::to_string(i));
    if (i >= 0 && i <= kMaxCount) return i;
  } else if (v.type == Val::string) {
    const std::string_view s = v.str;
    if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      uint64_t u = 0;
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), u);
      if (ec == std::errc() && end == s.data() + s.size() && u <= static_cast<uint64_t>(kMaxCount))
        return static_cast<int64_t>(u);
      error = too_large(key, std::string(s));
      return std::nullopt;
    }
  }
  if (error.empty()) error = fmt::format("{} must be a whole number >= 0 (got {})", key, v.dump());
  return std::nullopt;
}

// std::stod(s, &used) where all of `s` must be used, without its exceptions (a throw and its
// unwinding cost more than the rest of a row): NaN where stod throws (no number at all, out of
// range: strtod's ERANGE, which stod turns into out_of_range) or leaves characters unread.
double whole_double(std::string_view s) {
  const std::string z(s);  // strtod reads a terminated string (a NUL inside ends it, as for stod)
  const int saved = errno;
  errno = 0;
  char* end = nullptr;
  const double d = std::strtod(z.c_str(), &end);
  const bool range = errno == ERANGE;
  if (errno == 0) errno = saved;
  if (end == z.c_str() || range || end != z.c_str() + z.size()) return NAN;
  return d;
}

std::optional<double> number(const Val& v, const char* key, std::string& error) {
  if (!v.given()) return std::nullopt;
  double d = NAN;
  if (v.type == Val::integer) d = static_cast<double>(v.i);
  else if (v.type == Val::unsigned_integer) d = static_cast<double>(v.u);
  else if (v.type == Val::floating) d = v.d;
  else if (v.type == Val::string) d = whole_double(v.str);
  if (!std::isfinite(d)) {
    error = fmt::format("{} must be a finite number (got {})", key, v.dump());
    // "36,5" from a spreadsheet saved with a decimal comma: say so, do not guess.
    if (v.type == Val::string && std::count(v.str.begin(), v.str.end(), ',') == 1) {
      std::string dotted(v.str);
      std::replace(dotted.begin(), dotted.end(), ',', '.');
      char* end = nullptr;
      const double x = std::strtod(dotted.c_str(), &end);
      if (end == dotted.c_str() + dotted.size() && std::isfinite(x))
        error += fmt::format(": decimal commas are not read, write {}", dotted);
    }
    return std::nullopt;
  }
  return d;
}

// observed_at / reported_at as written: an ISO 8601 date, a date-time with its offset, or a
// naive date-time read in options.tz.
struct TimeRead {
  std::optional<int64_t> unix_seconds;
  bool date_only = false, zone_used = false;
  std::string error;
};

// "10/12/2018", "12/10/2018 08:30", "12.10.2018": day and month in an order the text does not say.
bool numeric_dmy(const std::string& s) {
  std::size_t p = 0, groups = 0;
  while (groups < 3) {
    const std::size_t start = p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    if (p == start) return false;
    ++groups;
    if (groups < 3) {
      if (p >= s.size() || (s[p] != '/' && s[p] != '.' && s[p] != '-')) return false;
      ++p;
    }
  }
  return groups == 3 && (p == s.size() || s[p] == ' ' || s[p] == 'T') && s.find_first_of("/.") < p;
}

TimeRead read_time(const char* field, const std::string& text, const ReadOptions& options) {
  TimeRead r;
  const auto t = parse_iso8601(text);
  if (!t) {
    if (numeric_dmy(text))
      r.error = fmt::format("{} '{}': dates with slashes or dots are not read (day/month and month/day "
                            "cannot be told apart); write YYYY-MM-DD (ISO 8601)",
                            field, text);
    else
      r.error = fmt::format("{} '{}' is not an ISO 8601 date or date-time with offset (2018-10-12, "
                            "2018-10-12T08:30:00+03:00)",
                            field, text);
    return r;
  }
  r.date_only = t->date_only;
  if (t->date_only || t->has_offset) {
    r.unix_seconds = t->unix_seconds;
    return r;
  }
  if (!options.tz) {
    r.error = fmt::format("{} '{}' has no UTC offset: write one (2018-10-12T08:30:00+03:00), or give the zone "
                          "of such times with --tz (e.g. --tz +03:00, --tz Asia/Damascus)",
                          field, text);
    return r;
  }
  const TimeZone::Result u = options.tz->to_utc(t->unix_seconds);
  if (!u.utc) {
    r.error = fmt::format("{} '{}' {}", field, text, u.problem);
    return r;
  }
  r.unix_seconds = u.utc;
  r.zone_used = true;
  return r;
}

// The one reading of a report's fields (docs/report-format.md), over either adapter: JsonFields
// (report_from_json) or FlatFields (report_from_fields). An adapter only hands out values
// (get, member, the tags, the members); every rule and every message is here.
using F = ReportFields;
template <class Fields>
RowOutcome read_report(const Fields& o, const ReadOptions& options) {
  RowOutcome out;
  std::string& err = out.error;
  Report r;
  // observed_at and its precision.
  const auto observed = text(o.get(F::observed_at), "observed_at", err);
  if (!err.empty()) return out;
  if (!observed) {
    err = "missing observed_at";
    return out;
  }
  bool zone_used = false;
  const TimeRead t = read_time("observed_at", *observed, options);
  if (!t.unix_seconds) {
    err = t.error;
    return out;
  }
  zone_used |= t.zone_used;
  r.observed_unix = *t.unix_seconds;
  r.time_precision = t.date_only ? "day" : "minute";
  if (auto p = text(o.get(F::time_precision), "time_precision", err)) {
    if (!in(time_precisions(), *p)) {
      err = fmt::format("time_precision '{}' is not one of {}", *p, join(time_precisions()));
      return out;
    }
    r.time_precision = *p;
  }
  if (!err.empty()) return out;
  if (auto rep = text(o.get(F::reported_at), "reported_at", err)) {
    const TimeRead rt = read_time("reported_at", *rep, options);
    if (!rt.unix_seconds) {
      err = rt.error;
      return out;
    }
    zone_used |= rt.zone_used;
    r.reported_unix = *rt.unix_seconds;
  }
  if (!err.empty()) return out;
  // Location.
  r.lon = number(o.get(F::lon), "lon", err);
  if (!err.empty()) return out;
  r.lat = number(o.get(F::lat), "lat", err);
  if (!err.empty()) return out;
  r.place = text(o.get(F::place), "place", err).value_or("");
  if (!err.empty()) return out;
  if (r.lon.has_value() != r.lat.has_value()) {
    err = r.lon ? "lon without lat" : "lat without lon";
    return out;
  }
  if (r.lon && (*r.lon < -180 || *r.lon > 180)) {
    err = fmt::format("lon {} is outside [-180, 180]", *r.lon);
    return out;
  }
  if (r.lat && (*r.lat < -90 || *r.lat > 90)) {
    err = fmt::format("lat {} is outside [-90, 90]", *r.lat);
    return out;
  }
  if (r.lon && *r.lon == 0 && *r.lat == 0) {
    err = "lon 0, lat 0: a missing location written as zeros? (give no lon/lat, or a place)";
    return out;
  }
  if (!r.lon && r.place.empty()) {
    err = "missing location: lon and lat, or place";
    return out;
  }
  if (auto pm = number(o.get(F::location_precision_m), "location_precision_m", err)) {
    if (*pm < 0) {
      err = "location_precision_m must be >= 0";
      return out;
    }
    if (*pm > kMaxLocationPrecisionM) {
      err = fmt::format("location_precision_m {} is more than 1 000 km (at most {:.0f} m)", *pm, kMaxLocationPrecisionM);
      return out;
    }
    r.location_precision_m = *pm;
  }
  if (!err.empty()) return out;
  // What happened.
  const auto kind = text(o.get(F::kind), "kind", err);
  if (!err.empty()) return out;
  if (!kind) {
    err = "missing kind";
    return out;
  }
  if (!in(report_kinds(), *kind)) {
    err = fmt::format("kind '{}' is not one of {}", *kind, join(report_kinds()));
    return out;
  }
  r.kind = *kind;
  r.weapon_class = text(o.get(F::weapon_class), "weapon_class", err).value_or("");
  r.weapon_count = count(o.get(F::weapon_count), "weapon_count", err);
  r.actor = text(o.get(F::actor), "actor", err).value_or("");
  r.target = text(o.get(F::target), "target", err).value_or("");
  r.fatalities = count(o.get(F::fatalities), "fatalities", err);
  r.injured = count(o.get(F::injured), "injured", err);
  r.explosions = count(o.get(F::explosions), "explosions", err);
  r.summary = text(o.get(F::summary), "summary", err).value_or("");
  r.source_id = text(o.get(F::source_id), "source_id", err).value_or("");
  r.supersedes = text(o.get(F::supersedes), "supersedes", err).value_or("");
  if (!err.empty()) return out;
  if (o.member("tags").given() && !o.tags_into(r.tags)) {
    err = "tags must be an array of strings";
    return out;
  }
  // `cites` (the outlets a compiled report is drawn from) stays an extra field, but it must be
  // usable: independence is judged on it (docs/assessment.md).
  if (const Val cites = o.member("cites"); cites.type != Val::absent) {
    bool ok = cites.j && cites.j->is_array();
    if (ok)
      for (const auto& c : *cites.j) ok = ok && c.is_string() && !c.template get<std::string>().empty();
    if (!ok) {
      err = "cites must be an array of outlet names (non-empty strings)";
      return out;
    }
  }
  // Source and grading.
  if (const Val s = o.member("source"); s.given() && !(s.j && s.j->is_object())) {
    err = "source must be an object {name, type, url}";
    return out;
  }
  r.source_name = text(o.get(F::source_name), "name", err).value_or("");
  if (!err.empty()) return out;
  if (r.source_name.empty()) r.source_name = options.default_source;
  if (r.source_name.empty()) {
    err = "missing source.name";
    return out;
  }
  r.source_type = text(o.get(F::source_type), "type", err).value_or("other");
  r.source_url = text(o.get(F::source_url), "url", err).value_or("");
  if (!err.empty()) return out;
  if (!in(source_types(), r.source_type)) {
    err = fmt::format("source.type '{}' is not one of {}", r.source_type, join(source_types()));
    return out;
  }
  if (auto rel = text(o.get(F::reliability), "reliability", err)) {
    if (rel->size() != 1 || (*rel)[0] < 'A' || (*rel)[0] > 'F') {
      err = fmt::format("reliability '{}' is not an Admiralty grade A-F", *rel);
      return out;
    }
    r.reliability = *rel;
  }
  if (!err.empty()) return out;
  if (o.get(F::credibility).given()) {
    const auto c = count(o.get(F::credibility), "credibility", err);
    if (!c || *c < 1 || *c > 6) {
      err = fmt::format("credibility {} is not an Admiralty grade 1-6", o.get(F::credibility).dump());
      return out;
    }
    r.credibility = static_cast<int>(*c);
  }
  o.each_member([&](std::string_view k, auto&& v) {
    if (!kKnown.count(k) && !output_only(k)) r.extra[std::string(k)] = std::forward<decltype(v)>(v);
  });
  o.each_source_member([&](std::string_view k, const json& v) {
    if (k != "name" && k != "type" && k != "url") r.extra["source." + std::string(k)] = v;
  });
  if (zone_used) r.extra["assumed_time_zone"] = options.tz->name();
  out.report = std::move(r);
  return out;
}

// report_from_json's adapter: the members of a JSON object (source.name/type/url: of its
// "source" member when that is an object).
struct JsonFields {
  explicit JsonFields(const json& object) : o(object) {
    const auto s = o.find("source");
    if (s != o.end() && s->is_object()) source = &*s;
  }
  Val get(F::Field f) const {
    if (f >= F::source_name && !source) return {};
    const json& in = f >= F::source_name ? *source : o;
    const auto it = in.find(F::key(f));
    return it == in.end() ? Val{} : val_of(&*it);
  }
  Val member(const char* key) const {
    const auto it = o.find(key);
    return it == o.end() ? Val{} : val_of(&*it);
  }
  // The tags (given: present, not null) when they are an array of strings.
  bool tags_into(std::vector<std::string>& tags) const {
    const json& t = o["tags"];
    if (!t.is_array()) return false;
    for (const auto& tag : t) {
      if (!tag.is_string()) return false;
      tags.push_back(tag.get<std::string>());
    }
    return true;
  }
  template <class Put>
  void each_member(Put put) const {
    for (const auto& [k, v] : o.items()) put(std::string_view(k), v);
  }
  template <class Put>
  void each_source_member(Put put) const {
    if (source)
      for (const auto& [k, v] : source->items()) put(std::string_view(k), v);
  }

  const json& o;
  const json* source = nullptr;
};

// report_from_fields' adapter: the fields as text, the other members as text or JSON values
// (moved out of `f`).
struct FlatFields {
  Val get(F::Field x) const { return val_of(f.text[x]); }
  Val member(std::string_view key) const {
    if (key == "tags") {
      Val v;
      if (f.tags_given) v.type = Val::other;  // an array
      return v;
    }
    for (const auto& m : f.members)
      if (m.key == key) return m.json ? val_of(m.json) : val_of(std::optional<std::string_view>(m.text));
    return {};
  }
  bool tags_into(std::vector<std::string>& tags) const {
    tags.reserve(f.tags.size());
    for (const auto t : f.tags) tags.emplace_back(t);
    return true;
  }
  template <class Put>
  void each_member(Put put) const {
    for (auto& m : f.members) {
      if (m.json) put(m.key, std::move(*m.json));
      else put(m.key, std::string(m.text));
    }
  }
  template <class Put>
  void each_source_member(Put) const {}

  ReportFields& f;
};

}  // namespace

const char* ReportFields::key(Field f) {
  static constexpr const char* kKeys[kFieldCount] = {
      "observed_at", "time_precision", "reported_at", "lon",        "lat",        "place",
      "location_precision_m", "kind", "weapon_class", "weapon_count", "actor", "target",
      "fatalities",  "injured",        "explosions",  "summary",    "source_id",  "supersedes",
      "reliability", "credibility",    "name",        "type",       "url"};
  return kKeys[f];
}

RowOutcome report_from_json(const json& o, const ReadOptions& options) {
  if (!o.is_object()) {
    RowOutcome out;
    out.error = "a report must be a JSON object";
    return out;
  }
  return read_report(JsonFields(o), options);
}

RowOutcome report_from_fields(ReportFields& fields, const ReadOptions& options) {
  return read_report(FlatFields{fields}, options);
}

namespace {

// The fast path for JSON Lines: simdjson's validating DOM parser, read straight into a Report.
// It takes only the rows it can read exactly as report_from_json() would; anything else
// (every invalid row, unknown fields, duplicate keys, numbers given as strings, ...) returns
// nullopt and goes through nlohmann + report_from_json(), so results and error messages stay
// those of the one reference path. tests/store/importers_test.cpp checks the two agree.
namespace sj = simdjson::dom;

// A string, or nullopt for anything else (null is handled by the caller).
std::optional<std::string> sj_string(const sj::element& e) {
  std::string_view v;
  if (e.get_string().get(v)) return std::nullopt;
  return std::string(v);
}

// nlohmann reads "-0" as the integer 0 and "-0.0" as the double -0.0; simdjson may not tell
// them apart, so a negative zero is left to the reference path.
std::optional<double> sj_number(const sj::element& e) {
  double d = 0;
  int64_t i = 0;
  if (!e.get_int64().get(i)) return static_cast<double>(i);
  if (!e.is_double() || e.get_double().get(d) || (d == 0 && std::signbit(d)) || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<int64_t> sj_count(const sj::element& e) {
  int64_t i = 0;
  if (e.get_int64().get(i) || i < 0 || i > kMaxCount) return std::nullopt;
  return i;
}

std::optional<Report> report_from_jsonl_fast(const std::string& line) {
  thread_local sj::parser parser;
  sj::element doc;
  if (parser.parse(line).get(doc)) return std::nullopt;  // invalid UTF-8 or JSON: reference path
  sj::object o;
  if (doc.get_object().get(o)) return std::nullopt;
  enum Field : unsigned {
    kObserved, kPrecision, kReported, kLon, kLat, kPlace, kLocPrecision, kKind, kWeaponClass, kWeaponCount, kActor,
    kTarget, kFatalities, kInjured, kExplosions, kSummary, kTags, kSource, kReliability, kCredibility, kSupersedes, kSourceId,
    kIgnored, kFieldCount
  };
  static const std::pair<std::string_view, Field> names[] = {
      {"observed_at", kObserved}, {"time_precision", kPrecision}, {"reported_at", kReported}, {"lon", kLon},
      {"lat", kLat}, {"place", kPlace}, {"location_precision_m", kLocPrecision}, {"kind", kKind},
      {"weapon_class", kWeaponClass}, {"weapon_count", kWeaponCount}, {"actor", kActor}, {"target", kTarget},
      {"fatalities", kFatalities}, {"injured", kInjured}, {"explosions", kExplosions}, {"summary", kSummary}, {"tags", kTags},
      {"source", kSource}, {"reliability", kReliability}, {"credibility", kCredibility},
      {"supersedes", kSupersedes}, {"source_id", kSourceId}, {"id", kIgnored}, {"superseded_by", kIgnored},
      {"effective_location", kIgnored}, {"ledger_index", kIgnored}};
  sj::element at[kFieldCount];
  unsigned seen = 0;
  for (const auto field : o) {
    const auto it = std::find_if(std::begin(names), std::end(names), [&](const auto& n) { return n.first == field.key; });
    if (it == std::end(names)) return std::nullopt;  // unknown field: kept in `extra` by the reference path
    if (it->second == kIgnored) continue;
    if (seen & (1u << it->second)) return std::nullopt;  // duplicate key (nlohmann keeps the last)
    seen |= 1u << it->second;
    at[it->second] = field.value;
  }
  // Present and not null.
  auto has = [&](Field f) { return (seen & (1u << f)) && !at[f].is_null(); };
  Report r;
  if (!has(kObserved)) return std::nullopt;
  const auto observed = sj_string(at[kObserved]);
  if (observed && blank(*observed)) return std::nullopt;
  bool date_only = false;
  const auto t = observed ? parse_iso_time(*observed, &date_only) : std::nullopt;
  if (!t) return std::nullopt;
  r.observed_unix = *t;
  r.time_precision = date_only ? "day" : "minute";
  if (has(kPrecision)) {
    auto p = sj_string(at[kPrecision]);
    if (!p || !in(time_precisions(), *p)) return std::nullopt;
    r.time_precision = std::move(*p);
  }
  if (has(kReported)) {
    const auto rep = sj_string(at[kReported]);
    const auto rt = rep ? parse_iso_time(*rep) : std::nullopt;
    if (!rt) return std::nullopt;
    r.reported_unix = *rt;
  }
  if (has(kLon) != has(kLat)) return std::nullopt;
  if (has(kLon)) {
    r.lon = sj_number(at[kLon]);
    r.lat = sj_number(at[kLat]);
    if (!r.lon || !r.lat || *r.lon < -180 || *r.lon > 180 || *r.lat < -90 || *r.lat > 90) return std::nullopt;
    if (*r.lon == 0 && *r.lat == 0) return std::nullopt;  // "null island": refused by the reference path
  }
  // The optional strings: absent, null or a string (ids given as numbers, blank values:
  // reference path).
  auto str = [&](Field f, std::string& to) {
    if (!has(f)) return true;
    auto v = sj_string(at[f]);
    if (!v || blank(*v)) return false;
    to = std::move(*v);
    return true;
  };
  if (!str(kPlace, r.place) || (!r.lon && r.place.empty())) return std::nullopt;
  if (has(kLocPrecision)) {
    const auto pm = sj_number(at[kLocPrecision]);
    if (!pm || *pm < 0 || *pm > kMaxLocationPrecisionM) return std::nullopt;
    r.location_precision_m = *pm;
  }
  if (!str(kKind, r.kind) || !in(report_kinds(), r.kind)) return std::nullopt;
  if (!str(kWeaponClass, r.weapon_class) || !str(kActor, r.actor) || !str(kTarget, r.target) ||
      !str(kSummary, r.summary) || !str(kSourceId, r.source_id) || !str(kSupersedes, r.supersedes))
    return std::nullopt;
  auto cnt = [&](Field f, std::optional<int64_t>& to) {
    if (!has(f)) return true;
    to = sj_count(at[f]);
    return to.has_value();
  };
  if (!cnt(kWeaponCount, r.weapon_count) || !cnt(kFatalities, r.fatalities) || !cnt(kInjured, r.injured) ||
      !cnt(kExplosions, r.explosions))
    return std::nullopt;
  if (has(kTags)) {
    sj::array tags;
    if (at[kTags].get_array().get(tags)) return std::nullopt;
    for (const auto tag : tags) {
      auto v = sj_string(tag);
      if (!v) return std::nullopt;
      r.tags.push_back(std::move(*v));
    }
  }
  sj::object src;
  if (!(seen & (1u << kSource)) || at[kSource].get_object().get(src)) return std::nullopt;
  unsigned src_seen = 0;
  for (const auto field : src) {
    const unsigned bit = field.key == "name" ? 1 : field.key == "type" ? 2 : field.key == "url" ? 4 : 0;
    if (!bit || (src_seen & bit)) return std::nullopt;  // source.x is kept in `extra`; duplicates
    src_seen |= bit;
    if (field.value.is_null()) continue;
    auto v = sj_string(field.value);
    if (!v || blank(*v)) return std::nullopt;
    (bit == 1 ? r.source_name : bit == 2 ? r.source_type : r.source_url) = std::move(*v);
  }
  if (r.source_name.empty() || !in(source_types(), r.source_type)) return std::nullopt;
  if (has(kReliability)) {
    if (!str(kReliability, r.reliability) || r.reliability.size() != 1 || r.reliability[0] < 'A' ||
        r.reliability[0] > 'F')
      return std::nullopt;
  }
  if (has(kCredibility)) {
    const auto c = sj_count(at[kCredibility]);
    if (!c || *c < 1 || *c > 6) return std::nullopt;
    r.credibility = static_cast<int>(*c);
  }
  return r;
}

}  // namespace

RowOutcome report_from_jsonl(const std::string& line, const ReadOptions& options) {
  RowOutcome out;
  if (line.size() > (std::size_t{1} << 20)) {
    out.error = fmt::format("line of {} bytes is longer than 1 MiB", line.size());
    return out;
  }
  if ((out.report = report_from_jsonl_fast(line))) return out;
  if (!valid_utf8(line)) {
    out.error = "invalid UTF-8";
    return out;
  }
  json o;
  DuplicateKeys keys;
  try {
    o = json::parse(line, std::ref(keys));
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e999
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    if (auto p = what.find(": "); p != std::string::npos && what.rfind("parse error", 0) == 0) what = what.substr(p + 2);
    out.error = "invalid JSON: " + what;
    return out;
  }
  // nlohmann keeps the last of repeated keys: which value is meant cannot be known.
  if (!keys.found().empty()) {
    out.error = fmt::format("duplicate key '{}'", keys.found().begin()->second);
    return out;
  }
  return report_from_json(o, options);
}

json Report::to_json() const {
  json j = extra;
  // Unknown "source.x" fields go back inside source.
  json src{{"name", source_name}, {"type", source_type}};
  if (!source_url.empty()) src["url"] = source_url;
  for (auto it = j.begin(); it != j.end();) {
    if (it.key().rfind("source.", 0) == 0) {
      src[it.key().substr(7)] = it.value();
      it = j.erase(it);
    } else {
      ++it;
    }
  }
  if (!source_id.empty()) j["source_id"] = source_id;
  j["observed_at"] = format_iso8601_utc(observed_unix);
  j["time_precision"] = time_precision;
  if (reported_unix) j["reported_at"] = format_iso8601_utc(*reported_unix);
  if (lon) {
    j["lon"] = *lon;
    j["lat"] = *lat;
  }
  if (!place.empty()) j["place"] = place;
  j["location_precision_m"] = location_precision_m;
  j["kind"] = kind;
  if (!weapon_class.empty()) j["weapon_class"] = weapon_class;
  if (weapon_count) j["weapon_count"] = *weapon_count;
  if (!actor.empty()) j["actor"] = actor;
  if (!target.empty()) j["target"] = target;
  if (fatalities) j["fatalities"] = *fatalities;
  if (injured) j["injured"] = *injured;
  if (explosions) j["explosions"] = *explosions;
  if (!summary.empty()) j["summary"] = summary;
  if (!tags.empty()) j["tags"] = tags;
  j["source"] = src;
  j["reliability"] = reliability;
  j["credibility"] = credibility;
  if (!supersedes.empty()) j["supersedes"] = supersedes;
  return j;
}

namespace {

// Appends a JSON string as nlohmann's dump() prints it. Strings that need no escaping (the
// usual case) are copied; anything else is left to nlohmann.
void put_string(std::string& out, const std::string& s) {
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
  });
  if (plain) {
    out += '"';
    out += s;
    out += '"';
  } else {
    out += json(s).dump();
  }
}

void put_int(std::string& out, int64_t v) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// nlohmann's own float formatting (its Grisu2 output differs from std::to_chars in places, and
// the hash depends on every byte).
void put_double(std::string& out, double v) { out += json(v).dump(); }

}  // namespace

std::string Report::canonical_json() const {
  if (!extra.empty()) return to_json().dump();
  // The keys of to_json() in std::map (byte) order, as dump() prints them.
  std::string out;
  out.reserve(256 + summary.size() + place.size() + source_url.size());
  auto key = [&](const char* k) {
    out += out.size() == 1 ? "\"" : ",\"";
    out += k;
    out += "\":";
  };
  out += '{';
  if (!actor.empty()) key("actor"), put_string(out, actor);
  key("credibility"), put_int(out, credibility);
  if (explosions) key("explosions"), put_int(out, *explosions);
  if (fatalities) key("fatalities"), put_int(out, *fatalities);
  if (injured) key("injured"), put_int(out, *injured);
  key("kind"), put_string(out, kind);
  if (lon) key("lat"), put_double(out, *lat);
  key("location_precision_m"), put_double(out, location_precision_m);
  if (lon) key("lon"), put_double(out, *lon);
  key("observed_at"), put_string(out, format_iso8601_utc(observed_unix));
  if (!place.empty()) key("place"), put_string(out, place);
  key("reliability"), put_string(out, reliability);
  if (reported_unix) key("reported_at"), put_string(out, format_iso8601_utc(*reported_unix));
  key("source");
  out += "{\"name\":";
  put_string(out, source_name);
  out += ",\"type\":";
  put_string(out, source_type);
  if (!source_url.empty()) out += ",\"url\":", put_string(out, source_url);
  out += '}';
  if (!source_id.empty()) key("source_id"), put_string(out, source_id);
  if (!summary.empty()) key("summary"), put_string(out, summary);
  if (!supersedes.empty()) key("supersedes"), put_string(out, supersedes);
  if (!tags.empty()) {
    key("tags");
    out += '[';
    for (std::size_t i = 0; i < tags.size(); ++i) {
      if (i) out += ',';
      put_string(out, tags[i]);
    }
    out += ']';
  }
  if (!target.empty()) key("target"), put_string(out, target);
  key("time_precision"), put_string(out, time_precision);
  if (!weapon_class.empty()) key("weapon_class"), put_string(out, weapon_class);
  if (weapon_count) key("weapon_count"), put_int(out, *weapon_count);
  out += '}';
  return out;
}

}  // namespace truceline::store
