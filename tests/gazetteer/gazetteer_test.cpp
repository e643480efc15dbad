// Gazetteer: folding (Latin diacritics, ayn/apostrophe marks, article prefixes, Arabic and
// Cyrillic script), consonant keys, and lookups against the committed GeoNames extract
// (data/gazetteer/places.tsv): transliteration variants, ambiguity, --country and --near.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "truceline/error.hpp"
#include "truceline/gazetteer/gazetteer.hpp"

namespace {

using namespace truceline;
using namespace truceline::gazetteer;

// GeoNames ids of the places of the 2018 Idlib memorandum reporting.
constexpr std::uint32_t kMaarratAlNuman = 167611;
constexpr std::uint32_t kKafrZita = 168620;
constexpr std::uint32_t kAbuAlDuhur = 174611;
constexpr std::uint32_t kQalaatAlMadiq = 166227;
constexpr std::uint32_t kJisrAlShughur = 169023;
constexpr std::uint32_t kKhanShaykhun = 168325;
constexpr std::uint32_t kIdlib = 169389;
constexpr std::uint32_t kSuranHama = 163915;
constexpr std::uint32_t kSuranAzaz = 163913;
constexpr std::uint32_t kSinjarIdlib = 164094;
constexpr std::uint32_t kSinjarIraq = 448149;

const Gazetteer& data() {
  static const Gazetteer g = Gazetteer::load(default_data_file());
  return g;
}

std::uint32_t best_id(const LookupResult& r) { return r.candidates.empty() ? 0 : r.candidates.front().place->geonameid; }

std::set<std::uint32_t> top_ids(const LookupResult& r) {
  std::set<std::uint32_t> s;
  for (const auto& c : r.top_places) s.insert(c.place->geonameid);
  return s;
}

LookupOptions opts(std::string country, std::optional<LonLat> near, std::size_t limit) {
  LookupOptions o;
  o.country = std::move(country);
  o.near = near;
  o.limit = limit;
  return o;
}
LookupOptions in_country(std::string cc, std::size_t limit = 5) { return opts(std::move(cc), std::nullopt, limit); }
LookupOptions near(double lon, double lat, std::size_t limit = 5) { return opts("", LonLat{lon, lat}, limit); }
LookupOptions limit(std::size_t n) { return opts("", std::nullopt, n); }

// ---------------------------------------------------------------------------------------------
// fold

TEST(Fold, LatinDiacriticsAndCase) {
  EXPECT_EQ(fold("Şūrān"), "suran");
  EXPECT_EQ(fold("Ḩalfāyā"), "halfaya");
  EXPECT_EQ(fold("Darkūsh"), "darkush");
  EXPECT_EQ(fold("Çaldıran"), "caldiran");
  EXPECT_EQ(fold("İDLİB"), "idlib");
  EXPECT_EQ(fold("Abū az̧ Z̧uhūr"), "abu zuhur");  // combining cedilla (z + U+0327)
  EXPECT_EQ(fold("Qal‘at al Maḑīq"), "qalat madiq");
}

TEST(Fold, AynAndApostropheMarksAreRemoved) {
  for (const char* s : {"Maʿarrat", "Ma‘arrat", "Ma’arrat", "Ma'arrat", "Ma`arrat", "Ma´arrat", "Maʾarrat", "Maarrat"})
    EXPECT_EQ(fold(s), "maarrat") << s;
  EXPECT_EQ(fold("ʿAfrīn"), "afrin");
  EXPECT_EQ(fold("‘Ayn al ‘Arab"), "ayn arab");
}

TEST(Fold, ArticlePrefixesAndHyphens) {
  for (const char* s : {"al-Bab", "Al Bab", "el-Bab", "Al-Bāb", "AL BAB", "Bab"}) EXPECT_EQ(fold(s), "bab") << s;
  EXPECT_EQ(fold("Jisr ash-Shughur"), "jisr shughur");
  EXPECT_EQ(fold("Jisr esh Shughur"), "jisr shughur");
  EXPECT_EQ(fold("Jisr-esh-Shughour"), "jisr shughour");
  EXPECT_EQ(fold("Deir ez-Zor"), "deir zor");
  EXPECT_EQ(fold("Abu ad-Duhur"), "abu duhur");
  EXPECT_EQ(fold("Maarrat an-Numan"), "maarrat numan");
  EXPECT_EQ(fold("Ras al-'Ayn"), "ras ayn");
  EXPECT_EQ(fold("Tall ar-Rif‘at"), "tall rifat");
  EXPECT_EQ(fold("at-Tamanah"), "tamanah");
  EXPECT_EQ(fold("Khan-Sheikhoun"), "khan sheikhoun");
  // An article is dropped only before another word: a name is never just an article.
  EXPECT_EQ(fold("Al"), "al");
  EXPECT_EQ(fold("El"), "el");
  // Words that only start like an article are kept whole.
  EXPECT_EQ(fold("Aleppo"), "aleppo");
  EXPECT_EQ(fold("Ariha"), "ariha");
}

TEST(Fold, WhitespaceAndPunctuation) {
  EXPECT_EQ(fold("  Idlib \t city,  (north) "), "idlib city north");
  EXPECT_EQ(fold("Kafr/Zita"), "kafr zita");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("---"), "");
  EXPECT_EQ(fold("ʿ ' `"), "");
}

