// A state's armed forces among an agreement's parties (rules in forces.hpp).
#include "truceline/agreement/forces.hpp"

#include <set>

namespace truceline::agreement {

std::map<std::string, std::string> armed_forces_of_states(const Agreement& a, const NamesStateForces& names_forces) {
  std::map<std::string, std::set<std::string>> found;  // state id -> its armed-forces parties
  for (const auto& x : a.actors) {
    if (x.is_group) continue;
    for (const auto& state : x.member_of) {
      bool is_forces = x.kind == "armed-forces";
      for (const auto& al : x.aliases) is_forces = is_forces || names_forces(state, al);
      if (is_forces) found[state].insert(x.id);
    }
  }
  std::map<std::string, std::string> out;
  for (const auto& [state, ids] : found)
    if (ids.size() == 1) out.emplace(state, *ids.begin());
  return out;
}

std::string forces_or_state(const std::map<std::string, std::string>& forces, const std::string& state_id, bool organ) {
  if (organ) return state_id;
  const auto it = forces.find(state_id);
  return it == forces.end() ? state_id : it->second;
}

}  // namespace truceline::agreement
