// Place mentions (extract/places.hpp): our own sentences in en/ar/ru; expected coordinates from
// data/gazetteer/places.tsv or the agreement, never from the code under test.
#include <gtest/gtest.h>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/extract/places.hpp"
#include "truceline/gazetteer/gazetteer.hpp"

namespace truceline::extract {
namespace {

const std::string kIdlib = TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml";

struct World {
  gazetteer::Gazetteer gaz = gazetteer::Gazetteer::load(gazetteer::default_data_file());
  agreement::Agreement agr = agreement::load_valid(kIdlib);
  agreement::AreaOfInterest area{agr};
  PlaceFinder finder{gaz, &agr, &area};
};
const World& world() {
  static const World w;
  return w;
}

TEST(Places, EmptyTextHasNoPlaces) {
  EXPECT_TRUE(world().finder.find(Document::make("", "en")).empty());
}

}  // namespace
}  // namespace truceline::extract
