// Weapon mentions (weapons.hpp): the agreement's classes and a built-in generic lexicon,
// matched word by word on stemmed keys, leftmost-longest, then a class joined with the
// munition word next to it ("Grad rockets", "قذائف الهاون" is an alias already).
#include "truceline/extract/weapons.hpp"

#include <algorithm>
#include <unordered_map>

#include "truceline/agreement/agreement.hpp"
#include "truceline/extract/lexicon.hpp"

namespace truceline::extract {
namespace {

bool is_arabic_key(std::string_view k) {
  return !k.empty() && static_cast<unsigned char>(k[0]) >= 0xD8 && static_cast<unsigned char>(k[0]) <= 0xDB;
}
bool is_cyrillic_key(std::string_view k) {
  return !k.empty() && (static_cast<unsigned char>(k[0]) == 0xD0 || static_cast<unsigned char>(k[0]) == 0xD1);
}
bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0; }

// The stem a weapon word is matched by (weapons.hpp): clitics, article and plural/dual/case
// endings removed. Each language's rule is a light stemmer: enough for the nouns of the
// lexicon, checked on their forms in the tests.
// `clitics` (optional): how many clitic letters (و ف ب ل ك, not the article) were removed.
std::string stem(std::string k, bool turkish, std::size_t* clitics = nullptr) {
  if (clitics) *clitics = 0;
  if (is_arabic_key(k)) {
    // Arabic letters are 2 bytes. Prefixes: و ف, then ب ل ك, then ال ("وبالدبابات").
    auto chars = [](const std::string& s) { return s.size() / 2; };
    std::size_t cut = 0;
    if ((starts_with(k, "و") || starts_with(k, "ف")) && chars(k) > 3) k.erase(0, 2), ++cut;
    if (starts_with(k, "لل") && chars(k) > 4) {
      k.erase(0, 4);  // ل + ال (alef dropped): "للدبابات"; the clitic cannot be cut from the text
      cut = 0;
      clitics = nullptr;
    } else if ((starts_with(k, "ب") || starts_with(k, "ل") || starts_with(k, "ك")) && starts_with(k.substr(2), "ال") &&
               chars(k) > 4) {
      k.erase(0, 2), ++cut;
    }
    if (clitics) *clitics = cut;
    if (starts_with(k, "ال") && chars(k) > 3) k.erase(0, 4);
    // Suffixes: feminine dual تين/تان, plural ات, dual/plural ين/ان, ta marbuta (ه after key()).
    // ("قذيفتا هاون": the dual in a construct, تا)
    for (std::string_view suf : {"تين", "تان", "تا", "ات", "ين", "ان", "ه"})
      if (ends_with(k, suf) && chars(k) - suf.size() / 2 >= 3) {
        k.erase(k.size() - suf.size());
        break;
      }
    return k;
  }
  if (is_cyrillic_key(k)) {
    // Russian case endings (nouns and adjectives), longest first; the stem keeps 3 letters.
    static const std::vector<std::string> endings{"ами", "ями", "ого", "его", "ому", "ему", "ов", "ев", "ей", "ой",
                                                  "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые", "ых", "их", "ом",
                                                  "ем", "ам", "ям", "ах", "ях", "ую", "юю", "а", "я", "ы", "и", "у",
                                                  "ю", "е", "о", "ь", "й"};
    for (const auto& e : endings)
      if (ends_with(k, e) && (k.size() - e.size()) / 2 >= 3) {
        k.erase(k.size() - e.size());
        break;
      }
    return k;
  }
  // Latin: Turkish plural and case suffixes (Turkish documents), English plural -s.
  if (turkish) {
    for (std::string_view suf : {"ları", "leri", "lar", "ler"})
      if (ends_with(k, suf) && k.size() > suf.size() + 2) {
        k.erase(k.size() - suf.size());
        return k;
      }
  }
  if (k.size() > 3 && k.back() == 's' && k[k.size() - 2] != 's') k.pop_back();
  return k;
}

// Arabic broken plurals of alias words (a stem that the suffix rules cannot reach): the
// singular's stem -> the plural's.
const std::unordered_map<std::string, std::vector<std::string>>& ar_broken_plurals() {
  static const std::unordered_map<std::string, std::vector<std::string>> m = [] {
    std::unordered_map<std::string, std::vector<std::string>> t;
    auto add = [&](std::string_view sing, std::string_view plural) {  // both ways
      const std::string a = stem(lexicon::key(sing), false), b = stem(lexicon::key(plural), false);
      t[a].push_back(b);
      t[b].push_back(a);
    };
    add("مدفع", "مدافع");
    add("صاروخ", "صواريخ");
    add("قذيفة", "قذائف");
    add("برميل", "براميل");
    add("قنبلة", "قنابل");
    add("سلاح", "أسلحة");
    add("طائرة", "طائرات");
    return t;
  }();
  return m;
}

// The built-in generic lexicon: phrase -> family. Words that are only munition "heads" joined
// to a class before them ("rounds" in "mortar rounds") have family "" and are dropped alone.
struct GenericEntry {
  std::string_view phrase, family;
};
const std::vector<GenericEntry>& generic_lexicon() {
  static const std::vector<GenericEntry> t{
      // rockets (Russian "ракета" and Arabic "صاروخ" are rocket or missile: rocket)
      {"rocket", "rocket"}, {"rocket shell", "rocket"}, {"قذيفة صاروخية", "rocket"}, {"Katyusha", "rocket"}, {"ракета", "rocket"}, {"реактивный снаряд", "rocket"},
      {"катюша", "rocket"}, {"صاروخ", "rocket"}, {"كاتيوشا", "rocket"}, {"roket", "rocket"},
      // shells
      {"shell", "shell"}, {"projectile", "shell"}, {"artillery round", "shell"}, {"mortar round", "shell"},
      {"снаряд", "shell"}, {"قذيفة", "shell"}, {"top mermisi", "shell"}, {"mermi", "shell"},
      // drones
      {"drone", "drone"}, {"UAV", "drone"}, {"unmanned aerial vehicle", "drone"}, {"unmanned aircraft", "drone"},
      {"беспилотник", "drone"}, {"БПЛА", "drone"}, {"беспилотный летательный аппарат", "drone"}, {"дрон", "drone"},
      {"طائرة مسيرة", "drone"}, {"طائرة بدون طيار", "drone"}, {"طائرة دون طيار", "drone"}, {"درون", "drone"},
      {"طائرة استطلاع", "drone"}, {"ударный беспилотник", "drone"}, {"İHA", "drone"}, {"SİHA", "drone"}, {"insansız hava aracı", "drone"},
      // missiles
      {"missile", "missile"}, {"cruise missile", "missile"}, {"ballistic missile", "missile"},
      {"крылатая ракета", "missile"}, {"баллистическая ракета", "missile"}, {"صاروخ باليستي", "missile"},
      {"صاروخ كروز", "missile"}, {"füze", "missile"},
      // barrel bombs
      {"barrel bomb", "barrel_bomb"}, {"бочковая бомба", "barrel_bomb"}, {"برميل متفجر", "barrel_bomb"},
      {"varil bombası", "barrel_bomb"},
      // bombs
      {"bomb", "bomb"}, {"cluster bomb", "bomb"}, {"бомба", "bomb"}, {"авиабомба", "bomb"}, {"قنبلة", "bomb"},
      {"bomba", "bomb"},
      // small arms
      {"small arms", "small_arms"}, {"machine gun", "small_arms"}, {"heavy machine gun", "small_arms"},
      {"machinegun", "small_arms"}, {"rifle", "small_arms"}, {"sniper rifle", "small_arms"},
      {"Kalashnikov", "small_arms"}, {"пулемёт", "small_arms"}, {"крупнокалиберный пулемёт", "small_arms"},
      {"стрелковое оружие", "small_arms"}, {"ДШК", "small_arms"}, {"رشاش", "small_arms"},
      {"رشاشات ثقيلة", "small_arms"}, {"أسلحة خفيفة", "small_arms"}, {"سلاح خفيف", "small_arms"},
      {"كلاشنكوف", "small_arms"}, {"makineli tüfek", "small_arms"}, {"hafif silah", "small_arms"},
      // munition heads joined to a class before them only ("mortar rounds", "tank rounds")
      {"round", ""}, {"fire", ""}, {"мина", ""}, {"launcher", ""}, {"system", ""}, {"установка", ""}, {"обстрел", ""}};
  return t;
}

// Other names of a weapon that an agreement names by one of them: when a class has the alias
// (or name) on the left, the names on the right are indexed for that class too. The agreement
// stays the source of the classes; these are translations and expansions it may leave out.
struct Synonyms {
  std::string_view alias;
  std::vector<std::string_view> others;
};
const std::vector<Synonyms>& synonyms() {
  static const std::vector<Synonyms> t{
      {"Grad", {"غراد", "Град", "Grad rocket launcher"}},
      {"РСЗО", {"реактивная система залпового огня", "реактивная установка", "راجمة"}},
      {"mortar", {"مدفع هاون", "mortar round", "mortar shell", "mortar bomb"}},
      {"артиллерия", {"артиллерийский"}},
      {"ПТУР", {"противотанковая управляемая ракета", "противотанковый ракетный комплекс"}},
      {"anti-tank missile", {"مضاد للدروع", "مضاد للدبابات"}},
      {"tank", {"бронетехника"}},
  };
  return t;
}

// Munition words that join a class mention next to them into one mention.
bool is_munition_family(std::string_view f) { return f == "rocket" || f == "shell" || f == "missile" || f == "bomb" || f.empty(); }

}  // namespace

