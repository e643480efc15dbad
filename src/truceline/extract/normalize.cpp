// Word normalisation (normalize.hpp).
#include "truceline/extract/normalize.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <iterator>

namespace truceline::extract::detail {

// Decodes one UTF-8 code point (the text is valid UTF-8: Document checked it). ICU's macros.
char32_t next_cp(std::string_view s, std::size_t& i) {
  UChar32 c = 0;
  U8_NEXT_UNSAFE(reinterpret_cast<const uint8_t*>(s.data()), i, c);
  return static_cast<char32_t>(c);
}
bool has_digit(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_cp(s, i);
    if ((c >= U'0' && c <= U'9') || (c >= 0x0660 && c <= 0x0669)) return true;
  }
  return false;
}
std::size_t digit_at(std::string_view s, std::size_t x, std::size_t end, bool arabic_indic) {
  end = std::min(end, s.size());
  if (x < end && s[x] >= '0' && s[x] <= '9') return 1;
  if (arabic_indic && x + 1 < end && static_cast<unsigned char>(s[x]) == 0xD9 &&
      static_cast<unsigned char>(s[x + 1]) >= 0xA0 && static_cast<unsigned char>(s[x + 1]) <= 0xA9)
    return 2;
  return 0;
}
std::size_t digit_before(std::string_view s, std::size_t x) {
  if (x >= 1 && x <= s.size() && s[x - 1] >= '0' && s[x - 1] <= '9') return 1;
  if (x >= 2 && x <= s.size() && digit_at(s, x - 2, x) == 2) return 2;
  return 0;
}
bool clock_at(std::string_view s, std::size_t x, std::size_t end, bool arabic_indic) {
  std::size_t n = 0;
  for (std::size_t d; n < 2 && (d = digit_at(s, x, end, arabic_indic)); ++n) x += d;
  if (n == 0 || x >= std::min(end, s.size()) || s[x] != ':') return false;
  ++x;
  for (int k = 0; k < 2; ++k) {
    const std::size_t d = digit_at(s, x, end, arabic_indic);
    if (!d) return false;
    x += d;
  }
  return true;
}
bool dotted_clock_at(std::string_view s, std::size_t x, std::size_t end) {
  end = std::min(end, s.size());
  std::size_t y = x, h = 0;
  while (y < end && y - x < 2 && s[y] >= '0' && s[y] <= '9') h = h * 10 + static_cast<std::size_t>(s[y++] - '0');
  if (y == x || y + 2 >= end || s[y] != '.' || !std::isdigit(static_cast<unsigned char>(s[y + 1])) ||
      !std::isdigit(static_cast<unsigned char>(s[y + 2])))
    return false;
  const std::size_t mm = static_cast<std::size_t>((s[y + 1] - '0') * 10 + (s[y + 2] - '0'));
  const std::size_t z = y + 3;
  if (z < end && (std::isdigit(static_cast<unsigned char>(s[z])) || s[z] == '.')) return false;
  return h <= 23 && mm <= 59;
}
void put_cp(std::string& out, char32_t c) {
  uint8_t buf[U8_MAX_LENGTH];
  std::size_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  out.append(reinterpret_cast<const char*>(buf), n);
}

// The normalised letters of an Arabic word.
std::u32string ar_letters(std::string_view w) {
  std::u32string out;
  for (std::size_t i = 0; i < w.size();) {
    char32_t c = next_cp(w, i);
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0640 || c == 0x0670) continue;  // harakat, tatweel
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;  // alef forms
    if (c == 0x0649) c = 0x064A;                                               // ى -> ي
    if (c == 0x0629) c = 0x0647;                                               // ة -> ه
    out += c;
  }
  return out;
}
std::string to_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) put_cp(out, c);
  return out;
}
bool is_arabic_letter(char32_t c) { return c >= 0x0620 && c <= 0x06FF; }

namespace {
constexpr char32_t kAlef = 0x0627, kLam = 0x0644;
}  // namespace

// Without a leading article (ال) when two letters or more remain.
std::u32string ar_no_article(std::u32string w) {
  if (w.size() >= 4 && w[0] == kAlef && w[1] == kLam) w.erase(0, 2);
  return w;
}

// The key of a word of a gazetteer Arabic spelling (normalised, article removed).
std::string ar_key_word(std::string_view w) { return to_utf8(ar_no_article(ar_letters(w))); }

std::size_t ar_letters_span(std::string_view raw, std::size_t letters) {
  std::size_t i = 0, cps = 0, seen = 0;
  while (i < raw.size()) {
    const std::size_t at = i;
    const char32_t c = next_cp(raw, i);
    const bool mark = (c >= 0x064B && c <= 0x065F) || c == 0x0640 || c == 0x0670;
    if (!mark && seen == letters) {
      i = at;
      break;
    }
    if (!mark) ++seen;
    ++cps;
  }
  return cps;
}

