// Word tables shared by the extract finders (docs/extract.md, "Dates, numbers and weapons"):
// the key a word is looked up by, digits in every script, month and weekday names, number
// words, and the claim verbs ("said", "заявил", "قال") that the events module attaches
// claimants with. Every table is in lexicon.cpp, commented, hand-checked.
//
// Keys: a word's lower-case form (Token::lower) with, for Arabic, the diacritics and tatweel
// removed and the letter variants unified (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ی -> ي, ک -> ك), for
// Russian ё -> е, and for Turkish the suffix after an apostrophe removed ("ekim'de" -> "ekim").
// Arabic words carry clitics: ar_stems() lists the word and the word without و/ف, then
// without ب/ل/ك (tables are looked up with each, in that order).
//
// Thread safety: all functions are pure; the tables are built once (function-local statics).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/extract/document.hpp"

namespace truceline::extract::lexicon {

// The lookup key of a lower-cased word (rules above).
std::string key(std::string_view lower);

// The word and the forms without its leading Arabic conjunction (و ف) and preposition (ب ل ك);
// for a non-Arabic key, just the key. At most 4 forms, longest first.
std::vector<std::string> ar_stems(const std::string& key);

// Mentions leave out an Arabic clitic glued to their first word ("وقبل يومين" -> "قبل يومين",
// "بقذائف الهاون" -> "قذائف الهاون"): the number of clitic letters before the longest of a word's
// forms (ar_stems order) that `known` accepts; 0 when the whole word is known, or none is, or
// the form is not a suffix of the word ("للمدنيين" = ل + المدنيين keeps its letters).
template <typename Known>
std::size_t clitic_letters(const std::vector<std::string>& forms, Known&& known) {
  if (forms.size() < 2 || known(forms[0])) return 0;
  for (std::size_t f = 1; f < forms.size(); ++f) {
    if (!known(forms[f])) continue;
    const std::string& w = forms[0];
    const std::string& s = forms[f];
    if (s.size() < w.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) return (w.size() - s.size()) / 2;
    return 0;
  }
  return 0;
}
// Tokens [first, last] of a document without `letters` leading Arabic letters (and the
// diacritics and tatweel after them): the span and text of a mention.
void trim_clitics(const Document& doc, std::size_t first, std::size_t last, std::size_t letters, Span& span,
                  std::string& text);

// Digits of a token: Western 0-9, Arabic-Indic ٠-٩ and extended ۰-۹, with thousands
// separators (',' '.' '٬' U+066C, each followed by exactly three digits), optionally after a
// one-letter Arabic clitic ("و5", "ب١٢") and before a letter suffix ("12th", "122mm",
// "2018م"). nullopt when the token has no leading digits or the digits are a decimal
// ("2.5", "1,5") or too long for uint64.
struct Digits {
  std::uint64_t value = 0;
  std::size_t digit_count = 0;    // digits written (without separators)
  bool separators = false;        // "1,200"
  bool dotted = false;            // a dot between digit groups that are not thousands ("12.10.2018")
  std::string prefix, suffix;     // clitic before, letters after (lower case as written)
};
std::optional<Digits> parse_digits(std::string_view token_text);

// Month 1-12 of a single-word key in en, ar, ru (nominative, genitive, prepositional), tr, or 0.
// Arabic two-word months (تشرين الأول, كانون الثاني) are found with ar_month2(). `lang` is the
// document's: Turkish names are only read in Turkish documents (and English "may" / "march"
// only where the caller has a day or year next to it: ambiguous_month()).
int month_of(std::string_view key, std::string_view lang);
// Month of the two-word Arabic names: (تشرين|كانون) + (الأول|الاول|أول|الثاني|ثاني), keys.
int ar_month2(std::string_view first_key, std::string_view second_key);
// The same with the first word's forms (ar_stems) already computed.
int ar_month2(const std::vector<std::string>& first_forms, std::string_view second_key);
// True for month names that are also common words ("may", "march"): they need a day or year.
bool ambiguous_month(std::string_view key);

// Day of week of a key, 0 = Sunday ... 6 = Saturday (as std::chrono::weekday), or -1.
// English, Russian (nominative and accusative: "вторник", "среду"), Arabic with the article
// (الثلاثاء, الاحد: "احد" alone is "one"), Turkish (tr documents).
int weekday_of(std::string_view key, std::string_view lang);

// A cardinal number word: value, and whether it multiplies what comes before ("hundred",
// "thousand", "тысяч", "مئة", "الف"), or is a vague quantity ("dozens" -> 12 at least).
struct NumberWord {
  std::uint64_t value = 0;
  bool multiplier = false;  // hundred, thousand, million (and their forms)
  bool vague = false;       // dozens, hundreds, thousands, десятки, عشرات: a lower bound
};
// `lang`: the document's; Turkish words only in Turkish documents ("on" is ten in Turkish).
std::optional<NumberWord> number_word(std::string_view key, std::string_view lang);

// What the tables say of one word, looked up once per token of a document (words_of): the
// finders read these instead of looking a word up again at every pattern.
struct WordInfo {
  int month = 0;                     // month_of
  int weekday = -1;                  // weekday_of
  std::optional<NumberWord> number;  // number_word
};
struct Words {
  std::vector<std::string> key;                 // key(token.lower); "" for punctuation
  std::vector<std::vector<std::string>> forms;  // ar_stems(key) ({key} outside Arabic); {} for punctuation
  std::vector<WordInfo> info;
};
Words words_of(const Document& doc);

// (Claim verbs and cues are one table, events.cpp's kClaimBefore / kClaimVerbs: the claimant
// rules read them; there is no second list here.)

}  // namespace truceline::extract::lexicon
