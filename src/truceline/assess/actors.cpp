// Actor resolution (rules in actors.hpp and docs/assessment.md).
#include "truceline/assess/actors.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "truceline/gazetteer/gazetteer.hpp"

namespace truceline::assess {

const std::vector<std::string>& force_nouns() {
  // Words that, after a demonym, name a state's forces or government. Not "militias",
  // "factions", "backed", "opposition", "rebels": "Iranian militias" or "Turkish-backed
  // factions" are not the state's own forces.
  static const std::vector<std::string> n{
      "air force",  "armed forces", "special forces", "forces",   "force",   "army",       "military",
      "troops",     "soldiers",     "jets",           "warplanes", "aircraft", "planes",    "helicopters",
      "drones",     "artillery",    "navy",           "government", "regime", "air defence", "air defense",
      "warships",   "gunboats",     "tanks",          "units"};
  return n;
}

namespace {

// English country names (ICU's locale data, folded), plus the spellings ACLED uses where CLDR
// has changed or differs (CLDR says "Türkiye", "Congo - Kinshasa", …).
const std::set<std::string>& country_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> s;
    for (const char* const* c = icu::Locale::getISOCountries(); c && *c; ++c) {
      icu::UnicodeString display;
      icu::Locale("", *c).getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string utf8;
      display.toUTF8String(utf8);
      s.insert(gazetteer::fold(utf8));
    }
    for (const char* extra : {"Turkey", "Syria", "Russia", "Iran", "Palestine", "Democratic Republic of Congo",
                              "Republic of Congo", "Ivory Coast", "North Korea", "South Korea", "Czech Republic",
                              "eSwatini", "Swaziland", "Burma", "Laos", "Vietnam", "United States", "United Kingdom",
                              "Bosnia and Herzegovina", "North Macedonia", "Kosovo", "Western Sahara"})
      s.insert(gazetteer::fold(extra));
    return s;
  }();
  return names;
}

bool is_year_range(std::string_view s) {
  // "2000-", "1970-2000", "2000 - " (ACLED's regime periods).
  std::string t;
  for (char c : s)
    if (c != ' ') t += c;
  const auto dash = t.find('-');
  if (dash != 4 || t.size() > 9) return false;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (i != dash && !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  return t.size() == 5 || t.size() == 9;
}

bool starts_with_words(const std::string& folded, const std::string& prefix) {
  return folded == prefix || folded.rfind(prefix + " ", 0) == 0;
}

}  // namespace

bool is_country_name(const std::string& folded, const std::vector<std::string>& extra) {
  return country_names().count(folded) || std::find(extra.begin(), extra.end(), folded) != extra.end();
}

struct ActorResolver::Impl {
  std::unordered_map<std::string, std::string> exact;  // folded name/alias -> id
  struct Word {
    std::string padded, id, how;
  };
  std::vector<Word> words;                            // longest first
  std::vector<std::pair<std::string, std::string>> countries;  // folded country -> party id
  std::vector<std::string> country_list;              // folded, for qualifiers
  std::unordered_map<std::string, std::string> party_names;    // folded name/alias -> party id

  void add(const std::string& name, const std::string& id, const char* how) {
    const std::string f = gazetteer::fold(name);
    if (f.empty()) return;
    if (std::string(how) != "demonym") exact.emplace(f, id);
    words.push_back({" " + f + " ", id, how});
  }
};

ActorResolver::ActorResolver(const agreement::Agreement& a) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  for (const auto& x : a.actors) {
    m.add(x.name, x.id, "alias_in_text");
    for (const auto& al : x.aliases) m.add(al, x.id, "alias_in_text");
    if (x.is_group) continue;
    m.party_names.emplace(gazetteer::fold(x.name), x.id);
    for (const auto& al : x.aliases) m.party_names.emplace(gazetteer::fold(al), x.id);
    if (!x.country.empty()) {
      m.countries.emplace_back(gazetteer::fold(x.country), x.id);
      m.country_list.push_back(gazetteer::fold(x.country));
    }
    for (const auto& d : x.demonyms)
      for (const auto& noun : force_nouns()) m.add(d + " " + noun, x.id, "demonym");
  }
  std::stable_sort(m.words.begin(), m.words.end(),
                   [](const Impl::Word& p, const Impl::Word& q) { return p.padded.size() > q.padded.size(); });
}

ActorResolver::~ActorResolver() = default;
ActorResolver::ActorResolver(ActorResolver&&) noexcept = default;

ActorResolution ActorResolver::resolve(std::string_view text) const {
  const Impl& m = *impl_;
  ActorResolution out;
  // 1. Qualifiers in parentheses.
  std::string kept;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '(') {
      const auto close = text.find(')', i);
      if (close != std::string_view::npos) {
        const std::string_view inner = text.substr(i + 1, close - i - 1);
        if (is_year_range(inner) || is_country_name(gazetteer::fold(inner), m.country_list)) {
          if (!out.stripped.empty()) out.stripped += ' ';
          out.stripped.append(text.data() + i, close - i + 1);
          i = close + 1;
          continue;
        }
      }
    }
    kept += text[i++];
  }
  const std::string f = gazetteer::fold(kept);
  if (f.empty()) return out;
  // 2. Generic names.
  for (const auto& [prefix, category] : std::initializer_list<std::pair<const char*, const char*>>{
           {"unidentified", "unidentified"}, {"unknown", "unidentified"}, {"civilians", "civilians"},
           {"protesters", "protesters"},     {"rioters", "rioters"}})
    if (starts_with_words(f, prefix)) {
      out.category = category;
      return out;
    }
  // 3. ACLED state forces.
  for (const char* prefix : {"military forces of", "police forces of"}) {
    if (f.rfind(std::string(prefix) + " ", 0) != 0) continue;
    const std::string rest = f.substr(std::string(prefix).size() + 1);
    out.category = "state_forces";
    // The longest run of leading words that names a country or a party.
    std::string probe = rest;
    while (!probe.empty()) {
      for (const auto& [c, id] : m.countries)
        if (c == probe) {
          out.id = id;
          out.how = "state_forces";
          out.matched = probe;
          return out;
        }
      if (auto it = m.party_names.find(probe); it != m.party_names.end()) {
        out.id = it->second;
        out.how = "state_forces";
        out.matched = probe;
        return out;
      }
      const auto sp = probe.rfind(' ');
      probe = sp == std::string::npos ? std::string() : probe.substr(0, sp);
    }
    out.matched = rest;  // the forces of a state that is not a party of the agreement
    return out;
  }
  // 4. The whole text.
  if (auto e = m.exact.find(f); e != m.exact.end()) {
    out.id = e->second;
    out.how = "alias";
    out.matched = f;
    return out;
  }
  // 5 and 6. Whole words, longest first.
  const std::string padded = " " + f + " ";
  for (const auto& w : m.words)
    if (padded.find(w.padded) != std::string::npos) {
      out.id = w.id;
      out.how = w.how;
      out.matched = w.padded.substr(1, w.padded.size() - 2);
      return out;
    }
  return out;
}

}  // namespace truceline::assess
