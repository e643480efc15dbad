// extract::WeaponFinder: the agreement's classes in every script with inflected forms, the
// generic lexicon, leftmost-longest matching without overlaps, capitals rules and joins.
#include "truceline/extract/weapons.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "truceline/extract/dates.hpp"
#include "truceline/extract/numbers.hpp"

#include "truceline/agreement/agreement.hpp"

namespace truceline::extract {
namespace {

const WeaponFinder& finder() {
  static const agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  static const WeaponFinder f(a);
  return f;
}

std::vector<WeaponMention> weapons(const std::string& text, std::string_view lang = "auto") {
  const Document d = Document::make(text, lang);
  auto out = finder().find(d);
  for (const auto& m : out) EXPECT_EQ(d.slice(m.span), m.text) << text;
  for (std::size_t i = 1; i < out.size(); ++i) EXPECT_LE(out[i - 1].span.end, out[i].span.begin) << text;
  for (const auto& m : out) EXPECT_TRUE(m.class_id.empty() != m.generic.empty()) << text << ": " << m.text;
  return out;
}

struct Case {
  const char* text;
  const char* match;
  const char* class_id;
  const char* generic;
};

void check(const std::vector<Case>& cases, std::string_view lang = "auto") {
  for (const auto& c : cases) {
    auto out = weapons(c.text, lang);
    ASSERT_EQ(out.size(), 1u) << c.text;
    EXPECT_EQ(out[0].text, c.match) << c.text;
    EXPECT_EQ(out[0].class_id, c.class_id) << c.text;
    EXPECT_EQ(out[0].generic, c.generic) << c.text;
  }
}

TEST(Weapons, ClassesInEveryScriptWithInflectedForms) {
  check({
      // English: name, aliases, plurals
      {"Two tanks moved to the line.", "tanks", "tank", ""},
      {"A main battle tank was seen.", "main battle tank", "tank", ""},
      {"Observers saw T-72s near the road.", "T-72s", "tank", ""},
      {"Observers saw multiple rocket launchers.", "multiple rocket launchers", "mlrs", ""},
      {"Observers saw howitzers near the road.", "howitzers", "artillery", ""},
      {"Observers saw 122 mm howitzers near the road.", "122 mm howitzers", "artillery-100mm", ""},
      {"Observers saw 122mm howitzers near the road.", "122mm howitzers", "artillery-100mm", ""},
      {"Observers saw mortars near the road.", "mortars", "mortar", ""},
      {"Fighters fired a Kornet at the vehicle.", "Kornet", "atgm", ""},
      // Russian: cases
      {"У линии видели танки.", "танки", "tank", ""},
      {"Отвод танков завершён.", "танков", "tank", ""},
      {"Обстрел велся танками.", "танками", "tank", ""},
      {"Отвод гаубиц завершён.", "гаубиц", "artillery", ""},
      {"Обстрел вели из минометов.", "минометов", "mortar", ""},
      {"Обстрел вели из миномётов.", "миномётов", "mortar", ""},
      {"Отвод артиллерии завершён.", "артиллерии", "artillery", ""},
      {"Удар нанесли из РСЗО.", "РСЗО", "mlrs", ""},
      // Arabic: plurals, article and clitics
      {"شوهدت دبابات قرب الطريق.", "دبابات", "tank", ""},
      {"شوهدت الدبابات قرب الطريق.", "الدبابات", "tank", ""},
      {"قصفت القوات البلدة بالدبابات.", "الدبابات", "tank", ""},  // clitics left out of the span
      {"شوهدت دبابتان قرب الطريق.", "دبابتان", "tank", ""},
      {"سحبت الفصائل راجمات الصواريخ.", "راجمات الصواريخ", "mlrs", ""},
      {"سحبت الفصائل راجمة صواريخ.", "راجمة صواريخ", "mlrs", ""},
      {"قصفت القوات البلدة بقذائف الهاون.", "قذائف الهاون", "mortar", ""},
      {"قصفت القوات البلدة بالمدفعية الثقيلة.", "المدفعية الثقيلة", "artillery", ""},
      {"سحبت الفصائل المدافع من المنطقة.", "المدافع", "artillery", ""},
      // Turkish
      {"Köye topçu ateşi açıldı.", "topçu", "artillery", ""},
  });
}

TEST(Weapons, GenericLexicon) {
  check({
      {"A rocket hit the school.", "rocket", "", "rocket"},
      {"Shells hit the school.", "Shells", "", "shell"},
      {"A drone was seen over the town.", "drone", "", "drone"},
      {"UAVs were seen over the town.", "UAVs", "", "drone"},
      {"A cruise missile hit the depot.", "cruise missile", "", "missile"},
      // (barrel bombs: the agreement's class since session 30, with the party it is attributed to)
      {"Helicopters dropped barrel bombs.", "barrel bombs", "barrel_bomb", ""},
      {"A bomb went off in the market.", "bomb", "", "bomb"},
      {"Heavy machine gun fire was heard.", "Heavy machine gun", "", "small_arms"},
      {"Над городом видели беспилотник.", "беспилотник", "", "drone"},
      {"Вертолёты сбросили бочковые бомбы.", "бочковые бомбы", "barrel_bomb", ""},
      {"По селу выпустили снаряды.", "снаряды", "", "shell"},
      {"حلقت طائرة مسيرة فوق البلدة.", "طائرة مسيرة", "", "drone"},
      {"حلقت طائرات بدون طيار فوق البلدة.", "طائرات بدون طيار", "", "drone"},
      {"ألقت المروحيات براميل متفجرة.", "براميل متفجرة", "barrel_bomb", ""},
      {"سقطت صواريخ على البلدة.", "صواريخ", "", "rocket"},
      {"سقطت قذائف على البلدة.", "قذائف", "", "shell"},
  });
}

TEST(Weapons, LongestMatchJoinsAndOverlaps) {
  // A class with the munition word after it is one mention of the class.
  check({
      {"More than 20 Grad rockets fell.", "Grad rockets", "mlrs", ""},
      {"Mortar rounds hit the school.", "Mortar rounds", "mortar", ""},
      {"Artillery shells hit the school.", "Artillery shells", "artillery", ""},
      {"Two T-72 tanks were seen.", "T-72 tanks", "tank", ""},
      // "artillery" is a class also in "artillery shelling".
      {"Artillery shelling hit the school.", "Artillery", "artillery", ""},
  });
  // Longest: "122 mm howitzer" (artillery-100mm) over "howitzer" (artillery).
  auto out = weapons("A 122 mm howitzer and a howitzer.");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].class_id, "artillery-100mm");
  EXPECT_EQ(out[1].class_id, "artillery");
  // "ودبابات": the conjunction is left out of the span.
  out = weapons("سحبت الفصائل المدافع ودبابات.");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].text, "دبابات");
  EXPECT_EQ(out[1].class_id, "tank");
  // "rounds" alone is not a weapon ("rounds of talks").
  EXPECT_TRUE(weapons("Two rounds of talks ended.").empty());
  // Capitals: "TOW" the missile, "tow" the verb; "Grad" the launcher, "grad" not a name.
  EXPECT_TRUE(weapons("They had to tow the truck.").empty());
  out = weapons("Fighters fired a TOW at the tank column.");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].text, "TOW");
  EXPECT_EQ(out[0].class_id, "atgm");
  EXPECT_EQ(out[1].class_id, "tank");
}

