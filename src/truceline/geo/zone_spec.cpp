// Zone specs: the side and depth of a zone, and the parsing of distances such as "15 km".
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>

#include "truceline/geo/zone.hpp"

namespace truceline::geo {

std::optional<ZoneSide> parse_zone_side(std::string_view s) {
  if (s == "both") return ZoneSide::both;
  if (s == "left") return ZoneSide::left;
  if (s == "right") return ZoneSide::right;
  return std::nullopt;
}

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

// Hand-written (see zone.hpp for the grammar): a std::regex costs more to build than every
// parse, and strtod reads the decimal point of the C locale; std::from_chars reads neither.
std::optional<double> parse_distance_m(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n && is_space(text[i])) ++i;
  const std::size_t start = i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < n && is_digit(text[i])) ++i, ++int_digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && is_digit(text[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
    const std::size_t exp_start = j;
    while (j < n && is_digit(text[j])) ++j;
    if (j == exp_start) return std::nullopt;
    i = j;
  }
  const std::string_view number = text.substr(start, i - start);
  while (i < n && is_space(text[i])) ++i;
  double scale = 0;
  if (text.substr(i, 2) == "km") {
    scale = 1000.0;
    i += 2;
  } else if (text.substr(i, 1) == "m") {
    scale = 1.0;
    i += 1;
  } else {
    return std::nullopt;
  }
  while (i < n && is_space(text[i])) ++i;
  if (i != n) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Saturate as strtod does: infinite when the number is large, 0 when it is tiny. Its
    // decimal magnitude: the position of its first non-zero digit plus the exponent.
    long magnitude = 0;
    const std::size_t dot = number.find('.');
    const std::size_t mant_end = number.find_first_of("eE");
    const std::string_view mant = number.substr(0, mant_end);
    const std::size_t first = mant.find_first_of("123456789");
    if (first == std::string_view::npos) return 0.0 * scale;
    const std::size_t point = dot == std::string_view::npos ? mant.size() : dot;
    magnitude = first < point ? static_cast<long>(point - first) : -static_cast<long>(first - point);
    if (mant_end != std::string_view::npos) {
      const std::string_view e = number.substr(mant_end + 1);
      long ev = 0;
      const bool neg = !e.empty() && e[0] == '-';
      for (char c : e)
        if (is_digit(c) && ev < 100'000) ev = ev * 10 + (c - '0');
      magnitude += neg ? -ev : ev;
    }
    value = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (ec != std::errc() || end != number.data() + number.size()) {
    return std::nullopt;
  }
  return value * scale;
}

const char* to_string(ZoneSide side) {
  switch (side) {
    case ZoneSide::both:
      return "both";
    case ZoneSide::left:
      return "left";
    case ZoneSide::right:
      return "right";
  }
  return "both";
}

double ZoneSpec::depth_at(const GeodesicPolyline& line, std::size_t part, double along_m) const {
  if (vertex_depth_m.empty()) return depth_m;
  const auto& depths = vertex_depth_m[part];
  const Segment& s = line.segment_at(part, along_m);
  const double f = s.length_m > 0 ? std::clamp((along_m - s.along_start_m) / s.length_m, 0.0, 1.0) : 0;
  return depths[s.index] + f * (depths[s.index + 1] - depths[s.index]);
}

double ZoneSpec::min_depth_m() const {
  if (vertex_depth_m.empty()) return depth_m;
  double m = kMaxDepthM;
  for (const auto& p : vertex_depth_m)
    for (double d : p) m = std::min(m, d);
  return m;
}

double ZoneSpec::max_depth_m() const {
  if (vertex_depth_m.empty()) return depth_m;
  double m = 0;
  for (const auto& p : vertex_depth_m)
    for (double d : p) m = std::max(m, d);
  return m;
}

void ZoneSpec::validate(const GeodesicPolyline& line) const {
  auto check = [](double d, const std::string& where) {
    if (!std::isfinite(d) || d <= 0 || d > kMaxDepthM)
      throw GeometryError(where + "depth " + std::to_string(d) + " m is outside (0, 1000 km]");
  };
  if (vertex_depth_m.empty()) {
    check(depth_m, "");
    return;
  }
  const auto& parts = line.line().parts;
  if (vertex_depth_m.size() != parts.size())
    throw GeometryError("per-vertex depths given for " + std::to_string(vertex_depth_m.size()) +
                        " parts, the line has " + std::to_string(parts.size()));
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (vertex_depth_m[p].size() != parts[p].size())
      throw GeometryError("part " + std::to_string(p + 1) + ": " +
                          std::to_string(vertex_depth_m[p].size()) + " depths for " +
                          std::to_string(parts[p].size()) + " vertices");
    for (std::size_t v = 0; v < parts[p].size(); ++v)
      check(vertex_depth_m[p][v],
            "part " + std::to_string(p + 1) + ", vertex " + std::to_string(v + 1) + ": ");
  }
  // The depth may not change faster than the distance along the line (|dD/ds| < 1), or one
  // point's disc would swallow its neighbours' and the boundary would have no envelope.
  for (const auto& s : line.segments()) {
    const auto& d = vertex_depth_m[s.part];
    if (std::abs(d[s.index + 1] - d[s.index]) >= 0.99 * s.length_m)
      throw GeometryError("part " + std::to_string(s.part + 1) + ", vertices " + std::to_string(s.index + 1) +
                          "-" + std::to_string(s.index + 2) +
                          ": the depth changes faster than 0.99 m per metre along the line");
  }
}

double ZoneSpec::slope(const Segment& s) const {
  if (vertex_depth_m.empty()) return 0;
  const auto& d = vertex_depth_m[s.part];
  return (d[s.index + 1] - d[s.index]) / s.length_m;
}

}  // namespace truceline::geo
