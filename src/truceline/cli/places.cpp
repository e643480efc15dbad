#include "truceline/cli/places.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "truceline/agreement/agreement.hpp"
#include "truceline/error.hpp"

namespace truceline::cli {

namespace {
// $TRUCELINE_DATA, the one place the environment is read (the library takes paths): "" when
// unset or empty.
std::string data_dir_from_environment() {
  const char* env = std::getenv("TRUCELINE_DATA");
  return env && *env ? env : "";
}
}  // namespace

std::string default_gazetteer_file() {
  const std::string dir = data_dir_from_environment();
  return dir.empty() ? gazetteer::default_data_file() : gazetteer::data_file_in(dir);
}

std::string default_localities_file() {
  const std::string dir = data_dir_from_environment();
  return dir.empty() ? gazetteer::default_localities_file() : gazetteer::localities_file_in(dir);
}

std::string default_landmarks_file() {
  const std::string dir = data_dir_from_environment();
  return dir.empty() ? gazetteer::default_landmarks_file() : gazetteer::landmarks_file_in(dir);
}

PlaceContext::PlaceContext(PlaceFlags flags, bool eager) : flags_(std::move(flags)) {
  if (!flags_.agreement.empty()) {
    const agreement::Agreement a = agreement::load_valid(flags_.agreement);
    agreement_id_ = a.id;
    area_ = std::make_unique<agreement::AreaOfInterest>(a);
  }
  if (eager) resolver();
}

PlaceContext::~PlaceContext() = default;

const gazetteer::Resolver& PlaceContext::resolver() {
  if (resolver_) return *resolver_;
  const std::string path = flags_.gazetteer.empty() ? default_gazetteer_file() : flags_.gazetteer;
  try {
    gazetteer_ = std::make_unique<gazetteer::Gazetteer>(gazetteer::Gazetteer::load(path, flags_.places));
  } catch (const InputError& e) {
    // Say where the default path comes from: the usual cause is TRUCELINE_DATA.
    std::string hint;
    const std::string what = e.what();
    if (flags_.gazetteer.empty() && what.rfind(path, 0) == 0) {
      const std::string env = data_dir_from_environment();
      hint = !env.empty() ? fmt::format(" (the gazetteer is $TRUCELINE_DATA/gazetteer/places.tsv; TRUCELINE_DATA={})", env)
                         : " (the gazetteer of the source tree; set TRUCELINE_DATA to the directory holding "
                           "gazetteer/places.tsv)";
    }
    throw InputError(what + hint);
  }
  gazetteer::ResolveOptions o;
  if (area_) {
    const agreement::AreaOfInterest* area = area_.get();
    o.scope = gazetteer::Scope{area->description(),
                               [area](gazetteer::LonLat p) { return area->distance_m(p); },
                               area->place_margin_m()};
  }
  resolver_ = std::make_unique<gazetteer::Resolver>(*gazetteer_, std::move(o));
  return *resolver_;
}

nlohmann::json PlaceContext::resolve(const std::string& place, const nlohmann::json& report) {
  const gazetteer::Resolver& r = resolver();
  const gazetteer::Resolution res = r.resolve(place, gazetteer::constraints_of(report));
  ++counts_[gazetteer::to_string(res.status)];
  return r.to_json(res);
}

std::optional<std::string> PlaceContext::far_from_area(double lon, double lat) const {
  if (!area_) return std::nullopt;
  const double d = area_->distance_m({lon, lat});
  if (d <= agreement::kFarFromAreaM) return std::nullopt;
  // Beyond 2 500 km AreaOfInterest::distance_m is a lower bound: say no more than that.
  auto km = [](double m) {
    return m <= 2'500'000 ? fmt::format("{:.0f} km", m / 1000.0) : std::string("more than 2500 km");
  };
  std::string swapped;
  if (lon >= -90 && lon <= 90) {
    const double s = area_->distance_m({lat, lon});
    if (s == 0) swapped = "; read as lat, lon it would be inside it";
    else if (s <= agreement::kFarFromAreaM) swapped = "; read as lat, lon it would be " + km(s) + " from it";
  }
  return fmt::format("far from the agreement's area; lat/lon swapped? (lon {}, lat {} is {} from the area of interest "
                     "of {}, the limit being {:.0f} km{})",
                     lon, lat, km(d), agreement_id_, agreement::kFarFromAreaM / 1000.0, swapped);
}

std::map<std::string, std::size_t> PlaceContext::take_counts() {
  std::map<std::string, std::size_t> c;
  c.swap(counts_);
  return c;
}

std::string format_counts(const std::map<std::string, std::size_t>& counts) {
  std::size_t resolved = 0, unresolved = 0;
  std::string detail;
  for (const auto& [status, n] : counts) {
    if (status == "resolved") {
      resolved += n;
      continue;
    }
    unresolved += n;
    detail += fmt::format("{}{} {}", detail.empty() ? "" : ", ", status, n);
  }
  if (resolved + unresolved == 0) return "";
  return fmt::format("resolved {}, unresolved {}{}", resolved, unresolved, detail.empty() ? "" : " (" + detail + ")");
}

}  // namespace truceline::cli
