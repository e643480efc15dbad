#include "truceline/gazetteer/gazetteer.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "truceline/error.hpp"

#ifndef TRUCELINE_DATA_DIR
#define TRUCELINE_DATA_DIR "data"
#endif

namespace truceline::gazetteer {

namespace {

// ---------------------------------------------------------------------------------------------
// Folding
//
// Why ICU rather than utf8proc: utf8proc can decompose and strip diacritics (ā -> a, Ş -> S) but
// knows nothing of other scripts, so Arabic (إدلب) and Cyrillic (Идлиб) would need hand-made
// letter tables. ICU's transliterators cover every script GeoNames alternate names use ("Any-Latin"),
// map the Latin letters that do not decompose (ı ł ø ß, the ‘ ’ quotes) to ASCII ("Latin-ASCII"),
// and its character properties (u_charType) tell the ayn/hamza marks (ʿ ʾ, modifier letters)
// apart from letters. Debian ships it as libicu-dev.

// The transliterator is built once per thread: ICU Transliterator objects must not be used by
// two threads at once, and building one costs about 10 ms.
// Han ideographs are left as written (the global filter [^[:Han:]]): ICU's Han-Latin takes 65 ms
// to load and 35 µs a name, and the pinyin of a Chinese rendering of an Arabic name says
// nothing about its Latin spellings. A query in Chinese still matches the Chinese alternate
// names exactly (the folded forms keep the ideographs); it only gets no consonant key.
// Cyrillic goes through Russian-Latin/BGN first (ш sh, х kh, ж zh, дж dzh), the English-style
// romanization that Arabic names in Latin script follow; Any-Latin's own Cyrillic-Latin is ISO 9
// (š, h, ž), which Latin-ASCII would flatten to s, h, z and lose sh/kh. Russian-Latin/BGN leaves
// other scripts alone.
constexpr const char* kTransliteratorId = "[^[:Han:]] Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower";

icu::Transliterator& transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance(kTransliteratorId, UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || !made)
      throw std::runtime_error(fmt::format("ICU transliterator '{}': {}", kTransliteratorId, u_errorName(status)));
    return made;
  }();
  return *t;
}

bool is_alef(UChar32 c) {
  return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671;  // ا أ إ آ ٱ
}

// Arabic script writes the article ال (al-) joined to its word: "معرة النعمان". It is removed
// before transliteration (at the start of a word of at least two more letters), as the Latin
// article tokens are after it; otherwise it would come out glued ("alnman").
void drop_arabic_articles(icu::UnicodeString& s) {
  icu::UnicodeString out;
  const int32_t n = s.length();
  bool word_start = true;
  for (int32_t i = 0; i < n;) {
    const UChar32 c = s.char32At(i);
    if (word_start && is_alef(c) && i + 1 < n && s.charAt(i + 1) == 0x0644 /* ل */) {
      int letters = 0;
      for (int32_t j = i + 2; j < n;) {
        const UChar32 d = s.char32At(j);
        if (u_isalpha(d)) {
          ++letters;
        } else if (u_charType(d) != U_NON_SPACING_MARK) {
          break;  // harakat (vowel signs) do not end the word
        }
        j += U16_LENGTH(d);
      }
      if (letters >= 2) {
        i += 2;
        word_start = false;
        continue;
      }
    }
    word_start = u_isUWhiteSpace(c) || u_ispunct(c);
    out.append(c);
    i += U16_LENGTH(c);
  }
  s = out;
}

// The apostrophe-like marks that stand for ayn and hamza in transliterations: ' ` ´ and the
// modifier letters / symbols (ʿ ʾ ʻ ʼ ˈ …, general categories Lm and Sk). They are removed, not
// made word breaks: "Ma‘arrat" = "Maarrat".
bool is_mark(UChar32 c) {
  if (c == '\'' || c == '`' || c == 0x00B4) return true;
  const int8_t t = u_charType(c);
  return t == U_MODIFIER_LETTER || t == U_MODIFIER_SYMBOL || t == U_NON_SPACING_MARK;
}

// Latin transliterations of the Arabic article, as separate words once hyphens are word breaks:
// al/el/il/ul/l and its assimilated forms before "sun letters" (ad-Dana, ar-Raqqa, ash-Shughur,
// as-Suwayda, at-Tamanah, ath-Thawra, az-Zawiya, an-Numan, adh-Dhahab), with the e- spellings of
// Levantine and French usage (ed-, er-, esh-, ech-, es-, et-, eth-, ez-, en-, edh-).
constexpr std::array<std::string_view, 24> kArticles{
    "al", "el", "il", "ul", "l",  "ad", "adh", "ed", "edh", "an", "en", "ar",
    "er", "as", "ash", "es", "esh", "ech", "at", "ath", "et", "eth", "az", "ez"};

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; }

