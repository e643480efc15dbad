// A text to extract from (docs/extract.md): the bytes as read, checked, split into sentences and
// tokens, each token with its byte range, its code point range (the spans every output uses)
// and its lower-cased and gazetteer-folded forms.
//
// Spans are Unicode code point offsets [begin, end) into the text after a leading UTF-8 BOM is
// removed; nothing else is normalised, so `text[span]` is exactly what the writer wrote.
// Sentences and words come from ICU's break iterators (UAX #29), with a line break that ends a
// paragraph or a headline ("\n\n", or a line without final punctuation followed by a capital or
// another script) also ending a sentence. Tokens are words and numbers (ICU's rule status not
// "none") and single punctuation characters; white space is not a token.
//
// Language: "en", "ar", "ru", "tr" — given, or detected from the letters (Arabic script -> ar,
// Cyrillic -> ru, Latin with Turkish letters ğ ş ı İ (unless English function words outnumber
// Turkish ones: "President Erdoğan said") or with more Turkish function words -> tr, else en;
// the majority script wins).
//
// Cost: linear in the text (ICU break iteration); folding (gazetteer::fold, an ICU
// transliteration for non-ASCII words) is done once per distinct word through a process-wide
// cache. Thread safety: a Document is immutable after make(); make() may run concurrently.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace truceline::extract {

// The largest text extract reads (a news article is a few kB; a longer file is not an article).
inline constexpr std::size_t kMaxTextBytes = 4u << 20;

struct Span {
  std::size_t begin = 0, end = 0;  // code points, [begin, end)
  bool operator==(const Span&) const = default;
};

enum class Script : std::uint8_t { other, latin, arabic, cyrillic, digit };

struct Token {
  std::size_t b0 = 0, b1 = 0;  // bytes [b0, b1) in Document::text()
  Span span;                   // code points
  std::string lower;           // ICU full lower-casing (Turkish-aware when lang = tr)
  std::string folded;          // gazetteer::fold(token): Latin ASCII, "" for punctuation
  Script script = Script::other;
  bool word = false;           // a word or number (not punctuation)
  bool capitalised = false;    // first letter upper case (Latin / Cyrillic); false for Arabic
  bool number = false;         // digits only (Western or Arabic-Indic), e.g. "12", "١٢"
  std::size_t sentence = 0;    // index in Document::sentences()
};

struct Sentence {
  std::size_t b0 = 0, b1 = 0;                    // bytes, trailing white space excluded
  Span span;                                     // code points
  std::size_t first_token = 0, end_token = 0;    // tokens [first_token, end_token)
};

// Why a file's bytes cannot be a text to extract from, or nullopt: "empty", "contains NUL bytes
// (a binary file?)", "not UTF-8 at byte N", "N bytes: more than kMaxTextBytes".
std::optional<std::string> check_text(std::string_view bytes);

// A word written in capitals: at least three letters, one of them upper-case, none lower-case
// (Unicode's properties: "BEIRUT", "САНА", "İDLİB"; "İdlib", "Идлиб" are not). Arabic has no
// case: false.
bool in_capitals(std::string_view word);

// Some letter of `text` is lower-case (Unicode's Lowercase property: "Idlib", "Идлиб", "ı"); false
// for capitals and for scripts without case (Arabic).
bool has_lowercase(std::string_view text);

// A punctuation token that is a hyphen-minus, an en dash or an em dash.
inline bool is_dash(const Token& t) { return !t.word && (t.lower == "-" || t.lower == "\u2013" || t.lower == "\u2014"); }

class Document {
 public:
  // REQUIRES: check_text(text) is nullopt, except that an empty text is allowed. A leading BOM
  // is removed. lang: "en" | "ar" | "ru" | "tr" | "auto" (or "": auto).
  static Document make(std::string text, std::string_view lang = "auto");

