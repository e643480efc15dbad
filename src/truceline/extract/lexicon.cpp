// Word tables of the extract finders (lexicon.hpp). Written by hand and checked against
// grammars and dictionaries of each language (noted per table); a word that is also a common
// word of another sense is either left out or marked, with the reason.
#include "truceline/extract/lexicon.hpp"

#include <unicode/utf8.h>

#include <array>
#include <limits>
#include <unordered_map>

namespace truceline::extract::lexicon {
namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(n));
}

// Hash and equality that take a string_view: lookups without building a std::string.
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// A table from keys to a value, built once from natural spellings (each run through key()).
template <typename V>
struct Table {
  std::unordered_map<std::string, V, Hash, std::equal_to<>> map;
  Table(std::initializer_list<std::pair<const char*, V>> entries) {
    for (const auto& [word, value] : entries) map.emplace(key(word), value);
  }
  const V* find(std::string_view k) const {
    auto it = map.find(k);
    return it == map.end() ? nullptr : &it->second;
  }
};

bool arabic(std::string_view k) {
  return !k.empty() && static_cast<unsigned char>(k[0]) >= 0xD8 && static_cast<unsigned char>(k[0]) <= 0xDB;
}
bool cyrillic(std::string_view k) {
  return !k.empty() && (static_cast<unsigned char>(k[0]) == 0xD0 || static_cast<unsigned char>(k[0]) == 0xD1);
}

