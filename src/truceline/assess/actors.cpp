// Actor resolution (rules in actors.hpp and docs/assessment.md).
#include "truceline/assess/actors.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "truceline/agreement/forces.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/gazetteer/resolve.hpp"

namespace truceline::assess {

const std::vector<std::string>& force_nouns() {
  // Words that, after a demonym, name a state's forces or government. Not "militias",
  // "factions", "backed", "opposition", "rebels": "Iranian militias" or "Turkish-backed
  // factions" are not the state's own forces.
  static const std::vector<std::string> n{
      "air force",  "armed forces", "special forces", "forces",   "force",   "army",       "military",
      "troops",     "soldiers",     "jets",           "warplanes", "aircraft", "planes",    "helicopters",
      "drones",     "artillery",    "navy",           "government", "regime", "air defence", "air defense",
      "warships",   "gunboats",     "tanks",          "units",
      // ("regime guns shelled X", "Turkish howitzers", "regime snipers"; issue 14, session 41)
      "guns",       "gunners",      "batteries",      "howitzers", "snipers"};
  return n;
}

namespace {

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

// Force nouns that name a state's organs, not its armed forces.
bool is_organ_noun(const std::string& folded) { return folded == "government" || folded == "regime"; }

bool starts_with_words(const std::string& folded, const std::string& prefix) {
  return folded == prefix || folded.rfind(prefix + " ", 0) == 0;
}

}  // namespace

bool is_country_name(const std::string& folded, const std::vector<std::string>& extra) {
  return gazetteer::country_code_of_name(folded).has_value() ||
         std::find(extra.begin(), extra.end(), folded) != extra.end();
}

namespace {

std::vector<std::string> tokens(const std::string& folded) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < folded.size()) {
    const auto sp = folded.find(' ', from);
    const auto to = sp == std::string::npos ? folded.size() : sp;
    if (to > from) out.push_back(folded.substr(from, to - from));
    from = to + 1;
  }
  return out;
}

// Words that turn a name into someone else: "anti-HTS protesters", "Free Syrian Army",
// "former Nusra members" (before); "Syrian government opponents", "Syrian Army deserters"
// (after). A name so qualified names nobody.
const std::set<std::string>& blockers_before() {
  static const std::set<std::string> w{"anti", "against", "counter", "free", "ex", "former", "pro", "non",
                                       "breakaway", "dissident", "rival"};
  return w;
}
const std::set<std::string>& blockers_after() {
  static const std::set<std::string> w{"opponents", "opponent", "opposition", "deserters", "deserter", "defectors",
                                       "defector", "critics", "victims", "supporters", "sympathisers",
                                       "sympathizers", "detainees", "prisoners", "defectors", "splinter",
                                       "dissidents", "backed", "affiliated", "allied", "aligned", "linked",
                                       "inspired"};
  return w;
}

}  // namespace

struct ActorResolver::Impl {
  std::unordered_map<std::string, std::string> exact;  // folded name/alias -> id
  struct Alias {
    std::vector<std::string> words;
    std::string id;
  };
  std::vector<Alias> aliases;                                   // longest first
  std::unordered_map<std::string, std::string> demonyms;        // folded demonym -> party id
  std::vector<std::vector<std::string>> nouns;                  // force nouns, longest first
  std::vector<std::pair<std::string, std::string>> countries;   // folded country -> party id
  std::vector<std::string> country_list;                        // folded, for qualifiers
  std::unordered_map<std::string, std::string> party_names;     // folded name/alias -> party id
  std::map<std::string, std::string> forces_of;                 // state id -> its armed forces' party id

  void add(const std::string& name, const std::string& id) {
    const std::string f = gazetteer::fold(name);
    if (f.empty()) return;
    exact.emplace(f, id);
    aliases.push_back({tokens(f), id});
  }
  // The force noun (its length in words) starting at word i, or 0.
  std::size_t noun_at(const std::vector<std::string>& t, std::size_t i) const {
    for (const auto& n : nouns)
      if (i + n.size() <= t.size() && std::equal(n.begin(), n.end(), t.begin() + static_cast<std::ptrdiff_t>(i)))
        return n.size();
    return 0;
  }
};