struct WeaponFinder::Index {
  struct Word {
    std::string key;
    bool all_caps = false;     // alias word in capitals of 2-5 letters: text must be in capitals
    bool capitalised = false;  // alias word capitalised (a name: "Grad", "Konkurs"): text too
  };
  struct Entry {
    std::vector<Word> words;
    std::string class_id, family;
    bool is_class = false;
  };
  std::vector<Entry> entries;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first;  // longest first, classes first

  // The words of a phrase as the matcher sees them: tokens of a Document (the same tokenizer
  // as the texts), hyphens and slashes dropped, "122mm" split.
  static std::vector<Word> words_of(std::string_view phrase) {
    const Document d = Document::make(std::string(phrase), "auto");
    std::vector<Word> out;
    for (std::size_t i = 0; i < d.tokens().size(); ++i) {
      const Token& t = d.tokens()[i];
      if (!t.word) continue;
      const std::string_view raw = d.token_text(i);
      auto digits = lexicon::parse_digits(raw);
      if (digits && !digits->suffix.empty() && digits->prefix.empty()) {
        out.push_back({std::to_string(digits->value), false, false});
        out.push_back({stem(lexicon::key(digits->suffix), false), false, false});
        continue;
      }
      Word w;
      w.key = stem(lexicon::key(t.lower), false);
      const bool ascii_letters = !raw.empty() && std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= 'A' && c <= 'Z'); });
      w.all_caps = ascii_letters && raw.size() >= 2 && raw.size() <= 5;
      w.capitalised = !w.all_caps && t.capitalised && t.script != Script::arabic && raw.size() > 1;
      out.push_back(std::move(w));
    }
    return out;
  }

  void add(std::string_view phrase, const std::string& class_id, std::string_view family) {
    std::vector<Word> words = words_of(phrase);
    if (words.empty()) return;
    // Arabic broken plurals: every combination of singular/plural words.
    std::vector<std::vector<Word>> variants{words};
    for (std::size_t i = 0; i < words.size(); ++i) {
      auto it = ar_broken_plurals().find(words[i].key);
      if (it == ar_broken_plurals().end()) continue;
      const std::size_t n = variants.size();
      for (std::size_t v = 0; v < n; ++v)
        for (const auto& plural : it->second) {
          auto copy = variants[v];
          copy[i].key = plural;
          variants.push_back(std::move(copy));
        }
    }
    for (auto& v : variants) {
      Entry e;
      e.words = std::move(v);
      e.class_id = class_id;
      e.family = std::string(family);
      e.is_class = !class_id.empty();
      entries.push_back(std::move(e));
    }
  }

  void index() {
    // A generic phrase that contains a class alias ("mortar round", "artillery round") names
    // that class when the agreement has it: the longest alias inside wins.
    for (auto& g : entries) {
      if (g.is_class) continue;
      std::size_t best_len = 0;
      std::string best_class;
      for (const auto& c : entries) {
        if (!c.is_class || c.words.size() > g.words.size() || c.words.size() <= best_len) continue;
        for (std::size_t s = 0; s + c.words.size() <= g.words.size(); ++s) {
          bool same = true;
          for (std::size_t w = 0; w < c.words.size() && same; ++w) same = g.words[s + w].key == c.words[w].key;
          if (same) {
            best_len = c.words.size();
            best_class = c.class_id;
            break;
          }
        }
      }
      if (!best_class.empty()) {
        g.class_id = best_class;
        g.is_class = true;
      }
    }
    for (std::size_t i = 0; i < entries.size(); ++i) by_first[entries[i].words[0].key].push_back(i);
    for (auto& [k, list] : by_first)
      std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
        if (entries[a].words.size() != entries[b].words.size()) return entries[a].words.size() > entries[b].words.size();
        return entries[a].is_class && !entries[b].is_class;
      });
  }
};

