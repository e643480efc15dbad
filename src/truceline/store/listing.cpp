#include "truceline/store/listing.hpp"

#include <fmt/format.h>

#include <ostream>
#include <stdexcept>

#include "truceline/text.hpp"

namespace truceline::store {

using nlohmann::json;

namespace {

std::string csv_of(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return "";
  const json& v = j[key];
  return csv_field(v.is_string() ? v.get<std::string>() : v.dump());
}

const char* const kCsvColumns[] = {"observed_at", "time_precision", "reported_at", "lon", "lat", "place",
                                   "location_precision_m", "kind", "weapon_class", "weapon_count", "actor",
                                   "target", "fatalities", "injured", "summary", "reliability", "credibility",
                                   "supersedes", "source_id"};

// A report's JSON as every output prints it: a precision the report did not give is stored as
// 0 (part of its content: ids depend on it) but printed as absent: 0 m would read as "exact"
// (the importers read absent as 0, so the output still re-ingests as the same reports).
json printed(const StoredReport& r) {
  json j = r.report;
  if (j.contains("location_precision_m") && j["location_precision_m"].is_number() &&
      j["location_precision_m"].get<double>() == 0)
    j.erase("location_precision_m");
  return j;
}

std::string tags_of(const json& j) {
  std::string tags;
  if (j.contains("tags"))
    for (const auto& t : j["tags"]) {
      if (!tags.empty()) tags += ';';
      tags += t.get_ref<const std::string&>();
    }
  return tags;
}

// The CSV's `extra` column: the report's fields that have no column, and the source's own.
json extra_of(const json& j) {
  json extra = json::object();
  for (const auto& [k, v] : j.items()) {
    bool known = k == "tags" || k == "source" || k == "explosions";
    for (const char* c : kCsvColumns) known |= k == c;
    if (!known) extra[k] = v;
  }
  // A source's own extra fields travel as "source.x" (the CSV importer puts them back).
  if (j.contains("source"))
    for (const auto& [k, v] : j["source"].items())
      if (k != "name" && k != "type" && k != "url") extra["source." + k] = v;
  return extra;
}

}  // namespace

json report_geojson_feature(const StoredReport& r) {
  json props{{"id", r.id}};
  props.update(printed(r));
  if (r.importer == "ledger") props["ledger_index"] = r.row_number;
  if (r.importer == "review") props["review_index"] = r.row_number;  // the accepting review entry
  // The geometry is the effective location (docs/report-format.md, "Effective location"): the
  // report's own coordinates, or its place's point (the properties say which); null only when
  // unresolved. The importers ignore the effective_* keys, so the output still round-trips.
  const EffectiveLocation loc = effective_location(r);
  json geometry = nullptr;
  if (loc.lon && loc.lat) geometry = {{"type", "Point"}, {"coordinates", {*loc.lon, *loc.lat}}};
  props.erase("lon");
  props.erase("lat");
  json flat = to_flat_json(loc);
  flat.erase("effective_lon");  // the geometry
  flat.erase("effective_lat");
  props.update(flat);
  return {{"type", "Feature"}, {"id", r.id}, {"properties", props}, {"geometry", geometry}};
}

void write_listing(const Store& store, const Query& q, const std::string& format, std::ostream& out,
                   const std::function<void()>& after_row) {
  if (format != "jsonl" && format != "csv" && format != "geojson")
    throw std::invalid_argument("write_listing: format '" + format + "': expected jsonl, csv or geojson");
  if (format == "csv") {
    out << "id";
    for (const char* c : kCsvColumns) out << "," << c;
    out << ",tags,source,source_type,source_url,extra";
    for (const auto& c : effective_location_columns()) out << "," << c;
    // Fields added to the model later go last, so that no column moves (scripts cut by number).
    out << ",explosions\n";
  }
  if (format == "geojson") out << "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  store.query(q, [&](const StoredReport& r) {
    json j = printed(r);
    // Where every output places the report (docs/report-format.md, "Effective location");
    // the importers ignore these keys, so the output still round-trips.
    const EffectiveLocation loc = effective_location(r);
    if (format == "jsonl") {
      json line{{"id", r.id}};
      line.update(j);
      if (!r.superseded_by.empty()) line["superseded_by"] = r.superseded_by;
      // A report that came through the ledger (docs/ledger.md): the index of its entry.
      if (r.importer == "ledger") line["ledger_index"] = r.row_number;
      // A candidate accepted (or corrected) in the review queue: the index of the review entry.
      if (r.importer == "review") line["review_index"] = r.row_number;
      line["effective_location"] = to_json(loc);
      out << line.dump() << "\n";
    } else if (format == "csv") {
      out << r.id;
      for (const char* c : kCsvColumns) out << "," << csv_of(j, c);
      out << "," << csv_field(tags_of(j)) << "," << csv_of(j["source"], "name") << ","
          << csv_of(j["source"], "type") << "," << csv_of(j["source"], "url");
      const json extra = extra_of(j);
      out << "," << (extra.empty() ? "" : csv_field(extra.dump()));
      const json flat = to_flat_json(loc);
      for (const auto& c : effective_location_columns()) out << "," << csv_of(flat, c.c_str());
      out << "," << csv_of(j, "explosions") << "\n";
    } else {
      out << (first ? "" : ",") << "\n" << report_geojson_feature(r).dump();
    }
    first = false;
    if (after_row) after_row();
  });
  if (format == "geojson") out << "\n]}\n";
}