// True when one spelling is the other plus an "-i", "-iya", "-iyah" ending (the Arabic nisba:
// Qassabiyah is not Kassab, Suqaylabiyah not "Suqaylab"): a different name that the
// consonant keys (vowels and y dropped) cannot tell apart, and whose one-letter difference in
// the coarse spellings scores as a close match. Found by a held-out text (Кассабия -> Kassab,
// 70 km away).
bool adds_nisba(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.size() < 3 || !a.starts_with(b)) return false;
  const std::string_view tail = a.substr(b.size());
  return (tail[0] == 'i' || tail[0] == 'y') &&
         std::all_of(tail.begin(), tail.end(), [](char c) { return c == 'i' || c == 'y' || c == 'a' || c == 'h' || c == 'e'; });
}

// A folded name with the two spelling habits that do not change an Arabic name removed: doubled
// letters (the shadda, written or not: Fattira = Fatira, Maarrat = Maarat) and the word-final h
// after a vowel (the ta marbuta: Fatirah = Fatira). Two names equal in this form are the same
// name spelt two ways; the key tier scores them as a full match (a held-out text's "al-Fattira"
// scored 0.81 against the supplement's Fatirah, below the threshold, and was lost).
std::string light_spelling(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  std::size_t word_begin = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    const bool word_end = i + 1 == folded.size() || folded[i + 1] == ' ';
    if (c == 'h' && word_end && i >= word_begin + 3 && is_vowel(folded[i - 1])) continue;
    if (!out.empty() && out.back() == c && c != ' ') continue;
    out += c;
    if (c == ' ') word_begin = i + 1;
  }
  return out;
}

// Levenshtein similarity of two folded names in [0, 1].
double similarity(std::string_view a, std::string_view b) {
  const std::size_t m = std::max(a.size(), b.size());
  if (m == 0) return 1.0;
  const std::size_t d = edit_distance(a, b, m);
  return 1.0 - static_cast<double>(d) / static_cast<double>(m);
}

double round2(double x) { return std::round(x * 100.0) / 100.0; }

double geodesic_km(double lat1, double lon1, double lat2, double lon2) {
  double s12 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12);
  return s12 / 1000.0;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

}  // namespace

bool is_article(std::string_view w) { return std::find(kArticles.begin(), kArticles.end(), w) != kArticles.end(); }

std::string fold(std::string_view name) {
  std::string latin;
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    latin.assign(name);  // the transliterator would only lower-case it: skip ICU (fast path)
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    drop_arabic_articles(u);
    transliterator().transliterate(u);
    u.toUTF8String(latin);
  }

  // Letters and digits kept (lower case), marks removed, anything else a word break.
  std::string words;
  words.reserve(latin.size());
  const auto* p = reinterpret_cast<const uint8_t*>(latin.data());
  const int32_t n = static_cast<int32_t>(latin.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      words += ' ';  // invalid UTF-8: a word break
    } else if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        words += static_cast<char>(c);
      } else if (c >= 'A' && c <= 'Z') {
        words += static_cast<char>(c - 'A' + 'a');
      } else if (c == '\'' || c == '`') {
        // removed
      } else {
        words += ' ';
      }
    } else if (is_mark(c)) {
      // removed
    } else if (u_isalnum(c)) {
      append_utf8(words, u_tolower(c));  // a script ICU could not romanize: kept as is
    } else {
      words += ' ';
    }
  }

  // Split into words and drop the article words (only before another word: a name is never
  // just an article).
  std::vector<std::string_view> tokens;
  std::string_view rest(words);
  while (!rest.empty()) {
    const auto b = rest.find_first_not_of(' ');
    if (b == std::string_view::npos) break;
    rest.remove_prefix(b);
    const auto e = rest.find(' ');
    tokens.push_back(rest.substr(0, e));
    rest.remove_prefix(e == std::string_view::npos ? rest.size() : e);
  }
  std::string out;
  out.reserve(words.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i + 1 < tokens.size() && is_article(tokens[i])) continue;
    if (!out.empty()) out += ' ';
    out += tokens[i];
  }
  return out;
}

