#include "truceline/store/report.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "truceline/error.hpp"
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

std::string format_iso_time(int64_t unix_seconds) { return format_iso8601_utc(unix_seconds); }

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

std::string sha256_bytes(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), n);
}

std::string sha256_hex(const std::string& bytes) {
  const std::string d = sha256_bytes(bytes);
  return to_hex(reinterpret_cast<const unsigned char*>(d.data()), static_cast<unsigned int>(d.size()));
}

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
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

namespace {

const std::set<std::string> kKnown{"id", "superseded_by", "source_id", "observed_at", "time_precision", "reported_at", "lon", "lat",
                                   "place", "location_precision_m", "kind", "weapon_class", "weapon_count",
                                   "actor", "target", "fatalities", "injured", "summary", "tags", "source",
                                   "reliability", "credibility", "supersedes"};

bool in(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Reads an optional string field; numbers are accepted for ids.
std::optional<std::string> text(const json& o, const char* key, std::string& error) {
  if (!o.contains(key) || o[key].is_null()) return std::nullopt;
  if (o[key].is_string()) return o[key].get<std::string>();
  if (o[key].is_number_integer()) return o[key].dump();
  error = fmt::format("{} must be a string", key);
  return std::nullopt;
}

std::optional<int64_t> count(const json& o, const char* key, std::string& error) {
  if (!o.contains(key) || o[key].is_null()) return std::nullopt;
  const json& v = o[key];
  if (v.is_number_integer() && v.get<int64_t>() >= 0) return v.get<int64_t>();
  if (v.is_number_unsigned()) return static_cast<int64_t>(v.get<uint64_t>());
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (!s.empty() && std::all_of(s.begin(), s.end(), ::isdigit) && s.size() < 12) return std::stoll(s);
  }
  error = fmt::format("{} must be a whole number >= 0 (got {})", key, v.dump());
  return std::nullopt;
}

std::optional<double> number(const json& o, const char* key, std::string& error) {
  if (!o.contains(key) || o[key].is_null()) return std::nullopt;
  const json& v = o[key];
  double d = NAN;
  if (v.is_number()) {
    d = v.get<double>();
  } else if (v.is_string()) {
    try {
      std::size_t used = 0;
      d = std::stod(v.get<std::string>(), &used);
      if (used != v.get<std::string>().size()) d = NAN;
    } catch (...) {
      d = NAN;
    }
  }
  if (!std::isfinite(d)) {
    error = fmt::format("{} must be a finite number (got {})", key, v.dump());
    return std::nullopt;
  }
  return d;
}

}  // namespace