io::GpkgLayer reports_gpkg_layer(const std::string& name) {
  using io::GpkgType;
  auto type_of = [](const std::string& c) {
    if (c == "observed_at" || c == "reported_at") return GpkgType::datetime;
    if (c == "lon" || c == "lat" || c == "location_precision_m" || c == "effective_lon" || c == "effective_lat" ||
        c == "effective_precision_m" || c == "effective_score")
      return GpkgType::real;
    if (c == "weapon_count" || c == "fatalities" || c == "injured" || c == "credibility") return GpkgType::integer;
    return GpkgType::text;
  };
  io::GpkgLayer layer;
  layer.name = name;
  layer.identifier = name;
  layer.description = "truceline reports: one feature per report, at its effective location (none when unresolved)";
  layer.columns.push_back({"id", GpkgType::text});
  for (const char* c : kCsvColumns) layer.columns.push_back({c, type_of(c)});
  for (const char* c : {"tags", "source", "source_type", "source_url", "extra"}) layer.columns.push_back({c, GpkgType::text});
  for (const auto& c : effective_location_columns()) layer.columns.push_back({c, type_of(c)});
  layer.columns.push_back({"explosions", GpkgType::integer});  // last, as in the CSV
  return layer;
}

namespace {

// A JSON value as the column's type wants it (null stays null).
io::GpkgValue gpkg_value(const json& v, io::GpkgType type) {
  if (v.is_null()) return std::monostate{};
  switch (type) {
    case io::GpkgType::integer:
      if (v.is_number_integer()) return v.get<int64_t>();
      break;
    case io::GpkgType::real:
      if (v.is_number()) return v.get<double>();
      break;
    case io::GpkgType::text:
    case io::GpkgType::datetime:
      return v.is_string() ? v.get<std::string>() : v.dump();
  }
  // A value of another type in a typed column (the report model does not make any): its
  // text would not fit the column, so it is refused loudly rather than dropped.
  throw std::runtime_error(fmt::format("GeoPackage: value {} does not fit its column's type", v.dump()));
}

}  // namespace

void add_report_feature(io::GeoPackage& gpkg, int layer, const StoredReport& r,
                        const std::vector<io::GpkgValue>& more) {
  static const io::GpkgLayer kLayer = reports_gpkg_layer();
  json j = printed(r);
  const EffectiveLocation loc = effective_location(r);
  const json flat = to_flat_json(loc);
  const json source = j.contains("source") ? j["source"] : json::object();
  const json extra = extra_of(j);
  std::vector<io::GpkgValue> values;
  values.reserve(kLayer.columns.size());
  for (const auto& c : kLayer.columns) {
    json v;
    if (c.name == "id") v = r.id;
    else if (c.name == "tags") v = j.contains("tags") ? json(tags_of(j)) : json(nullptr);
    else if (c.name == "source") v = source.value("name", json(nullptr));
    else if (c.name == "source_type") v = source.value("type", json(nullptr));
    else if (c.name == "source_url") v = source.value("url", json(nullptr));
    else if (c.name == "extra") v = extra.empty() ? json(nullptr) : json(extra.dump());
    else if (c.name.starts_with("effective_")) v = flat.value(c.name, json(nullptr));
    else v = j.value(c.name, json(nullptr));
    // An empty text is absent, as in the CSV (an empty cell).
    if (v.is_string() && v.get_ref<const std::string&>().empty()) v = nullptr;
    values.push_back(gpkg_value(v, c.type));
  }
  values.insert(values.end(), more.begin(), more.end());
  std::optional<io::GpkgPoint> point;
  if (loc.lon && loc.lat) point = io::GpkgPoint{*loc.lon, *loc.lat};
  gpkg.add(layer, point, values);
}

void write_listing_gpkg(const Store& store, const Query& q, io::GeoPackage& gpkg) {
  const int layer = gpkg.add_layer(reports_gpkg_layer());
  store.query(q, [&](const StoredReport& r) { add_report_feature(gpkg, layer, r); });
}

}  // namespace truceline::store
