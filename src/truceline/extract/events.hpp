// Events, claimants and statements of a text (docs/extract.md, "Events", "Claims",
// "Statements"): which sentences assert an event of a report kind, who claims each sentence,
// and which sentences only state, agree, call for, promise, deny or negate something.
//
// Rules, in order (each a hand-checked table in events.cpp; no regex library, no model: the
// rules must be explainable and every match names its table entry):
// - Triggers: per kind and language, a word sequence ("artillery fire", "обстрел*", "قصف* جوي*");
//   `*` = a prefix, `~` = up to three words in between. Arabic words are compared without their
//   clitics (و ف ب ل ك ال) and with alef/yaa variants unified. The longest match at a position
//   wins; matches do not overlap.
// - civilian_harm: a casualty word (killed, ранены, قتلى ...) in a sentence that names civilians
//   (civilians, children, мирные жители, مدنيين ...) and holds no other event: the casualties of
//   a shelling are its counts, not a second event.
// - Sightings: "seen/spotted/замечены/شوهد" near a drone word -> uav_observation, near a heavy
//   weapon word -> weapon_sighting, near a fighters word -> group_presence.
// - Modality: a sentence that agrees, signs, calls for, urges, welcomes, condemns ("statement")
//   holds no event; a trigger after a future/obligation cue (will, plans to, must, threatened
//   to, намерен, سوف, س+verb) or a negation in its clause (no, not, не, لم, لا — not "لا يزال")
//   is no event; a sentence with a denial verb (denied, опроверг, نفى) gives a Denial, attached by
//   the candidate assembly to the events it denies (or kept as a statement).
// - Claimants: "according to X", "X said/reported/claimed", ", said X", "по данным X",
//   "сообщил(и) X", "заявили в X", "بحسب X", "وفق X", "قال/أفاد/ذكرت X" ...; a sentence without a
//   claimant of its own, or whose claimant is a pronoun ("it said"), takes the claimant of the
//   sentence before it in the same paragraph.
//
// Cost: one pass over the tokens per table (a few hundred entries checked by first word).
// Thread safety: pure functions over an immutable Document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "truceline/extract/document.hpp"

namespace truceline::extract {

struct Claimant {
  Span span;  // the claimant as written
  std::string text;
  std::string rule;  // "according_to", "subject_of:said", "after:сообщили", "after:بحسب", "inherited" ...
  Span cue;          // the cue word(s)
  std::size_t sentence = 0;
  bool inherited = false;  // taken from the sentence before
  // Named after a source cue ("according to X", "по данным X", "как сообщил X", "بحسب X",
  // "X'e göre"): a source, never the actor of what it tells (candidates.cpp).
  bool source_cue = false;
};

struct EventMention {
  std::string kind;  // a report kind (docs/report-format.md)
  Span span;         // the trigger
  std::string text;
  std::string rule;  // "trigger:<lexicon entry>", "casualties:<word>+civilians:<word>", "sighting:<verb>+<object>"
  std::size_t sentence = 0, first_token = 0, last_token = 0;  // tokens [first, last]
  std::string voice;                                          // "active" | "passive"
  // Return fire ("returned fire", "ответный огонь", "karşılık verdi"): it answers the event told
  // before, another event in the other direction, never merged with it (a flag of its trigger).
  bool answers = false;
  // A weapon named as the trigger ("anti-tank missile"): kept only where something is fired or
  // hit in its sentence and no air strike or shelling is beside it (a flag of its trigger).
  bool weapon_named = false;
  // A bulletin's count broken down after a colon ("зафиксировано 14 обстрелов: в провинции X -
  // 6 (A, B), …"): one event per point place listed; none where only regions are named.
  bool breakdown = false;
  // "not X but Y" ("The shells did not hit Sarmin but Saraqib", "упали не в Сармине, а в
  // Саракибе", "لم تسقط على سرمين بل على سراقب"): the negation falls on a place a contrast
  // corrects; the event stands, and no place inside these bytes (from the negation to the
  // contrast word) is its place. Empty otherwise.
  Span not_here{};
  // An event told past a contrast after a denial ("The army denied shelling Sarmin, but residents
  // said its guns shelled Kafr Nabl"): its claimant is its own clause's (here "residents"; none
  // when the text itself tells it), not the sentence's, which is the denier's.
  bool own_claim = false;
  std::optional<Claimant> claimant;
};


struct Statement {
  Span span;  // the sentence
  std::string text;
  std::string why;  // agreement | statement | call | future | negation | denial | generic | habitual | aggregate | checked_claim | refuted | rumour
  std::string cue;  // the cue word as written
  Span cue_span;
  std::size_t sentence = 0;
  std::vector<std::string> kinds;  // event kinds its triggers would have given
};

struct Denial {
  std::size_t sentence = 0;
  Span span;  // the denial verb
  std::string text;
  std::optional<Claimant> by;      // who denies
  std::vector<std::string> kinds;  // kinds of the triggers in the denial sentence ("" = it/the report)
  // A verdict opening its sentence, "FALSE.", "Нет, это фейк.", "O doğru değil.", "هذا غير
  // صحيح": the text (or its speaker) answers the claim told just before; it does not assert it.
  bool verdict = false;
};

struct EventFindings {
  std::vector<EventMention> events;  // asserted events, in text order
  std::vector<Statement> statements;
  std::vector<Denial> denials;
  std::vector<std::optional<Claimant>> claimant;  // per sentence (own or inherited)
};

EventFindings find_events(const Document& doc);

// Arabic normalisation of one word for matching: tashkeel and tatweel removed, alef forms -> ا,
// alef maqsura -> ي. Other scripts: unchanged. Exposed for tests.
std::string normalise_arabic(std::string_view word);
// A token as the rules compare it: lower case, and Arabic normalised (normalise_arabic).
std::string token_key(const Token& t);

}  // namespace truceline::extract
