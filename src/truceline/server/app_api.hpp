// The web app's JSON endpoints (docs/api.md, "The web app's endpoints"): GET /v1/app/meta,
// /v1/app/layers?date=, /v1/app/incidents, /v1/app/incident/ID, /v1/app/towns.
//
// They read the app's view of the store (app/view.hpp), built once and kept between requests;
// every request first reads the store's fingerprint (app::store_fingerprint: report count and
// largest rowid, ledger size) and rebuilds the view when it changed (an ingest, a ledger
// append). The layers of a day and the towns are kept too (they depend on the agreement and the
// gazetteer only).
//
// Errors: a bad or unknown parameter is 400 naming it; an unknown incident 404
// {"error":"no incident ID"}; the store's failures are thrown (InputError) for the caller's
// mapping (api.cpp: 500).
// Thread safety: get() may be called from several threads at once; one builds a view while the
// others wait for it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "truceline/agreement/agreement.hpp"
#include "truceline/server/http.hpp"

namespace truceline::app {
struct View;
}

namespace truceline::server {

class AppApi {
 public:
  // `agreement` must outlive the AppApi. `gazetteer`: the places file the towns come from
  // ("" = gazetteer::default_data_file()).
  AppApi(const agreement::Agreement& agreement, std::string db, std::string gazetteer = "");
  ~AppApi();
  AppApi(const AppApi&) = delete;
  AppApi& operator=(const AppApi&) = delete;

  // True for the paths answered here (not /v1/app/export nor /v1/app/candidates: their own files).
  static bool handles(const std::string& path);
  // A GET of one of those paths; `params` percent-decoded, each given once.
  Response get(const std::string& path, const std::map<std::string, std::string>& params);

  // The current view (rebuilt if the store changed); for tests and the export.
  std::shared_ptr<const app::View> view();
  // The agreement the view is assessed against (the export checks filter names with it).
  const agreement::Agreement& agreement() const;
  // Builds the view now (the server calls it at start on a worker, so that the app's first
  // request does not wait for the assessment of the whole store); failures are left for the
  // first request to report.
  void warm() noexcept;
  // How many times the view was built (tests: the cache is used, and refreshed after an ingest).
  int builds() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::server