// The consonant key. News and reports write Arabic names in many transliterations; what stays
// stable is the consonant skeleton. The rules, applied to each word of the folded name:
//  1. A word-final h after a vowel is dropped: it writes the silent ta marbuta ة
//     (Nabudah = Nabuda, Zaytah = Zayta).
//  2. Digraphs become one consonant class first:
//       kh -> x   (خ; x itself too)
//       sh, ch -> S   (ش; ch is the French spelling: Cheikhoun = Sheikhoun)
//       gh -> g   (غ: Shughur, Shugur)
//       th, dh, d, z -> z   (ظ ض ذ ث are written th, dh, z, d or ḍ/ẓ: Thuhur = Dhuhur = Zuhur
//                            = Duhur, Madiq = Madhiq)
//       dj, dzh -> j   (ج: Djisr = Jisr in French spellings, Джиср = Dzhisr in Russian ones;
//                       zh is not mapped: in Arabic romanizations it is z + h, as in zhwr ظهور)
//       ph -> f
//       q -> k    (ق: Qalaat = Kalaat, Mudiq = Moudik)
//  3. Vowels are dropped, and with them the vowel digraphs (ou = u, ei = ai = ay = e): a e i o u,
//     and y and w, which write the long vowels ī/ū and the diphthongs (Zayta = Zeita = Zita,
//     Shaykhun = Sheikhoun, Suwayda = Sweida). The ayn and hamza marks are already gone (fold).
//  4. Runs of the same consonant class collapse into one, also across word breaks and across
//     dropped vowels in doubled letters: Maarrat = Maarat = Marat (shadda is often not written).
// Anything else (h for ح/ه, other consonants, digits) stays. The words are then joined, so
// "Kafr Nabl" = "Kafranbel", "Kafr Zita" = "Kaferzita".
std::string consonant_key(std::string_view folded) {
  std::string classes;  // consonant classes, '.' for a vowel
  classes.reserve(folded.size());
  std::string_view rest = folded;
  while (!rest.empty()) {
    const auto e = rest.find(' ');
    std::string_view w = rest.substr(0, e);
    rest.remove_prefix(e == std::string_view::npos ? rest.size() : e + 1);
    if (w.size() > 3 && w.back() == 'h' && is_vowel(w[w.size() - 2])) w.remove_suffix(1);  // rule 1
    for (std::size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      const char next = i + 1 < w.size() ? w[i + 1] : '\0';
      if (static_cast<unsigned char>(c) >= 0x80) continue;  // unromanized script: not in the key
      char k = c;
      if (next == 'h' && (c == 'k' || c == 's' || c == 'c' || c == 'g' || c == 't' || c == 'd' || c == 'p')) {
        k = c == 'k' ? 'x' : (c == 's' || c == 'c') ? 'S' : c == 'g' ? 'g' : c == 'p' ? 'f' : 'z';  // rule 2
        ++i;
      } else if (c == 'd' && next == 'j') {
        k = 'j';
        ++i;
      } else if (c == 'd' && next == 'z' && i + 2 < w.size() && w[i + 2] == 'h') {
        k = 'j';
        i += 2;
      } else if (c == 'd' || c == 'z') {
        k = 'z';
      } else if (c == 'q') {
        k = 'k';
      } else if (is_vowel(c)) {
        k = '.';  // rule 3 (dropped below)
      }
      if (classes.empty() || classes.back() != k) classes += k;  // rule 4
    }
  }
  std::string key;
  key.reserve(classes.size());
  for (const char k : classes)
    if (k != '.' && (key.empty() || key.back() != k)) key += k;
  return key;
}

namespace {
bool has_cyrillic(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c >= 0x80 && uscript_getScript(c, &status) == USCRIPT_CYRILLIC && U_SUCCESS(status)) return true;
  }
  return false;
}
}  // namespace

// The translit tier's coarse spelling (gazetteer.hpp). Hand-written: ICU's transliterators
// map scripts to Latin (fold() uses Russian-Latin/BGN), but no library knows that a Russian х
// after BGN ("kh") and a Latin h are the same Arabic ح, nor the other romanisation variants of
// Arabic names; this is a handful of letter classes, applied to an already folded ASCII name.
std::string translit_spelling(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  auto put = [&](char c) {
    if (out.empty() || out.back() != c) out += c;  // runs collapse: doubled letters, shadda
  };
  std::string_view rest = folded;
  while (!rest.empty()) {
    const auto e = rest.find(' ');
    std::string_view w = rest.substr(0, e);
    rest.remove_prefix(e == std::string_view::npos ? rest.size() : e + 1);
    if (w.size() > 3 && w.back() == 'h' && is_vowel(w[w.size() - 2])) w.remove_suffix(1);  // ta marbuta
    for (std::size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      const char next = i + 1 < w.size() ? w[i + 1] : '\0';
      if (static_cast<unsigned char>(c) >= 0x80) continue;  // unromanized script
      auto pair = [&](char a, char b) { return c == a && next == b; };
      if (pair('k', 'h')) { put('h'); ++i; }
      else if (pair('s', 'h') || pair('c', 'h')) { put('S'); ++i; }
      else if (pair('g', 'h')) { put('g'); ++i; }
      else if (pair('t', 'h') || pair('d', 'h')) { put('z'); ++i; }
      else if (pair('p', 'h')) { put('f'); ++i; }
      else if (c == 'd' && next == 'z' && i + 2 < w.size() && w[i + 2] == 'h') { put('j'); i += 2; }
      else if (pair('d', 'j')) { put('j'); ++i; }
      else if (pair('o', 'u') || pair('o', 'o') || pair('u', 'u')) { put('u'); ++i; }
      else if (pair('e', 'e') || pair('i', 'i') || pair('i', 'y')) { put('i'); ++i; }
      else if (pair('e', 'i') || pair('e', 'y') || pair('a', 'i') || pair('a', 'y') || pair('a', 'e')) { put('e'); ++i; }
      else if (c == 'x') put('h');
      else if (c == 'd') put('z');
      else if (c == 'q' || c == 'c') put('k');
      else put(c);
    }
  }
  return out;
}

