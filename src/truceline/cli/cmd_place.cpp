// `truceline place NAME`: looks a place name up in the gazetteer (src/truceline/gazetteer).
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/error.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/gazetteer/resolve.hpp"

namespace truceline::cli {

namespace {

namespace gz = gazetteer;

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxLimit = 1000;

bool parse_double(std::string_view s, double& v) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(v);
}

gz::LonLat parse_near(const std::string& text) {
  const auto comma = text.find(',');
  double lon = 0, lat = 0;
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos ||
      !parse_double(std::string_view(text).substr(0, comma), lon) ||
      !parse_double(std::string_view(text).substr(comma + 1), lat))
    throw UsageError(fmt::format("--near '{}': expected LON,LAT in degrees (e.g. --near 36.63,35.93)", text));
  if (!(lon >= -180 && lon <= 180))
    throw UsageError(fmt::format("--near '{}': longitude {} is outside [-180, 180]", text, lon));
  if (!(lat >= -90 && lat <= 90))
    throw UsageError(fmt::format("--near '{}': latitude {} is outside [-90, 90]", text, lat));
  return {lon, lat};
}

std::string parse_country(const std::string& text) {
  std::string cc;
  for (const char c : text) {
    if (c >= 'a' && c <= 'z') cc += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z') cc += c;
    else { cc.clear(); break; }
  }
  if (cc.size() != 2)
    throw UsageError(fmt::format("--country '{}': expected a two-letter ISO 3166-1 code such as SY or TR", text));
  return cc;
}

std::size_t parse_limit(const std::string& text) {
  std::size_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || n < 1 || n > kMaxLimit)
    throw UsageError(fmt::format("--limit '{}': expected a whole number from 1 to {}", text, kMaxLimit));
  return n;
}

// The scope column: "in" or "out 148 km" (distance to the area of interest).
std::string scope_cell(const gz::Place& p, PlaceContext& ctx) {
  const double d = ctx.area()->distance_m({p.lon, p.lat});
  return d <= ctx.area()->place_margin_m() ? "in" : fmt::format("out {:.0f} km", d / 1000.0);
}

// The decision `ingest` would record, on one line.
std::string verdict(const gz::Resolution& res) {
  if (res.resolved())
    return fmt::format("resolved: {}, {} match, score {:.2f}\n", gz::describe(*res.match->place),
                       gz::to_string(res.match->match), res.match->score);
  return fmt::format("unresolved ({}): {}\n", gz::to_string(res.status), res.reason);
}

void print_json(const gz::LookupResult& r, const nlohmann::json& resolution, std::ostream& out) {
  nlohmann::ordered_json j;
  j["query"] = r.query;
  j["ambiguous"] = r.ambiguous;
  j["candidates"] = nlohmann::ordered_json::array();
  for (const auto& c : r.candidates) {
    nlohmann::ordered_json o;
    o["name"] = c.place->name;
    o["lon"] = c.place->lon;
    o["lat"] = c.place->lat;
    o["country"] = c.place->country;
    o["admin1"] = c.place->admin1();
    o["population"] = c.place->population;
    o["score"] = c.score;
    o["match"] = gz::to_string(c.match);
    o["matched"] = c.matched;
    o["geonameid"] = c.place->geonameid;
    if (c.distance_km) o["distance_km"] = std::round(*c.distance_km * 10.0) / 10.0;
    j["candidates"].push_back(std::move(o));
  }
  j["resolution"] = nlohmann::ordered_json::parse(resolution.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void print_table(const gz::LookupResult& r, bool near, PlaceContext& ctx, const gz::Resolution& res,
                 std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head{"score", "name", "lon", "lat", "country", "admin1", "population"};
  if (near) head.push_back("km");
  if (ctx.area()) head.push_back("scope");
  head.push_back("matched");
  rows.push_back(head);
  for (const auto& c : r.candidates) {
    std::vector<std::string> row{fmt::format("{:.2f}", c.score),
                                 c.place->name,
                                 fmt::format("{:.5f}", c.place->lon),
                                 fmt::format("{:.5f}", c.place->lat),
                                 c.place->country,
                                 c.place->admin1(),
                                 std::to_string(c.place->population)};
    if (near) row.push_back(fmt::format("{:.1f}", c.distance_km.value_or(0)));
    if (ctx.area()) row.push_back(scope_cell(*c.place, ctx));
    row.push_back(c.matched);
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> width(head.size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], gz::display_width(row[i]));
  std::string text;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(width[i] - gz::display_width(row[i]) + 2, ' ');
    }
    text += line + "\n";
  }
  if (!r.candidates.empty()) out << text;
  out << verdict(res);
}

