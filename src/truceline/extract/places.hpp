// Place mentions in a news text (docs/extract.md, "Places and actors"): the place names a
// careful analyst would locate, each resolved to a gazetteer point through the same rules as
// `ingest` (gazetteer::Resolver, scoped to the agreement's area of interest plus its
// place_margin_m(), threshold kMinScore), or kept as a region (a province, a district, a
// "countryside", a road, the zone) or as unresolved, with why.
//
// How a name is spotted (PlaceMention::rule, several parts joined by "+"):
//   cue:<word>       a cue before it ("in", "near", "village of", "в районе", "قرب", "قرية")
//   gazetteer        its tokens are a gazetteer name (folded), Latin/Cyrillic capitalised
//   capitalised      a capitalised n-gram (1-4 tokens, with al-/ad-/Kafr/Tell particles)
//   ar:<proclitics>  Arabic proclitics stripped ("ar:و+ب"); ar:exact an Arabic alternate as is
//   ru:-<ending>     a Russian case ending stripped ("ru:-е": Идлибе -> Идлиб)
//   agreement:post   an observation post of the agreement ([[post]] name)
//   region:<what>    a province / countryside / road / zone wording
//   offset           a relative position ("5 km north of X"): X's point, the offset in reason
//   localities       located by the localities supplement (a cued village the main gazetteer lacks)
// Resolution (PlaceMention::match/score): the gazetteer match kind and score of the resolver's
// best candidate ("exact", "key"; "post" for an agreement post; "" when none).
//
// Thread safety: find() is const and may run concurrently (an internal resolution cache is
// guarded by a mutex). Never throws on a Document.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/extract/document.hpp"
#include "truceline/gazetteer/gazetteer.hpp"

namespace truceline::extract {

struct PlaceMention {
  Span span;
  std::string text;
  std::string kind;  // point | region | unresolved   (region: a province/district/"countryside"/road: no point)
  std::optional<std::string> name;
  std::optional<std::uint32_t> geonameid;
  std::optional<double> lon, lat;
  std::string match;  // gazetteer match kind ("exact", "key"), "post", or "" when none
  double score = 0;   // its score (0 when none)
  std::string country, admin1;  // of the resolved place, or of the region
  std::string reason;           // why not a point / why unresolved / what was assumed
  std::string rule;             // how it was spotted (header comment)
  // A point read from a name that is both a city and its province ("Idlib"), the city assumed
  // (said in reason): a candidate does not borrow it from another sentence.
  bool city_or_province = false;
  // The direction words of an offset ("east of" in "Maar Shurin, east of Maarat al-Numan",
  // "شرقي", Turkish "güneydoğusundaki" after the name), when the rule has "offset"; else empty.
  Span offset_words{};
  // Named inside a clause that rules a namesake out ("(not Kafr Jannah in the Afrin area)", "لا
  // جدرايا القريبة من تفتناز"): the namesake and the places that tell it apart. Never an event's
  // place; mentions JSON "ruled_out": true.
  bool ruled_out = false;
};

// The azimuth (degrees clockwise from north) that offset words tell ("south-south-west of", "к
// северо-северо-западу от", "شمال غربي", "kuzeydoğusunda"), or none (places.cpp).
std::optional<double> offset_azimuth(const Document& d, Span words);

// Gives the localities supplement (data/gazetteer/localities.tsv) when first needed, or null; called
// at most once per finder, from any thread. What it returns must outlive the finder.
using LocalitiesSource = std::function<const gazetteer::Gazetteer*()>;

class PlaceFinder {
 public:
  // `gazetteer` (and `agreement`, `area` when given) must outlive the finder. agreement may be
  // null (no posts); area may be null (no scope: every gazetteer place is acceptable).
  // `localities` (may be null): the localities supplement (data/gazetteer/localities.tsv), looked
  // up only for a cued name the main gazetteer does not locate (rule "localities").
  PlaceFinder(const gazetteer::Gazetteer& gazetteer, const agreement::Agreement* agreement,
              const agreement::AreaOfInterest* area, LocalitiesSource localities = {});
  ~PlaceFinder();
  PlaceFinder(PlaceFinder&&) noexcept;

  // The place mentions of the document, in text order, never overlapping.
  std::vector<PlaceMention> find(const Document& doc) const;

 private:
  // One pass. `ahead`: the points a first pass found, which the second may take as the point a
  // weak cue's village is near when they follow it in its sentence; `wants_ahead` (first pass):
  // set when a weak cue's village found no point before it.
  std::vector<PlaceMention> find(const Document& doc, const std::vector<PlaceMention>* ahead, bool* wants_ahead) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::extract