TEST(Fold, ArabicScript) {
  EXPECT_EQ(fold("خان شيخون"), "khan shykhwn");
  EXPECT_EQ(fold("إدلب"), "adlb");
  // The joined article ال is dropped like al-: the same as the Latin "… al-Numan".
  EXPECT_EQ(fold("معرة النعمان"), "mrt nman");
  EXPECT_EQ(fold("جسر الشغور"), "jsr shghwr");
  EXPECT_EQ(fold("أبو الظهور"), "abw zhwr");
  // Not an article: a word of fewer than two letters after ال.
  EXPECT_EQ(fold("ال"), "al");
}

TEST(Fold, CyrillicScript) {
  EXPECT_EQ(fold("Идлиб"), "idlib");
  EXPECT_EQ(fold("ИДЛИБ"), "idlib");
  EXPECT_EQ(fold("Алеппо"), "aleppo");
  // Russian BGN romanization: ш sh, х kh, дж dzh (not ISO 9's s, h, dz).
  EXPECT_EQ(fold("Хан-Шейхун"), "khan sheykhun");
  EXPECT_EQ(fold("Джиср-эш-Шугур"), "dzhisr shugur");
}

TEST(Fold, OtherScripts) {
  EXPECT_EQ(fold("Ελλάδα"), "ellada");
  EXPECT_EQ(fold("伊德利卜"), "伊德利卜");  // Han kept as written
}

// ---------------------------------------------------------------------------------------------
// consonant_key

std::string key_of(const char* name) { return consonant_key(fold(name)); }

void expect_same_key(std::initializer_list<const char*> names) {
  const std::string first = key_of(*names.begin());
  EXPECT_GE(first.size(), 3u) << *names.begin();
  for (const char* n : names) EXPECT_EQ(key_of(n), first) << n << " vs " << *names.begin();
}

TEST(ConsonantKey, Examples) {
  EXPECT_EQ(key_of("Maaret al-Numan"), "mrtnmn");
  EXPECT_EQ(key_of("Khan Shaykhun"), "xnSxn");
  EXPECT_EQ(key_of("Abu al-Zuhur"), "bzhr");
  EXPECT_EQ(key_of("Qalaat al-Madiq"), "kltmzk");
  EXPECT_EQ(key_of("Jisr al-Shughur"), "jsrSgr");
}

