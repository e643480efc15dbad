// Candidate reports from the mentions of a text (docs/extract.md, "Candidates"), and the
// mentions JSON. Every field of a candidate comes from a mention with a span (its `evidence`);
// what the text does not give is absent and `uncertain` says so.
//
// The mentions are the finders' own types (Mentions below), so that the assembly can be tested
// alone with mentions built by hand.
//
// Rules (per event of events.hpp, in text order):
// - place: the point mention of the event's sentence nearest the trigger; else an unresolved
//   name of that sentence (`place` as written, no lon/lat: ingest records it unresolved); else
//   the sentence before's; else the dateline's (a place in the first 12 words of the text).
//   A region (province, countryside, road) is never a place: `uncertain` names it.
//   `location_precision_m`: 2000 for a point; "N km north of X": N*1000 + 2000 around X's point.
// - time: the resolved date of the sentence nearest the trigger; else the dateline's date; else
//   --published (`uncertain` says so); a date of the sentence that could not be resolved leaves
//   `observed_at` out (ingest quarantines the candidate, loudly) rather than use another day.
// - actor / target: actor mentions of the sentence around the trigger by voice and language
//   (active "X shelled Y", passive "Y was shelled by X", Arabic verb-first, Russian "со стороны X").
// - counts: the numbers of the sentence (and of a following casualty-only sentence) counting
//   fatalities, injured, explosions, weapons; per claimant the largest figure of a field, across
//   claimants the lowest as the field's value, all of them in `claims`.
// - merge: same kind, same place and same day in one text = one candidate.
// - denials: attached to the candidates they deny (claims `event`: asserted / denied), else a
//   statement.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "truceline/extract/actors.hpp"
#include "truceline/extract/dates.hpp"
#include "truceline/extract/document.hpp"
#include "truceline/extract/events.hpp"
#include "truceline/extract/numbers.hpp"
#include "truceline/extract/places.hpp"
#include "truceline/extract/weapons.hpp"

namespace truceline::extract {

struct Mentions {
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
  std::vector<DateMention> dates;      // find_dates
  std::vector<NumberMention> numbers;  // find_numbers
  std::vector<WeaponMention> weapons;  // WeaponFinder::find
};

struct CandidateContext {
  std::string file;                                      // evidence.file
  std::optional<std::chrono::year_month_day> published;  // --published
  std::string source, source_type;                       // the source name and type (defaults applied)
  // True when a name matches some gazetteer place at or above ingest's threshold (any scope):
  // a region's name is written as `place` only when this is false, so ingest cannot locate the
  // candidate at a town of the same name. Empty: a region is never written as `place`.
  std::function<bool(std::string_view)> name_matches_a_place;
  // True when one party is a member of the other in the agreement ("turkish-armed-forces" of
  // "turkey"): a headline's "Turkey" and the body's "Turkish troops" may tell one event. Empty:
  // only equal ids are.
  std::function<bool(std::string_view, std::string_view)> member_of;
  // The party the agreement attributes a weapon class to (WeaponClass::attributed_to) and the
  // title of the source that says so; nullopt when none. Empty: no actor is ever implied.
  std::function<std::optional<std::pair<std::string, std::string>>(std::string_view)> weapon_user = {};
};

// The candidate reports of the text, in text order. `statements_out` receives the denials that
// deny nothing of this text (they are statements then). `times_out` receives a date mention (rule
// "time_of_day") for each time of day with no day of its own in an event's sentence ("at dawn",
// "at about 6 p.m.", "Вечером", "فجراً"), resolved to that event's day.
std::vector<nlohmann::json> assemble_candidates(const Document& doc, const EventFindings& events, const Mentions& m,
                                                const CandidateContext& ctx,
                                                std::vector<Statement>* statements_out = nullptr,
                                                std::vector<DateMention>* times_out = nullptr);

// The mentions object of docs/extract.md (without "file", "lang", "lang_from", "published",
// "chars", "sentences": the caller adds those).
nlohmann::json mentions_json(const Document& doc, const EventFindings& events, const Mentions& m,
                             const std::vector<Statement>& statements);

std::string format_date(const std::chrono::year_month_day& d);

}  // namespace truceline::extract