WeaponFinder::WeaponFinder(const agreement::Agreement& a) : index_(std::make_unique<Index>()) {
  for (const auto& wc : a.weapon_classes) {
    // The id when it is a plain word ("tank", "mlrs"), the name unless it carries a comment
    // ("artillery, 100 mm and above"), and every alias.
    if (!wc.id.empty() && std::all_of(wc.id.begin(), wc.id.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      index_->add(wc.id, wc.id, "");
    if (!wc.name.empty() && wc.name.find(',') == std::string::npos) index_->add(wc.name, wc.id, "");
    for (const auto& alias : wc.aliases) index_->add(alias, wc.id, "");
  }
  for (const auto& syn : synonyms()) {
    const auto want = Index::words_of(syn.alias);
    for (const auto& wc : a.weapon_classes) {
      bool has = false;
      auto same = [&](const std::string& text) {
        const auto w = Index::words_of(text);
        if (w.size() != want.size()) return false;
        for (std::size_t i = 0; i < w.size(); ++i)
          if (w[i].key != want[i].key) return false;
        return true;
      };
      has = same(wc.name);
      for (const auto& alias : wc.aliases) has = has || same(alias);
      if (has)
        for (auto other : syn.others) index_->add(other, wc.id, "");
    }
  }
  for (const auto& g : generic_lexicon()) index_->add(g.phrase, "", g.family);
  index_->index();
}
WeaponFinder::~WeaponFinder() = default;
WeaponFinder::WeaponFinder(WeaponFinder&&) noexcept = default;
WeaponFinder& WeaponFinder::operator=(WeaponFinder&&) noexcept = default;

std::vector<WeaponMention> WeaponFinder::find(const Document& doc) const {
  const auto& toks = doc.tokens();
  const bool turkish = doc.lang() == "tr";
  // The text's words: key, token, case. Punctuation other than hyphens and slashes is a barrier.
  struct Item {
    std::string key;
    std::size_t tok;
    bool all_caps, capitalised, barrier;
    std::string alt;  // Arabic: the stem without a leading ب ل ك ("بقذائف"), "" if none
    std::size_t clitics = 0, alt_clitics = 0;  // clitic letters before key / alt
  };
  std::vector<Item> items;
  items.reserve(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (!t.word) {
      const bool joiner = t.lower == "-" || t.lower == "\u2010" || t.lower == "\u2011" || t.lower == "/";
      if (!joiner) items.push_back({"", i, false, false, true, {}, 0, 0});
      continue;
    }
    const std::string_view raw = doc.token_text(i);
    if (t.script == Script::digit) {
      auto d = lexicon::parse_digits(raw);
      if (d && !d->suffix.empty() && d->prefix.empty()) {
        items.push_back({std::to_string(d->value), i, false, false, false, {}, 0, 0});
        items.push_back({stem(lexicon::key(d->suffix), turkish), i, false, false, false, {}, 0, 0});
        continue;
      }
    }
    // In capitals, a plural "s" aside ("UAVs", "TOWs").
    std::string_view letters = raw;
    if (letters.size() > 2 && letters.back() == 's') letters.remove_suffix(1);
    const bool caps = t.script == Script::latin &&
                      std::none_of(letters.begin(), letters.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const std::string k = lexicon::key(t.lower);
    std::string alt;
    std::size_t clitics = 0, alt_clitics = 0;
    if (t.script == Script::arabic) {
      // ب ل ك before a word without the article ("بقذائف", "لدبابات"): the stem of the rest too
      // (a word may begin with these letters: "برميل"; both are tried).
      std::string rest = k;
      if ((starts_with(rest, "و") || starts_with(rest, "ف")) && rest.size() > 6) rest.erase(0, 2), ++alt_clitics;
      if ((starts_with(rest, "ب") || starts_with(rest, "ل") || starts_with(rest, "ك")) && rest.size() > 6 &&
          !starts_with(rest.substr(2), "ال")) {
        alt = stem(rest.substr(2), false);
        ++alt_clitics;
      }
    }
    if (t.script == Script::cyrillic) {
      // The longest case ending is sometimes part of the stem ("систем" = систем-а in the genitive
      // plural, not сист-ем): the word without a one-letter ending only is tried as well.
      static const std::vector<std::string> one_letter{"а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й"};
      alt = k;
      for (const auto& e : one_letter)
        if (ends_with(alt, e) && (alt.size() - e.size()) / 2 >= 3) {
          alt.erase(alt.size() - e.size());
          break;
        }
    }
    std::string main_key = stem(k, turkish, &clitics);
    if (alt == main_key) alt.clear();
    items.push_back({std::move(main_key), i, caps, t.capitalised, false, std::move(alt), clitics, alt_clitics});
  }

  struct Hit {
    std::size_t first_item, end_item;  // items [first, end)
    const Index::Entry* entry;
    std::size_t clitics;  // Arabic clitic letters before the first word (left out of the span)
  };
  std::vector<Hit> hits;
  for (std::size_t p = 0; p < items.size();) {
    const Item& it = items[p];
    const Index::Entry* best = nullptr;
    std::size_t best_clitics = 0;
    if (!it.barrier) {
      for (const std::string* first_key : {&it.key, &it.alt}) {
      if (best || first_key->empty()) break;
      best_clitics = first_key == &it.key ? it.clitics : it.alt_clitics;
      auto found = index_->by_first.find(*first_key);
      if (found != index_->by_first.end()) {
        for (std::size_t e : found->second) {
          const auto& entry = index_->entries[e];
          if (p + entry.words.size() > items.size()) continue;
          bool ok = true;
          for (std::size_t w = 0; w < entry.words.size() && ok; ++w) {
            const Item& x = items[p + w];
            const auto& want = entry.words[w];
            const bool key_ok = w == 0 ? *first_key == want.key : (x.key == want.key || (!x.alt.empty() && x.alt == want.key));
            ok = !x.barrier && key_ok && (!want.all_caps || x.all_caps) && (!want.capitalised || x.capitalised) &&
                 toks[x.tok].sentence == toks[it.tok].sentence;
          }
          if (ok) {
            best = &entry;
            break;
          }
        }
      }
      }
    }
    if (!best) {
      ++p;
      continue;
    }
    hits.push_back({p, p + best->words.size(), best, best_clitics});
    p += best->words.size();
  }

  // Join a class with the munition word right after it ("Grad rockets", "mortar rounds"), and in
  // Arabic and Russian a munition word with the class after it ("صواريخ غراد", "снаряды РСЗО").
  auto quote = [&](std::size_t tok, bool opening) {
    if (tok >= toks.size() || toks[tok].word) return false;
    const std::string& q = toks[tok].lower;
    return opening ? (q == "\u00AB" || q == "\"" || q == "\u201E" || q == "\u201C")
                   : (q == "\u00BB" || q == "\"" || q == "\u201D" || q == "\u201C");
  };
  // Next to each other, or across the opening quote of a quoted name ("установки «Град»").
  auto next_to = [&](const Hit& cur, const Hit& next) {
    if (next.first_item == cur.end_item) return true;
    return next.first_item == cur.end_item + 1 && items[cur.end_item].barrier && quote(items[cur.end_item].tok, true);
  };
  std::vector<Hit> joined;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    Hit cur = hits[h];
    while (h + 1 < hits.size() && next_to(cur, hits[h + 1])) {
      const Hit& next = hits[h + 1];
      const bool class_then_munition = cur.entry->is_class && !next.entry->is_class && is_munition_family(next.entry->family);
      const Token& t0 = toks[items[cur.first_item].tok];
      const bool munition_then_class = !cur.entry->is_class && is_munition_family(cur.entry->family) &&
                                       next.entry->is_class && (t0.script == Script::arabic || t0.script == Script::cyrillic);
      // "T-72 tanks", "Grad rocket launchers": the same class twice.
      const bool same_class = cur.entry->is_class && next.entry->is_class && cur.entry->class_id == next.entry->class_id;
      if (!class_then_munition && !munition_then_class && !same_class) break;
      cur.end_item = next.end_item;
      if (munition_then_class) cur.entry = next.entry;
      ++h;
    }
    if (!cur.entry->is_class && cur.entry->family.empty()) continue;  // a head word alone
    joined.push_back(cur);
  }

  std::vector<WeaponMention> out;
  out.reserve(joined.size());
  // Words that belong to a class mention: "heavy mortars", "тяжёлые гаубицы", "المدفعية الثقيلة".
  static const std::vector<std::string> heavy_before{"heavy", "тяжелые", "тяжелых", "тяжелая", "тяжелой", "тяжелыми"};
  static const std::vector<std::string> heavy_after{lexicon::key("الثقيلة"), lexicon::key("الثقيل"), lexicon::key("ثقيلة"),
                                                    lexicon::key("ثقيل")};
  auto key_of = [&](std::size_t tok) { return toks[tok].word ? lexicon::key(toks[tok].lower) : std::string(); };
  for (const auto& h : joined) {
    std::size_t first = items[h.first_item].tok, last = items[h.end_item - 1].tok;
    std::size_t clitics = h.clitics;
    if (h.entry->is_class) {
      if (first > 0 && toks[first - 1].sentence == toks[first].sentence && toks[first - 1].span.end + 1 == toks[first].span.begin &&
          std::find(heavy_before.begin(), heavy_before.end(), key_of(first - 1)) != heavy_before.end())
        --first, clitics = 0;
      if (last + 1 < toks.size() && toks[last + 1].sentence == toks[last].sentence &&
          std::find(heavy_after.begin(), heavy_after.end(), key_of(last + 1)) != heavy_after.end())
        ++last;
    }
    // A quoted name keeps its quotes: «Град».
    bool opened = first > 0 && quote(first - 1, true);
    for (std::size_t x = first; x <= last && !opened; ++x) opened = quote(x, true);
    if (opened && quote(last + 1, false)) {
      ++last;
      if (first > 0 && quote(first - 1, true)) --first, clitics = 0;
    }
    WeaponMention m;
    lexicon::trim_clitics(doc, first, last, clitics, m.span, m.text);
    m.class_id = h.entry->class_id;
    if (m.class_id.empty()) m.generic = h.entry->family;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace truceline::extract
