#include "truceline/store/listing.hpp"

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

}  // namespace

void write_listing(const Store& store, const Query& q, const std::string& format, std::ostream& out,
                   const std::function<void()>& after_row) {
  if (format != "jsonl" && format != "csv" && format != "geojson")
    throw std::invalid_argument("write_listing: format '" + format + "': expected jsonl, csv or geojson");
  static const char* kCsvColumns[] = {"observed_at", "time_precision", "reported_at", "lon", "lat", "place",
                                      "location_precision_m", "kind", "weapon_class", "weapon_count", "actor",
                                      "target", "fatalities", "injured", "summary", "reliability", "credibility",
                                      "supersedes", "source_id"};
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
    json j = r.report;
    // A precision the report did not give is stored as 0 (part of its content: ids depend on
    // it) but printed as absent: 0 m would read as "exact" (the importers read absent as 0,
    // so the output still re-ingests as the same reports).
    if (j.contains("location_precision_m") && j["location_precision_m"].is_number() &&
        j["location_precision_m"].get<double>() == 0)
      j.erase("location_precision_m");
    // Where every output places the report (docs/report-format.md, "Effective location");
    // the importers ignore these keys, so the output still round-trips.
    const EffectiveLocation loc = effective_location(r);
    if (format == "jsonl") {
      json line{{"id", r.id}};
      line.update(j);
      if (!r.superseded_by.empty()) line["superseded_by"] = r.superseded_by;
      // A report that came through the ledger (docs/ledger.md): the index of its entry.
      if (r.importer == "ledger") line["ledger_index"] = r.row_number;
      line["effective_location"] = to_json(loc);
      out << line.dump() << "\n";
    } else if (format == "csv") {
      out << r.id;
      for (const char* c : kCsvColumns) out << "," << csv_of(j, c);
      std::string tags;
      if (j.contains("tags"))
        for (const auto& t : j["tags"]) {
          if (!tags.empty()) tags += ';';
          tags += t.get_ref<const std::string&>();
        }
      out << "," << csv_field(tags) << "," << csv_of(j["source"], "name") << "," << csv_of(j["source"], "type")
             << "," << csv_of(j["source"], "url");
      json extra = json::object();
      for (const auto& [k, v] : j.items()) {
        bool known = k == "tags" || k == "source" || k == "explosions";
        for (const char* c : kCsvColumns) known |= k == c;
        if (!known) extra[k] = v;
      }
      // A source's own extra fields travel as "source.x" (the CSV importer puts them back).
      for (const auto& [k, v] : j["source"].items())
        if (k != "name" && k != "type" && k != "url") extra["source." + k] = v;
      out << "," << (extra.empty() ? "" : csv_field(extra.dump()));
      const json flat = to_flat_json(loc);
      for (const auto& c : effective_location_columns()) out << "," << csv_of(flat, c.c_str());
      out << "," << csv_of(j, "explosions") << "\n";
    } else {
      json props{{"id", r.id}};
      props.update(j);
      if (r.importer == "ledger") props["ledger_index"] = r.row_number;
      // The geometry is the effective location: the report's own coordinates, or its place's
      // point (the properties say which); null only when unresolved.
      json geometry = nullptr;
      if (loc.lon && loc.lat) geometry = {{"type", "Point"}, {"coordinates", {*loc.lon, *loc.lat}}};
      props.erase("lon");
      props.erase("lat");
      json flat = to_flat_json(loc);
      flat.erase("effective_lon");  // the geometry
      flat.erase("effective_lat");
      props.update(flat);
      out << (first ? "" : ",") << "\n"
             << json{{"type", "Feature"}, {"id", r.id}, {"properties", props}, {"geometry", geometry}}.dump();
    }
    first = false;
    if (after_row) after_row();
  });
  if (format == "geojson") out << "\n]}\n";
}

}  // namespace truceline::store
