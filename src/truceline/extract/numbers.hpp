// Number mentions in a text (docs/extract.md, "Dates, numbers and weapons"): digits (Western
// and Arabic-Indic, with thousands separators) and number words in English, Arabic, Russian
// and Turkish, with their qualifier ("more than 20"), ranges ("15-20"), and what they count,
// from the noun or verb next to them.
//
// Not numbers: dates and years of dates (find_dates finds them), times ("08:30"), ordinals
// ("12th"), decimals ("2.5"), clock times ("6 a.m.", "в 6 утра", "الساعة 6"), model designations ("T-72", "BM-21"), resolution / article /
// point numbers ("resolution 2254", "point 6", "пункт 6", "البند 6"), and bare years
// (1900-2100 without a count noun after them). A calibre ("122 mm") is a number that counts
// "other" with unit "mm".
//
// counts: fatalities | injured | explosions | weapons | people | displaced | other. A noun
// that says it ("killed", "dead", "погибших", "قتلى") decides; a people noun ("civilians",
// "человек", "مدنيين") takes the nearest killing / wounding / displacing word in the sentence
// (before the number, or after its noun, without crossing another number), else "people";
// "the death(s) of" is such a word, Russian "уничтож-"/"ликвидир-" (destroyed) one for people
// only. Places and things taken ("two hills", "две высоты") count "other".
// unit: the counted noun, lower-cased as written ("civilians", "снарядов", "قذائف"), or the
// measure for "other" ("km", "mm", "%", "years"); "" when nothing follows.
//
// Vague quantities: "dozens" / "десятки" / "عشرات" / "onlarca" = value 10 (12 for English
// "dozens"), "hundreds" / "сотни" / "مئات" = 100, "thousands" = 1000, each with qualifier
// at_least (the lowest figure the word allows, as ACLED codes "dozens"); "tens of thousands" =
// 10000. "several", "a few", "many" are not numbers. A number in words with nothing counted and
// no killing/wounding word next to it ("the two countries") is not reported; digits are.
//
// Cost: one pass over the tokens plus find_dates. Thread-safe; never throws on any Document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "truceline/extract/dates.hpp"
#include "truceline/extract/document.hpp"

namespace truceline::extract {

struct NumberMention {
  Span span;  // the number with its qualifier ("more than 20"), not the counted noun
  std::string text;
  std::uint64_t value = 0;                 // the (lower) figure
  std::optional<std::uint64_t> value_max;  // ranges only
  std::string qualifier;  // exact | more_than | at_least | about | up_to | less_than | range
  std::string counts;     // fatalities | injured | explosions | weapons | people | displaced | other
  std::string unit;       // the counted noun as written, lower-cased ("civilians", "shells", ...)
  std::optional<Span> counted_span;  // the counted noun
  bool risen = false;  // a toll risen to this figure ("rose to eight", "возросло до", "5'e yükseldi"): it revises the figures before
  // "one of the injured died" ("one of the two girls died", "توفي أحد المصابين", "один из них
  // скончался", "yaralılardan biri öldü"): one death among people counted as injured before;
  // value 1, counts fatalities. It moves one from the injured to the dead (candidates).
  bool of_injured = false;
};

std::vector<NumberMention> find_numbers(const Document& doc);
// The same with the document's dates already found (find_dates, with any publication date or
// agreement: their spans do not depend on them): they are not looked for again.
std::vector<NumberMention> find_numbers(const Document& doc, const std::vector<DateMention>& dates);

}  // namespace truceline::extract
