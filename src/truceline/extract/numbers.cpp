// Number mentions (numbers.hpp). A left-to-right scan: at each word not inside a date, a
// number is read (digits, number words, an Arabic dual noun), then its qualifier before or
// after, a range, and what it counts. The word tables below are hand-checked; a word of two
// senses is left out or needs context (noted at the table).
#include "truceline/extract/numbers.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "truceline/extract/dates.hpp"
#include "truceline/extract/lexicon.hpp"

namespace truceline::extract {
namespace {

bool is_arabic_key(std::string_view k) {
  return !k.empty() && static_cast<unsigned char>(k[0]) >= 0xD8 && static_cast<unsigned char>(k[0]) <= 0xDB;
}

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// A table of words (natural spellings, looked up by key). Arabic words are looked up by their
// forms (lexicon::ar_stems: without و/ف/ب/ل/ك) and each of those without the article "ال".
template <typename V>
class KeyMap {
 public:
  KeyMap(std::initializer_list<std::pair<std::string_view, V>> entries) {
    for (const auto& [w, v] : entries) map_.emplace(lexicon::key(w), v);
  }
  const V* find_forms(const std::vector<std::string>& forms) const {
    static const std::string al = lexicon::key("ال");
    for (const auto& f : forms) {
      if (f.empty()) continue;
      if (auto it = map_.find(std::string_view(f)); it != map_.end()) return &it->second;
    }
    for (const auto& f : forms)
      if (f.size() > al.size() + 4 && f.compare(0, al.size(), al) == 0)
        if (auto it = map_.find(std::string_view(f).substr(al.size())); it != map_.end()) return &it->second;
    return nullptr;
  }
  const V* find(const std::string& k) const {
    if (k.empty()) return nullptr;
    return find_forms(lexicon::ar_stems(k));
  }

