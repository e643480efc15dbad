// Which party of an agreement is a state's armed forces (issue 14). One rule for `assess` (a
// report's actor text, assess/actors.cpp) and `extract` (a news text's mentions,
// extract/actors.cpp), so "Turkish troops" in a report and "турецкие военные" in a text name the
// same party. The words are the caller's (each reads its own languages); the rule is here.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "truceline/agreement/agreement.hpp"

namespace truceline::agreement {

// True when `alias` (an alias of a party that is a member of the state `state_id`) is the
// state's demonym with a noun for armed forces that is no organ of the state ("Turkish army",
// "турецкие военные", "الجيش التركي"; not "Turkish government").
using NamesStateForces = std::function<bool(const std::string& state_id, std::string_view alias)>;

// State id -> the one party that is that state's armed forces: a [[party]] (not a group) that
// is a member of the state (`member_of`) and either has `kind = "armed-forces"` or an alias for
// which `names_forces` is true. A state with no such party, or with several, is absent: its own
// id then stands for its forces ("Russian troops" -> russia when the agreement lists only
// Russia's military police, which is neither).
std::map<std::string, std::string> armed_forces_of_states(const Agreement& a, const NamesStateForces& names_forces);

// The party a state's force noun names: the state's armed forces (from the map above) for a
// noun that is no organ ("troops", "jets", "военные", "قوات"), the state itself for an organ
// ("government", "ministry", "side") or when the agreement lists no armed forces for it.
std::string forces_or_state(const std::map<std::string, std::string>& forces, const std::string& state_id, bool organ);

}  // namespace truceline::agreement
