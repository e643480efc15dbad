// The extract pipeline (extract.hpp, docs/extract.md): Document, then the finders (places,
// actors: places helper; dates, numbers, weapons: lex helper; events: events.hpp), then the
// candidate assembly (candidates.hpp).
#include <algorithm>
#include "truceline/extract/extract.hpp"

#include <fmt/format.h>

#include <exception>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/extract/actors.hpp"
#include "truceline/extract/candidates.hpp"
#include "truceline/extract/dates.hpp"
#include "truceline/extract/document.hpp"
#include "truceline/extract/events.hpp"
#include "truceline/extract/numbers.hpp"
#include "truceline/extract/places.hpp"
#include "truceline/extract/weapons.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/gazetteer/resolve.hpp"

namespace truceline::extract {

namespace {

// A claimant read forwards from its cue runs to a clause boundary or eight words, so it can take
// in what the claimant said ("نفت الجبهة الوطنية للتحرير مسؤوليتها عن القصف"). When it opens
// with a named party or group (an actor mention of the agreement), that name is the claimant.
void trim_claimants_to_actors(const Document& doc, const std::vector<ActorMention>& actors, EventFindings& ev) {
  auto trim = [&](std::optional<Claimant>& c) {
    if (!c) return;
    for (const ActorMention& a : actors)
      if (!a.id.empty() && a.span.begin == c->span.begin && a.span.end < c->span.end) {
        c->span = a.span;
        c->text = std::string(doc.slice(a.span));
        return;
      }
  };
  for (auto& c : ev.claimant) trim(c);
  for (auto& d : ev.denials) trim(d.by);
}

}  // namespace

struct Extractor::Impl {
  const agreement::Agreement* agreement;
  PlaceFinder places;
  ActorFinder actors;
  WeaponFinder weapons;
  gazetteer::Resolver resolver;  // unscoped: does a region's name match any place at all?
  Impl(const agreement::Agreement& a, const gazetteer::Gazetteer& g, const agreement::AreaOfInterest* area,
       LocalitiesSource localities)
      : agreement(&a), places(g, &a, area, std::move(localities)), actors(a), weapons(a), resolver(g) {}
  // Ingest's resolver (docs/report-format.md, "Place resolution") at its threshold, with no
  // scope: a scope only removes candidates, so "no match here" holds for every ingest.
  bool name_matches_a_place(std::string_view name) const {
    const gazetteer::Resolution res = resolver.resolve(name);
    for (const auto& j : res.candidates)
      if (j.candidate.score >= res.threshold) return true;
    return false;
  }
  // One party a member of the other in the agreement ("turkish-armed-forces" of "turkey").
  bool member_of(std::string_view a, std::string_view b) const {
    for (const auto& x : agreement->actors) {
      if (x.id == a && std::find(x.member_of.begin(), x.member_of.end(), b) != x.member_of.end()) return true;
      if (x.id == b && std::find(x.member_of.begin(), x.member_of.end(), a) != x.member_of.end()) return true;
    }
    return false;
  }
  // The party a weapon class is attributed to, and its source's title (WeaponClass::attributed_to).
  std::optional<std::pair<std::string, std::string>> weapon_user(std::string_view cls) const {
    const agreement::WeaponClass* wc = agreement->weapon_class(std::string(cls));
    if (!wc || wc->attributed_to.empty()) return std::nullopt;
    const agreement::Source* src = agreement->source(wc->attribution_source);
    return std::make_pair(wc->attributed_to, src ? src->title : wc->attribution_source);
  }
};

Extractor::Extractor(const agreement::Agreement& a, const gazetteer::Gazetteer& g, const agreement::AreaOfInterest* area,
                     LocalitiesSource localities)
    : impl_(std::make_unique<Impl>(a, g, area, std::move(localities))) {}

Extractor::~Extractor() = default;


Result Extractor::run(std::string_view file_name, std::string text, const Options& opt) const {
  Result r;
  const Document doc = Document::make(std::move(text), opt.lang.empty() ? "auto" : opt.lang);
  const std::string source = opt.source.empty() ? std::string(file_name) : opt.source;
  const std::string source_type = opt.source_type.empty() ? "media" : opt.source_type;
  Mentions m;
  EventFindings ev;
  std::vector<Statement> statements;
  if (doc.tokens().empty()) {
    r.notes.push_back("empty text: no candidates");
  } else {
    // A finder must not throw on any text (the contract); should one do so all the same, the
    // file is reported, not the run aborted with nothing said.
    try {
      m.places = impl_->places.find(doc);
      {
        // The countries of the text's places (the actor finder's context rule: "the army" of
        // the one state the text points to).
        std::vector<std::string> countries;
        for (const auto& p : m.places)
          if ((p.kind == "point" || p.kind == "region") && !p.ruled_out) countries.push_back(p.country);
        m.actors = impl_->actors.find(doc, countries);
      }
      m.dates = find_dates(doc, opt.published, impl_->agreement);
      // A day's name inside a place's name is no date: "Beyt Hac Cuma" (Bayt Hajj Jum`ah; cuma =
      // Friday), "Beyt Hac Cuma'ya" (held-out set 34, read as four Fridays).
      std::erase_if(m.dates, [&](const DateMention& d) {
        return std::any_of(m.places.begin(), m.places.end(), [&](const PlaceMention& p) {
          // (a located name only, the day word inside it, not opening it: "Pazartesi Haas" read as
          // one window keeps its Monday; reviewer, session 34)
          return !p.ruled_out && p.kind == "point" && d.span.begin > p.span.begin && d.span.begin < p.span.end;
        });
      });
      m.numbers = find_numbers(doc, m.dates);  // the dates already found are not looked for again
      m.weapons = impl_->weapons.find(doc);
      ev = find_events(doc);
      trim_claimants_to_actors(doc, m.actors, ev);
      {
        // Who speaks in each sentence (its claimant, own or carried): "our troops" are theirs.
        std::vector<std::optional<Span>> speaker(doc.sentences().size());
        for (std::size_t si = 0; si < speaker.size() && si < ev.claimant.size(); ++si)
          if (ev.claimant[si]) speaker[si] = ev.claimant[si]->span;
        for (const auto& d : ev.denials)  // "The Syrian army denied …": it speaks too
          if (d.by && d.sentence < speaker.size() && !speaker[d.sentence]) speaker[d.sentence] = d.by->span;
        impl_->actors.add_first_person(doc, m.actors, speaker);
      }
      statements = ev.statements;
      std::vector<DateMention> times;
      r.candidates = assemble_candidates(doc, ev, m, {std::string(file_name), opt.published, source, source_type,
                                          [this](std::string_view n) { return impl_->name_matches_a_place(n); },
                                          [this](std::string_view a, std::string_view b) { return impl_->member_of(a, b); },
                                          [this](std::string_view cls) { return impl_->weapon_user(cls); }},
                                         &statements, &times);
      // (the times of day read as their events' days join the date mentions, in text order)
      m.dates.insert(m.dates.end(), times.begin(), times.end());
      std::stable_sort(m.dates.begin(), m.dates.end(),
                       [](const DateMention& a, const DateMention& b) { return a.span.begin < b.span.begin; });
    } catch (const std::exception& e) {
      r.candidates.clear();
      r.notes.push_back(fmt::format("extraction failed ({}): no candidates", e.what()));
    }
  }
  nlohmann::json j = {{"file", file_name},
                      {"lang", doc.lang()},
                      {"lang_from", doc.lang_detected() ? "detected" : "option"},
                      {"published", opt.published ? nlohmann::json(format_date(*opt.published)) : nlohmann::json(nullptr)},
                      {"chars", doc.code_points()},
                      {"sentences", doc.sentences().size()}};
  j.update(mentions_json(doc, ev, m, statements));
  r.mentions = std::move(j);
  return r;
}


}  // namespace truceline::extract
