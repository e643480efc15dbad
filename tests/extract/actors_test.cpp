// Actor mentions (extract/actors.hpp): our own sentences in en/ar/ru.
#include <gtest/gtest.h>

#include "truceline/agreement/agreement.hpp"
#include "truceline/extract/actors.hpp"

namespace truceline::extract {
namespace {

const std::string kIdlib = TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml";

const ActorFinder& finder() {
  static const agreement::Agreement a = agreement::load_valid(kIdlib);
  static const ActorFinder f(a);
  return f;
}

TEST(Actors, EmptyTextHasNoActors) {
  EXPECT_TRUE(finder().find(Document::make("", "en")).empty());
}

}  // namespace
}  // namespace truceline::extract