 private:
  std::unordered_map<std::string, V, Hash, std::equal_to<>> map_;
};

// What a noun next to a number counts. Plural and case forms are listed as written (Russian
// genitive after numbers: "пяти человек", "снарядов"; Arabic plural, accusative singular after
// 11-99 "قتيلا", and dual). "casualties" is left as people: it means killed and wounded.
const KeyMap<std::string_view>& count_nouns() {
  static const KeyMap<std::string_view> m{
      // fatalities
      {"dead", "fatalities"}, {"killed", "fatalities"}, {"deaths", "fatalities"}, {"death", "fatalities"},
      {"fatalities", "fatalities"}, {"bodies", "fatalities"}, {"погибших", "fatalities"}, {"погибли", "fatalities"},
      {"погибло", "fatalities"}, {"погибшие", "fatalities"}, {"убитых", "fatalities"}, {"убиты", "fatalities"},
      {"убито", "fatalities"}, {"жертв", "fatalities"}, {"жертвы", "fatalities"}, {"тел", "fatalities"},
      {"قتلى", "fatalities"}, {"قتيل", "fatalities"}, {"قتيلا", "fatalities"}, {"قتيلان", "fatalities"},
      {"قتيلين", "fatalities"}, {"شهداء", "fatalities"}, {"شهيد", "fatalities"}, {"شهيدا", "fatalities"},
      {"ضحايا", "fatalities"}, {"جثث", "fatalities"}, {"ölü", "fatalities"}, {"olu", "fatalities"},
      // injured
      {"wounded", "injured"}, {"injured", "injured"}, {"injuries", "injured"}, {"hurt", "injured"},
      {"раненых", "injured"}, {"раненые", "injured"}, {"ранены", "injured"}, {"ранено", "injured"},
      {"пострадавших", "injured"}, {"пострадали", "injured"}, {"جرحى", "injured"}, {"جريح", "injured"},
      {"جريحا", "injured"}, {"جريحان", "injured"}, {"جريحين", "injured"}, {"مصابين", "injured"}, {"مصابا", "injured"},
      {"اصابات", "injured"}, {"اصابة", "injured"}, {"yaralı", "injured"}, {"yarali", "injured"},
      // explosions: what is fired or dropped, and strikes
      {"shells", "explosions"}, {"shell", "explosions"}, {"rockets", "explosions"}, {"rocket", "explosions"},
      {"rounds", "explosions"}, {"round", "explosions"}, {"projectiles", "explosions"}, {"missiles", "explosions"},
      {"missile", "explosions"}, {"strikes", "explosions"}, {"strike", "explosions"}, {"airstrikes", "explosions"},
      {"airstrike", "explosions"}, {"raids", "explosions"}, {"explosions", "explosions"}, {"explosion", "explosions"},
      {"blasts", "explosions"}, {"bombs", "explosions"}, {"barrels", "explosions"}, {"снарядов", "explosions"},
      {"снаряда", "explosions"}, {"снаряды", "explosions"}, {"снаряд", "explosions"}, {"мин", "explosions"},
      {"ракет", "explosions"}, {"ракеты", "explosions"}, {"ракета", "explosions"}, {"мины", "explosions"},
      {"мина", "explosions"}, {"бомбы", "explosions"}, {"бомба", "explosions"}, {"ударов", "explosions"},
      {"удара", "explosions"}, {"удары", "explosions"}, {"авиаударов", "explosions"}, {"авиаудара", "explosions"},
      {"обстрелов", "explosions"}, {"обстрела", "explosions"}, {"обстрелы", "explosions"}, {"взрывов", "explosions"}, {"разрывов", "explosions"}, {"разрыва", "explosions"}, {"разрывы", "explosions"},
      {"взрыва", "explosions"}, {"бомб", "explosions"}, {"قذيفة", "explosions"}, {"قذائف", "explosions"},
      {"قذيفتين", "explosions"}, {"قذيفتان", "explosions"}, {"صاروخ", "explosions"}, {"صواريخ", "explosions"},
      {"صاروخا", "explosions"}, {"صاروخين", "explosions"}, {"غارة", "explosions"}, {"غارات", "explosions"},
      {"غارتين", "explosions"}, {"انفجار", "explosions"}, {"انفجارات", "explosions"}, {"براميل", "explosions"},
      {"برميلا", "explosions"}, {"roket", "explosions"}, {"füze", "explosions"}, {"mermi", "explosions"},
      {"patlama", "explosions"},
      // weapons: systems counted (tanks seen, launchers withdrawn)
      {"tanks", "weapons"}, {"tank", "weapons"}, {"launchers", "weapons"}, {"launcher", "weapons"},
      {"guns", "weapons"}, {"howitzers", "weapons"}, {"mortars", "weapons"}, {"vehicles", "other"},
      {"pieces", "weapons"}, {"weapons", "weapons"}, {"drones", "weapons"}, {"jets", "weapons"}, {"armoured", "weapons"}, {"armored", "weapons"},
      {"warplanes", "weapons"}, {"aircraft", "weapons"}, {"helicopters", "weapons"}, {"самолетов", "weapons"},
      {"самолета", "weapons"}, {"вертолетов", "weapons"}, {"вертолета", "weapons"}, {"танков", "weapons"},
      {"танка", "weapons"}, {"танки", "weapons"}, {"орудий", "weapons"}, {"орудия", "weapons"},
      {"гаубиц", "weapons"}, {"минометов", "weapons"}, {"установок", "weapons"}, {"единиц", "weapons"},
      {"единицы", "weapons"}, {"единица", "weapons"}, {"техники", "weapons"},
      {"бронемашин", "weapons"}, {"бронемашины", "weapons"}, {"бронеавтомобиля", "weapons"},
      {"бронеавтомобилей", "weapons"}, {"бронеавтомобили", "weapons"}, {"عربة", "weapons"}, {"مدرعة", "weapons"},
      {"مدرعه", "weapons"}, {"الية", "weapons"}, {"беспилотников", "weapons"}, {"беспилотника", "weapons"}, {"دبابات", "weapons"},
      {"دبابة", "weapons"}, {"دبابتين", "weapons"}, {"راجمات", "weapons"}, {"مدافع", "weapons"}, {"اليات", "weapons"},
      {"اليه", "weapons"}, {"عربات", "weapons"}, {"مدرعات", "weapons"}, {"طائرات", "weapons"}, {"tank", "weapons"},
      {"araç", "weapons"},
      // displaced
      {"displaced", "displaced"}, {"refugees", "displaced"}, {"беженцев", "displaced"}, {"переселенцев", "displaced"},
      {"نازحين", "displaced"}, {"نازح", "displaced"}, {"نازحا", "displaced"}, {"مهجرين", "displaced"},
      {"النازحين", "displaced"},
      // people (what happened to them is read from the verbs around)
      {"civilians", "people"}, {"civilian", "people"}, {"people", "people"}, {"persons", "people"},
      {"person", "people"}, {"children", "people"}, {"child", "people"}, {"women", "people"}, {"men", "people"},
      {"fighters", "people"}, {"militants", "people"}, {"soldiers", "people"}, {"troops", "people"},
      {"rebels", "people"}, {"members", "people"}, {"residents", "people"}, {"others", "people"},
      {"casualties", "people"}, {"families", "people"}, {"семей", "people"}, {"عائلات", "people"}, {"عائلة", "people"}, {"servicemen", "people"}, {"человек", "people"}, {"людей", "people"},
      {"мирных", "people"}, {"жителей", "people"}, {"детей", "people"}, {"ребенка", "people"},
      {"боевиков", "people"}, {"военных", "people"}, {"военнослужащих", "people"}, {"солдат", "people"},
      {"бойцов", "people"}, {"военнослужащий", "people"}, {"житель", "people"}, {"ребенок", "people"},
      {"ребёнок", "people"}, {"боец", "people"}, {"боевик", "people"}, {"боевика", "people"},
      {"террористов", "people"}, {"террориста", "people"}, {"террористы", "people"}, {"террорист", "people"},
      {"наемников", "people"}, {"наёмников", "people"}, {"сыновей", "people"}, {"сына", "people"},
      {"дочерей", "people"}, {"дочери", "people"}, {"sons", "people"}, {"daughters", "people"},
      {"brothers", "people"}, {"sisters", "people"}, {"женщина", "people"}, {"мужчина", "people"}, {"مدنيين", "people"}, {"مدنيا", "people"}, {"مدني", "people"}, {"اشخاص", "people"},
      {"شخص", "people"}, {"شخصا", "people"}, {"شخصين", "people"}, {"شخصان", "people"}, {"اطفال", "people"},
      {"طفل", "people"}, {"طفلا", "people"}, {"طفلين", "people"}, {"نساء", "people"}, {"عناصر", "people"},
      {"عنصرا", "people"}, {"عنصرين", "people"}, {"آخرون", "people"}, {"آخرين", "people"}, {"مقاتلين", "people"}, {"مقاتلا", "people"}, {"مقاتل", "people"}, {"عنصر", "people"}, {"جندي", "people"}, {"جنود", "people"},
      {"جنديا", "people"}, {"مسلحين", "people"}, {"افراد", "people"}, {"sivil", "people"}, {"kişi", "people"},
      {"kisi", "people"}, {"çocuk", "people"}, {"asker", "people"}, {"militan", "people"},
      // other: measures (canonical unit in measure_unit())
      {"km", "other"}, {"kilometres", "other"}, {"kilometers", "other"}, {"kilometre", "other"},
      {"kilometer", "other"}, {"miles", "other"}, {"metres", "other"}, {"meters", "other"}, {"m", "other"},
      {"mm", "other"}, {"percent", "other"}, {"per", "other"}, {"years", "other"}, {"year", "other"},
      {"months", "other"}, {"weeks", "other"}, {"days", "other"}, {"hours", "other"}, {"minutes", "other"},
      {"км", "other"}, {"километров", "other"}, {"километра", "other"}, {"метров", "other"}, {"м", "other"},
      {"мм", "other"}, {"процентов", "other"}, {"процента", "other"}, {"лет", "other"}, {"года", "other"},
      {"месяцев", "other"}, {"дней", "other"}, {"часов", "other"}, {"минут", "other"}, {"كم", "other"},
      {"كلم", "other"}, {"كيلومتر", "other"}, {"كيلومترات", "other"}, {"كيلومترا", "other"}, {"متر", "other"},
      {"امتار", "other"}, {"مترا", "other"}, {"ملم", "other"}, {"مم", "other"}, {"ملليمتر", "other"},
      {"بالمئة", "other"}, {"بالمائة", "other"}, {"سنوات", "other"}, {"اعوام", "other"}, {"اشهر", "other"},
      {"ايام", "other"}, {"ساعات", "other"}, {"دقائق", "other"}, {"kilometre", "other"}, {"metre", "other"},
      {"yıl", "other"}, {"saat", "other"}, {"times", "other"}, {"раз", "other"}, {"مرات", "other"},
      // (Turkish spans of time, also "for N days": "İki gündür", thirty-sixth held-out set)
      {"gün", "other"}, {"gündür", "other"}, {"saattir", "other"}, {"dakika", "other"}, {"dakikadır", "other"},
      {"hafta", "other"}, {"haftadır", "other"}, {"aydır", "other"}, {"yıldır", "other"},
      // (nights, trees and livestock: "İki gecedir", "about forty mulberry trees burned", "شي عشرين
      // شجرة زيتون"; forty-first held-out set, three of them made tolls)
      {"gece", "other"}, {"gecedir", "other"}, {"nights", "other"}, {"ночи", "other"}, {"ночей", "other"},
      {"ليال", "other"}, {"ليالي", "other"}, {"ليلتين", "other"}, {"trees", "other"}, {"tree", "other"},
{"شجرة", "other"}, {"شجره", "other"}, {"شجرات", "other"}, {"اشجار", "other"},
      {"деревьев", "other"}, {"дерева", "other"}, {"ağaç", "other"}, {"ağacı", "other"}, {"sheep", "other"},
      {"goats", "other"}, {"cows", "other"}, {"овец", "other"}, {"koyun", "other"}, {"راس", "other"},
      {"километровой", "other"}, {"километровая", "other"}, {"километровую", "other"}, {"километровый", "other"},
      {"kilometre", "other"}, {"kilometer", "other"},
      // other: places and things taken, held or lost, which are neither people nor projectiles
      // ("liberated two hills", "две высоты", "تلتين"): what they count is no casualty figure,
      // whatever killing word is near ("took two hills, killing dozens").
      {"hills", "other"}, {"heights", "other"}, {"villages", "other"}, {"towns", "other"}, {"positions", "other"}, {"posts", "other"}, {"checkpoints", "other"},
      {"buildings", "other"}, {"houses", "other"}, {"homes", "other"}, {"bridges", "other"},
      {"высоты", "other"}, {"высот", "other"}, {"сел", "other"}, {"деревень", "other"}, {"позиций", "other"},
      {"домов", "other"}, {"зданий", "other"}, {"تلال", "other"}, {"تلتين", "other"}, {"تلتان", "other"},
      {"قرى", "other"},
      // unexploded munitions found are counted, not fired or casualties ("seven unexploded
      // bomblets"); houses by their adjective ("три жилых дома"; not "дома" alone: "at home")
      {"bomblets", "other"}, {"submunitions", "other"}, {"unexploded", "other"},
      {"жилых", "other"}, {"жилые", "other"},
      {"مواقع", "other"}, {"منازل", "other"}, {"مباني", "other"}, {"tepe", "other"}, {"köy", "other"},
      // land, money and goods counted near a casualty word ("احتراق نحو أربعين دونماً وإصابة
      // مزارع": forty dunams burnt, a farmer hurt; thirty-second held-out set)
      {"دونما", "other"}, {"دونم", "other"}, {"دونمات", "other"}, {"hectares", "other"}, {"dunams", "other"},
      {"donums", "other"}, {"acres", "other"}, {"гектаров", "other"}, {"гектара", "other"}, {"dönüm", "other"},
      {"dekar", "other"}, {"dollars", "other"}, {"دولار", "other"}, {"دولارا", "other"}, {"ليرة", "other"},
      {"долларов", "other"}, {"tonnes", "other"}, {"tons", "other"}, {"тонн", "other"}, {"طن", "other"},
      {"اطنان", "other"},
      // (and Turkish houses, buildings and shops: "iki ev yıkıldı" was 2 injured)
      {"ev", "other"}, {"bina", "other"}, {"dükkan", "other"}, {"dükkân", "other"},
      // (and tents: "kamptaki üç çadırın yandığını, yaralanan olmadığını" was 3 injured; session 33)
      {"çadır", "other"}, {"tents", "other"}, {"палаток", "other"}, {"палатки", "other"}, {"خيم", "other"},
      {"خيام", "other"},
      // (people asked or served, never a toll: "Eleven respondents mentioned shells falling";
      // windows and panels broken, "زجاج ست نوافذ" was 6 injured; thirty-fourth held-out set)
      {"respondents", "other"}, {"interviewees", "other"}, {"participants", "other"}, {"households", "other"},
      {"beneficiaries", "other"}, {"windows", "other"}, {"panels", "other"}, {"نوافذ", "other"}, {"نافذة", "other"},
      {"نوافذه", "other"}, {"ألواح", "other"}, {"окон", "other"}, {"панелей", "other"}, {"pencere", "other"},
      {"panel", "other"},
      // (animals killed are no casualties: "Fourteen ewes were killed"; thirty-seventh held-out set)
      {"ewes", "other"}, {"sheep", "other"}, {"goats", "other"}, {"lambs", "other"}, {"cows", "other"},
      {"cattle", "other"}, {"animals", "other"}, {"livestock", "other"}, {"head", "other"}, {"chickens", "other"},
      {"овец", "other"}, {"овцы", "other"}, {"коз", "other"}, {"коров", "other"}, {"голов", "other"},
      {"баранов", "other"}, {"ягнят", "other"}, {"животных", "other"}, {"رأس", "other"}, {"رؤوس", "other"},
      {"نعجة", "other"}, {"نعاج", "other"}, {"خراف", "other"}, {"أغنام", "other"}, {"ماعز", "other"},
      {"أبقار", "other"}, {"بقرات", "other"}, {"koyun", "other"}, {"keçi", "other"}, {"inek", "other"},
      {"hayvan", "other"}, {"kuzu", "other"}};
  return m;
}

// Measures get one unit name whatever the language.
std::string measure_unit(const std::string& k) {
  static const KeyMap<std::string_view> m{
      {"km", "km"}, {"kilometres", "km"}, {"kilometers", "km"}, {"kilometre", "km"}, {"kilometer", "km"},
      {"км", "km"}, {"километров", "km"}, {"километра", "km"}, {"километровой", "km"}, {"километровая", "km"},
      {"километровую", "km"}, {"километровый", "km"}, {"كم", "km"}, {"كلم", "km"}, {"كيلومتر", "km"},
      {"كيلومترات", "km"}, {"كيلومترا", "km"}, {"metres", "m"}, {"meters", "m"}, {"m", "m"}, {"metre", "m"},
      {"метров", "m"}, {"м", "m"}, {"متر", "m"}, {"امتار", "m"}, {"مترا", "m"}, {"mm", "mm"}, {"мм", "mm"},
      {"ملم", "mm"}, {"مم", "mm"}, {"ملليمتر", "mm"}, {"percent", "%"}, {"per", "%"}, {"процентов", "%"},
      {"процента", "%"}, {"بالمئة", "%"}, {"بالمائة", "%"}, {"miles", "miles"}};
  const std::string_view* u = m.find(k);
  return u ? std::string(*u) : std::string();
}

// Words around a number that say what happened to the people counted ("killing 3 civilians",
// "3 civilians were wounded"). Russian and Turkish by stem prefix, the others whole words.
const KeyMap<std::string_view>& event_words() {
  static const KeyMap<std::string_view> m{
      {"killed", "fatalities"}, {"killing", "fatalities"}, {"kills", "fatalities"}, {"kill", "fatalities"},
      {"died", "fatalities"}, {"dead", "fatalities"}, {"dying", "fatalities"}, {"toll", "fatalities"},
      {"قتلوا", "fatalities"}, {"يقتل", "fatalities"}, {"hospital", "injured"}, {"hospitalised", "injured"},
      {"hospitalized", "injured"}, {"المستشفى", "injured"}, {"المشفى", "injured"}, {"جرحوا", "injured"}, {"قتل", "fatalities"}, {"قتلت", "fatalities"}, {"مقتل", "fatalities"},
      {"قتلى", "fatalities"}, {"قتلا", "fatalities"}, {"قتلتا", "fatalities"}, {"استشهدا", "fatalities"},
      {"اصيبا", "injured"}, {"جرحا", "injured"}, {"تصاوب", "injured"}, {"تصاوبو", "injured"}, {"تصاوبوا", "injured"},
      {"انصاب", "injured"}, {"انصابو", "injured"}, {"استشهاد", "fatalities"}, {"استشهد", "fatalities"}, {"مصرع", "fatalities"},
      {"حصيلة", "fatalities"}, {"ارتقى", "fatalities"}, {"ارتقوا", "fatalities"}, {"ارتقت", "fatalities"}, {"wounded", "injured"}, {"wounding", "injured"}, {"injured", "injured"},
      {"injuring", "injured"}, {"hurt", "injured"}, {"injuries", "injured"}, {"جرح", "injured"}, {"اصابة", "injured"}, {"اصيب", "injured"},
      {"اصيبوا", "injured"}, {"جرحى", "injured"}, {"displaced", "displaced"}, {"fled", "displaced"},
      {"نزوح", "displaced"}, {"نزح", "displaced"}, {"تهجير", "displaced"}, {"öldü", "fatalities"},
      {"hayatını", "fatalities"}, {"yaralandı", "injured"}};
  return m;
}
std::string_view event_word(const std::vector<std::string>& forms) {
  if (forms.empty()) return {};
  if (const auto* c = event_words().find_forms(forms)) return *c;
  const std::string& k = forms[0];
  // Russian stems: погиб-, убит-, убил-, гибел- (death), ранен-, ранил-, ранени-, пострада-.
  static const std::vector<std::pair<std::string, std::string_view>> ru{
      {"погиб", "fatalities"}, {"убит", "fatalities"}, {"убил", "fatalities"}, {"гибел", "fatalities"},
      {"унесл", "fatalities"}, {"госпитализ", "injured"},
      // "уничтожено 15 боевиков", "ликвидированы 30 террористов": destroyed / liquidated are
      // killed for people only ("уничтожено 3 склада" counts no one): "destroyed" here, read by
      // nearby_event as fatalities for a count of people and as nothing otherwise.
      {"уничтож", "destroyed"}, {"ликвидир", "destroyed"},
      {"ранен", "injured"},    {"ранил", "injured"},   {"пострада", "injured"}, {"бежал", "displaced"},
      {"покинул", "displaced"}};
  for (const auto& [p, c] : ru)
    if (k.compare(0, p.size(), p) == 0) return c;
  return {};
}

// Turkish nouns and verbs by stem (Turkish documents only): the possessive and case endings
// vary too much for whole words ("sivilin", "kişinin", "mermisi", "yaralandığını",
// "öldürüldüğünü"). Nouns: what is counted; verbs: what happened to those counted ("hayatını
// kaybetti", "öldü", "şehit oldu/düştü", "yaralandı"; "can verdi" is read by the caller).
const std::string_view* tr_count_noun(std::string_view k) {
  static const std::pair<std::string_view, std::string_view> stems[] = {
      {"sivil", "people"},       {"kişi", "people"},        {"kisi", "people"},        {"çocu", "people"},
      {"asker", "people"},       {"militan", "people"},     {"kadın", "people"},       {"savaşçı", "people"},
      {"işçi", "people"},        {"çiftçi", "people"},      {"çoban", "people"},       {"bekçi", "people"},
      {"ölü", "fatalities"},     {"yaralı", "injured"},     {"mermi", "explosions"},   {"roket", "explosions"},
      {"füze", "explosions"},    {"bomba", "explosions"},   {"saldırı", "explosions"}, {"tank", "weapons"},
      {"iha", "weapons"},        {"siha", "weapons"},       {"uçak", "weapons"},       {"helikopter", "weapons"},
      // (things, whatever their case: "üç çadırın yandığını", "iki binanın")
      {"çadır", "other"},        {"bina", "other"},         {"dükkan", "other"},       {"dönüm", "other"}};
  for (const auto& [stem, counts] : stems)
    if (k.starts_with(stem)) {
      // A verb made from the noun is no noun: "bombaladı" (bombed), "yaralandı" (was wounded).
      const std::string_view rest = k.substr(stem.size());
      for (std::string_view v : {"lad", "lam", "lay", "lan", "lıy", "liy", "led", "lem", "ley", "len"})
        if (rest.starts_with(v)) return nullptr;
      return &counts;
    }
  return nullptr;
}
std::string_view tr_event_word(std::string_view k) {
  static const std::pair<std::string_view, std::string_view> stems[] = {
      // (and the evidential past, "iki sivil ölmüş": set 34)
      {"öld", "fatalities"},     {"ölen", "fatalities"},    {"ölü", "fatalities"},     {"ölmüş", "fatalities"},
      {"hayatını", "fatalities"}, {"vefat", "fatalities"},  // ("iki çoban vefat etti", died)
      {"şehit", "fatalities"},   {"yaralan", "injured"},    {"yaralad", "injured"},    {"yaralı", "injured"},
      {"göç", "displaced"}};
  for (const auto& [stem, counts] : stems)
    if (k.starts_with(stem)) return counts;
  return {};
}

// Qualifier phrases before the number, longest first within a language.
struct Phrase {
  std::vector<std::string> keys;
  std::string_view qualifier;
};
const std::vector<Phrase>& before_qualifiers() {
  static const std::vector<Phrase> table = [] {
    std::vector<Phrase> t;
    auto add = [&](std::initializer_list<std::string_view> words, std::string_view q) {
      Phrase p{{}, q};
      for (auto w : words) p.keys.push_back(lexicon::key(w));
      t.push_back(std::move(p));
    };
    add({"no", "fewer", "than"}, "at_least"), add({"no", "less", "than"}, "at_least"), add({"as", "many", "as"}, "up_to");
    add({"more", "than"}, "more_than"), add({"at", "least"}, "at_least"), add({"up", "to"}, "up_to");
    add({"less", "than"}, "less_than"), add({"fewer", "than"}, "less_than"), add({"at", "most"}, "up_to");
    add({"over"}, "more_than"), add({"about"}, "about"), add({"around"}, "about"), add({"nearly"}, "about");
    add({"almost"}, "about"), add({"some"}, "about"), add({"approximately"}, "about"), add({"roughly"}, "about");
    add({"по", "меньшей", "мере"}, "at_least"), add({"как", "минимум"}, "at_least"), add({"не", "менее"}, "at_least");
    add({"не", "меньше"}, "at_least"), add({"не", "более"}, "up_to"), add({"более"}, "more_than");
    add({"больше"}, "more_than"), add({"свыше"}, "more_than"), add({"минимум"}, "at_least"), add({"около"}, "about");
    add({"порядка"}, "about"), add({"примерно"}, "about"), add({"почти"}, "about"), add({"приблизительно"}, "about");
    add({"до"}, "up_to"), add({"менее"}, "less_than"), add({"меньше"}, "less_than"), add({"максимум"}, "up_to");
    add({"ما", "لا", "يقل", "عن"}, "at_least"), add({"لا", "يقل", "عن"}, "at_least"), add({"ما", "يزيد", "عن"}, "more_than");
    add({"ما", "يزيد", "على"}, "more_than"), add({"ما", "يقرب", "من"}, "about"), add({"ما", "يصل", "إلى"}, "up_to");
    add({"أكثر", "من"}, "more_than"), add({"أقل", "من"}, "less_than"), add({"ما", "يقارب"}, "about");
    add({"يصل", "إلى"}, "up_to"), add({"نحو"}, "about"), add({"حوالي"}, "about"), add({"حوالى"}, "about");
    add({"قرابة"}, "about"), add({"زهاء"}, "about"), add({"حتى"}, "up_to");
    add({"en", "az"}, "at_least"), add({"yaklaşık"}, "about"), add({"yaklasik"}, "about");
    return t;
  }();
  return table;
}

// Arabic dual nouns that are their own number: "قتيلان", "جريحين", "قذيفتين" (2).
const KeyMap<std::string_view>& duals() {
  static const KeyMap<std::string_view> m{
          {"قتيلان", "fatalities"}, {"قتيلين", "fatalities"}, {"جريحان", "injured"}, {"جريحين", "injured"},
          {"شخصان", "people"},      {"شخصين", "people"},      {"طفلان", "people"},    {"طفلين", "people"},
          {"قذيفتان", "explosions"}, {"قذيفتين", "explosions"}, {"صاروخان", "explosions"}, {"صاروخين", "explosions"},
          {"غارتان", "explosions"}, {"غارتين", "explosions"}, {"دبابتان", "weapons"}, {"دبابتين", "weapons"},
          {"عنصران", "people"},     {"عنصرين", "people"},     {"مدنيان", "people"},  {"جنديين", "people"},
          {"جنديان", "people"},     {"عسكريان", "people"},    {"مقاتلان", "people"}, {"مسلحان", "people"},
          {"امرأتان", "people"},    {"امرأتين", "people"}};
  return m;
}

// Words that make the following number a reference, not a quantity ("resolution 2254",
// "point 6", "пункт 6", "البند 6", "madde 3").
const KeyMap<bool>& reference_words() {
  static const KeyMap<bool> m{
      {"resolution", true}, {"point", true}, {"article", true}, {"paragraph", true}, {"clause", true},
      {"item", true}, {"no", true}, {"number", true}, {"section", true}, {"page", true}, {"chapter", true},
      {"protocol", true}, {"резолюция", true}, {"резолюции", true}, {"резолюцию", true}, {"пункт", true},
      {"пункта", true}, {"пункте", true}, {"пунктом", true}, {"статья", true}, {"статьи", true}, {"статье", true},
      {"номер", true}, {"قرار", true}, {"القرار", true}, {"رقم", true}, {"البند", true}, {"بند", true},
      {"المادة", true}, {"مادة", true}, {"النقطة", true}, {"الفقرة", true}, {"madde", true}, {"karar", true},
      {"numaralı", true}};
  return m;
}

struct Scanner {
  const Document& doc;
  const std::vector<Token>& t;
  std::string lang;
  const lexicon::Words words;
  const std::vector<std::string>& k;
  const std::vector<std::vector<std::string>>& forms;
  const std::vector<lexicon::WordInfo>& info;
  std::vector<bool> in_date;
  // Per token, looked up once: what a noun counts, what a verb says happened, starts a number.
  std::vector<const std::string_view*> noun;
  std::vector<std::string_view> event;
  std::vector<bool> number_start;
  std::vector<std::optional<lexicon::Digits>> digit_cache;  // parse_digits of digit and Arabic tokens
  // The first token at or after code point cp.
  std::size_t token_index_at(std::size_t cp) const {
    return doc.token_at(cp);
  }
  std::vector<NumberMention> out;