TEST(Weapons, SynonymsQuotesAndModifiers) {
  check({
      // Names the agreement leaves out, indexed for the class that has the name they translate.
      {"قصفت القوات البلدة بصواريخ غراد.", "صواريخ غراد", "mlrs", ""},
      {"Обстрел вели из реактивных систем залпового огня.", "реактивных систем залпового огня", "mlrs", ""},
      {"Следы артиллерийского обстрела видны повсюду.", "артиллерийского обстрела", "artillery", ""},
      {"سقطت قذيفتا هاون على الحي.", "قذيفتا هاون", "mortar", ""},
      {"شوهدت مدافع الهاون قرب الطريق.", "مدافع الهاون", "mortar", ""},
      // Quotes kept around a quoted name, joined to the word before it.
      {"Боевики отвели реактивные установки «Град».", "реактивные установки «Град»", "mlrs", ""},
      {"Удар нанесли из «Града».", "«Града»", "mlrs", ""},
      // "heavy" belongs to the class mention; launchers join the class before them.
      {"The factions withdrew heavy mortars.", "heavy mortars", "mortar", ""},
      {"The factions withdrew Grad launchers.", "Grad launchers", "mlrs", ""},
      // Generic phrases.
      {"Rocket shells hit the town.", "Rocket shells", "", "rocket"},
      {"سقطت قذائف صاروخية على المدينة.", "قذائف صاروخية", "", "rocket"},
      {"حلقت طائرة استطلاع فوق البلدة.", "طائرة استطلاع", "", "drone"},
  });
}

