// What `ingest`, `place` and `relocate` share to resolve place names (docs/report-format.md,
// "Place resolution"): the gazetteer and extra places files, the agreement's area of interest,
// and the check of coordinates against it. The rules are the library's
// (gazetteer/resolve.hpp, agreement/area_of_interest.hpp); this only loads and wires them.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/gazetteer/resolve.hpp"
#include "truceline/store/record.hpp"

namespace truceline::cli {

struct PlaceFlags {
  std::string agreement;            // --agreement FILE: scope lookups to its area of interest
  std::vector<std::string> places;  // --places FILE (repeatable): extra places
  std::string gazetteer;            // the GeoNames extract; "" = default_gazetteer_file()
};

// The gazetteer a command reads without --gazetteer: $TRUCELINE_DATA/gazetteer/places.tsv when
// the environment variable TRUCELINE_DATA is set (and not empty), else the source tree's
// data/gazetteer/places.tsv (gazetteer::default_data_file()).
std::string default_gazetteer_file();
// $TRUCELINE_DATA/gazetteer/localities.tsv (or the source tree's): the localities supplement.
std::string default_localities_file();
// $TRUCELINE_DATA/gazetteer/landmarks.tsv (or the source tree's): the curated landmarks.
std::string default_landmarks_file();

class PlaceContext {
 public:
  // Loads and validates the agreement now (InputError). `eager`: load the gazetteer and the
  // places files now as well (they are checked before anything is written); otherwise on the
  // first resolve().
  PlaceContext(PlaceFlags flags, bool eager);
  ~PlaceContext();

  // The area of interest (--agreement), or null.
  const agreement::AreaOfInterest* area() const { return area_.get(); }
  const std::string& agreement_id() const { return agreement_id_; }

  // Loads the gazetteer if needed: InputError naming the file and how to point at it.
  const gazetteer::Resolver& resolver();

  // The resolution of a report's place, as the store records it (report: the report's JSON
  // or its extra fields, for its country/admin1 constraints).
  nlohmann::json resolve(const std::string& place, const nlohmann::json& report);

  // With an area of interest: the quarantine reason for coordinates more than
  // agreement::kFarFromAreaM from it ("far from the agreement's area; lat/lon swapped? (...)"),
  // else nullopt. Thread-safe.
  std::optional<std::string> far_from_area(double lon, double lat) const;

  // Statuses counted since the last take_counts() (for the per-file summary).
  std::map<std::string, std::size_t> take_counts();

 private:
  PlaceFlags flags_;
  std::unique_ptr<agreement::AreaOfInterest> area_;
  std::string agreement_id_;
  std::unique_ptr<gazetteer::Gazetteer> gazetteer_;
  std::unique_ptr<gazetteer::Resolver> resolver_;
  std::map<std::string, std::size_t> counts_;
};

// "resolved 2, unresolved 3 (ambiguous 1, no_match 2)" from take_counts(); "" when empty.
std::string format_counts(const std::map<std::string, std::size_t>& counts);

}  // namespace truceline::cli
