// GET /v1/app/export (docs/api.md, "Export"): the incidents the web app's map shows for a
// window and filters, and their reports, as a download — GeoJSON, CSV or GeoPackage.
//
// The selection is the map's, not a second implementation of it: the filter is parsed by
// app::parse_filter and applied by app::select to the app's view (app/view.hpp, the same
// cached view GET /v1/app/incidents serves), so an export holds exactly the incidents the map
// counts for the same parameters, and every report of each of them.
//
// Parameters: format (required: geojson | csv | gpkg) and the filter's (from, to, kind,
// verdict, source_type, actor, corroborated); any other is 400 naming it.
// Formats:
// - geojson: one FeatureCollection; the incidents first (properties.feature = "incident", the
//   fields of GET /v1/app/incidents plus report_ids), then their reports
//   (properties.feature = "report", the fields of `truceline reports --format geojson` plus
//   `incident`, the incident's id); geometry: the location, null when unknown.
// - csv: the incidents, one row each, with `reports` (their source ids, ';'-separated) and
//   `report_ids` (their store ids).
// - gpkg: a GeoPackage (io/geopackage.hpp) with two layers, `incidents` (the CSV's columns) and
//   `reports` (the columns of `reports --format csv`, plus `incident`); built in a temporary
//   file, sent as bytes.
// Headers: Content-Disposition: attachment; filename="truceline-FROM-TO.EXT", FROM/TO the
// window's local days (the filter's, else the store's span; "none" for an empty store).
// Errors: 400 for a bad parameter; the store's failures are thrown (api.cpp: 500).
// Thread safety: as AppApi::view(); one call per worker thread.
#pragma once

#include <map>
#include <string>

#include "truceline/server/http.hpp"

namespace truceline::server {

class AppApi;

inline constexpr const char* kExportPath = "/v1/app/export";

// GET /v1/app/export with its percent-decoded parameters. `db`: the report store the view was
// built from (the reports are read from it).
Response export_download(AppApi& app, const std::string& db, const std::map<std::string, std::string>& params);

}  // namespace truceline::server