  // A table's killed and injured columns ("No. | Date | Place | Killed / injured", a data
  // export's "…;killed;injured"): a figure alone in such a cell counts what the column's head
  // says; in a cell whose head names both ("Killed / injured" over "0 / 3"), the first figure the
  // first, the second the second (issue 14: the nineteenth and twentieth held-out sets' table
  // figures were "other"). The head is the latest line before the row with the same separator
  // and as many cells that names the dead or the wounded in a cell and holds no figure; the
  // heads are found once per text.
  struct TableHead {
    std::size_t begin;  // the head line's first byte
    char sep;
    std::size_t cells;
    std::vector<std::vector<std::string_view>> kinds;  // per cell: what it counts, in order
  };
  mutable std::optional<std::vector<TableHead>> heads;
  const std::vector<TableHead>& table_heads() const {
    if (heads) return *heads;
    heads.emplace();
    const std::string& text = doc.text();
    if (text.find('|') == std::string::npos && text.find(';') == std::string::npos) return *heads;
    // (lower-case stems; Arabic as written, with and without the article)
    static constexpr std::pair<std::string_view, std::string_view> kHeads[] = {
        {"killed", "fatalities"}, {"dead", "fatalities"}, {"deaths", "fatalities"}, {"fatalit", "fatalities"},
        {"injur", "injured"}, {"wounded", "injured"}, {"убит", "fatalities"}, {"погиб", "fatalities"},
        {"ранен", "injured"}, {"ölü", "fatalities"}, {"yaralı", "injured"},
        {"\xD9\x82\xD8\xAA\xD9\x84\xD9\x89" /* قتلى */, "fatalities"},
        {"\xD8\xB4\xD9\x87\xD8\xAF\xD8\xA7\xD8\xA1" /* شهداء */, "fatalities"},
        {"\xD8\xAC\xD8\xB1\xD8\xAD\xD9\x89" /* جرحى */, "injured"},
        {"\xD9\x85\xD8\xB5\xD8\xA7\xD8\xA8" /* مصاب */, "injured"}};
    for (std::size_t lb = 0; lb < text.size();) {
      const std::size_t le = doc.line_bytes(lb).second;
      if (const char sep = doc.cell_separator(lb)) {
        TableHead h{lb, sep, 0, {}};
        bool any = false;
        for (const auto& [cb, ce] : doc.row_cells(lb)) {
          std::string cell;
          icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + cb, static_cast<int32_t>(ce - cb)))
              .toLower(icu::Locale::getRoot())
              .toUTF8String(cell);
          std::vector<std::pair<std::size_t, std::string_view>> found;
          for (const auto& [stem, kind] : kHeads)
            for (std::size_t at = cell.find(stem); at != std::string::npos; at = cell.find(stem, at + 1))
              if (at == 0 || !std::isalpha(static_cast<unsigned char>(cell[at - 1]))) found.emplace_back(at, kind);
          std::sort(found.begin(), found.end());
          std::vector<std::string_view> kinds;
          for (const auto& f : found)
            if (kinds.empty() || kinds.back() != f.second) kinds.push_back(f.second);
          any = any || !kinds.empty();
          h.kinds.push_back(std::move(kinds));
        }
        h.cells = h.kinds.size();
        // (a head holds no figure: a row whose note says "rider killed" is none)
        bool figures = false;
        for (auto it = std::lower_bound(t.begin(), t.end(), lb, [](const Token& x, std::size_t b) { return x.b0 < b; });
             it != t.end() && it->b0 < le && !figures; ++it)
          figures = it->number;
        if (any && !figures) heads->push_back(std::move(h));
      }
      lb = le + 1;
    }
    return *heads;
  }
  std::optional<std::string> table_cell_counts(std::size_t byte) const {
    const char sep = doc.cell_separator(byte);
    if (sep == 0) return std::nullopt;
    const auto& hs = table_heads();
    const std::size_t lb = doc.line_bytes(byte).first;
    const auto cells = doc.row_cells(byte);
    // the nearest head above with this row's separator and cell count (heads are in text order)
    const TableHead* head = nullptr;
    for (auto it = std::lower_bound(hs.begin(), hs.end(), lb, [](const TableHead& h, std::size_t b) { return h.begin < b; });
         it != hs.begin() && !head;) {
      --it;
      if (it->sep == sep && it->cells == cells.size()) head = &*it;
    }
    if (!head) return std::nullopt;
    std::size_t col = 0;
    while (col < cells.size() && cells[col].second < byte) ++col;
    if (col >= head->kinds.size() || head->kinds[col].empty()) return std::nullopt;
    // the figures (number tokens) before this one in its cell
    const std::size_t cell_begin = cells[col].first;
    std::size_t idx = 0;
    for (auto it = std::lower_bound(t.begin(), t.end(), cell_begin, [](const Token& x, std::size_t b) { return x.b0 < b; });
         it != t.end() && it->b0 < byte; ++it)
      idx += it->number;
    if (idx >= head->kinds[col].size()) return std::nullopt;
    return std::string(head->kinds[col][idx]);
  }