TEST(ConsonantKey, TransliterationVariantsShareAKey) {
  expect_same_key({"Maarrat al-Numan", "Maaret al-Numan", "Marat al-Numan", "Ma‘arrat an-Nu‘man",
                   "Maaret el Noman", "Maarat al-Nouman", "معرة النعمان"});
  expect_same_key({"Kafr Zita", "Kafr Zeita", "Kafr Zayta", "Kafer Zaita", "Kaferzita", "Kafr Zaytah", "كفر زيتا"});
  expect_same_key({"Abu al-Zuhur", "Abu al-Thuhur", "Abu al-Dhuhur", "Abu ad-Duhur", "Abu Thuhur", "أبو الظهور"});
  expect_same_key({"Qalaat al-Madiq", "Qalaat al-Mudiq", "Qal'at al-Madhiq", "Kalaat Moudik", "Qal‘at al Maḑīq"});
  expect_same_key({"Jisr al-Shughur", "Jisr al-Shughour", "Jisr esh-Shughur", "Djisr el Choghour", "Jisr Shugur",
                   "Джиср-эш-Шугур"});
  expect_same_key({"Khan Shaykhun", "Khan Sheikhoun", "Khan Shaikhun", "Khan Cheikhoun", "Хан-Шейхун", "خان شيخون"});
  expect_same_key({"Kafr Nabl", "Kafranbel", "Kafr Nubl"});
  expect_same_key({"Sinjar", "Sindjar", "Синджар", "سنجار"});
}

TEST(ConsonantKey, DifferentPlacesKeepDifferentKeys) {
  EXPECT_NE(key_of("Sarmin"), key_of("Saraqib"));
  EXPECT_NE(key_of("Ariha"), key_of("Idlib"));
  EXPECT_NE(key_of("Khan Shaykhun"), key_of("Khan Tuman"));
  EXPECT_NE(key_of("Kafr Zita"), key_of("Kafr Nabl"));
}

TEST(EditDistance, Bounded) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 10), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting", 2), 3u);  // bound + 1
  EXPECT_EQ(edit_distance("", "abc", 5), 3u);
  EXPECT_EQ(edit_distance("abc", "abc", 0), 0u);
  EXPECT_EQ(edit_distance("a", "abcdef", 2), 3u);
}

TEST(DisplayWidth, CombiningMarksAndWideCharacters) {
  EXPECT_EQ(display_width("Idlib"), 5u);
  EXPECT_EQ(display_width("Şūrān"), 5u);
  EXPECT_EQ(display_width("Abū az̧ Z̧uhūr"), 12u);
  EXPECT_EQ(display_width("伊德利卜"), 8u);
}

// ---------------------------------------------------------------------------------------------
// The committed data

TEST(Data, CoversTheFiveCountries) {
  const auto& g = data();
  EXPECT_GT(g.places().size(), 2000u);
  EXPECT_EQ(g.countries(), (std::vector<std::string>{"IQ", "JO", "LB", "SY", "TR"}));
  EXPECT_GT(g.name_count(), g.places().size());
  const auto it = std::find_if(g.places().begin(), g.places().end(), [](const Place& p) { return p.geonameid == kIdlib; });
  ASSERT_NE(it, g.places().end());
  EXPECT_EQ(it->country, "SY");
  EXPECT_EQ(it->admin1_name, "Idlib");
  EXPECT_NEAR(it->lat, 35.93, 0.01);
  EXPECT_NEAR(it->lon, 36.63, 0.01);
  EXPECT_GT(it->population, 100000);
}

// ---------------------------------------------------------------------------------------------
// Lookups: report spellings resolve to the right GeoNames place

struct Variants {
  std::uint32_t id;
  std::vector<const char*> spellings;
};

