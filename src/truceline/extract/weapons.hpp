// Weapon mentions in a text (docs/extract.md, "Dates, numbers and weapons"): the agreement's
// weapon classes by their id, name and aliases in every script, with plural and inflected
// forms ("tanks", "танков", "танками", "دبابات", "راجمات"), and a built-in lexicon of generic
// weapons (rocket, shell, drone, missile, barrel_bomb, bomb, small_arms) for the rest.
//
// Matching is on words, not characters: each text word and each alias word is reduced to a
// key (lower case; Arabic: without diacritics, alef/ya/ta-marbuta variants unified, the
// prefixes و ف ب ل ك ال and the suffixes ة ات ان ين removed; Russian: ё = е and the case
// ending removed; English: the plural -s/-es removed; Turkish: the suffix after an
// apostrophe and -lar/-ler removed; hyphens ignored, "122mm" = "122 mm"). Aliases written
// in capitals of 2-5 letters ("TOW", "MLRS") match only in capitals ("tow" is a verb).
// The longest match wins, then a class over a generic word; mentions never overlap. A class
// alias followed by a generic word ("Grad rockets", "mortar rounds", "tank shells") is one
// mention of the class. A mention names a class when any of its words is a class alias
// (class_id set, generic ""), else its generic family. Built-in synonyms of agreement names
// (Grad: غراد, Град; РСЗО: реактивная система залпового огня ...) are indexed for the class that
// has the name. Quoted names keep their quotes ("«Град»"); "heavy"/"الثقيلة" join a class
// mention; an Arabic clitic glued to the first word is left out of the span.
//
// Cost: the alias table is built once in the constructor; find() is one pass over the tokens
// with a hash lookup per word. Thread-safe after construction; never throws on any Document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "truceline/extract/document.hpp"

namespace truceline::agreement {
struct Agreement;
}

namespace truceline::extract {

struct WeaponMention {
  Span span;
  std::string text;
  std::string class_id;  // the agreement's weapon_class id, "" if none
  std::string generic;   // when no class: rocket | shell | drone | missile | barrel_bomb | bomb | small_arms
};

class WeaponFinder {
 public:
  // Indexes the agreement's weapon classes (id, name, aliases) and the built-in lexicon.
  explicit WeaponFinder(const agreement::Agreement& a);
  ~WeaponFinder();
  WeaponFinder(WeaponFinder&&) noexcept;
  WeaponFinder& operator=(WeaponFinder&&) noexcept;

  std::vector<WeaponMention> find(const Document& doc) const;

 private:
  struct Index;
  std::unique_ptr<Index> index_;
};

}  // namespace truceline::extract
