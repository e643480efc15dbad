// Word normalisation shared by the place and actor finders (internal to extract): Arabic
// letters, articles and proclitics; Russian case endings. Hand-written per-word rewrites: ICU's
// transliterator (gazetteer::fold) costs tens of microseconds per call and the finders run them
// on every word of every document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace truceline::extract::detail {

// Decodes one UTF-8 code point at s[i] and advances i (valid UTF-8: Document checked it).
char32_t next_cp(std::string_view s, std::size_t& i);
void put_cp(std::string& out, char32_t c);
std::string to_utf8(const std::u32string& s);
// How many code points (letters, for a word) the UTF-8 string holds.
std::size_t cp_count(std::string_view s);
bool is_arabic_letter(char32_t c);
// Whether the text holds a Western or an Arabic-Indic digit (0-9, U+0660-0669).
bool has_digit(std::string_view s);
// The length in bytes of the digit at s[x] (Western; Arabic-Indic too when `arabic_indic`), 0 if
// none or if it would run past `end`.
std::size_t digit_at(std::string_view s, std::size_t x, std::size_t end, bool arabic_indic = true);
// The length in bytes of the digit (Western or Arabic-Indic) that ends right before s[x], 0 if none.
std::size_t digit_before(std::string_view s, std::size_t x);
// Whether a clock, "H:MM" or "HH:MM" ("21:47", "٨:٠٢"), starts at s[x] and ends by `end`.
bool clock_at(std::string_view s, std::size_t x, std::size_t end, bool arabic_indic = true);
// Whether a clock written with a dot starts at s[x] before `end`: one or two Western digits, a
// dot, two digits, then no digit nor dot ("21.40", "4 Ağu 21.40 | …", "DVR 15.20–18.35"); the
// hour at most 23, the minutes at most 59.
bool dotted_clock_at(std::string_view s, std::size_t x, std::size_t end);

// The normalised letters of an Arabic word: harakat and tatweel removed, alef forms (أ إ آ ٱ)
// -> ا, ى -> ي, ة -> ه.
std::u32string ar_letters(std::string_view w);
// Without a leading article (ال) when two letters or more remain.
std::u32string ar_no_article(std::u32string w);
// The key of an Arabic word: normalised, article removed.
std::string ar_key_word(std::string_view w);
// How many code points of the word `raw` its first `letters` letters take, harakat and tatweel
// between them counted in: a mention's span leaves a proclitic of that many letters out.
std::size_t ar_letters_span(std::string_view raw, std::size_t letters);

// Proclitics joined to the first word of a name: conjunctions و ف, prepositions ب ل ك, and
// their combinations; "لل" is ل + ال (the alef of the article dropped). Longest first.
struct Proclitic {
  std::u32string letters;
  bool article_follows;  // ال is part of the proclitic ("بال", "لل")
  bool is_in;            // contains ب ("in, at"): a cue like "في"
};
const std::vector<Proclitic>& proclitics();

// A Russian word's stem for matching inflected forms (on the folded, BGN-romanised word): the
// longest case / adjective ending removed when at least 3 letters remain ("turtsii" ->
// "turts", "voyennykh" -> "voyenn", "sily" -> "sil"), then a final -ok/-ek/-k of a stem of 6
// letters or more (the genitive plural's fleeting vowel: "gruppirovok", "gruppirovki" ->
// "gruppirov"; "turetskikh" -> "turets"). Words of 3 letters or fewer are kept.
std::string ru_stem(std::string_view folded);

// A Turkish word's stem for matching inflected forms (on the folded word): plural, possessive
// and case suffixes removed while at least 3 letters remain ("askerlerinin", "askerleri" ->
// "asker"; "uçaklarından", "uçakları" -> "ucak"; "rejimine" -> "rejim"). Crude on purpose: it is
// applied to both sides of a comparison (a lexicon phrase and a Turkish document's word).
std::string tr_stem(std::string_view folded);

// Turkish writes a proper noun's case suffix after an apostrophe ("İdlib'de", "Serakib'in", "Han
// Şeyhun'a"): the name is the part before it. The byte offset of that apostrophe in a token ("'"
// or "’" between letters), or npos.
std::size_t tr_apostrophe(std::string_view raw);
// A token's name part: before a Turkish case suffix's apostrophe ("SANA'ya" → "SANA"), else the
// whole token.
std::string_view tr_name_part(std::string_view raw);

// ASCII letters lowered, every other byte kept (Cyrillic, Arabic and Turkish letters as written):
// for comparing a phrase with English rule words without ICU.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  return out;
}

}  // namespace truceline::extract::detail