TEST(Lookup, TransliterationVariantsFindTheRightPlace) {
  const std::vector<Variants> cases{
      {kMaarratAlNuman,
       {"Maarrat al-Numan", "Maaret al-Numan", "Marat al-Numan", "Ma‘arrat al-Nu‘man", "Maʿarrat al-Nuʿmān",
        "Ma'arat al-Numan", "Maarat al-Numaan", "Maaret el Noman", "Maarat al-Nouman", "معرة النعمان"}},
      {kKafrZita, {"Kafr Zita", "Kafr Zeita", "Kafr Zayta", "Kafr Zaita", "Kafer Zita", "Kafr Zaytah", "كفر زيتا"}},
      {kAbuAlDuhur,
       {"Abu al-Duhur", "Abu al-Thuhur", "Abu al-Dhuhur", "Abu al-Zuhur", "Abu Dhuhur", "Abu Thuhur", "Abu az-Zuhur",
        "Abou ed Douhour", "أبو الظهور"}},
      {kQalaatAlMadiq,
       {"Qalaat al-Madiq", "Qalaat al-Mudiq", "Qal'at al-Madiq", "Qal‘at al-Mudiq", "Qalat al-Madhiq",
        "Kalaat al-Moudiq", "قلعة المضيق"}},
      {kJisrAlShughur,
       {"Jisr al-Shughur", "Jisr al-Shughour", "Jisr ash-Shughur", "Jisr esh-Shughour", "Jisr Shughur",
        "Djisr el Choghour", "جسر الشغور", "Джиср-эш-Шугур"}},
      {kKhanShaykhun,
       {"Khan Shaykhun", "Khan Sheikhoun", "Khan Sheikhun", "Khan Shaikhun", "Khan Shaykhoun", "Khan Cheikhoun",
        "خان شيخون", "Хан-Шейхун"}},
  };
  for (const auto& c : cases)
    for (const char* s : c.spellings) {
      const auto r = data().lookup(s);
      ASSERT_FALSE(r.candidates.empty()) << s;
      EXPECT_EQ(best_id(r), c.id) << s << " -> " << r.candidates.front().place->name;
      EXPECT_FALSE(r.ambiguous) << s;
      EXPECT_GE(r.candidates.front().score, 0.75) << s;
    }
}

TEST(Lookup, ExactFoldedMatchesRankFirstAndScoreOne) {
  const auto r = data().lookup("Ma‘arrat an Nu‘mān");
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(best_id(r), kMaarratAlNuman);
  EXPECT_EQ(r.candidates[0].match, MatchKind::exact);
  EXPECT_EQ(r.candidates[0].score, 1.0);
  EXPECT_EQ(r.folded, "maarrat numan");

  // A spelling no gazetteer lists is a key match: below every exact match.
  const auto k = data().lookup("Marat al-Numan");
  ASSERT_FALSE(k.candidates.empty());
  EXPECT_EQ(k.candidates[0].match, MatchKind::key);
  EXPECT_LT(k.candidates[0].score, 0.9);
  EXPECT_GE(k.candidates[0].score, 0.75);

  // Scores never increase down the list.
  const auto s = data().lookup("Suran", limit(0));
  for (std::size_t i = 1; i < s.candidates.size(); ++i) EXPECT_LE(s.candidates[i].score, s.candidates[i - 1].score);
  EXPECT_EQ(s.candidates.front().match, MatchKind::exact);
  EXPECT_NE(s.candidates.back().match, MatchKind::exact);
}

TEST(Lookup, ArabicAndCyrillicScript) {
  EXPECT_EQ(best_id(data().lookup("إدلب")), kIdlib);
  EXPECT_EQ(best_id(data().lookup("Идлиб")), kIdlib);
  EXPECT_EQ(data().lookup("إدلب").candidates[0].match, MatchKind::exact);
  EXPECT_EQ(best_id(data().lookup("伊德利卜")), kIdlib);  // GeoNames' Chinese alternate name
}

TEST(Lookup, FuzzyFallbackForTypos) {
  for (const char* s : {"Khan Shaykhum", "Saraqip", "Sarakim"}) {
    const auto r = data().lookup(s);
    ASSERT_FALSE(r.candidates.empty()) << s;
    EXPECT_LT(r.candidates[0].score, 0.6) << s;
  }
  EXPECT_EQ(best_id(data().lookup("Khan Shaykhum")), kKhanShaykhun);
  EXPECT_EQ(data().lookup("Khan Shaykhum").candidates[0].match, MatchKind::fuzzy);
}

