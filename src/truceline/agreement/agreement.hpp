// An agreement as data (docs/agreement-format.md): sources, parties and groups with aliases,
// designations over time, contact lines, zones, obligations with deadlines and extensions,
// observation posts, patrol routes, weapon classes, amendments.
//
// load() reads a TOML file (toml++) and its GeoJSON files and returns the model together with
// *every* problem found (file:line:column: message); the model is usable only when there are
// none. Queries "as of" an instant live in query.hpp.
// Times are UTC instants (std::chrono::sys_seconds); local dates are read in the agreement's
// timezone (a fixed UTC offset).
//
// Units: distances and depths in metres, coordinates WGS84 degrees (lon, lat), times UTC.
// Errors: load() never throws for a bad agreement: every problem is in Loaded::problems with
// file:line:column (and a "did you mean" for unknown keys); it throws InputError only when
// the file itself cannot be read. load_valid() throws InputError listing the problems.
// Cost: load() is linear in the file and its GeoJSON; it builds every zone's definition once
// to check it (not the rendered polygons).
// Thread safety: an Agreement is a plain value, immutable after load; share it freely.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "truceline/geo/polyline.hpp"
#include "truceline/geo/zone.hpp"

namespace truceline::agreement {

using Instant = std::chrono::sys_seconds;

// Where an entry was written: for messages.
struct Place {
  std::string file;
  int line = 0, column = 0;
};

// [valid_from, valid_until): either end open when absent.
struct Interval {
  std::optional<Instant> from, until;
  bool contains(Instant t) const { return (!from || *from <= t) && (!until || t < *until); }
};

struct Entry {
  std::string id;
  Place at;
  // `sources = [...]` (tables that take a `source`): every source that says so, checked as
  // references; `source` keeps its own meaning (e.g. the agreed depth's source of a zone).
  std::vector<std::string> sources;
};

struct Source : Entry {
  std::string title, publisher, date, url, note;
};

struct Actor : Entry {  // a [[party]] or a [[group]]
  bool is_group = false;
  std::string name, kind, note;
  std::vector<std::string> aliases, member_of;
  // Groups only: the parties that back the group in the agreement's area and time ("backed_by =
  // [\"turkey\"]": the NLF is the Turkish-backed coalition). A report's "Turkish-backed factions"
  // then names this group when it is the only one the agreement says that party backs
  // (extract/actors.hpp; the candidate says it was read so).
  std::vector<std::string> backed_by;
  // Parties only: adjectives that name the state's forces when followed by a force noun
  // ("Russian" -> "Russian jets"), and the country's name as data sets write it ("Syria": ACLED's
  // "Military Forces of Syria (2000-)" and "(Syria)" qualifiers). See assess/actors.hpp.
  std::vector<std::string> demonyms;
  std::string country;
};

struct Designation : Entry {
  std::string group, by, status, source;
  Interval valid;
};

struct Line : Entry {
  geo::MultiLine geometry;
  std::string file;  // as written, relative to the agreement ("" when inline)
  Interval valid;
  std::string source;
  bool approximate = false;
  double uncertainty_m = 0;
};

struct DepthReading {
  std::string source;
  double depth_m = 0;
};

struct ClassDepth {
  std::string weapon_class;
  double depth_m = 0;
};

struct Zone : Entry {
  std::string kind, title;
  // Line-based zones.
  std::string line;
  double depth_m = 0;
  geo::ZoneSide side = geo::ZoneSide::both;
  // The area the zone is cut to: `clip` = the id of an area zone, or `clip_file` = a GeoJSON
  // (Multi)Polygon file (as written, relative to the agreement) read into clip_area.
  std::string clip;
  std::string clip_file;
  std::vector<geo::Polygon> clip_area;
  std::vector<DepthReading> readings;
  std::vector<ClassDepth> depth_by_class;
  // Area zones.
  bool is_area = false;
  std::vector<geo::Polygon> area;
  std::string file;
  Interval valid;
  std::string source, amendment;
};

struct Binds {
  std::vector<std::string> parties, groups;
  std::vector<std::string> designated_status, designated_by;  // "designated X by Y"
};

struct Extension {
  Instant until;
  std::string until_text, source, note;
};

struct Obligation : Entry {
  std::string text, kind, zone;
  Binds binds;
  std::vector<std::string> weapon_classes;
  std::optional<Instant> deadline;
  std::string deadline_text;
  std::vector<Extension> extensions;
  Interval valid;
  std::string source, amendment;
};

struct Post : Entry {
  std::string name, operator_id, source;
  geo::LonLat position;
  double precision_m = 0;
  bool approximate = false;
  std::optional<Instant> established, closed;
};

struct PatrolRoute : Entry {
  std::string name, source;
  std::vector<std::string> operators;
  geo::MultiLine route;
  Interval valid;
};

struct WeaponClass : Entry {
  std::string name, parent;
  std::vector<std::string> aliases;
  std::optional<double> min_calibre_mm, max_calibre_mm;
  // The one party known to use the class in the agreement's area (barrel bombs: the Syrian
  // government's helicopters), with the source that says so: a report of it that names no actor
  // may be read as that party's, said as implied (extract). "" when none.
  std::string attributed_to = {}, attribution_source = {};
};

struct Amendment : Entry {
  std::string title, signed_date, source;
  std::optional<Instant> in_force;
};

struct Agreement {
  std::string path;  // the TOML file
  std::string id, title, signed_date;
  int utc_offset_minutes = 0;
  std::vector<std::string> signatories, sources_of_text;
  // [agreement] area_of_interest: where its reports are expected, as drawn by the analyst (a
  // GeoJSON Polygon/MultiPolygon file, path as written); empty = derived from what the
  // agreement draws (area_of_interest.hpp).
  std::string area_of_interest_file;
  std::vector<geo::Polygon> area_of_interest;
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<Designation> designations;
  std::vector<Line> lines;
  std::vector<Zone> zones;
  std::vector<Obligation> obligations;
  std::vector<Post> posts;
  std::vector<PatrolRoute> patrol_routes;
  std::vector<WeaponClass> weapon_classes;
  std::vector<Amendment> amendments;