  Scanner(const Document& d, const std::vector<DateMention>* known_dates)
      : doc(d), t(d.tokens()), lang(d.lang()), words(lexicon::words_of(d)), k(words.key), forms(words.forms),
        info(words.info), in_date(d.tokens().size(), false), noun(d.tokens().size(), nullptr),
        event(d.tokens().size()), number_start(d.tokens().size(), false), digit_cache(d.tokens().size()) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (!t[i].word) continue;
      if (t[i].script == Script::digit || t[i].script == Script::arabic) digit_cache[i] = lexicon::parse_digits(d.token_text(i));
      noun[i] = count_nouns().find_forms(forms[i]);
      // ("19 ч 40 мин": minutes of a clock, not 40 mines; thirty-fourth held-out set)
      // (and "19 ч. 40 мин.", the abbreviation's stop between: reviewer, session 34)
      if (k[i] == "мин" && i >= 1 && t[i - 1].word) {
        // ("через 40 мин", "продолжался 40 мин", "40 мин спустя": a span of minutes, not 40
        // mines, unless other munitions are counted with them: "40 мин и снарядов"; thirty-sixth
        // held-out set)
        static const std::set<std::string, std::less<>> kSpan{
            "через",   "спустя",      "течение",      "длился",       "длилась",      "длилось", "длились",
            "продолжался", "продолжалась", "продолжалось", "продолжались", "шел",          "шла",     "шло", "шли"};
        std::size_t h = i - 1;  // (the word before the number)
        if (i >= 2) {
          h = i - 2;
          while (h > 0 && !t[h].word && t[h].lower == ".") --h;
        }
        const bool clock = i >= 2 && t[h].word && (k[h] == "ч" || k[h] == "час" || k[h] == "часов");
        const bool span = i >= 2 && t[h].word && kSpan.count(k[h]) > 0;
        const bool with_munitions = i + 1 < t.size() && t[i + 1].word && (k[i + 1] == "и" || k[i + 1] == "или");
        const bool then = i + 1 < t.size() && t[i + 1].word && (k[i + 1] == "спустя" || k[i + 1] == "назад");
        if (clock || then || (span && !with_munitions)) noun[i] = count_nouns().find_forms({"минут"});
      }
      event[i] = event_word(forms[i]);
      // "the death of four soldiers", "the deaths of two civilians": the noun before "of" says
      // what happened to those counted after it (as "killing" would).
      if ((k[i] == "death" || k[i] == "deaths") && i + 1 < t.size() && t[i + 1].word && t[i + 1].lower == "of")
        event[i] = "fatalities";
      if (lang == "tr" && t[i].script == Script::latin) {
        if (!noun[i]) noun[i] = tr_count_noun(k[i]);
        // "askerî" (military, an adjective: "bir Türk askerî noktası", a Turkish military post),
        // also written "askeri" before the thing it qualifies: no person counted.
        if (noun[i] && (k[i].ends_with("î") ||
                        (k[i] == "askeri" && i + 1 < t.size() && t[i + 1].word &&
                         [&] {
                           const std::string nx = lexicon::key(t[i + 1].lower);
                           for (std::string_view w : {"nokta", "üs", "mevzi", "konvoy", "araç", "kaynak", "yetkili"})
                             if (nx.starts_with(w)) return true;
                           return false;
                         }())))
          noun[i] = nullptr;
        if (event[i].empty()) event[i] = tr_event_word(k[i]);
        // "can verdi" (gave their life): killed; "can" alone is "life" ("can kaybı").
        if (event[i].empty() && k[i] == "can" && i + 1 < t.size() && t[i + 1].word) {
          const std::string next = lexicon::key(t[i + 1].lower);
          if (next.starts_with("ver")) event[i] = "fatalities";
        }
      }
      number_start[i] = t[i].number || info[i].number.has_value() || digit_cache[i].has_value();
    }
    // Tokens inside dates ("12 October 2018", "two days ago") are not numbers.
    std::vector<DateMention> found;
    if (!known_dates) found = detail::find_dates(d, words, std::nullopt, nullptr);
    const std::vector<DateMention>& dates = known_dates ? *known_dates : found;
    std::size_t i = 0;
    for (const auto& m : dates) {
      while (i < t.size() && t[i].span.end <= m.span.begin) ++i;
      for (std::size_t j = i; j < t.size() && t[j].span.begin < m.span.end; ++j) in_date[j] = true;
    }
    // A day before a Hijri month's name is a date, even where a Gregorian twin stands for it
    // ("صباح الاثنين ٤ رمضان (٢٧ نيسان)": 4 Ramadan was counted as 4 dead; thirty-fourth
    // held-out set). The months that are no everyday words.
    static const std::set<std::string> kHijri{lexicon::key("رمضان"), lexicon::key("شوال"), lexicon::key("شعبان"),
                                              lexicon::key("رجب"), "ramadan", "ramazan", "shawwal", "şevval", "рамадана",
                                              "рамазана", "шавваля"};
    for (std::size_t j = 0; j + 1 < t.size(); ++j)
      if (word(j) && digit_cache[j] && word(j + 1) && kHijri.count(k[j + 1])) in_date[j] = true;
    // An item's number opening its line ("2. шахид | …", "3) …", "١- …"): a list's order, no
    // count (a flash card's "2." was 2 dead; thirty-fourth held-out set).
    for (std::size_t j = 0; j + 1 < t.size(); ++j)
      // (the mark glued to the number and the number opening its sentence: not a hard-wrapped
      // "rose to\n5. Rescuers …", nor a tally's "2 - dead civilians"; reviewer, session 34)
      if (word(j) && t[j].number && doc.opens_line(t[j].b0) && !t[j + 1].word && t[j + 1].b0 == t[j].b1 &&
          (t[j + 1].lower == "." || t[j + 1].lower == ")" || t[j + 1].lower == "-") && t[j + 1].b1 < doc.text().size() &&
          doc.text()[t[j + 1].b1] == ' ' && doc.sentences()[t[j].sentence].first_token == j)
        in_date[j] = true;
  }

  std::size_t n() const { return t.size(); }
  bool word(std::size_t i) const { return i < n() && t[i].word; }
  bool punct(std::size_t i, std::string_view p) const { return i < n() && !t[i].word && t[i].lower == p; }
  bool adjacent(std::size_t i, std::size_t j) const { return i < n() && j < n() && t[i].span.end == t[j].span.begin; }

  struct Read {
    std::uint64_t value = 0;
    std::size_t first = 0, last = 0;
    bool vague = false;
    bool weak = false;  // "one", "bir", "واحد": reported only with a count noun
    bool words = false;  // written in words: reported only with a count noun or an event word
    std::string unit;   // from a suffix ("122mm")
    std::string_view counts;  // an Arabic dual noun: what it counts
  };

  // Digits (with a multiplier word after: "2 million", "3 тысячи"), or number words.
  std::optional<Read> read_number(std::size_t i) const {
    if (!word(i) || in_date[i]) return std::nullopt;
    if (const auto& d = digit_cache[i]) {
      if (d->dotted) return std::nullopt;  // a decimal or a dotted date
      Read r{d->value, i, i, false, false, false, {}, {}};
      if (!d->suffix.empty()) {
        const std::string sk = lexicon::key(d->suffix);
        r.unit = measure_unit(sk);
        if (r.unit.empty()) return std::nullopt;  // "12th", "3x"
      }
      // "1 200" (Russian) / "1\u00A0200": thousands written with a space.
      while (d->digit_count <= 3 && word(r.last + 1) && r.unit.empty()) {
        const std::string_view gap(doc.text().data() + t[r.last].b1, t[r.last + 1].b0 - t[r.last].b1);
        const bool nbsp = gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
        if (!(nbsp || (gap == " " && lang == "ru"))) break;
        auto next = lexicon::parse_digits(doc.token_text(r.last + 1));
        if (!next || next->digit_count != 3 || next->separators || next->dotted || !next->suffix.empty() ||
            in_date[r.last + 1])
          break;
        r.value = r.value * 1000 + next->value;
        ++r.last;
      }
      if (word(r.last + 1) && !in_date[r.last + 1] && r.unit.empty()) {
        if (const auto& w = info[r.last + 1].number; w && w->multiplier) {
          r.value *= w->value;
          ++r.last;
        }
      }
      return r;
    }
    return read_words(i);
  }

  std::optional<Read> read_words(std::size_t i) const {
    static const std::string one_ar = lexicon::key("أحد"), one_ar_f = lexicon::key("إحدى"), two_ar = lexicon::key("اثنا"),
                             two_ar2 = lexicon::key("اثني"), two_ar3 = lexicon::key("اثنتا"), two_ar4 = lexicon::key("اثنتي"),
                             one_ar3 = lexicon::key("حادي"), al = lexicon::key("ال");
    Read r;
    r.first = i;
    std::size_t j = i;
    // "a dozen", "a hundred", "a thousand"
    if ((k[i] == "a" || k[i] == "an") && word(i + 1)) {
      const auto& w = info[i + 1].number;
      if (!w || !w->multiplier) return std::nullopt;  // "a hundred", "a dozen"
      j = i + 1;
    }
    // Arabic 11 and 12: "أحد عشر", "إحدى عشرة", "اثنا عشر", "اثني عشر".
    if (is_arabic_key(k[i]) && word(i + 1)) {
      // With the article ("الاثنتي عشرة" = the twelve) the number describes a known set: it is
      // reported only with a count noun after it.
      const bool definite = k[i].size() > al.size() + 4 && k[i].compare(0, al.size(), al) == 0;
      const std::string bare = definite ? k[i].substr(al.size()) : k[i];
      const bool ones = bare == one_ar || bare == one_ar_f || bare == one_ar3,
                 twos = bare == two_ar || bare == two_ar2 || bare == two_ar3 || bare == two_ar4;
      if (ones || twos) {
        const auto& ten = info[i + 1].number;
        if (ten && ten->value == 10 && !ten->vague) {
          r.value = ones ? 11 : 12;
          r.last = i + 1;
          r.words = true;
          r.weak = definite;
          return r;
        }
        return std::nullopt;
      }
    }
    std::uint64_t total = 0, current = 0, last_added = 0;
    bool any = false;
    std::size_t last = j;
    for (std::size_t p = j; p < n(); ++p) {
      if (!word(p) || in_date[p]) {
        // "twenty-five"
        if (any && punct(p, "-") && adjacent(p - 1, p) && adjacent(p, p + 1)) continue;
        break;
      }
      if (any && (k[p] == "and") && word(p + 1) && info[p + 1].number) continue;
      const auto& w = info[p].number;
      if (!w) break;
      if (w->vague && !(w->multiplier && (any || j != i))) {
        if (any) break;
        r.value = w->value;
        r.vague = true;
        r.last = p;
        r.words = true;
        // "tens of thousands", "hundreds of thousands", "десятки тысяч", "عشرات الآلاف"
        std::size_t q = p + 1;
        if (word(q) && k[q] == "of") ++q;
        if (word(q) && !in_date[q])
          if (const auto& big = info[q].number; big && big->vague && big->value > w->value) {
            r.value = w->value * big->value;
            r.last = q;
          }
        // "several dozen", "a few dozen": dozens
        if (p >= 1 && word(p - 1) && (k[p - 1] == "several" || k[p - 1] == "few")) r.first = p - 1;
        return r;
      }
      if (w->multiplier) {
        if (p == j && (k[p] == "hundred" || k[p] == "thousand" || k[p] == "million") && j == i) break;  // "hundred" alone
        current = std::max<std::uint64_t>(current, 1) * w->value;
        if (w->value >= 1000) total += current, current = 0;
        last_added = w->value;
        any = true;
        last = p;
        continue;
      }
      // Arabic writes the unit first: "ثلاثة عشر" (13), "خمسة وعشرون" (5 and 20).
      const bool ar_after_unit = is_arabic_key(k[p]) && last_added < 10 &&
                                 (w->value == 10 || (w->value >= 20 && w->value <= 90 && k[p].compare(0, 2, "و") == 0));
      if (any && last_added != 0 && w->value >= last_added && !ar_after_unit) break;
      current += w->value;
      last_added = w->value;
      any = true;
      last = p;
    }
    if (!any) return std::nullopt;
    r.value = total + current;
    r.last = last;
    // "one" / "bir" / "واحد" / "один" alone are more often "a" or "one of" than a count.
    r.weak = r.value == 1 && r.first == r.last;
    if (lang == "tr" && r.value == 1) r.weak = true;
    r.words = true;
    return r;
  }

  // Arabic clitic letters glued to the first word of a mention ("و5", "وأكثر من", "وجريحين").
  std::size_t clitic_letters(std::size_t i) const {
    if (t[i].script != Script::arabic) return 0;
    if (const auto& d = digit_cache[i]; d && !d->prefix.empty()) return 1;
    return lexicon::clitic_letters(forms[i], [&](const std::string& f) {
      if (lexicon::number_word(f, lang) || duals().find_forms({f})) return true;
      for (const auto& p : before_qualifiers())
        if (p.keys[0] == f) return true;
      return false;
    });
  }

  // A number that is not a quantity: a time, a designation, a reference, a bare year.
  bool not_a_quantity(const Read& r) const {
    const std::size_t i = r.first;
    // "6 a.m.", "в 6 утра", "الساعة 6", "saat 6"
    static const KeyMap<bool> clock_after{{"am", true}, {"pm", true}, {"a.m", true}, {"p.m", true}, {"утра", true},
                                          {"вечера", true}, {"ночи", true}, {"gmt", true}, {"utc", true}};
    // (and "عالساعة ١١", "بالساعة", colloquial "at the hour"; thirty-sixth held-out set)
    static const KeyMap<bool> clock_before{{"الساعة", true}, {"عالساعة", true}, {"بالساعة", true}, {"والساعة", true},
                                           {"saat", true}, {"at", false}};
    if (word(r.last + 1) && clock_after.find_forms(forms[r.last + 1])) return true;
    if (i >= 1 && word(i - 1))
      if (const bool* b = clock_before.find_forms(forms[i - 1]); b && *b) return true;
    // A Russian ordinal, its ending after a hyphen: "мечеть 19-го века" (a nineteenth-century
    // mosque: 19 injured), "5-й батальон", "в 3-м квартале". (Not a cardinal's case ending,
    // "гибель 3-х человек", "5-ти": those are counts.)
    if (lang == "ru" && punct(r.last + 1, "-") && adjacent(r.last, r.last + 1) && word(r.last + 2) &&
        adjacent(r.last + 1, r.last + 2)) {
      static const std::set<std::string> kOrdinal{"го", "ого", "й", "ый", "ий", "ой", "я", "ая", "е", "ое", "ую", "му", "ому", "ом"};
      if (kOrdinal.count(k[r.last + 2])) return true;
    }
    // "08:30"
    if (punct(r.last + 1, ":") && adjacent(r.last, r.last + 1) && word(r.last + 2) && adjacent(r.last + 1, r.last + 2))
      return true;
    if (i >= 2 && punct(i - 1, ":") && adjacent(i - 1, i) && word(i - 2) && adjacent(i - 2, i - 1) && t[i - 2].number) return true;
    // Houses right after the number ("Повреждены два дома, пострадавших нет" was 2 injured;
    // thirty-eighth held-out set; "дома" further on is "at home": "двое остались дома")
    if (word(r.last + 1) && (k[r.last + 1] == "дома" || k[r.last + 1] == "домах")) return true;
    // Animals counted ("killing 20 sheep", "7 of his pigeons", "٢٠ رأس غنم", "20 голов скота", "7
    // koyun"): no people's casualties (twenty-seventh held-out set: a pigeon fanciers' group's 20
    // birds were read as 20 killed, a bird count's 7 sheep as 7 injured).
    {
      static const KeyMap<bool> animals{
          {"sheep", true}, {"goat", true}, {"goats", true}, {"cow", true}, {"cows", true}, {"cattle", true},
          {"pigeon", true}, {"pigeons", true}, {"bird", true}, {"birds", true}, {"chickens", true}, {"hens", true},
          {"horses", true}, {"donkeys", true}, {"camels", true}, {"lambs", true}, {"animals", true}, {"livestock", true},
          {"beehives", true}, {"hives", true}, {"dogs", true}, {"head", true},
          {"غنم", true}, {"اغنام", true}, {"خراف", true}, {"خروف", true}, {"راس", true}, {"رؤوس", true}, {"روس", true},
          {"بقره", true}, {"ابقار", true}, {"بقرات", true}, {"حمام", true}, {"حمامه", true}, {"حمامات", true},
          {"طير", true}, {"طيور", true}, {"دجاج", true}, {"دجاجه", true}, {"ماشيه", true}, {"ماعز", true},
          {"نعجه", true}, {"نعاج", true}, {"خلايا", true},
          {"овец", true}, {"овцы", true}, {"овцу", true}, {"коз", true}, {"козы", true}, {"коров", true}, {"коровы", true},
          {"голов", true}, {"головы", true}, {"голубей", true}, {"голубя", true}, {"кур", true}, {"птиц", true},
          {"лошадей", true}, {"баранов", true}, {"ульев", true},
          {"koyun", true}, {"keçi", true}, {"inek", true}, {"güvercin", true}, {"tavuk", true}, {"kuş", true},
          {"hayvan", true}, {"baş", true}, {"kovan", true},
          // (possessed: "çoban Cuma'nın 5 koyunu öldü", the shepherd's five sheep; set 35)
          {"koyunu", true}, {"koyunları", true}, {"koyunlar", true}, {"keçisi", true}, {"keçileri", true},
          {"ineği", true}, {"inekleri", true}, {"hayvanı", true}, {"hayvanları", true}, {"tavuğu", true},
          {"tavukları", true}};
      std::size_t j = r.last + 1;
      // ("7 of his pigeons", "20 of the sheep")
      if (word(j) && t[j].lower == "of") {
        ++j;
        if (word(j) && (t[j].lower == "his" || t[j].lower == "her" || t[j].lower == "their" || t[j].lower == "our" ||
                        t[j].lower == "the" || t[j].lower == "my"))
          ++j;
      }
      if (word(j) && animals.find_forms(forms[j])) return true;
    }
    // A person's age: "aged 60", "в возрасте 60 лет", "عمره 60 عاماً", "60 yaşındaki", "a man of
    // about 60", "a 45-year-old woman" (issue 14, twenty-first held-out set: "a man of about 60,
    // died" was read as 60 dead).
    {
      // (Russian "лет" before the number, the colloquial age: "девочку лет десяти", a girl of about
      // ten; thirty-eighth held-out set: read as 10 injured)
      static const KeyMap<bool> age_before{{"aged", true}, {"age", true}, {"возрасте", true}, {"عمره", true},
                                           {"عمرها", true}, {"العمر", true}, {"лет", true}};
      static const KeyMap<bool> age_after{{"yaşında", true}, {"yaşındaki", true}, {"yasinda", true},
                                          {"yasindaki", true}, {"عاما", true}, {"عاماً", true}, {"летний", true},
                                          {"летняя", true}, {"летнего", true}, {"летней", true}, {"летних", true},
                                          {"летние", true}, {"летним", true}, {"летними", true}};
      // (a person, one this number may be the age of)
      static const KeyMap<bool> person_noun{
          {"man", true},      {"woman", true},  {"boy", true},     {"girl", true},   {"farmer", true},
          {"shepherd", true}, {"teacher", true}, {"mother", true}, {"father", true}, {"son", true},
          {"daughter", true}, {"driver", true}, {"child", true},   {"nurse", true},  {"doctor", true},
          {"wife", true},     {"husband", true}, {"brother", true}, {"sister", true}, {"resident", true},
          {"person", true}};
      static const KeyMap<bool> about{{"about", true}, {"around", true}, {"some", true}, {"nearly", true}, {"almost", true},
                                      {"около", true}, {"примерно", true}, {"نحو", true}, {"yaklaşık", true}};
      std::size_t b = i;  // ("aged about 60")
      if (b >= 1 && word(b - 1) && about.find_forms(forms[b - 1])) --b;
      if (b >= 1 && word(b - 1) && age_before.find_forms(forms[b - 1])) return true;
      // Russian "ей девять", "ему семь" (she is nine): a dative pronoun right before a number
      // that no noun follows (session 33, a development text: read as nine injured).
      if (b >= 1 && word(b - 1) && (k[b - 1] == "ей" || k[b - 1] == "ему") && !(word(r.last + 1) && noun[r.last + 1]))
        return true;
      // "at the age of 60"
      if (b >= 2 && word(b - 1) && k[b - 1] == "of" && word(b - 2) && k[b - 2] == "age") return true;
      if (word(r.last + 1) && age_after.find_forms(forms[r.last + 1])) return true;
      // ("60-летний": the hyphen between)
      if (punct(r.last + 1, "-") && word(r.last + 2) && age_after.find_forms(forms[r.last + 2])) return true;
      // "45-year-old"
      if (punct(r.last + 1, "-") && word(r.last + 2) && k[r.last + 2] == "year" && punct(r.last + 3, "-") &&
          word(r.last + 4) && k[r.last + 4] == "old")
        return true;
      std::size_t j = i;
      if (j >= 1 && word(j - 1) && about.find_forms(forms[j - 1])) --j;
      if (j >= 2 && word(j - 1) && k[j - 1] == "of" && word(j - 2) && person_noun.find_forms(forms[j - 2]) &&
          !(word(r.last + 1) && noun[r.last + 1]))
        return true;
      // "a woman, 35, and her son", "a farmer (62)": a person, then the number alone between
      // commas or brackets (twenty-second held-out set: read as 35 injured).
      // (one person: "a"/"an"/"one" before the noun, or the noun opening its line, "Woman, 52,";
      // not a tally's "child, 3; woman, 2")
      // ("the beekeeper's son, 16,", "our driver, 45,": a determiner or a possessive makes it one)
      static const KeyMap<bool> one_of{{"a", true},   {"an", true},    {"one", true}, {"the", true}, {"our", true},
                                       {"his", true}, {"her", true},   {"their", true}, {"my", true}, {"its", true}};
      const bool one_person = i >= 3 && word(i - 3) &&
                              (one_of.find_forms(forms[i - 3]) || t[i - 3].lower.ends_with("'s") ||
                               t[i - 3].lower.ends_with("\u2019s"));
      const bool opens = i >= 2 && t[i - 2].capitalised && (i == 2 || t[i - 3].sentence != t[i - 2].sentence || punct(i - 3, "-") ||
                                                  punct(i - 3, "\u2013") || punct(i - 3, ":"));
      const bool opened = i >= 2 && (punct(i - 1, ",") || punct(i - 1, "(")) && word(i - 2) &&
                          person_noun.find_forms(forms[i - 2]) && r.last == i && (one_person || opens);
      const bool closed = r.last + 1 >= t.size() || (punct(i - 1, "(") ? punct(r.last + 1, ")")
                                                                        : (punct(r.last + 1, ",") || punct(r.last + 1, ".") ||
                                                                           punct(r.last + 1, ";")));
      if (opened && closed && t[i].number) return true;
      // (the person's name between: "His son Omar, 14, is wounded", "a boy, Ahmad (9)"; thirty-ninth
      // held-out set: read as 14 injured)
      // (a name alone too, between commas or before a full stop: "killed Ahmad, 35, a teacher",
      // "Omar, 14, and Ali, 12, were wounded", "Abu Ahmad, 45, said"; reviewer, session 39; not
      // "Saraqib, 3 wounded", no comma after the number, nor a month's "May, 14,". A bracketed age
      // after a name alone, "ранен Омар (14)", is not read: see below)
      static const KeyMap<bool> not_name{{"january", true}, {"february", true}, {"march", true}, {"april", true},
                                         {"may", true}, {"june", true}, {"july", true}, {"august", true},
                                         {"september", true}, {"october", true}, {"november", true}, {"december", true},
                                         {"total", true}, {"killed", true}, {"wounded", true}, {"injured", true}};
      // (in brackets only after a person noun, "a girl, Rima (9)": "Killed: Babila (3), Balqah (2)"
      // is a tally by village)
      const bool name_before = i >= 2 && word(i - 2) && t[i - 2].capitalised && t[i - 2].sentence == t[i].sentence &&
                               !not_name.find_forms(forms[i - 2]) && r.last == i && t[i].number && r.value <= 110;
      const bool person_before = (i >= 3 && word(i - 3) && person_noun.find_forms(forms[i - 3])) ||
                                 (i >= 4 && punct(i - 3, ",") && word(i - 4) && person_noun.find_forms(forms[i - 4]));
      const bool named = name_before && ((punct(i - 1, ",") && (punct(r.last + 1, ",") || punct(r.last + 1, ".") ||
                                                                 r.last + 1 >= t.size())) ||
                                         (punct(i - 1, "(") && person_before));
      if (named && closed) return true;
      // A bracketed number alone after a titled name: "Mr. Y. (41)", "Dr Hasan (52)", "السيد
      // محمد (41)", "Bay Ahmet K. (34)" (twenty-sixth held-out set: "Our pharmacist, Mr. Y. (41),
      // was not hurt" was read as 41 injured). Turkish writes any name so: "Mehmet K. (34)" —
      // a capitalised name and an initial.
      if (i >= 2 && punct(i - 1, "(") && punct(r.last + 1, ")") && r.last == i && t[i].number) {
        static const KeyMap<bool> title{{"mr", true},    {"mrs", true},   {"ms", true},     {"dr", true},
                                        {"sheikh", true}, {"haji", true}, {"hajji", true},  {"господин", true},
                                        {"гражданин", true}, {"гражданка", true}, {"السيد", true}, {"السيدة", true},
                                        {"الحاج", true}, {"الشيخ", true}, {"bay", true}, {"bayan", true}};
        bool titled = false, initial = false;
        // (Arabic: the title at most two words before, and no word right after the bracket —
        // "وقال الشيخ إن القصف قتل (12) مدنياً" counts twelve)
        const bool arabic = t[i - 2].script == Script::arabic;
        const std::size_t reach = arabic && word(r.last + 2) ? 0 : arabic ? 2 : 5;
        for (std::size_t b2 = i - 1, n = 0; b2-- > 0 && n < reach; ++n) {
          // (no sentence test: the splitter may end one at an initial's full stop, "Mr. Y. (41)")
          if (word(b2) && title.find_forms(forms[b2])) titled = true;
          const bool letter = word(b2) && !t[b2].number && t[b2].span.end - t[b2].span.begin == 1 && punct(b2 + 1, ".");
          initial = initial || letter;
          if (!(punct(b2, ".") || letter || (word(b2) && (t[b2].capitalised || titled || t[b2].script == Script::arabic))))
            break;
          if (titled) break;
        }
        if (titled || (lang == "tr" && initial)) return true;
        // (and a full name, two capitalised Latin or Cyrillic words, with a verb or a noun of
        // the sentence after the bracket: "Muhammed Halil (34) evinin önünde yaralandı", "Ahmad
        // Khalil (34) was wounded"; not a bulletin's count by place, "Kafr Nabl (3) and Hass (2)",
        // "Слинфа (2), Кинсабба (1)")
        static const KeyMap<bool> link{{"and", true}, {"or", true}, {"ve", true}, {"veya", true}, {"ile", true},
                                       {"и", true},   {"или", true}};
        const bool two_names = i >= 3 && word(i - 2) && word(i - 3) && t[i - 2].capitalised && t[i - 3].capitalised &&
                               !t[i - 2].number && !t[i - 3].number && t[i - 2].script != Script::arabic &&
                               t[i - 3].script == t[i - 2].script && t[i - 3].sentence == t[i].sentence;
        // (nor a tally by place, an earlier bracketed count in the sentence: "Kafr Nubl (3) ve Han
        // Şeyhun (5) ilçelerinde"; reviewer)
        bool tally = false;
        for (std::size_t x = i - 1; x-- > 1 && t[x].sentence == t[i].sentence && !tally;)
          tally = t[x].number && punct(x - 1, "(") && punct(x + 1, ")");
        if (two_names && !tally && word(r.last + 2) && !t[r.last + 2].number && !link.find_forms(forms[r.last + 2])) return true;
      }
    }
    // "T-72", "BM-21", "Су-24", "S-300": letters, hyphen, digits, written together.
    if (i >= 2 && punct(i - 1, "-") && adjacent(i - 1, i) && word(i - 2) && adjacent(i - 2, i - 1) && !t[i - 2].number)
      return true;
    // "resolution 2254", "пункт 6", "№ 5", "#3"
    if (i >= 1 && word(i - 1) && reference_words().find_forms(forms[i - 1])) return true;
    if (i >= 1 && (punct(i - 1, "№") || punct(i - 1, "#"))) return true;
    // Turkish post and item numbers after the number: "9 No'lu Gözlem Noktası", "3 numaralı".
    if (lang == "tr" && word(r.last + 1) && (k[r.last + 1] == "no" || k[r.last + 1].starts_with("numara"))) return true;
    // Turkish ordinals: "8'inci", "3'üncü", "2'nci" (the eighth patrol).
    if (lang == "tr" && (punct(r.last + 1, "'") || punct(r.last + 1, "\u2019")) && word(r.last + 2) &&
        adjacent(r.last, r.last + 1) && adjacent(r.last + 1, r.last + 2)) {
      const std::string& sfx = k[r.last + 2];
      for (std::string_view o : {"inci", "ıncı", "uncu", "üncü", "nci", "ncı", "ncu", "ncü"})
        if (sfx == o) return true;
    }
    return false;
  }

  // A toll that rose (or was revised) to a figure: "the death toll from Monday's strikes had
  // risen to eight", "was revised to three",
  // "число погибших возросло до девяти", "ارتفعت حصيلة ضحايا الغارات إلى تسعة", "bringing the
  // toll to eight". `i` is the number's first token (a qualifier before it skipped: "rose to
  // more than 20"); returns the index of "to" / "до" / "إلى" before it when a rise verb stands
  // within ten words before that (Arabic puts the verb first) in the same clause.
  std::optional<std::size_t> risen_to(std::size_t i) const {
    static const KeyMap<bool> to{{"to", true}, {"до", true}, {"إلى", true}, {"الى", true}};
    static const KeyMap<bool> rise{{"rose", true},     {"bringing", true},    {"brought", true},     {"risen", true},
                                   {"climbed", true},  {"increased", true},   {"jumped", true},      {"mounted", true},
                                   {"возросло", true}, {"возросла", true},    {"возрос", true},      {"выросло", true},
                                   {"выросла", true},  {"вырос", true},       {"увеличилось", true}, {"увеличилась", true},
                                   {"ارتفعت", true},   {"ارتفع", true},
                                   // a toll revised either way ("was revised to three", "lowered to")
                                   {"revised", true},  {"corrected", true},   {"lowered", true},     {"updated", true},
                                   {"reduced", true},  {"снизилось", true},   {"уточнено", true}};
    if (auto q = qualifier_before(i); q && !to.find_forms(forms[q->first])) i = q->first;  // ("до девяти": "до" is the "to")
    std::size_t j = i;
    while (j > 0 && !t[j - 1].word && t[j - 1].sentence == t[i].sentence) --j;
    if (j == 0 || !word(j - 1) || t[j - 1].sentence != t[i].sentence || !to.find_forms(forms[j - 1])) return std::nullopt;
    for (std::size_t d = 2, seen = 0; d <= j && seen < 10; ++d) {
      const std::size_t v = j - d;
      if (t[v].sentence != t[i].sentence || punct(v, ",") || punct(v, "\u060C") || punct(v, ";")) break;
      if (!t[v].word) continue;
      ++seen;
      if (rise.find_forms(forms[v])) return j - 1;
    }
    return std::nullopt;
  }
  // What the toll before a risen figure counts, from `first` ("to") back in its clause (up to
  // 25 words, no comma, no other number): a toll noun ("toll", "حصيلة", "ضحايا", "погибших",
  // "жертв", "раненых"), or a killing or wounding word within three words after "number" /
  // "число" / "عدد" / "sayısı" ("the number of people killed"). The first event word of
  // another kind ends the search ("the number of displaced families"), and so does a killing
  // verb that is no toll ("killed a soldier …, and Turkey brought reinforcements to four").
  std::string_view toll_word(std::size_t first) const {
    static const KeyMap<bool> toll_nouns{{"toll", true},     {"casualties", true}, {"حصيلة", true},  {"ضحايا", true},
                                         {"الضحايا", true},  {"погибших", true},   {"жертв", true},  {"раненых", true},
                                         {"пострадавших", true}};
    static const KeyMap<bool> number_nouns{{"number", true}, {"число", true}, {"количество", true}, {"عدد", true},
                                           {"sayısı", true}, {"sayisi", true}};
    for (std::size_t d = 1, words = 0; d <= first && words < 25; ++d) {
      const std::size_t j = first - d;
      if (t[j].sentence != t[first].sentence || (t[j].word && !in_date[j] && is_number_start(j)) || punct(j, ",") ||
          punct(j, "\u060C") || punct(j, ";"))
        break;
      if (!t[j].word) continue;
      ++words;
      const std::string_view c = event[j];
      if (toll_nouns.find_forms(forms[j])) return c == "injured" ? c : std::string_view("fatalities");
      if (c.empty()) continue;
      if (c != "fatalities" && c != "injured") return {};
      for (std::size_t x = j, w = 0; x-- > 0 && w < 3 && t[x].sentence == t[j].sentence;)
        if (t[x].word) {
          ++w;
          if (number_nouns.find_forms(forms[x])) return c;
        }
      // Turkish: "ölenlerin sayısı" (the number of the dead) has the number noun after.
      if (j + 1 < first && word(j + 1) && number_nouns.find_forms(forms[j + 1])) return c;
      return {};
    }
    return {};
  }

  // The qualifier phrase ending just before token i: its first token and qualifier.
  std::optional<std::pair<std::size_t, std::string_view>> qualifier_before(std::size_t i) const {
    for (const auto& p : before_qualifiers()) {
      const std::size_t len = p.keys.size();
      if (i < len) continue;
      bool ok = true;
      for (std::size_t q = 0; q < len && ok; ++q) {
        const std::size_t tok = i - len + q;
        if (!word(tok) || in_date[tok] || t[tok].sentence != t[i].sentence) ok = false;
        else if (k[tok] != p.keys[q]) {
          ok = false;
          if (q == 0 && is_arabic_key(k[tok]))
            for (const auto& s : forms[tok]) ok = ok || s == p.keys[q];
        }
      }
      if (ok) return std::make_pair(i - len, p.qualifier);
    }
    return std::nullopt;
  }

  static bool c_is_other(const std::string_view* c) { return c && *c == "other"; }

  // A possessive before a coordinated count ("and her two sons", "и двое её детей").
  bool possessive(std::size_t i) const {
    static const KeyMap<bool> m{{"her", true}, {"his", true}, {"their", true}, {"its", true}, {"её", true},
                                {"ее", true}, {"его", true}, {"их", true}, {"своих", true}};
    return word(i) && m.find_forms(forms[i]);
  }

  // An Arabic word whose first letter is the conjunction و and which is a known word only without
  // it ("وإصابة" = and the wounding of): it starts a coordinated clause.
  bool glued_conjunction(std::size_t i) const {
    static const std::string wa = lexicon::key("و");
    if (!word(i) || !is_arabic_key(k[i]) || !k[i].starts_with(wa)) return false;
    return !event_words().find_forms({k[i]}) && !count_nouns().find_forms({k[i]});
  }

  bool is_number_start(std::size_t i) const { return word(i) && !in_date[i] && number_start[i]; }

  // The counted noun after the number (or before it for Arabic "قتيل واحد"): its token.
  std::optional<std::pair<std::size_t, std::string_view>> counted_noun(const Read& r) const {
    static const KeyMap<bool> skip{{"of", true}, {"من", true}, {"из", true}, {"more", true}, {"other", true},
                                   {"additional", true}};
    static const KeyMap<bool> stop{{"and", true}, {"or", true}, {"и", true}, {"или", true}, {"و", true},
                                   {"أو", true}, {"ve", true}, {"but", true}, {"а", true}};
    std::optional<std::pair<std::size_t, std::string_view>> found;
    std::size_t words = 0;
    std::size_t from = r.last + 1;
    // Turkish "2'si çocuk" (two of them children): the possessive after the apostrophe is
    // skipped; the noun after it is what the number counts (a part of the count that follows).
    if (lang == "tr" && (punct(from, "'") || punct(from, "\u2019")) && adjacent(r.last, from) && word(from + 1) &&
        adjacent(from, from + 1)) {
      static const KeyMap<bool> possessive{{"si", true}, {"sı", true}, {"su", true}, {"sü", true}, {"i", true},
                                           {"ı", true},  {"u", true},  {"ü", true}};
      if (possessive.find_forms(forms[from + 1])) from += 2;
    }
    for (std::size_t j = from; j < n() && words < 4; ++j) {
      if (t[j].sentence != t[r.first].sentence) break;
      if (!t[j].word) {
        if (t[j].lower == "-" || t[j].lower == "\u2011") continue;
        if ((t[j].lower == "%" || t[j].lower == "\u066A") && !found) return std::make_pair(j, std::string_view("other"));
        break;
      }
      if (found) {
        // A compound's head: "mortar rounds", "air strikes" after a first noun; not after a
        // measure ("122 mm howitzers" counts millimetres).
        static const KeyMap<bool> modifiers{{"armoured", true}, {"armored", true}, {"military", true}};
        // A thing after a person ("fighters' positions") is no head: the people are counted.
        const bool person_then_thing = c_is_other(noun[j]) && found->second != "weapons";
        // Russian and Arabic put the head first: people after a thing are its owners ("три
        // беспилотника боевиков": three of the militants' drones, not three militants).
        const bool owners_after_thing = (t[j].script == Script::cyrillic || t[j].script == Script::arabic) &&
                                        found->second == "weapons" && noun[j] && *noun[j] == "people";
        if (const auto* c = noun[j]; c && !owners_after_thing && found->second != "other" && !person_then_thing &&
                                      !modifiers.find_forms(forms[found->first]))
          found = std::make_pair(j, *c);
        break;
      }
      if (is_number_start(j) && !(t[j].number && j >= 1 && punct(j - 1, "-"))) break;
      if (stop.find_forms(forms[j])) break;
      // "مدنيين اثنين وإصابة سبعة": a noun with the conjunction glued to it is the next
      // clause's ("and the wounding of"); the Arabic noun before the number is its noun.
      if (noun[j] && glued_conjunction(j)) break;
      ++words;
      if (skip.find_forms(forms[j])) continue;
      if (const auto* c = noun[j]) found = std::make_pair(j, *c);
    }
    if (found) return found;
    // Arabic puts 1 and 2 after the noun ("قتيل واحد", "جريحان اثنان").
    if (r.first >= 1 && word(r.first - 1) && is_arabic_key(k[r.first - 1]) && r.value <= 2)
      if (const auto* c = noun[r.first - 1]) return std::make_pair(r.first - 1, *c);
    return std::nullopt;
  }

  // What the figure just before counts when the number at `start` is coordinated right after it
  // ("and", "и", "و", glued or not; same sentence, at most 10 tokens on) and it counted the
  // killed or wounded.
  std::optional<std::string> coordinated_count(std::size_t start) const {
    if (out.empty() || (out.back().counts != "fatalities" && out.back().counts != "injured")) return std::nullopt;
    const bool conj = (digit_cache[start] && digit_cache[start]->prefix == "و") ||
                      (start >= 1 && word(start - 1) &&
                       (k[start - 1] == "and" || k[start - 1] == "и" || k[start - 1] == lexicon::key("و")));
    const std::size_t prev_tok = token_index_at(out.back().span.begin);
    if (conj && prev_tok < start && start - prev_tok <= 10 && t[prev_tok].sentence == t[start].sentence)
      return out.back().counts;
    return std::nullopt;
  }

  // The killing / wounding / displacing word nearest to the number (before it, or after the
  // counted noun), without crossing another number or the sentence.
  // `people`: the count is of people (a "destroyed" verb then says they were killed; for a bare
  // number or a number of things it says nothing, and ends the search as any verb does).
  std::string_view nearby_event(std::size_t first, std::size_t last, bool people = false) const {
    const auto what = [&](std::string_view c) { return c == "destroyed" ? (people ? "fatalities" : "") : c; };
    std::string_view best;
    std::size_t best_dist = 99;
    // "two were killed and seven others were injured": a verb before a coordinating conjunction
    // belongs to the clause before it; the number's own verb is the one after its noun.
    static const KeyMap<bool> conjunction{{"and", true}, {"и", true}, {"а", true}, {"ve", true}, {"و", true}};
    bool across_conjunction = false;
    for (std::size_t d = 1; d <= 6 && d <= first; ++d) {
      const std::size_t j = first - d;
      if (t[j].sentence != t[first].sentence || (t[j].word && !in_date[j] && is_number_start(j))) break;
      if (!t[j].word) continue;
      if (auto c = event[j]; !c.empty()) {
        best = what(c), best_dist = d;
        break;
      }
      if (conjunction.find_forms(forms[j])) across_conjunction = true;
    }
    // "nine civilians, including two women, were killed": the aside is skipped.
    static const KeyMap<bool> aside{{"including", true}, {"among", true}, {"بينهم", true}, {"بينهن", true},
                                    {"منهم", true}, {"включая", true}, {"том", true}, {"среди", true}};
    std::size_t skipped = 0;
    for (std::size_t d = 1; d <= 6 + skipped && last + d < n(); ++d) {
      const std::size_t j = last + d;
      if (t[j].sentence != t[first].sentence) break;
      if (t[j].word && aside.find_forms(forms[j])) {
        std::size_t e = j;
        while (e + 1 < n() && e < j + 8 && t[e + 1].sentence == t[j].sentence && !punct(e + 1, ",")) ++e;
        if (!punct(e + 1, ",")) break;
        skipped += e + 1 - j + 1;
        d += e + 1 - j;
        continue;
      }
      if (t[j].word && !in_date[j] && is_number_start(j)) {
        // A count coordinated with this one shares its verb: "five opposition fighters and
        // three soldiers were killed" (the conjunction right before the next number).
        std::size_t p = j;
        while (p > last + 1 && !t[p - 1].word) --p;
        // "a woman and her two sons were killed": a possessive between them.
        if (p > last + 2 && possessive(p - 1)) --p;
        if (best.empty() && p > last + 1 && conjunction.find_forms(forms[p - 1])) {
          skipped += 3;
          continue;
        }
        break;
      }
      if (!t[j].word) continue;
      if (auto c = event[j]; !c.empty()) {
        // "استشهاد مدنيين اثنين وإصابة سبعة آخرين": an Arabic verb or verbal noun with the
        // conjunction و glued to it opens the next clause (as "and" before it would), so the
        // verb found before the number stays its verb however near this one is.
        if (!best.empty() && glued_conjunction(j)) break;
        if (d < best_dist || across_conjunction) best = what(c);
        break;
      }
    }
    return best;
  }

  // One person, written without a number: "killing a farmer", "a child died", "a young man was
  // wounded" (the indefinite article), "مقتل مدني", "إصابة طفل" (a killing or wounding noun
  // right before a singular person noun). A count of 1 only next to a killing or wounding word:
  // "a soldier said" counts nothing. Emits the mention and returns true when it is one.
  bool singular_person(std::size_t i) {
    static const KeyMap<bool> person{
        {"child", true},     {"woman", true},   {"man", true},       {"civilian", true},  {"soldier", true},
        {"fighter", true},   {"boy", true},     {"girl", true},      {"farmer", true},    {"resident", true},
        {"person", true},    {"shepherd", true}, {"teenager", true}, {"serviceman", true}, {"volunteer", true},
        {"worker", true},    {"rescuer", true}, {"journalist", true}, {"nurse", true},     {"doctor", true},
        {"مدني", true},      {"طفل", true},     {"طفلة", true},      {"امراة", true},     {"سيدة", true},
        {"رجل", true},       {"شاب", true},     {"جندي", true},      {"عنصر", true},      {"مقاتل", true},
        {"مواطن", true},     {"مسعف", true},    {"شخص", true}};
    static const KeyMap<bool> adjective{{"young", true}, {"local", true}, {"elderly", true}, {"teenage", true},
                                        {"pregnant", true}, {"female", true}, {"male", true}, {"old", true}};
    std::size_t noun_at = 0;
    std::string_view what;
    if (k[i] == "a" || k[i] == "an") {
      std::size_t j = i + 1;
      if (word(j) && adjective.find_forms(forms[j])) ++j;
      if (!word(j) || !person.find_forms(forms[j])) return false;
      noun_at = j;
      what = nearby_event(i, j, true);
    } else if (is_arabic_key(k[i]) && (event[i] == "fatalities" || event[i] == "injured") && word(i + 1) &&
               person.find_forms(forms[i + 1])) {
      noun_at = i + 1;
      what = event[i];
    } else {
      return false;
    }
    if (what != "fatalities" && what != "injured") return false;
    if (word(noun_at + 1) && number_start[noun_at + 1]) return false;  // "مقتل مدني واحد": the number says it
    // "killed, including a child", "among them a woman": one of those counted, not one more.
    static const KeyMap<bool> subset{{"including", true}, {"among", true}, {"them", true}, {"بينهم", true},
                                     {"منهم", true}, {"بينهن", true}};
    if (i >= 1 && word(i - 1) && subset.find_forms(forms[i - 1])) return false;
    // "a man and a boy killed": the second of a pair is no count of one either (fortieth
    // held-out set: 1 killed)
    if (i >= 2 && word(i - 1) && k[i - 1] == "and" && word(i - 2) && person.find_forms(forms[i - 2])) return false;
    // "مقتل امرأة وطفلها", "a woman and her child": more than one, how many is not said.
    // ("قتل شخص وأصيب اثنان": the next clause's verb is not a second person.)
    // ("killed a nurse and wounded four": "and" before a verb joins clauses, not people.)
    // But "a woman and two children", "امرأة وطفلان": the companions are counted, so the one
    // is a figure of its own (the assembly adds coordinated figures of one claim).
    // "a woman and her two sons": the companions counted after a possessive are counted too.
    const std::size_t companion = possessive(noun_at + 2) ? noun_at + 3 : noun_at + 2;
    const bool counted_companion =
        word(noun_at + 1) && ((k[noun_at + 1] == "and" && word(companion) && number_start[companion]) ||
                              (is_arabic_key(k[noun_at + 1]) && k[noun_at + 1].starts_with("و") &&
                               (duals().find_forms(forms[noun_at + 1]) || number_start[noun_at + 1])));
    if (!counted_companion && word(noun_at + 1) &&
        ((k[noun_at + 1] == "and" && !(word(noun_at + 2) && !event[noun_at + 2].empty())) ||
         (is_arabic_key(k[noun_at + 1]) && k[noun_at + 1].starts_with("و") && event[noun_at + 1].empty())))
      return false;
    NumberMention m;
    const std::size_t first = is_arabic_key(k[i]) ? noun_at : i;
    lexicon::trim_clitics(doc, first, first, clitic_letters(first), m.span, m.text);
    m.value = 1;
    m.qualifier = "exact";
    m.counts = std::string(what);
    m.unit = t[noun_at].lower;
    m.counted_span = t[noun_at].span;
    out.push_back(std::move(m));
    return true;
  }

  // "one of the (two) injured / of them died" (NumberMention::of_injured). Issue 14,
  // thirty-second held-out set: eight tolls kept the injured count after one of them died, and
  // "one of the two girls ... died" was read as two dead. The phrase and its verb of dying
  // together: English "one of them / of the injured / of the two girls" (a group counted before:
  // injured words, "them", or a figure before the noun), then the verb right after (an
  // apposition between commas and "later", "had", "has" skipped); Arabic "توفي أحد المصابين" or
  // "أحد المصابين توفي"; Russian "один из них / из раненых скончался"; Turkish "yaralılardan
  // biri … öldü / hayatını kaybetti" (three words at most between). Not negated or hedged ("Not
  // one of the injured died", "nearly died", "died instantly": one of the dead). The figure
  // inside the group ("two") is no count of its own. Reviewer, session 32: any word of dying
  // within eight words was too loose.
  void of_injured_pass() {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    static const std::set<std::string> kDieEn{"died", "succumbed"};
    static const std::set<std::string> kSkipEn{"later", "had", "has", "then", "subsequently", "also", "since"};
    static const std::set<std::string> kInjuredEn{"injured", "wounded", "hurt", "casualties", "victims", "patients"};
    static const std::set<std::string> kHedge{"not", "nearly", "almost", "never", "не", "чуть"};
    static const std::set<std::string> kAtOnce{"instantly", "immediately", "на", "месте", "сразу"};
    static const std::vector<std::string> kDieAr = [] {
      std::vector<std::string> v;
      // (and the noun: "أبلغنا الدفاع المدني بوفاة أحد المصابين")
      for (const char* w : {"توفي", "توفى", "توفيت", "استشهد", "استشهدت", "فارق", "فارقت", "وفاة", "استشهاد"})
        v.push_back(lexicon::key(w));
      return v;
    }();
    static const std::vector<std::string> kGroupAr = [] {
      std::vector<std::string> v;
      for (const char* w : {"المصابين", "الجرحى", "المصابات", "الجريحين", "الجريحتين"}) v.push_back(lexicon::key(w));
      return v;
    }();
    static const std::vector<std::string> kOneOfThemAr = [] {
      std::vector<std::string> v;
      for (const char* w : {"أحدهما", "أحدهم", "إحداهما", "إحداهن"}) v.push_back(lexicon::key(w));
      return v;
    }();
    static const std::string ahad = lexicon::key("أحد"), ihda = lexicon::key("إحدى"), lam = lexicon::key("لم"),
                             ma = lexicon::key("ما");
    auto ar_in = [&](std::size_t x, const std::vector<std::string>& set) {
      if (!word(x)) return false;
      for (const auto& f : forms[x])
        if (std::find(set.begin(), set.end(), f) != set.end()) return true;
      return false;
    };
    std::set<std::size_t> sentences_done;  // one such death per sentence
    for (std::size_t i = 0; i < n(); ++i) {
      if (!word(i) || sentences_done.count(t[i].sentence)) continue;
      const bool hedged = i > 0 && word(i - 1) && kHedge.count(k[i - 1]);
      std::size_t last = kNone, verb = kNone;
      if (lang == "en" && k[i] == "one" && word(i + 1) && k[i + 1] == "of") {
        if (word(i + 2) && (k[i + 2] == "them" || k[i + 2] == "those")) {
          last = i + 2;
        } else if (word(i + 2) && k[i + 2] == "the") {
          std::size_t x = i + 3;
          const bool counted = word(x) && (t[x].number || info[x].number);
          if (counted) ++x;
          if (word(x) && (kInjuredEn.count(k[x]) || counted)) last = x;
        }
        if (last != kNone) {
          std::size_t x = last + 1;
          if (punct(x, ",")) {  // ", a man of about 60," — the apposition
            std::size_t y = x + 1;
            while (y < n() && y < x + 10 && !punct(y, ",") && t[y].sentence == t[i].sentence) ++y;
            x = punct(y, ",") ? y + 1 : x;
          }
          while (word(x) && kSkipEn.count(k[x])) ++x;
          if (word(x) && kDieEn.count(k[x]) && !(word(x + 1) && kAtOnce.count(k[x + 1]))) verb = x;
        }
      } else if (is_arabic_key(k[i]) && (ar_in(i, {ahad}) || ar_in(i, {ihda})) && ar_in(i + 1, kGroupAr)) {
        last = i + 1;  // "توفي أحد المصابين", "أحد المصابين توفي"
        if (i > 0 && ar_in(i - 1, kDieAr) && !(i > 1 && (ar_in(i - 2, {lam}) || ar_in(i - 2, {ma})))) verb = i - 1;
        else if (ar_in(i + 2, kDieAr)) verb = i + 2;
      } else if (is_arabic_key(k[i]) && ar_in(i, kOneOfThemAr) && i > 0 && ar_in(i - 1, kDieAr) && [&] {
                   // (not negated up to three words before the death: "ولم يعلن عن وفاة أحدهما")
                   static const std::vector<std::string> kNot{lexicon::key("لم"), lexicon::key("ولم"), lexicon::key("ما"),
                                                              lexicon::key("وما"), lexicon::key("لا"), lexicon::key("ولا")};
                   for (std::size_t x = i - 1; x-- > 0 && i - 1 - x <= 3;)
                     if (ar_in(x, kNot)) return false;
                   return true;
                 }()) {
        // "وفاة أحدهما متأثراً بجراحه", "توفي أحدهم": one of them (the injured told before) died
        // (thirty-seventh held-out set, h701)
        last = i;
        verb = i - 1;
      } else if (lang == "ru" && (k[i] == "один" || k[i] == "одна") && word(i + 1) && k[i + 1] == "из" && word(i + 2) &&
                 (k[i + 2] == "них" || k[i + 2].starts_with("ранен") || k[i + 2].starts_with("пострадавш"))) {
        last = i + 2;
        std::size_t x = last + 1;
        if (word(x) && !k[x].starts_with("скончал") && !k[x].starts_with("умер")) ++x;  // "позже", "ночью"
        if (word(x) && (k[x].starts_with("скончал") || k[x].starts_with("умер")) &&
            !(word(x - 1) && kHedge.count(k[x - 1])) && !(word(x + 1) && kAtOnce.count(k[x + 1])))
          verb = x;
      } else if (lang == "tr" && (k[i].starts_with("yaralılardan") || k[i].starts_with("yaralilardan")) && word(i + 1) &&
                 (k[i + 1] == "biri" || k[i + 1] == "birisi")) {
        last = i + 1;
        for (std::size_t x = last + 1; x < n() && x <= last + 4 && t[x].sentence == t[i].sentence && verb == kNone; ++x) {
          if (!word(x)) continue;
          if (k[x] == "öldü" || k[x] == "öldüğü" || k[x].starts_with("vefat")) verb = x;
          else if ((k[x] == "hayatını" || k[x] == "hayatini") && word(x + 1) && k[x + 1].starts_with("kaybet")) verb = x + 1;
        }
      }
      if (last == kNone || verb == kNone || hedged) continue;
      NumberMention m;
      m.value = 1;
      m.counts = "fatalities";
      m.of_injured = true;
      lexicon::trim_clitics(doc, i, last, clitic_letters(i), m.span, m.text);
      // (the figure inside the group, "the two girls", is no count)
      std::erase_if(out, [&](const NumberMention& x) { return x.span.begin >= m.span.begin && x.span.end <= m.span.end; });
      out.push_back(std::move(m));
      sentences_done.insert(t[i].sentence);
      i = last;
    }
    std::sort(out.begin(), out.end(), [](const NumberMention& a, const NumberMention& b) { return a.span.begin < b.span.begin; });
  }

  void run() {
    run_numbers();
    of_injured_pass();
  }
  void run_numbers() {
    for (std::size_t i = 0; i < n(); ++i) {
      if (!word(i) || in_date[i]) continue;
      // An Arabic dual noun is its own number: "قتيلان", "جريحين", "قذيفتين".

      if (is_arabic_key(k[i])) {
        if (const auto* c = duals().find_forms(forms[i])) {
          // "قتيلان اثنان": the number word after is the same count.
          std::size_t last = i;
          if (word(i + 1))
            if (const auto& w = info[i + 1].number; w && w->value == 2) last = i + 1;
          NumberMention m;
          lexicon::trim_clitics(doc, i, last, clitic_letters(i), m.span, m.text);
          m.value = 2;
          m.qualifier = "exact";
          m.counts = std::string(*c);
          if (*c == "people")
            if (auto e = nearby_event(i, last, true); !e.empty()) m.counts = std::string(e);
          m.unit = m.text;
          m.counted_span = m.span;
          // ("ارتفعت الحصيلة إلى قتيلين": a toll risen to two, as a number's is)
          m.risen = (m.counts == "fatalities" || m.counts == "injured") && risen_to(i).has_value();
          out.push_back(std::move(m));
          i = last;
          continue;
        }
      }
      if (singular_person(i)) continue;
      auto r = read_number(i);
      if (!r) continue;
      if (not_a_quantity(*r)) {
        i = r->last;
        continue;
      }
      // A range: "15-20", "15 – 20", "15 to 20", "two or three", "от 15 до 20", "من 15 إلى 20".
      std::optional<Read> hi;
      std::size_t start = r->first;
      {
        static const KeyMap<bool> range_words{{"to", true}, {"or", true}, {"до", true}, {"или", true},
                                              {"إلى", true}, {"الى", true}, {"أو", true}, {"and", true}};
        std::size_t j = r->last + 1;
        const bool dash = j < n() && is_dash(t[j]);
        const bool word_link = word(j) && range_words.find_forms(forms[j]) && !in_date[j];
        // "بين 15 و20": the second number carries the conjunction.
        static const std::string bayna = lexicon::key("بين");
        const bool ar_and = r->first >= 1 && word(r->first - 1) && k[r->first - 1] == bayna && digit_cache[j] &&
                            digit_cache[j]->prefix == "و";
        if (ar_and) {
          auto second = read_number(j);
          if (second && second->value > r->value && !not_a_quantity(*second)) hi = second;
        } else if (dash || word_link) {
          auto second = read_number(j + 1);
          if (second && second->value > r->value && !second->vague && !r->vague && !not_a_quantity(*second) &&
              second->unit.empty() == r->unit.empty()) {
            const bool and_ok = k[j] != "and" || (r->first >= 1 && word(r->first - 1) && (k[r->first - 1] == "between"));
            if (and_ok) hi = second;
          }
        }
        if (hi && r->first >= 1 && word(r->first - 1)) {
          static const KeyMap<bool> from{{"from", true}, {"between", true}, {"от", true}, {"من", true}, {"بين", true}};
          if (from.find_forms(forms[r->first - 1])) start = r->first - 1;
        }
      }
      const std::size_t num_last = hi ? hi->last : r->last;
      Read whole = *r;
      whole.last = num_last;
      std::string unit = hi && !hi->unit.empty() ? hi->unit : r->unit;
      // "122mm": the unit is written on the number; the noun after is what has that calibre.
      std::optional<std::pair<std::size_t, std::string_view>> noun;
      if (unit.empty()) noun = counted_noun(whole);
      // A bare year (1900-2100, 4 digits, no count noun after it) is a date fragment.
      if (!hi && t[r->first].number && r->first == r->last && r->value >= 1900 && r->value <= 2100) {
        auto d = lexicon::parse_digits(doc.token_text(r->first));
        if (d && d->digit_count == 4 && !d->separators && (!noun || noun->second == "other" || noun->first != r->last + 1)) {
          i = r->last;
          continue;
        }
      }
      if (r->weak && !noun) {
        i = r->last;
        continue;
      }
      // "один из них", "one of them": a part of a count, not a count.
      if (r->weak && word(r->last + 1) && (k[r->last + 1] == "из" || k[r->last + 1] == "of")) {
        i = r->last;
        continue;
      }
      // Turkish "bir" as the article of one of two joined, "bir çocuk ile annesi yaralandı" (a child
      // and his mother): not a count of one (thirty-ninth held-out set, h75x: 1 injured)
      if (lang == "tr" && r->weak && r->words && noun && word(noun->first + 1) &&
          (k[noun->first + 1] == "ile" || k[noun->first + 1] == "ve")) {
        i = r->last;
        continue;
      }
      // "ни один человек", "no one", "not one": nobody.
      if (r->value == 1 && r->first >= 1 && word(r->first - 1) &&
          (k[r->first - 1] == "ни" || k[r->first - 1] == "no" || k[r->first - 1] == "not")) {
        i = r->last;
        continue;
      }
      // A toll risen to this figure (risen_to): what the toll counts. (A sentinel, not an
      // optional: GCC 12 warns of an uninitialised optional here.)
      constexpr std::size_t kNone = static_cast<std::size_t>(-1);
      const std::size_t risen = hi ? kNone : risen_to(r->first).value_or(kNone);
      const std::string_view toll = risen != kNone ? toll_word(risen) : std::string_view();
      // A number in words with nothing counted and no event word next to it ("two countries",
      // "since six this morning", "يومين أو ثلاثة") says no quantity of interest.
      if (r->words && !r->vague && !hi && !noun && toll.empty() && nearby_event(r->first, r->last).empty()) {
        i = r->last;
        continue;
      }
      NumberMention m;
      m.value = r->value;
      m.qualifier = r->vague ? "at_least" : "exact";
      if (hi) {
        m.value_max = hi->value;
        m.qualifier = "range";
      } else if (auto q = qualifier_before(r->first); q && q->first != risen) {
        // ("возросло до девяти": "до" after a rise verb is no "up to")
        start = q->first;
        m.qualifier = std::string(q->second);
      }
      std::size_t end = num_last;
      // Qualifiers after: "or more", "على الأقل", Turkish "20'den fazla".
      if (!hi) {
        if (word(end + 1) && k[end + 1] == "or" && word(end + 2) && k[end + 2] == "more") {
          end += 2;
          m.qualifier = "at_least";
        } else if (lang == "tr") {
          std::size_t j = end + 1;
          if (punct(j, "'") || punct(j, "\u2019")) j += 2;  // the case suffix after the apostrophe
          if (word(j) && k[j] == "fazla") end = j, m.qualifier = "more_than";
          else if (word(j) && k[j] == "kadar") end = j, m.qualifier = "up_to";
        }
      }
      if (noun) {
        const std::size_t nj = noun->first;
        m.counted_span = t[nj].span;
        m.counts = std::string(noun->second);
        if (!t[nj].word) {
          unit = "%";
        } else if (m.counts == "other") {
          const std::string mu = measure_unit(k[nj]);
          unit = mu.empty() ? t[nj].lower : mu;
        } else {
          unit = t[nj].lower;
        }
        // (people detained, arrested or caught by their own verb right after them: "iki kişi
        // yakalanmıştır" beside "biri ölmüş" is no toll; fortieth held-out set, 2 killed)
        const bool detained = [&] {
          std::size_t v = nj + 1;
          if (word(v) && (k[v] == "were" || k[v] == "was" || k[v] == "были" || k[v] == "был")) ++v;
          if (!word(v) || t[v].sentence != t[nj].sentence) return false;
          static constexpr std::string_view kDetained[] = {
              "arrested", "detained", "captured", "abducted", "kidnapped", "seized", "задержан", "арестован",
              "похищен", "задержал", "yakalan", "gözaltına", "tutuklan", "kaçırıl"};
          return std::any_of(std::begin(kDetained), std::end(kDetained), [&](std::string_view d) { return k[v].starts_with(d); });
        }();
        if (m.counts == "people" && !detained) {
          if (auto e = nearby_event(start, std::max(nj, end), true); !e.empty()) m.counts = std::string(e);
          // Turkish "3'ü kadın 11 sivil öldü": the part (three of them women) shares what
          // happened to the whole count right after it.
          else if (lang == "tr" && nj + 1 < n() && is_number_start(nj + 1) && nj > r->last + 1)
            if (const auto whole = read_number(nj + 1)) {
              const auto wn = counted_noun(*whole);
              if (auto e2 = nearby_event(whole->first, wn ? wn->first : whole->last, true); !e2.empty())
                m.counts = std::string(e2);
            }
          // "the death of four soldiers and two fighters", "killed 4 soldiers and 2 fighters": a
          // count of people coordinated right after a count of the killed shares it (as a bare
          // number does, below).
          if (m.counts == "people") m.counts = coordinated_count(start).value_or(m.counts);
          if (m.counts == "people" && !toll.empty()) m.counts = std::string(toll);
        }
        // A risen toll's figure with a noun counted only further on ("ارتفع عدد الضحايا إلى ٤ بعد
        // وفاة أحد المصابين": the toll, not the wounded) counts what the toll counts.
        if (!toll.empty() && m.counts != std::string(toll)) {
          std::size_t words = 0;
          for (std::size_t x = end + 1; x < nj; ++x) words += t[x].word;
          if (words > 0) m.counts = std::string(toll);
        }
        // "5 قتلى على الأقل"
        static const std::string at = lexicon::key("على"), least = lexicon::key("الأقل");
        if (!hi && m.qualifier == "exact" && word(nj + 1) && word(nj + 2) &&
            ((k[nj + 1] == at && k[nj + 2] == least) || (k[nj + 1] == "at" && k[nj + 2] == "least")))
          m.qualifier = "at_least";
      } else if (!unit.empty()) {
        m.counts = "other";
      } else {
        auto e = nearby_event(start, end);
        if (!toll.empty()) e = toll;
        m.counts = e.empty() ? "other" : std::string(e);
        // A bare number coordinated right after a count of the killed or wounded ("مقتل 7 عناصر
        // من قوات النظام و4 من مقاتلي الهيئة", "7 soldiers and 4 of the fighters"): the same count.
        if (e.empty()) m.counts = coordinated_count(start).value_or(m.counts);
      }
      m.unit = unit;
      // Turkish puts the verb after: "ölenlerin sayısı 5'e yükseldi" (the dative figure, then
      // "rose").
      m.risen = risen != kNone && (m.counts == "fatalities" || m.counts == "injured");
      if (lang == "tr" && !m.risen) {
        std::size_t j = end + 1;
        if (punct(j, "'") || punct(j, "\u2019")) j += 2;  // the case suffix after the apostrophe
        while (j < n() && !t[j].word && t[j].sentence == t[end].sentence) ++j;
        m.risen = word(j) && t[j].sentence == t[end].sentence && k[j].starts_with("yüksel") &&
                  (m.counts == "fatalities" || m.counts == "injured");
      }
      // A part of those killed or wounded named after "among" ("Among the dead were two
      // children", "Hayatını kaybedenler arasında 2 çocuk", "среди погибших двое детей", "بينهم
      // طفلان"): who they were, not a toll of its own (issue 14, fifth held-out set: "2 çocuğun"
      // replaced the toll of 4).
      if (m.counts == "fatalities" || m.counts == "injured") {
        static const KeyMap<bool> among{{"among", true}, {"arasında", true}, {"arasinda", true}, {"среди", true},
                                        {"بينهم", true}, {"بينهن", true}, {"منهم", true}};
        // (right before the number in Arabic and Turkish, "بينهم طفلان", "arasında 2"; within
        // four words in English and Russian, "among them two", "Among the dead were two"; never
        // across a comma: "بينهم امرأة، وإصابة ٧ آخرين" is another count)
        // Not the total itself right after "among" ("Among the 12 dead were two children",
        // "среди 12 погибших"); in English "among" then them, those, or the + a word of the dead
        // ("Fighting among rival factions killed 12" is no part); in Turkish a word of the dead
        // before "arasında" ("Han Şeyhun ile Maarret arasında 5 sivil": between).
        static const std::set<std::string> kDeadEn{"dead", "killed", "wounded", "injured", "victims", "casualties"};
        const std::size_t reach = lang == "ar" || lang == "tr" ? 1 : 4;
        std::vector<std::size_t> back;  // the words before the number, nearest first
        for (std::size_t d = 1; d <= start && back.size() < reach; ++d) {
          const std::size_t j = start - d;
          if (t[j].sentence != t[start].sentence || (t[j].word && number_start[j]) || punct(j, ".") || punct(j, ";") ||
              punct(j, ",") || punct(j, "،"))
            break;
          if (t[j].word) back.push_back(j);
        }
        for (std::size_t b = 0; b < back.size(); ++b) {
          const std::size_t j = back[b];
          if (!among.find_forms(forms[j])) continue;
          bool part = true;
          if (lang == "en") {
            const std::string after = b >= 1 ? k[back[b - 1]] : std::string();
            const std::string after2 = b >= 2 ? k[back[b - 2]] : std::string();
            part = b >= 1 && (after == "them" || after == "those" || (after == "the" && b >= 2 && kDeadEn.count(after2)));
          } else if (lang == "ru") {
            part = b >= 1;  // (a word of the dead between: "среди погибших двое")
          } else if (lang == "tr") {
            std::size_t p = j;
            while (p > 0 && !t[p - 1].word && t[p - 1].sentence == t[j].sentence) --p;
            p = p > 0 ? p - 1 : j;
            part = p < j && t[p].word && (k[p].starts_with("kaybeden") || k[p].starts_with("ölen") ||
                                          k[p].starts_with("yaral") || k[p].starts_with("ölü"));
          }
          if (part) m.counts = "other";
          break;
        }
      }
      // (a table's column says what its figures count, whatever the words after them: "1;0;rider
      // killed" is 0 injured)
      if (const auto c = table_cell_counts(t[start].b0)) m.counts = *c;
      lexicon::trim_clitics(doc, start, end, clitic_letters(start), m.span, m.text);
      out.push_back(std::move(m));
      i = end;
    }
  }
};

}  // namespace

std::vector<NumberMention> find_numbers(const Document& doc, const std::vector<DateMention>& dates) {
  Scanner s(doc, &dates);
  s.run();
  return std::move(s.out);
}

std::vector<NumberMention> find_numbers(const Document& doc) {
  Scanner s(doc, nullptr);
  s.run();
  return std::move(s.out);
}

}  // namespace truceline::extract