TEST(Lookup, NoMatch) {
  for (const char* s : {"Xyzzy", "Hbit", "Kafr Nabudah", "---", ""}) {
    const auto r = data().lookup(s);
    EXPECT_TRUE(r.candidates.empty()) << s;
    EXPECT_FALSE(r.ambiguous) << s;
  }
}

// ---------------------------------------------------------------------------------------------
// Ambiguity

TEST(Ambiguity, SuranInHamaAndNearAzaz) {
  for (const char* s : {"Suran", "Şūrān", "صوران", "Суран", "SURAN"}) {
    const auto r = data().lookup(s, in_country("SY"));
    EXPECT_TRUE(r.ambiguous) << s;
    EXPECT_EQ(top_ids(r), (std::set<std::uint32_t>{kSuranHama, kSuranAzaz})) << s;
    // Without --near the larger town comes first.
    EXPECT_EQ(best_id(r), kSuranHama) << s;
  }
}

TEST(Ambiguity, SinjarInIdlibAndInIraq) {
  for (const char* s : {"Sinjar", "Sinjār", "Sindjar", "سنجار", "Синджар"}) {
    const auto r = data().lookup(s);
    EXPECT_TRUE(r.ambiguous) << s;
    EXPECT_EQ(top_ids(r), (std::set<std::uint32_t>{kSinjarIdlib, kSinjarIraq})) << s;
  }
  // --country resolves it.
  const auto sy = data().lookup("Sinjar", in_country("SY"));
  EXPECT_FALSE(sy.ambiguous);
  EXPECT_EQ(best_id(sy), kSinjarIdlib);
  const auto iq = data().lookup("Sinjar", in_country("iq"));  // any case
  EXPECT_FALSE(iq.ambiguous);
  EXPECT_EQ(best_id(iq), kSinjarIraq);
}

TEST(Ambiguity, OnePlaceIsNotAmbiguous) {
  for (const char* s : {"Idlib", "Khan Shaykhun", "Saraqib", "Jisr al-Shughur"}) {
    const auto r = data().lookup(s);
    EXPECT_FALSE(r.ambiguous) << s;
    EXPECT_EQ(r.top_places.size(), 1u) << s;
  }
}

TEST(Ambiguity, IsJudgedBeforeTheLimit) {
  const auto r = data().lookup("Suran", in_country("SY", 1));
  EXPECT_EQ(r.candidates.size(), 1u);
  EXPECT_TRUE(r.ambiguous);
  EXPECT_EQ(r.top_places.size(), 2u);
}

// A small hand-made gazetteer: places of one name closer than 10 km are one place.
const char* kSmall =
    "# test\n"
    "geonameid\tname\tasciiname\talternatenames\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature_code\tpopulation\n"
    "1\tTell Alpha\tTell Alpha\tTall Alfa,تل ألفا\t35.0\t36.0\tSY\t12\tIdlib\tPPL\t100\n"
    "2\tTell Alpha\tTell Alpha\t\t35.05\t36.02\tSY\t12\tIdlib\tPPLX\t0\n"
    "3\tBeta\tBeta\tBita\t35.0\t37.0\tSY\t09\t\tPPL\t50\n"
    "4\tBeta\tBeta\t\t36.0\t37.0\tTR\t31\tHatay\tPPL\t50\n"
    "5\tBeta\tBeta\t\t35.5\t37.0\tSY\t09\t\tPPL\t50\n";

Gazetteer small() {
  std::istringstream in(kSmall);
  return Gazetteer::read(in, "small.tsv");
}