TEST(Weapons, NoClassesInTheAgreementLeavesTheGenericLexicon) {
  agreement::Agreement empty;
  const WeaponFinder f(empty);
  const Document d = Document::make("Tanks and Grad rockets and a drone.");
  auto out = f.find(d);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].text, "rockets");
  EXPECT_EQ(out[0].generic, "rocket");
  EXPECT_EQ(out[1].generic, "drone");
  for (const char* s : {"", "-", "T-", "122", "mm", "ال", "و", "tanks tanks tanks"}) EXPECT_NO_THROW(f.find(Document::make(s)));
}

// Seeded random texts from pieces that trigger the rules (numbers, months, clitics, quotes,
// hyphens, Arabic-Indic digits): every finder returns mentions in text order, without overlaps,
// whose text is the slice of their span, and never throws.
TEST(Finders, RandomTextsKeepTheInvariants) {
  const std::vector<std::string> pieces{
      "12", "١٢", "2018", "٢٠١٨", "-", "–", "/", ".", ",", ":", "«", "»", "\"", "و", "ب", "وقبل", "يومين", "قبل",
      "الموعد", "من", "تشرين", "الأول", "الثاني", "كانون", "أكتوبر", "العاشر", "عشر", "الشهر", "الجاري", "الماضي",
      "يوم", "الثلاثاء", "أمس", "اليوم", "قتيلان", "ثلاثة", "وعشرون", "أكثر", "قذائف", "الهاون", "راجمات", "صواريخ",
      "غراد", "On", "on", "October", "May", "march", "the", "end", "of", "mid", "Tuesday", "last", "night", "week",
      "month", "a", "day", "early", "ahead", "deadline", "two", "dozen", "tens", "thousands", "more", "than", "at",
      "least", "killed", "civilians", "including", "Grad", "rockets", "T", "72", "tanks", "mm", "122mm", "km", "%",
      "вчера", "в", "ночь", "на", "до", "12.10.2018", "октября", "года", "двое", "погибших", "РСЗО", "Град",
      "реактивных", "систем", "1,200", "1", "200", "a.m.", "08", "30", "ни", "один", "1,5", "99999999999999999999"};
  const agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  const WeaponFinder wf(a);
  const unsigned seed = 20181012;
  std::mt19937 rng(seed);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int len = 1 + static_cast<int>(rng() % 25);
    for (int i = 0; i < len; ++i) {
      text += pieces[rng() % pieces.size()];
      text += (rng() % 4 == 0) ? "" : " ";
    }
    const Document d = Document::make(text);
    auto check_spans = [&](const auto& mentions, const char* what) {
      std::size_t end = 0;
      for (const auto& m : mentions) {
        ASSERT_LE(end, m.span.begin) << what << " seed " << seed << " round " << round << ": " << text;
        ASSERT_LT(m.span.begin, m.span.end) << what << ": " << text;
        ASSERT_LE(m.span.end, d.code_points()) << what << ": " << text;
        ASSERT_EQ(d.slice(m.span), m.text) << what << ": " << text;
        end = m.span.end;
      }
    };
    std::vector<DateMention> dm;
    ASSERT_NO_THROW(dm = find_dates(d, std::chrono::year_month_day{std::chrono::year{2018}, std::chrono::month{10},
                                                                 std::chrono::day{12}}, &a)) << text;
    check_spans(dm, "dates");
    std::vector<NumberMention> nm;
    ASSERT_NO_THROW(nm = find_numbers(d)) << text;
    check_spans(nm, "numbers");
    for (const auto& n : nm)
      for (const auto& x : dm) ASSERT_TRUE(n.span.end <= x.span.begin || n.span.begin >= x.span.end) << text;
    std::vector<WeaponMention> wm;
    ASSERT_NO_THROW(wm = wf.find(d)) << text;
    check_spans(wm, "weapons");
  }
}

}  // namespace
}  // namespace truceline::extract