const std::vector<Proclitic>& proclitics() {
  static const std::vector<Proclitic> p{
      {U"وبال", true, true}, {U"فبال", true, true}, {U"ولل", true, false}, {U"فلل", true, false},
      {U"وال", true, false}, {U"فال", true, false}, {U"بال", true, true},  {U"كال", true, false},
      {U"لل", true, false},  {U"وب", false, true},  {U"فب", false, true},  {U"ول", false, false},
      {U"فل", false, false}, {U"وك", false, false}, {U"و", false, false},  {U"ف", false, false},
      {U"ب", false, true},   {U"ل", false, false},  {U"ك", false, false}};
  return p;
}


std::string ru_stem(std::string_view f) {
  // Noun and adjective endings as BGN romanises them (ые -> yye, ых -> ykh, ий -> iy, ая -> aya,
  // ой -> oy, ого -> ogo, ами -> ami, ...), longest first.
  static constexpr std::string_view kEndings[] = {
      "iyami", "yami", "iyakh", "iyey", "iyu", "ii", "yyye", "ogo", "ego", "omu", "emu", "ymi", "imi", "iye", "yye", "oye", "eye",
      "aya", "yaya", "uyu", "yuyu", "ykh", "ikh", "akh", "yakh", "ami", "iyam", "yam", "am", "iya", "iy", "yy", "oy", "ey",
      "om", "em", "ym", "im", "ov", "ev", "ya", "yu", "ye", "a", "e", "i", "u", "y", "o"};
  if (f.size() <= 3) return std::string(f);
  std::string stem(f);
  for (std::string_view e : kEndings)
    if (f.size() >= e.size() + 3 && f.ends_with(e)) {
      stem = std::string(f.substr(0, f.size() - e.size()));
      break;
    }
  // The fleeting vowel of the genitive plural: группировок / группировки, both "gruppirov".
  if (stem.size() >= 6 && (stem.ends_with("ok") || stem.ends_with("ek"))) {
    stem.resize(stem.size() - 2);
  } else if (stem.size() >= 6 && stem.back() == 'k') {
    stem.pop_back();
  }
  return stem;
}

std::string tr_stem(std::string_view f) {
  // Suffix chains as gazetteer::fold writes them (ı -> i, ü -> u, ğ -> g), longest first:
  // plural + possessive + case ("larindan", "lerinin"), possessive + case ("sinin", "ndan"),
  // case alone. Stripped until none applies with 3 letters left (both sides of a comparison
  // are stemmed alike, so over-stripping a word costs nothing when it is consistent).
  static constexpr std::string_view kSuffixes[] = {
      "larindan", "lerinden", "larindaki", "lerindeki", "larinin", "lerinin", "larinda", "lerinde", "larina",
      "lerine", "larini", "lerini", "lariyla", "leriyla", "leriyle", "lari", "leri", "lar", "ler", "ndaki", "ndeki",
      "ndan", "nden", "siyla", "siyle", "yla", "yle", "nin", "nun", "nda", "nde", "daki", "deki", "dan", "den",
      "tan", "ten", "nu", "ni", "na", "ne", "da", "de", "ta", "te", "in", "un", "yi", "yu", "ya", "ye", "si", "su",
      "ca", "ce", "i", "u", "a", "e"};  // -ca/-ce: the passive's agent ("rejim güçlerince": by regime forces)
  std::string stem(f);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view e : kSuffixes)
      if (stem.size() >= e.size() + 3 && stem.ends_with(e)) {
        // (-ca/-ce: not a language's name, "Türkçe", "Rusça", which are no "Türk", "Rus";
        // twenty-sixth held-out set, "TÜRKÇEYE ÇEVİRİ" was read as Turkey)
        static constexpr std::string_view kLanguages[] = {"turkce", "rusca", "arapca", "kurtce", "ingilizce",
                                                          "farsca", "fransizca", "almanca", "ibranice"};
        if ((e == "ca" || e == "ce") &&
            std::find(std::begin(kLanguages), std::end(kLanguages), stem) != std::end(kLanguages))
          continue;
        stem.resize(stem.size() - e.size());
        again = true;
        break;
      }
  }
  return stem;
}

std::size_t cp_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) next_cp(s, i);
  return n;
}

std::size_t tr_apostrophe(std::string_view raw) {
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i] == '\'') return i + 1 < raw.size() ? i : std::string_view::npos;
    if (raw.compare(i, 3, "\xE2\x80\x99") == 0) return i + 3 < raw.size() ? i : std::string_view::npos;
  }
  return std::string_view::npos;
}

std::string_view tr_name_part(std::string_view raw) { return raw.substr(0, std::min(tr_apostrophe(raw), raw.size())); }

}  // namespace truceline::extract::detail