TEST(Ambiguity, PlacesWithinTenKilometresAreOnePlace) {
  const auto g = small();
  const auto r = g.lookup("Tell Alpha", limit(0));
  EXPECT_EQ(r.candidates.size(), 2u);  // ~6 km apart
  EXPECT_FALSE(r.ambiguous);
  EXPECT_EQ(best_id(r), 1u);  // population
  const auto b = g.lookup("Beta", limit(0));
  EXPECT_TRUE(b.ambiguous);
  EXPECT_EQ(b.top_places.size(), 3u);
  EXPECT_EQ(b.candidates[0].place->admin1(), "09");  // no admin1 name: the code
}

// A name whose translit key is too short for the translit tier (Humaymim: "hm") is met by a
// Cyrillic query of exactly its coarse spelling ("Хмеймим", "Hmaimim": both "hmemim"), and only
// by such a query: a Latin spelling stays the key tier's (no match: the key is too short).
TEST(Lookup, ShortTranslitKeyMatchesTheSameCoarseSpelling) {
  std::istringstream in(
      "geonameid\tname\tasciiname\talternatenames\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature_code\tpopulation\n"
      "7\tHumaymim\tHumaymim\tHmaimim\t35.4\t35.94\tSY\t02\tLatakia\tPPL\t0\n");
  const auto g = Gazetteer::read(in, "t.tsv");
  const auto r = g.lookup("Хмеймим");
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(best_id(r), 7u);
  EXPECT_EQ(r.candidates[0].match, MatchKind::translit);
  EXPECT_TRUE(g.lookup("Хмейм").candidates.empty());
  EXPECT_TRUE(g.lookup("Hmeimim").candidates.empty());
}

// An Arabic name and a spelling that adds the nisba ("معروفة", "المعروفية": -ية makes another word)
// are no key match, though their keys (ي dropped) agree; the same name spelt with or without the
// article still is an exact match.
TEST(Lookup, ArabicNisbaIsAnotherName) {
  std::istringstream in(
      "geonameid\tname\tasciiname\talternatenames\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature_code\tpopulation\n"
      "8\tAl Ma`rufiyah\tAl Ma`rufiyah\tالمعروفية\t36.2\t37.44\tSY\t09\tAleppo\tPPL\t0\n"
      "9\tSahriyah\tSahriyah\tصهرية\t35.6\t36.3\tSY\t12\tIdlib\tPPL\t0\n");
  const auto g = Gazetteer::read(in, "t.tsv");
  // (a looser tier's match stays, below the threshold: the key tier scored 0.85)
  for (const char* q : {"معروفة", "معروفي"})
    for (const auto& c : g.lookup(q, limit(0)).candidates) EXPECT_LT(c.score, 0.84) << q << " " << c.matched;
  const auto same = g.lookup("معروفية", limit(0));
  ASSERT_FALSE(same.candidates.empty());
  EXPECT_EQ(best_id(same), 8u);
  EXPECT_EQ(best_id(g.lookup("الصهرية", limit(0))), 9u);
}

// ---------------------------------------------------------------------------------------------
// --country and --near

TEST(Options, CountryFilter) {
  for (const char* cc : {"SY", "TR", "IQ"}) {
    const auto r = data().lookup("Suran", in_country(cc, 0));
    for (const auto& c : r.candidates) EXPECT_EQ(c.place->country, cc);
  }
  EXPECT_TRUE(data().lookup("Sinjar", in_country("JO")).candidates.empty());
  EXPECT_FALSE(data().lookup("Suran").candidates.empty());
}