std::string translit_key(std::string_view folded) {
  const std::string coarse = translit_spelling(folded);
  std::string key;
  key.reserve(coarse.size());
  for (const char c : coarse)
    if (!is_vowel(c) && (key.empty() || key.back() != c)) key += c;
  return key;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > bound) return bound + 1;
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t diag = row[0];
    row[0] = j;
    std::size_t row_min = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const std::size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      row_min = std::min(row_min, row[i]);
    }
    if (row_min > bound) return bound + 1;
  }
  return std::min(row[a.size()], bound + 1);
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    const int8_t t = u_charType(c);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR) continue;
    const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

const char* to_string(MatchKind k) {
  switch (k) {
    case MatchKind::exact: return "exact";
    case MatchKind::key: return "key";
    case MatchKind::translit: return "translit";
    case MatchKind::fuzzy: return "fuzzy";
  }
  return "?";
}

// ---------------------------------------------------------------------------------------------
// Index

struct NameEntry {
  std::uint32_t place;
  std::string spelling;  // as in the data file
  std::string folded;
  std::string coarse;  // translit_spelling(folded)
};

struct Gazetteer::Index {
  std::vector<SourceFile> sources;
  std::vector<Place> places;
  std::vector<NameEntry> names;
  std::vector<NameEntry> more_spellings;  // spellings whose folded form a place already has
  StringMap<std::vector<std::uint32_t>> by_folded;       // folded -> names
  std::vector<std::vector<std::uint32_t>> key_names;     // key id -> names
  std::vector<std::string> keys;                         // key id -> key
  StringMap<std::uint32_t> by_key;                       // key -> key id
  StringMap<std::vector<std::uint32_t>> by_deletion;     // key and its 1-deletions -> key ids
  StringMap<std::vector<std::uint32_t>> by_translit;     // translit_key -> names
  // Names whose translit key is too short for by_translit (fewer than kMinKey consonants:
  // Humaymim's "hm") but whose coarse spelling is long (kMinCoarse letters or more), by that
  // coarse spelling: a Cyrillic query is their translit match only when its coarse spelling is
  // the same ("Хмеймим" and "Hmaïmîm" are both "hmemim").
  StringMap<std::vector<std::uint32_t>> by_coarse;

  void add_place(Place place, const std::vector<std::string_view>& spellings);
  void build_deletions();
};

namespace {
// Keys of fewer than 3 consonants ("hm" for Hama) equal those of too many unrelated names to
// mean anything: such names match exactly or not at all.
constexpr std::size_t kMinKey = 3;
// The shortest coarse spelling (translit_spelling) compared whole when its key is too short.
constexpr std::size_t kMinCoarse = 6;
// A key match is also a spelling within this similarity (1 - edit distance / length) of the
// query: equal skeletons with little else in common (adlb, delibi) are not variants.
constexpr double kMinKeySimilarity = 0.5;
// The fuzzy fallback is for typos: the spellings must be close.
constexpr double kMinFuzzySimilarity = 0.7;
constexpr std::size_t kMaxQueryBytes = 200;
}  // namespace

void Gazetteer::Index::add_place(Place place, const std::vector<std::string_view>& spellings) {
  const auto pid = static_cast<std::uint32_t>(places.size());
  places.push_back(std::move(place));
  std::vector<std::string> seen;
  for (const auto spelling : spellings) {
    std::string f = fold(spelling);
    if (f.empty()) continue;
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) {
      more_spellings.push_back({pid, std::string(spelling), std::move(f), {}});  // Gazetteer::spellings() only
      continue;
    }
    seen.push_back(f);
    const auto nid = static_cast<std::uint32_t>(names.size());
    by_folded[f].push_back(nid);
    const std::string key = consonant_key(f);
    if (key.size() >= kMinKey) {
      auto [it, inserted] = by_key.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
      if (inserted) {
        keys.push_back(key);
        key_names.emplace_back();
      }
      key_names[it->second].push_back(nid);
    }
    std::string coarse = translit_spelling(f);
    if (const std::string tkey = translit_key(f); tkey.size() >= kMinKey)
      by_translit[tkey].push_back(nid);
    else if (coarse.size() >= kMinCoarse)
      by_coarse[coarse].push_back(nid);
    names.push_back({pid, std::string(spelling), std::move(f), std::move(coarse)});
  }
}

