// Actor mentions in a news text (docs/extract.md, "Places and actors"): who the text names —
// the agreement's parties and groups by their names and aliases in every script (with Russian
// and Arabic inflected forms), a party's demonym before a force noun ("Russian jets",
// "российские ВКС", "الطيران الروسي"), and generic actors the agreement does not name
// ("militants", "armed groups", "боевики", "مسلحون": id "" with category "generic").
// Also (issue 14, actor recall): a bare capital that speaks, decides or is blamed ("Ankara
// blamed", "نفت دمشق"), "pro-government forces" (how "allied"), hedged attributions
// ("suspected Russian jets": `hedge`), and a bare army noun or organ word ("Army units", "the
// regime") by the context rule of find(doc, place_countries) (how "context").
// Each mention's words are resolved with assess::ActorResolver's rules, so a qualified name
// ("anti-HTS", "former Nusra members", "Turkish-backed factions") names nobody, and a mention
// naming several parties ("Syrian and Russian warplanes") is attributed to none of them.
//
// Thread safety: find() is const, keeps no state; safe from several threads. Never throws on a
// Document.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/extract/document.hpp"

namespace truceline::extract {

struct ActorMention {
  Span span;
  std::string text;
  std::string id;        // party or group id; "" when nobody of the agreement is named
  std::string how;       // alias | alias_in_text | demonym | "" (as assess::ActorResolution), or
                         // alias_inflected (a Russian/Arabic inflected form of an alias),
                         // alias_variant, metonym (a capital, "side"), allied ("pro-government
                         // forces"), context (a bare army noun or organ word, by the context rule)
  std::string category;  // generic | qualified | several | unidentified | civilians | "" (a name)
  std::vector<std::string> ids = {};  // category "several": each party or group the mention names
                         // ("Russian and Turkish troops": russian-armed-forces, turkish-armed-forces)
  std::string hedge = "";  // the words that hedge the attribution, as written ("suspected", "believed
                         // to be", "предположительно", "يعتقد أنها"); "" when the text asserts it
};

class ActorFinder {
 public:
  // `agreement` must outlive the finder.
  explicit ActorFinder(const agreement::Agreement& agreement);
  ~ActorFinder();
  ActorFinder(ActorFinder&&) noexcept;

  // The actor mentions of the document, in text order, never overlapping.
  std::vector<ActorMention> find(const Document& doc) const;
  // The same, with the country codes of the document's places (PlaceMention::country: one
  // entry per place, "" when unknown) for the context rule (docs/extract.md): a bare army noun
  // ("Army units", "the military", "армия", "وحدات من الجيش") names the forces of the one
  // state the text points to, a bare organ word ("the regime") its party unless the text
  // points elsewhere; `how` "context".
  std::vector<ActorMention> find(const Document& doc, const std::vector<std::string>& place_countries) const;

  // A speaker's own forces in the first person ("our troops", "our observation post", "наши
  // военные", "قواتنا", "unsurlarımız", "gözlem noktamıza"): a ministry's statement speaks for
  // its state's armed forces. `speaker` gives, per sentence, the span of who speaks in it (its
  // claimant, own or carried), or nullopt; a phrase takes the forces of the state of the party
  // named in its sentence's speaker (or the sentence before's), else of the one state all the
  // text's speakers who name a party speak for; with none or two, no mention (nobody is guessed),
  // except in Turkish, where a text whose speakers name no party writes Turkey's army as "ours"
  // (`how` "first_person_turkish", the agreement's party of country Turkey). Added to `actors`
  // (text order kept), `how` "first_person"; a mention they overlap that names nobody gives way.
  void add_first_person(const Document& doc, std::vector<ActorMention>& actors,
                        const std::vector<std::optional<Span>>& speaker) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::extract
