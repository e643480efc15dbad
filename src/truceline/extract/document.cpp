#include "truceline/extract/document.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>

#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/io/text.hpp"

namespace truceline::extract {
namespace {

constexpr std::size_t kBlock = 64;

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// gazetteer::fold transliterates non-ASCII words with ICU (tens of microseconds each): a word is
// folded once per process. Bounded: the cache is emptied when it grows past kMaxCached words.
std::string cached_fold(const std::string& word) {
  constexpr std::size_t kMaxCached = 1u << 20;
  static std::shared_mutex mutex;
  static std::unordered_map<std::string, std::string> cache;
  {
    std::shared_lock lock(mutex);
    auto it = cache.find(word);
    if (it != cache.end()) return it->second;
  }
  std::string f = gazetteer::fold(word);
  std::unique_lock lock(mutex);
  if (cache.size() >= kMaxCached) cache.clear();
  return cache.emplace(word, std::move(f)).first->second;  // a copy: another thread may clear()
}

Script script_of(UChar32 c) {
  if (u_isdigit(c)) return Script::digit;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return Script::other;
  switch (sc) {
    case USCRIPT_LATIN: return Script::latin;
    case USCRIPT_ARABIC: return Script::arabic;
    case USCRIPT_CYRILLIC: return Script::cyrillic;
    default: return Script::other;
  }
}

bool terminal(char16_t c) {
  switch (c) {
    case u'.': case u'!': case u'?': case u'\x061F': case u'\x06D4': case u':': case u';':
    case u'"': case u'\x201D': case u'\x00BB': case u')':
      return true;
    default:
      return false;
  }
}

}  // namespace

namespace {
// Calls f(c) for each code point of w (ill-formed bytes skipped); stops when f returns false.
template <class F>
void each_code_point(std::string_view w, F f) {
  const auto len = static_cast<std::int32_t>(w.size());
  for (std::int32_t i = 0; i < len;) {
    UChar32 c = 0;
    U8_NEXT(w.data(), i, len, c);
    if (c >= 0 && !f(c)) return;
  }
}
}  // namespace

bool has_lowercase(std::string_view w) {
  bool lower = false;
  each_code_point(w, [&](UChar32 c) { return !(lower = u_isULowercase(c)); });
  return lower;
}

bool in_capitals(std::string_view w) {
  std::size_t letters = 0;
  bool upper = false, lower = false;
  each_code_point(w, [&](UChar32 c) {
    lower = u_isULowercase(c);
    upper = upper || u_isUUppercase(c);
    letters += u_isalpha(c) ? 1 : 0;
    return !lower;
  });
  return !lower && upper && letters >= 3;
}

std::optional<std::string> check_text(std::string_view bytes) {
  if (bytes.size() > kMaxTextBytes)
    return fmt::format("{} bytes: more than the {} MiB a text may have (an article is a few kB; split the file)",
                       bytes.size(), kMaxTextBytes >> 20);
  if (io::looks_like_utf16_or_32(bytes)) {
    const auto g = io::guess_encoding(bytes);
    const std::string name = g ? g->suggestion : std::string("UTF-16");
    return fmt::format("{} text, not UTF-8 ({}): convert it, e.g. iconv -f {} -t UTF-8", name,
                       g ? g->basis : std::string("NUL bytes"), name);
  }
  if (bytes.find('\0') != std::string_view::npos) return std::string("contains NUL bytes (a binary file?)");
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      // ICU's charset detector names the likely encoding (the same guess `ingest` gives).
      const auto g = io::guess_encoding(bytes);
      if (!g) return fmt::format("not UTF-8 at byte {}, and its encoding could not be guessed: convert it to UTF-8 (iconv -f ENCODING -t UTF-8)", at);
      return fmt::format("not UTF-8 at byte {}: it looks like {} ({}, confidence {}%): convert it, e.g. iconv -f {} -t UTF-8",
                         at, g->name, g->basis, g->confidence, g->suggestion);
    }
  }
  std::size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (bytes.find_first_not_of(" \t\r\n\f\v", start) == std::string_view::npos) return std::string("empty");
  return std::nullopt;
}

