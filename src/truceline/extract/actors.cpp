// Actor mentions (rules in actors.hpp and docs/extract.md, "Places and actors").
#include "truceline/extract/actors.hpp"

namespace truceline::extract {

struct ActorFinder::Impl {
  const agreement::Agreement* agreement = nullptr;
};

ActorFinder::ActorFinder(const agreement::Agreement& agreement) : impl_(std::make_unique<Impl>()) {
  impl_->agreement = &agreement;
}
ActorFinder::~ActorFinder() = default;
ActorFinder::ActorFinder(ActorFinder&&) noexcept = default;

std::vector<ActorMention> ActorFinder::find(const Document&) const { return {}; }  // first version: none yet

}  // namespace truceline::extract
