// Place mentions (rules in places.hpp and docs/extract.md, "Places and actors").
#include "truceline/extract/places.hpp"

namespace truceline::extract {

struct PlaceFinder::Impl {
  const gazetteer::Gazetteer* gazetteer = nullptr;
  const agreement::Agreement* agreement = nullptr;
  const agreement::AreaOfInterest* area = nullptr;
};

PlaceFinder::PlaceFinder(const gazetteer::Gazetteer& gazetteer, const agreement::Agreement* agreement,
                         const agreement::AreaOfInterest* area)
    : impl_(std::make_unique<Impl>()) {
  impl_->gazetteer = &gazetteer;
  impl_->agreement = agreement;
  impl_->area = area;
}
PlaceFinder::~PlaceFinder() = default;
PlaceFinder::PlaceFinder(PlaceFinder&&) noexcept = default;

std::vector<PlaceMention> PlaceFinder::find(const Document&) const { return {}; }  // first version: none yet

}  // namespace truceline::extract