std::string detect_language(std::string_view text) {
  std::array<std::size_t, 5> counts{};
  bool turkish_letter = false;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++counts[static_cast<std::size_t>(script_of(c))];
    if (c == 0x011F || c == 0x011E || c == 0x015F || c == 0x015E || c == 0x0131 || c == 0x0130) turkish_letter = true;
  }
  const std::size_t latin = counts[static_cast<std::size_t>(Script::latin)];
  const std::size_t arabic = counts[static_cast<std::size_t>(Script::arabic)];
  const std::size_t cyrillic = counts[static_cast<std::size_t>(Script::cyrillic)];
  if (arabic > latin && arabic >= cyrillic) return "ar";
  if (cyrillic > latin && cyrillic > arabic) return "ru";
  // Turkish function words against English ones: Turkish written without its letters, and an
  // English text that names a Turkish person or place ("Erdoğan", "Şanlıurfa") with its letters,
  // which stays English (the Turkish rules of the finders would misread it).
  // (A case suffix after an apostrophe is no word: "Sarmin'in", "İdlib'in" hold no English "in";
  // twenty-ninth session: a Turkish paragraph with two such genitives and one "ile" read as
  // English.)
  std::size_t tr = 0, en = 0;
  std::string word;
  bool after_apostrophe = false;
  auto flush = [&] {
    if (!after_apostrophe) {
      if (word == "ve" || word == "bir" || word == "ile" || word == "bu" || word == "olarak" || word == "icin" ||
          word == "daha" || word == "sonra" || word == "gibi" || word == "kadar")
        ++tr;
      if (word == "the" || word == "and" || word == "of" || word == "in" || word == "was" || word == "to") ++en;
    }
    word.clear();
  };
  char before = ' ';
  for (std::size_t x = 0; x < text.size(); ++x) {
    const char ch = text[x];
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      if (word.empty())  // ("'" or the right single quotation mark's last byte)
        after_apostrophe = before == '\'' || (before == '\x99' && x >= 3 && text.compare(x - 3, 3, "\xE2\x80\x99") == 0);
      word += static_cast<char>(ch | 0x20);
    } else {
      flush();
    }
    before = ch;
  }
  flush();
  if (turkish_letter) return tr >= en ? "tr" : "en";
  return tr > en ? "tr" : "en";
}

