// Who a report's actor text names (docs/assessment.md, "Actors"): a party or group of the
// agreement, or nobody known — never a guess.
//
// Rules, in order (text folded with gazetteer::fold: case, diacritics, scripts, articles):
//   1. Qualifiers are removed: a parenthesised year range ("(2000-)", "(1970-2000)") and a
//      parenthesised country name ("(Syria)": an English country name from ICU's locale data,
//      or any party's `country`). ACLED writes "Unidentified Armed Group (Syria)": the country
//      says where the group acts, not who it is. Other parentheses stay ("Tahrir al-Sham (HTS)").
//   2. Generic names are never an actor of the agreement: "Unidentified …" (category
//      `unidentified`), "Civilians" (`civilians`), "Protesters" (`protesters`), "Rioters"
//      (`rioters`), ACLED's names for people, not parties.
//   3. State forces in ACLED's form "Military Forces of X" / "Police Forces of X" / "Government
//      of X" (a leading "the" dropped; anything
//      after X, e.g. "Air Force", is ignored): X is matched against the parties' `country`,
//      then against party names and aliases (not groups). `state_forces`.
//   4. The whole text equals a party's or group's name or alias: `alias`.
//   5. Names and aliases found as whole words, longest first, never overlapping:
//      `alias_in_text` ("HTS fighters" -> hts). A name with a blocking word before it
//      ("anti-HTS protesters", "Free Syrian Army", "former Nusra members") or after it
//      ("Syrian government opponents", "Syrian Army deserters", "HTS-affiliated") names
//      somebody else: nobody of the agreement (category `qualified`).
//   6. A party's demonym ("Russian", "Turkish": the `demonyms` of a [[party]]) followed by a
//      state-force noun (force_nouns(): "jets", "army", "artillery", …), also in a list
//      ("Syrian and Russian warplanes"): `demonym` ("Russian jets" -> russia; the state's one
//      armed-forces party, when the agreement has one, for a noun that is no organ: "Turkish
//      troops" -> turkish-armed-forces, "Turkish government" -> turkey). A demonym alone,
//      or before any other word ("Syrian opposition", "Turkish-backed factions", "Syrian
//      National Army") names nobody.
//   When steps 5 and 6 find more than one party or group ("Syrian and Russian warplanes",
//   "Syrian regime and Russian jets"), the text names several actors: it is attributed to none
//   of them (category `several`, `matched` lists them) rather than to the first one found.
// Ids are not aliases: "syria" in a text does not name the party `syria` unless declared.
//
// Thread safety: resolve() is const and keeps no cache; safe from several threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/agreement/agreement.hpp"

namespace truceline::assess {

struct ActorResolution {
  std::string id;        // party or group id; empty when nobody of the agreement is named
  std::string how;       // alias | alias_in_text | demonym | state_forces | "" (unresolved)
  std::string category;  // unidentified | civilians | protesters | rioters | state_forces (of a
                         // non-party) | several | qualified | "" (a name)
  std::string matched;   // the alias, name or demonym (+ noun) that matched, folded
  std::string stripped;  // the qualifiers removed, as written ("(Syria)", "(2000-)")
  std::vector<std::string> ids = {};  // category several: the ids named, sorted
};

// The state-force nouns a demonym must precede (folded, longest first where they overlap).
const std::vector<std::string>& force_nouns();

class ActorResolver {
 public:
  explicit ActorResolver(const agreement::Agreement& a);
  ~ActorResolver();
  ActorResolver(ActorResolver&&) noexcept;
  ActorResolution resolve(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `folded` (already gazetteer::fold-ed) is a country's name as
// gazetteer::country_code_of_name() knows it (ICU's English names and ACLED's spellings; not
// an ISO code) or one of `extra` (folded).
bool is_country_name(const std::string& folded, const std::vector<std::string>& extra = {});

}  // namespace truceline::assess