void Gazetteer::Index::build_deletions() {
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    if (key.size() < kMinKey) continue;
    std::set<std::string> variants{key};
    for (std::size_t i = 0; i < key.size(); ++i) variants.insert(key.substr(0, i) + key.substr(i + 1));
    for (const auto& v : variants) by_deletion[v].push_back(k);
  }
}

Gazetteer::Gazetteer(std::unique_ptr<Index> index) : index_(std::move(index)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

const std::vector<Place>& Gazetteer::places() const { return index_->places; }
const std::vector<SourceFile>& Gazetteer::sources() const { return index_->sources; }
std::size_t Gazetteer::name_count() const { return index_->by_folded.size(); }

std::vector<Gazetteer::Spelling> Gazetteer::spellings() const {
  std::vector<Spelling> out;
  out.reserve(index_->names.size() + index_->more_spellings.size());
  for (const auto& n : index_->names) out.push_back({n.place, n.spelling, n.folded});
  for (const auto& n : index_->more_spellings) out.push_back({n.place, n.spelling, n.folded});
  return out;
}

std::vector<std::string> Gazetteer::countries() const {
  std::set<std::string> s;
  for (const auto& p : index_->places) s.insert(p.country);
  return {s.begin(), s.end()};
}

namespace {

constexpr std::string_view kHeader =
    "geonameid\tname\tasciiname\talternatenames\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature_code\tpopulation";

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto e = s.find(sep);
    out.push_back(s.substr(0, e));
    if (e == std::string_view::npos) break;
    s.remove_prefix(e + 1);
  }
  return out;
}

template <class T>
bool parse_number(std::string_view s, T& v) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && ptr == s.data() + s.size();
}