struct PlaceArgs {
  std::vector<std::string> words;
  std::string country, admin1, near, limit = "5", format;
  bool json = false;
  PlaceFlags flags;  // --gazetteer, --agreement, --places
};

int cmd_place(const PlaceArgs& a, std::ostream& out) {
  std::string name;
  for (const auto& w : a.words) name += (name.empty() ? "" : " ") + w;
  if (name.size() > kMaxNameBytes)
    throw InputError(fmt::format("place name is too long ({} bytes, at most {})", name.size(), kMaxNameBytes));
  if (gz::fold(name).empty()) throw InputError(fmt::format("place name '{}' has no letters or digits", name));
  gz::LookupOptions options;
  if (!a.country.empty()) options.country = parse_country(a.country);
  if (!a.near.empty()) options.near = parse_near(a.near);
  options.limit = parse_limit(a.limit);

  PlaceContext ctx(a.flags, true);
  const gz::Gazetteer& gazetteer = ctx.resolver().gazetteer();
  if (!options.country.empty()) {
    const auto countries = gazetteer.countries();
    if (std::find(countries.begin(), countries.end(), options.country) == countries.end())
      throw UsageError(fmt::format("--country '{}': the gazetteer has no places in {} (it covers {})", a.country,
                                   options.country, fmt::join(countries, ", ")));
  }

  const gz::LookupResult r = gazetteer.lookup(name, options);
  // The decision ingest would record for a report naming this place, with --country and
  // --admin1 standing for the report's own country and admin1 columns.
  gz::Constraints constraints{options.country, a.admin1, ""};
  if (!constraints.empty()) constraints.from = "options";
  const gz::Resolution res = ctx.resolver().resolve(name, constraints);
  if (a.json) {
    print_json(r, ctx.resolver().to_json(res), out);
  } else {
    print_table(r, options.near.has_value(), ctx, res, out);
  }
  return 0;
}

}  // namespace

Command add_place_command(CLI::App& app) {
  auto st = std::make_shared<PlaceArgs>();
  auto* cmd = app.add_subcommand("place", "look up a place name in the gazetteer");
  cmd->add_option("name", st->words, "place name in any spelling or script (several words are joined by spaces)")
      ->type_name("NAME")
      ->required();
  cmd->add_option("--country", st->country, "only places in this country (ISO 3166-1 code: SY, TR, LB, IQ, JO)")
      ->type_name("CC");
  cmd->add_option("--admin1", st->admin1, "only places in this first-level division (as a report's admin1 column)")
      ->type_name("NAME");
  cmd->add_option("--near", st->near, "among equal scores, places closer to this point first; shows distances")
      ->type_name("LON,LAT");
  cmd->add_option("--limit", st->limit, "at most this many candidates (1-1000)")->type_name("N")->capture_default_str();
  add_format_option(cmd, st->format, {"text", "json"},
                    "output format; json: {query, ambiguous, candidates: [...], resolution: {...}}");
  add_json_shorthand(cmd, st->json);
  cmd->add_option("--gazetteer", st->flags.gazetteer,
                  "gazetteer data file (default: $TRUCELINE_DATA/gazetteer/places.tsv)")
      ->type_name("FILE");
  cmd->add_option("--agreement", st->flags.agreement, "resolve within this agreement's area of interest, as ingest does")
      ->type_name("FILE");
  cmd->add_option("--places", st->flags.places,
                  "extra places (TSV: name, lon, lat, country, admin1, alternate_names), repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  return {cmd, [st, cmd](Io& io) {
            st->json = chosen_format(cmd, st->format, st->json) == "json";
            return cmd_place(*st, io.out);
          }};
}

}  // namespace truceline::cli