ActorResolver::ActorResolver(const agreement::Agreement& a) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  for (const auto& x : a.actors) {
    m.add(x.name, x.id);
    for (const auto& al : x.aliases) m.add(al, x.id);
    if (x.is_group) continue;
    m.party_names.emplace(gazetteer::fold(x.name), x.id);
    for (const auto& al : x.aliases) m.party_names.emplace(gazetteer::fold(al), x.id);
    if (!x.country.empty()) {
      m.countries.emplace_back(gazetteer::fold(x.country), x.id);
      m.country_list.push_back(gazetteer::fold(x.country));
    }
    for (const auto& d : x.demonyms)
      if (const std::string f = gazetteer::fold(d); !f.empty()) m.demonyms.emplace(f, x.id);
  }
  std::stable_sort(m.aliases.begin(), m.aliases.end(),
                   [](const Impl::Alias& p, const Impl::Alias& q) { return p.words.size() > q.words.size(); });
  for (const auto& n : force_nouns()) m.nouns.push_back(tokens(n));
  std::stable_sort(m.nouns.begin(), m.nouns.end(), [](const auto& p, const auto& q) { return p.size() > q.size(); });
  // A state's armed forces (agreement::armed_forces_of_states, the rule extract shares): an
  // alias "DEMONYM FORCE-NOUN" with no organ noun ("Turkish army") names them here. A demonym
  // before a force noun that is no organ ("Turkish troops", "Turkish artillery") then names
  // that party, as its alias does; "Turkish government" names the state.
  m.forces_of = agreement::armed_forces_of_states(a, [&m](const std::string& state, std::string_view alias) {
    const std::vector<std::string> t = tokens(gazetteer::fold(alias));
    if (t.size() < 2) return false;
    const auto d = m.demonyms.find(t[0]);
    return d != m.demonyms.end() && d->second == state && m.noun_at(t, 1) == t.size() - 1 && !is_organ_noun(t[1]);
  });
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
  // 3. ACLED state forces (and "Government of X").
  for (const char* prefix : {"military forces of", "police forces of", "government of"}) {
    if (f.rfind(std::string(prefix) + " ", 0) != 0) continue;
    std::string rest = f.substr(std::string(prefix).size() + 1);
    if (rest.rfind("the ", 0) == 0) rest.erase(0, 4);
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
  // 5. Names and aliases as whole words, longest first, never overlapping; a name qualified by
  // a blocking word ("anti-", "Free", "… opponents") covers its words but names nobody.
  const std::vector<std::string> t = tokens(f);
  std::vector<bool> covered(t.size(), false);
  struct Found {
    std::string id, how, matched;
  };
  std::vector<Found> found;
  std::vector<std::string> blocked;
  for (const auto& al : m.aliases) {
    const std::size_t k = al.words.size();
    for (std::size_t i = 0; i + k <= t.size(); ++i) {
      if (!std::equal(al.words.begin(), al.words.end(), t.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      if (std::any_of(covered.begin() + static_cast<std::ptrdiff_t>(i),
                      covered.begin() + static_cast<std::ptrdiff_t>(i + k), [](bool c) { return c; }))
        continue;
      std::fill(covered.begin() + static_cast<std::ptrdiff_t>(i), covered.begin() + static_cast<std::ptrdiff_t>(i + k),
                true);
      std::string words;
      for (const auto& w : al.words) words += (words.empty() ? "" : " ") + w;
      const bool before = i > 0 && blockers_before().count(t[i - 1]);
      const bool after = i + k < t.size() && blockers_after().count(t[i + k]);
      if (before || after) {
        blocked.push_back(before ? t[i - 1] + " " + words : words + " " + t[i + k]);
      } else {
        found.push_back({al.id, "alias_in_text", words});
      }
    }
  }
  // 6. Demonyms before a force noun, also in a list ("Syrian and Russian warplanes").
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (covered[i]) continue;
    const auto d = m.demonyms.find(t[i]);
    if (d == m.demonyms.end()) continue;
    std::size_t j = i + 1;
    while (j < t.size() && !covered[j] && (t[j] == "and" || t[j] == "or" || m.demonyms.count(t[j]))) ++j;
    if (j >= t.size() || covered[j] || m.noun_at(t, j) == 0) continue;
    if (i > 0 && blockers_before().count(t[i - 1])) {
      blocked.push_back(t[i - 1] + " " + t[i]);
      continue;
    }
    const std::size_t n = m.noun_at(t, j);
    if (j + n < t.size() && blockers_after().count(t[j + n])) {
      blocked.push_back(t[i] + " … " + t[j + n]);
      continue;
    }
    std::string noun;
    for (std::size_t x = j; x < j + n; ++x) noun += (noun.empty() ? "" : " ") + t[x];
    const bool organ = n == 1 && is_organ_noun(t[j]);
    found.push_back({agreement::forces_or_state(m.forces_of, d->second, organ), "demonym", t[i] + " " + noun});
  }
  std::set<std::string> ids;
  for (const auto& x : found) ids.insert(x.id);
  if (ids.size() == 1) {
    out.id = found.front().id;
    out.how = found.front().how;
    out.matched = found.front().matched;
    for (const auto& x : found)
      if (x.how == "alias_in_text") {  // a name beats a demonym when both point at the same id
        out.how = x.how;
        out.matched = x.matched;
        break;
      }
  } else if (ids.size() > 1) {
    out.category = "several";  // joint actors: not attributed to one of them
    for (const auto& id : ids) out.matched += (out.matched.empty() ? "" : ", ") + id;
    out.ids.assign(ids.begin(), ids.end());
  } else if (!blocked.empty()) {
    out.category = "qualified";  // a name turned into someone else by a blocking word
    out.matched = blocked.front();
  }
  return out;
}

}  // namespace truceline::assess
