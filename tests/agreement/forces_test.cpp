// agreement::armed_forces_of_states / forces_or_state (agreement/forces.hpp): the one rule
// `assess` and `extract` share for "a state's armed forces". Synthetic agreements, and the
// Idlib scenario's parties.
#include "truceline/agreement/forces.hpp"

#include <gtest/gtest.h>

namespace truceline::agreement {
namespace {

Actor party(const std::string& id, const std::string& kind, std::vector<std::string> member_of = {},
            std::vector<std::string> aliases = {}) {
  Actor x;
  x.id = id;
  x.name = id;
  x.kind = kind;
  x.member_of = std::move(member_of);
  x.aliases = std::move(aliases);
  return x;
}

// The caller's words: here "<state>-army" is the only alias that names a state's forces.
bool names_forces(const std::string& state, std::string_view alias) { return alias == state + "-army"; }

TEST(ArmedForces, KindOrAnAliasMakesAMembersPartyTheStatesForces) {
  Agreement a;
  a.actors = {party("north", "state"), party("south", "state"), party("east", "state"),
              party("north-forces", "armed-forces", {"north"}),               // by kind
              party("south-legion", "unit", {"south"}, {"south-army"}),       // by an alias
              party("south-police", "police", {"south"}, {"south-police"}),  // neither
              party("east-police", "police", {"east"})};
  const auto f = armed_forces_of_states(a, names_forces);
  EXPECT_EQ(f.size(), 2u);
  EXPECT_EQ(f.at("north"), "north-forces");
  EXPECT_EQ(f.at("south"), "south-legion");
  EXPECT_EQ(f.count("east"), 0u);  // its police is not its armed forces
}

TEST(ArmedForces, TwoCandidatesOrAGroupNameNone) {
  Agreement a;
  a.actors = {party("north", "state"), party("n1", "armed-forces", {"north"}), party("n2", "armed-forces", {"north"})};
  Actor g = party("militia", "armed-forces", {"west"});
  g.is_group = true;  // a group is never a state's forces
  a.actors.push_back(g);
  const auto f = armed_forces_of_states(a, names_forces);
  EXPECT_TRUE(f.empty());
}

TEST(ArmedForces, ForcesOrStateKeepsOrgansWithTheState) {
  const std::map<std::string, std::string> f{{"north", "north-forces"}};
  EXPECT_EQ(forces_or_state(f, "north", false), "north-forces");
  EXPECT_EQ(forces_or_state(f, "north", true), "north");
  EXPECT_EQ(forces_or_state(f, "south", false), "south");
}

TEST(ArmedForces, TheIdlibScenario) {
  const Agreement a = load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  const auto f = armed_forces_of_states(a, [](const std::string&, std::string_view) { return false; });
  EXPECT_EQ(f.at("turkey"), "turkish-armed-forces");  // kind = "armed-forces"
  EXPECT_EQ(f.count("russia"), 0u);  // its military police is not its armed forces
}

}  // namespace
}  // namespace truceline::agreement