  const Zone* zone(const std::string& id) const;
  const Line* line(const std::string& id) const;
  const Actor* actor(const std::string& id) const;
  const Source* source(const std::string& id) const;
  const WeaponClass* weapon_class(const std::string& id) const;
};

struct Problem {
  Place at;
  std::string message;
  std::string str() const;  // "file:line:column: message"
};

struct Loaded {
  Agreement agreement;
  std::vector<Problem> problems;
};

// Reads and validates. Throws truceline::InputError only when the file cannot be read at all;
// TOML syntax errors and every content problem are returned in `problems`.
Loaded load(const std::string& path);
// The same for the file's text already in memory (the fuzz target, fuzz/fuzz_agreement.cpp):
// `path` names it in problems, and the GeoJSON files it refers to are read relative to it.
Loaded load_text(const std::string& text, const std::string& path);

// Loads and throws InputError listing the problems (at most 20 lines) when there are any.
Agreement load_valid(const std::string& path);

// "2018-10-10", "2018-10-10T12:00", "2018-10-10T12:00:00+03:00", "...Z" -> instant; a date or
// local time is read at the given UTC offset (a date = 00:00 that day). nullopt if malformed.
std::optional<Instant> parse_instant(const std::string& text, int utc_offset_minutes);
// ISO 8601 in UTC, "2018-10-10T21:00:00Z".
std::string format_instant(Instant t);
// Unix seconds of an instant.
inline int64_t unix_seconds(Instant t) { return static_cast<int64_t>(t.time_since_epoch().count()); }

}  // namespace truceline::agreement