std::string sha256_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL: SHA-256 failed");
  std::string hex;
  for (unsigned int i = 0; i < n; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

std::string read_all(std::istream& in, const std::string& source) {
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError(fmt::format("{}: cannot read", source));
  return ss.str();
}

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Lines of a text, numbered from 1, without their CR LF / LF; comments (#) and blank lines
// skipped.
template <class Fn>
void each_line(const std::string& text, Fn fn) {
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(line_no, line);
  }
}

// A tab-separated places file: its header line must be `header` (else "not a KIND file
// (expected the header line 'HINT')"); every later line's fields go to `row` with a `fail`
// that throws "SOURCE:LINE: what". The places read are recorded as one source of the index.
template <typename Row>
void read_places_file(Gazetteer::Index& index, const std::string& text, const std::string& source,
                      std::string_view header_line, const char* kind, const char* header_hint, bool extra,
                      Row&& row) {
  const auto source_id = static_cast<std::uint32_t>(index.sources.size());
  const std::size_t before = index.places.size();
  bool header = false;
  each_line(text, [&](std::size_t line_no, std::string_view line) {
    auto fail = [&](const std::string& what) { throw InputError(fmt::format("{}:{}: {}", source, line_no, what)); };
    if (!header) {
      if (line != header_line) fail(fmt::format("not a {} file (expected the header line '{}')", kind, header_hint));
      header = true;
      return;
    }
    row(split(line, '\t'), source_id, fail);
  });
  if (!header) throw InputError(fmt::format("{}: not a {} file (no header line)", source, kind));
  index.sources.push_back({source, file_name(source), sha256_hex(text), index.places.size() - before, extra});
}

void read_geonames(Gazetteer::Index& index, const std::string& text, const std::string& source) {
  read_places_file(index, text, source, kHeader, "truceline gazetteer", "geonameid<TAB>name<TAB>…", false,
                   [&](const std::vector<std::string_view>& f, std::uint32_t source_id, const auto& fail) {
    if (f.size() != 11) fail(fmt::format("expected 11 tab-separated fields, found {}", f.size()));
    Place p;
    if (!parse_number(f[0], p.geonameid)) fail(fmt::format("geonameid '{}' is not a number", f[0]));
    p.name = f[1];
    p.asciiname = f[2];
    if (!parse_number(f[4], p.lat) || !(p.lat >= -90 && p.lat <= 90))
      fail(fmt::format("lat '{}' is not a latitude", f[4]));
    if (!parse_number(f[5], p.lon) || !(p.lon >= -180 && p.lon <= 180))
      fail(fmt::format("lon '{}' is not a longitude", f[5]));
    p.country = f[6];
    p.admin1_code = f[7];
    p.admin1_name = f[8];
    p.feature_code = f[9];
    if (!parse_number(f[10], p.population) || p.population < 0)
      fail(fmt::format("population '{}' is not a number", f[10]));
    if (p.name.empty()) fail("empty name");
    p.source = source_id;
    std::vector<std::string_view> spellings{f[1], f[2]};
    if (!f[3].empty())
      for (const auto a : split(f[3], ',')) spellings.push_back(a);
    index.add_place(std::move(p), spellings);
  });
}

// Extra places (--places): `name, lon, lat, country, admin1, alternate_names`, tab-separated,
// with that header (data/gazetteer/README.md).
constexpr std::string_view kExtraHeader = "name\tlon\tlat\tcountry\tadmin1\talternate_names";

void read_extra(Gazetteer::Index& index, const std::string& text, const std::string& source) {
  read_places_file(index, text, source, kExtraHeader, "places",
                   "name<TAB>lon<TAB>lat<TAB>country<TAB>admin1<TAB>alternate_names", true,
                   [&](const std::vector<std::string_view>& f, std::uint32_t source_id, const auto& fail) {
    if (f.size() != 6)
      fail(fmt::format("expected 6 tab-separated fields (name, lon, lat, country, admin1, alternate_names), found {}",
                       f.size()));
    Place p;
    p.name = f[0];
    if (fold(p.name).empty()) fail(fmt::format("name '{}' has no letters or digits", f[0]));
    if (!parse_number(f[1], p.lon) || !(p.lon >= -180 && p.lon <= 180))
      fail(fmt::format("lon '{}' is not a longitude (degrees, -180 to 180)", f[1]));
    if (!parse_number(f[2], p.lat) || !(p.lat >= -90 && p.lat <= 90))
      fail(fmt::format("lat '{}' is not a latitude (degrees, -90 to 90)", f[2]));
    const bool cc = f[3].size() == 2 && std::all_of(f[3].begin(), f[3].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!cc) fail(fmt::format("country '{}' is not a two-letter ISO 3166-1 code in capitals (SY, TR, ...)", f[3]));
    p.country = f[3];
    p.admin1_name = f[4];
    p.source = source_id;
    std::vector<std::string_view> spellings{f[0]};
    if (!f[5].empty())
      for (const auto a : split(f[5], ',')) spellings.push_back(a);
    index.add_place(std::move(p), spellings);
  });
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(fmt::format("{}: cannot read: Is a directory", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  return read_all(in, path);
}

}  // namespace

Gazetteer Gazetteer::read(std::istream& in, const std::string& source) {
  auto index = std::make_unique<Index>();
  read_geonames(*index, read_all(in, source), source);
  index->build_deletions();
  return Gazetteer(std::move(index));
}

Gazetteer Gazetteer::read(std::istream& in, const std::string& source, std::istream& extra,
                          const std::string& extra_name) {
  auto index = std::make_unique<Index>();
  read_geonames(*index, read_all(in, source), source);
  read_extra(*index, read_all(extra, extra_name), extra_name);
  index->build_deletions();
  return Gazetteer(std::move(index));
}

Gazetteer Gazetteer::load(const std::string& path, const std::vector<std::string>& extra_places) {
  auto index = std::make_unique<Index>();
  read_geonames(*index, read_file(path), path);
  for (const auto& extra : extra_places) read_extra(*index, read_file(extra), extra);
  index->build_deletions();
  return Gazetteer(std::move(index));
}

std::string data_file_in(const std::string& data_dir) { return data_dir + "/gazetteer/places.tsv"; }

std::string default_data_file() { return data_file_in(TRUCELINE_DATA_DIR); }

std::string localities_file_in(const std::string& data_dir) { return data_dir + "/gazetteer/localities.tsv"; }

std::string default_localities_file() { return localities_file_in(TRUCELINE_DATA_DIR); }

std::string landmarks_file_in(const std::string& data_dir) { return data_dir + "/gazetteer/landmarks.tsv"; }

std::string default_landmarks_file() { return landmarks_file_in(TRUCELINE_DATA_DIR); }

namespace {
// Whether a UTF-8 string holds Arabic letters (lead bytes 0xD8–0xDB).
bool has_arabic(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0xD8 && u <= 0xDB;
  });
}

// An Arabic spelling as written, compared without what spellings of one name vary in: harakat
// and tatweel dropped, alef forms as alef, ta marbuta as ha, alef maqsura as ya, the article
// ال dropped ("الحويز" and "حويز" are one spelling; "الشريعة" and "صهرية" are not, though
// they fold alike). Code points as numbers (all of the Arabic block is two UTF-8 bytes).
std::vector<char32_t> arabic_as_written(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    char32_t c = u;
    if (u >= 0xC0 && u < 0xE0 && i + 1 < s.size()) {
      c = ((u & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      ++i;
    } else if (u >= 0x80) {
      continue;  // not an Arabic letter: not compared
    }
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) continue;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;
    if (c == 0x0629) c = 0x0647;
    if (c == 0x0649) c = 0x064A;
    if (c == ' ' || c == '-') c = ' ';
    out.push_back(c);
  }
  if (out.size() >= 4 && out[0] == 0x0627 && out[1] == 0x0644) out.erase(out.begin(), out.begin() + 2);
  return out;
}

// Whether two Arabic spellings as written differ by a nisba ("معروفة" and "المعروفية": -ية is the
// adjective's ending, another name; the key tier, which drops the ي, would read them as one, as
// adds_nisba says for the translit tier). Thirty-eighth session's probes.
bool arabic_nisba_apart(std::vector<char32_t> a, std::vector<char32_t> b) {
  if (a.size() > b.size()) std::swap(a, b);
  constexpr char32_t kYa = 0x064A, kHa = 0x0647;  // (ة is ه here)
  if (a.size() < 3 || b.size() != a.size() + 1) return false;
  if (a.back() == kHa && b.back() == kHa && b[b.size() - 2] == kYa)  // X + ة, X + ية
    return std::equal(a.begin(), a.end() - 1, b.begin());
  return b.back() == kYa && std::equal(a.begin(), a.end(), b.begin());  // X, X + ي
}
}  // namespace