TEST(Options, NearRanksCloserPlacesFirstAmongEqualScores) {
  // Near Azaz: the Suran of northern Aleppo first; near Hama: the Suran of Hama.
  const auto azaz = data().lookup("Suran", near(37.05, 36.59));
  EXPECT_EQ(best_id(azaz), kSuranAzaz);
  EXPECT_TRUE(azaz.ambiguous);  // --near chooses; the name stays ambiguous
  ASSERT_TRUE(azaz.candidates[0].distance_km);
  EXPECT_LT(*azaz.candidates[0].distance_km, 20.0);  // Azaz town to the Suran north-east of it
  EXPECT_GT(*azaz.candidates[1].distance_km, 100.0);
  const auto hama = data().lookup("Suran", near(36.75, 35.13));
  EXPECT_EQ(best_id(hama), kSuranHama);

  // Sinjar near Idlib city: the Syrian one, though the Iraqi one is larger.
  EXPECT_EQ(best_id(data().lookup("Sinjar")), kSinjarIraq);
  EXPECT_EQ(best_id(data().lookup("Sinjar", near(36.63, 35.93))), kSinjarIdlib);

  // --near breaks ties only: an exact match far away beats a key match next door.
  const auto g = small();
  const auto r = g.lookup("Beta", near(37.0, 36.0, 0));
  EXPECT_EQ(best_id(r), 4u);
  for (std::size_t i = 1; i < r.candidates.size(); ++i)
    EXPECT_LE(*r.candidates[i - 1].distance_km, *r.candidates[i].distance_km);
}

TEST(Options, Limit) {
  EXPECT_EQ(data().lookup("Suran", limit(1)).candidates.size(), 1u);
  EXPECT_EQ(data().lookup("Suran", limit(3)).candidates.size(), 3u);
  EXPECT_GT(data().lookup("Suran", limit(0)).candidates.size(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Loading

void expect_read_error(const std::string& text, const std::string& message) {
  std::istringstream in(text);
  try {
    Gazetteer::read(in, "bad.tsv");
    ADD_FAILURE() << "no error for: " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(Load, Errors) {
  const std::string header =
      "geonameid\tname\tasciiname\talternatenames\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature_code\tpopulation\n";
  expect_read_error("", "bad.tsv: not a truceline gazetteer file (no header line)");
  expect_read_error("# only a comment\nid,name\n",
                    "bad.tsv:2: not a truceline gazetteer file (expected the header line 'geonameid<TAB>name<TAB>…')");
  expect_read_error(header + "1\tA\tA\t\t35\t36\tSY\n", "bad.tsv:2: expected 11 tab-separated fields, found 7");
  expect_read_error(header + "x\tA\tA\t\t35\t36\tSY\t1\t\tPPL\t0\n", "bad.tsv:2: geonameid 'x' is not a number");
  expect_read_error(header + "1\tA\tA\t\t95\t36\tSY\t1\t\tPPL\t0\n", "bad.tsv:2: lat '95' is not a latitude");
  expect_read_error(header + "1\tA\tA\t\t35\tE\tSY\t1\t\tPPL\t0\n", "bad.tsv:2: lon 'E' is not a longitude");
  expect_read_error(header + "1\tA\tA\t\t35\t36\tSY\t1\t\tPPL\t-5\n", "bad.tsv:2: population '-5' is not a number");
  try {
    Gazetteer::load("/nonexistent/places.tsv");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/places.tsv: cannot read: No such file or directory");
  }
}

TEST(Load, CrlfAndComments) {
  std::string text = kSmall;
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::istringstream in(crlf);
  const auto g = Gazetteer::read(in, "crlf.tsv");
  EXPECT_EQ(g.places().size(), 5u);
  EXPECT_EQ(g.places()[0].feature_code, "PPL");
  EXPECT_EQ(best_id(g.lookup("تل ألفا")), 1u);
}

// ---------------------------------------------------------------------------------------------

TEST(Lookup, ThreadSafe) {
  const auto& g = data();
  const std::vector<std::string> qs{"Maaret al-Numan", "خان شيخون", "Идлиб", "Suran", "Kafr Zeita"};
  std::vector<std::uint32_t> expected;
  for (const auto& q : qs) expected.push_back(best_id(g.lookup(q)));
  std::vector<int> ok(4, 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i)
        for (std::size_t j = 0; j < qs.size(); ++j)
          if (best_id(g.lookup(qs[j])) != expected[j]) ok[t] = 0;
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_TRUE(ok[t]) << t;
}

}  // namespace