  const std::string& text() const { return text_; }
  const std::string& lang() const { return lang_; }
  bool lang_detected() const { return lang_detected_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::size_t code_points() const { return code_points_; }

  // Code point offset of a byte offset (a character boundary) and the span of a byte range.
  std::size_t cp(std::size_t byte) const;
  Span cp_span(std::size_t b0, std::size_t b1) const { return {cp(b0), cp(b1)}; }
  // The bytes of a span of code points / of tokens [first, last] inclusive.
  std::string_view slice(Span s) const;
  // Index of the first token that begins at or after code point `cp` (tokens().size() if none).
  std::size_t token_at(std::size_t cp) const;
  // Index of the sentence holding code point `cp`: the last that begins at or before it (0 if
  // none does). By code point, not token: a mention whose proclitic was cut off begins inside
  // its token.
  std::size_t sentence_at(std::size_t cp) const;
  std::string_view token_text(std::size_t i) const { return std::string_view(text_).substr(tokens_[i].b0, tokens_[i].b1 - tokens_[i].b0); }
  // The line of the text around byte `at`: bytes [begin, end), the line break excluded.
  std::pair<std::size_t, std::size_t> line_bytes(std::size_t at) const {
    const std::size_t b = at == 0 ? std::string::npos : text_.rfind('\n', at - 1);
    const std::size_t end = text_.find('\n', at);
    return {b == std::string::npos ? 0 : b + 1, end == std::string::npos ? text_.size() : end};
  }
  // The cell separator of a table row on the line around byte `at`: '|' when the line holds two
  // bars or more, ';' when it holds three semicolons or more with no space after them (a data
  // export's row: "CPIT-21-1187;11/02/2021;21:30;Atmeh;…"; prose writes "; "), else '|' when it
  // holds `min_bars` bars (1: a two-column "Date | Event" table), else 0.
  // (The last line's counts are kept: callers ask sentence by sentence, and a text may be one
  // long line.)
  char cell_separator(std::size_t at, int min_bars = 2) const {
    if (sep_line_.first == std::string::npos || at < sep_line_.first || at > sep_line_.second) {
      const auto [lb, le] = line_bytes(at);
      const std::string_view line = std::string_view(text_).substr(lb, le - lb);
      int tight = 0;
      for (std::size_t k = 0; k < line.size(); ++k) tight += line[k] == ';' && (k + 1 == line.size() || line[k + 1] != ' ');
      sep_line_ = {lb, le};
      bars_ = static_cast<int>(std::count(line.begin(), line.end(), '|'));
      tight_ = tight;
    }
    return bars_ >= 2 ? '|' : tight_ >= 3 ? ';' : bars_ >= min_bars ? '|' : 0;
  }
  // Byte `at` opens its line: nothing but spaces and a heading's or a stamp's marks before it
  // ("== 2020-01-14 (Tue) ==", "[25.08.20 07:12]", "- 05/11 …", "**12 October**").
  // (and a post's or a note's pictograph or bullet: "📌 الجمعة ٢٣/١٠/٢٠٢٠", "⬅️ ملاحظة …", "• 3 May";
  // thirty-first held-out set)
  bool opens_line(std::size_t at) const {
    std::size_t x = at;
    while (x > 0 && std::string_view(" \t[(=#*-").find(text_[x - 1]) != std::string_view::npos) --x;
    if (x == 0 || text_[x - 1] == '\n') return true;
    const std::size_t lb = line_bytes(at).first;
    for (std::size_t y = lb; y < at;) {
      const unsigned char c = static_cast<unsigned char>(text_[y]);
      if (std::string_view(" \t[(=#*-").find(text_[y]) != std::string_view::npos) {
        ++y;
        continue;
      }
      // U+2190-U+2BFF (arrows, symbols, dingbats), the bullets U+2022, U+2023, U+2043, U+FE0F,
      // U+1F000-U+1FAFF (pictographs); not dashes, quotes or signs ("— 12 мая", "№ 5")
      const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (y + len > at) return false;
      char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text_[y + k]) & 0x3F);
      if (!((cp >= 0x2190 && cp <= 0x2BFF) || cp == 0x2022 || cp == 0x2023 || cp == 0x2043 || cp == 0xFE0F ||
            (cp >= 0x1F000 && cp <= 0x1FAFF)))
        return false;
      y += len;
    }
    return true;
  }
  // The cells of the table row around byte `at` (cell_separator with `min_bars`), as byte ranges
  // [begin, end) from the line's start to its end, separators excluded (a data export's "; "
  // inside a cell's prose parts none); empty off a row.
  std::vector<std::pair<std::size_t, std::size_t>> row_cells(std::size_t at, int min_bars = 2) const;
  // The index of the cell of byte `at` in row_cells(at, min_bars), or nullopt off a row.
  std::optional<std::size_t> cell_index(std::size_t at, int min_bars = 2) const {
    const auto cells = row_cells(at, min_bars);
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (at <= cells[c].second) return c;
    return std::nullopt;
  }
  std::string_view tokens_text(std::size_t first, std::size_t last) const {
    return std::string_view(text_).substr(tokens_[first].b0, tokens_[last].b1 - tokens_[first].b0);
  }
  Span tokens_span(std::size_t first, std::size_t last) const { return {tokens_[first].span.begin, tokens_[last].span.end}; }

 private:
  std::string text_;
  std::string lang_ = "en";
  bool lang_detected_ = true;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::size_t code_points_ = 0;
  mutable std::pair<std::size_t, std::size_t> sep_line_{std::string::npos, 0};  // cell_separator's last line
  mutable int bars_ = 0, tight_ = 0;  // its bars and tight semicolons
  std::vector<std::size_t> cp_blocks_;  // code points before byte 64*k
};

// The sentence lies on a list item's line: the line starts with a bullet ("•", "-", "*", "–", "—",
// "▪", "●", "◦"), a table row's "|", or a number followed by ")" or "." (any sentence of that
// line: an item may run over several sentences; the next line is another item or none).
bool list_item(const Document& d, std::size_t si);
// Whether sentence si's line opens with a case code: capital letters, a hyphen, digits, a space
// ("MA-0211 Al-Ghuz #1, …": a call log's line). Such lines are list items too.
bool case_code_item(const Document& d, std::size_t si);
// The sentence begins a line (the first sentence, or a line break before it).
bool starts_line(const Document& d, std::size_t si);

// Detects the language of a text (rules above): "en", "ar", "ru" or "tr".
std::string detect_language(std::string_view text);

}  // namespace truceline::extract
