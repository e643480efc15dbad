// The GeoJSON importer (docs/importers.md): a FeatureCollection of Points, read whole; each
// feature is a row (its number from 1), its properties mapped as a CSV row's columns are.
#include <fmt/format.h>

#include <functional>
#include <iterator>
#include <map>

#include "truceline/error.hpp"
#include "truceline/store/detail/importers.hpp"

namespace truceline::store::detail {

using nlohmann::json;

namespace {

class GeoJsonReader final : public RowReader {
 public:
  GeoJsonReader(std::istream& in, const ReadOptions& options) : read_(options) {
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (starts_with_bom(text)) text.erase(0, 3);
    if (trim(text).find_first_not_of("\r\n") == std::string_view::npos)
      throw InputError("empty file: expected a GeoJSON FeatureCollection");
    json doc;
    DuplicateKeys keys;
    try {
      doc = json::parse(text, std::ref(keys));
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
      throw InputError("invalid JSON: " + what);
    }
    text.clear();
    text.shrink_to_fit();
    if (const auto top = keys.found().find(0); top != keys.found().end())
      throw InputError(fmt::format("duplicate key '{}'", top->second));
    if (!doc.is_object() || !doc.contains("type") || doc["type"] != "FeatureCollection")
      throw InputError(fmt::format("not a GeoJSON FeatureCollection (type {})",
                                   doc.is_object() && doc.contains("type") ? doc["type"].dump() : "missing"));
    if (!doc.contains("features") || !doc["features"].is_array())
      throw InputError("the FeatureCollection has no \"features\" array");
    features_ = std::move(doc["features"]);
    // Repeated keys (nlohmann keeps the last value): a feature's quarantines it; outside the
    // features, the file is refused.
    for (const auto& [feature, path] : keys.found()) {
      std::string key = path.rfind("features.", 0) == 0 ? path.substr(9) : path;
      if (key.rfind("properties.", 0) == 0) key = key.substr(11);
      duplicates_[feature] = key;
    }
  }

  bool next(RawRow& row) override {
    if (index_ >= features_.size()) return false;
    json& f = features_[index_++];
    row.number = index_;
    row.raw = f.dump(-1, ' ', false, json::error_handler_t::replace);
    row.outcome = RowOutcome{};
    json feature = std::move(f);
    f = nullptr;  // memory: each feature is released once read
    std::string& err = row.outcome.error;
    if (const auto dup = duplicates_.find(index_); dup != duplicates_.end()) {
      err = fmt::format("duplicate key '{}'", dup->second);
      return true;
    }
    if (!feature.is_object() || !feature.contains("type") || feature["type"] != "Feature") {
      err = fmt::format("not a GeoJSON Feature (type {})",
                        feature.is_object() && feature.contains("type") ? feature["type"].dump() : "missing");
      return true;
    }
    json o = json::object();
    if (feature.contains("properties") && !feature["properties"].is_null()) {
      if (!feature["properties"].is_object()) {
        err = "properties must be an object";
        return true;
      }
      o = std::move(feature["properties"]);
    }
    // Flat properties, as in CSV: source / source_name / source_type / source_url, tags "a;b".
    if (!o.contains("source") || !o["source"].is_object()) {
      json source = json::object();
      if (o.contains("source") && o["source"].is_string()) source["name"] = o["source"];
      for (const auto& [flat, key] : {std::pair{"source_name", "name"}, std::pair{"source.name", "name"},
                                      std::pair{"source_type", "type"}, std::pair{"source.type", "type"},
                                      std::pair{"source_url", "url"}, std::pair{"source.url", "url"}}) {
        if (o.contains(flat) && o[flat].is_string() && !source.contains(key)) {
          source[key] = o[flat];
          o.erase(flat);
        }
      }
      if (!source.empty()) o["source"] = std::move(source);
    }
    if (o.contains("tags") && o["tags"].is_string()) o["tags"] = split_tags(o["tags"].get<std::string>());
    // `truceline reports --format geojson` draws a report located by its place name at the
    // place's point: that point is the store's reading, not the report's own coordinates, so
    // it is not taken back as lon/lat (the place is resolved again).
    std::string method;
    if (o.contains("effective_method") && o["effective_method"].is_string())
      method = o["effective_method"].get<std::string>();
    else if (o.contains("effective_location") && o["effective_location"].is_object() &&
             o["effective_location"].contains("method") && o["effective_location"]["method"].is_string())
      method = o["effective_location"]["method"].get<std::string>();
    const bool derived_geometry = method == "place" || method == "unresolved";
    if (!derived_geometry && feature.contains("geometry") && !feature["geometry"].is_null()) {
      const json& g = feature["geometry"];
      if (!g.is_object() || !g.contains("type") || !g["type"].is_string()) {
        err = "geometry must be a GeoJSON geometry object";
        return true;
      }
      if (g["type"] != "Point") {
        err = fmt::format("geometry is a {}, not a Point", g["type"].get<std::string>());
        return true;
      }
      if (!g.contains("coordinates") || !g["coordinates"].is_array() || g["coordinates"].size() < 2 ||
          g["coordinates"].size() > 3 || !g["coordinates"][0].is_number() || !g["coordinates"][1].is_number()) {
        err = "Point coordinates must be [lon, lat] numbers";
        return true;
      }
      o["lon"] = g["coordinates"][0];
      o["lat"] = g["coordinates"][1];
    }
    row.outcome = report_from_json(o, read_);
    return true;
  }
  std::string format() const override { return "geojson"; }

 private:
  ReadOptions read_;
  json features_;
  std::size_t index_ = 0;
  std::map<std::size_t, std::string> duplicates_;  // feature number -> its first repeated key
};


}  // namespace

std::unique_ptr<RowReader> make_geojson_reader(std::istream& in, const ReaderOptions& options) {
  return std::make_unique<GeoJsonReader>(in, options.report);
}

}  // namespace truceline::store::detail
