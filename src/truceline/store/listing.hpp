// The listing of stored reports that `truceline reports` prints and `GET /v1/reports` serves
// (docs/cli.md "reports", docs/api.md): one place for its three formats, so both give the same
// bytes for the same query.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

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

}  // namespace truceline::store