LookupResult Gazetteer::lookup(std::string_view name, const LookupOptions& options) const {
  const Index& ix = *index_;
  LookupResult r;
  r.query = std::string(name);
  if (name.size() > kMaxQueryBytes) name = name.substr(0, kMaxQueryBytes);
  r.folded = fold(name);
  if (r.folded.empty()) return r;

  std::string country = options.country;
  for (auto& c : country)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  auto wanted = [&](std::uint32_t nid) {
    const Place& p = ix.places[ix.names[nid].place];
    return (country.empty() || p.country == country) && (!options.filter || options.filter(p));
  };

  struct Hit {
    std::uint32_t place, name;
    MatchKind kind;
    double similarity;
  };
  std::vector<Hit> hits;

  if (const auto it = ix.by_folded.find(std::string_view(r.folded)); it != ix.by_folded.end())
    for (const auto nid : it->second)
      if (wanted(nid)) hits.push_back({ix.names[nid].place, nid, MatchKind::exact, 1.0});
  // An Arabic query spelt as one place's spelling (arabic_as_written): another place whose Arabic
  // spelling differs as written but folds the same is no exact match of it (the
  // folding merges letters: "الشريعة" (Ash Shari`ah) and "صهرية" (Sahriyah, 8 km away) both fold
  // to "shryh"; the first is what the text wrote).
  if (hits.size() > 1 && has_arabic(name)) {
    const auto written = arabic_as_written(name);
    auto same = [&](const Hit& h) { return arabic_as_written(ix.names[h.name].spelling) == written; };
    if (std::any_of(hits.begin(), hits.end(), same))
      std::erase_if(hits, [&](const Hit& h) { return has_arabic(ix.names[h.name].spelling) && !same(h); });
  }

  const std::string key = consonant_key(r.folded);
  if (key.size() >= kMinKey)
    if (const auto it = ix.by_key.find(std::string_view(key)); it != ix.by_key.end()) {
      const std::string light = light_spelling(r.folded);
      const bool arabic = has_arabic(name);
      const auto written = arabic ? arabic_as_written(name) : std::vector<char32_t>();
      for (const auto nid : ix.key_names[it->second])
        if (wanted(nid) && ix.names[nid].folded != r.folded &&
            !(arabic && has_arabic(ix.names[nid].spelling) &&
              arabic_nisba_apart(written, arabic_as_written(ix.names[nid].spelling)))) {
          const double sim = light == light_spelling(ix.names[nid].folded) ? 1.0 : similarity(r.folded, ix.names[nid].folded);
          if (sim >= kMinKeySimilarity) hits.push_back({ix.names[nid].place, nid, MatchKind::key, sim});
        }
    }

  // The translit tier, with the key tier when nothing matches exactly: its hits are scored on
  // the coarse spellings, and a place's best hit (below) is its best score.
  // Only for a query written in Cyrillic: Latin spellings are the key tier's (its scores are
  // pinned against the look-alikes next door, resolve.hpp); the coarse classes would lift wrong
  // Latin matches towards the threshold ("Qara Tapa" -> Karatepe 0.77 -> 0.83).
  const bool any_exact = std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return h.kind == MatchKind::exact; });
  if (!any_exact && (options.cyrillic || has_cyrillic(name))) {
    const std::string tkey = translit_key(r.folded);
    if (tkey.size() >= kMinKey)
      if (const auto it = ix.by_translit.find(std::string_view(tkey)); it != ix.by_translit.end()) {
        const std::string coarse = translit_spelling(r.folded);
        for (const auto nid : it->second) {
          if (!wanted(nid) || ix.names[nid].folded == r.folded) continue;
          if (adds_nisba(coarse, ix.names[nid].coarse)) continue;
          const double sim = similarity(coarse, ix.names[nid].coarse);
          if (sim >= kMinKeySimilarity) hits.push_back({ix.names[nid].place, nid, MatchKind::translit, sim});
        }
      }
    if (tkey.size() < kMinKey) {
      const std::string coarse = translit_spelling(r.folded);
      if (coarse.size() >= kMinCoarse)
        if (const auto it = ix.by_coarse.find(std::string_view(coarse)); it != ix.by_coarse.end())
          for (const auto nid : it->second)
            if (wanted(nid) && ix.names[nid].folded != r.folded)
              hits.push_back({ix.names[nid].place, nid, MatchKind::translit, 1.0});
    }
  }

  if (hits.empty() && key.size() >= kMinKey) {
    // Fuzzy fallback: keys within edit distance `bound` of the query key, found through the
    // index of keys and their 1-deletions (a substitution or an insertion/deletion on either
    // side meets there), then checked with the real distance.
    const std::size_t bound = key.size() <= 5 ? 1 : 2;
    std::vector<std::uint32_t> key_ids;
    auto probe = [&](std::string_view v) {
      if (const auto it = ix.by_deletion.find(v); it != ix.by_deletion.end())
        key_ids.insert(key_ids.end(), it->second.begin(), it->second.end());
    };
    probe(key);
    std::string v;
    for (std::size_t i = 0; i < key.size(); ++i) {
      v.assign(key, 0, i);
      v.append(key, i + 1);
      probe(v);
    }
    std::sort(key_ids.begin(), key_ids.end());
    key_ids.erase(std::unique(key_ids.begin(), key_ids.end()), key_ids.end());
    for (const auto k : key_ids) {
      if (edit_distance(key, ix.keys[k], bound) > bound) continue;
      for (const auto nid : ix.key_names[k]) {
        if (!wanted(nid)) continue;
        const double sim = similarity(r.folded, ix.names[nid].folded);
        if (sim >= kMinFuzzySimilarity) hits.push_back({ix.names[nid].place, nid, MatchKind::fuzzy, sim});
      }
    }
  }
  if (hits.empty()) return r;

  auto score_of = [](MatchKind kind, double sim) {
    switch (kind) {
      case MatchKind::exact: return 1.0;
      case MatchKind::key: return std::min(0.89, round2(0.6 + 0.3 * sim));
      case MatchKind::translit: return std::min(0.88, round2(0.6 + 0.3 * sim));
      case MatchKind::fuzzy: break;
    }
    return std::min(0.59, round2(0.3 + 0.3 * sim));
  };
  // Best hit per place: the higher score (a translit match spelled closer than a key match of
  // the same place wins: Сукейлабия), then the better tier, then the closer spelling, then the
  // earlier name (name, asciiname, then alternates in file order).
  std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (a.place != b.place) return a.place < b.place;
    const double sa = score_of(a.kind, a.similarity), sb = score_of(b.kind, b.similarity);
    if (sa != sb) return sa > sb;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.name < b.name;
  });
  std::vector<Candidate> cands;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (i > 0 && hits[i].place == hits[i - 1].place) continue;
    const Hit& h = hits[i];
    Candidate c;
    c.place = &ix.places[h.place];
    c.match = h.kind;
    c.score = score_of(h.kind, h.similarity);
    c.matched = ix.names[h.name].spelling;
    if (options.near) c.distance_km = geodesic_km(options.near->lat_deg, options.near->lon_deg, c.place->lat, c.place->lon);
    cands.push_back(std::move(c));
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.distance_km && b.distance_km && *a.distance_km != *b.distance_km) return *a.distance_km < *b.distance_km;
    if (a.place->population != b.place->population) return a.place->population > b.place->population;
    return a.place->geonameid < b.place->geonameid;
  });

  // The top tier and its distinct places. Key and translit matches are one tier: a coarse key
  // shared by two places far apart is ambiguous, whichever of the two tiers each came from.
  const Candidate& best = cands.front();
  auto tier = [](MatchKind k) { return k == MatchKind::translit ? MatchKind::key : k; };
  for (const auto& c : cands) {
    if (tier(c.match) != tier(best.match) || c.score < best.score - 0.05 - 1e-9) continue;
    const bool same_as_earlier = std::any_of(r.top_places.begin(), r.top_places.end(), [&](const Candidate& t) {
      return geodesic_km(t.place->lat, t.place->lon, c.place->lat, c.place->lon) <= kAmbiguityKm;
    });
    if (!same_as_earlier) r.top_places.push_back(c);
  }
  r.ambiguous = r.top_places.size() > 1;
  if (options.limit > 0 && cands.size() > options.limit) cands.resize(options.limit);
  r.candidates = std::move(cands);
  return r;
}

}  // namespace truceline::gazetteer