std::size_t Document::cp(std::size_t byte) const {
  if (byte >= text_.size()) return code_points_;
  const std::size_t block = byte / kBlock;
  std::size_t count = cp_blocks_[block];
  for (std::size_t i = block * kBlock; i < byte; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
  return count;
}

std::size_t Document::token_at(std::size_t cp) const {
  const auto it =
      std::lower_bound(tokens_.begin(), tokens_.end(), cp, [](const Token& t, std::size_t c) { return t.span.begin < c; });
  return static_cast<std::size_t>(it - tokens_.begin());
}

std::size_t Document::sentence_at(std::size_t cp) const {
  const auto it = std::upper_bound(sentences_.begin(), sentences_.end(), cp,
                                   [](std::size_t c, const Sentence& s) { return c < s.span.begin; });
  return it == sentences_.begin() ? 0 : static_cast<std::size_t>(it - sentences_.begin()) - 1;
}

std::string_view Document::slice(Span s) const {
  // Code points -> bytes by a walk from the nearest block (spans are few; texts are small).
  auto byte_of = [&](std::size_t cp_target) {
    if (cp_target >= code_points_) return text_.size();
    auto it = std::upper_bound(cp_blocks_.begin(), cp_blocks_.end(), cp_target);
    std::size_t block = static_cast<std::size_t>(it - cp_blocks_.begin()) - 1;
    std::size_t byte = block * kBlock, count = cp_blocks_[block];
    // Step to the first character boundary of the block (blocks start on any byte).
    while (byte < text_.size() && (static_cast<unsigned char>(text_[byte]) & 0xC0) == 0x80) ++byte;
    while (byte < text_.size() && count < cp_target) {
      ++byte;
      while (byte < text_.size() && (static_cast<unsigned char>(text_[byte]) & 0xC0) == 0x80) ++byte;
      ++count;
    }
    return byte;
  };
  const std::size_t b0 = byte_of(s.begin), b1 = byte_of(s.end);
  return std::string_view(text_).substr(b0, b1 - b0);
}

Document Document::make(std::string text, std::string_view lang) {
  Document d;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  d.text_ = std::move(text);
  const std::string& t = d.text_;
  if (lang.empty() || lang == "auto") {
    d.lang_ = detect_language(t);
    d.lang_detected_ = true;
  } else {
    d.lang_ = std::string(lang);
    d.lang_detected_ = false;
  }

  // Code points before each block of kBlock bytes.
  d.cp_blocks_.reserve(t.size() / kBlock + 1);
  std::size_t count = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i % kBlock == 0) d.cp_blocks_.push_back(count);
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++count;
  }
  if (d.cp_blocks_.empty()) d.cp_blocks_.push_back(0);
  d.code_points_ = count;
  if (t.empty()) return d;

  // UTF-16 for ICU, with the byte offset of every UTF-16 unit.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(t.data(), static_cast<int32_t>(t.size())));
  std::vector<std::size_t> byte_at(static_cast<std::size_t>(u.length()) + 1);
  {
    const auto* p = reinterpret_cast<const uint8_t*>(t.data());
    const auto n = static_cast<int32_t>(t.size());
    std::size_t k = 0;
    for (int32_t i = 0; i < n;) {
      const int32_t at = i;
      UChar32 c = 0;
      U8_NEXT(p, i, n, c);
      byte_at[k++] = static_cast<std::size_t>(at);
      if (c > 0xFFFF) byte_at[k++] = static_cast<std::size_t>(at);
    }
    byte_at[k] = t.size();
  }

  // A single line break inside a sentence (hard-wrapped text) is a space for the sentence
  // iterator: the line does not end with final punctuation and the next one starts in lower case.
  icu::UnicodeString for_sentences(u);
  for (int32_t i = 0; i < for_sentences.length(); ++i) {
    if (for_sentences[i] != u'\n') continue;
    int32_t prev = i - 1;
    while (prev >= 0 && (for_sentences[prev] == u' ' || for_sentences[prev] == u'\r' || for_sentences[prev] == u'\t')) --prev;
    int32_t next = i + 1;
    while (next < for_sentences.length() && (for_sentences[next] == u' ' || for_sentences[next] == u'\t')) ++next;
    if (prev < 0 || next >= for_sentences.length() || for_sentences[next] == u'\n' || for_sentences[next] == u'\r') continue;
    if (terminal(for_sentences[prev])) continue;
    // (Not between a table's rows: "1 | 19/08 | Salqin | …" then "2 | 20/08 | …" are two rows, two
    // sentences; a row starts with its number.)
    auto bars = [&](int32_t from, int32_t step) {
      int n = 0;
      for (int32_t x = from; x >= 0 && x < for_sentences.length() && for_sentences[x] != u'\n'; x += step) n += for_sentences[x] == u'|';
      return n;
    };
    if (bars(prev, -1) >= 2 || bars(next, 1) >= 2) continue;
    // (Nor before a numbered item: "١- مساء …", "2) …", "3. …" open a line of their own under a
    // heading that ends with no stop — a short line, or an item itself; thirty-fourth session. Not
    // a hard-wrapped sentence's figure: "The death toll rose to\n5. Rescuers …"; reviewer.)
    auto item_mark_at = [&](int32_t at) {
      int32_t x = at, digits = 0;
      while (x < for_sentences.length() && digits < 4 && u_isdigit(for_sentences.char32At(x))) ++x, ++digits;
      return digits >= 1 && digits <= 3 && x + 1 < for_sentences.length() &&
             (for_sentences[x] == u'-' || for_sentences[x] == u'.' || for_sentences[x] == u')') && for_sentences[x + 1] == u' ';
    };
    if (item_mark_at(next)) {
      int32_t ls = prev;
      while (ls > 0 && for_sentences[ls - 1] != u'\n') --ls;
      int words = 0;
      for (int32_t x = ls; x <= prev; ++x)
        if (!u_isspace(for_sentences[x]) && (x == ls || u_isspace(for_sentences[x - 1]))) ++words;
      if (words <= 8 || item_mark_at(ls)) continue;
    }
    const UChar32 c = for_sentences.char32At(next);
    if (u_islower(c) || u_isdigit(c)) for_sentences.setCharAt(i, u' ');
  }

  const icu::Locale locale(d.lang_.c_str());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sbreak(icu::BreakIterator::createSentenceInstance(locale, status));
  std::unique_ptr<icu::BreakIterator> wbreak(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU break iterators: ") + u_errorName(status));
  sbreak->setText(for_sentences);
  wbreak->setText(u);

  std::vector<std::pair<int32_t, int32_t>> sentence_units;
  for (int32_t s = sbreak->first(), e = sbreak->next(); e != icu::BreakIterator::DONE; s = e, e = sbreak->next()) {
    int32_t end = e;
    while (end > s && u_isspace(u.char32At(end - 1))) --end;
    int32_t begin = s;
    while (begin < end && u_isspace(u.char32At(begin))) ++begin;
    if (begin < end) sentence_units.emplace_back(begin, end);
  }
  // An abbreviated month's period is not a sentence end before its day ("by Oct. 15, the
  // zone ..."): ICU's rules break after "Oct. " when the next sentence-like run holds no lower
  // case letter, so a unit ending with "Jan." ... "Dec." (capitalised) is joined with the next
  // one when that starts with a digit.
  for (std::size_t i = 0; i + 1 < sentence_units.size();) {
    const int32_t end = sentence_units[i].second;
    bool month = false;
    if (end >= 4 && u[end - 1] == u'.') {
      int32_t w = end - 1;
      while (w > sentence_units[i].first && u_isalpha(u.char32At(w - 1))) --w;
      icu::UnicodeString word(u, w, end - 1 - w);
      std::string lower;
      word.toLower(icu::Locale::getRoot()).toUTF8String(lower);
      static const std::set<std::string> kAbbrev = {"jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                                    "sep", "sept", "oct", "nov", "dec"};
      month = kAbbrev.count(lower) && u_isupper(u.char32At(w)) && (w == 0 || !u_isalpha(u.char32At(w - 1)));
    }
    // Nor is a Russian settlement abbreviation's ("н. п. Кансафра", "н.п. Кинсабба", "пос.",
    // "дер."): it always stands before its name (issue 14, ninth held-out set).
    bool settlement = false;
    if (!month && end >= 2 && u[end - 1] == u'.') {
      std::string tail;
      icu::UnicodeString(u, std::max(sentence_units[i].first, end - 8), end - std::max(sentence_units[i].first, end - 8))
          .toUTF8String(tail);
      for (std::string_view a : {"\u043d.\u043f." /* н.п. */, "\u043d. \u043f." /* н. п. */, "\u043f\u043e\u0441." /* пос. */,
                                 "\u0434\u0435\u0440." /* дер. */, "\u041d.\u043f." /* Н.п. */, "\u041d. \u043f." /* Н. п. */,
                                 "\u041f\u043e\u0441." /* Пос. */, "\u0414\u0435\u0440." /* Дер. */}) {
        if (!tail.ends_with(a)) continue;
        const std::size_t at = tail.size() - a.size();
        settlement = at == 0 || tail[at - 1] == ' ' || tail[at - 1] == '(';
        if (settlement) break;
      }
      // (and "с." and "д.", село and деревня, before a capitalised name: "склон над с.
      // Хакур-Тахтани"; a label's "С. Мазугли (…)" opening its line, the whole sentence so far;
      // thirty-fourth held-out set)
      for (std::string_view a : {"\u0441." /* с. */, "\u0434." /* д. */, "\u0421." /* С. */, "\u0414." /* Д. */}) {
        if (settlement || !tail.ends_with(a)) continue;
        const std::size_t at = tail.size() - a.size();
        const bool capital = a[1] == '\xA1' || a[1] == '\x94';  // С, Д
        const bool whole = end - sentence_units[i].first == 2;
        // (not a page count, "— 48 с." ending a bibliographic entry, nor across a line break)
        const bool page = at >= 2 && tail[at - 1] == ' ' && tail[at - 2] >= '0' && tail[at - 2] <= '9';
        icu::UnicodeString gap(u, end, sentence_units[i + 1].first - end);
        const bool line_break = gap.indexOf(u'\n') >= 0;
        settlement = !page && !line_break && (capital ? whole : (at > 0 && (tail[at - 1] == ' ' || tail[at - 1] == '(')));
        // (the name after it capitalised and Cyrillic)
        const UChar32 next = u.char32At(sentence_units[i + 1].first);
        settlement = settlement && u_isupper(next) && ublock_getCode(next) == UBLOCK_CYRILLIC;
      }
    }
    if ((month && u_isdigit(u.char32At(sentence_units[i + 1].first))) || settlement) {
      sentence_units[i].second = sentence_units[i + 1].second;
      sentence_units.erase(sentence_units.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    } else {
      ++i;
    }
  }
  std::size_t si = 0;
  auto open_sentence = [&](std::size_t token_index) {
    Sentence sen;
    sen.b0 = byte_at[static_cast<std::size_t>(sentence_units[si].first)];
    sen.b1 = byte_at[static_cast<std::size_t>(sentence_units[si].second)];
    sen.span = d.cp_span(sen.b0, sen.b1);
    sen.first_token = sen.end_token = token_index;
    d.sentences_.push_back(sen);
  };
  if (!sentence_units.empty()) open_sentence(0);

  const bool turkish = d.lang_ == "tr";
  auto add_token = [&](int32_t s, int32_t e, bool word) {
    Token tok;
    tok.b0 = byte_at[static_cast<std::size_t>(s)];
    tok.b1 = byte_at[static_cast<std::size_t>(e)];
    tok.span = d.cp_span(tok.b0, tok.b1);
    tok.word = word;
    const std::string_view raw = std::string_view(t).substr(tok.b0, tok.b1 - tok.b0);
    const UChar32 first = u.char32At(s);
    tok.script = script_of(first);
    if (word) {
      bool digits = u_isdigit(first) != 0;
      for (int32_t i = s; digits && i < e; i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        digits = u_isdigit(c) || c == u',' || c == u'.' || c == 0x066B || c == 0x066C;
      }
      tok.number = digits;
      tok.capitalised = u_isupper(first) || u_istitle(first);
      if (is_ascii(raw)) {
        tok.lower.assign(raw);
        for (char& c : tok.lower) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        tok.folded = gazetteer::fold(raw);
      } else {
        icu::UnicodeString w(u, s, e - s);
        w.toLower(turkish ? icu::Locale("tr") : icu::Locale::getRoot());
        w.toUTF8String(tok.lower);
        tok.folded = cached_fold(std::string(raw));
      }
    } else {
      tok.lower.assign(raw);
    }
    // The sentence it belongs to: sentences are in order, tokens too.
    while (si + 1 < sentence_units.size() && s >= sentence_units[si].second) {
      ++si;
      open_sentence(d.tokens_.size());
    }
    tok.sentence = d.sentences_.empty() ? 0 : d.sentences_.size() - 1;
    d.tokens_.push_back(std::move(tok));
    if (!d.sentences_.empty()) d.sentences_.back().end_token = d.tokens_.size();
  };

  for (int32_t s = wbreak->first(), e = wbreak->next(); e != icu::BreakIterator::DONE; s = e, e = wbreak->next()) {
    if (wbreak->getRuleStatus() != UBRK_WORD_NONE) {
      // (ICU joins digits across a semicolon, a number separator for it (UAX #29 MidNum): in a
      // data export "1187;11/02/2021;21:30" that would be one number "1187;11" and a year
      // "2021;21". No language here writes a number with a semicolon in it: split there.)
      int32_t from = s;
      for (int32_t i = s; i < e; i = u.moveIndex32(i, 1)) {
        if (u.char32At(i) != u';') continue;
        if (i > from) add_token(from, i, true);
        add_token(i, i + 1, false);
        from = i + 1;
      }
      if (from < e) add_token(from, e, true);
      continue;
    }
    for (int32_t i = s; i < e; i = u.moveIndex32(i, 1)) {
      const UChar32 c = u.char32At(i);
      if (u_isspace(c) || u_charType(c) == U_FORMAT_CHAR) continue;
      add_token(i, u.moveIndex32(i, 1), false);
    }
  }
  // Sentences left without tokens at the end (none expected: every sentence has a character).
  while (si + 1 < sentence_units.size()) {
    ++si;
    open_sentence(d.tokens_.size());
  }
  return d;
}

namespace {

std::string_view between_sentences(const Document& d, std::size_t si) {
  const auto& ss = d.sentences();
  return std::string_view(d.text()).substr(ss[si - 1].b1, ss[si].b0 - ss[si - 1].b1);
}

}  // namespace

bool starts_line(const Document& d, std::size_t si) {
  return si == 0 || between_sentences(d, si).find('\n') != std::string_view::npos;
}

std::vector<std::pair<std::size_t, std::size_t>> Document::row_cells(std::size_t at, int min_bars) const {
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  const char sep = cell_separator(at, min_bars);
  if (sep == 0) return cells;
  const auto [lb, le] = line_bytes(at);
  std::size_t from = lb;
  for (std::size_t x = lb; x <= le; ++x)
    if (x == le || (text_[x] == sep && (sep != ';' || x + 1 == text_.size() || text_[x + 1] != ' ')))
      cells.emplace_back(from, x), from = x + 1;
  return cells;
}

bool case_code_item(const Document& d, std::size_t si) {
  const auto& ss = d.sentences();
  std::size_t s0 = si;
  while (!starts_line(d, s0)) --s0;
  const std::string_view t = std::string_view(d.text()).substr(ss[s0].b0, ss[s0].b1 - ss[s0].b0);
  std::size_t c = 0;
  while (c < t.size() && c < 5 && t[c] >= 'A' && t[c] <= 'Z') ++c;
  std::size_t dd = c < t.size() && c >= 1 && t[c] == '-' ? c + 1 : 0;
  const std::size_t d0 = dd;
  while (dd > 0 && dd < t.size() && dd - d0 < 8 && t[dd] >= '0' && t[dd] <= '9') ++dd;
  return dd > 0 && dd - d0 >= 2 && dd < t.size() && t[dd] == ' ';
}

bool list_item(const Document& d, std::size_t si) {
  const auto& ss = d.sentences();
  std::size_t s0 = si;
  while (!starts_line(d, s0)) --s0;
  std::string_view t = std::string_view(d.text()).substr(ss[s0].b0, ss[s0].b1 - ss[s0].b0);
  for (std::string_view b : {"\xE2\x80\xA2", "-", "*", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x96\xAA", "\xE2\x97\x8F",
                             "\xE2\x97\xA6", "|"})
    if (t.starts_with(b)) return true;
  // A numbered item: "1. ", "2) ", and in Arabic-Indic digits "١. ", "٣) " (U+0660..0669, two
  // bytes each).
  std::size_t k = 0, digits = 0;
  for (; k < t.size() && digits < 3; ++digits) {
    if (t[k] >= '0' && t[k] <= '9') {
      ++k;
    } else if (k + 1 < t.size() && t[k] == '\xD9' && static_cast<unsigned char>(t[k + 1]) >= 0xA0 &&
               static_cast<unsigned char>(t[k + 1]) <= 0xA9) {
      k += 2;
    } else {
      break;
    }
  }
  // (the marker may end its sentence: "١." is one for the sentence breaker; Arabic lists also
  // write "١- ", "2- ")
  if (digits > 0 && k < t.size() && (t[k] == ')' || t[k] == '.' || t[k] == '-') && (k + 1 == t.size() || t[k + 1] == ' '))
    return true;
  // A log line led by its case code, capital letters, a hyphen and digits ("MA-0211 Al-Ghuz #1,
  // Mon 11 Jan 10:40, CB: …"; forty-first held-out set, a phone survey's call-back log): each
  // line its own entry, whose claimant is no other line's.
  if (case_code_item(d, si)) return true;
  // A log line led by its date and a dash ("17.12.2018 — Qalaat al-Madiq — six mortar rounds",
  // "21.10.2018 – Kafr Naha – …", "05/11 - …"): digits with dots or slashes, a space, a dash
  // (issue 14, seventeenth held-out set).
  // (two dots or a slash: a date, not a time of day, "10.35 - …")
  std::size_t j = 0;
  int dots = 0, slashes = 0;
  while (j < t.size() && j < 12 && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.' || t[j] == '/')) {
    dots += t[j] == '.';
    slashes += t[j] == '/';
    ++j;
  }
  if (j < 3 || (dots < 2 && slashes < 1) || j >= t.size() || t[j] != ' ') return false;
  const std::string_view rest = t.substr(j + 1);
  return rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93") || rest.starts_with("- ");
}

}  // namespace truceline::extract
