// The listing of stored reports that `truceline reports` prints and `GET /v1/reports` serves
// (docs/cli.md "reports", docs/api.md): one place for its three formats, so both give the same
// bytes for the same query.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "truceline/io/geopackage.hpp"
#include "truceline/store/store.hpp"

namespace truceline::store {

// Writes the reports `q` selects from `store` to `out` in `format`: "jsonl" (one report per
// line, with its id, superseded_by and effective_location), "csv" (a header line, then one row
// per report) or "geojson" (a FeatureCollection whose geometries are the effective locations).
// `after_row`, when given, is called after each report is written (the CLI uses it to release
// held output). Throws what Store::query throws (e.g. a damaged row); std::invalid_argument for
// another format. Cost: one pass over the selected reports; memory O(one report).
void write_listing(const Store& store, const Query& q, const std::string& format, std::ostream& out,
                   const std::function<void()>& after_row = {});

// The listing as a GeoPackage layer (`reports --format gpkg`, docs/formats.md "GeoPackage"):
// the CSV's columns in the CSV's order, typed — observed_at and reported_at DATETIME (UTC,
// milliseconds), lon, lat, location_precision_m, effective_lon, effective_lat,
// effective_precision_m and effective_score REAL, weapon_count, fatalities, injured and
// credibility INTEGER, the others TEXT (an absent value is NULL) — and as geometry the
// effective location (the same point as the GeoJSON listing), NULL when unresolved.
io::GpkgLayer reports_gpkg_layer(const std::string& name = "reports");
// One report as a feature of a layer made by reports_gpkg_layer(), whose columns may go on
// after the listing's: `more` holds their values.
void add_report_feature(io::GeoPackage& gpkg, int layer, const StoredReport& r,
                        const std::vector<io::GpkgValue>& more = {});
// One report as the GeoJSON listing writes it: {"type": "Feature", "id", "properties" (the
// report, its ledger_index, the effective_* keys), "geometry" (the effective location, null
// when unresolved)}.
nlohmann::json report_geojson_feature(const StoredReport& r);
// The reports `q` selects, as the layer "reports" of `gpkg`. Throws what Store::query throws.
void write_listing_gpkg(const Store& store, const Query& q, io::GeoPackage& gpkg);

}  // namespace truceline::store