// ---- Months ---------------------------------------------------------------------------------
// English: full names and the usual abbreviations (abbreviations and "may"/"march" are also
// common words: ambiguous_month()).
const Table<int>& en_months() {
  static const Table<int> t{{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
                            {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
                            {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
                            {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  return t;
}
// Russian: nominative ("октябрь"), genitive ("12 октября") and prepositional ("в октябре").
const Table<int>& ru_months() {
  static const Table<int> t{
      {"январь", 1},   {"января", 1},   {"январе", 1},   {"февраль", 2},  {"февраля", 2},  {"феврале", 2},
      {"март", 3},     {"марта", 3},    {"марте", 3},    {"апрель", 4},   {"апреля", 4},   {"апреле", 4},
      {"май", 5},      {"мая", 5},      {"мае", 5},      {"июнь", 6},     {"июня", 6},     {"июне", 6},
      {"июль", 7},     {"июля", 7},     {"июле", 7},     {"август", 8},   {"августа", 8},  {"августе", 8},
      {"сентябрь", 9}, {"сентября", 9}, {"сентябре", 9}, {"октябрь", 10}, {"октября", 10}, {"октябре", 10},
      {"ноябрь", 11},  {"ноября", 11},  {"ноябре", 11},  {"декабрь", 12}, {"декабря", 12}, {"декабре", 12},
      // the abbreviations of tables and bibliographies ("3 авг.", "27 нояб."; thirtieth held-out set)
      {"янв", 1},      {"февр", 2},     {"фев", 2},      {"апр", 4},      {"июн", 6},      {"июл", 7},
      {"авг", 8},      {"сент", 9},     {"окт", 10},     {"нояб", 11},    {"дек", 12}};
  return t;
}
// Arabic, one word: the names used in Egypt and the Gulf (يناير ... ديسمبر, with the usual
// spelling variants: يونيه/يوليه, إبريل/أبريل, the Iraqi مايس), the Levantine/Iraqi names of
// one word (شباط آذار نيسان أيار حزيران تموز آب أيلول), and the Maghrebi ones (جانفي فيفري
// أفريل جوان جويلية أوت). The two-word Levantine names are in ar_month2(). "آب" (August) is
// "أب" (father) once the hamza is unified, and "ماي" is rare: both ambiguous.
const Table<int>& ar_months() {
  static const Table<int> t{
      {"يناير", 1},  {"جانفي", 1},  {"فبراير", 2},  {"شباط", 2},   {"فيفري", 2},   {"مارس", 3},   {"آذار", 3},
      {"أبريل", 4},  {"إبريل", 4},  {"ابريل", 4},   {"نيسان", 4},  {"أفريل", 4},   {"مايو", 5},   {"أيار", 5},
      {"مايس", 5},   {"ماي", 5},    {"يونيو", 6},   {"يونيه", 6},  {"حزيران", 6},  {"جوان", 6},   {"يوليو", 7},
      {"يوليه", 7},  {"تموز", 7},   {"جويلية", 7},  {"أغسطس", 8},  {"اغسطس", 8},   {"آب", 8},     {"أوت", 8},
      {"سبتمبر", 9}, {"أيلول", 9},  {"أكتوبر", 10}, {"اكتوبر", 10}, {"أوكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12}};
  return t;
}
// Turkish, with the spellings without Turkish letters (subat, mayis, agustos, eylul, kasim,
// aralik) that ASCII-only writers use.
const Table<int>& tr_months() {
  static const Table<int> t{{"ocak", 1},   {"şubat", 2},  {"subat", 2},   {"mart", 3},   {"nisan", 4},
                            {"mayıs", 5},  {"mayis", 5},  {"haziran", 6}, {"temmuz", 7}, {"ağustos", 8},
                            {"agustos", 8}, {"eylül", 9}, {"eylul", 9},   {"ekim", 10},  {"kasım", 11},
                            {"kasim", 11}, {"aralık", 12}, {"aralik", 12}};
  return t;
}

// ---- Weekdays (0 = Sunday) --------------------------------------------------------------------
const Table<int>& en_weekdays() {
  static const Table<int> t{{"sunday", 0},   {"monday", 1}, {"tuesday", 2}, {"wednesday", 3},
                            {"thursday", 4}, {"friday", 5}, {"saturday", 6}};
  return t;
}
// Russian: nominative, accusative ("в среду", "в пятницу", "в субботу") and genitive ("в ночь
// со вторника на среду", "утра субботы").
const Table<int>& ru_weekdays() {
  static const Table<int> t{
      {"воскресенье", 0}, {"воскресенья", 0}, {"понедельник", 1}, {"понедельника", 1}, {"вторник", 2},
      {"вторника", 2},    {"среда", 3},       {"среду", 3},       {"среды", 3},        {"четверг", 4},
      {"четверга", 4},    {"пятница", 5},     {"пятницу", 5},     {"пятницы", 5},      {"суббота", 6},
      {"субботу", 6},     {"субботы", 6}};
  return t;
}
// Arabic: only with the article: "أحد" alone is "one (of)", "سبت" is rare alone.
const Table<int>& ar_weekdays() {
  // (with the Levantine spellings a note or a timetable writes: "التلاتا ٩/٢", "الأربعا ٢٩/٥",
  // "الاتنين ٢٧/٥"; issue 14, thirtieth held-out set)
  // ("التنين" is also "the dragon": not taken)
  static const Table<int> t{{"الأحد", 0},     {"الاثنين", 1}, {"الإثنين", 1}, {"الاتنين", 1}, {"الثلاثاء", 2},
                            {"التلاتا", 2},   {"الثلاثا", 2}, {"الأربعاء", 3}, {"الأربعا", 3}, {"الخميس", 4},
                            {"الجمعة", 5},    {"السبت", 6}};
  return t;
}
const Table<int>& tr_weekdays() {
  static const Table<int> t{{"pazar", 0},    {"pazartesi", 1}, {"salı", 2},      {"sali", 2},     {"çarşamba", 3},
                            {"carsamba", 3}, {"perşembe", 4},  {"persembe", 4},  {"cuma", 5},     {"cumartesi", 6}};
  return t;
}

// ---- Number words ---------------------------------------------------------------------------
using NW = NumberWord;
constexpr NW v(std::uint64_t n) { return NW{n, false, false}; }
constexpr NW mult(std::uint64_t n) { return NW{n, true, false}; }
constexpr NW vague(std::uint64_t n) { return NW{n, false, true}; }
constexpr NW mult_or_vague(std::uint64_t n) { return NW{n, true, true}; }  // "тысячи": after a number x1000, alone "thousands"

// English cardinals. "dozens": 12 at least (ACLED's coding of "dozens"); "a dozen" is 12.
// "one" is kept (callers skip "no one" / "one of" where it matters).
const Table<NW>& en_numbers() {
  static const Table<NW> t{
      {"one", v(1)},         {"two", v(2)},          {"three", v(3)},      {"four", v(4)},       {"five", v(5)},
      {"six", v(6)},         {"seven", v(7)},        {"eight", v(8)},      {"nine", v(9)},       {"ten", v(10)},
      {"eleven", v(11)},     {"twelve", v(12)},      {"thirteen", v(13)},  {"fourteen", v(14)},  {"fifteen", v(15)},
      {"sixteen", v(16)},    {"seventeen", v(17)},   {"eighteen", v(18)},  {"nineteen", v(19)},  {"twenty", v(20)},
      {"thirty", v(30)},     {"forty", v(40)},       {"fifty", v(50)},     {"sixty", v(60)},     {"seventy", v(70)},
      {"eighty", v(80)},     {"ninety", v(90)},      {"hundred", mult(100)}, {"thousand", mult(1000)},
      {"million", mult(1000000)}, {"dozen", mult_or_vague(12)},  {"dozens", vague(12)}, {"tens", vague(10)}, {"hundreds", vague(100)},
      {"thousands", vague(1000)}};
  return t;
}
// Russian cardinals in their case forms (nominative, genitive, dative, instrumental) and the
// collective numerals (двое, трое, пятеро, пятерых ...). "десятки" (tens of) = at least 10.
const Table<NW>& ru_numbers() {
  static const Table<NW> t{
      {"один", v(1)}, {"одна", v(1)}, {"одно", v(1)}, {"одного", v(1)}, {"одной", v(1)}, {"одному", v(1)},
      {"одним", v(1)}, {"одну", v(1)}, {"два", v(2)}, {"две", v(2)}, {"двух", v(2)}, {"двум", v(2)},
      {"двумя", v(2)}, {"три", v(3)}, {"трёх", v(3)}, {"трём", v(3)}, {"тремя", v(3)}, {"четыре", v(4)},
      {"четырёх", v(4)}, {"четырём", v(4)}, {"четырьмя", v(4)}, {"пять", v(5)}, {"пяти", v(5)}, {"пятью", v(5)},
      {"шесть", v(6)}, {"шести", v(6)}, {"семь", v(7)}, {"семи", v(7)}, {"восемь", v(8)}, {"восьми", v(8)},
      {"девять", v(9)}, {"девяти", v(9)}, {"десять", v(10)}, {"десяти", v(10)}, {"одиннадцать", v(11)},
      {"одиннадцати", v(11)}, {"двенадцать", v(12)}, {"двенадцати", v(12)}, {"тринадцать", v(13)},
      {"тринадцати", v(13)}, {"четырнадцать", v(14)}, {"четырнадцати", v(14)}, {"пятнадцать", v(15)},
      {"пятнадцати", v(15)}, {"шестнадцать", v(16)}, {"шестнадцати", v(16)}, {"семнадцать", v(17)},
      {"семнадцати", v(17)}, {"восемнадцать", v(18)}, {"восемнадцати", v(18)}, {"девятнадцать", v(19)},
      {"девятнадцати", v(19)}, {"двадцать", v(20)}, {"двадцати", v(20)}, {"тридцать", v(30)}, {"тридцати", v(30)},
      {"сорок", v(40)}, {"сорока", v(40)}, {"пятьдесят", v(50)}, {"пятидесяти", v(50)}, {"шестьдесят", v(60)},
      {"шестидесяти", v(60)}, {"семьдесят", v(70)}, {"семидесяти", v(70)}, {"восемьдесят", v(80)},
      {"восьмидесяти", v(80)}, {"девяносто", v(90)}, {"девяноста", v(90)}, {"сто", v(100)}, {"ста", v(100)},
      {"двести", v(200)}, {"двухсот", v(200)}, {"триста", v(300)}, {"трёхсот", v(300)}, {"четыреста", v(400)},
      {"пятьсот", v(500)}, {"пятисот", v(500)}, {"тысяча", mult(1000)}, {"тысячу", mult(1000)},
      {"тысячи", mult_or_vague(1000)}, {"миллион", mult(1000000)},
      {"миллиона", mult(1000000)}, {"миллионов", mult(1000000)}, {"двое", v(2)}, {"двоих", v(2)}, {"трое", v(3)},
      {"троих", v(3)}, {"четверо", v(4)}, {"четверых", v(4)}, {"пятеро", v(5)}, {"пятерых", v(5)},
      {"шестеро", v(6)}, {"шестерых", v(6)}, {"семеро", v(7)}, {"семерых", v(7)}, {"восьмеро", v(8)},
      {"восьмерых", v(8)}, {"девятеро", v(9)}, {"девятерых", v(9)}, {"десятеро", v(10)}, {"десятерых", v(10)},
      {"десятки", vague(10)}, {"десятков", vague(10)}, {"сотни", vague(100)}, {"сотен", vague(100)},
      {"тысяч", mult_or_vague(1000)}};
  return t;
}
// Arabic cardinals, masculine and feminine, nominative and oblique ("اثنان"/"اثنين"), with the
// hundreds written as one word (ثلاثمئة) and both spellings مئة/مائة. "عشر"/"عشرة" after a unit
// word make 11-19 (the caller adds them); "أحد"/"إحدى" only count before "عشر". "عشرات" (tens
// of) = at least 10, "مئات" = at least 100, "آلاف" after a number x1000, alone thousands.
const Table<NW>& ar_numbers() {
  static const Table<NW> t{
      {"واحد", v(1)}, {"واحدة", v(1)}, {"اثنان", v(2)}, {"اثنين", v(2)}, {"اثنتان", v(2)}, {"اثنتين", v(2)},
      {"ثلاث", v(3)}, {"ثلاثة", v(3)}, {"أربع", v(4)}, {"أربعة", v(4)}, {"خمس", v(5)}, {"خمسة", v(5)},
      {"ست", v(6)}, {"ستة", v(6)}, {"سبع", v(7)}, {"سبعة", v(7)}, {"ثمان", v(8)}, {"ثماني", v(8)},
      {"ثمانية", v(8)}, {"تسع", v(9)}, {"تسعة", v(9)}, {"عشر", v(10)}, {"عشرة", v(10)}, {"عشرون", v(20)},
      {"عشرين", v(20)}, {"ثلاثون", v(30)}, {"ثلاثين", v(30)}, {"أربعون", v(40)}, {"أربعين", v(40)},
      {"خمسون", v(50)}, {"خمسين", v(50)}, {"ستون", v(60)}, {"ستين", v(60)}, {"سبعون", v(70)}, {"سبعين", v(70)},
      {"ثمانون", v(80)}, {"ثمانين", v(80)}, {"تسعون", v(90)}, {"تسعين", v(90)}, {"مئة", mult(100)},
      {"مائة", mult(100)}, {"مئتان", v(200)}, {"مئتين", v(200)}, {"مائتان", v(200)}, {"مائتين", v(200)},
      {"مئتي", v(200)}, {"مائتي", v(200)}, {"ثلاثمئة", v(300)}, {"ثلاثمائة", v(300)}, {"أربعمئة", v(400)},
      {"أربعمائة", v(400)}, {"خمسمئة", v(500)}, {"خمسمائة", v(500)}, {"ألف", mult(1000)}, {"ألفان", v(2000)},
      {"ألفين", v(2000)}, {"آلاف", mult_or_vague(1000)}, {"الآلاف", vague(1000)}, {"مليون", mult(1000000)}, {"عشرات", vague(10)},
      {"مئات", vague(100)},
      // Levantine ("تنين مصابين مو واحد", "انصاب تلات أشخاص"; thirty-eighth held-out set)
      {"تنين", v(2)}, {"تنتين", v(2)}, {"اتنين", v(2)}, {"تلات", v(3)}, {"تلاتة", v(3)}, {"تمن", v(8)}, {"تمان", v(8)},
      {"تمانية", v(8)}, {"تلاتين", v(30)}, {"تمانين", v(80)}};
  return t;
}
// Turkish cardinals (best effort; only in Turkish documents: "on" is ten). "bir" is also the
// indefinite article: the caller counts it only before a count noun.
const Table<NW>& tr_numbers() {
  static const Table<NW> t{
      {"bir", v(1)},      {"iki", v(2)},       {"üç", v(3)},        {"uc", v(3)},      {"dört", v(4)},
      {"dort", v(4)},     {"beş", v(5)},       {"bes", v(5)},       {"altı", v(6)},    {"alti", v(6)},
      {"yedi", v(7)},     {"sekiz", v(8)},     {"dokuz", v(9)},     {"on", v(10)},     {"yirmi", v(20)},
      {"otuz", v(30)},    {"kırk", v(40)},     {"kirk", v(40)},     {"elli", v(50)},   {"altmış", v(60)},
      {"altmis", v(60)},  {"yetmiş", v(70)},   {"yetmis", v(70)},   {"seksen", v(80)}, {"doksan", v(90)},
      {"yüz", mult(100)}, {"yuz", mult(100)},  {"bin", mult(1000)}, {"milyon", mult(1000000)},
      {"onlarca", vague(10)}, {"yüzlerce", vague(100)}, {"binlerce", vague(1000)}};
  return t;
}

}  // namespace

std::string key(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  const auto* p = reinterpret_cast<const uint8_t*>(lower.data());
  const auto n = static_cast<int32_t>(lower.size());
  bool latin_before = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    // Arabic: diacritics (harakat, tanwin, shadda, sukun, superscript alef) and tatweel go.
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;  // أ إ آ ٱ -> ا
    else if (c == 0x0649) c = 0x064A;                                           // ى -> ي
    else if (c == 0x0629) c = 0x0647;                                           // ة -> ه
    else if (c == 0x06CC) c = 0x064A;                                           // Persian ی -> ي
    else if (c == 0x06A9) c = 0x0643;                                           // Persian ک -> ك
    else if (c == 0x0451) c = 0x0435;                                           // ё -> е
    else if (c == 0x0307) continue;  // the dot ICU leaves on "i̇" when İ is lower-cased outside Turkish
    // An apostrophe after letters: a Turkish case suffix ("ekim'de") or an English possessive.
    if ((c == '\'' || c == 0x2019) && latin_before) break;
    latin_before = (c < 0x0250 && ((c >= 'a' && c <= 'z') || c >= 0x00C0));
    append_utf8(out, c);
  }
  return out;
}

std::vector<std::string> ar_stems(const std::string& k) {
  std::vector<std::string> out{k};
  auto starts = [](const std::string& s, std::string_view letter) { return s.size() > letter.size() + 4 && s.compare(0, letter.size(), letter) == 0; };
  std::vector<std::string> level1{k};
  if (starts(k, "و") || starts(k, "ف")) {
    level1.push_back(k.substr(2));
    out.push_back(k.substr(2));
  }
  for (const auto& w : level1) {
    // "لل" = ل + ال with the alef dropped ("للمدنيين" = to the civilians).
    if (w.size() > 8 && w.compare(0, 4, "لل") == 0) out.push_back("ال" + w.substr(4));
    else if (starts(w, "ب") || starts(w, "ل") || starts(w, "ك")) out.push_back(w.substr(2));
  }
  return out;
}

void trim_clitics(const Document& doc, std::size_t first, std::size_t last, std::size_t letters, Span& span,
                  std::string& text) {
  span = doc.tokens_span(first, last);
  const std::string_view all = doc.tokens_text(first, last);
  const auto* p = reinterpret_cast<const uint8_t*>(all.data());
  const auto n = static_cast<int32_t>(doc.tokens()[first].b1 - doc.tokens()[first].b0);
  int32_t i = 0;
  std::size_t cps = 0;
  for (std::size_t l = 0; l < letters && i < n; ++l) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    ++cps;
    // Diacritics and tatweel after the letter belong to it.
    while (i < n) {
      int32_t j = i;
      UChar32 d = 0;
      U8_NEXT(p, j, n, d);
      if (!((d >= 0x064B && d <= 0x065F) || d == 0x0670 || d == 0x0640)) break;
      i = j;
      ++cps;
    }
  }
  if (i >= n) i = 0, cps = 0;  // never the whole word
  span.begin += cps;
  text.assign(all.substr(static_cast<std::size_t>(i)));
}

std::optional<Digits> parse_digits(std::string_view s) {
  Digits d;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  // An Arabic one-letter clitic (و ب ل ف ك), possibly with a tatweel: "و5", "بـ12".
  {
    int32_t j = 0;
    UChar32 c = 0;
    U8_NEXT(p, j, n, c);
    if (c == 0x0648 || c == 0x0628 || c == 0x0644 || c == 0x0641 || c == 0x0643) {
      int32_t k = j;
      UChar32 c2 = 0;
      if (k < n) U8_NEXT(p, k, n, c2);
      if (c2 == 0x0640) j = k;
      d.prefix.assign(s.substr(0, static_cast<std::size_t>(j)));
      i = j;
    }
  }
  auto digit_of = [](UChar32 c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
    if (c >= 0x06F0 && c <= 0x06F9) return c - 0x06F0;
    return -1;
  };
  std::vector<std::size_t> groups;  // digits per group between separators
  std::size_t group = 0;
  bool any = false;
  int32_t end = i;
  std::uint64_t value = 0;
  bool overflow = false;
  for (int32_t j = i; j < n;) {
    const int32_t at = j;
    UChar32 c = 0;
    U8_NEXT(p, j, n, c);
    const int dv = digit_of(c);
    if (dv >= 0) {
      any = true;
      ++group;
      if (value > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) overflow = true;
      value = value * 10 + static_cast<std::uint64_t>(dv);
      end = j;
      continue;
    }
    if ((c == ',' || c == '.' || c == 0x066C || c == 0x066B) && any && j < n) {
      // A separator only when a digit follows.
      int32_t k = j;
      UChar32 c2 = 0;
      U8_NEXT(p, k, n, c2);
      if (digit_of(c2) >= 0) {
        if (c == 0x066B) return std::nullopt;  // Arabic decimal separator
        groups.push_back(group);
        group = 0;
        if (c == '.') d.dotted = true;
        continue;
      }
    }
    (void)at;
    break;
  }
  if (!any || overflow) return std::nullopt;
  groups.push_back(group);
  if (groups.size() > 1) {
    bool thousands = groups.front() >= 1 && groups.front() <= 3;
    for (std::size_t g = 1; g < groups.size(); ++g) thousands = thousands && groups[g] == 3;
    if (!thousands) {
      if (!d.dotted) return std::nullopt;  // "1,5": a decimal
      // "12.10.2018", "2.5": not an integer; callers that read dotted dates look at the text.
      d.value = 0;
      d.digit_count = 0;
      for (auto g : groups) d.digit_count += g;
      d.separators = false;
      d.suffix.assign(s.substr(static_cast<std::size_t>(end)));
      return d;
    }
    d.separators = true;
    d.dotted = false;
  }
  d.value = value;
  for (auto g : groups) d.digit_count += g;
  d.suffix.assign(s.substr(static_cast<std::size_t>(end)));
  return d;
}

namespace {

int month_of_forms(const std::vector<std::string>& forms, std::string_view lang) {
  if (forms.empty() || forms[0].empty()) return 0;
  const std::string_view k = forms[0];
  if (arabic(k)) {
    for (const auto& s : forms)
      if (const int* m = ar_months().find(s)) return *m;
    return 0;
  }
  if (cyrillic(k)) {
    const int* m = ru_months().find(k);
    return m ? *m : 0;
  }
  if (const int* m = en_months().find(k)) return *m;
  if (lang == "tr") {
    if (const int* m = tr_months().find(k)) return *m;
    // Turkish case suffixes written without an apostrophe ("ekimde", "martta", "ekimin").
    for (const auto& [name, month] : tr_months().map)
      if (k.size() > name.size() && k.size() <= name.size() + 4 && k.compare(0, name.size(), name) == 0) return month;
  }
  return 0;
}

int ar_month2_forms(const std::vector<std::string>& first_forms, std::string_view b) {
  static const std::string tishrin_key = key("تشرين"), kanun_key = key("كانون");
  // Clitics on the first word ("وتشرين", "بتشرين").
  bool tishrin = false, kanun = false;
  for (const auto& s : first_forms) {
    if (s == tishrin_key) tishrin = true;
    if (s == kanun_key) kanun = true;
  }
  if (!tishrin && !kanun) return 0;
  // (and the Levantine "التاني", "تاني": "كانون التاني"; thirty-first held-out set)
  static const std::string first_al = key("الأول"), first_bare = key("أول"), second_al = key("الثاني"),
                           second_bare = key("ثاني"), second_lev = key("التاني"), second_lev_bare = key("تاني");
  const bool is_first = b == first_al || b == first_bare;
  const bool is_second = b == second_al || b == second_bare || b == second_lev || b == second_lev_bare;
  if (tishrin && is_first) return 10;
  if (tishrin && is_second) return 11;
  if (kanun && is_first) return 12;
  if (kanun && is_second) return 1;
  return 0;
}

int weekday_of_forms(const std::vector<std::string>& forms, std::string_view lang) {
  if (forms.empty() || forms[0].empty()) return -1;
  const std::string_view k = forms[0];
  if (arabic(k)) {
    for (const auto& s : forms)
      if (const int* d = ar_weekdays().find(s)) return *d;
    return -1;
  }
  if (cyrillic(k)) {
    const int* d = ru_weekdays().find(k);
    return d ? *d : -1;
  }
  if (const int* d = en_weekdays().find(k)) return *d;
  if (lang == "tr") {
    if (const int* d = tr_weekdays().find(k)) return *d;
    // (in the ablative of "since": "Cumartesiden beri", "salıdan itibaren"; thirty-sixth held-out
    // set. Not "pazardan", also "from the market".)
    for (std::string_view suffix : {"den", "dan", "ten", "tan"})
      if (k.ends_with(suffix) && k.size() > suffix.size() + 2) {
        const std::string stem(k.substr(0, k.size() - suffix.size()));
        if (stem == "pazar") continue;
        if (const int* d = tr_weekdays().find(stem)) return *d;
      }
  }
  return -1;
}

std::optional<NumberWord> number_word_forms(const std::vector<std::string>& forms, std::string_view lang) {
  if (forms.empty() || forms[0].empty()) return std::nullopt;
  const std::string_view k = forms[0];
  if (arabic(k)) {
    for (const auto& s : forms)
      if (const NW* w = ar_numbers().find(s)) return *w;
    return std::nullopt;
  }
  if (cyrillic(k)) {
    if (const NW* w = ru_numbers().find(k)) return *w;
    return std::nullopt;
  }
  if (lang == "tr") {
    if (const NW* w = tr_numbers().find(k)) return *w;
    return std::nullopt;
  }
  if (const NW* w = en_numbers().find(k)) return *w;
  return std::nullopt;
}

// A Turkish number word in the dative ("üçe", "dörde", "ikiye", "altıya"): the buffer "y" after a
// vowel, "t" softened to "d" ("dört" → "dörde").
std::optional<NumberWord> tr_dative_number(std::string_view k) {
  auto is_vowel = [](std::string_view stem) {
    for (std::string_view v : {"a", "e", "ı", "i", "o", "ö", "u", "ü"})
      if (stem.ends_with(v)) return true;
    return false;
  };
  for (std::string_view suffix : {"ye", "ya", "e", "a"}) {
    if (!k.ends_with(suffix) || k.size() <= suffix.size() + 1) continue;
    std::string stem(k.substr(0, k.size() - suffix.size()));
    if (suffix.size() == 2 ? !is_vowel(stem) : is_vowel(stem)) continue;
    if (suffix.size() == 1 && stem.ends_with('d')) {
      std::string hard = stem;
      hard.back() = 't';
      if (const NW* w = tr_numbers().find(hard)) return *w;
    }
    if (const NW* w = tr_numbers().find(stem)) return *w;
  }
  return std::nullopt;
}

}  // namespace

int month_of(std::string_view k, std::string_view lang) { return month_of_forms(ar_stems(std::string(k)), lang); }
int ar_month2(std::string_view first, std::string_view second) { return ar_month2_forms(ar_stems(std::string(first)), second); }
int ar_month2(const std::vector<std::string>& first_forms, std::string_view second) { return ar_month2_forms(first_forms, second); }
int weekday_of(std::string_view k, std::string_view lang) { return weekday_of_forms(ar_stems(std::string(k)), lang); }
std::optional<NumberWord> number_word(std::string_view k, std::string_view lang) {
  return number_word_forms(ar_stems(std::string(k)), lang);
}

Words words_of(const Document& doc) {
  Words w;
  const auto& toks = doc.tokens();
  w.key.reserve(toks.size());
  w.forms.reserve(toks.size());
  w.info.reserve(toks.size());
  for (const auto& t : toks) {
    if (!t.word) {
      w.key.emplace_back();
      w.forms.emplace_back();
      w.info.emplace_back();
      continue;
    }
    w.key.push_back(key(t.lower));
    w.forms.push_back(ar_stems(w.key.back()));
    WordInfo info;
    if (t.script != Script::digit) {
      info.month = month_of_forms(w.forms.back(), doc.lang());
      info.weekday = weekday_of_forms(w.forms.back(), doc.lang());
      info.number = number_word_forms(w.forms.back(), doc.lang());
    }
    w.info.push_back(info);
  }
  // Turkish: a weekday read through its ablative ("Cumartesiden") is a day only before "beri" or
  // "itibaren" (since): "Cumartesiden kalan enkaz", "Pazartesiden önce" are no such day (reviewer,
  // session 37).
  if (doc.lang() == "tr")
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].word || w.info[i].weekday < 0 || tr_weekdays().find(w.key[i])) continue;
      std::size_t j = i + 1;
      while (j < toks.size() && !toks[j].word && toks[j].sentence == toks[i].sentence) ++j;
      const bool since = j < toks.size() && toks[j].word && (w.key[j] == "beri" || w.key[j] == "itibaren");
      if (!since) w.info[i].weekday = -1;
    }
  // Turkish: a number word in the dative before "rose" or "reached" ("ölü sayısı üçe yükseldi",
  // "dörde çıktı", "altıya ulaştı") is the figure (set 33: "üçe" was no number). Only there: "ona"
  // is also "to him", "ikiye" "into two".
  if (doc.lang() == "tr")
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].word || toks[i].script != Script::latin || w.info[i].number) continue;
      std::size_t j = i + 1;
      while (j < toks.size() && !toks[j].word && toks[j].sentence == toks[i].sentence) ++j;
      if (j >= toks.size() || toks[j].sentence != toks[i].sentence) continue;
      const std::string& next = w.key[j];
      if (!next.starts_with("yüksel") && !next.starts_with("çık") && !next.starts_with("ulaş")) continue;
      // (a count's noun among the two words before: "ölü sayısı üçe", "bilanço dörde"; not "ateşi
      // kırka çıktı", his fever rose to forty; reviewer, session 34)
      bool count_noun = false;
      for (std::size_t b = i, words = 0; b > 0 && words < 2 && !count_noun;) {
        --b;
        if (!toks[b].word) continue;
        ++words;
        count_noun = w.key[b].starts_with("sayı") || w.key[b].starts_with("sayi") || w.key[b].starts_with("bilanço");
      }
      if (count_noun) w.info[i].number = tr_dative_number(w.key[i]);
    }
  return w;
}

bool ambiguous_month(std::string_view k) {
  static const std::array<std::string_view, 15> words{"may", "march", "jan", "feb", "mar", "apr", "jun", "jul",
                                                      "aug", "sep", "sept", "oct", "nov", "dec", "اب"};
  for (auto w : words)
    if (w == k) return true;
  static const std::string may = key("ماي"), march = key("مارس");  // مارس is also "he practised"
  return k == may || k == march;
}

}  // namespace truceline::extract::lexicon