RowOutcome report_from_json(const json& o) {
  RowOutcome out;
  std::string& err = out.error;
  if (!o.is_object()) {
    err = "a report must be a JSON object";
    return out;
  }
  Report r;
  // observed_at and its precision.
  const auto observed = text(o, "observed_at", err);
  if (!err.empty()) return out;
  if (!observed) {
    err = "missing observed_at";
    return out;
  }
  bool date_only = false;
  const auto t = parse_iso_time(*observed, &date_only);
  if (!t) {
    err = fmt::format("observed_at '{}' is not an ISO 8601 date or date-time with offset (2018-10-12, "
                      "2018-10-12T08:30:00+03:00)",
                      *observed);
    return out;
  }
  r.observed_unix = *t;
  r.time_precision = date_only ? "day" : "minute";
  if (auto p = text(o, "time_precision", err)) {
    if (!in(time_precisions(), *p)) {
      err = fmt::format("time_precision '{}' is not one of {}", *p, join(time_precisions()));
      return out;
    }
    r.time_precision = *p;
  }
  if (!err.empty()) return out;
  if (auto rep = text(o, "reported_at", err)) {
    const auto rt = parse_iso_time(*rep);
    if (!rt) {
      err = fmt::format("reported_at '{}' is not an ISO 8601 date or date-time with offset", *rep);
      return out;
    }
    r.reported_unix = *rt;
  }
  if (!err.empty()) return out;
  // Location.
  r.lon = number(o, "lon", err);
  if (!err.empty()) return out;
  r.lat = number(o, "lat", err);
  if (!err.empty()) return out;
  r.place = text(o, "place", err).value_or("");
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
  if (!r.lon && r.place.empty()) {
    err = "missing location: lon and lat, or place";
    return out;
  }
  if (auto pm = number(o, "location_precision_m", err)) {
    if (*pm < 0) {
      err = "location_precision_m must be >= 0";
      return out;
    }
    r.location_precision_m = *pm;
  }
  if (!err.empty()) return out;
  // What happened.
  const auto kind = text(o, "kind", err);
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
  r.weapon_class = text(o, "weapon_class", err).value_or("");
  r.weapon_count = count(o, "weapon_count", err);
  r.actor = text(o, "actor", err).value_or("");
  r.target = text(o, "target", err).value_or("");
  r.fatalities = count(o, "fatalities", err);
  r.injured = count(o, "injured", err);
  r.summary = text(o, "summary", err).value_or("");
  r.source_id = text(o, "source_id", err).value_or("");
  r.supersedes = text(o, "supersedes", err).value_or("");
  if (!err.empty()) return out;
  if (o.contains("tags") && !o["tags"].is_null()) {
    if (!o["tags"].is_array()) {
      err = "tags must be an array of strings";
      return out;
    }
    for (const auto& tag : o["tags"]) {
      if (!tag.is_string()) {
        err = "tags must be an array of strings";
        return out;
      }
      r.tags.push_back(tag.get<std::string>());
    }
  }
  // Source and grading.
  if (!o.contains("source") || !o["source"].is_object()) {
    err = o.contains("source") ? "source must be an object {name, type, url}" : "missing source.name";
    return out;
  }
  const json& s = o["source"];
  r.source_name = text(s, "name", err).value_or("");
  if (!err.empty()) return out;
  if (r.source_name.empty()) {
    err = "missing source.name";
    return out;
  }
  r.source_type = text(s, "type", err).value_or("other");
  r.source_url = text(s, "url", err).value_or("");
  if (!err.empty()) return out;
  if (!in(source_types(), r.source_type)) {
    err = fmt::format("source.type '{}' is not one of {}", r.source_type, join(source_types()));
    return out;
  }
  if (auto rel = text(o, "reliability", err)) {
    if (rel->size() != 1 || (*rel)[0] < 'A' || (*rel)[0] > 'F') {
      err = fmt::format("reliability '{}' is not an Admiralty grade A-F", *rel);
      return out;
    }
    r.reliability = *rel;
  }
  if (!err.empty()) return out;
  if (o.contains("credibility") && !o["credibility"].is_null()) {
    const auto c = count(o, "credibility", err);
    if (!c || *c < 1 || *c > 6) {
      err = fmt::format("credibility {} is not an Admiralty grade 1-6", o["credibility"].dump());
      return out;
    }
    r.credibility = static_cast<int>(*c);
  }
  for (const auto& [k, v] : o.items())
    if (!kKnown.count(k)) r.extra[k] = v;
  for (const auto& [k, v] : s.items())
    if (k != "name" && k != "type" && k != "url") r.extra["source." + k] = v;
  out.report = std::move(r);
  return out;
}

RowOutcome report_from_jsonl(const std::string& line) {
  RowOutcome out;
  if (line.size() > (std::size_t{1} << 20)) {
    out.error = fmt::format("line of {} bytes is longer than 1 MiB", line.size());
    return out;
  }
  if (!valid_utf8(line)) {
    out.error = "invalid UTF-8";
    return out;
  }
  json o;
  try {
    o = json::parse(line);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e999
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    if (auto p = what.find(": "); p != std::string::npos && what.rfind("parse error", 0) == 0) what = what.substr(p + 2);
    out.error = "invalid JSON: " + what;
    return out;
  }
  return report_from_json(o);
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
  j["observed_at"] = format_iso_time(observed_unix);
  j["time_precision"] = time_precision;
  if (reported_unix) j["reported_at"] = format_iso_time(*reported_unix);
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
  if (!summary.empty()) j["summary"] = summary;
  if (!tags.empty()) j["tags"] = tags;
  j["source"] = src;
  j["reliability"] = reliability;
  j["credibility"] = credibility;
  if (!supersedes.empty()) j["supersedes"] = supersedes;
  return j;
}

}  // namespace truceline::store
