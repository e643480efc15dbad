// extract::Extractor end to end with the Idlib agreement and the bundled gazetteer: the
// mentions object's keys, candidates that are valid reports (store::report_from_json), every
// evidence span pointing at its text, statements and empty texts giving no candidate, and the
// same answer from several threads. Texts are our own.
#include "truceline/extract/extract.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include <array>

#include "truceline/gazetteer/resolve.hpp"

#include <set>
#include <string>
#include <thread>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/extract/document.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/candidates.hpp"

namespace truceline::extract {
namespace {

using nlohmann::json;
using namespace std::chrono;

struct World {
  agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  agreement::AreaOfInterest area{a};
  gazetteer::Gazetteer g = gazetteer::Gazetteer::load(gazetteer::default_data_file());
  Extractor x{a, g, &area};
};

World& world() {
  static World w;
  return w;
}

Options published(year_month_day d) {
  Options o;
  o.published = d;
  o.source = "Test Wire";
  return o;
}

const char* kText =
    "Government forces shelled the town of Saraqib on Tuesday, killing three civilians, according to the "
    "Syrian Observatory for Human Rights.\n\nRussia and Turkey agreed to start joint patrols next month.";

// The code point slice [b, e) of a text.
std::string cp_slice(const std::string& text, std::size_t b, std::size_t e) {
  const Document d = Document::make(text);
  return std::string(d.slice({b, e}));
}

// Every {"text": T, "span": [b, e]} object inside j, checked against the text.
void check_spans(const json& j, const std::string& text, int& checked) {
  if (j.is_object()) {
    if (j.contains("span") && j["span"].is_array() && j.contains("text") && j["text"].is_string()) {
      EXPECT_EQ(cp_slice(text, j["span"][0], j["span"][1]), j["text"].get<std::string>()) << j.dump();
      ++checked;
    }
    for (const auto& [k, v] : j.items()) check_spans(v, text, checked);
  } else if (j.is_array()) {
    for (const auto& v : j) check_spans(v, text, checked);
  }
}

TEST(Pipeline, MentionsObjectHasEveryKey) {
  const Result r = world().x.run("a.txt", kText, published(2018y / October / 12));
  for (const char* k : {"file", "lang", "lang_from", "published", "chars", "sentences", "places", "actors", "dates",
                        "numbers", "weapons", "statements"})
    EXPECT_TRUE(r.mentions.contains(k)) << k;
  EXPECT_EQ(r.mentions["file"], "a.txt");
  EXPECT_EQ(r.mentions["lang"], "en");
  EXPECT_EQ(r.mentions["lang_from"], "detected");
  EXPECT_EQ(r.mentions["published"], "2018-10-12");
  ASSERT_EQ(r.mentions["statements"].size(), 1u);
  EXPECT_EQ(r.mentions["statements"][0]["why"], "agreement");
}

TEST(Pipeline, CandidatesAreValidReportsWithSpans) {
  const Result r = world().x.run("a.txt", kText, published(2018y / October / 12));
  ASSERT_EQ(r.candidates.size(), 1u);
  const json& c = r.candidates[0];
  EXPECT_EQ(c["kind"], "shelling");
  EXPECT_EQ(c["status"], "candidate");
  EXPECT_EQ(c["claimed_by"], "Syrian Observatory for Human Rights");
  const store::RowOutcome row = store::report_from_json(c);
  EXPECT_TRUE(row.report) << row.error;
  int checked = 0;
  check_spans(c["evidence"], kText, checked);
  check_spans(r.mentions, kText, checked);
  EXPECT_GT(checked, 3);
}

// An event whose only place is a region: a valid report without coordinates whose `place`
// ingest's resolver (scoped to the agreement, as `ingest --agreement`) leaves unresolved, so
// the candidate is recorded unlocated, never at the town of the same name.
TEST(Pipeline, RegionOnlyCandidateIsRecordedUnlocated) {
  for (const char* text : {"Rebel fighters fired rockets at villages in the Hama countryside, killing a woman.",
                           "استهدفت الفصائل بالصواريخ قرى في ريف حماة الشمالي."}) {
    const Result r = world().x.run("r.txt", text, published(2018y / October / 12));
    ASSERT_EQ(r.candidates.size(), 1u) << text;
    const json& c = r.candidates[0];
    EXPECT_EQ(c["kind"], "shelling");
    EXPECT_FALSE(c.contains("lon"));
    const store::RowOutcome row = store::report_from_json(c);
    ASSERT_TRUE(row.report) << row.error;
    ASSERT_TRUE(c.contains("place")) << c.dump();
    gazetteer::ResolveOptions o;
    const agreement::AreaOfInterest& area = world().area;
    o.scope = gazetteer::Scope{"idlib", [&area](gazetteer::LonLat p) { return area.distance_m(p); }, 0};
    const gazetteer::Resolver res(world().g, o);
    EXPECT_FALSE(res.resolve(c["place"].get<std::string>()).resolved()) << c["place"];
    EXPECT_NE(c["uncertain"].dump().find("only a region"), std::string::npos);
  }
}

TEST(Pipeline, StatementsOnlyGiveNoCandidate) {
  const Result r = world().x.run(
      "s.txt", "The ministers welcomed the memorandum. Ankara will withdraw its heavy weapons. No shelling was reported.",
      published(2018y / October / 12));
  EXPECT_TRUE(r.candidates.empty());
  EXPECT_EQ(r.mentions["statements"].size(), 3u);
}

TEST(Pipeline, EmptyTextIsANote) {
  const Result r = world().x.run("e.txt", "", Options{});
  EXPECT_TRUE(r.candidates.empty());
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0], "empty text: no candidates");
  EXPECT_TRUE(r.mentions["places"].empty());
}

TEST(Pipeline, WithoutAnyDateTheCandidateSaysSo) {
  const Result r = world().x.run("a.txt", "Clashes broke out near Saraqib.", Options{});
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_FALSE(r.candidates[0].contains("observed_at"));
  EXPECT_EQ(r.candidates[0]["source"]["name"], "a.txt");  // no --source: the file name
  EXPECT_EQ(r.candidates[0]["source"]["type"], "media");
  EXPECT_NE(r.candidates[0]["uncertain"].dump().find("observed_at is missing"), std::string::npos);
}

TEST(Pipeline, LanguageOption) {
  Options o;
  o.lang = "ru";
  const Result r = world().x.run("a.txt", "Боевики обстреляли позиции армии.", o);
  EXPECT_EQ(r.mentions["lang"], "ru");
  EXPECT_EQ(r.mentions["lang_from"], "option");
}

TEST(Pipeline, SameAnswerFromSeveralThreads) {
  const Options o = published(2018y / October / 12);
  const json expected = json(world().x.run("a.txt", kText, o).candidates);
  std::vector<json> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = json(world().x.run("a.txt", kText, o).candidates); });
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST(Pipeline, NeverThrowsOnOddTexts) {
  for (const char* t : {"\xEF\xBB\xBF", ".", "\n\n\n", "according to", "بحسب", "١٢", "5 km north of", "shelled shelled shelled",
                        "по данным по данным", "No. Not. Never."})
    EXPECT_NO_THROW(world().x.run("odd.txt", t, Options{})) << t;
}
// ---- Candidate quality (issue 14, second pass). Each test failed on the code before it. ----

// The candidates of a text, published 2018-10-09 (a Tuesday).
std::vector<json> candidates_of(const char* text) {
  return world().x.run("q.txt", text, published(2018y / October / 9)).candidates;
}
std::string actor_of(const json& c) { return c.value("actor", std::string()); }
std::string actor_id_of(const json& c) {
  if (!c["evidence"].contains("actor")) return "";
  const json& id = c["evidence"]["actor"]["id"];
  return id.is_string() ? id.get<std::string>() : "";
}
bool says(const json& c, std::string_view words) { return c["uncertain"].dump().find(words) != std::string::npos; }

// Defect 1: the actor stated in the next sentence, which refers back to the event ("the
// attack"), or in a sentence that tells the event again ("the raid"), or before a pronoun.
TEST(CandidateQuality, ActorFromANeighbouringSentenceThatContinuesTheEvent) {
  {
    const auto cs = candidates_of("Saraqib was shelled on Monday. Government forces carried out the attack, the monitor said.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "syria");
    EXPECT_TRUE(says(cs[0], "from the next sentence")) << cs[0]["uncertain"];
    EXPECT_EQ(cs[0]["evidence"]["actor"]["rule"], "next_sentence:anaphor");
  }
  {
    const auto cs = candidates_of("Warplanes struck Kafr Nabl on Monday. Russian jets carried out the raid, killing four people.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "russia");
    EXPECT_EQ(cs[0]["fatalities"], 4);
    EXPECT_TRUE(says(cs[0], "tells the same event again"));
  }
  {
    const auto cs = candidates_of("تعرضت بلدة سراقب لقصف مدفعي يوم الاثنين. وقتل ثلاثة أشخاص جراء القصف الذي نفذته قوات النظام.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "syria");
    EXPECT_EQ(cs[0]["fatalities"], 3);
  }
  {
    const auto cs = candidates_of("Government forces massed near Saraqib. They shelled the town of Saraqib on Monday.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "syria");
    EXPECT_TRUE(says(cs[0], "the pronoun 'They'"));
  }
  // Another place in the next sentence: not the same event, its actor is not taken.
  {
    const auto cs = candidates_of("Saraqib was shelled on Monday. Government forces carried out the attack on Sarmin, the monitor said.");
    ASSERT_GE(cs.size(), 1u);
    EXPECT_EQ(actor_of(cs[0]), "");
  }
  // Across a blank line only a sentence that refers back to the event continues it.
  {
    const auto cs = candidates_of("Saraqib was shelled on Monday.\n\nGovernment forces were deployed nearby, the monitor said.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_of(cs[0]), "");
    const auto ks = candidates_of("Saraqib was shelled on Monday.\n\nGovernment forces carried out the attack, the monitor said.");
    ASSERT_EQ(ks.size(), 1u);
    EXPECT_EQ(actor_id_of(ks[0]), "syria");
  }
}

// "The shelling also hit X": the event told before, extended to another place, is a candidate
// of its own at that place with the earlier event's day and actor, both said to be assumed.
TEST(CandidateQuality, AnEventExtendedToAnotherPlaceKeepsItsDayAndActor) {
  {
    const auto cs = candidates_of(
        "Government forces shelled Saraqib on Monday, the monitor said. The monitor added that the shelling also hit "
        "Sarmin.");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(cs[1]["place"], "Sarmīn");
    EXPECT_EQ(cs[1]["observed_at"], cs[0]["observed_at"]);
    EXPECT_EQ(actor_id_of(cs[1]), "syria");
    EXPECT_TRUE(says(cs[1], "the event it extends")) << cs[1]["uncertain"];
  }
  {
    const auto cs = candidates_of(
        "قصفت قوات النظام بلدة سراقب يوم الاثنين، بحسب الدفاع المدني. وأضاف المصدر أن القصف طال أيضا مدينة خان شيخون.");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(cs[1]["observed_at"], cs[0]["observed_at"]);
    EXPECT_EQ(actor_id_of(cs[1]), "syria");
  }
  // Without "also", a place of its own and no date: not assumed to be the same day.
  {
    const auto cs = candidates_of("Government forces shelled Saraqib on Monday. Shells hit Sarmin, residents said.");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(actor_of(cs[1]), "");
  }
}

// A claimant that opens with a named party or group is that name, not what it went on to say.
TEST(CandidateQuality, AClaimantNamedByTheAgreementIsItsName) {
  const auto cs = candidates_of(
      "قصفت قوات النظام بلدة سراقب يوم الاثنين، بحسب الدفاع المدني. ونفت الجبهة الوطنية للتحرير مسؤوليتها عن "
      "القصف.");
  ASSERT_GE(cs.size(), 1u);
  bool denied = false;
  for (const auto& x : cs[0]["claims"])
    if (x["value"] == "denied") {
      denied = true;
      EXPECT_EQ(x["claimed_by"], "الجبهة الوطنية للتحرير");
    }
  EXPECT_TRUE(denied) << cs[0]["claims"];
}

// Defect 2: one event told twice (a headline and its body; a month-long summary and the day)
// is one candidate with every claim and all evidence.
TEST(CandidateQuality, OneEventToldTwiceIsOneCandidate) {
  {
    const auto cs = candidates_of(
        "Government forces shell Saraqib\n\nSARAQIB - Government forces shelled the town of Saraqib on Monday, killing "
        "two civilians, the monitor said.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
    EXPECT_EQ(cs[0]["evidence"]["sentences"].size(), 2u);
    EXPECT_TRUE(cs[0]["evidence"].contains("merged"));
    EXPECT_TRUE(says(cs[0], "told twice"));
    // Both claimants' assertions are kept.
    EXPECT_EQ(cs[0]["claims"].size(), 3u) << cs[0]["claims"];  // two assertions, one figure
  }
  {
    const auto cs = candidates_of(
        "Government forces shelled Kafr Zita on Monday, killing a farmer.\n\nKafr Zita has been shelled almost every day "
        "this month.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
  }
  // Incompatible actors: two events.
  {
    const auto cs = candidates_of("Rebels shelled Saraqib on Monday.\n\nRussian warplanes bombed Saraqib.");
    EXPECT_EQ(cs.size(), 2u);
  }
  {
    const auto cs = candidates_of("Government forces shell Saraqib\n\nHTS fighters shelled Saraqib on Monday.");
    EXPECT_EQ(cs.size(), 2u);
  }
}

// Defect 3: "one rocket landed near a school" describes one projectile; it is no explosions
// claim competing with "at least eight explosions".
TEST(CandidateQuality, ASingularMentionIsNoCountClaim) {
  const auto cs = candidates_of(
      "Government forces shelled Saraqib on Monday with at least eight explosions, the monitor said. One rocket landed "
      "near a school, residents said.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["explosions"], 8);
  for (const auto& cl : cs[0]["claims"]) EXPECT_NE(cl["value"], 1) << cl;
  EXPECT_FALSE(says(cs[0], "claims differ"));
  bool kept = false;  // the mention stays in the evidence, marked
  for (const auto& n : cs[0]["evidence"]["numbers"])
    if (n["field"].is_null()) kept = true;
  EXPECT_TRUE(kept);
  // A figure of one that counts the dead is a claim.
  const auto ks = candidates_of("Government forces shelled Saraqib on Monday, killing one civilian.");
  ASSERT_EQ(ks.size(), 1u);
  EXPECT_EQ(ks[0]["fatalities"], 1);
}

// Defect 5: the subject after the verb (Arabic VSO with the demonym after the noun; Russian
// free word order), and the trigger inside the actor phrase.
TEST(CandidateQuality, SubjectAfterTheVerbIsTheActor) {
  for (const char* text : {"شنت طائرات حربية روسية غارات على بلدة كفرنبل يوم الاثنين.",
                           "Удар нанесли российские самолёты по Саракибу в понедельник.",
                           "Удар по Саракибу в понедельник нанесли российские самолёты.",
                           "Russian warplanes struck Kafr Nabl on Monday."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["kind"], "airstrike") << text;
    EXPECT_EQ(actor_id_of(cs[0]), "russia") << text;
  }
  // An object in the genitive after the verb is not the subject.
  const auto cs = candidates_of("Обстреляли позиции боевиков в Саракибе в понедельник.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_of(cs[0]), "");
}


// Issue 14, actor recall: a bare army noun ("Army units", "the military", "وحدات من الجيش",
// "армия") names the armed forces of the one state the text points to: the states whose
// forces or organs its other actor mentions name, with the state of the country its located
// places are in. One such state: that state's forces (how "context", said in `uncertain`);
// none or several: nobody (no mention). Texts are our own.
TEST(CandidateQuality, ABareArmyNounNamesTheOneStateTheTextPointsTo) {
  for (const char* text : {"Army units shelled Kafr Zita on Monday.", "The military said it shelled Kafr Zita on Monday.",
                           "قصفت وحدات من الجيش بلدة كفرنبل يوم الاثنين.",
                           "Армия обстреляла Саракиб в понедельник."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << text;
    EXPECT_TRUE(says(cs[0], "the one state")) << text << "\n" << cs[0]["uncertain"];
  }
  // Russian jets are air forces, not "the army": the places still point to Syria alone.
  {
    const auto cs = candidates_of("Russian jets struck Kafr Nabl on Monday. Army units shelled Kafr Zita on Tuesday.");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(actor_id_of(cs[0]), "russia");
    EXPECT_EQ(actor_id_of(cs[1]), "syria");
  }
  // Two states' ground forces (Turkish troops at a post in Syria): "the army" is nobody's.
  for (const char* text : {"Turkish troops reinforced the Morek post on Monday. Army units shelled Kafr Zita on Tuesday.",
                           "Army units moved.", "The army has been told."}) {
    const Result r = world().x.run("q.txt", text, published(2018y / October / 9));
    for (const auto& a : r.mentions["actors"])
      if (a["text"].get<std::string>().find("rmy") != std::string::npos) {
        EXPECT_TRUE(a["id"].is_null()) << text << "\n" << r.mentions["actors"].dump();
      }
  }
}

// Fire from someone's positions names them as the actor, in the passive too.
TEST(CandidateQuality, FireFromAPartysPositionsIsThatParty) {
  for (const char* text : {"Саракиб был обстрелян с позиций сирийской армии в понедельник.",
                           "تعرضت بلدة كفرنبل يوم الاثنين لقصف من مواقع قوات النظام.",
                           "Kafr Nabl was shelled from positions of the Syrian army on Monday."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << text << "\n" << cs[0].dump();
  }
  // Positions as the target are not the actor's: "обстреляли позиции сирийской армии".
  const auto cs = candidates_of("В понедельник боевики обстреляли позиции сирийской армии у Саракиба.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_NE(actor_id_of(cs[0]), "syria") << cs[0].dump();
}

// A hedged actor ("suspected Russian jets") and an allied one ("pro-government forces") are the
// candidate's actor, and `uncertain` says how they were read.
TEST(CandidateQuality, HedgedAndAlliedActorsAreSaidInUncertain) {
  {
    const auto cs = candidates_of("Suspected Russian jets struck Kafr Nabl on Monday.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "russia");
    EXPECT_TRUE(says(cs[0], "hedged")) << cs[0]["uncertain"];
  }
  {
    const auto cs = candidates_of("Pro-government forces shelled Kafr Zita on Monday.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "syria");
    EXPECT_TRUE(says(cs[0], "allied")) << cs[0]["uncertain"];
  }
}

// A participle with its agent names the claimant after "by" ("explosions counted by local
// observers"), not the words before it (before: "Sarmin on Thursday with at least twelve").
TEST(CandidateQuality, ClaimantOfAParticipleIsItsAgent) {
  const auto cs = candidates_of(
      "Government forces shelled the town of Sarmin on Monday with at least twelve explosions counted by local observers.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["claimed_by"], "local observers");
  EXPECT_EQ(cs[0]["evidence"]["claimed_by"]["rule"], "passive_by:counted");
}

// The review body of `review correct ID place=NAME` (issue 14, defect 6; store/candidates.hpp,
// here with the other tests of the extract → review path): `place` is a change a correction may
// make, always with the point it names; `unlocated` may only be removed.
TEST(ReviewOfCandidates, APlaceCorrectionCarriesItsPoint) {
  const std::string id = "c0123456789abcdef0123";
  auto body = [&](json changes) { return json{{"candidate", id}, {"decision", "correct"}, {"changes", changes}}; };
  auto reason = [](const std::variant<store::ReviewBody, std::string>& v) {
    return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string();
  };
  EXPECT_EQ(reason(store::parse_review_body(
                body({{"place", "Kafr Nabl"}, {"lon", 36.56449}, {"lat", 35.61376}, {"unlocated", nullptr}}))),
            "");
  EXPECT_NE(reason(store::parse_review_body(body({{"place", "Kafr Nabl"}}))).find("entry.body.changes.place: needs lon and lat"),
            std::string::npos);
  EXPECT_NE(reason(store::parse_review_body(body({{"unlocated", "x"}}))).find("entry.body.changes.unlocated"),
            std::string::npos);
  // The corrected report drops the candidate's `unlocated` mark.
  const json cand = {{"kind", "shelling"}, {"observed_at", "2018-10-08"}, {"place", "Idlib"}, {"unlocated", "only a region"},
                     {"source", {{"name", "W"}, {"type", "media"}}}};
  const store::RowOutcome o =
      store::corrected_report(cand, {{"place", "Kafr Nabl"}, {"lon", 36.56449}, {"lat", 35.61376}, {"unlocated", nullptr}});
  ASSERT_TRUE(o.report) << o.error;
  EXPECT_FALSE(o.report->extra.contains("unlocated"));
  EXPECT_EQ(o.report->place, "Kafr Nabl");
  // Coordinates alone (as the web app corrects) also drop the mark.
  const store::RowOutcome k = store::corrected_report(cand, {{"lon", 36.56449}, {"lat", 35.61376}});
  ASSERT_TRUE(k.report) << k.error;
  EXPECT_FALSE(k.report->extra.contains("unlocated"));
}

// Found by held-out texts (2026-12-02), tested here on sentences of our own.
namespace heldout_rules {

std::string target_id_of(const json& c) {
  if (!c["evidence"].contains("target")) return "";
  const json& id = c["evidence"]["target"]["id"];
  return id.is_string() ? id.get<std::string>() : "";
}

// "X came under (mortar) fire": X was hit, it did not fire.
TEST(CandidateRoles, CameUnderFireMakesTheSubjectTheTarget) {
  const auto cs = candidates_of("Russian military police near Saraqib came under heavy mortar fire on Monday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "");
  EXPECT_EQ(target_id_of(cs[0]), "russian-military-police");
}

// The owner of the object hit is the target, in every language, wherever it stands.
TEST(CandidateRoles, TheOwnerOfThePositionsHitIsTheTarget) {
  {
    const auto cs = candidates_of("قصفت فصائل المعارضة مواقع لقوات النظام في بلدة سراقب يوم الاثنين.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "");
    EXPECT_EQ(target_id_of(cs[0]), "syria");
  }
  {
    const auto cs = candidates_of("Rebel fighters shelled positions of government forces in Saraqib on Monday.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(actor_id_of(cs[0]), "");
    EXPECT_EQ(target_id_of(cs[0]), "syria");
  }
}

// "an attack that X blamed on Y": Y is the (claimed) actor, not the target.
TEST(CandidateRoles, BlamedOnNamesTheActorAsAClaim) {
  const auto cs = candidates_of("A drone attack hit Saraqib on Monday, which the ministry blamed on Hayat Tahrir al-Sham.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "hts");
  EXPECT_EQ(target_id_of(cs[0]), "");
  EXPECT_TRUE(says(cs[0], "blamed on")) << cs[0]["uncertain"];
}

// A coordinated subject whose nearest part is generic: the named party acts.
TEST(CandidateRoles, TheNamedPartOfACoordinatedSubjectIsTheActor) {
  const auto cs = candidates_of("Turkish troops and allied fighters shelled Tall Rifaat on Monday.");
  ASSERT_GE(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "turkish-armed-forces");
}

// "The shelling followed an air strike on X": a definite reference back to the shelling told
// before, not a second shelling at X.
TEST(CandidateEvents, ADefiniteReferenceBackIsNoNewEvent) {
  const auto cs = candidates_of(
      "Government forces shelled Saraqib on Sunday.\n\nThe shelling followed an air strike on Sarmin on Monday.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0]["kind"], "shelling");
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-07");
  EXPECT_EQ(cs[1]["kind"], "airstrike");
  EXPECT_EQ(cs[1]["observed_at"], "2018-10-08");
}

// An adverb between the aircraft and its verb.
TEST(CandidateEvents, WarplanesMeanwhileStruck) {
  const auto cs = candidates_of("Russian warplanes also struck Kafr Nabl on Monday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["kind"], "airstrike");
  EXPECT_EQ(actor_id_of(cs[0]), "russia");
}

// "Earlier, …": before the events told, on a day not given: no day is borrowed.
TEST(CandidateTime, EarlierGivesNoDay) {
  const auto cs = candidates_of(
      "Government forces shelled Saraqib on Monday, the monitor said. Earlier, rebels shelled Mhardeh with mortars.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
  EXPECT_FALSE(cs[1].contains("observed_at")) << cs[1].dump();
  EXPECT_TRUE(says(cs[1], "on a day the text does not give")) << cs[1]["uncertain"];
  // "Hours earlier" is the same day.
  const auto hs = candidates_of("Rebels shelled Saraqib on Monday. Hours earlier, Russian jets bombed Sarmin.");
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[1]["observed_at"], "2018-10-08");
}

// A sentence of points after an event told with regions only details that event.
TEST(CandidatePlaces, PointsInTheRegionsOfTheEventBeforeDetailIt) {
  const auto cs = candidates_of(
      "Militants of Hayat Tahrir al-Sham shelled villages in Hama province, the ministry said. According to the "
      "ministry, shells hit Mhardeh.");
  ASSERT_GE(cs.size(), 2u);
  EXPECT_EQ(actor_id_of(cs.back()), "hts");
  EXPECT_TRUE(says(cs.back(), "from the event this sentence extends")) << cs.back()["uncertain"];
}

// The Russian spelling of an observation post that the gazetteer does not hold.
TEST(CandidatePlaces, ARussianSpellingOfAnObservationPost) {
  const auto cs = candidates_of("Сирийские войска обстреляли окрестности турецкого наблюдательного пункта в районе Шир-Мугар 9 октября.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["place"], "Sher Mughar");
}

// "Residents of X said": X is where the speakers are, not a person's name.
TEST(CandidatePlaces, ThePlaceOfTheSpeakers) {
  const auto cs = candidates_of("People in Maarat al-Numan said an air strike hit the town on Monday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_TRUE(cs[0].contains("lon")) << cs[0].dump();
  EXPECT_EQ(cs[0]["evidence"]["place"]["text"], "Maarat al-Numan");
}

// "meanwhile": the day told before.
TEST(CandidateTime, MeanwhileIsTheDayToldBefore) {
  const auto cs = candidates_of("Rebels shelled Saraqib on Monday. Russian warplanes meanwhile struck Sarmin.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[1]["observed_at"], "2018-10-08");
  EXPECT_EQ(cs[1]["evidence"]["time"]["rule"], "same_day_as_told:weekday");
}

// "the next day", "на следующий день", "في اليوم التالي": the day after the one told before
// (before: the publication date, flagged as possibly late).
TEST(CandidateTime, TheNextDayIsTheDayAfterTheOneTold) {
  for (const char* text : {"Rebels shelled Saraqib on Monday. Russian jets bombed Sarmin the following day.",
                           "Боевики обстреляли Саракиб в понедельник. На следующий день российские самолёты нанесли удар "
                           "по Сармину.",
                           "قصفت قوات النظام سراقب يوم الاثنين. وفي اليوم التالي شنت طائرات روسية غارات على سرمين."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 2u) << text;
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08") << text;
    EXPECT_EQ(cs[1]["observed_at"], "2018-10-09") << text;
    EXPECT_TRUE(says(cs[1], "the day after")) << cs[1]["uncertain"];
  }
}

// "the day before", "a day earlier", "днём ранее", "في اليوم السابق": the day before the one told
// before; with no day told before, the day before publication (said). "the day before the
// talks" is another reference: no day is derived from it.
TEST(CandidateTime, TheDayBeforeIsTheDayBeforeTheOneTold) {
  for (const char* text : {"Rebels shelled Saraqib on Monday. Russian jets had bombed Sarmin the day before, activists said.",
                           "Rebels shelled Saraqib on Monday. Russian jets bombed Sarmin a day earlier.",
                           "Rebels shelled Saraqib on Monday. Russian jets bombed Sarmin the previous day.",
                           "Боевики обстреляли Саракиб в понедельник. Днём ранее российские самолёты нанесли удар по Сармину.",
                           "قصفت قوات النظام سراقب يوم الاثنين. وفي اليوم السابق شنت طائرات روسية غارات على سرمين.",
                           "قصفت قوات النظام سراقب يوم الاثنين. وقبل ذلك بيوم شنت طائرات روسية غارات على سرمين."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 2u) << text;
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08") << text;
    EXPECT_EQ(cs[1]["observed_at"], "2018-10-07") << text;
    EXPECT_EQ(cs[1]["evidence"]["time"]["rule"], "day_before_told:day_before") << cs[1].dump();
    EXPECT_TRUE(says(cs[1], "1 day(s) before")) << cs[1]["uncertain"];
  }
  {
    const auto cs = candidates_of("Rebels shelled Saraqib on Monday. Russian jets bombed Sarmin two days earlier.");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(cs[1]["observed_at"], "2018-10-06");
  }
  {
    // Nothing told before: the day before publication (9 October), said.
    const auto cs = candidates_of("Government forces shelled Sarmin the day before, witnesses said.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
    EXPECT_TRUE(says(cs[0], "before the publication date")) << cs[0]["uncertain"];
  }
  {
    const auto cs = candidates_of("Rebels shelled Saraqib on Monday. Russian jets bombed Sarmin the day before the talks.");
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_NE(cs[1].value("observed_at", ""), "2018-10-07") << cs[1].dump();
  }
}

// A time of day with no day of its own ("At dawn", "ночью", "فجراً", "gece saatlerinde") is a part
// of the day told before.
TEST(CandidateTime, ATimeOfDayIsPartOfTheDayToldBefore) {
  for (const char* text : {"Rebels shelled Saraqib on Monday. At dawn, HTS fighters attacked army positions near Sarmin.",
                           "Боевики обстреляли Саракиб в понедельник. Тем временем ночью боевики атаковали позиции армии "
                           "у Сармина.",
                           "قصفت قوات النظام سراقب يوم الاثنين. وهاجم مسلحون فجراً مواقع الجيش قرب سرمين."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 2u) << text << "\n" << json(cs).dump();
    EXPECT_EQ(cs[1]["observed_at"], "2018-10-08") << text;
    EXPECT_TRUE(cs[1]["evidence"]["time"]["rule"].get<std::string>().starts_with("same_day_as_told")) << cs[1].dump();
  }
}

// A list item with no date of its own tells an event of the day given before the list.
TEST(CandidateTime, AListItemTakesTheDayToldBeforeTheList) {
  const auto cs = candidates_of("Daily update\n\nViolations continued yesterday. Activists documented the following:\n\n"
                                "\xE2\x80\xA2 Regime forces fired more than 40 rockets at Sarmin.\n\n"
                                "- Russian warplanes carried out seven airstrikes on the outskirts of Saraqib.");
  ASSERT_EQ(cs.size(), 2u);
  for (const auto& c : cs) {
    EXPECT_EQ(c["observed_at"], "2018-10-08") << c.dump();
    // (here the heading's date is also the text's dateline, which gives the same day)
    EXPECT_TRUE(c["evidence"]["time"]["rule"].get<std::string>().ends_with(":yesterday")) << c.dump();
  }
}

// A headline never hosts a merge: the body's event keeps its place and figures, and another
// body event of the same kind stays apart.
TEST(CandidateMerge, AHeadlineMergesIntoTheBodyNotTheOtherWay) {
  const auto cs = candidates_of("Air raids kill civilians in north Hama\n\nSix civilians were killed in air raids on Kafr "
                                "Nabl, the monitor said.\n\nBarrel bombs were also dropped on Khan Shaykhun on "
                                "Monday, residents said.");
  ASSERT_EQ(cs.size(), 2u) << json(cs).dump();
  EXPECT_EQ(cs[0]["evidence"]["place"]["text"], "Kafr Nabl");
  EXPECT_EQ(cs[0]["fatalities"], 6);
  EXPECT_EQ(cs[1]["evidence"]["place"]["text"], "Khan Shaykhun");
  EXPECT_FALSE(cs[1].contains("fatalities")) << cs[1].dump();
}

// Demonyms joined by a hyphen before "patrol" name a joint patrol ("a joint Russian-Turkish
// patrol", "Türk-Rus devriyesi"): both parties, not the ministry that reports it.
TEST(CandidateRoles, AHyphenatedJointPatrolNamesBothParties) {
  for (const char* text : {"A joint Russian-Turkish patrol set off from Saraqib on Monday, the Turkish defence ministry said.",
                           "Pazartesi günü Serakib yakınında Türk-Rus devriyesi icra edildi."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["kind"], "patrol") << text;
    const auto& ids = cs[0]["evidence"]["actor"]["ids"];
    ASSERT_TRUE(ids.is_array()) << cs[0].dump();
    EXPECT_EQ(ids.size(), 2u) << cs[0].dump();
  }
}

// Found by the fifth held-out set (h56-h75), tested on sentences of our own: the date of what a
// period started with is no event's day; "nobody has said" claims nothing; the party informed of
// an incident is not its actor; where the blamed are stationed is no presence reported.
TEST(CandidateTime, TheDateOfWhatAPeriodStartedWithIsNoEventsDay) {
  const auto cs = candidates_of("A joint patrol drove along the M4 near Saraqib. It was the sixth joint patrol since the "
                                "Moscow protocol of 5 March.");
  for (const auto& c : cs) EXPECT_NE(c.value("observed_at", ""), "2018-03-05") << c.dump();
}

TEST(CandidateRoles, InformedOfTheIncidentIsNoActorAndTheBlamedAreNotPresent) {
  {
    const auto cs = candidates_of("Shells hit the Turkish post at Sher Mughar on Monday. The Russian side was informed of "
                                  "the incident, the ministry said.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_FALSE(cs[0].contains("actor")) << cs[0].dump();
  }
  {
    const auto cs = candidates_of("Two shells landed on the outskirts of Sarmin on Monday. The civil defence blamed regime "
                                  "forces stationed in Saraqib.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(cs[0]["kind"], "shelling");
    EXPECT_EQ(actor_id_of(cs[0]), "syria");
  }
  {
    const auto cs = candidates_of("Mortar rounds struck Sarmin on Monday; nobody has said who fired them.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_NE(cs[0]["claimed_by"], "nobody has") << cs[0].dump();
  }
}

// A headline line of two sentences, or with a place near the body's, restates the body; a
// place the event was far from is not its place; artillery that "strikes" shells; a Turkish
// future participle tells no event.
TEST(CandidateMerge, HeadlinesFarPlacesArtilleryAndTurkishFutures) {
  {
    const auto cs = candidates_of("Regime forces shell the villages.. drones stay over the plain\n\nRegime forces shelled Sarmin "
                                  "with heavy artillery on Monday evening, injuring three civilians.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
  }
  {
    const auto cs = candidates_of("Russian and Turkish troops held a joint patrol on Monday, far from Saraqib, east of the "
                                  "Euphrates.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_FALSE(cs[0].contains("lon")) << cs[0].dump();
  }
  {
    const auto cs = candidates_of("Накануне сирийская артиллерия нанесла удары по позициям боевиков у Саракиба.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0]["kind"], "shelling") << cs[0].dump();
  }
  {
    const auto cs = candidates_of("Pazartesi günü Serakib'deki noktanın da önümüzdeki haftalarda boşaltılacağı konuşuluyor.");
    EXPECT_TRUE(cs.empty()) << json(cs).dump();
  }
}

// A name that is both a city and its province: not borrowed as a point from another sentence;
// in a headline over a body event in that province, the province (merged).
TEST(CandidatePlaces, ACityOrProvinceNameIsNotBorrowedAndAHeadlinesProvinceMerges) {
  {
    const auto cs = candidates_of("Turkish observation post in Idlib comes under fire\n\nTwo Turkish soldiers were injured "
                                  "when regime forces fired mortar rounds at the post on Friday.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_FALSE(cs[0].contains("lon")) << cs[0].dump();
    EXPECT_TRUE(says(cs[0], "no point is borrowed")) << cs[0]["uncertain"];
  }
  {
    const auto cs = candidates_of("Regime artillery attack on Idlib kills four\n\nRegime forces shelled Khan Shaykhun on "
                                  "Monday, killing four civilians.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(cs[0]["evidence"]["place"]["text"], "Khan Shaykhun");
  }
}

// A bulletin's list by province ("в провинции Латакия … X (два раза) и район Y, в провинции
// Хама - Z и W"): one candidate per village, across the asides and the provinces' dashes.
TEST(CandidatePlaces, ABulletinsListByProvinceGivesEachVillage) {
  const auto cs = candidates_of("В провинции Латакия обстрелам подверглись населённые пункты Слинфа (два раза) и район "
                                "Кинсаббы, в провинции Хама - Мурек и Кафр-Зита, в провинции Алеппо - район Хан-Туман.");
  std::vector<std::string> places;
  for (const auto& c : cs) places.push_back(c.value("place", ""));
  // (Хан-Туман is a village of the localities supplement, which this test's world lacks: no point.)
  ASSERT_EQ(cs.size(), 4u) << json(cs).dump();
  for (const auto& c : cs) EXPECT_EQ(c["kind"], "shelling");
  EXPECT_NE(std::find(places.begin(), places.end(), "M\xC5\xABrak"), places.end()) << json(places).dump();
  EXPECT_NE(std::find(places.begin(), places.end(), "Kafr Zayt\xC4\x81"), places.end()) << json(places).dump();
  // A province between two places with no dash is no list: the event is at the first.
  EXPECT_EQ(candidates_of("Shells hit Kafr Nabl in Idlib province and Suqaylabiyah residents heard them.").size(), 1u);
}

// Where the teller is ("a military source in Damascus", "مصدر عسكري في دمشق") is not where the
// event happened.
TEST(CandidatePlaces, TheClaimantsPlaceIsNotTheEvents) {
  for (const char* t : {"A military source in Damascus said militants attacked army positions near Kafr Nabl on Monday.",
                        "وقال مصدر عسكري في دمشق إن مسلحين هاجموا مواقع الجيش قرب كفرنبل يوم الإثنين."}) {
    const auto cs = candidates_of(t);
    ASSERT_EQ(cs.size(), 1u) << t;
    EXPECT_EQ(cs[0]["place"], "Kafranbel") << cs[0].dump();
  }
  // The head of a centre at its base ("на авиабазе Хмеймим"): the centre's seat, not the event's place.
  const auto ru = candidates_of("За сутки зафиксировано восемь обстрелов со стороны боевиков, сообщил начальник "
                                "Российского центра по примирению враждующих сторон на авиабазе Хмеймим.");
  for (const auto& c : ru) EXPECT_EQ(c.value("place", "").find("\xD0\xA5\xD0\xBC"), std::string::npos) << c.dump();  // "Хм…"
  const auto cs = candidates_of("وقال مصدر عسكري في دمشق إن الجيش صد هجوما يوم الإثنين.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_FALSE(cs[0].contains("lon")) << cs[0].dump();
  EXPECT_NE(cs[0].value("place", ""), "\xD8\xAF\xD9\x85\xD8\xB4\xD9\x82") << cs[0].dump();  // not "دمشق"
}

// Who repelled an attack is its target, the attacker its actor; aircraft that "pound" strike
// from the air.
TEST(CandidateRoles, TheRepellerIsTheTargetAndAircraftStrikeFromTheAir) {
  for (const auto& [text, actor, target] :
       std::vector<std::array<const char*, 3>>{{"The National Liberation Front said it had beaten back an attempt by Syrian "
                                                "troops to advance on Kafr Nabl on Monday.", "syria", "nlf"},
                                               {"The National Liberation Front fought off an attack by Syrian troops near "
                                                "Kafr Nabl on Monday.", "syria", "nlf"},
                                               {"В понедельник сирийская армия отразила наступление боевиков ХТШ у "
                                                "Кафр-Набля.", "hts", "syria"}}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["kind"], "armed_clash");
    EXPECT_EQ(actor_id_of(cs[0]), actor) << cs[0].dump();
    EXPECT_EQ(target_id_of(cs[0]), target) << cs[0].dump();
  }
  const auto cs = candidates_of("Syrian government warplanes pounded Kafr Nabl on Monday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["kind"], "airstrike");
  EXPECT_TRUE(says(cs[0], "fire from the air")) << cs[0]["uncertain"];
}

// Return fire is another event, never the one it answers told again.
TEST(CandidateEvents, ReturnFireIsAnotherEvent) {
  const auto cs = candidates_of("Regime forces fired mortar rounds at the Turkish post near Morek on Monday. Turkish "
                                "howitzers immediately returned fire on the regime positions.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[1]["kind"], "shelling");
  EXPECT_EQ(cs[1]["evidence"]["event"]["text"], "returned fire");
}

// A bombing that is neither fire nor an air strike is a candidate of kind `other`, said; a
// country named as a border is no actor or target.
TEST(CandidateEvents, ACarBombIsOtherAndTheBorderCountryNoTarget) {
  const auto cs = candidates_of("A car bomb exploded in Saraqib on Monday, near a road to the border crossing with Turkey, "
                                "killing three people.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["kind"], "other");
  EXPECT_TRUE(says(cs[0], "for the reviewer to classify")) << cs[0]["uncertain"];
  EXPECT_FALSE(cs[0].contains("target")) << cs[0].dump();
  EXPECT_FALSE(cs[0].contains("actor")) << cs[0].dump();
  EXPECT_EQ(cs[0]["fatalities"], 3);
  EXPECT_TRUE(store::report_from_json(cs[0]).report) << cs[0].dump();
}

// Found by the fourth held-out set (h32-h39), tested on sentences of our own.
TEST(CandidateRoles, WithdrewFromKeepsItsSubjectAsTheActor) {
  const auto cs = candidates_of("Russian military police withdrew from their positions near Saraqib on Monday, days after "
                                "rebel fighters surrounded them.");
  ASSERT_GE(cs.size(), 1u);
  EXPECT_EQ(cs[0]["kind"], "withdrawal");
  EXPECT_EQ(actor_id_of(cs[0]), "russian-military-police");
  EXPECT_EQ(target_id_of(cs[0]), "");
  EXPECT_FALSE(cs[0].contains("target")) << cs[0].dump();
}

TEST(CandidateRoles, BlamingXNamesTheClaimedActor) {
  const auto cs = candidates_of("Rockets hit Mhardeh on Monday, wounding two civilians, the government agency said, blaming "
                                "Hayat Tahrir al-Sham.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "hts");
  EXPECT_TRUE(says(cs[0], "blamed on")) << cs[0]["uncertain"];
}

TEST(CandidateEvents, GroundTakenByForceIsAClash) {
  for (const char* text : {"Government forces captured the town of Kafr Nabl on Monday.",
                           "Сирийская армия освободила населённый пункт Кафр-Зейта в понедельник.",
                           "Боевики потеряли до 20 человек в ходе боёв у Кафр-Зейты в понедельник."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["kind"], "armed_clash") << text;
  }
}

// A supporter is not the actor; an event in a clause about an earlier time does not take the
// sentence's day.
TEST(CandidateRoles, ASupporterIsNotTheActor) {
  const auto cs = candidates_of("Сирийская армия при поддержке российской авиации освободила населённый пункт Кафр-Зейта "
                                "в понедельник.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "syria");
}

TEST(CandidateTime, AClauseAboutAnEarlierTimeKeepsNoDay) {
  const auto cs = candidates_of("Russian military police withdrew from Saraqib on Monday, weeks after rebel fighters "
                                "captured Sarmin.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
  EXPECT_FALSE(cs[1].contains("observed_at")) << cs[1].dump();
  EXPECT_TRUE(says(cs[1], "in a clause about an earlier time")) << cs[1]["uncertain"];
}

// "Since this morning" is the event's day (published 9 October); "since last night" may be a
// truce's start, not the event's day: the publication, said.
TEST(CandidateTime, SinceThisMorningIsTheDayButSinceLastNightIsNot) {
  auto cs = candidates_of("رصد المرصد قصفاً نفذته قوات النظام منذ ساعات صباح اليوم على بلدة كفرنبل.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-09");
  EXPECT_EQ(cs[0]["evidence"]["time"]["rule"], "date_in_sentence:today") << cs[0].dump();
  cs = candidates_of("وخرقت قوات النظام الهدنة السارية منذ منتصف ليل أمس بقصف بلدة كفرنبل.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-09") << cs[0].dump();
  EXPECT_NE(cs[0]["evidence"]["time"]["rule"], "date_in_sentence:last_night") << cs[0].dump();
}

}  // namespace heldout_rules

// Issue 14, fourth round (known misses of the third held-out set, fixed before the fourth was read).
namespace fourth_round {

using heldout_rules::target_id_of;

json actor_evidence(const json& c, const char* who) { return c["evidence"].contains(who) ? c["evidence"][who] : json(); }

// A joint actor names each party, in every language; the report's single id stays empty.
TEST(CandidateRoles, AJointActorKeepsEveryPartyItNames) {
  for (const char* text : {"Russian and Turkish troops carried out a joint patrol near Saraqib on Tuesday.",
                           "Российские и турецкие военные во вторник провели совместное патрулирование у Саракиба.",
                           "سيّرت القوات الروسية والتركية دورية مشتركة قرب سراقب يوم الثلاثاء."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["kind"], "patrol") << text;
    const json a = actor_evidence(cs[0], "actor");
    ASSERT_TRUE(a.is_object()) << text;
    EXPECT_TRUE(a["id"].is_null()) << text;
    ASSERT_TRUE(a.contains("ids")) << text << "\n" << a;
    const auto ids = a["ids"].get<std::vector<std::string>>();
    EXPECT_EQ(ids.size(), 2u) << text;
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), "turkish-armed-forces") != ids.end()) << text;
    EXPECT_TRUE(says(cs[0], "names several parties")) << cs[0]["uncertain"];
  }
}

// "army positions": the army whose positions were hit is the target (by the context rule).
TEST(CandidateRoles, ArmyPositionsMakeTheArmyTheTarget) {
  const auto cs = candidates_of("Rebels shelled army positions near Kafr Nabl on Monday, killing two soldiers.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "");
  EXPECT_EQ(target_id_of(cs[0]), "syria");
  EXPECT_TRUE(says(cs[0], "the one state the text points to")) << cs[0]["uncertain"];
}

// Those killed or wounded in the event are whom it hit, not who fired, in every language; a
// Russian agent in the instrumental right after the fire noun fired.
TEST(CandidateRoles, ThoseHarmedInTheEventAreTheTarget) {
  for (const char* text :
       {"Two Turkish soldiers were killed in shelling by Syrian government forces near Morek on Thursday.",
        "Два турецких военнослужащих погибли в результате обстрела сирийской армией у Морека в четверг.",
        "قتل جنديان تركيان في قصف لقوات النظام قرب مورك يوم الخميس.",
        "قالت وزارة الدفاع التركية إن جنديين تركيين قتلا في قصف لقوات النظام قرب مورك يوم الخميس."}) {
    const auto cs = candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << text;
    EXPECT_EQ(target_id_of(cs[0]), "turkish-armed-forces") << text;
    EXPECT_EQ(cs[0].value("fatalities", 0), 2) << text;
  }
  // The harm verb must tie the mention to the event: a subject that shelled is still the actor.
  const auto cs = candidates_of("Syrian government forces shelled Morek on Thursday, killing two Turkish soldiers.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "syria");
}


// "The patrols are part of a deal": what a deal provides, described, is no event.
TEST(CandidateEvents, WhatADealProvidesIsNoEvent) {
  const auto cs = candidates_of("Russian and Turkish forces patrolled near Saraqib on Thursday. The patrols are part of a "
                                "March 5 deal under which a corridor is to run along the road.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-04");
}

// Triggers added for the fourth held-out set, one sentence each (our own words).
TEST(CandidateEvents, WithdrawalsFromPostsAndStrikesWithDrones) {
  const std::pair<const char*, const char*> cases[] = {
      {"Rebels moved tanks and artillery out of the zone near Kafr Nabl on Sunday.", "withdrawal"},
      {"Turkish troops dismantled their observation post near Morek on Sunday.", "withdrawal"},
      {"بدأت القوات التركية يوم الأحد بتفكيك معداتها في نقطة المراقبة في مورك.", "withdrawal"},
      {"أصيب مدني إثر استهداف سيارته بطائرة مسيرة قرب سراقب يوم الأحد.", "airstrike"},
      {"Army units responded, targeting with artillery the positions of militants in Kafr Zita on Sunday.", "shelling"},
      {"The crossing near Saraqib remained closed on Sunday.", "movement_restriction"}};
  for (const auto& [text, kind] : cases) {
    const auto cs = candidates_of(text);
    ASSERT_GE(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["kind"], kind) << text;
  }
}

// A denial naming its own place denies what happened there, not the same kind told elsewhere.
TEST(CandidateEvents, ADenialAtAnotherPlaceLeavesAnEventAsserted) {
  const auto cs = candidates_of(
      "Army units shelled militants in Kafr Zita on Monday.\n\nMeanwhile, a military source denied reports of the "
      "army shelling the surroundings of the Turkish post near Morek.");
  ASSERT_GE(cs.size(), 1u);
  EXPECT_EQ(cs[0]["place"], "Kafr Zaytā");
  EXPECT_FALSE(says(cs[0], "denied")) << cs[0]["uncertain"];
  // The same denial without a place of its own still reaches the shelling told before.
  const auto same = candidates_of("Army units shelled militants in Kafr Zita on Monday.\n\nA military source denied the shelling.");
  ASSERT_GE(same.size(), 1u);
  EXPECT_TRUE(says(same[0], "denied")) << same[0]["uncertain"];
}

// A denial of what another actor did leaves the event asserted; the actor denying its own deed denies it.
TEST(CandidateEvents, ADenialOfAnotherActorsDeedLeavesTheEvent) {
  const auto cs = candidates_of("Turkish troops withdrew from the post near Morek on Monday. An NLF commander denied "
                                "reports of the withdrawal of the factions from the area.");
  ASSERT_GE(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "turkish-armed-forces");
  EXPECT_FALSE(says(cs[0], "denied")) << cs[0]["uncertain"];
  const auto own = candidates_of("HTS fighters attacked army positions near Saraqib on Monday, the army said. HTS denied "
                                 "attacking army positions.");
  ASSERT_GE(own.size(), 1u);
  EXPECT_TRUE(says(own[0], "denied")) << own[0]["uncertain"];
}

// "С 31 августа", "since 31 August": the start of a period, not the day of the event told with it.
TEST(CandidateEvents, ASinceDateIsNoEventsDay) {
  const auto cs = candidates_of("Since 31 August a truce has been in force, yet shelling hit Saraqib.");
  for (const auto& c : cs) EXPECT_NE(c.value("observed_at", std::string()), "2018-08-31") << c.dump();
}

// A negated denial confirms: "did not deny", "не отрицают", "لم ينف" leave the event asserted.
TEST(CandidateEvents, ANegatedDenialIsNoDenial) {
  for (const char* text : {"Rebels shelled Saraqib on Monday, the army said. The rebels did not deny the shelling.",
                           "Боевики обстреляли Саракиб в понедельник. Активисты факт обстрела не отрицают.",
                           "قصفت فصائل المعارضة سراقب يوم الاثنين، ولم ينف ناشطون القصف."}) {
    const auto cs = candidates_of(text);
    ASSERT_GE(cs.size(), 1u) << text;
    EXPECT_FALSE(says(cs[0], "denied")) << text << "\n" << cs[0]["uncertain"];
  }
  // ... while a plain denial still says so.
  const auto cs = candidates_of("Rebels shelled Saraqib on Monday, the army said. The rebels denied the shelling.");
  ASSERT_GE(cs.size(), 1u);
  EXPECT_TRUE(says(cs[0], "denied")) << cs[0]["uncertain"];
}

// Two named parties joined before the trigger (or after an Arabic verb) act together.
TEST(CandidateRoles, TwoNamedPartiesJoinedByAndActTogether) {
  for (const char* text : {"Fighters of Hayat Tahrir al-Sham and Jaysh al-Izza attacked positions near Kafr Zita on Monday.",
                           "Отряды ХТШ и «Хуррас ад-Дин» обстреляли Кафр-Зиту в понедельник.",
                           "اشتبكت هيئة تحرير الشام وجيش العزة مع قوات النظام قرب كفرزيتا يوم الاثنين."}) {
    const auto cs = candidates_of(text);
    ASSERT_GE(cs.size(), 1u) << text;
    const json a = actor_evidence(cs[0], "actor");
    ASSERT_TRUE(a.is_object()) << text;
    ASSERT_TRUE(a.contains("ids")) << text << "\n" << a;
    EXPECT_EQ(a["ids"].size(), 2u) << text;
    EXPECT_TRUE(a["id"].is_null()) << text;
  }
  // Not across a comma: "HTS, and later the army, …" are not one actor.
  const auto cs = candidates_of("Hayat Tahrir al-Sham fighters shelled Saraqib on Monday, and the army shelled Sarmin.");
  for (const auto& c : cs) EXPECT_FALSE(actor_evidence(c, "actor").contains("ids")) << c.dump();
}

// Turkish (docs/extract.md, "Rules from the fourth held-out set: Turkish"): the subject opens
// the clause and the owner of a post is hit, not firing; a later sentence with a region of its
// own and an actor is another event when the earlier had none; "aynı gün" is the day told.
TEST(CandidateRoles, TurkishSubjectTargetAndAnotherEventTheSameDay) {
  auto cs = candidates_of("Yerel kaynaklar, rejim güçlerinin dün Sermin'in doğusundaki bir Türk askerî noktasına "
                          "taciz ateşi açtığını aktardı.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "syria");
  EXPECT_EQ(target_id_of(cs[0]), "turkish-armed-forces");
  EXPECT_EQ(cs[0]["observed_at"], "2018-10-08");
  EXPECT_EQ(cs[0]["claimed_by"], "Yerel kaynaklar");
  cs = candidates_of("Sermin'e Pazartesi günü havan mermisi düştü.\n\nMuhalif kaynaklar ise aynı gün Cebel Zaviye'deki "
                     "köylerin de rejim topçusu tarafından dövüldüğünü ileri sürdü.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0]["place"], "Sarmīn");
  EXPECT_EQ(actor_id_of(cs[0]), "");
  EXPECT_EQ(cs[1]["place"], "Cebel Zaviye");
  EXPECT_EQ(cs[1]["observed_at"], "2018-10-08");
  EXPECT_EQ(actor_id_of(cs[1]), "syria");
  // The agent of a passive in -ce ("rejim güçlerince": by regime forces) fired; positions hit
  // ("rejim mevzilerine", dative) are the target, positions fired from (ablative) the actor.
  cs = candidates_of("Sermin'e dün rejim güçlerince havan atışı yapıldı.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "syria");
  cs = candidates_of("Türk birlikleri dün Sermin yakınındaki rejim mevzilerine karşılık verdi.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "turkish-armed-forces");
  EXPECT_EQ(target_id_of(cs[0]), "syria");
}

}  // namespace fourth_round

// A headline restates the lead: an event of the headline with no place and no day of its own is
// the body's event of that kind (merged, said), and demonyms joined by a comma name several
// parties as with "and". Our own text.
TEST(CandidateQuality, AHeadlineWithoutPlaceIsTheBodysEvent) {
  const auto cs = candidates_of(
      "Russian, Turkish troops resume joint patrol\n\nMOSCOW, Oct 8 - Russian and Turkish troops conducted a joint "
      "patrol near Saraqib on Monday, the ministry said.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["kind"], "patrol");
  EXPECT_NE(cs[0]["uncertain"].dump().find("the headline restates the body"), std::string::npos) << cs[0].dump();
  const auto r = world().x.run("q.txt",
                               "Russian, Turkish troops resume joint patrol\n\nThe patrol passed near Saraqib on Monday.",
                               published(2018y / October / 9));
  bool joint = false;
  for (const auto& a : r.mentions["actors"])
    if (a["text"] == "Russian, Turkish troops") joint = a["ids"].size() == 2;
  EXPECT_TRUE(joint) << r.mentions["actors"].dump();
  // A headline with an incompatible actor stays an event of its own.
  EXPECT_EQ(candidates_of("Government forces shell villages\n\nHTS fighters shelled Saraqib on Monday.").size(), 2u);
}

// A figure told before a contrast clause whose subject is a claimant ("…, while the civil
// defence put the death toll at six") is not that claimant's: it is the sentence before's. A
// claimant at the end of the sentence (", the monitor said") speaks for all of it.
TEST(CandidateQuality, AFigureBeforeAWhileClauseIsNotItsClaimants) {
  {
    const auto cs = candidates_of(
        "Government forces shelled Sarmin on Monday, activists reported. Four civilians were killed, while the civil "
        "defence put the death toll at six.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0]["fatalities"], 4) << cs[0].dump();
    bool activists = false;
    for (const auto& c : cs[0]["claims"])
      if (c["field"] == "fatalities" && c["value"] == 4) activists = c["claimed_by"] == "activists";
    EXPECT_TRUE(activists) << cs[0]["claims"].dump();
  }
  {
    const auto cs = candidates_of(
        "Government forces shelled Sarmin on Monday. Four civilians were killed, while several houses burned down "
        "completely, the monitor said.");
    ASSERT_EQ(cs.size(), 1u);
    ASSERT_TRUE(cs[0].contains("claims")) << cs[0].dump();
    for (const auto& c : cs[0]["claims"])
      if (c["field"] == "fatalities") {
        EXPECT_EQ(c["claimed_by"], "monitor") << cs[0]["claims"].dump();
      }
  }
}

// A headline with an event word does not hide the body's dateline; a date of an agreement is no
// dateline; "the patrol" later refers back to the event and gives it its point; the headline's
// city-or-province merges into a body event whose sentence names the province. (Sixth held-out
// set; our own sentences.) Published 2018-10-09, a Tuesday.
TEST(CandidateDates, DatelineAfterAnEventHeadlineAndAgreementDates) {
  {
    const auto cs = candidates_of("Joint patrol in Idlib cut short as crowds gather\n\nMOSCOW, Oct 9 - A joint Russian and "
                                  "Turkish patrol along the M5 road in Idlib province was cut short on Sunday, the "
                                  "ministry said.\n\nThe ministry said the patrol, which had set out from the village of "
                                  "Sarmin, covered only part of the road.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-07");
    EXPECT_EQ(cs[0]["place"], "Sarmīn") << cs[0].dump();
    EXPECT_TRUE(says(cs[0], "refers back to the event")) << cs[0]["uncertain"];
  }
  {
    // "17 September" dates the memorandum the sentence names: the events are dated by publication.
    const auto cs = candidates_of("Turkish troops shell positions near Jurin\n\nUnder the 17 September memorandum signed in "
                                  "Sochi, heavy weapons were to leave the zone. Turkish artillery then shelled Jurin.");
    ASSERT_FALSE(cs.empty());
    for (const auto& c : cs) EXPECT_EQ(c["observed_at"], "2018-10-09") << c.dump();
  }
  {
    // A dateline's city-or-province in the event's own sentence is where the report is filed
    // from: no point for an event told of the province's south.
    const auto cs = candidates_of("IDLIB – Regime artillery shelled villages in the south of the province on Monday, "
                                  "killing two civilians.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_FALSE(cs[0].contains("lon")) << cs[0].dump();
  }
}


// Session 13 (issue 14, eleventh held-out set's error types, on our own sentences): origins in a
// list, the actor told by the next sentence, the claimant alone who only tells, lists in Turkish,
// posts named before the post word, reconnaissance flights, convoys to posts, fears.
// The CLI's world: the localities supplement too (villages the main gazetteer lacks).
struct FullWorld {
  agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  agreement::AreaOfInterest area{a};
  gazetteer::Gazetteer g = gazetteer::Gazetteer::load(gazetteer::default_data_file(), {gazetteer::default_landmarks_file()});
  gazetteer::Gazetteer localities = gazetteer::Gazetteer::load(gazetteer::default_localities_file());
  Extractor x{a, g, &area, [this] { return &localities; }};
};
std::vector<json> full_candidates_of(const char* text) {
  static FullWorld w;
  return w.x.run("q.txt", text, published(2018y / October / 9)).candidates;
}
Result full_run(const char* text, year_month_day published_on = 2018y / October / 9) {
  static FullWorld w;
  return w.x.run("q.txt", text, published(published_on));
}
std::string kind_of(const json& c) { return c.value("kind", std::string()); }
std::string place_of(const json& c) { return c.value("place", std::string()); }

TEST(CandidateAssembly, EveryMemberOfAnOriginListIsAnOrigin) {
  // Both Latamina and Kafr Zita are where the shells came from: the event stays at Mhardeh, and
  // the sentence that tells where they came from is the same event (its actor the event's).
  const auto cs = full_candidates_of("Four civilians were killed when shells hit Mhardeh on Monday evening, a local source "
                                     "said. The shells were fired from militant positions around Latamina and Kafr Zita. The "
                                     "source blamed Jaysh al-Izza.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "shelling");
  EXPECT_EQ(place_of(cs[0]), "Muḩradah") << cs[0].dump();
  EXPECT_EQ(actor_id_of(cs[0]), "jaysh-al-izza") << cs[0].dump();
  const auto ru = full_candidates_of("Четыре мирных жителя погибли при обстреле Мхарды в понедельник вечером. Снаряды были "
                                     "выпущены с позиций боевиков в районе Латамины и Кафр-Зиты.");
  ASSERT_EQ(ru.size(), 1u) << json(ru).dump();
  EXPECT_EQ(place_of(ru[0]), "Muḩradah") << ru[0].dump();
}

TEST(CandidateAssembly, TheOriginOrTheOneResponsibleInTheNextSentenceIsTheActor) {
  {
    const auto cs = full_candidates_of("Shells hit Sufuhun on Monday, injuring a woman. Field contacts said the fire came "
                                       "from government positions.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
    EXPECT_TRUE(says(cs[0], "blamed by 'Field contacts' in a later sentence")) << cs[0]["uncertain"];
  }
  {
    const auto cs = full_candidates_of("Shells hit Sufuhun on Monday. Activists held government forces responsible.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
  }
  {
    // No blame: the actor stays unsaid.
    const auto cs = full_candidates_of("Shells hit Sufuhun on Monday. Field contacts said the fire lasted an hour.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  }
}

TEST(CandidateAssembly, AClaimantThatOnlyTellsIsNotTheActor) {
  const auto cs = full_candidates_of("Turkey's defence ministry says several mortar rounds fell near its observation post at "
                                     "Sher Mughar this morning.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  EXPECT_EQ(cs[0]["claimed_by"], "Turkey's defence ministry") << cs[0].dump();
  // ... but it acted when a pronoun or "its forces" says so.
  const auto it = full_candidates_of("The Turkish defence ministry said it shelled regime positions near Kafr Nabl.");
  ASSERT_EQ(it.size(), 1u) << json(it).dump();
  EXPECT_EQ(actor_id_of(it[0]), "turkey") << it[0].dump();
  const auto its = full_candidates_of("The Turkish defence ministry said its forces shelled regime positions near Kafr Nabl.");
  ASSERT_EQ(its.size(), 1u) << json(its).dump();
  EXPECT_EQ(actor_id_of(its[0]), "turkey") << its[0].dump();
}

TEST(CandidateAssembly, TurkishListsTakeTheirNounOrTheLastMembersSuffix) {
  const auto cs = full_candidates_of("Rejim güçleri dün gece Kansafra, Bara ve İhsem yerleşim yerlerine topçu ateşi açtı.");
  std::set<std::string> places;
  for (const auto& c : cs) places.insert(place_of(c));
  EXPECT_EQ(places, (std::set<std::string>{"Kansafrah", "Barah", "Iḩsim"})) << json(cs).dump();
  // An apostrophe that writes an ʿayn inside the name is no case suffix ("Dar'at İzze'ye").
  const auto ayn = full_candidates_of("Rejim güçleri dün Dar'at İzze'ye varil bombası attı.");
  ASSERT_EQ(ayn.size(), 1u) << json(ayn).dump();
  EXPECT_EQ(place_of(ayn[0]), "Dārat ‘Izzah") << ayn[0].dump();
  const auto suffix = full_candidates_of("Rejim güçleri dün Kansafra ve Bara'ya topçu ateşi açtı.");
  places.clear();
  for (const auto& c : suffix) places.insert(place_of(c));
  EXPECT_EQ(places, (std::set<std::string>{"Kansafrah", "Barah"})) << json(suffix).dump();
}

TEST(CandidateKinds, ReconnaissanceFlightsConvoysToPostsAndFears) {
  const std::pair<const char*, const char*> flights[] = {
      {"A Russian reconnaissance aircraft circled over Kafr Nabl for four hours on Monday.", "russia"},
      {"حلقت طائرات استطلاع روسية فوق بلدة البارة يوم الاثنين.", "russia"},
      {"Российский разведывательный беспилотник кружил над Атаребом в понедельник.", "russia"},
      {"Rus keşif uçakları pazartesi günü Atarib üzerinde uçtu.", "russia"}};
  for (const auto& [text, actor] : flights) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "uav_observation") << text;
    EXPECT_EQ(actor_id_of(cs[0]), actor) << text;
    EXPECT_EQ(cs[0]["observed_at"], "2018-10-08") << text;
  }
  // A convoy that reached a post named before the post word.
  const auto convoy = full_candidates_of("A Turkish supply convoy of 20 vehicles reached the Sheikh Aqil observation post on "
                                         "Sunday.");
  ASSERT_EQ(convoy.size(), 1u) << json(convoy).dump();
  EXPECT_EQ(kind_of(convoy[0]), "post_event");
  EXPECT_EQ(place_of(convoy[0]), "Sheikh Aqil") << convoy[0].dump();
  EXPECT_EQ(actor_id_of(convoy[0]), "turkish-armed-forces") << convoy[0].dump();
  // Raids feared are no raids; a fear told after the event does not undo it.
  EXPECT_TRUE(full_candidates_of("Residents fear new air raids on Kafr Nabl.").empty());
  EXPECT_TRUE(full_candidates_of("والأهالي خائفون من غارات جديدة على كفرنبل.").empty());
  EXPECT_EQ(full_candidates_of("Fear gripped Kafr Nabl after shelling killed two children on Monday.").size(), 1u);
}


TEST(CandidateAssembly, QuestionsSequenceAndRegionHeadlines) {
  // An interviewer's question tells no event; the answer does.
  const auto q = full_candidates_of("And from the air? Warplanes struck Saraqib on Monday.");
  ASSERT_EQ(q.size(), 1u) << json(q).dump();
  EXPECT_EQ(q[0]["observed_at"], "2018-10-08");
  EXPECT_TRUE(full_candidates_of("А совместные патрули на трассе М4?").empty());
  // An interviewer's label before the colon: still a question.
  EXPECT_TRUE(full_candidates_of("Q: Are Russian reconnaissance flights over Taftanaz continuing?").empty());
  EXPECT_TRUE(full_candidates_of("Вопрос: продолжаются ли обстрелы Саракиба?").empty());
  EXPECT_TRUE(full_candidates_of("هل تعرضت سراقب لغارات؟").empty());
  // "Afterwards" keeps the paragraph's day (Thursday 4 October 2018), not the publication's.
  const auto seq = full_candidates_of("The commander of a company on the hills west of Aleppo spoke to us by phone from "
                                      "his position.\n\nLast Thursday militants tried to infiltrate near Taqad. We fought "
                                      "them for an hour. Afterwards they shelled Kafr Amma until noon.");
  bool seen = false;
  for (const auto& c : seq)
    if (kind_of(c) == "shelling") {
      seen = true;
      EXPECT_EQ(c["observed_at"], "2018-10-04") << c.dump();
      EXPECT_TRUE(says(c, "goes on from what its paragraph told before ('Afterwards')")) << c["uncertain"];
    }
  EXPECT_TRUE(seen) << json(seq).dump();
  // A headline's return fire with only a region is the body's, told by the state's ministry.
  const auto h = full_candidates_of("MSB: İdlib'de rejim ateşine karşılık verildi\n\nANKARA - Milli Savunma Bakanlığı, "
                                    "dün gece Kafranbel çevresindeki rejim mevzilerinin Türk Silahlı Kuvvetlerinin "
                                    "karşılık atışlarıyla susturulduğunu bildirdi.");
  ASSERT_EQ(h.size(), 1u) << json(h).dump();
  EXPECT_EQ(place_of(h[0]), "Kafranbel") << h[0].dump();
  EXPECT_TRUE(says(h[0], "the headline restates the body")) << h[0]["uncertain"];
}


TEST(CandidateAssembly, ArabicVerbSubjectObjectAndAircraftThatBombard) {
  // The name after the strike verb's subject is the place ("قصفت قوات النظام سراقب"), not an
  // adjective of the subject ("الطائرات الحربية": Harbiye is a town in Hatay).
  const auto vso = full_candidates_of("قصفت قوات النظام سراقب يوم الاثنين.");
  ASSERT_EQ(vso.size(), 1u) << json(vso).dump();
  EXPECT_EQ(place_of(vso[0]), "Sarāqib") << vso[0].dump();
  EXPECT_EQ(actor_id_of(vso[0]), "syria") << vso[0].dump();
  // "قصفت الطائرات الحربية الروسية X" is one air strike (it was a shelling and an air strike).
  const auto air = full_candidates_of("قصفت الطائرات الحربية الروسية معرة النعمان يوم الاثنين.");
  ASSERT_EQ(air.size(), 1u) << json(air).dump();
  EXPECT_EQ(kind_of(air[0]), "airstrike");
  EXPECT_EQ(place_of(air[0]), "Ma‘arrat an Nu‘mān") << air[0].dump();
  EXPECT_EQ(actor_id_of(air[0]), "russia") << air[0].dump();
  // Over / in the skies of a town.
  const auto sky = full_candidates_of("تحليق مكثف لطائرات الاستطلاع في أجواء سلقين وأرمناز منذ الصباح.");
  std::set<std::string> places;
  for (const auto& c : sky) {
    EXPECT_EQ(kind_of(c), "uav_observation") << c.dump();
    places.insert(place_of(c));
  }
  EXPECT_EQ(places, (std::set<std::string>{"Salqīn", "Armanāz"})) << json(sky).dump();
}


TEST(CandidateDates, AnEventOnADayAfterThePublicationIsAPlan) {
  // Published Tuesday 9 October 2018: "next Wednesday" is the 17th, ahead; a plan, no candidate,
  // kept as a statement (future) with the date as its cue.
  const Result r = world().x.run("q.txt", "A joint Russian-Turkish patrol goes along the M4 next Wednesday. Government "
                                 "forces shelled Kafr Nabl on Monday.",
                                 published(2018y / October / 9));
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0]["kind"], "shelling");
  bool plan = false;
  for (const auto& st : r.mentions["statements"])
    if (st["why"] == "future" && st["cue"] == "next Wednesday") plan = true;
  EXPECT_TRUE(plan) << r.mentions["statements"].dump();
}


TEST(CandidateAssembly, ABulletinsItemsAreTheHeadingsEventAtTheirPlaces) {
  // Items under a heading with a fire event and a colon: each item's places, the heading's actor
  // and day; the heading itself (its place is where the fire came from) gives way to them.
  const auto ar = full_candidates_of("حصيلة القصف المدفعي لقوات النظام من مواقعها في ريف حماة الشمالي يوم الاثنين ٨ "
                                     "تشرين الأول:\n\n- كفرنبل — ٧\n- حاس — ٣\n");
  std::set<std::string> places;
  for (const auto& c : ar) {
    EXPECT_EQ(kind_of(c), "shelling") << c.dump();
    EXPECT_EQ(actor_id_of(c), "syria") << c.dump();
    EXPECT_EQ(c["observed_at"], "2018-10-08") << c.dump();
    places.insert(place_of(c));
  }
  EXPECT_EQ(places, (std::set<std::string>{"Kafranbel", "Hassef"})) << json(ar).dump();
  // A count broken down over the lines after it: one candidate per village, counts between them.
  const auto ru = full_candidates_of("За прошедшие сутки зафиксировано 6 обстрелов, в том числе:\nв провинции Идлиб - 4 "
                                     "(Саракиб - 3, Маарет-эн-Нууман);\nв провинции Латакия - 2 (Кинсабба).");
  places.clear();
  for (const auto& c : ru) places.insert(place_of(c));
  EXPECT_EQ(places, (std::set<std::string>{"Sarāqib", "Ma‘arrat an Nu‘mān", "Kinnsibbā"})) << json(ru).dump();
}

TEST(CandidateRoles, TheHarmedAfterTheEventAreItsTarget) {
  const auto cs = full_candidates_of("В результате обстрела населенного пункта Саракиб в понедельник ранен один "
                                     "военнослужащий Сирийской арабской армии.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  EXPECT_EQ(cs[0]["evidence"]["target"]["id"], "syria") << cs[0].dump();
  const auto ar = full_candidates_of("قصفت الفصائل بلدة جورين يوم الاثنين، ما أسفر عن إصابة عنصرين من قوات النظام.");
  ASSERT_EQ(ar.size(), 1u) << json(ar).dump();
  EXPECT_EQ(ar[0]["evidence"]["target"]["id"], "syria") << ar[0].dump();
}


// What the rules above must not do (a review of them found each of these).
TEST(CandidateAssembly, TheRulesAboveStayInTheirBounds) {
  // The prose after a bulletin's broken-down count is no part of it.
  EXPECT_TRUE(full_candidates_of("За сутки зафиксировано 14 обстрелов: в провинции Идлиб - 6, Латакия - 3. Российские "
                                 "военные доставили гуманитарную помощь жителям Саракиба.")
                  .empty());
  // A negated item is not the heading's event.
  const auto neg = full_candidates_of("Russian jets struck villages in Idlib province on Tuesday (strikes per village):\n"
                                      "- Kafr Nabl — 7\n- Saraqib: no strikes were reported there");
  ASSERT_EQ(neg.size(), 1u) << json(neg).dump();
  EXPECT_EQ(place_of(neg[0]), "Kafranbel");
  // A heading with figures of its own stays (its figures are no item's).
  const auto fig = full_candidates_of("Regime shelling killed five civilians in southern Idlib on Tuesday, the observatory "
                                      "said (shells per village):\n- Kafr Nabl — 7\n- Saraqib — 3");
  int with_five = 0;
  for (const auto& c : fig) with_five += c.value("fatalities", 0) == 5;
  EXPECT_EQ(with_five, 1) << json(fig).dump();
  // Fear told after the event does not undo it, in any language.
  for (const char* text : {"Monday's shelling worried residents of Kafr Nabl.", "أثار القصف على سراقب أمس مخاوف السكان.",
                           "Rejim güçlerinin dün Sarmin'e düzenlediği topçu saldırısı endişeye yol açtı."})
    EXPECT_EQ(full_candidates_of(text).size(), 1u) << text;
  // The agent of a passive after the event is its actor, not whom it hit.
  const auto by = full_candidates_of("Shells hit Saraqib on Monday and two soldiers were killed by HTS fighters.");
  ASSERT_EQ(by.size(), 1u) << json(by).dump();
  EXPECT_EQ(actor_id_of(by[0]), "hts") << by[0].dump();
  // "came from" and "responsible" blame only as a blame.
  for (const char* text : {"Shells hit Kafr Nabl on Monday, killing two. The information came from Turkish military "
                           "sources.",
                           "Shells hit Kafr Nabl on Monday, killing two. Turkey is responsible for monitoring the "
                           "de-escalation zone under the Sochi deal."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  }
  // A quoted question after the event, "shelling and air raids" in Arabic, a headline's unlocated village.
  EXPECT_EQ(full_candidates_of("A resident whose house in Kafr Nabl was hit by regime shelling on Monday asked: \"Where "
                               "are the guarantors?\"")
                .size(),
            1u);
  EXPECT_EQ(full_candidates_of("تعرضت بلدة كفرنبل أمس لقصف وغارات جوية.").size(), 2u);
  EXPECT_EQ(full_candidates_of("Regime forces shell the village of Zarzurat al-Fawqa\n\nRegime forces shelled Kafr Nabl "
                               "on Monday.")
                .size(),
            2u);
  // A ground patrol "for reconnaissance" is no drone.
  const auto tr = full_candidates_of("Türk askerleri dün Sarmin yakınlarında keşif amaçlı bir devriye gerçekleştirdi.");
  ASSERT_EQ(tr.size(), 1u) << json(tr).dump();
  EXPECT_EQ(kind_of(tr[0]), "patrol");
}

// A list's heading that says whose violations the list holds gives each item with no actor of
// its own that actor (Arabic, Turkish table rows, English); not a heading that only records them.
TEST(CandidateRoles, AHeadingOfViolationsGivesItsItemsTheirActor) {
  for (const char* text :
       {"رصد مكتبنا خلال الأسبوع الماضي خروقات متواصلة لقوات النظام، وجاءت أبرزها كما يلي:\n\n"
        "- الاثنين: قصف صاروخي على بلدة سراقب.\n- الثلاثاء: قصف مدفعي على بلدة سرمين.",
        "Geçen hafta Esad rejimi güçlerinin gerçekleştirdiği ihlaller aşağıda sıralanmıştır:\n\n"
        "| Gün | Yer | Olay |\n|---|---|---|\n| Pazartesi | Serakib | topçu atışı |\n| Salı | Sarmin | topçu atışı |",
        "Ceasefire violations by regime forces last week were as follows:\n\n- Monday: shelling on Saraqib.\n"
        "- Tuesday: shelling on Sarmin."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 2u) << text << json(cs).dump();
    for (const auto& c : cs) {
      EXPECT_EQ(c["kind"], "shelling") << text;
      EXPECT_EQ(actor_id_of(c), "syria") << c.dump();
    }
  }
  // The side that records the violations is not the one that commits them.
  const auto rec = full_candidates_of("Violations recorded by the Russian side last week:\n\n- Monday: shelling on Saraqib.");
  ASSERT_EQ(rec.size(), 1u) << json(rec).dump();
  EXPECT_EQ(actor_id_of(rec[0]), "") << rec[0].dump();
  // Two sides named: whose is not said.
  const auto two = full_candidates_of(
      "Violations by regime forces and by HTS fighters last week:\n\n- Monday: shelling on Saraqib.");
  ASSERT_EQ(two.size(), 1u) << json(two).dump();
  EXPECT_EQ(actor_id_of(two[0]), "") << two[0].dump();
}

// A list item's line takes the claimant of the list's heading, not the item before's.
TEST(CandidateClaims, AnItemsClaimantDoesNotCarryToTheNextItem) {
  const auto cs = full_candidates_of(
      "حصيلة اليوم:\n\n- قصف مدفعي على بلدة سراقب، وقالت الجبهة الوطنية للتحرير إنها قتلت ٣ من المهاجمين.\n"
      "- قذائف هاون على بلدة سرمين، مقتل طفل.");
  ASSERT_EQ(cs.size(), 2u) << json(cs).dump();
  int sarmin = 0;
  for (const auto& c : cs)
    if (place_of(c) == "Sarmīn") {
      ++sarmin;
      const std::string by = c.value("claimed_by", std::string());
      EXPECT_EQ(by.find("الجبهة"), std::string::npos) << c.dump();
      EXPECT_EQ(by.find("قتلت"), std::string::npos) << c.dump();
    }
  EXPECT_EQ(sarmin, 1) << json(cs).dump();
}

// A bulletin's villages by province, each with its count, in brackets: every one is that event at
// its village (the localities supplement asked for each, as for a cued name); a village named
// again later needs no cue; a member nothing locates keeps its candidate, unlocated.
TEST(CandidateAssembly, ABulletinsCountedVillagesByProvinceAreEachAnEvent) {
  const auto cs = full_candidates_of(
      "За прошедшие сутки зафиксировано 16 обстрелов: в провинции Идлиб - 7 (Саракиб - 4, Тель-Тукан - 3), в "
      "провинции Алеппо - 9 (Хан-эль-Асаль - 4, Эль-Мансура - 3, Кафр-Хамра - 2). В результате обстрела "
      "Хан-эль-Асаля ранены двое военнослужащих.");
  std::set<std::string> places;
  int unlocated = 0;
  for (const auto& c : cs) {
    EXPECT_EQ(c["kind"], "shelling") << c.dump();
    if (c.contains("lon") && !c["lon"].is_null()) places.insert(place_of(c));
    else ++unlocated;
    if (place_of(c) == "Khan al `Asal") EXPECT_EQ(c.value("injured", 0), 2) << c.dump();
    else EXPECT_FALSE(c.contains("injured") && !c["injured"].is_null()) << c.dump();
  }
  EXPECT_EQ(places, (std::set<std::string>{"Sarāqib", "Tall at Tukan", "Khan al `Asal", "Kafr Hamra"})) << json(cs).dump();
  EXPECT_EQ(unlocated, 1) << json(cs).dump();
  // Arabic: the edges of two villages, a front at a two-word name.
  const auto ar = full_candidates_of("قصف مدفعي على أطراف عندان وحيان يوم الثلاثاء، ومحاولة تسلل على محور خان العسل.");
  std::set<std::string> ar_places;
  for (const auto& c : ar) ar_places.insert(place_of(c));
  EXPECT_TRUE(ar_places.count("`Anadan") && ar_places.count("Hayyan") && ar_places.count("Khan al `Asal")) << json(ar).dump();
  // ... but only the supplement's exact spelling after those words: none of these is a village.
  for (const char* text : {"وقعت اشتباكات بين المعارضة والنظام قرب سراقب.", "جرت محادثات بين أنقرة وموسكو حول سراقب.",
                           "انسحبت الفصائل من محيط النقطة قرب سراقب."}) {
    const auto x = full_candidates_of(text);
    for (const auto& c : x) EXPECT_EQ(place_of(c), "Sarāqib") << text << c.dump();
  }
}

// A ministry speaking of "our troops", "unsurlarımız", "قواتنا", "наши военные": its state's
// armed forces; the dative force in Turkish is fired at ("gözlem noktamıza", "rejim güçlerine"),
// but not "X'e bağlı" (affiliated to X). No speaker who names a party: no id is guessed.
std::string target_id_of(const json& c) {
  if (!c["evidence"].contains("target")) return "";
  const json& id = c["evidence"]["target"]["id"];
  return id.is_string() ? id.get<std::string>() : "";
}

TEST(CandidateRoles, ASpeakersOwnForcesInTheFirstPerson) {
  const auto en = full_candidates_of("Turkey's defence ministry said regime forces fired mortar rounds at our observation "
                                     "post near Saraqib on Monday.");
  ASSERT_EQ(en.size(), 1u) << json(en).dump();
  EXPECT_EQ(actor_id_of(en[0]), "syria") << en[0].dump();
  EXPECT_EQ(target_id_of(en[0]), "turkish-armed-forces") << en[0].dump();
  const auto tr = full_candidates_of("MSB, rejim unsurlarının dün Serakib çevresindeki gözlem noktamıza havan atışı "
                                     "yaptığını açıkladı.");
  ASSERT_EQ(tr.size(), 1u) << json(tr).dump();
  EXPECT_EQ(actor_id_of(tr[0]), "syria") << tr[0].dump();
  EXPECT_EQ(target_id_of(tr[0]), "turkish-armed-forces") << tr[0].dump();
  const auto ar = full_candidates_of("وقالت وزارة الدفاع التركية إن قواتنا ردت على مصادر النيران قرب سراقب يوم الاثنين.");
  ASSERT_FALSE(ar.empty());
  EXPECT_EQ(actor_id_of(ar[0]), "turkish-armed-forces") << ar[0].dump();
  // "bağlı": affiliated to the regime, the actor.
  const auto aff = full_candidates_of("Esed rejimine bağlı unsurlar dün Serakib'e topçu atışı yaptı.");
  ASSERT_EQ(aff.size(), 1u) << json(aff).dump();
  EXPECT_EQ(actor_id_of(aff[0]), "syria") << aff[0].dump();
  // Nobody who names a party speaks: "our troops" are nobody's we know.
  const auto none = full_candidates_of("\"Our troops returned fire near Saraqib on Monday,\" a commander said.");
  for (const auto& c : none) EXPECT_EQ(actor_id_of(c), "") << c.dump();
}

// Turkish izafet: "Cisr-i Şugur" is Jisr al-Shughur, not the village Ash Shughur.
TEST(PlaceMentions, TurkishIzafetIsPartOfTheName) {
  const auto cs = full_candidates_of("Cisr-i Şugur'da dün çatışma çıktı.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(place_of(cs[0]), "Jisr ash Shughūr") << cs[0].dump();
}

// A dateline is where the reporter files from: not the place of an event its sentence places
// elsewhere, nor (in another country than the places the text names) of one it does not place.
TEST(CandidateAssembly, ADatelineAcrossTheBorderIsNoEventsPlace) {
  const auto a = full_candidates_of("ANTAKYA, Turkey, Oct 8 (Reuters) - Government forces shelled several villages in "
                                    "southern Idlib on Monday, rebels said.");
  ASSERT_EQ(a.size(), 1u) << json(a).dump();
  EXPECT_EQ(place_of(a[0]), "southern Idlib") << a[0].dump();
  const auto b = full_candidates_of("REYHANLI, Turkey - A Russian airstrike hit a market on Sunday, killing five people, "
                                    "rescuers said. The town of Kafr Nabl has been hit often.");
  ASSERT_FALSE(b.empty());
  EXPECT_FALSE(b[0].contains("lon") && !b[0]["lon"].is_null()) << b[0].dump();
  EXPECT_TRUE(says(b[0], "is where the report was filed")) << b[0]["uncertain"];
  // A dateline in the zone still places an event its sentence does not.
  const auto c = full_candidates_of("SARAQIB, Oct 8 - Government forces shelled the town on Monday.");
  ASSERT_EQ(c.size(), 1u) << json(c).dump();
  EXPECT_EQ(place_of(c[0]), "Sarāqib") << c[0].dump();
}

// A report said to be false is denied, in every language (no candidate of its own); a text
// withdrawn is no withdrawal of troops.
TEST(CandidateAssembly, AReportSaidToBeFalseAndATextWithdrawnAreNoEvents) {
  for (const char* text : {"Rumours that regime forces shelled Sarmin on Monday proved false.",
                           "Reports that jets struck Sarmin on Monday are unfounded, the ministry said.",
                           "Сообщения об обстреле Саракиба в понедельник не соответствуют действительности, заявили в "
                           "Минобороны.",
                           "وقالت الوزارة إن الأنباء عن قصف سراقب أمس عارية عن الصحة.",
                           "MSB, rejimin dün Serakib'i bombaladığı iddialarının asılsız olduğunu açıkladı.",
                           "Our earlier item on the Maarat Misreen market has been withdrawn."})
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  // ... but an event told next to the word stays one.
  EXPECT_EQ(full_candidates_of("Regime forces shelled Sarmin on Monday, killing two, after false rumours spread.").size(), 1u);
  EXPECT_EQ(full_candidates_of("Turkish troops withdrew from the Morek post on Monday, the report said.").size(), 1u);
}

// The curated landmarks (data/gazetteer/landmarks.tsv): the Bab al-Hawa crossing by its names
// in four languages and the Turkish side's, at its point (Wikipedia's, 36.230639 N 36.692639 E,
// an independent figure), not at one of the villages called Bab al Hawa 20 km and more away.
TEST(PlaceMentions, TheBabAlHawaCrossingIsALandmark) {
  for (const char* text : {"Regime shells fell near Bab al-Hawa on Monday.", "سقطت قذائف قرب معبر باب الهوى يوم الاثنين.",
                           "В понедельник снаряды упали у КПП Баб-эль-Хава.",
                           "Pazartesi günü Cilvegözü Sınır Kapısı yakınlarına havan mermileri düştü."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    ASSERT_TRUE(cs[0].contains("lat") && cs[0]["lat"].is_number()) << cs[0].dump();
    EXPECT_NEAR(cs[0]["lat"].get<double>(), 36.2306, 0.005) << text;
    EXPECT_NEAR(cs[0]["lon"].get<double>(), 36.6926, 0.005) << text;
  }
}

// Sniping is an armed clash (a civilian harmed by it is civilian harm), the marksman's side its
// actor; a new post set up is a post event; in four languages.
TEST(CandidateKinds, SnipingAndANewPost) {
  for (const char* text : {"A regime sniper wounded a soldier near Sarmin on Monday.",
                           "Снайпер сирийской армии ранил боевика у Сармина в понедельник.",
                           "Rejim keskin nişancısı dün Sarmin'de bir militanı yaraladı."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "armed_clash") << text;
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
  }
  const auto civ = full_candidates_of("A regime sniper killed a child near Sarmin on Monday.");
  ASSERT_EQ(civ.size(), 1u) << json(civ).dump();
  EXPECT_EQ(kind_of(civ[0]), "civilian_harm");
  for (const char* text : {"Turkish troops set up a new observation post near Qminas on Tuesday.",
                           "Türk askerleri pazartesi günü Kaminas yakınında yeni bir gözlem noktası kurdu."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "post_event") << text;
    EXPECT_EQ(actor_id_of(cs[0]), "turkish-armed-forces") << cs[0].dump();
  }
}

// The review of this session's rules: their counter-examples stay as they were.
TEST(CandidateAssembly, TheTwelfthSetsRulesStayInTheirBounds) {
  // A heading naming a target: no actor for its items.
  const auto on = full_candidates_of("Attacks on regime forces:\n\n- Shelling of Kafr Nabl on 5 March.");
  ASSERT_EQ(on.size(), 1u) << json(on).dump();
  EXPECT_EQ(actor_id_of(on[0]), "") << on[0].dump();
  // A sentence that begins with its subject place is no dateline.
  const auto subj = full_candidates_of("Saraqib, a town on the M5 highway, was shelled by regime forces on Monday.");
  ASSERT_EQ(subj.size(), 1u) << json(subj).dump();
  EXPECT_EQ(place_of(subj[0]), "Sarāqib") << subj[0].dump();
  // A falsity predicate denies the claim before it, not the event told after it; "fabricated"
  // rockets are rockets.
  EXPECT_EQ(full_candidates_of("Claims that the shelling has stopped are false: regime jets struck Saraqib on Monday.").size(), 1u);
  EXPECT_EQ(full_candidates_of("Militants fired locally fabricated rockets at Suqaylabiyah on Monday.").size(), 1u);
  // What a report says is no withdrawn report.
  EXPECT_EQ(full_candidates_of("A statement said the rebels withdrew from Kafr Nabl on Monday.").size(), 1u);
  // Snipers deployed, sniper rifles, a new envoy's post, a post not set up: no events.
  for (const char* text : {"Government snipers have been deployed on rooftops in Saraqib, residents said.",
                           "Turkish troops seized sniper rifles and ammunition in Sarmada on Monday.",
                           "The UN Secretary-General established a new post of special envoy for Idlib on Monday.",
                           "Serakib yakınlarında gözlem noktası kurulmadı."})
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  // Arabic sniper fire that wounds a civilian is civilian harm.
  const auto ar = full_candidates_of("أصيب مدني برصاص قناص لقوات النظام في كفرنبل.");
  ASSERT_EQ(ar.size(), 1u) << json(ar).dump();
  EXPECT_EQ(kind_of(ar[0]), "civilian_harm");
  // A date told just before "during the night" / after "с утра" stands.
  const auto night = full_candidates_of("On 3 October, during the night, regime jets struck Saraqib.");
  ASSERT_EQ(night.size(), 1u);
  EXPECT_EQ(night[0]["observed_at"].get<std::string>().substr(0, 10), "2018-10-03") << night[0].dump();
  // "Our forces" of a speaker who names no party are nobody's; support in the dative is no target.
  for (const auto& c : full_candidates_of("The Turkish Defence Ministry said regime forces shelled Saraqib on Monday. \"Our "
                                          "forces repelled the attack near Saraqib,\" a rebel commander told Reuters."))
    EXPECT_NE(target_id_of(c), "turkish-armed-forces") << c.dump();
  const auto sup = full_candidates_of("Rejim güçlerine destek veren Rus savaş uçakları dün Serakib'i bombaladı.");
  ASSERT_EQ(sup.size(), 1u) << json(sup).dump();
  EXPECT_EQ(target_id_of(sup[0]), "") << sup[0].dump();
}

// Session 15 (issue 14, the thirteenth held-out set's error types, on our own sentences).
// One spelling, one place in one text: an Arabic village the supplement located before keeps
// its place when named again after "around" (محيط), which alone would not take the supplement.
TEST(PlaceMentions, AnArabicVillageNamedAgainAfterAroundKeepsItsPlace) {
  const Result r = full_run("قصفت قوات النظام بلدة كفرنبودة صباح اليوم. وردت الفصائل باستهداف مواقع في محيط كفرنبودة.");
  std::vector<json> kafr;
  for (const auto& p : r.mentions["places"])
    if (p["text"] == "كفرنبودة") kafr.push_back(p);
  ASSERT_EQ(kafr.size(), 2u) << r.mentions["places"].dump();
  ASSERT_TRUE(kafr[0]["lat"].is_number()) << kafr[0].dump();
  ASSERT_TRUE(kafr[1]["lat"].is_number()) << kafr[1].dump();
  EXPECT_EQ(kafr[0]["lat"], kafr[1]["lat"]);
  EXPECT_EQ(kafr[0]["lon"], kafr[1]["lon"]);
}

// An update appended to the story tells its event again: one candidate, the revised figure its
// value and the earlier one a claim; a possessive day ("Monday's strikes") names the event of
// that day, not the last one told.
TEST(CandidateClaims, AnUpdateRevisesTheFigureOfTheEventToldAbove) {
  for (const char* text :
       {"Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five people, rescuers said.\n\nResidents "
        "fled north after the attack.\n\nUPDATE: Rescuers said on Tuesday that the death toll from Monday's barrel bombs "
        "had risen to eight.",
        "Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five people, rescuers said.\n\nUPDATE: "
        "The death toll rose to eight, the Civil Defence said on Tuesday."}) {
    const Result r = full_run(text, 2019y / May / 8);
    ASSERT_EQ(r.candidates.size(), 1u) << text << json(r.candidates).dump();
    const json& c = r.candidates[0];
    EXPECT_EQ(place_of(c), "Kafranbel") << c.dump();
    EXPECT_EQ(c["observed_at"].get<std::string>().substr(0, 10), "2019-05-06") << c.dump();
    EXPECT_EQ(c["fatalities"], 8) << c.dump();
    std::set<int> figures;
    for (const auto& cl : c["claims"])
      if (cl["field"] == "fatalities") figures.insert(cl["value"].get<int>());
    EXPECT_EQ(figures, (std::set<int>{5, 8})) << c.dump();
  }
  // Without the update's marker, a later paragraph's figure from another source is a claim
  // beside the first, and the lowest stays the value.
  const Result plain = full_run("Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five people, "
                                "rescuers said. The Civil Defence put the death toll at eight.",
                                2019y / May / 8);
  ASSERT_EQ(plain.candidates.size(), 1u) << json(plain.candidates).dump();
  EXPECT_EQ(plain.candidates[0]["fatalities"], 5) << plain.candidates[0].dump();
  // "Monday's strikes": Monday's event, not Tuesday's told just before.
  const Result day = full_run("Russian jets struck Saraqib on Monday. Regime artillery shelled Sarmin on Tuesday. Monday's "
                              "strikes killed three civilians, rescuers said.",
                              2019y / May / 8);
  ASSERT_EQ(day.candidates.size(), 2u) << json(day.candidates).dump();
  for (const auto& c : day.candidates)
    EXPECT_EQ(c.contains("fatalities"), kind_of(c) == "airstrike") << c.dump();
  // An update that tells another day tells another event, with its own figure; one in Russian,
  // and a timestamp "Updated: 8 May 2019" is no update (the review of session 15).
  for (const char* text :
       {"Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five, rescuers said.\n\nUPDATE: Regime "
        "helicopters dropped more barrel bombs on Kafr Nabl on Tuesday, killing three, rescuers said.",
        "Боевики обстреляли Сармин в понедельник, погибли пять человек.\n\nОбновлено 8 мая. Во вторник боевики вновь "
        "обстреляли Сармин, погибли три человека.",
        "Barrel bombs kill five in Idlib\n\nUpdated: 8 May 2019\nRegime helicopters dropped barrel bombs on Kafr Nabl on "
        "Monday, killing five people. On Tuesday, regime helicopters dropped barrel bombs on Kafr Nabl again, killing "
        "three."}) {
    const Result r = full_run(text, 2019y / May / 8);
    ASSERT_EQ(r.candidates.size(), 2u) << text << json(r.candidates).dump();
    EXPECT_EQ(r.candidates[0]["fatalities"], 5) << r.candidates[0].dump();
    EXPECT_EQ(r.candidates[1]["fatalities"], 3) << r.candidates[1].dump();
  }
  // "Two more died" adds to the toll, a figure of all the war is none of the event's; a
  // claimant's downward revision is a claim of its own.
  const Result added = full_run("Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five, rescuers "
                                "said.\n\nUPDATE: Two more people died of their wounds on Tuesday, rescuers said. More "
                                "than 370,000 people have been killed in Syria's war since 2011.",
                                2019y / May / 8);
  ASSERT_EQ(added.candidates.size(), 1u) << json(added.candidates).dump();
  EXPECT_EQ(added.candidates[0]["fatalities"], 5) << added.candidates[0].dump();
  const Result down = full_run("Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five, rescuers "
                               "said.\n\nUPDATE: Rescuers said the death toll from Monday's barrel bombs was revised to "
                               "three.",
                               2019y / May / 8);
  ASSERT_EQ(down.candidates.size(), 1u) << json(down.candidates).dump();
  EXPECT_EQ(down.candidates[0]["fatalities"], 3) << down.candidates[0].dump();
  std::set<int> down_claims;
  for (const auto& cl : down.candidates[0]["claims"])
    if (cl["field"] == "fatalities") down_claims.insert(cl["value"].get<int>());
  EXPECT_EQ(down_claims, (std::set<int>{3, 5})) << down.candidates[0].dump();
  // An update that names another place tells another event.
  const Result other = full_run("Regime helicopters dropped barrel bombs on Kafr Nabl on Monday, killing five people.\n\n"
                                "UPDATE: Regime helicopters also dropped barrel bombs on Saraqib on Tuesday.",
                                2019y / May / 8);
  EXPECT_EQ(other.candidates.size(), 2u) << json(other.candidates).dump();
}

// An attack repelled: the one who repelled it is the target, the attacker the actor, whatever
// the repelling verb and the event's trigger (en, ar, ru); a Turkish owner in the genitive is
// the attacker. The attack told again in the same sentence is one event.
TEST(CandidateRoles, TheAttackerOfARepelledAttackIsTheActor) {
  for (const char* text : {"Army units thwarted an attack by HTS militants on Hamamiyat on Monday.",
                           "تصدت وحدات من الجيش فجر اليوم لمحاولة تسلل مجموعات من جبهة النصرة باتجاه نقاطها في محيط "
                           "الحماميات.",
                           "Подразделения сирийской армии отразили попытку проникновения боевиков «Джебхат ан-Нусры» у "
                           "Хамамията.",
                           "Suriye ordusu dün Hamamiyat yakınında HTŞ militanlarının sızma girişimini püskürttü.",
                           "HTS fighters attacked army positions near Hamamiyat on Monday; the army repelled the attack."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "armed_clash") << text;
    EXPECT_EQ(actor_id_of(cs[0]), "hts") << cs[0].dump();
    EXPECT_NE(target_id_of(cs[0]), "hts") << cs[0].dump();
  }
  // "foiled" with no attacker named: the defender is the target, no actor; the object of a
  // later verb is no attacker.
  for (const char* text : {"Army units foiled an attack on Hamamiyat on Monday.",
                           "أحبطت قوات النظام محاولة تسلل ثم هاجمت مواقع هيئة تحرير الشام في الحماميات."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_FALSE(cs.empty()) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
    EXPECT_EQ(target_id_of(cs[0]), "syria") << cs[0].dump();
  }
  // A day between two attacks in one sentence keeps them two.
  EXPECT_EQ(full_candidates_of("HTS fighters attacked army positions near Hamamiyat on Monday; on Tuesday the army "
                               "attacked HTS positions.")
                .size(),
            2u);
  // An attack not repelled keeps its subject as the actor.
  const auto plain = full_candidates_of("Army units attacked HTS positions near Hamamiyat on Monday.");
  ASSERT_EQ(plain.size(), 1u) << json(plain).dump();
  EXPECT_EQ(actor_id_of(plain[0]), "syria") << plain[0].dump();
}

// A council's appeal to stop the shelling asks for something; it tells no event (en, ar, ru, tr);
// an event told in the same sentence stands.
TEST(CandidateKinds, AnAppealToStopTheShellingIsNoEvent) {
  const auto told = full_candidates_of("Warplanes bombed Kafr Nabl on Tuesday, killing three people, hours after the "
                                       "local council called on Russia to halt the strikes.");
  ASSERT_EQ(told.size(), 1u) << json(told).dump();
  EXPECT_EQ(told[0]["fatalities"], 3) << told[0].dump();
  for (const char* text : {"The local council called on Russia to halt the air strikes on Kafr Nabl.",
                           "ناشد المجلس المحلي لبلدة كفرنبل المنظمات الدولية التدخل لوقف قصف قوات النظام على البلدة.",
                           "Местный совет обратился к гарантам с призывом прекратить обстрелы Кафр-Нубля.",
                           "Yerel meclis, Türkiye'yi Kefrnübül'e yönelik saldırıları durdurmaya çağırdı."})
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
}

// Turkish spellings of village names: "Şeyh" is Shaykh, a Turkish e the short i of an exact
// spelling ("Meşmeşan", GeoNames' alternate Mishmishān), a name with a case suffix before a verb
// of attack is the place attacked; "Ordu" (army) opening a sentence is no place.
TEST(PlaceMentions, TurkishSpellingsAndTheObjectBeforeTheVerb) {
  const auto sheikh = full_candidates_of("Rejim güçleri dün Şeyh Ali'yi bombaladı.");
  ASSERT_EQ(sheikh.size(), 1u) << json(sheikh).dump();
  EXPECT_EQ(place_of(sheikh[0]), "Ash Shaykh `Ali") << sheikh[0].dump();
  const auto mesh = full_candidates_of("Rejim güçleri dün Meşmeşan'ı bombaladı.");
  ASSERT_EQ(mesh.size(), 1u) << json(mesh).dump();
  EXPECT_EQ(place_of(mesh[0]), "Al Marj al Akhdar") << mesh[0].dump();
  const Result army = full_run("Ordu birlikleri dün Hamamiyat yakınında HTŞ militanlarının sızma girişimini püskürttü.");
  for (const auto& p : army.mentions["places"]) EXPECT_NE(p["text"], "Ordu") << p.dump();
}

// Session 15, the fourteenth held-out set's error types (on our own sentences): places a log, a
// channel or a Russian bulletin names without the cues the text has elsewhere.
std::string point_of(const Result& r, const std::string& text) {
  for (const auto& p : r.mentions["places"])
    if (p["text"] == text) return p["lat"].is_number() ? p.value("name", std::string()) : std::string("(no point)");
  return "(not a mention)";
}

TEST(PlaceMentions, ALogsLineHeadsAHashtagAndARussianSettlementAbbreviation) {
  // "HH:MM - Name:" lines of a log; the supplement's villages too.
  const Result log = full_run("Civil defence responses, 12 July:\n05:50 - Tqad: two mortar shells hit a bakery.\n16:30 - "
                              "Basratun: an airstrike on a farm.");
  EXPECT_EQ(point_of(log, "Tqad"), "Taqad") << log.mentions["places"].dump();
  EXPECT_EQ(point_of(log, "Basratun"), "Mubasratun") << log.mentions["places"].dump();
  // ... not any capitalised word at a line's start, nor one without the colon.
  // ... not a quoted speaker's name after a dash (no time before it).
  const Result not_head = full_run("Residents of Kafr Nabl described the attack to us:\n- Hamid: regime jets bombed the "
                                   "market at dawn, killing two.");
  EXPECT_EQ(point_of(not_head, "Hamid"), "(not a mention)") << not_head.mentions["places"].dump();
  ASSERT_EQ(not_head.candidates.size(), 1u);
  EXPECT_EQ(place_of(not_head.candidates[0]), "Kafranbel") << not_head.candidates[0].dump();
  // A channel's hashtags (Arabic, with the underscore), not "#عاجل" (urgent).
  const Result tags = full_run("#عاجل غارة جوية على #معرة_الإخوان و #زردنا فجر اليوم.");
  EXPECT_EQ(point_of(tags, "معرة_الإخوان"), "Maqarrat al Ikhwan") << tags.mentions["places"].dump();
  EXPECT_EQ(point_of(tags, "زردنا"), "Zardana") << tags.mentions["places"].dump();
  EXPECT_EQ(point_of(tags, "عاجل"), "(not a mention)") << tags.mentions["places"].dump();
  const auto photos = full_candidates_of("#صور غارات جوية روسية على ريف إدلب الجنوبي صباح اليوم أدت إلى مقتل مدنيين اثنين.");
  ASSERT_EQ(photos.size(), 1u) << json(photos).dump();
  EXPECT_FALSE(photos[0].contains("lat")) << photos[0].dump();  // the region, not "As Sur"
  // "н.п." written in one word, and the object of a Russian verb of attack.
  const Result np = full_run("Зафиксированы обстрелы н.п. Тель-Султан и Кафр-Лата. Боевики обстреляли Маан и атаковали Атшан.");
  EXPECT_EQ(point_of(np, "Тель-Султан"), "Tall Sultan") << np.mentions["places"].dump();
  EXPECT_EQ(point_of(np, "Кафр-Лата"), "Kafr Latah") << np.mentions["places"].dump();
  EXPECT_EQ(point_of(np, "Маан"), "Ma`an") << np.mentions["places"].dump();
  EXPECT_EQ(point_of(np, "Атшан"), "`Atshan") << np.mentions["places"].dump();
  // ... by its spelling, not a looser key: a man's name after the verb is no village.
  const Result man = full_run("Боевики обстреляли Мухаммеда и его семью у Кафр-Нубля.");
  EXPECT_EQ(point_of(man, "Мухаммеда"), "(not a mention)") << man.mentions["places"].dump();
}

// A name the gazetteer gives to two places (Şūrān of Hama, Şūrān east of Aleppo): the one in the
// province the sentence names; with none, unresolved with both — never the Surman observation
// post 34 km away, nor a third namesake of the supplement.
TEST(PlaceMentions, ANameOfTwoPlacesTakesTheProvinceTheSentenceNames) {
  for (const char* text : {"Militants shelled Suran in Hama on Monday.", "Боевики обстреляли Суран в Хаме.",
                           "قصفت الفصائل بلدة صوران بريف حماة الشمالي."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    ASSERT_TRUE(cs[0].contains("lat")) << cs[0].dump();
    EXPECT_NEAR(cs[0]["lat"].get<double>(), 35.2919, 0.01) << cs[0].dump();
    EXPECT_NEAR(cs[0]["lon"].get<double>(), 36.7485, 0.01) << cs[0].dump();
  }
  // The province the text names elsewhere; never the post of a like name.
  const auto later = full_candidates_of("Боевики обстреляли Суран. Обстрелы продолжаются на севере провинции Хама.");
  ASSERT_FALSE(later.empty()) << json(later).dump();
  EXPECT_NEAR(later[0].value("lat", 0.0), 35.2919, 0.01) << later[0].dump();
  const Result alone = full_run("Боевики обстреляли Суран.");
  for (const auto& p : alone.mentions["places"]) EXPECT_NE(p["name"].is_string() ? p["name"].get<std::string>() : "", "Surman") << p.dump();
  const auto none = full_candidates_of("Militants shelled Suran on Monday.");
  ASSERT_EQ(none.size(), 1u) << json(none).dump();
  EXPECT_FALSE(none[0].contains("lat")) << none[0].dump();
  EXPECT_NE(none[0]["uncertain"].dump().find("ambiguous"), std::string::npos) << none[0].dump();
}

// A country before a border noun names the border, not an actor ("Türkiye sınırına yakın").
TEST(CandidateRoles, ACountryBeforeItsBorderIsNoActor) {
  for (const char* text : {"Rus savaş uçakları dün Türkiye sınırına yakın bir kampı bombaladı.",
                           "Russian jets struck a camp near Turkey's border on Monday."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "russia") << cs[0].dump();
  }
  const auto turkey = full_candidates_of("Turkey shelled Tell Rifaat on Monday.");
  ASSERT_EQ(turkey.size(), 1u);
  EXPECT_EQ(actor_id_of(turkey[0]), "turkey") << turkey[0].dump();
}

// Session 16, the fifteenth held-out set's error types (on our own sentences).
TEST(PlaceMentions, TheDiphthongSpeltEiOrAiIsTheGazetteersAy) {
  // "Heish" (GeoNames Ḩīsh, also spelt Haysh: two consonants, no key to match on), "Sukeik"
  // (Sukayk): taken as exact spellings only.
  const Result r = full_run("Militants attacked positions near Heish and near Sukeik on Monday.");
  EXPECT_EQ(point_of(r, "Heish"), "Ḩīsh") << r.mentions["places"].dump();
  EXPECT_EQ(point_of(r, "Sukeik"), "Sukayk") << r.mentions["places"].dump();
}

TEST(PlaceMentions, AMastheadIsNoDatelineAndTallOpensAnArabicName) {
  const Result radio = full_run("ORONTES VALLEY RADIO - ARABIC SERVICE\nRockets hit a bakery on Monday.");
  EXPECT_EQ(point_of(radio, "ORONTES VALLEY RADIO"), "(not a mention)") << radio.mentions["places"].dump();
  const Result desk = full_run("NORTHWEST NEWS DESK - Rockets hit a bakery on Monday.");
  EXPECT_EQ(point_of(desk, "NORTHWEST NEWS DESK"), "(not a mention)") << desk.mentions["places"].dump();
  const Result dateline = full_run("KAFR NABL - Rockets hit a bakery on Monday.");
  EXPECT_EQ(point_of(dateline, "KAFR NABL"), "Kafranbel") << dateline.mentions["places"].dump();
  // "تل" (hill) is a cue and the first word of names the supplement holds whole.
  const Result tel = full_run("قصفت قوات النظام تل أعور وقرية تل ملح يوم الإثنين.");
  EXPECT_EQ(point_of(tel, "تل أعور"), "Tall A`war") << tel.mentions["places"].dump();
  EXPECT_EQ(point_of(tel, "تل ملح"), "Tall Mallah") << tel.mentions["places"].dump();
  const Result hill = full_run("صعد المقاتلون إلى تل مرتفع في بلدة جورين.");
  EXPECT_EQ(point_of(hill, "جورين"), "Jurin") << hill.mentions["places"].dump();  // (the sentence was read)
  for (const auto& p : hill.mentions["places"]) EXPECT_EQ(p["text"].get<std::string>().find("مرتفع"), std::string::npos) << p.dump();
  // ... with a proclitic ("وتل ملح"): the name without it.
  const Result wa = full_run("قصفت قوات النظام بلدة كفرنبل وتل ملح بالمدفعية.");
  EXPECT_EQ(point_of(wa, "تل ملح"), "Tall Mallah") << wa.mentions["places"].dump();
  // A Turkish "Cebeli X" is a mountain area, not a place its first word spells (Jablah).
  const Result jebel = full_run("Cebeli Ekrad'daki mevzilere dün havan saldırısı düzenlendi.");
  ASSERT_EQ(jebel.mentions["places"].size(), 1u) << jebel.mentions["places"].dump();
  EXPECT_EQ(jebel.mentions["places"][0]["text"], "Cebeli Ekrad") << jebel.mentions["places"].dump();
  EXPECT_EQ(jebel.mentions["places"][0]["kind"], "region") << jebel.mentions["places"].dump();
  // A dateline whose story opens with acronyms is still a dateline.
  const Result ocha = full_run("JARJANAZ — UN OCHA staff said Syrian army shells hit the town on Monday.");
  EXPECT_EQ(point_of(ocha, "JARJANAZ"), "Jarjanaz") << ocha.mentions["places"].dump();
}

TEST(CandidateAssembly, AnOriginNamedWithItsHolderAndSettlementNoun) {
  // "من مواقع قوات النظام في بلدة جورين": Jurin is where the fire came from; each village
  // the verb's list names is an event.
  const auto cs = full_candidates_of("قصف مدفعي من مواقع قوات النظام في بلدة جورين استهدف قرى الزيارة وقسطون يوم الإثنين.");
  ASSERT_EQ(cs.size(), 2u) << json(cs).dump();
  for (const auto& c : cs) EXPECT_NE(c.value("place", std::string()), "Jurin") << c.dump();
  // ... and "from" with words of a clause before a position word is no origin ("Reports from
  // Idlib say jets struck positions in X": X is where the strikes fell).
  const auto verb = full_candidates_of("Reports from Idlib say jets struck positions in Kafr Nabl on Monday.");
  ASSERT_EQ(verb.size(), 1u) << json(verb).dump();
  EXPECT_EQ(place_of(verb[0]), "Kafranbel") << verb[0].dump();
}

TEST(CandidateKinds, AntiTankMissilesJetsThatHitDownedDronesAndCheckpoints) {
  struct Case {
    const char* text;
    const char* kind;
  };
  for (const Case& k : std::initializer_list<Case>{
           {"An anti-tank missile struck an army bulldozer near Kafr Nabl on Monday.", "armed_clash"},
           {"Rebels destroyed a tank with an ATGM near Kafr Nabl on Monday.", "armed_clash"},
           {"В понедельник боевики выпустили ПТУР по БМП у Кафр-Нубля.", "armed_clash"},
           {"استهدف مقاتلو الهيئة دبابة بصاروخ موجه قرب كفرنبل يوم الإثنين.", "armed_clash"},
           {"Muhalifler pazartesi günü Kafranbel yakınlarında bir tankı tanksavar füzesiyle vurdu.", "armed_clash"},
           {"Russian jets hit a bakery in Ariha on Monday.", "airstrike"},
           {"Rus savaş uçakları pazartesi günü Eriha'daki bir fırını vurdu.", "airstrike"},
           {"On Monday regime artillery and rocket fire hit Kafr Nabl.", "shelling"},
           {"أسقطت الدفاعات الجوية مساء الإثنين طائرة مسيرة فوق كفرنبل.", "uav_observation"},
           {"В понедельник у Кафр-Нубля уничтожены два беспилотника.", "uav_observation"},
           {"نصبت الهيئة حواجز على مداخل كفرنبل يوم الإثنين.", "movement_restriction"}}) {
    const auto cs = full_candidates_of(k.text);
    ASSERT_EQ(cs.size(), 1u) << k.text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), k.kind) << k.text << cs[0].dump();
  }
  // Not events: a weapon named with nothing fired (or sent), a guided missile from the air (the air
  // strike only), a passive "jets were hit", "vurguladı" (stressed) and an anti-aircraft gun, a
  // warplane shot down (no drone), a road reopened after being closed.
  for (const char* text : {"The factions say they have enough anti-tank missiles.", "Türkiye, muhaliflere tanksavar füzesi gönderdi.",
                           "Two Syrian jets were hit by rebel fire over Kafr Nabl on Monday.",
                           "Ankara, Rus uçaklarının İdlib'deki ateşkes ihlallerini vurguladı.",
                           "أسقطت فصائل المعارضة طائرة حربية تابعة للنظام فوق خان شيخون.",
                           "The M4 highway reopened on Monday after being closed to traffic for two years."})
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  const auto air = full_candidates_of("Russian warplanes struck Kafr Nabl with guided missiles on Monday.");
  ASSERT_EQ(air.size(), 1u) << json(air).dump();
  EXPECT_EQ(kind_of(air[0]), "airstrike") << air[0].dump();
}

TEST(DateMentions, AWeekdayAnAnnouncedFutureRunsToIsAhead) {
  auto resolved = [](const Result& r, const std::string& text) {
    for (const auto& d : r.mentions["dates"])
      if (d["text"].get<std::string>().find(text) != std::string::npos && d["resolved"].is_string())
        return d["resolved"].get<std::string>();
    return std::string("(none)");
  };
  // Published Tuesday 11 February 2020.
  const auto tue = 2020y / February / 11;
  EXPECT_EQ(resolved(full_run("The council says the crossing will stay closed until Thursday.", tue), "Thursday"), "2020-02-13");
  EXPECT_EQ(resolved(full_run("Переход будет закрыт до четверга.", tue), "четверга"), "2020-02-13");
  // A past narrative: the Thursday before (a future in another clause does not count).
  EXPECT_EQ(resolved(full_run("The road stayed closed until Thursday.", tue), "Thursday"), "2020-02-06");
  EXPECT_EQ(resolved(full_run("The crossing, which officials said will reopen soon, stayed closed until Thursday.", tue),
                     "Thursday"),
            "2020-02-06");
}

TEST(ActorMentions, ACapitalThatSpeaks) {
  const Result r = full_run("Militants shelled Kafr Nabl on Monday. Ankara repeated on Friday that the post stays.");
  bool ankara = false;
  for (const auto& a : r.mentions["actors"])
    if (a["text"] == "Ankara") ankara = a["id"] == "turkey";
  EXPECT_TRUE(ankara) << r.mentions["actors"].dump();
  const Result tr = full_run("Ankara, saldırıların mutabakatın açık bir ihlali olduğunu vurguladı.");
  ASSERT_FALSE(tr.mentions["actors"].empty());
  EXPECT_EQ(tr.mentions["actors"][0]["id"], "turkey") << tr.mentions["actors"].dump();
  // A capital that is a place stays one.
  const Result venue = full_run("The delegations met in Ankara on Friday.");
  EXPECT_EQ(point_of(venue, "Ankara"), "(no point)") << venue.mentions["places"].dump();  // (read as a place)
  for (const auto& a : venue.mentions["actors"]) EXPECT_NE(a["text"], "Ankara") << a.dump();
}

TEST(PlaceMentions, ARussianListBeforeALocatedMemberAndTheDiphthongSpeltEi) {
  // A bulletin's list line: the members before the located one are cued as list members.
  const Result list = full_run("За сутки зафиксированы обстрелы:\n— Бейт-Аван, Кастал-Мааф (провинция Латакия);");
  EXPECT_EQ(point_of(list, "Бейт-Аван"), "Bayt `Awan") << list.mentions["places"].dump();
  // Russian ей for the Arabic ay, with a case ending ("окрестности Хейша").
  const Result ey = full_run("Боевики обстреляли окрестности Хейша.");
  EXPECT_EQ(point_of(ey, "Хейша"), "Ḩīsh") << ey.mentions["places"].dump();
}

TEST(CandidateAssembly, AListMemberNothingKnowsKeepsTheListGoing) {
  // "Jibin" is no mention (no gazetteer holds it); Hass and Kafr Nabl each get the shelling.
  for (const char* text : {"Militants shelled Hass, Jibin and Kafr Nabl on Monday.",
                           "В понедельник боевики обстреляли Хас, Джибин и Кафр-Нубль."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 2u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[1]), "Kafranbel") << cs[1].dump();
  }
  // ... but not across a clause with its own verb ("Turkey said").
  const auto said = full_candidates_of("Militants shelled Hass on Monday, Turkey said, and Kafr Nabl was calm.");
  ASSERT_EQ(said.size(), 1u) << json(said).dump();
}

TEST(DateMentions, TheNightBeforeLast) {
  // Published Tuesday 17 August 2021: the night of Sunday 15 into Monday 16 (its evening's date).
  for (const char* text : {"The night before last, shells hit Kafr Nabl.", "Позапрошлой ночью боевики обстреляли Кафр-Нубль."}) {
    const Result r = full_run(text, 2021y / August / 17);
    ASSERT_EQ(r.mentions["dates"].size(), 1u) << text << r.mentions["dates"].dump();
    EXPECT_EQ(r.mentions["dates"][0]["resolved"], "2021-08-15") << r.mentions["dates"].dump();
  }
  // "the night before the attack" is no date.
  EXPECT_TRUE(full_run("The night before the attack was quiet.", 2021y / August / 17).mentions["dates"].empty());
}

TEST(Statements, ATotalOverASpanOfTimeIsNoEvent) {
  for (const char* text : {"Russian jets have carried out dozens of air strikes on Idlib in the past two months.",
                           "Rusya'nın son iki ayda İdlib'de düzinelerce hava saldırısı düzenlediği biliniyor.",
                           "Десятки авиаударов нанесены по Идлибу за последние недели.",
                           "شن الطيران الروسي عشرات الغارات على إدلب خلال الأشهر الماضية."})
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  // A count on a day is an event; a span with no count is the event's time.
  EXPECT_EQ(full_candidates_of("Russian jets carried out 20 air strikes on Kafr Zita on Monday.").size(), 1u);
  EXPECT_EQ(full_candidates_of("Over the last two days, regime artillery shelled Kafr Nabl.").size(), 1u);
}

TEST(CandidateAssembly, AnOffsetAfterItsVillageLocatesIt) {
  // "Heish, about 12 km south of Maarat al-Numan": the village is the event's place, the town
  // only locates it (words of approximation and the distance between them).
  for (const char* text : {"Rescuers pulled a family from the rubble in Heish, about 12 km south of Maarat al-Numan, after a "
                           "Russian air strike on Monday.",
                           "انتشل المتطوعون عائلة من تحت الأنقاض في بلدة حيش، على بعد نحو ١٢ كم جنوب معرة النعمان، بعد "
                           "غارة جوية روسية يوم الإثنين."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Ḩīsh") << cs[0].dump();
  }
  // A bare offset stays at its reference, said so.
  const auto bare = full_candidates_of("A drone struck a car about 12 km south of Maarat al-Numan on Monday.");
  ASSERT_EQ(bare.size(), 1u) << json(bare).dump();
  EXPECT_NE(bare[0]["uncertain"].dump().find("offset"), std::string::npos) << bare[0].dump();
}

TEST(PlaceMentions, ArabicNearCuesAVillageOfTheSupplement) {
  // "قرب جورين", "بالقرب من جورين": Jurin, which only the supplement holds; not a building or a
  // place of a town that some village is named after ("قرب المدرسة", "قرب مدرسة البلدة").
  for (const char* text : {"قصفت قوات النظام مواقع قرب جورين يوم الإثنين.", "قصفت قوات النظام مواقع بالقرب من جورين يوم الإثنين."}) {
    const Result r = full_run(text);
    EXPECT_EQ(point_of(r, "جورين"), "Jurin") << text << r.mentions["places"].dump();
  }
  for (const char* text : {"سقطت قذيفة قرب المدرسة يوم الإثنين.", "سقطت قذيفة قرب مدرسة البلدة يوم الإثنين.",
                           "سقطت قذيفة قرب مسجد يوم الإثنين."}) {
    const Result r = full_run(text);
    EXPECT_EQ(r.candidates.size(), 1u) << text;  // (the sentence was read)
    EXPECT_TRUE(r.mentions["places"].empty()) << text << r.mentions["places"].dump();
  }
}


// Session 17, the sixteenth held-out set's error types (on our own sentences).
TEST(PlaceMentions, ASpellingWhoseVowelsNoTierMatchesIsReadByItsSkeleton) {
  // The villages the texts mean (GeoNames / the supplement): Mawzarah (موزرة), Khirbat al Jawz,
  // Kafr `Uwayd; the press writes their vowels and semivowels otherwise.
  const std::pair<const char*, const char*> cases[] = {
      {"A farmer was burned in his field west of Mozra on Tuesday.", "Mozra"},
      {"Artillery fire hit houses near Khirbet al-Jouz on Tuesday.", "Khirbet al-Jouz"},
      {"Two men wounded by shelling were brought from Kafrouid on Tuesday.", "Kafrouid"},
      {"Артиллерия весь вечер работала по окрестностям Музары.", "Музары"}};
  const char* expected[] = {"Mawzarah", "Khirbat al Jawz", "Kafr `Uwayd", "Mawzarah"};
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const Result r = full_run(cases[i].first);
    EXPECT_EQ(point_of(r, cases[i].second), expected[i]) << cases[i].first << r.mentions["places"].dump();
    for (const auto& p : r.mentions["places"])
      if (p["text"] == cases[i].second) {
        EXPECT_EQ(p.value("match", std::string()), "skeleton") << p.dump();
        EXPECT_NE(p.value("reason", std::string()).find("same consonants"), std::string::npos) << p.dump();
      }
  }
  // Not a looser match than that: one agreeing vowel is no evidence ("Кремле", the Kremlin, is
  // not Qaramil), two consonants are too few ("Soçi" is not Suqay`ah), a Russian nominative
  // keeps its final slot ("Эль-Джабин" is not the Aleppo "Djebbine"), and two places of one
  // skeleton are neither ("Shatha": Shathah and Ash Sha`thah).
  for (const auto& [text, name] : std::initializer_list<std::pair<const char*, const char*>>{
           {"В Кремле заявили, что боевики обстреляли позиции армии.", "Кремле"},
           {"Soçi'de varılan mutabakata rağmen rejim güçleri köyleri vurdu.", "Soçi'de"},
           {"Боевики атаковали позиции армии у Эль-Джабина в понедельник.", "Эль-Джабина"},
           {"Rocket fire attributed to government positions near Shatha on Friday.", "Shatha"},
           // a town the main gazetteer knows outside the area is that town, not a village of the
           // zone with its skeleton (Al Qunaytirah, Kabanah); a name in -i is no nisba -iyah
           {"Shells fell near Quneitra on Monday.", "Quneitra"},
           {"Shells fell near Kobani on Monday.", "Kobani"},
           {"Shells fell near the village of Turki on Monday.", "Turki"},
           {"Shells fell near the village of Sharqi on Monday.", "Sharqi"}}) {
    const Result r = full_run(text);
    for (const auto& p : r.mentions["places"]) EXPECT_NE(p["match"], "skeleton") << text << p.dump();
  }
}

TEST(EventTriggers, TurkishArtilleryAndTargetedHousesRussianChannelSlangAndCheckpoints) {
  for (const char* text : {"Rejim güçleri bugün sabah Kefrüveyd çevresini topçu ile vurdu.",
                           "Rejim güçleri cumartesi gecesi Kefrüveyd'de evleri hedef aldı.",
                           "Rejim güçleri cuma günü Kefer Nuran beldesini topçu ve roketlerle hedef aldı."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "shelling") << text;
  }
  // "hedef aldı" with people as its object is no shelling ("HTŞ targeted the rebels", the
  // villagers); a checkpoint not set up is none.
  for (const char* text : {"HTŞ, Halep'in batısında muhalifleri hedef aldı.", "HTŞ dün Sarmin'de köylüleri hedef aldı.",
                           "Sarmin girişinde henüz kontrol noktası kurulmadı."})
    for (const auto& c : full_candidates_of(text)) EXPECT_NE(kind_of(c), "shelling") << text << c.dump();
  EXPECT_TRUE(full_candidates_of("Sarmin girişinde henüz kontrol noktası kurulmadı.").empty());
  // An attack drone shot down is not an air strike.
  for (const auto& c : full_candidates_of("ПВО уничтожили два ударных дрона над Кафр-Нублем."))
    EXPECT_NE(kind_of(c), "airstrike") << c.dump();
  const std::pair<const char*, const char*> more[] = {
      {"Вечером боевики запустили два ударных дрона по Кафр-Нублю.", "airstrike"},
      {"Над Кафр-Нублем весь день висел турецкий Bayraktar.", "uav_observation"},
      {"Три дня назад боевики пытались просочиться к позициям у Кафр-Сиджны.", "armed_clash"},
      {"В пятницу боевики выставили новый блокпост на въезде в Сармин.", "movement_restriction"},
      {"HTŞ militanları pazartesi Sarmin girişinde kontrol noktası kurdu.", "movement_restriction"}};
  for (const auto& [text, kind] : more) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), kind) << text;
  }
}

TEST(CandidateAssembly, TheClaimantsOwnForcesAsTheSubjectAndTurkishOurUnits) {
  // "The Russian military says its jets struck a militant position": the claimant acted, though
  // the sentence names the militants (the target) after the verb.
  const auto cs = full_candidates_of("The Russian military says its jets struck a militant position near Jisr al-Shughur on Sunday.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(actor_id_of(cs[0]), "russia") << cs[0].dump();
  // ... but not when another actor is the subject before the verb.
  const auto other = full_candidates_of("The Russian military says Syrian army artillery shelled militant positions near Kafr Nabl.");
  ASSERT_EQ(other.size(), 1u) << json(other).dump();
  EXPECT_EQ(actor_id_of(other[0]), "syria") << other[0].dump();
  // A Turkish text's "our units" with no speaker naming a party: Turkey's army.
  const Result tr = full_run("Sınır hattındaki birliklerimiz ateşe anında karşılık verdi.");
  ASSERT_FALSE(tr.mentions["actors"].empty());
  EXPECT_EQ(tr.mentions["actors"][0].value("id", std::string()), "turkish-armed-forces") << tr.mentions["actors"].dump();
  // Not when a speaker who names no party says it ("a rebel commander": not Turkey's).
  const Result rebel = full_run("Muhalif bir komutan, birliklerimizin dün Sarmin yakınlarında rejim mevzilerini vurduğunu söyledi.");
  for (const auto& a : rebel.mentions["actors"]) EXPECT_NE(a["id"], "turkish-armed-forces") << a.dump();
  // "их" is not the claimant's own: the claimant is not made the actor.
  for (const auto& c : full_candidates_of("Центр по примирению сообщил, что их бойцы обстреляли позиции сирийской армии у Кафр-Нубля."))
    EXPECT_NE(actor_id_of(c), "russia") << c.dump();
  // Not an English or Russian "our": either side speaks so.
  const Result en = full_run("Our units returned fire at once, the commander said.");
  for (const auto& a : en.mentions["actors"]) EXPECT_TRUE(a["id"].is_null() || a["id"] == "") << a.dump();
}

TEST(NumberMentions, APartOfTheDeadAfterAmongIsNoToll) {
  for (const char* text : {"Regime shelling killed four civilians in Khan Shaykhun on Monday. Among the dead were two children.",
                           "Rejim güçleri dün akşam Han Şeyhun'daki yerleşim yerlerini hedef aldı. Hayatını kaybedenler arasında "
                           "2 çocuğun da bulunduğu belirtildi.",
                           "Три мирных жителя погибли при обстреле Кафр-Нубля, среди погибших двое детей."}) {
    const Result r = full_run(text);
    for (const auto& n : r.mentions["numbers"]) {
      if (n.value("value", 0) == 2) {
        EXPECT_EQ(n.value("counts", std::string()), "other") << text << n.dump();
      }
    }
    ASSERT_EQ(r.candidates.size(), 1u) << text;
    EXPECT_NE(r.candidates[0].value("fatalities", json()).dump(), "2") << text << r.candidates[0].dump();
  }
  // The total right after "among", "among" of no dead, and Turkish "arasında" as "between" keep
  // their counts.
  for (const char* text : {"Regime shelling hit Kafr Nabl on Monday. Among the 12 dead were two children.",
                           "Fighting among rival factions killed 12 people in Kafr Nabl on Monday.",
                           "Han Şeyhun ile Maarret arasında 12 sivil hayatını kaybetti."}) {
    const Result r = full_run(text);
    bool twelve = false;
    for (const auto& n : r.mentions["numbers"]) twelve = twelve || (n.value("value", 0) == 12 && n["counts"] == "fatalities");
    EXPECT_TRUE(twelve) << text << r.mentions["numbers"].dump();
  }
}


// The date mentions a run read as times of day (rule time_of_day).
std::vector<json> times_of_day(const Result& r) {
  std::vector<json> out;
  for (const auto& d : r.mentions["dates"])
    if (d["rule"] == "time_of_day") out.push_back(d);
  return out;
}

TEST(DateMentions, ATimeOfDayIsReadAsItsEventsDay) {
  // A time of day with no day of its own in an event's sentence: a date mention of the event's
  // day (published 16 July 2019, a Tuesday).
  const std::pair<const char*, const char*> cases[] = {
      {"Three days ago, artillery shells struck Kafr Nabl at about 6 p.m., killing three children.", "2019-07-13"},
      {"Вечером боевики запустили два ударных дрона по Кафр-Нублю.", "2019-07-16"},  // (no day: the publication's)
      {"سقطت يوم الأحد قذيفتان على مدرسة في أريحا عند الساعة التاسعة والنصف صباحاً.", "2019-07-14"}};
  for (const auto& [text, day] : cases) {
    const Result r = full_run(text, 2019y / July / 16);
    const auto times = times_of_day(r);
    ASSERT_EQ(times.size(), 1u) << text << r.mentions["dates"].dump();
    EXPECT_EQ(times[0]["resolved"], day) << text;
  }
  // The Arabic hour's words only, not the clause after it.
  const Result hour = full_run("عند الساعة العاشرة قصفت قوات النظام بلدة كفرنبل.", 2019y / July / 16);
  for (const auto& d : times_of_day(hour)) EXPECT_EQ(d["text"], "عند الساعة العاشرة") << d.dump();
  // Next to a date it is part of that date, not a second one (also across the "." of "p.m.", and
  // a derived date: "Днём ранее"); in a sentence with no event, none.
  for (const char* text : {"Clashes broke out at dawn on 4 July near Kafr Nabl.", "The market usually opens at dawn.",
                           "Shells hit Kafr Nabl on Monday, and more fell at about 9 p.m. on Tuesday.",
                           "Днём ранее боевики обстреляли Кафр-Нубль.",
                           "Вечером три дня назад боевики запустили два ударных дрона по Кафр-Нублю."}) {
    const Result r = full_run(text, 2019y / July / 16);
    EXPECT_TRUE(times_of_day(r).empty()) << text << r.mentions["dates"].dump();
  }
}


TEST(CandidateAssembly, ALogsNoteGivesItsLinesTheActorItAttributesTheFireTo) {
  // A note before date-led log lines attributes the fire below to one party: each line with no
  // actor of its own takes it; the note is no event of its own (not at where the fire came from);
  // "overnight" after a line's date is that date's night.
  const char* en =
      "Hama desk - violations log, week 11\n\n"
      "Unless stated otherwise, the shelling below is attributed by our sources to government forces positioned in "
      "Kafr Nabudah. Lines read Date - Place - What - Source.\n\n"
      "12.03.2019 — Kafr Zita — artillery shells hit the eastern quarter, one woman wounded — civil defence.\n\n"
      "13.03.2019 — al-Lataminah — overnight shelling damaged two houses — local council.\n";
  const Result r = full_run(en, 2019y / March / 15);
  std::map<std::string, const json*> at;
  for (const auto& c : r.candidates) at[place_of(c)] = &c;
  EXPECT_EQ(at.count("Kafr Nabudah"), 0u) << r.candidates.size();
  ASSERT_EQ(at.count("Kafr Zaytā"), 1u);
  EXPECT_EQ(actor_id_of(*at["Kafr Zaytā"]), "syria") << at["Kafr Zaytā"]->dump();
  ASSERT_EQ(at.count("Al Lataminah"), 1u);
  EXPECT_EQ(actor_id_of(*at["Al Lataminah"]), "syria");
  EXPECT_EQ(at["Al Lataminah"]->value("observed_at", std::string()).substr(0, 10), "2019-03-13")
      << at["Al Lataminah"]->dump();
  // Turkish: the party before "atfedilmiştir".
  const char* tr =
      "Aksi belirtilmedikçe aşağıdaki atışlar kaynaklarca rejim güçlerine atfedilmiştir.\n\n"
      "14.03.2019 — Kafr Zita — köyün girişine 4 havan mermisi düştü; yaralı yok — yerel meclis.\n";
  const Result t = full_run(tr, 2019y / March / 15);
  ASSERT_EQ(t.candidates.size(), 1u);
  EXPECT_EQ(actor_id_of(t.candidates[0]), "syria") << t.candidates[0].dump();
  // The agent of the attribution is not the party blamed ("attributed by the Russian Defence
  // Ministry to armed groups": no id), and prose that attributes its own event is no note (no
  // "below"): its event stays, and the lines after it get no actor from it.
  const char* agent =
      "The shelling below is attributed by the Russian Defence Ministry to armed groups.\n\n"
      "12.03.2019 — Kafr Zita — artillery shells hit the eastern quarter — civil defence.\n";
  for (const auto& c : full_run(agent, 2019y / March / 15).candidates) EXPECT_NE(actor_id_of(c), "russia") << c.dump();
  const char* prose =
      "Regime forces shelled al-Lataminah on Monday, and local activists attributed the attack to government "
      "forces positioned in Kafr Nabudah. Other incidents in the area this month:\n\n"
      "12.03.2019 — Kafr Zita — artillery shells hit the eastern quarter — civil defence.\n";
  const Result pr = full_run(prose, 2019y / March / 15);
  bool lataminah = false;
  for (const auto& c : pr.candidates) {
    lataminah = lataminah || place_of(c) == "Al Lataminah";
    if (place_of(c) == "Kafr Zaytā") {
      EXPECT_NE(c.value("actor_rule", std::string()), "list_attribution") << c.dump();
      EXPECT_FALSE(says(c, "attributes its fire")) << c.dump();
    }
  }
  EXPECT_TRUE(lataminah) << pr.candidates.size();
  // Two parties in the note: whose is not said.
  const char* two =
      "The shelling below is attributed to government forces and to Hayat Tahrir al-Sham.\n\n"
      "12.03.2019 — Kafr Zita — artillery shells hit the eastern quarter — civil defence.\n";
  for (const auto& c : full_run(two, 2019y / March / 15).candidates)
    if (place_of(c) == "Kafr Zaytā") {
      EXPECT_EQ(actor_id_of(c), "") << c.dump();
    }
}

TEST(CandidateAssembly, ArabicIndicNumberedItemsAreAListUnderTheirHeading) {
  // "١." items under a heading with the day ("أمس الأربعاء") and whose the fire is: each item
  // takes the heading's day and actor (published Thursday 21 February 2019).
  // (and "١- ", "٢- ", the other way Arabic lists number their items: session 34)
  for (const std::string mark : {".", "-"}) {
    const std::string text = "حصيلة يوم أمس الأربعاء في ريف حماة، والقصف كله مصدره قوات النظام:\n\n"
                             "١" + mark + " سقوط ١٢ قذيفة مدفعية على بلدة كفرزيتا وإصابة امرأتين.\n"
                             "٢" + mark + " قصف بقذائف الهاون على أطراف اللطامنة دون تسجيل إصابات.\n";
    const Result r = full_run(text.c_str(), 2019y / February / 21);
    int items = 0;
    for (const auto& c : r.candidates) {
      if (place_of(c) != "Kafr Zaytā" && place_of(c) != "Al Lataminah") continue;
      ++items;
      EXPECT_EQ(actor_id_of(c), "syria") << mark << c.dump();
      EXPECT_EQ(c.value("observed_at", std::string()).substr(0, 10), "2019-02-20") << mark << c.dump();
    }
    EXPECT_EQ(items, 2) << mark << r.candidates.size();
  }
  // Under a heading with no stop, "١- " opens a sentence of its own (the heading's words are no
  // part of item 1), and the list marker counts nothing (session 34).
  const Result r = full_run("حصيلة الأسبوع في ريف حماة\n١- مساء الأحد ١٢ أيار سقطت قذائف على كفرزيتا.\n"
                            "٢- قصف بقذائف الهاون على أطراف اللطامنة.",
                            2019y / May / 20);
  ASSERT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-05-12") << r.candidates[0].dump();
  EXPECT_FALSE(r.candidates[0].contains("fatalities")) << r.candidates[0].dump();
}


// Issue 14, eighteenth held-out set. A casualty sentence that names only the place of one event of
// the sentence before belongs to that event; with a day of its own it is another event.
TEST(CandidateAssembly, CasualtiesAtTheStrikesOwnPlaceAreThatStrikes) {
  const Result r = full_run("On 20 December, air strikes hit Maarshoreen and Talmans. Local sources report five civilians "
                            "killed in Maarshoreen.",
                            2019y / December / 23);
  ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
  int with_dead = 0;
  for (const auto& c : r.candidates) {
    EXPECT_EQ(kind_of(c), "airstrike") << c.dump();
    if (c.contains("fatalities") && !c["fatalities"].is_null()) {
      ++with_dead;
      EXPECT_EQ(place_of(c), "Ma`arr Shurin") << c.dump();
      EXPECT_EQ(c["fatalities"], 5) << c.dump();
    }
  }
  EXPECT_EQ(with_dead, 1) << json(r.candidates).dump();
  // A casualty sentence with its own cause is its own event; a province beside the place is no
  // other place.
  const Result mine = full_run("On 20 December, air strikes hit Saraqib. A landmine killed two children in Saraqib.",
                               2019y / December / 23);
  EXPECT_EQ(mine.candidates.size(), 2u) << json(mine.candidates).dump();
  const Result province = full_run("On 20 December, air strikes hit Saraqib and Sarmin. Five civilians were killed in "
                                   "Saraqib, Idlib.",
                                   2019y / December / 23);
  EXPECT_EQ(province.candidates.size(), 2u) << json(province.candidates).dump();
  const Result other = full_run("On 20 December, air strikes hit Maarshoreen and Talmans. The day before, a woman was "
                                "injured by sniper fire in Maarshoreen.",
                                2019y / December / 23);
  EXPECT_EQ(other.candidates.size(), 3u) << json(other.candidates).dump();
}

// War-blog and colloquial wording of strikes and blasts; "ВКС" is Russia's (not "в формате ВКС", a
// video conference); a headquarters'
// owner is the target of the blast at it.
TEST(CandidateAssembly, SlangAndColloquialStrikesAndBlasts) {
  auto target_of = [](const json& c) -> std::string {
    if (!c["evidence"].contains("target")) return "";
    const json& id = c["evidence"]["target"]["id"];
    return id.is_string() ? id.get<std::string>() : "";
  };
  const Result vks = full_run("С утра ВКС отработали по Дарькушу.", 2019y / June / 12);
  ASSERT_EQ(vks.candidates.size(), 1u) << json(vks.candidates).dump();
  EXPECT_EQ(kind_of(vks.candidates[0]), "airstrike");
  EXPECT_EQ(actor_id_of(vks.candidates[0]), "russia");
  const Result blast = full_run("В Джиср-эш-Шугуре прогремел взрыв у штаба ХТШ.", 2020y / November / 18);
  ASSERT_EQ(blast.candidates.size(), 1u) << json(blast.candidates).dump();
  EXPECT_EQ(kind_of(blast.candidates[0]), "other");
  EXPECT_EQ(actor_id_of(blast.candidates[0]), "") << blast.candidates[0].dump();
  EXPECT_EQ(target_of(blast.candidates[0]), "hts") << blast.candidates[0].dump();
  for (const char* text : {"طائرة حربية أغارت على بلدة حيش اليوم.", "طيارة مسيرة ضربت موتور ببلدة حيش اليوم.",
                           "طيران النظام ضرب غارتين على بلدة حيش اليوم."}) {
    const Result r = full_run(text, 2019y / November / 6);
    ASSERT_EQ(r.candidates.size(), 1u) << text << json(r.candidates).dump();
    EXPECT_EQ(kind_of(r.candidates[0]), "airstrike") << text;
  }
  const Result uav = full_run("Dün akşam Kah köyündeki kampın üzerinde bir insansız hava aracının alçaktan uçtuğunu bildirdi.",
                              2021y / April / 7);
  ASSERT_EQ(uav.candidates.size(), 1u) << json(uav.candidates).dump();
  EXPECT_EQ(kind_of(uav.candidates[0]), "uav_observation");
  // Not a blast: "exploded" alone; not fire: a day's work, a letter, prices that soared.
  EXPECT_TRUE(full_run("Tensions exploded into a war of words in Ankara.", 2019y / June / 12).candidates.empty());
  for (const char* text : {"Врачи в Саракибе отработали по двенадцать часов без перерыва.",
                           "В Саракибе прилетело письмо от родственников.", "Жители Саракиба полезли на крыши.",
                           "Переговоры прошли в формате ВКС, обсуждались поставки в Саракиб."}) {
    EXPECT_TRUE(full_run(text, 2019y / June / 12).candidates.empty()) << text;
  }
  EXPECT_TRUE(full_run("Sermin'de ihale fiyatları dün uçtu.", 2019y / June / 12).candidates.empty());
  for (const auto& c : full_run("В формате ВКС обсуждался вчерашний обстрел Саракиба.", 2019y / June / 12).candidates)
    EXPECT_NE(actor_id_of(c), "russia") << c.dump();
  EXPECT_TRUE(full_run("تعرضت مسيرة سلمية في سراقب للضرب من قبل عناصر الهيئة.", 2019y / June / 12).candidates.empty());
}


// Issue 14, nineteenth held-out set: a table's rows are one event each: the row's date cell, the
// party of the column that says who did it (the actor, not the target), and no place borrowed
// from the row before.
TEST(CandidateAssembly, TableRowsTakeTheirOwnDateActorAndPlace) {
  const char* text =
      "Incident annex\n\n"
      "No. | Date | Location | Incident | Attribution\n"
      "1 | 12/03 | Sarmin, market | air strike, 2 dead | Russian aircraft (witnesses)\n"
      "2 | 14/03 | Binnish, school | artillery shell hit the yard | government forces (SCD)\n"
      "3 | 15/03 | Qwxyzabad farm road | drone strike on a car | not attributed\n";
  const Result r = full_run(text, 2020y / March / 20);
  ASSERT_EQ(r.candidates.size(), 3u) << json(r.candidates).dump();
  std::map<std::string, json> by_day;
  for (const auto& c : r.candidates) by_day[c.value("observed_at", std::string()).substr(0, 10)] = c;
  ASSERT_EQ(by_day.count("2020-03-12"), 1u) << json(r.candidates).dump();
  ASSERT_EQ(by_day.count("2020-03-14"), 1u) << json(r.candidates).dump();
  ASSERT_EQ(by_day.count("2020-03-15"), 1u) << json(r.candidates).dump();
  EXPECT_EQ(place_of(by_day["2020-03-12"]), "Sarmīn");
  EXPECT_EQ(actor_id_of(by_day["2020-03-12"]), "russia") << by_day["2020-03-12"].dump();
  EXPECT_FALSE(by_day["2020-03-12"]["evidence"].contains("target") &&
               by_day["2020-03-12"]["evidence"]["target"].value("id", json()).is_string())
      << by_day["2020-03-12"].dump();
  EXPECT_EQ(actor_id_of(by_day["2020-03-14"]), "syria") << by_day["2020-03-14"].dump();
  EXPECT_EQ(place_of(by_day["2020-03-15"]), "") << by_day["2020-03-15"].dump();
  EXPECT_EQ(actor_id_of(by_day["2020-03-15"]), "") << by_day["2020-03-15"].dump();
}


TEST(DateMentions, MoreTimesOfDayAreReadAsTheirEventsDay) {
  // Times of day the nineteenth held-out set left unread: each a date mention of its event's day
  // (published Tuesday 16 July 2019), with the words it is read from.
  const std::pair<const char*, const char*> cases[] = {
      {"On Sunday shells hit Kafr Nabl. Later that morning a drone struck a car near Kafr Nabl.", "Later that morning"},
      {"A drone struck a car near Kafr Nabl at 18:00, killing two men.", "at 18:00"},
      {"كانت الطائرة تحوم فوق كفرنبل منذ الظهر ثم قصفت سيارة.", "منذ الظهر"},
      {"تحلق طائرة استطلاع روسية منذ ساعات الصباح الأولى في أجواء كفرنبل وقصفت سيارة.", "منذ ساعات الصباح الأولى"},
      {"Боевики атаковали позиции у Кафр-Нубля часа в два ночи.", "часа в два ночи"},
      {"Боевики обстреляли Кафр-Нубль около девяти часов утра.", "около девяти часов утра"},
      {"Aynı saatlerde Kafranbel köyüne top mermileri düştü.", "Aynı saatlerde"}};
  for (const auto& [text, words] : cases) {
    const Result r = full_run(text, 2019y / July / 16);
    const auto times = times_of_day(r);
    ASSERT_EQ(times.size(), 1u) << text << r.mentions["dates"].dump();
    EXPECT_EQ(times[0]["text"], words) << text;
  }
  // A post's time on its own line above it is the time of the post's event on the thread's day;
  // not when the post tells a day of its own ("yesterday evening" at 21:00).
  const char* thread =
      "Channel - Jisr al-Shughur countryside\nSaturday 11/5/2019\n\n"
      "08:14\nGovernment artillery shelled Kafr Nabl.\n\n"
      "21:00\nYesterday evening mortars hit Maarat al-Numan.\n";
  const Result r = full_run(thread, 2019y / May / 11);
  const auto times = times_of_day(r);
  ASSERT_EQ(times.size(), 1u) << r.mentions["dates"].dump();
  EXPECT_EQ(times[0]["text"], "08:14");
  EXPECT_EQ(times[0]["resolved"], "2019-05-11");
  // No time: a score "3:1", a ratio "125:30", a clock with no event, "в начале" of the night,
  // "night raids", three nights, a truce's first hours, a video's minute and second.
  for (const char* text : {"The shelling of Kafr Nabl ended 3:1 for the army, observers joked.",
                           "Shells hit Kafr Nabl; the ratio was 125:30.", "The market opens at 08:00.",
                           "Боевики обстреляли Кафр-Нубль в начале ночи.",
                           "Residents said that night raids by drones destroyed a bakery in Kafr Nabl.",
                           "Обстрелы Кафр-Нубля продолжались три ночи подряд.",
                           "Ateşkesin ilk saatlerinde Kafranbel köyüne top mermileri düştü.",
                           "1:45\nShells hit Kafr Nabl and two people died."}) {
    const Result n = full_run(text, 2019y / July / 16);
    EXPECT_TRUE(times_of_day(n).empty()) << text << n.mentions["dates"].dump();
  }
}


TEST(CandidateAssembly, ADataExportsRowTakesItsActorFromThePerpetratorColumn) {
  // A semicolon-delimited export: the row's cells are one event's (its place is its own, not a
  // clause's), and the party in the "perpetrator" column is the actor, not the target.
  const char* csv =
      "record_id;date;time;location;incident_type;weapon;perpetrator_reported;killed;injured\n"
      "R-1;11/13/2021;14:00;Harim;shelling;artillery;unknown;0;0\n"
      "R-2;11/12/2021;19:45;Dana;shelling;artillery;SAA (per SCD);1;2\n";
  const Result r = full_run(csv, 2021y / November / 16);
  bool seen = false;
  for (const auto& c : r.candidates) {
    if (c.value("observed_at", "") != "2021-11-12") continue;
    seen = true;
    EXPECT_EQ(actor_id_of(c), "syria") << c.dump();
    EXPECT_EQ(place_of(c), "Ad Dānā") << c.dump();
    EXPECT_NE(c.dump().find("table_column"), std::string::npos) << c.dump();
  }
  EXPECT_TRUE(seen) << r.mentions["dates"].dump();
}

TEST(CandidateAssembly, AnEventInALogsEntryTakesTheEntrysDay) {
  // No day in the event's line: the day of the heading above it, not the publication's.
  const Result r = full_run(
      "DESK LOG\n"
      "== 2020-01-14 (Tue) ==\n09:15  Binnish - 2 air strikes on the eastern edge of Binnish.\n"
      "== 2020-01-15 (Wed) ==\n13:55  Taftanaz - 5 artillery shells on houses in Taftanaz.\n"
      "16:40  Sarmin - a drone strike on a car in Sarmin.\n",
      2020y / January / 16);
  ASSERT_EQ(r.candidates.size(), 3u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0]["observed_at"], "2020-01-14") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[1]["observed_at"], "2020-01-15") << r.candidates[1].dump();
  EXPECT_EQ(r.candidates[2]["observed_at"], "2020-01-15") << r.candidates[2].dump();
  EXPECT_NE(r.candidates[2]["uncertain"].dump().find("log entry"), std::string::npos) << r.candidates[2].dump();
  // The time opening each event's line is a time of that day (a range whole), also when the
  // heading shares the line's sentence.
  std::map<std::string, std::string> times;
  for (const json& d : times_of_day(r)) times[d["text"].get<std::string>()] = d["resolved"].get<std::string>();
  EXPECT_EQ(times["09:15"], "2020-01-14") << json(times_of_day(r)).dump();
  EXPECT_EQ(times["16:40"], "2020-01-15") << json(times_of_day(r)).dump();
  const Result range = full_run("== 2020-01-15 (Wed) ==\n00:30-02:10  Talhiya - exchange of fire between HTS and "
                                "government forces in Talhiya.\n== 2020-01-16 (Thu) ==\nNothing to report.\n",
                                2020y / January / 16);
  // Dated bullets are no log: the prose after them keeps the publication's day, and its
  // "on Wednesday" counts from the publication.
  const Result news = full_run("Strikes hit Idlib despite truce\n16 January 2020\n\nPrevious violations:\n- 9 January "
                               "2020: shelling of Kafr Nabl, 2 killed.\n- 11 January 2020: an air strike on Ariha, 6 "
                               "killed.\n\nRescuers said a further air strike on Taftanaz killed 2 children.\n",
                               2020y / January / 16);
  int taftanaz = 0;
  for (const json& c : news.candidates)
    if (c.value("place", std::string()) == "Taftanāz") {
      ++taftanaz;
      EXPECT_EQ(c["observed_at"], "2020-01-16") << c.dump();
    }
  EXPECT_EQ(taftanaz, 1) << json(news.candidates).dump();
  ASSERT_EQ(times_of_day(range).size(), 1u) << json(range.mentions["dates"]).dump();
  EXPECT_EQ(times_of_day(range)[0]["text"], "00:30-02:10");
  EXPECT_EQ(times_of_day(range)[0]["resolved"], "2020-01-15");
}

TEST(CandidateAssembly, TheSideFiredFromIsTheActorNotTheTarget) {
  // "fired from government positions": the owner before its positions, after "from", fired.
  for (const char* text : {"Five artillery shells hit houses in Talhiya, fired from government positions to the east.",
                           "Shells fired from the regime's positions hit Binnish.",
                           "قذائف مصدرها مواقع قوات النظام سقطت على بنش."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << text << cs[0].dump();
    EXPECT_FALSE(cs[0]["evidence"].contains("target")) << text << cs[0].dump();
  }
  // Positions fired at are the target's.
  const auto at = full_candidates_of("Government forces shelled HTS positions near Binnish.");
  ASSERT_EQ(at.size(), 1u) << json(at).dump();
  EXPECT_EQ(actor_id_of(at[0]), "syria") << at[0].dump();
  EXPECT_EQ(at[0]["evidence"]["target"]["id"], "hts") << at[0].dump();
}

// A wire story's lead sums up its body: its event with no village of its own (an offset from a
// city, a region) is the later paragraph's event of that kind; a lead at a village of its own,
// or a lead whose later event lies in another province, stays. Our own text.
TEST(CandidateAssembly, ALeadThatSumsUpTheBodyIsTheBodysEvent) {
  const auto r = full_run(
      "Fighting flares in the south\n\nBEIRUT, Nov 28 (Desk) - Government troops and rebel fighters fought through "
      "the night on the hills south of Aleppo this week, a monitor said on Thursday.\n\nRebel fighters attacked army "
      "positions near Khan Tuman late on Tuesday, the monitor said, and four soldiers were killed.\n",
      2019y / November / 28);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(kind_of(r.candidates[0]), "armed_clash");
  EXPECT_EQ(place_of(r.candidates[0]), "Khan Tuman") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[0]["observed_at"].get<std::string>().substr(0, 10), "2019-11-26") << r.candidates[0].dump();
  EXPECT_NE(r.candidates[0]["uncertain"].dump().find("the lead sums up the body"), std::string::npos)
      << r.candidates[0].dump();
  // The lead names a village of its own: two events.
  const auto own = full_run(
      "BEIRUT, Nov 28 - Government artillery shelled Kafr Nabl on Thursday, a monitor said.\n\nOn Tuesday, shells "
      "hit Maarat al-Numan, residents said.\n",
      2019y / November / 28);
  EXPECT_EQ(own.candidates.size(), 2u) << json(own.candidates).dump();
  // The body's event lies in another province than the lead's region: two events.
  const auto far = full_run(
      "BEIRUT, Nov 28 - Government artillery shelled villages in the Hama countryside on Thursday, a monitor said.\n\n"
      "On Tuesday, shells hit Maarat al-Numan, residents said.\n",
      2019y / November / 28);
  EXPECT_EQ(far.candidates.size(), 2u) << json(far.candidates).dump();
  // A dateline in capitals with no headline: the lead merged.
  const auto wire = full_run(
      "BEIRUT, Nov 28 - Government artillery shelled the southern Idlib countryside this week, a monitor said on "
      "Thursday.\n\nOn Tuesday, government artillery shelled Kafr Nabl, residents said.\n",
      2019y / November / 28);
  ASSERT_EQ(wire.candidates.size(), 1u) << json(wire.candidates).dump();
  EXPECT_EQ(place_of(wire.candidates[0]), "Kafranbel") << wire.candidates[0].dump();
  // Not a lead: a hyphen inside a word ("UK-based") is no dateline's dash; a log's dated line
  // is its own day, not a day it was said.
  for (const char* text :
       {"SOHR, the UK-based monitor, said government artillery shelled the southern Idlib countryside on Thursday."
        "\n\nOn Tuesday, government artillery shelled Kafr Nabl, residents said.\n",
        "Idlib log, 20-26 November\n\n25 November: government artillery shelled the southern countryside of Idlib."
        "\n\n24 November: government artillery shelled Kafr Nabl.\n"}) {
    const auto two = full_run(text, 2019y / November / 28);
    EXPECT_EQ(two.candidates.size(), 2u) << text << json(two.candidates).dump();
  }
}

// A letterhead across the border ("T.C. ALTINÖZÜ BELEDİYE BAŞKANLIĞI") is no event's place when
// the text's places lie in another country (twenty-third held-out set: a municipality's and a
// hospital's reports on Syrian villages placed in Hatay). With no other place, it stays.
TEST(CandidateAssembly, ALetterheadAcrossTheBorderIsNoEventsPlace) {
  const auto a = full_candidates_of("T.C. ALTINÖZÜ BELEDİYE BAŞKANLIĞI\n\nDuyuru\n\nPazartesi gecesi köyün çevresine "
                                    "havan mermileri düştü. Hasar tespiti için Nasıra ve Zof köylerine ekip gönderildi.");
  ASSERT_FALSE(a.empty());
  EXPECT_FALSE(a[0].contains("lon") && !a[0]["lon"].is_null()) << a[0].dump();
  EXPECT_TRUE(says(a[0], "is where the report was filed")) << a[0]["uncertain"];
  const auto b = full_candidates_of("T.C. ALTINÖZÜ BELEDİYE BAŞKANLIĞI\n\nDuyuru\n\nPazartesi gecesi ilçe merkezine "
                                    "havan mermileri düştü.");
  ASSERT_FALSE(b.empty());
  EXPECT_EQ(place_of(b[0]), "Altınözü") << b[0].dump();
  // A town the first sentence is about, not a letterhead nor a dateline, keeps its place.
  const auto c = full_candidates_of("Kilis spent another tense night on Tuesday as families slept in shelters.\n\n"
                                    "Turkish officials said the rockets had been launched from near Azaz, Tal Rifaat and "
                                    "Marea across the border.\n\nThe governor urged calm.\n\nTwo rockets later hit a "
                                    "school yard, wounding three children.");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(place_of(c.back()), "Kilis") << c.back().dump();
}

// An event with no day of its own in a report whose header dates the day told of apart from the
// writing takes the day told of, not the publication date (twenty-third held-out set: a
// broadcast's transcript and a mission's report published the day after).
TEST(CandidateAssembly, AnUndatedEventTakesTheHeadersDayToldOf) {
  const auto r = full_run("YARDIM PLATFORMU\nSAHA GÖREV RAPORU No: 27\nGörev: dağ köylerine gıda konvoyu, altı tır ve "
                          "iki ekip\nGörev tarihi: 16 Haziran 2021, Çarşamba\nRapor tarihi: 17 Haziran 2021, "
                          "Perşembe\n\n11.40 — İbdita'da dağıtım sürerken köyün güneyindeki tarlalara 4 top mermisi düştü.",
                          2021y / June / 17);
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(r.candidates[0]["observed_at"], "2021-06-16") << r.candidates[0].dump();
  EXPECT_NE(r.candidates[0]["uncertain"].dump().find("the day the text's header says it tells of"), std::string::npos);
  // A report that dates something between that day and its writing speaks from the writing's
  // day: its relative days count from the publication (find_dates), and so does an undated event.
  const auto later = full_run("YARDIM PLATFORMU\nSAHA GÖREV RAPORU No: 27\nGörev: dağ köylerine gıda konvoyu\n"
                              "Görev tarihi: 16 Haziran 2021, Çarşamba\nRapor tarihi: 18 Haziran 2021, Cuma\n\n"
                              "17 Haziran'da köylüler yeni bir saldırı bildirdi.\n\n11.40 — İbdita'da dağıtım "
                              "sürerken köyün güneyindeki tarlalara 4 top mermisi düştü.",
                              2021y / June / 18);
  ASSERT_FALSE(later.candidates.empty());
  EXPECT_EQ(later.candidates.back()["observed_at"], "2021-06-18") << later.candidates.back().dump();
  EXPECT_EQ(later.candidates.back()["uncertain"].dump().find("header says"), std::string::npos);
}


// A verdict that opens its sentence ("FALSE.", "Нет, это фейк.", "O doğru değil.", "هذا غير
// صحيح.") answers the claim told just before: no candidate is made of it, and the claim stays a
// statement ("refuted"); a fact check's "CLAIM:" after an item's number is a checked claim
// (twenty-third held-out set; our own wording). A party's denial keeps the claim beside it; a
// phrase that does not end its clause ("False flag …") is no verdict.
TEST(CandidateAssembly, AVerdictRefutesTheClaimBefore) {
  for (const char* text :
       {"Activists said Russian jets struck Babka yesterday. Not true: residents heard no aircraft.",
        "ВЕДУЩИЙ: Говорят, что в понедельник патруль обстреляли у Саракиба? ЭКСПЕРТ: Нет, это фейк. Я говорил с людьми.",
        "SUNUCU: HTŞ'nin Zerbe'den çekildiği söyleniyor. DEMİRTAŞ: O doğru değil. Mevziler yerinde duruyor.",
        "قال ناشطون إن طائرات روسية قصفت بنش أمس. هذا غير صحيح، لم يسمع الأهالي أي طائرة.",
        "2/ CLAIM: \"Russian jets killed seven civilians in al-Yaqubiyah on Sunday.\" The video is from 2016.",
        "Paylaşımlara göre rejim güçleri dün Serakib'i bombaladı.\nSonuç: YANLIŞ",
        "Parents asked about rumours that the school in Binnish had been bombed. We spoke to its headmaster: this is "
        "not true, the school is working."}) {
    const auto r = full_run(text);
    EXPECT_TRUE(r.candidates.empty()) << text << "\n" << json(r.candidates).dump();
  }
  const auto r = full_run("Activists said Russian jets struck Babka yesterday. Not true: residents heard no aircraft.");
  bool refuted = false;
  for (const auto& st : r.mentions["statements"]) refuted = refuted || st["why"] == "refuted";
  EXPECT_TRUE(refuted) << r.mentions["statements"].dump();
  // Not verdicts: a party's denial (the claim is kept, denied), a phrase that goes on.
  const auto denied = full_run("Activists said Russian jets struck Babka yesterday. The Russian ministry denied it.");
  ASSERT_EQ(denied.candidates.size(), 1u);
  EXPECT_NE(denied.candidates[0].dump().find("denied"), std::string::npos);
  EXPECT_EQ(full_run("Activists said Russian jets struck Babka yesterday. False flag claims followed.").candidates.size(), 1u);
  EXPECT_EQ(full_run("Activists said Russian jets struck Babka yesterday. Fake accounts spread it.").candidates.size(), 1u);
  // (the same claim confirmed stays; a verdict's word that goes on after a comma, "Неверно, что
  // …", a falsity of something else, an infinitive's "doğru değil", a manner's "غير صحيحة", a
  // party's own report carried to the next sentence: none refutes the event before)
  for (const char* text :
       {"Paylaşımlara göre rejim güçleri dün Serakib'i bombaladı.\nSonuç: DOĞRU",
        "Russian jets struck Babka yesterday, the SOHR said. False, misleading rumours of a truce spread online.",
        "Армия обстреляла Саракиб в понедельник. Неверно, что перемирие окончательно сорвано.",
        "Армия обстреляла Саракиб в понедельник. Ложь, страх и голод стали нормой.",
        "Rejim güçleri dün Serakib'i bombaladı. Bu saatte yola çıkmak doğru değil.",
        "قصفت قوات النظام سراقب أمس. وتم تخزين الذخيرة بطريقة غير صحيحة.",
        "Russian jets struck Babka yesterday. What was true last year is not true today.",
        "По данным Минобороны России, боевики обстреляли Саракиб. Сообщения об обратном не соответствуют "
        "действительности."}) {
    EXPECT_EQ(full_run(text).candidates.size(), 1u) << text;
  }
  // A verdict on a detail the sentence before added (a toll) marks the event denied; it is kept.
  const auto toll = full_run("Russian jets struck Binnish on Monday. Activists put the toll at 20 dead. This is false.");
  ASSERT_EQ(toll.candidates.size(), 1u);
  EXPECT_NE(toll.candidates[0].dump().find("denied"), std::string::npos);
  // One statement per refuted sentence, whatever its events.
  const auto show = full_run("ВЕДУЩИЙ: Говорят, что в понедельник патруль обстреляли у Саракиба? ЭКСПЕРТ: Нет, это фейк.");
  int refuted_statements = 0;
  for (const auto& st : show.mentions["statements"]) refuted_statements += st["why"] == "refuted";
  EXPECT_EQ(refuted_statements, 1) << show.mentions["statements"].dump();
  // A party that calls a claim false ("The command says … are false") keeps the event beside it, denied.
  EXPECT_FALSE(full_run("Militants shelled army posts near Kafr Nabudah at dawn. The command says their claims of "
                        "capturing Kafr Nabudah are false.")
                   .candidates.empty());
}

// "The next morning", "на следующее утро", "ertesi sabah": the day after the last day told;
// "the evening before" ending its clause: the day before (twenty-fourth held-out set; our own
// wording). "The next morning" with no day told before stays the publication's.
TEST(CandidateAssembly, TheNextMorningIsTheDayAfterTheDayTold) {
  auto days = [](const char* text) {
    std::vector<std::string> out;
    for (const auto& c : full_run(text, 2020y / March / 20).candidates) out.push_back(c.value("observed_at", ""));
    return out;
  };
  EXPECT_EQ(days("Report of 14 March 2020.\n\nShelling hit Saraqib on 12 March. The next morning a drone struck "
                 "Binnish. A truck was hit by an artillery shell near Sarmin the evening before."),
            (std::vector<std::string>{"2020-03-12", "2020-03-13", "2020-03-11"}));
  EXPECT_EQ(days("Отчёт от 14 марта 2020 года.\n\n12 марта обстреляли Саракиб. На следующее утро обстреляли Сармин."),
            (std::vector<std::string>{"2020-03-12", "2020-03-13"}));
  EXPECT_EQ(days("Rapor, 14 Mart 2020.\n\n12 Mart'ta Serakib bombalandı. Ertesi sabah Sermin bombalandı."),
            (std::vector<std::string>{"2020-03-12", "2020-03-13"}));
  // (not "the evening before the talks": another reference)
  EXPECT_EQ(days("Report of 14 March 2020.\n\nShelling hit Saraqib on 12 March. Jets struck Sarmin the evening "
                 "before the talks."),
            (std::vector<std::string>{"2020-03-12", "2020-03-14"}));  // (the report's day, as before)
  // (nor "following morning prayers"; and with no day told before, the publication's)
  EXPECT_EQ(days("Report of 14 March 2020.\n\nShelling hit Saraqib on 12 March. Jets struck a mosque in Binnish "
                 "following morning prayers."),
            (std::vector<std::string>{"2020-03-12", "2020-03-14"}));
  EXPECT_EQ(days("The next morning a drone struck Binnish."), (std::vector<std::string>{"2020-03-20"}));
  // A first sentence's date that a word follows is that sentence's day, not a dateline's: the
  // offsets after it count from it.
  EXPECT_EQ(days("On 12 March shells hit Saraqib. The previous day, jets struck Sarmin."),
            (std::vector<std::string>{"2020-03-12", "2020-03-11"}));
  EXPECT_EQ(days("12 марта обстреляли Саракиб. На следующий день обстреляли Сармин."),
            (std::vector<std::string>{"2020-03-12", "2020-03-13"}));
  EXPECT_EQ(days("Rapor, 14 Mart 2020.\n\n12 Mart'ta Serakib bombalandı. Ertesi gece Sermin bombalandı."),
            (std::vector<std::string>{"2020-03-12", "2020-03-13"}));
}

// Session 25 (issue 14, twenty-fifth held-out set): an invoice's line opens with its day ("Sun
// 01/03 | Producer day rate | 175"); the note below it tells an event of that day, not of the
// invoice's date.
TEST(CandidateAssembly, ANoteUnderALedgerLineIsOfThatLinesDay) {
  const Result r = full_run("Date of invoice: Friday 20 March 2020\n\n"
                            "Sun 01/03 | Producer day rate | 175\n"
                            "  Note: At 11:15 an air strike hit the road near Sarmin.\n"
                            "Tue 03/03 | Producer day rate | 175\n"
                            "  Note: Shells hit Saraqib in the afternoon.\n",
                            2020y / March / 20);
  ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0].value("observed_at", ""), "2020-03-01") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[1].value("observed_at", ""), "2020-03-03") << r.candidates[1].dump();
}


// Session 25 (issue 14): an event whose sentence names no place borrows the place the sentence
// before locates, not that place's reference ("4 km east of Muhambal", "в 10 км южнее
// Мааррат-эн-Нумана") nor a namesake it rules out ("not Kafr Jannah in the Afrin area").
// Points from localities.tsv: Kafr Jannah 35.79476, 36.51915; Kafr Bissin 35.55897, 36.68409.
TEST(CandidateAssembly, ABorrowedPlaceIsThePlaceLocatedNotItsReference) {
  const Result en = full_run("Sat 15 Aug - Kafr Jannah, the village on the M4 about 4 km east of Muhambal (not Kafr "
                             "Jannah in the Afrin area). At least six rockets landed on the western outskirts of the "
                             "village.",
                             2020y / August / 18);
  ASSERT_EQ(en.candidates.size(), 1u) << json(en.candidates).dump();
  EXPECT_NEAR(en.candidates[0].value("lat", 0.0), 35.79476, 1e-4) << en.candidates[0].dump();
  EXPECT_NEAR(en.candidates[0].value("lon", 0.0), 36.51915, 1e-4) << en.candidates[0].dump();
  const Result ru = full_run("Я родом из деревни Кафр-Биссин — это провинция Идлиб, примерно в 10 км южнее "
                             "Мааррат-эн-Нумана. Позавчера вечером самолёты ударили по деревне, погибли двое.",
                             2019y / June / 9);
  ASSERT_EQ(ru.candidates.size(), 1u) << json(ru.candidates).dump();
  EXPECT_NEAR(ru.candidates[0].value("lat", 0.0), 35.55897, 1e-4) << ru.candidates[0].dump();
  EXPECT_NEAR(ru.candidates[0].value("lon", 0.0), 36.68409, 1e-4) << ru.candidates[0].dump();
}

// Goods, offers and permits withdrawn are no withdrawal of troops (twenty-sixth held-out set: a
// pharmacy's "Batch 19-0877 of metformin was withdrawn (labelling error)"); troops withdrawn are.
TEST(CandidateAssembly, GoodsWithdrawnAreNoWithdrawal) {
  for (const char* text : {"In Sarmin on Monday, batch 19-0877 of metformin was withdrawn (labelling error).",
                           "The offer of a truce in Sarmin was withdrawn on Monday."})
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  // (troops, tanks and heavy weapons withdrawn are: also "a lot of" them, "at Russia's request")
  for (const char* text : {"On Monday the troops were withdrawn from Sarmin.",
                           "On Monday a lot of Turkish tanks were withdrawn from Saraqib.",
                           "At Russia's request heavy weapons were withdrawn from Saraqib on Monday."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "withdrawal") << text;
  }
}

// A changeset list's rows ("#101884213 | 2021-03-05T08:12Z", then the comment below): each
// ISO 8601 stamp is its entry's day, "yesterday" inside an entry counts from it, and a village
// only the localities supplement has is read where it labels its comment ("Saharah: …")
// (twenty-sixth held-out set, a mapper's diary; our own text).
TEST(CandidateAssembly, AnEntryStampedWithAnIsoTimeDatesItsComment) {
  const Result r = full_run(
      "Damage mapping around Atarib, notes on my changesets.\n\n"
      "#101884213 | 2021-03-05T08:12Z\n"
      "\"Kafr Nasih: two houses tagged after yesterday morning's air strike.\"\n\n"
      "#101993460 | 2021-03-12T23:07Z\n"
      "\"Saharah: water tower given a damage note. Shells hit it about an hour ago, says a friend there.\"\n",
      2021y / March / 24);
  ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0]["observed_at"], "2021-03-04") << r.candidates[0].dump();
  // (23:07Z on 12 March 2021 is 01:07 on the 13th in Syria, UTC+2 until the last Friday of
  // March: "about an hour ago" is just after midnight there; session 35, stamps read in Syria's
  // time)
  EXPECT_EQ(r.candidates[1]["observed_at"], "2021-03-13") << r.candidates[1].dump();
  EXPECT_EQ(place_of(r.candidates[1]), "Saharah") << r.candidates[1].dump();
  // ("Update 4 | 19 February 2020": a numbered label's row is an entry too)
  const Result upd = full_run("Updates\n\nUpdate 2 | 28 January 2020\nYesterday a drone circled over Al-Abrariyah all "
                              "day.\n\nUpdate 1 | 21 January 2020\nLast night shells fell on Kafr Halab.\n",
                              2020y / February / 19);
  ASSERT_EQ(upd.candidates.size(), 2u) << json(upd.candidates).dump();
  EXPECT_EQ(upd.candidates[0]["observed_at"], "2020-01-27") << upd.candidates[0].dump();
  EXPECT_EQ(upd.candidates[1]["observed_at"], "2020-01-20") << upd.candidates[1].dump();
  // (a quoted speaker's name, no stamp above it, is no place: "\"Nahlah: government shells …\"")
  const Result voice = full_run("Voices from Ariha, 1 June.\n\n\"Nahlah: government shells hit our street last night.\"\n",
                                2020y / June / 1);
  for (const json& p : voice.mentions["places"]) EXPECT_NE(p["text"], "Nahlah") << p.dump();
  // (a label's word the supplement does not place near the text's points stays no place)
  const Result plain = full_run("Notes from Atarib.\n\nUpdate: shells hit Saharah on Monday.\n", 2021y / March / 24);
  for (const json& p : plain.mentions["places"]) EXPECT_NE(p["text"], "Update") << p.dump();
}

// Who owns the checkpoint that stops people restricts them (twenty-sixth held-out set: "at the
// checkpoint of Hay'at Tahrir al-Sham" made HTS the target; our own sentences).
TEST(CandidateAssembly, TheCheckpointsOwnerIsTheActor) {
  for (const char* text : {"Our van waited almost an hour at the checkpoint of Hay'at Tahrir al-Sham at Muhambal on Monday.",
                           "يوم الخميس أوقف حاجز لهيئة تحرير الشام عند مدخل سلقين سيارتي التوزيع ثلاث ساعات."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "movement_restriction") << cs[0].dump();
    EXPECT_EQ(actor_id_of(cs[0]), "hts") << cs[0].dump();
  }
  // (not the owner of a checkpoint told before the trigger when another party acts)
  const auto other = full_candidates_of("On Monday Hay'at Tahrir al-Sham closed the road to the checkpoint of the Turkish "
                                        "army near Saraqib, and our van waited two hours at the checkpoint.");
  ASSERT_EQ(other.size(), 1u) << json(other).dump();
  EXPECT_EQ(actor_id_of(other[0]), "hts") << other[0].dump();
}

// "не путать с X под Y" tells a namesake apart: Y is no event's place even when no finder took
// X for a mention (twenty-sixth held-out set: the shelling was put at Mhardeh, 83 km off; our own
// sentence).
TEST(CandidateAssembly, ANamesakeToldApartLeavesItsReferenceOut) {
  const Result r = full_run(
      "17 февраля позиции армии у Хувейра (к югу от Алеппо; не путать с Эль-Хувейром под Мхардой) обстреляли из миномётов.");
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_NE(place_of(r.candidates[0]), "Muḩradah") << r.candidates[0].dump();
  bool seen = false;
  for (const auto& p : r.mentions["places"])
    if (p["text"] == "Мхардой") {
      seen = true;
      EXPECT_TRUE(p.value("ruled_out", false)) << p.dump();
    }
  EXPECT_TRUE(seen) << r.mentions["places"].dump();
  // (an event told apart keeps its place: "not to be confused with Sunday's airstrike on Hass")
  const auto ev = full_candidates_of("Regime forces shelled Kafr Nabl on Monday, not to be confused with Sunday's "
                                     "airstrike on Hass that killed two civilians.");
  ASSERT_EQ(ev.size(), 2u) << json(ev).dump();
  EXPECT_EQ(place_of(ev[1]), "Hassef") << ev[1].dump();
}

TEST(CandidateAssembly, ADroneOverAVillageHeardOrBuzzingIsAnObservationThere) {
  // Twenty-sixth held-out set (our own sentences): "circled over Qatrah" (a village of the
  // localities supplement: "over" is a weak place cue), a drone heard or buzzing; a drone heard
  // before it struck stays the strike.
  const auto over = full_candidates_of("A reconnaissance drone circled over Qatrah all afternoon.");
  ASSERT_EQ(over.size(), 1u) << json(over).dump();
  EXPECT_EQ(kind_of(over[0]), "uav_observation");
  EXPECT_EQ(place_of(over[0]), "Qatrah") << over[0].dump();
  for (const char* text : {"We heard a drone over Saharah all night.", "A drone was buzzing above Saharah from noon."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "uav_observation") << text;
    EXPECT_EQ(place_of(cs[0]), "Saharah") << text;
  }
  const auto strike = full_candidates_of("We heard that a drone strike hit a car near Saharah, killing two.");
  ASSERT_EQ(strike.size(), 1u) << json(strike).dump();
  EXPECT_EQ(kind_of(strike[0]), "airstrike");
}

TEST(CandidateAssembly, ANamesakeRuledOutInABracketedSentenceOfItsOwn) {
  // Twenty-third held-out set (our own sentences): the bracket after the sentence rules out the
  // al-Khadra near Afrin; the drone is over Al Khadra' of Latakia (35.809, 35.994), not the one
  // near Afrin (36.541, 36.795).
  const auto cs = full_candidates_of("Residents say a Russian reconnaissance drone has been circling over al-Khadra since "
                                     "noon. (This is al-Khadra in the Turkmen mountains, not the village of the same name "
                                     "near Afrin.)");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "uav_observation");
  ASSERT_TRUE(cs[0].contains("lat") && cs[0]["lat"].is_number()) << cs[0].dump();
  EXPECT_NEAR(cs[0]["lat"].get<double>(), 35.8086, 0.005) << cs[0].dump();
}

TEST(CandidateAssembly, AFeastNamedAsANounInAHeadlineDatesNothing) {
  // Reviewer, session 27 (our own sentences): the headline's "Christmas message" dated the
  // article's airstrikes 25 December; the text gives them no day.
  const auto cs = full_candidates_of("Pope uses Christmas message to urge calm in Idlib\n\nAirstrikes hit Ariha, residents said.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "airstrike");
  EXPECT_EQ(cs[0]["evidence"]["time"]["rule"], "published") << cs[0].dump();
}

}  // namespace
TEST(CandidateAssembly, AnOffsetWithItsDirectionPutsTheEventAtThePointItTells) {
  // "N km <direction> of X" with the village meant not located: the candidate is at the point
  // the text tells (the direct geodesic problem from X's gazetteer point), not at X. Checked
  // here with the inverse problem from the reference's point, and against the real village's
  // point (from data/gazetteer/localities.tsv: Makharim 35.90161 36.91289; Luwaybidah
  // 35.53281 36.9268), which the texts' distances were measured to.
  const auto& g = GeographicLib::Geodesic::WGS84();
  struct Case {
    const char* text;
    const char* compass;
    double ref_lat, ref_lon, km, azimuth, village_lat, village_lon;
  };
  const std::vector<Case> cases{
      {"Artillery shells hit farmland about 17 km east of Sarmin on Monday.", "E", 35.90403, 36.72501, 17, 90,
       35.90161, 36.91289},
      {"سقطت قذائف مدفعية قرب قاعة مسجد مخاريم، شرقي سرمين بنحو سبعة عشر كيلومتراً، يوم الاثنين.", "E", 35.90403,
       36.72501, 17, 90, 35.90161, 36.91289},
      {"Maarretünnuman'ın yaklaşık 26 km doğu-güneydoğusundaki köye pazartesi günü top mermileri düştü.", "ESE",
       35.6483, 36.67693, 26, 112.5, 35.53281, 36.9268}};
  for (const Case& k : cases) {
    const Result r = full_run(k.text, 2020y / February / 12);
    ASSERT_EQ(r.candidates.size(), 1u) << k.text << json(r.candidates).dump();
    const json& c = r.candidates[0];
    ASSERT_TRUE(c.contains("lat")) << c.dump();
    EXPECT_NE(place_of(c).find(std::string(" km ") + k.compass + " of "), std::string::npos) << c.dump();
    double s12 = 0, azi1 = 0, azi2 = 0;
    g.Inverse(k.ref_lat, k.ref_lon, c["lat"].get<double>(), c["lon"].get<double>(), s12, azi1, azi2);
    EXPECT_NEAR(s12, k.km * 1000, 0.5) << k.text;
    EXPECT_NEAR(azi1 < 0 ? azi1 + 360 : azi1, k.azimuth, 1e-6) << k.text;
    double to_village = 0;
    g.Inverse(k.village_lat, k.village_lon, c["lat"].get<double>(), c["lon"].get<double>(), to_village);
    EXPECT_LT(to_village, c["location_precision_m"].get<double>()) << k.text;
    EXPECT_LT(to_village, 5000) << k.text;
    ASSERT_TRUE(c["evidence"]["place"].contains("offset")) << c.dump();
    EXPECT_EQ(c["evidence"]["place"]["offset"]["compass"], k.compass) << c.dump();
    EXPECT_NE(c.dump().find("as the text tells it"), std::string::npos) << c.dump();
  }
  // Three parts: "south-south-west" is 202.5°.
  const Result ssw = full_run("Shells hit farmland about 6 km south-south-west of Sarmin on Monday.", 2020y / February / 12);
  ASSERT_EQ(ssw.candidates.size(), 1u);
  ASSERT_TRUE(ssw.candidates[0]["evidence"]["place"].contains("offset")) << ssw.candidates[0].dump();
  EXPECT_EQ(ssw.candidates[0]["evidence"]["place"]["offset"]["azimuth"].get<double>(), 202.5) << ssw.candidates[0].dump();
  // No direction told, or one that is none ("north-south"): the reference's own point, the
  // whole distance as its radius.
  for (const char* text : {"Shells fell about 5 km from Sarmin on Monday.",
                           "Shells fell about 5 km north-south of Sarmin on Monday."}) {
    const Result r = full_run(text, 2020y / February / 12);
    ASSERT_EQ(r.candidates.size(), 1u) << text;
    const json& c = r.candidates[0];
    EXPECT_EQ(place_of(c), "Sarmīn") << c.dump();
    EXPECT_NEAR(c["lat"].get<double>(), 35.90403, 1e-9) << c.dump();
    EXPECT_EQ(c["location_precision_m"].get<double>(), 7000.0) << c.dump();
  }
}

TEST(CandidateAssembly, ARocketThatFellWithNoPlaceOrDayOfItsOwnIsTheStrikesDetail) {
  // Right after a strike, "one rocket fell near a school" tells that strike again (our own
  // texts); with a place and a day of its own it is an event of its own.
  for (const char* text : {"Удар по окраинам Саракиба в субботу нанесли российские самолёты. Погибли два мирных "
                           "жителя. По данным активистов, одна ракета упала рядом со школой.",
                           "شنت طائرات حربية روسية غارات على بلدة كفرنبل يوم السبت. وسقط صاروخ واحد قرب مدرسة في "
                           "الحي الغربي."}) {
    const Result r = full_run(text, 2018y / November / 4);
    ASSERT_EQ(r.candidates.size(), 1u) << text << json(r.candidates).dump();
    EXPECT_EQ(kind_of(r.candidates[0]), "airstrike") << text;
  }
  const Result own = full_run("Удар по окраинам Саракиба в субботу нанесли российские самолёты. В воскресенье ракета "
                              "упала на окраине Тафтаназа.",
                              2018y / November / 5);
  EXPECT_EQ(own.candidates.size(), 2u) << json(own.candidates).dump();
}

// "X ile aynı yer değildir" ("is not the same place as X") tells a namesake apart in Turkish: X
// is no event's place (twenty-eighth held-out set: an air strike taken to the Şeyh Yusuf the text
// rules out; our own sentences).
TEST(CandidateAssembly, ATurkishNotTheSamePlaceRulesTheNamesakeOut) {
  const Result r = full_run(
      "Meryem daha önce İdlib'in yaklaşık 6 km güneydoğusundaki Neccare köyünde yaşıyordu. Aile, Sarmin'in yaklaşık 5 "
      "km kuzeyindeki Şeyh Yusuf Haraci köyündeydi (İdlib şehrinin batısındaki Şeyh Yusuf ile aynı yer değildir). 11 "
      "Şubat Salı sabahı köye hava saldırısı düzenlendi.",
      2020y / February / 20);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(place_of(r.candidates[0]), "Shaykh Yusuf Haraji") << r.candidates[0].dump();
  // (the distance is Sarmin's: the village after it is the place meant, no offset of its own)
  EXPECT_FALSE(r.candidates[0]["evidence"]["place"].contains("offset")) << r.candidates[0].dump();
  bool seen = false;
  for (const auto& p : r.mentions["places"]) {
    if (p["text"] == "Şeyh Yusuf") {
      seen = true;
      EXPECT_TRUE(p.value("ruled_out", false)) << p.dump();
    }
    if (p["text"] == "Şeyh Yusuf Haraci") {
      EXPECT_EQ(p["kind"], "point") << p.dump();
    }
  }
  EXPECT_TRUE(seen) << r.mentions["places"].dump();
}


TEST(CandidateAssembly, OffsetsOfOneReferenceStayApartAndAreReadOnlyWhereTheyAreTheReferences) {
  // Two offsets from one village are two places (reviewer, session 29); a distance from
  // something else is no offset of the village ("على بعد 10 كم من الطريق"); a Turkish direction
  // in capitals without Turkish letters is read; "the same village" inside a negated clause that
  // is no namesake's leaves the village.
  const Result two = full_run("On Monday, shelling hit a village 8 km north of Saraqib. On Monday, shelling hit a farm 8 "
                              "km south of Saraqib, killing a shepherd.",
                              2020y / February / 12);
  std::set<std::string> places;
  for (const auto& c : two.candidates) places.insert(place_of(c));
  EXPECT_TRUE(places.count("8 km N of Sarāqib") && places.count("8 km S of Sarāqib")) << json(two.candidates).dump();
  const Result road = full_run("قصفت قوات النظام قرية شمالي سراقب على بعد 10 كم من الطريق الدولي يوم الاثنين.",
                               2020y / February / 12);
  ASSERT_EQ(road.candidates.size(), 1u) << json(road.candidates).dump();
  EXPECT_EQ(place_of(road.candidates[0]), "Sarāqib") << road.candidates[0].dump();
  const Result caps = full_run("Serakib'in yaklaşık 6 km KUZEYBATISINDAKI köye pazartesi günü top mermileri düştü.",
                               2020y / February / 12);
  ASSERT_EQ(caps.candidates.size(), 1u) << json(caps.candidates).dump();
  EXPECT_EQ(place_of(caps.candidates[0]), "6 km NW of Sarāqib") << caps.candidates[0].dump();
  const Result same = full_run("Shelling hit a school on Monday, not the first time the same village of Kafr Nabl has "
                               "been struck.",
                               2020y / February / 12);
  ASSERT_EQ(same.candidates.size(), 1u) << json(same.candidates).dump();
  EXPECT_EQ(place_of(same.candidates[0]), "Kafranbel") << same.candidates[0].dump();
}

TEST(CandidateAssembly, AFallenRocketOfAnotherActorIsNoDetailOfTheStrike) {
  const Result r = full_run("В понедельник самолёты нанесли удар по окраинам Саракиба. Ракета боевиков упала рядом с "
                            "позициями армии.",
                            2020y / February / 12);
  for (const auto& c : r.candidates)
    if (kind_of(c) == "airstrike") {
      EXPECT_NE(c.value("actor", std::string()), "боевиков") << c.dump();
    }
}


// A letterhead's title in capitals that no gazetteer locates is no place for a candidate with
// none of its own (twenty-ninth held-out set: a university's and a register's titles).
TEST(CandidateAssembly, AnUnlocatedLetterheadIsNoPlace) {
  const Result r = full_run("NORTHGATE OPEN UNIVERSITY\n\nStatement of circumstances\n\nFor three nights a drone hummed "
                            "over our village until dawn.",
                            2020y / February / 13);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(place_of(r.candidates[0]).find("NORTHGATE"), std::string::npos) << r.candidates[0].dump();
  // (a letterhead that names a located town still dates and places as before)
  const Result town = full_run("SARAQIB LOCAL COUNCIL\n\nNotice\n\nShells hit the market on Monday.", 2020y / February / 13);
  ASSERT_EQ(town.candidates.size(), 1u) << json(town.candidates).dump();
}

// Some days later: "three days later", "через два дня", "بعد ثلاثة أيام", "üç gün sonra" — that
// many days after the day told before, and a date mention of their own (rule "days_after";
// twenty-ninth held-out set). "через день" (every other day) and a lone "days later" are none.
TEST(CandidateAssembly, SomeDaysLaterCountFromTheDayTold) {
  auto run = [](const char* text) {
    std::vector<std::string> out;
    const auto r = full_run(text, 2021y / April / 1);
    for (const auto& c : r.candidates) out.push_back(c.value("observed_at", ""));
    for (const auto& d : r.mentions["dates"])
      if (d["rule"] == "days_after") out.push_back("mention " + d["resolved"].get<std::string>());
    return out;
  };
  EXPECT_EQ(run("Shelling hit Saraqib on 12 March 2020. Three days later a drone struck Binnish."),
            (std::vector<std::string>{"2020-03-12", "2020-03-15", "mention 2020-03-15"}));
  EXPECT_EQ(run("12 марта 2020 года обстреляли Саракиб. Через два дня обстреляли Сармин."),
            (std::vector<std::string>{"2020-03-12", "2020-03-14", "mention 2020-03-14"}));
  EXPECT_EQ(run("قصفت قوات النظام سراقب يوم ١٢ آذار ٢٠٢٠. وبعد ثلاثة أيام شنت طائرات روسية غارات على سرمين."),
            (std::vector<std::string>{"2020-03-12", "2020-03-15", "mention 2020-03-15"}));
  EXPECT_EQ(run("قصفت قوات النظام سراقب يوم ١٢ آذار ٢٠٢٠. وبعد يومين شنت طائرات روسية غارات على سرمين."),
            (std::vector<std::string>{"2020-03-12", "2020-03-14", "mention 2020-03-14"}));
  EXPECT_EQ(run("Rapor, 20 Mart 2020.\n\n12 Mart'ta Serakib bombalandı. Üç gün sonra Sermin bombalandı."),
            (std::vector<std::string>{"2020-03-12", "2020-03-15", "mention 2020-03-15"}));
  // (not "через день", every other day: no day counted from the one told)
  const auto every_other = run("12 марта 2020 года обстреляли Саракиб. Через день обстреливают Сармин.");
  EXPECT_EQ(std::count(every_other.begin(), every_other.end(), "2020-03-13"), 0);
  EXPECT_EQ(std::count_if(every_other.begin(), every_other.end(), [](const std::string& x) { return x.starts_with("mention"); }), 0);
}

// A weapon the agreement attributes to one party (barrel bombs: syria, weapon_class
// "barrel_bomb"), in an event that names no actor: the party is in the evidence as implied, with
// the source, and the report's `actor` stays empty. A named actor is kept as named.
TEST(CandidateAssembly, ABarrelBombImpliesTheGovernmentAsEvidenceOnly) {
  {
    const auto r = full_run("Two barrel bombs fell on Kafr Nabl on Monday, the civil defence said.");
    ASSERT_EQ(r.candidates.size(), 1u);
    const json& c = r.candidates[0];
    EXPECT_FALSE(c.contains("actor")) << c.dump();
    ASSERT_TRUE(c["evidence"].contains("actor")) << c.dump();
    EXPECT_EQ(c["evidence"]["actor"]["id"], "syria");
    EXPECT_EQ(c["evidence"]["actor"]["implied"], true);
    EXPECT_EQ(c["evidence"]["actor"]["rule"], "implied_by_weapon:barrel_bomb");
    EXPECT_TRUE(says(c, "implied, not stated")) << c["uncertain"];
  }
  {
    // (a varil bombası, Turkish, too)
    const auto r = full_run("Dün Kafranbel'e helikopterden atılan iki varil bombası düştü.");
    ASSERT_EQ(r.candidates.size(), 1u);
    EXPECT_EQ(r.candidates[0]["evidence"]["actor"]["id"], "syria") << r.candidates[0].dump();
  }
  {
    const auto r = full_run("Russian jets dropped barrel bombs on Kafr Nabl on Monday.");
    ASSERT_EQ(r.candidates.size(), 1u);
    EXPECT_EQ(r.candidates[0]["evidence"]["actor"]["id"], "russia") << r.candidates[0].dump();
    EXPECT_FALSE(r.candidates[0]["evidence"]["actor"].contains("implied"));
  }
  {
    // (a party the sentence names, blamed or hit: nothing implied)
    const auto r = full_run("Barrel bombs hit Kafr Nabl on Monday; activists blamed Russian helicopters.");
    ASSERT_GE(r.candidates.size(), 1u);
    for (const auto& c : r.candidates) {
      if (c["evidence"].contains("actor")) {
        EXPECT_FALSE(c["evidence"]["actor"].contains("implied")) << c.dump();
      }
    }
  }
  {
    // (no weapon so attributed: nothing implied)
    const auto r = full_run("Two rockets fell on Kafr Nabl on Monday.");
    ASSERT_EQ(r.candidates.size(), 1u);
    EXPECT_FALSE(r.candidates[0]["evidence"].contains("actor")) << r.candidates[0].dump();
  }
}

// "The next morning", "that evening", "ertesi gün", "в тот же день" in sentences no candidate
// dates are date mentions too, from the last whole day told before (a day counted so counts:
// "ertesi gün … Aynı gece" is the next day's night); a bare time of day ("At dawn") is none.
TEST(CandidateAssembly, DayPhrasesOutsideEventsAreDateMentions) {
  auto dates = [](const char* text) {
    std::vector<std::string> out;
    const auto r = full_run(text, 2021y / September / 14);
    for (const auto& d : r.mentions["dates"])
      out.push_back(d["text"].get<std::string>() + "=" + d["resolved"].get<std::string>() + "/" + d["rule"].get<std::string>());
    return out;
  };
  EXPECT_EQ(dates("On 8 May 2019 shells hit Kafr Nabl. The council issued a statement the next morning. That evening "
                  "the family left. At dawn the children slept."),
            (std::vector<std::string>{"On 8 May 2019=2019-05-08/absolute", "the next morning=2019-05-09/day_after",
                                      "That evening=2019-05-09/same_day"}));
  EXPECT_EQ(dates("5 Haziran 2019'da Kafranbel bombalandı. Cenazesi ertesi gün kılındı. Aynı gece köyde kimse "
                  "uyumadı. Cenazeden bir gün sonra herkes ağladı."),
            (std::vector<std::string>{"5 Haziran 2019=2019-06-05/absolute", "ertesi gün=2019-06-06/day_after",
                                      "Aynı gece=2019-06-06/same_day"}));
  // ("Cenazeden bir gün sonra": a day after what the ablative names, not after the day told; "o
  // gün" is that day)
  EXPECT_EQ(dates("5 Haziran 2019'da Kafranbel bombalandı. Köylüler o gün evlerine dönemedi."),
            (std::vector<std::string>{"5 Haziran 2019=2019-06-05/absolute", "o gün=2019-06-05/same_day"}));
  // (not "the second day of the truce", nor what will be)
  EXPECT_EQ(dates("قصفت قوات النظام سراقب يوم ٣ أيار ٢٠٢٠. وكان الناس يعودون في ثاني يوم من الهدنة."),
            (std::vector<std::string>{"يوم ٣ أيار ٢٠٢٠=2020-05-03/absolute"}));
  EXPECT_EQ(dates("On 3 May 2020 jets struck Saraqib. Talks will resume in Astana two days later."),
            (std::vector<std::string>{"On 3 May 2020=2020-05-03/absolute"}));
  EXPECT_EQ(dates("12 марта 2020 года обстреляли Саракиб. Минобороны в тот же день это отрицало."),
            (std::vector<std::string>{"12 марта 2020 года=2020-03-12/absolute", "в тот же день=2020-03-12/same_day"}));
}

// A checkpoint that stops, holds, searches or turns back, whatever the verb (within nine words of
// it in its clause): a movement restriction. A checkpoint shelled is a shelling only; one that is
// a café now is nothing.
TEST(CandidateAssembly, ACheckpointThatStopsIsAMovementRestriction) {
  auto kinds = [](const char* text) {
    std::vector<std::string> out;
    for (const auto& c : full_run(text).candidates) out.push_back(kind_of(c));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(kinds("On Tuesday the pick-up was stopped at a Hay'at Tahrir al-Sham checkpoint at the entrance of Kafr Nabl."),
            V{"movement_restriction"});
  EXPECT_EQ(kinds("A Hay'at Tahrir al-Sham checkpoint at Kafr Nabl searched every truck from 07:30."),
            V{"movement_restriction"});
  EXPECT_EQ(kinds("احتجزها حاجز تابع لهيئة تحرير الشام عند مدخل قرية كفرنبل صباح يوم السبت مدة خمس ساعات."),
            V{"movement_restriction"});
  EXPECT_EQ(kinds("С сентября армейский блокпост на въезде в Кафр-Нубль после восьми вечера никого не выпускает."),
            V{"movement_restriction"});
  EXPECT_EQ(kinds("HTŞ'nin Kafranbel girişindeki kontrol noktası, cihaza el koydu ve onu üç saat alıkoydu."),
            V{"movement_restriction"});
  EXPECT_EQ(kinds("The checkpoint at Kafr Nabl was shelled on Monday."), V{"shelling"});
  EXPECT_EQ(kinds("The old checkpoint at Kafr Nabl is a cafe now."), V{});
  // (a checkpoint and a verb in different clauses: "stopped" is the rain's)
  EXPECT_EQ(kinds("The checkpoint at Kafr Nabl stands empty, and the rain stopped at noon."), V{});
  // (not a checkpoint "held by" someone, one seized, a refusal to comment, a stop denied, a barrier
  // of fear; reviewer, session 30)
  EXPECT_EQ(kinds("On Monday residents passed through a checkpoint held by Turkish forces near Kafr Nabl without "
                  "incident."),
            V{});
  EXPECT_EQ(kinds("Officials at the checkpoint in Kafr Nabl refused to comment on the talks."), V{});
  EXPECT_EQ(kinds("Dün Kafranbel girişindeki kontrol noktasında askerler aracı durdurmadı."), V{});
  EXPECT_EQ(kinds("وقال الأهالي إن الحاجز في كفرنبل لم يوقف أي سيارة."), V{});
  const auto fear = kinds("كسر أهالي كفرنبل حاجز الخوف ومنعوا الدوريات من الدخول.");
  EXPECT_EQ(std::count(fear.begin(), fear.end(), "movement_restriction"), 0);
}

// A week later, the next day in abbreviation and "ertesi günden" (thirty-first held-out set, our
// own sentences): seven days and one day after the day told before.
TEST(CandidateAssembly, AWeekLaterAndTheNextDaysAbbreviations) {
  auto days = [](const char* text) {
    std::vector<std::string> out;
    const auto r = full_run(text, 2021y / April / 1);
    for (const auto& c : r.candidates) out.push_back(c.value("observed_at", ""));
    return out;
  };
  EXPECT_EQ(days("Shelling hit Saraqib on 12 March 2020. A week later a drone struck Binnish."),
            (std::vector<std::string>{"2020-03-12", "2020-03-19"}));
  EXPECT_EQ(days("12 марта 2020 года обстреляли Саракиб. На след. день авиаудары по окрестностям Сармина."),
            (std::vector<std::string>{"2020-03-12", "2020-03-13"}));
  EXPECT_EQ(days("قصفت قوات النظام سراقب يوم ١٢ آذار ٢٠٢٠. وبعد أسبوع شنت طائرات روسية غارات على سرمين."),
            (std::vector<std::string>{"2020-03-12", "2020-03-19"}));
  // (not "بعد أسبوع على اجتماع موسكو": a week after the meeting it names)
  const auto meeting = days("قصفت قوات النظام سراقب يوم ١ أيار ٢٠٢٠. وبعد أسبوع على اجتماع موسكو شنت طائرات روسية غارات على سرمين.");
  EXPECT_EQ(std::count(meeting.begin(), meeting.end(), "2020-05-08"), 0);
  // (not "a week after the talks": a week after what it names; no day from the one told)
  const auto named = days("Shelling hit Saraqib on 12 March 2020. Talks were held in Moscow. A week after the talks, a "
                          "drone struck Binnish.");
  EXPECT_EQ(std::count(named.begin(), named.end(), "2020-03-19"), 0);
  // Up to a month of days later, and Russian "накануне" said alone (thirty-second held-out set):
  // 6 May 2019 + 12 days = 18 May; the day before 2 August is 1 August.
  EXPECT_EQ(days("On 6 May 2019 shells hit Saraqib. Twelve days later an air strike hit the bakery at Binnish."),
            (std::vector<std::string>{"2019-05-06", "2019-05-18"}));
  EXPECT_EQ(days("2 августа 2019 года снаряды упали на Ариху. Накануне мы видели беспилотник над Арихой."),
            (std::vector<std::string>{"2019-08-02", "2019-08-01"}));
  // (not "накануне выборов": the eve of what it names)
  const auto eve = days("2 августа 2019 года снаряды упали на Ариху. Накануне выборов беспилотник кружил над Арихой.");
  EXPECT_EQ(std::count(eve.begin(), eve.end(), "2019-08-01"), 0);
}

// One of the injured died (thirty-second held-out set, our own sentences): the dead one more, the
// injured one fewer; a toll told after the death is the value; "the two girls" is no count of
// the dead.
TEST(CandidateAssembly, OneOfTheInjuredDiedMovesOneToTheDead) {
  auto fields = [](const char* text) {
    const auto cs = full_candidates_of(text);
    std::vector<std::string> out;
    for (const auto& c : cs)
      out.push_back((c.contains("fatalities") ? c["fatalities"].dump() : "-") + "/" +
                    (c.contains("injured") ? c["injured"].dump() : "-"));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(fields("Shells hit the school yard in Kafr Nabl on Monday and injured two girls. In the afternoon one of the "
                   "two girls died in hospital."),
            V{"1/1"});
  EXPECT_EQ(fields("قصفت قوات النظام بلدة كفرنبل يوم الاثنين وأصيب ثلاثة مدنيين. وتوفي أحد المصابين متأثراً بجراحه."),
            V{"1/2"});
  EXPECT_EQ(fields("В понедельник снаряды попали в Кафр-Нубль, ранены двое. Один из них скончался ночью в больнице."),
            V{"1/1"});
  EXPECT_EQ(fields("Pazartesi Kafranbel'e top mermisi düştü, iki kişi yaralandı. Yaralılardan biri hastanede öldü."),
            V{"1/1"});
  EXPECT_EQ(fields("سقطت قذائف على بلدة كفرنبل يوم الاثنين وأفاد الدفاع المدني بإصابة مدنيين اثنين. وأبلغنا الدفاع المدني "
                   "عصراً بوفاة أحد المصابين متأثراً بجراحه."),
            V{"1/1"});
  EXPECT_EQ(fields("استهدفت غارة روسية بلدة كفرنبل يوم الاثنين، ما أدى إلى مقتل ٣ مدنيين وإصابة ٥ آخرين. وفي حصيلة محدّثة "
                   "ارتفع عدد الضحايا إلى ٤ بعد وفاة أحد المصابين متأثراً بجراحه."),
            V{"4/4"});
  // (the toll told after the death already counts it)
  EXPECT_EQ(fields("قصفت قوات النظام بلدة كفرنبل يوم الاثنين ما أدى إلى مقتل مدنيين اثنين وإصابة أربعة. وتوفي أحد "
                   "المصابين يوم الثلاثاء، فأصبحت الحصيلة ثلاثة قتلى وثلاثة مصابين."),
            V{"3/3"});
  // (each field on its own: a later death toll, the injured one fewer)
  EXPECT_EQ(fields("Shells hit Kafr Nabl on Monday, killing two civilians and injuring four. One of the injured died on "
                   "Tuesday, bringing the death toll to three."),
            V{"3/3"});
  EXPECT_EQ(fields("Shells hit Kafr Nabl on Monday, injuring three civilians. One of the injured, a man of about 60, died "
                   "overnight."),
            V{"1/2"});
  // Not one of another group, a hedge, a negation, a death at once, or a death not of the
  // injured (reviewer, session 32): the figures stay.
  EXPECT_EQ(fields("Shells hit Kafr Nabl on Monday, injuring three civilians. One of the rescuers died of a heart attack."),
            V{"-/3"});
  EXPECT_EQ(fields("Shells hit Kafr Nabl on Monday, injuring three civilians. Not one of the injured died, doctors said."),
            V{"-/3"});
  EXPECT_EQ(fields("Shells hit Kafr Nabl on Monday, injuring three civilians. One of the injured nearly died in the "
                   "ambulance."),
            V{"-/3"});
  EXPECT_EQ(fields("Shells hit Kafr Nabl on Monday, killing two civilians and injuring three. One of them died instantly."),
            V{"2/3"});
  EXPECT_EQ(fields("Pazartesi Kafranbel'e top mermisi düştü, iki kişi yaralandı. Yaralılardan biri hayatını kurtaran "
                   "doktorlara teşekkür etti."),
            V{"-/2"});
  EXPECT_EQ(fields("قصفت قوات النظام بلدة كفرنبل يوم الاثنين وأصيب ثلاثة مدنيين. ولا يزال أحد المصابين في العناية "
                   "المشددة، وقد توفي شقيقه."),
            V{"-/3"});
}

// A Russian apposition "X, примерно в 5,5 км к ... от Y" and a bracketed one "X (в 2,5 км к ... от
// Y)" locate X: the event is at X, not at the reference Y (thirty-second held-out set, our own
// sentences).
TEST(CandidateAssembly, ARussianOffsetAfterTheVillageLocatesIt) {
  const auto cs = full_candidates_of("Над н. п. Телль-Дадин, примерно в 5,5 км к юго-юго-востоку от Эль-Хадира, кружил "
                                     "беспилотник.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Tall Dadin") << cs[0].dump();
}

// A source after "according to" / "по сообщению" is never the actor (thirty-second held-out set,
// our own sentences: SANA, Syria's agency, was made the actor); "its artillery" after the claim
// cue still makes the claimant the actor.
TEST(CandidateAssembly, ASourceAfterAccordingToIsNoActor) {
  auto actor_ids = [](const char* text) {
    std::vector<std::string> out;
    for (const auto& c : full_candidates_of(text)) out.push_back(actor_id_of(c) + "/" + kind_of(c));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(actor_ids("В среду по Саракибу были выпущены ракеты; по сообщению агентства SANA, погиб один мирный житель."),
            V{"/shelling"});
  EXPECT_EQ(actor_ids("Shelling hit Saraqib on Monday, according to SANA."), V{"/shelling"});
  EXPECT_EQ(actor_ids("According to the Turkish defence ministry, its artillery shelled regime positions near Saraqib."),
            V{"turkey/shelling"});
  // (every claim-before cue of events.cpp's table: "как сообщило X" after the event too; session 33)
  EXPECT_EQ(actor_ids("В среду по Саракибу были выпущены ракеты, как сообщило агентство SANA."), V{"/shelling"});
  EXPECT_EQ(actor_ids("В среду по Саракибу были выпущены ракеты, как заявил представитель Минобороны России."),
            V{"/shelling"});
}

// Fire at a checkpoint or post named by its owner ("fired on the army checkpoint") is a clash
// whose target is the owner; the checkpoint that fires, named before the verb, is the actor
// (session 33, our own sentences).
TEST(CandidateAssembly, TheOwnerOfACheckpointFiredOnIsTheTarget) {
  auto cs = full_candidates_of("Gunmen fired on the army checkpoint near Saraqib yesterday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(kind_of(cs[0]), "armed_clash");
  EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  EXPECT_EQ(target_id_of(cs[0]), "syria") << cs[0].dump();
  cs = full_candidates_of("The army checkpoint near Saraqib fired on a car yesterday, wounding two civilians.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
  // (not a car fired at near the checkpoint, nor fire from it; reviewer, session 33)
  cs = full_candidates_of("Soldiers fired at a car near the army checkpoint at Saraqib on Monday.");
  for (const auto& c : cs) EXPECT_NE(target_id_of(c), "syria") << c.dump();
  // (no clash on a weekday: "fired on Tuesday")
  EXPECT_TRUE(full_candidates_of("Two rockets were fired on Tuesday, residents said.").empty());
}

// A toll in a later sentence that names the place of an earlier event, not the one just told,
// is that earlier event's (session 33: a Turkish development text gave Kafr Taal's risen toll to
// the rockets on Abu al-Zuhur told between them).
TEST(CandidateAssembly, ALaterTollNamingAnEarlierEventsPlaceIsThatEventsToll) {
  const auto cs = full_candidates_of("Shelling hit Kafr Taal on Monday, killing two civilians. Rebels fired rockets at Abu "
                                     "al-Zuhur on Monday. In Kafr Taal the death toll has since risen to three.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(place_of(cs[0]), "Kafr Ta`al") << cs[0].dump();
  EXPECT_EQ(cs[0]["fatalities"], 3) << cs[0].dump();
  EXPECT_FALSE(cs[1].contains("fatalities")) << cs[1].dump();
  // (a toll naming no event's place stays with the event just told)
  const auto ds = full_candidates_of("Shelling hit Kafr Taal on Monday. Rebels fired rockets at Abu al-Zuhur on Monday. "
                                     "Two soldiers were killed, state media said.");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_FALSE(ds[0].contains("fatalities")) << ds[0].dump();
  EXPECT_EQ(ds[1]["fatalities"], 2) << ds[1].dump();
  // (nor a toll whose place is a hospital's or a council's, nor one told of "the same incident",
  // nor people from a place or on their way to it: reviewer, session 33)
  for (const char* last : {"The hospital in Kafr Taal lists three killed from that bus.",
                           "Three passengers from Kafr Taal were killed.",
                           "The Kafr Taal council gave three killed for the same incident."}) {
    const std::string text =
        std::string("Shelling hit Kafr Taal on Monday. A shell hit a bus near Abu al-Zuhur on Monday. ") + last;
    const auto es = full_candidates_of(text.c_str());
    ASSERT_EQ(es.size(), 2u) << last;
    EXPECT_FALSE(es[0].contains("fatalities")) << last << es[0].dump();
    EXPECT_EQ(es[1]["fatalities"], 3) << last << es[1].dump();
  }
  // (the Turkish locative after other words, "göre Kafr Taal'daki", names the place; the ablative
  // "Kafr Taal'dan", people from there, does not: session 34)
  for (const auto& [last, moved] : std::vector<std::pair<const char*, bool>>{
           {"Yerel kaynaklara göre Kafr Taal'daki ölü sayısı 3'e yükseldi.", true},
           {"Yerel kaynaklara göre Kafr Taal'dan 3 kişi öldü.", false}}) {
    const std::string text =
        std::string("Pazartesi günü Kafr Taal'a top mermileri düştü. Pazartesi günü Ebu Zuhur köyüne roketler atıldı. ") + last;
    const auto ts = full_candidates_of(text.c_str());
    ASSERT_EQ(ts.size(), 2u) << last;
    EXPECT_EQ(ts[moved ? 0 : 1]["fatalities"], 3) << last << ts[0].dump() << ts[1].dump();
    EXPECT_FALSE(ts[moved ? 1 : 0].contains("fatalities")) << last << ts[0].dump() << ts[1].dump();
  }
}

// "so the final figure is one killed and two injured" after "one of them … died" is the toll,
// not a death on top of it; "One injured man was taken …" is no toll (session 33, our own
// sentences; the second from the reviewer).
TEST(CandidateAssembly, OneKilledAfterADeathAmongTheInjuredIsTheToll) {
  auto cs = full_candidates_of("Shells hit Afis on Wednesday, injuring three civilians. One of them, a girl of twelve, died "
                               "in hospital on Saturday, so the final figure is one killed and two injured.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["fatalities"], 1) << cs[0].dump();
  EXPECT_EQ(cs[0]["injured"], 2) << cs[0].dump();
  cs = full_candidates_of("Shelling hit Saraqib on Monday, wounding four civilians. One of the wounded died on Tuesday. "
                          "One injured man was taken to a hospital in Turkey.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0]["fatalities"], 1) << cs[0].dump();
  EXPECT_EQ(cs[0]["injured"], 3) << cs[0].dump();
  // (a first count before the death in its sentence is no later figure; a toll risen to two — an
  // Arabic dual — is: session 34)
  for (const auto& [text, dead, hurt] : std::vector<std::tuple<const char*, int, int>>{
           {"Pazartesi günü Kafr Nabl'a hava saldırısı yapıldı, iki sivil ölmüş, beş sivil yaralanmıştır; yaralılardan "
            "biri hayatını kaybetmiş, ölü sayısı üçe yükselmiştir.", 3, 4},
           {"قصفت قوات النظام سراقب صباح يوم الاثنين، ما أدى إلى مقتل مدني وإصابة أربعة آخرين، ثم ارتفعت الحصيلة إلى "
            "قتيلين بعد وفاة أحد المصابين.", 2, 3},
           {"В понедельник боевики обстреляли Саракиб. Сообщалось об одном погибшем и двух раненых; по уточнённым "
            "данным, погибли двое (один из раненых скончался в госпитале).", 2, 1}}) {
    cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0]["fatalities"], dead) << cs[0].dump();
    EXPECT_EQ(cs[0]["injured"], hurt) << cs[0].dump();
  }
}

// Session 34 (our own sentences, after forms of held-out set 34): a day's name inside a village's
// name is no date ("Beyt Hac Cuma": cuma = Friday); "saldırıyı" (the attack, accusative) refers
// back; a worker is counted; "iki gün durmuş" (it stopped for two days) is no habit; a checkpoint
// "tutmakta" (held) is there.
TEST(CandidateAssembly, TurkishFormsOfTheThirtyFourthSet) {
  Result r = full_run("18 Ekim 2020 Pazar sabahı Darkuş'un doğusundaki Beyt Hac Cuma köyünde fırının yakınına hava "
                      "saldırısı düzenlenmiş, bir fırın işçisi yaralanmıştır. Yerel kaynaklar saldırıyı Rus savaş "
                      "uçaklarına atfetmiştir.",
                      2020y / November / 6);
  for (const auto& d : r.mentions["dates"]) EXPECT_EQ(d["text"].get<std::string>().find("Cuma"), std::string::npos) << d.dump();
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-10-18") << r.candidates[0].dump();
  EXPECT_EQ(actor_id_of(r.candidates[0]), "russia") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[0]["injured"], 1) << r.candidates[0].dump();
  r = full_run("Onarım 28 Ekim Çarşamba günü Basiliya yakınında HTŞ ile Hurras ed-Din arasında çıkan silahlı çatışma "
               "nedeniyle iki gün durmuş.",
               2020y / November / 6);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(kind_of(r.candidates[0]), "armed_clash");
  r = full_run("Tanariye köyünde HTŞ'ye bağlı silahlı kişiler 19 Ekim'den beri kontrol noktası tutmaktadır.",
               2020y / November / 6);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(kind_of(r.candidates[0]), "group_presence");
  EXPECT_EQ(actor_id_of(r.candidates[0]), "hts");
  // (reviewer, session 34: a weekday opening a name's window keeps its day; "kutlama atışı"
  // (celebratory fire) refers back to no event; the wounded treated at a place leave the toll
  // where it was told)
  r = full_run("Rus uçakları Pazartesi Haas ve Kafr Nabl köylerini vurdu.", 2020y / October / 15);
  ASSERT_FALSE(r.candidates.empty());
  for (const auto& c : r.candidates)
    EXPECT_EQ(c.value("observed_at", std::string()).substr(0, 10), "2020-10-12") << c.dump();
  r = full_run("Pazartesi günü Rus uçakları Kafr Nabl'ı bombaladı, 2 sivil öldü.\n\nAyrıca düğünde yapılan kutlama "
               "atışı sonucu bir çocuk yaralandı.",
               2020y / October / 15);
  for (const auto& c : r.candidates)
    if (kind_of(c) == "airstrike") {
      EXPECT_FALSE(c.contains("injured")) << c.dump();
    }
  r = full_run("Pazartesi günü Kafr Taal'a top mermileri düştü. Pazartesi günü Ebu Zuhur köyüne roketler atıldı. Köyde 3 "
               "kişi öldü, yaralılar Kafr Taal'da tedavi ediliyor.",
               2020y / October / 15);
  ASSERT_EQ(r.candidates.size(), 2u);
  EXPECT_FALSE(r.candidates[0].contains("fatalities")) << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[1]["fatalities"], 3) << r.candidates[1].dump();
}

// Session 35 (our own sentences): a Turkish offset in brackets after a village ("Kafr Nubl
// (Canudiye'nin yaklaşık 4 km batısı) girişindeki") locates the village: one candidate there, not
// a second at the offset's reference (the thirty-fourth set's checkpoint was made twice). Places
// coordinated with "ve" still give one candidate each.
TEST(CandidateAssembly, ATurkishBracketedOffsetLocatesTheNameBeforeIt) {
  Result r = full_run("Ekibimiz 16 Haziran sabahı Kafr Nubl (Canudiye'nin yaklaşık 4 km batısı) girişindeki HTŞ kontrol "
                      "noktasında iki saat bekletilmiştir.",
                      2021y / June / 20);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(place_of(r.candidates[0]), "Kafranbel") << r.candidates[0].dump();
  r = full_run("Rus uçakları 16 Haziran'da Kafr Nubl ve Canudiye köylerini vurdu.", 2021y / June / 20);
  EXPECT_EQ(r.candidates.size(), 2u);
}

// Session 35 (our own text, after the thirty-fourth set's app-store reviews): a review's byline
// ("★☆☆☆☆ Ahmet K. · 18 Mart 2021") dates its review, so "Dün akşam" counts from the review's
// day, not the page's; one aircraft ("Rus uçağı") is an actor as the plural is; a name with no
// suffix before a passive ("…, Kansafra bombalandı") is the place.
TEST(CandidateAssembly, AReviewsBylineDatesItsReviewAndOneAircraftIsAnActor) {
  Result r = full_run("Kullanıcı yorumları, en yeni önce · sayfa kaydı: 19.03.2021\n\n"
                      "★☆☆☆☆ Ahmet K. · 18 Mart 2021\nDün akşam Kafr Nabl'a iki füze düştü, bir çoban yaralandı.\n"
                      "  Geliştiricinin yanıtı · 18 Mart 2021\n  Geçmiş olsun.\n\n"
                      "★★★★★ Meryem S. · 14 Mart 2021\nPazartesi gecesi Rus uçağı Kansafra'yı bombaladı.\n\n"
                      "★★☆☆☆ Ebu Halil · 6 Mart 2021\nDün gece Kafr Uvayd'e top mermisi düştü.\n",
                      2021y / March / 19);
  ASSERT_EQ(r.candidates.size(), 3u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2021-03-17") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[1].value("observed_at", std::string()).substr(0, 10), "2021-03-08") << r.candidates[1].dump();
  EXPECT_EQ(actor_id_of(r.candidates[1]), "russia") << r.candidates[1].dump();
  EXPECT_EQ(r.candidates[2].value("observed_at", std::string()).substr(0, 10), "2021-03-05") << r.candidates[2].dump();
  r = full_run("Uçağın kime ait olduğu bilinmiyor, Kansafra bombalandı.", 2021y / March / 19);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(place_of(r.candidates[0]), "Kansafrah") << r.candidates[0].dump();
}

// Fire "со стороны позиций X" (from the side of X's positions) is X's: the actor, not the target
// (the thirty-fourth set's mortar fire on a company's post; session 35, our own sentence).
TEST(CandidateAssembly, FireFromTheSideOfSomeonesPositionsIsTheirs) {
  Result r = full_run("19.11.2019 подразделение подверглось обстрелу из миномётов со стороны позиций незаконных "
                      "вооружённых формирований в районе н.п. Шугейдила.",
                      2019y / November / 25);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_FALSE(r.candidates[0].contains("target")) << r.candidates[0].dump();
  EXPECT_NE(actor_of(r.candidates[0]), "") << r.candidates[0].dump();
}

// A page's posts headed by a weekday, a date and "الساعة" with the clock ("📌 الجمعة ٢١ أيار، الساعة
// ٧:١٥ الصبح"): each post is a log entry, its comments' "مبارح" count from its day (held-out set
// 35, session 35; our own text).
TEST(CandidateAssembly, APostsHourWordBeforeItsClockStillMakesAnEntry) {
  const Result r = full_run("صفحة الطقس – منشورات وتعليقات (حفظ الصفحة: الأحد ٢٣ أيار ٢٠٢١)\n\n"
                            "📌 الجمعة ٢١ أيار، الساعة ٧:١٥ الصبح\nصباح الخير يا أهل الغاب.\n"
                            "💬 أبو علي: مبارح بالليل نزلو قذايف على جورين.\n\n"
                            "📌 السبت ٢٢ أيار، الساعة ٤:٤٠ العصر\nتنبيه: رياح غربية نشطة.\n"
                            "💬 سامي: اليوم الصبح قصفت قوات النظام سرمدا.\n",
                            2021y / May / 23);
  ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2021-05-20") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[1].value("observed_at", std::string()).substr(0, 10), "2021-05-22") << r.candidates[1].dump();
}

// Who shot a drone down did not fly it (held-out set 35, session 35; our own sentences): no actor,
// and a note says who shot it. A drone said to be Russian keeps its actor.
TEST(CandidateAssembly, TheShooterOfADroneShotDownIsNotItsActor) {
  for (const char* text : {"Army air defences shot down a drone over Kafr Nabl on Monday.",
                           "أسقطت وحدات الجيش طائرة مسيّرة فوق كفرنبل يوم الاثنين."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(kind_of(cs[0]), "uav_observation");
    EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
    EXPECT_NE(cs[0].dump().find("shot the drone down"), std::string::npos) << cs[0].dump();
  }
  const auto cs = full_candidates_of("A Russian drone circled over Kafr Nabl on Monday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "russia") << cs[0].dump();
}

// The owner of a post that stopped us restricts movement ("нас остановил пост сирийской армии":
// the army is the actor, not the target; reviewer, session 35).
TEST(CandidateAssembly, ThePostThatStoppedUsIsItsOwnersRestriction) {
  const auto cs = full_candidates_of("Мы ехали в Кафранбель, и нас остановил пост сирийской армии, не пропускали три часа.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(kind_of(cs[0]), "movement_restriction");
  EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
}

// Session 36 (our own sentences, after the thirty-fifth set): a night told as two days is one
// night, dated by its evening, or by its morning when a clock after midnight is told; "four days
// later" counts from it. Not "between 27 and 28 February" (two days, no night).
TEST(CandidateAssembly, ANightOfTwoDaysIsOneNightDatedByItsClock) {
  Result r = full_run("On the night of Monday 9 to Tuesday 10 March, at about a quarter to three, rockets hit Kafr Nabl. "
                      "A wounded man died in hospital three days later.",
                      2020y / April / 2);
  ASSERT_GE(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-03-10") << r.candidates[0].dump();
  bool later = false;
  for (const auto& d : r.mentions["dates"])
    if (d.value("text", std::string()) == "three days later") {
      later = true;
      EXPECT_EQ(d.value("resolved", std::string()), "2020-03-13") << d.dump();
    }
  EXPECT_TRUE(later) << r.mentions["dates"].dump();
  // (reviewer, session 36: "advanced to two villages" is no clock; "day and night between" no night)
  r = full_run("On the night of 9 to 10 March, fighters advanced to two villages and shelled Kafr Nabl.", 2020y / April / 2);
  ASSERT_GE(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-03-09") << r.candidates[0].dump();
  r = full_run("Shelling hit Kafr Nabl day and night between 9 and 10 March.", 2020y / April / 2);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_NE(r.candidates[0].value("time_precision", std::string()), "day") << r.candidates[0].dump();
  r = full_run("Overnight 9-10 March rockets hit Kafr Nabl.", 2020y / April / 2);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-03-09") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[0].value("time_precision", std::string()), "day") << r.candidates[0].dump();
  r = full_run("Rockets hit Kafr Nabl between 9 and 10 March, at 01:30 each time.", 2020y / April / 2);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-03-09") << r.candidates[0].dump();
  EXPECT_NE(r.candidates[0].value("time_precision", std::string()), "day") << r.candidates[0].dump();
}

// Session 36 (our own sentences): a village only the localities supplement spells, after a weak
// cue, is kept when the town its apposition names after it in the sentence lies near ("في
// الشابية، شمال غربي محردة"); a word a far-off village bears is not (no town near it). A town an
// apposition places the village by ("X، الضيعة اللي جنب Y", "X, the village next to Y") is the
// village's reference: the next sentence's event is at the village.
TEST(CandidateAssembly, AWeakCuesVillageIsKeptByTheTownItsAppositionNames) {
  auto cs = full_candidates_of("سقطت قذائف صاروخية على حقول القمح في الشابية، شمال غربي محردة بنحو أربعة كيلومترات.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Ash Shabiyah") << cs[0].dump();
  cs = full_candidates_of("طلعنا الصبح من خربة حناني، الضيعة اللي جنب أبو الضهور. مبارح العصر الطيران ضرب أطراف الضيعة.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Khirbat Hannani") << cs[0].dump();
  cs = full_candidates_of("We reached Kafr Nabl, the village next to Hass, on Monday. Shells fell on its outskirts that evening.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
  // (a two-word name over which a drone flew, "فوق زور تيلاتا", near a town located before)
  cs = full_candidates_of("قصفت المدفعية محردة أمس. وحلقت طائرة مسيّرة فوق زور تيلاتا مساء أمس.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(place_of(cs[1]), "Zawr Taylata") << cs[1].dump();
    // (with no apposition, the place nearest the event in the sentence before is still taken)
  cs = full_candidates_of("We drove from Kafr Nabl to Hass on Monday. Shells fell on its outskirts that evening.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Hassef") << cs[0].dump();
}

// Session 36 (our own sentence): the Russian nisba "-ия" in any case is GeoNames' "-iyah" ("в
// Хавии", "Шабию").
TEST(CandidateAssembly, ARussianNisbaInAnyCaseIsTheVillage) {
  for (const char* text : {"Вчера снаряд упал в Хавии.", "Вчера обстреляли Хавию.", "Вчера обстреляли окраину Хавии."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(place_of(cs[0]), "Al Hawiyah") << text << cs[0].dump();
  }
}

// Session 36 (our own text, after the thirty-fifth set's shared memory): one byline over a quoted
// post ("│ Name – 3 March 2020") dates it, so its "yesterday" counts from the byline's day, not
// from the page's a year later.
TEST(CandidateAssembly, OneBylineDatesTheQuotedPostUnderIt) {
  const Result r = full_run("Salim Haddad shared a memory from a year ago today.\n\n"
                            "│ Salim Haddad – 3 March 2020\n│ Yesterday afternoon shells hit Kafr Nabl, by the school.\n",
                            2021y / March / 3);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-03-02") << r.candidates[0].dump();
}

// Session 36 (our own text, after the thirty-sixth set's oral history): a sentence that tells a
// day and nothing else dates the event after it in its paragraph; "Ten days after the strike"
// counts from the strike's day. Not a day told in a sentence with other words ("The truce of 5
// March held for a while."), nor "two days after a strike" (which strike?).
TEST(CandidateAssembly, ADayToldAloneDatesTheEventAfterIt) {
  Result r = full_run("Abstract approved: Monday 14 June 2021\n\n[03:10-09:45] Monday 3 June 2019. In the late afternoon aircraft struck the threshing floors of "
                      "Kafr Nabl.\n\n[09:45-12:00] Ten days after the strike, shells fell on Hass.\n",
                      2021y / June / 14);
  ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-06-03") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[1].value("observed_at", std::string()).substr(0, 10), "2019-06-13") << r.candidates[1].dump();
  r = full_run("The truce agreed on Monday 3 June 2019 held for a while, residents said. Aircraft struck Kafr Nabl.",
               2021y / June / 14);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_NE(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-06-03") << r.candidates[0].dump();
  // (reviewer, session 36: a label's day is no story's day)
  r = full_run("Notes, Monday 14 June 2021\n\nShells hit Hass on Monday. One of the dead was a teacher. Born 3 June 1990. "
               "He had been shelled before in Kafr Nabl.",
               2021y / June / 14);
  for (const auto& c : r.candidates) {
    EXPECT_NE(c.value("observed_at", std::string()).substr(0, 4), "1990") << c.dump();
  }
  r = full_run("Notes, Monday 14 June 2021\n\nMonday 3 June 2019. Aircraft struck Kafr Nabl. Two days after a strike, shells fell on Hass.",
               2021y / June / 14);
  ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
  EXPECT_NE(r.candidates[1].value("observed_at", std::string()).substr(0, 10), "2019-06-05") << r.candidates[1].dump();
}

// Session 36 (our own sentences, after the thirty-sixth set's bulletin): a road closed in the
// passive with its closer ("the road between X and Y was closed by the army") is a restriction by
// the army; "by the army" is a passive's agent after any participle. A school closed by the army
// is no restriction of movement; "served in the army" names no actor.
TEST(CandidateAssembly, ARoadClosedByTheArmyIsTheArmysRestriction) {
  auto cs = full_candidates_of("On Monday the road between Hass and Kafr Nabl was closed by the army for two days.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(kind_of(cs[0]), "movement_restriction");
  EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
  cs = full_candidates_of("Kafr Nabl was shelled by the army on Monday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
  EXPECT_TRUE(full_candidates_of("On Monday the school in Hass was closed by the army.").empty());
  // (reviewer, session 36: not closed by the snow; a participle that describes the object names no agent)
  EXPECT_TRUE(full_candidates_of("On Monday the road to Kafr Nabl was closed by the snow.").empty());
  cs = full_candidates_of("Yesterday shells hit the road used by the army near Kafr Nabl.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  const Result r = full_run("He served in the army for ten years before shells hit Kafr Nabl.");
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(actor_id_of(r.candidates[0]), "") << r.candidates[0].dump();
}

// Session 36 (our own sentences, after the thirty-fifth and thirty-sixth sets): a restriction or a
// presence "since Saturday" began that day (said); a strike told with "since" a truce still takes
// no day from it. "A drone was over X" is a drone seen.
TEST(CandidateAssembly, ARestrictionSinceADayBeganThatDay) {
  Result r = full_run("Since Saturday the army has closed the road from Hass to Kafr Nabl.", 2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-05-16") << r.candidates[0].dump();
  EXPECT_NE(r.candidates[0].dump().find("when it began"), std::string::npos) << r.candidates[0].dump();
  r = full_run("С 1 мая военные закрыли дорогу на Кафр-Набль.", 2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-05-01") << r.candidates[0].dump();
  r = full_run("HTS has kept a checkpoint at the entrance of Kafr Nabl since the Sochi agreement of 17 September 2018.",
               2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_NE(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2018-09-17") << r.candidates[0].dump();
  r = full_run("Since the truce of 5 March shells have hit Kafr Nabl.", 2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_NE(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-03-05") << r.candidates[0].dump();
  const auto cs = full_candidates_of("Yesterday evening a drone was over Kafr Nabl for an hour.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(kind_of(cs[0]), "uav_observation");
}

// Session 36 (our own sentences, after the thirty-sixth set): the Syrian side named by its
// military bodies ("الجهات العسكرية", "الجهات المختصة", "военные", "the military") is
// the state the text points to; "военные позиции" qualifies a noun. A Turkish word is no Cyrillic
// acronym ("saate" is not "САА"). A colloquial clock ("عالساعة ١١") and a Turkish span ("İki
// gündür") count nothing.
TEST(CandidateAssembly, TheMilitaryBodiesOfTheSideAreItsActorsAndClocksCountNothing) {
  for (const char* text : {"أغلقت الجهات العسكرية الطريق إلى كفرنبل أمس.", "أغلقت الجهات المختصة الطريق إلى كفرنبل أمس.",
                           "Вчера военные закрыли дорогу на Кафр-Набль.", "Yesterday the military closed the road to Kafr Nabl."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "syria") << text << cs[0].dump();
  }
  // (reviewer, session 36: "военные патрули" are patrols, not the military's verb; the Salvation
  // Government's competent bodies are no Syrian state)
  for (const auto& c : full_candidates_of("Вчера военные патрули прошли по трассе М4 у Кафр-Набля.")) {
    EXPECT_EQ(actor_id_of(c), "") << c.dump();
  }
  for (const auto& c : full_candidates_of("أغلقت الجهات المختصة في حكومة الإنقاذ الطريق إلى كفرنبل أمس.")) {
    EXPECT_NE(actor_id_of(c), "syria") << c.dump();
  }
  auto cs = full_candidates_of("Вчера обстреляли военные позиции у Кафр-Набля.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
  const Result r = full_run("Dün bir saate yakın Kafr Nabl üstünde bir keşif İHA'sı dolaştı.", 2021y / April / 20);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(actor_id_of(r.candidates[0]), "") << r.candidates[0].dump();
  EXPECT_TRUE(r.mentions["actors"].empty()) << r.mentions["actors"].dump();
  cs = full_candidates_of("بالليل عالساعة ١١ نزلت قذيفة على كفرنبل.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].dump().find("\"explosions\":11"), std::string::npos) << cs[0].dump();
  const Result r2 = full_run("İki gündür Kafr Nabl'a top düştü.", 2021y / April / 20);
  ASSERT_EQ(r2.candidates.size(), 1u) << json(r2.candidates).dump();
  for (const auto& m : r2.mentions["numbers"]) {
    EXPECT_EQ(m.value("counts", std::string()), "other") << m.dump();
  }
  EXPECT_FALSE(r2.mentions["numbers"].empty());
}

// Session 36 (our own sentences): checkpoints put, set up or limiting entry, ways closed, drones
// watched or turning, in four languages, are events; a ballot box sealed ("إغلاقه بالشمع") and a
// question "put" to someone are not. An Arabic night of two days is one night.
TEST(CandidateAssembly, CheckpointsPutAndDronesWatchedAreEvents) {
  for (const char* text : {"Fighters put a checkpoint at the entrance of Kafr Nabl yesterday.",
                           "Вчера военные поставили КПП на повороте на Кафр-Набль.",
                           "Вчера сирийская сторона закрыла коридор у Кафр-Набля.",
                           "Dün köyün girişine askerî inzibat bir kontrol noktası kurmuş, Kafr Nabl'a giriş yok.",
                           "أمس حطّ الجيش حاجز عمدخل كفرنبل."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(kind_of(cs[0]), "movement_restriction") << text;
  }
  for (const char* text : {"Yesterday our team leader watched a small drone circle over Kafr Nabl.",
                           "Dün Kafr Nabl üstünde yarım saat kadar bir İHA dolandı."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(kind_of(cs[0]), "uav_observation") << text;
  }
  EXPECT_TRUE(full_candidates_of("وتم فتح الصندوق في مدرسة كفرنبل ثم إغلاقه بالشمع الأحمر.").empty());
  // (reviewer, session 36: a Fund's convoy stopped is still a restriction; a checkpoint smashed is
  // a shelling; shots into the air at a wedding are no clash)
  auto fund = full_candidates_of("أغلقت قوات النظام أمس الطريق أمام قافلة صندوق الأمم المتحدة للسكان قرب كفرنبل.");
  ASSERT_EQ(fund.size(), 1u);
  EXPECT_EQ(kind_of(fund[0]), "movement_restriction");
  for (const auto& c : full_candidates_of("حطمت قذيفة حاجز الجيش عند مدخل كفرنبل أمس.")) {
    EXPECT_NE(kind_of(c), "movement_restriction") << c.dump();
  }
  EXPECT_TRUE(full_candidates_of("Dün Kafr Nabl'daki bir düğünde gençler havaya silah sıktılar.").empty());
  EXPECT_TRUE(full_candidates_of("They put a question about the Kafr Nabl checkpoint to Moscow.").empty());
  const Result r = full_run("سقطت قذيفة على كفرنبل ليلة الخميس على الجمعة ١٦-١٧ تموز.", 2020y / July / 19);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-07-16") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[0].value("time_precision", std::string()), "day") << r.candidates[0].dump();
}

// Session 36 (our own sentences): "كفر X", "خربة X" with no cue are one village name when a
// gazetteer spells them so ("في مدرسة كفر عجوز"); "خربة قديمة" (an old ruin) is none.
TEST(CandidateAssembly, KafrAndKhirbatBeginAVillageNameWithNoCue) {
  auto cs = full_candidates_of("سقطت قذيفة في باحة مدرسة كفر عجوز أمس.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafr `Ajuz") << cs[0].dump();
  cs = full_candidates_of("سقطت قذيفة قرب خربة قديمة أمس.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "") << cs[0].dump();
}

// Session 36 (our own texts, after the thirty-sixth set's logs): a log's dotted day with its
// weekday in brackets after it ("05.05 (вс). …") dates its entry; a notebook's count ("اليوم ٢١ –
// أربعا ٨/١: …") is no "today", its Levantine weekday without the article dates the line, and
// "من اليوم ورايح" in it counts from the line's day; "رسم X" is one village name.
TEST(CandidateAssembly, LogDaysWithBracketedWeekdaysAndCountedDaysDateTheirLines) {
  Result r = full_run("Журнал полётов\n\n02.05 (чт). Поля южнее Кафр-Набля. Замечаний нет.\n\n"
                      "05.05 (вс). В 10:40 полёты прекращены: у Кафр-Набля разорвались три снаряда.\n",
                      2019y / May / 17);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-05-05") << r.candidates[0].dump();
  r = full_run("دفتر الفوج، المدجنة في سنجار – التلاتا ٢٨/١/٢٠٢٠\n\nاليوم ٢١ – أربعا ٨/١: حاجز الجيش عمفرق رسم الأحمر، قالوا "
               "من اليوم ورايح ممنوع المرور بعد العصر.\n\nاليوم ٢٦ – تنين ١٣/١: زنانة ضلّت ساعتين فوق سنجار.\n",
               2020y / January / 28);
  ASSERT_GE(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(kind_of(r.candidates[0]), "movement_restriction");
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-01-08") << r.candidates[0].dump();
  EXPECT_EQ(place_of(r.candidates[0]), "Rasm al Ahmar") << r.candidates[0].dump();
  for (const auto& d : r.mentions["dates"]) {
    if (d.value("text", std::string()) == "اليوم") {
      EXPECT_NE(d.value("resolved", std::string()), "2020-01-28") << d.dump();
    }
  }
}

// Session 36 (our own sentences, after the development diff): who saw a drone or watched it
// destroyed did not fly it ("военные заметили беспилотник", "наблюдал уничтожение средствами ПВО
// … беспилотного аппарата"); a drone said to be Russian keeps its actor.
TEST(CandidateAssembly, WhoSawADroneDidNotFlyIt) {
  for (const char* text : {"Вчера над Кафр-Наблем военные заметили беспилотник.",
                           "Вчера рота наблюдала уничтожение средствами ПВО сирийской армии беспилотника над Кафр-Наблем."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(actor_id_of(cs[0]), "") << text << cs[0].dump();
  }
  auto cs = full_candidates_of("Yesterday a Russian drone circled over Kafr Nabl.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "russia") << cs[0].dump();
  // (a Russian drone shot down is still Russia's: the actor phrase is the drone)
  cs = full_candidates_of("أمس: إسقاط طائرة استطلاع روسية مسيّرة فوق كفرنبل بالمضادات الأرضية.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(actor_id_of(cs[0]), "russia") << cs[0].dump();
}

// Session 37 (our own sentences, after the thirty-sixth set): a Turkish weekday in the ablative of
// "since" ("Cumartesiden beri", "Pazartesiden itibaren") dates a restriction by the day it began;
// "pazardan" (also "from the market") is no Sunday.
TEST(CandidateAssembly, ATurkishWeekdaySinceDatesTheRestrictionItBegan) {
  for (const char* text : {"Cumartesiden beri ordu Kafr Nabl yolunu kapattı.", "Cumartesi'den beri ordu Kafr Nabl yolunu kapattı."}) {
    const Result r = full_run(text, 2020y / May / 18);
    ASSERT_EQ(r.candidates.size(), 1u) << text;
    EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-05-16") << r.candidates[0].dump();
    EXPECT_NE(r.candidates[0].dump().find("when it began"), std::string::npos) << r.candidates[0].dump();
  }
  Result r = full_run("Pazartesiden itibaren Kafr Nabl yolunu kapattılar.", 2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-05-18") << r.candidates[0].dump();
  r = full_run("Pazardan dönerken Kafr Nabl yolunu kapattılar.", 2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_NE(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-05-17") << r.candidates[0].dump();
}

// "between" over the settlement nouns ("بين قريتي X وY", "between the villages of X and Y"): one
// event between the two points, not one at each (session 37, after h443).
TEST(CandidateAssembly, BetweenTheTwoVillagesIsOneEvent) {
  for (const char* text : {"استهدفت طائرة مسيرة سيارة على الطريق الواصل بين قريتي كفرنبل وحاس أمس، ما أدى إلى مقتل شخصين.",
                           "Yesterday a drone struck a car on the road between the villages of Kafr Nabl and Hass, killing two."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_NE(cs[0].dump().find("\"between\":{"), std::string::npos) << cs[0].dump();
  }
}

// Session 37 (our own sentences, after the thirty-seventh set): a log's day with its weekday after
// a comma ("19.11.2019, вт", "22.07, пн. Цемент …") dates the entries under it; a log line's head
// the text located before ("Башур, 11:20 — …") is its place; a village placed by a distance told in
// words from another ("в полутора километрах западнее Башура", "чуть больше километра к
// юго-востоку от …") is the place, not the other.
TEST(CandidateAssembly, ALogsDayWithItsWeekdayAfterACommaDatesItsEntries) {
  Result r = full_run("Журнал диспетчера.\n\n19.11.2019, вт\n21:40 Отключение линии.\n22:05 Со слов сторожа: у Кафр-Набля "
                      "разорвались три снаряда.\n\n20.11.2019, ср\n07:50 Обход линии.",
                      2019y / November / 26);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-11-19") << r.candidates[0].dump();
  // (Bashur 35.75104, 36.09932 is a village of the localities supplement only)
  r = full_run("Путевой лист. Заказчик: школа в н. п. Башур.\n\n22.07, пн. Цемент 10 т. Разгрузка.\n\n23.07, вт. Щебень "
               "12 т. Башур, 11:20 — разгрузку прервали: миномётный обстрел.",
               2019y / July / 27);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-07-23") << r.candidates[0].dump();
  EXPECT_EQ(place_of(r.candidates[0]), "Bashur") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[0]["evidence"]["place"].value("rule", std::string()).substr(0, 25), "nearest_point_in_sentence")
      << r.candidates[0].dump();
  for (const char* text : {"Вчера над Кафр-Наблем, в полутора километрах западнее Хаса, висел беспилотник.",
                           "Вчера над Кафр-Наблем, чуть больше километра к западу от Хаса, висел беспилотник."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text << cs[0].dump();
  }
}

// A negated village whose name ends a longer name told before ("قرية تل سلّور … (وليست قرية سلّور
// في ريف اللاذقية)") is ruled out, the longer one kept; a fire's source ("مصدر القذائف مواقع … في
// محيط تل رفعت", "the source of the shelling was positions around X") is no event's place
// (session 37, our own sentences after the thirty-seventh set).
TEST(CandidateAssembly, ANegatedShortNameAndAFiresSourceAreNoEventsPlaces) {
  auto cs = full_candidates_of("سقطت قذائف أمس على كروم قرية تل سلّور قرب جنديرس (وليست قرية سلّور في ريف اللاذقية)، "
                               "ما أدى إلى إصابة مزارع.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Tall Sallur") << cs[0].dump();
  cs = full_candidates_of("سقطت قذائف أمس على أطراف كفرنبل. ويفيد المجلس بأن مصدر القذائف مواقع الميليشيات في محيط "
                          "معرة النعمان.");
  ASSERT_EQ(cs.size(), 1u) << cs.size();
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
  cs = full_candidates_of("Shells fell on Kafr Nabl yesterday. The council said the source of the shelling was positions "
                          "around Maarat al-Numan.");
  ASSERT_EQ(cs.size(), 1u) << cs.size();
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
}

// "وفاة أحدهما" (the death of one of the two injured told before) moves one of them to the dead
// (session 37, our own sentence after the thirty-seventh set, h701).
TEST(CandidateAssembly, OneOfTheTwoInjuredDiedInArabic) {
  const auto cs = full_candidates_of("سقطت قذائف صاروخية على أطراف كفرنبل أمس، وأعلن المجلس يومها إصابة شخصين، ثم تبيّن "
                                     "في اليوم التالي وفاة أحدهما متأثراً بجراحه.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].value("fatalities", 0), 1) << cs[0].dump();
  EXPECT_EQ(cs[0].value("injured", 0), 1) << cs[0].dump();
  // (not when it did not happen: "لم يتوفَّ أحدهما")
  const auto ns = full_candidates_of("سقطت قذائف صاروخية على أطراف كفرنبل أمس، ما أدى إلى إصابة شخصين، ولم يتوف أحدهما.");
  ASSERT_EQ(ns.size(), 1u);
  EXPECT_EQ(ns[0].value("injured", 0), 2) << ns[0].dump();
}

// Session 37 (our own sentences, after the thirty-seventh set): the Levantine "ع" glued to a name
// or a cue ("عكفرنبل", "عطرف كفرنبل"), a heading's town before "وضواحيها", a hill named by its
// village ("فوق تلة عزان"); the hour ("بين الساعة الثامنة") is no village. Bans told without a
// checkpoint's verb ("يُحظر … التنقل", "ما كان يخلي حدا", "проезд закрыт", "turns herders back")
// are restrictions; a driver who "turned back" of his own accord is none. "С 17 февраля по 10 марта"
// is one span, from its first day.
TEST(CandidateAssembly, LevantineGluedNamesAndBansToldWithoutACheckpointsVerb) {
  for (const char* text : {"مبارح نزلو قذايف عكفرنبل.", "مبارح نزلو قذيفتين عطرف كفرنبل."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text << cs[0].dump();
  }
  Result r = full_run("توصيل أبو الجود – صلنفة وضواحيها\n\nمبارح كان في طيارة مسيّرة فوق بريم ساعتين.", 2021y / July / 22);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(place_of(r.candidates[0]), "Buraym") << r.candidates[0].dump();  // (35.70663, 36.12764, near Slinfah)
  auto cs = full_candidates_of("أسقطت وسائط الدفاع الجوي فجر أمس طائرة مسيّرة فوق تلة عزان.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "`Azzan") << cs[0].dump();
  cs = full_candidates_of("يمنع مرور الشاحنات على الطريق الواصل بين حدادين وعزان بين الساعة الثامنة مساءً والسادسة صباحاً.");
  for (const auto& c : cs) {
    EXPECT_NE(place_of(c), "As Sat") << c.dump();
  }
  for (const char* text : {"يُحظر على المزارعين التنقل على الطريق إلى كفرنبل بعد الساعة السادسة مساءً.",
                           "حاجز الجيش عمفرق كفرنبل ما كان يخلي حدا يطلع بعد المغرب.",
                           "Вчера у Кафр-Набля проезд закрыт военными до 15:00.",
                           "Yesterday a soldier at the checkpoint near Kafr Nabl turns herders back."}) {
    const auto rs = full_candidates_of(text);
    ASSERT_EQ(rs.size(), 1u) << text;
    EXPECT_EQ(kind_of(rs[0]), "movement_restriction") << text;
  }
  cs = full_candidates_of("Yesterday shells fell near the tank at Kafr Nabl as our truck arrived. The driver turned back.");
  for (const auto& c : cs) {
    EXPECT_NE(kind_of(c), "movement_restriction") << c.dump();
  }
  // (a patrol turned back by a sit-in still is one: development diff, session 37)
  cs = full_candidates_of("Yesterday the joint patrol turned back near Kafr Nabl after residents staged a sit-in.");
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const json& c) { return kind_of(c) == "movement_restriction"; }));
  r = full_run("С 17 февраля по 10 марта 2020 года жителей не пропускали в Кафр-Набль.", 2020y / September / 14);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-02-17") << r.candidates[0].dump();
}

// An event told again as the time of another ("the day after the shelling, a drone circled",
// "بعد القصف حلقت طائرة استطلاع", "После обстрела … кружил беспилотник") is no new event; "after
// the airstrike hit X" still tells one (session 37, after the thirty-seventh set, h696).
TEST(CandidateAssembly, AnEventToldAgainAsATimeIsNoNewEvent) {
  for (const char* text : {"On Monday, the day after the shelling, a drone circled over Kafr Nabl.",
                           "بعد القصف حلقت طائرة استطلاع فوق كفرنبل أمس.", "Вчера после обстрела над Кафр-Наблем кружил беспилотник."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(kind_of(cs[0]), "uav_observation") << text;
  }
  const auto cs = full_candidates_of("Yesterday after the airstrike hit Kafr Nabl, a drone circled over Hass.");
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const json& c) { return kind_of(c) == "airstrike"; }));
}

// A claim refuted by a verdict after its colon ("… had been bombed: false.") or by a finding after
// a short clause and a semicolon ("The partner visited; no strike took place.") is no event
// (session 37, our own sentences after the thirty-seventh set, h698 and h699).
TEST(CandidateAssembly, AClaimRefutedAfterAColonOrASemicolonIsNoEvent) {
  for (const char* text : {"Rumour reported on 15 January that the Kafr Nabl health centre had been bombed: false.",
                           "Слух о том, что Кафр-Набль обстреляли ночью, — неправда.",
                           "A social-media report of 5 November told of an air strike on the hospital in Kafr Nabl. The "
                           "partner visited; no strike took place."}) {
    EXPECT_TRUE(full_candidates_of(text).empty()) << text;
  }
  // (the claim stands when more follows the colon, or when the verdict is on something else)
  EXPECT_EQ(full_candidates_of("Yesterday shells hit Kafr Nabl: two civilians were injured.").size(), 1u);
}

// "The shells came 'from the army at X'": X is where the fire came from (a holder stands for its
// position); "the 13th" takes the month of a day told up to three sentences before (session 37,
// our own sentences after the thirty-seventh set, h698).
TEST(CandidateAssembly, FireFromAHolderAtAPlaceAndADayOfTheMonthToldBefore) {
  auto cs = full_candidates_of("Shells hit Kafr Nabl yesterday; he said the shells came \"from the army at Hass\".");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
  const Result r = full_run("Monday 20 January, home visit. House closed. The nurse said one man was killed in the shelling "
                            "of Kafr Nabl on the 13th.",
                            2020y / February / 17);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-01-13") << r.candidates[0].dump();
}

// Another place set aside right after the place meant ("Kafr Nabl (not Hass, 3 km to the north):
// a drone observed over the village") is not the event's place (session 37, after h699).
TEST(CandidateAssembly, AnotherPlaceSetAsideAfterThePlaceIsNotTheEventsPlace) {
  const auto cs = full_candidates_of("Point 17, Kafr Nabl (not Hass, 3 km to the north): a drone observed over the village "
                                     "for forty minutes yesterday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
}

// "the village" of a note that named its village first is that village, and a UTC stamp's local day
// told beside it dates the note's event; English "Rabia" is Rabī‘ah (its ta marbuta's h dropped)
// (session 37, our own sentences after the thirty-seventh set, h697 and h700).
TEST(CandidateAssembly, TheVillageOfANoteAndAStampsLocalDay) {
  const Result r = full_run("A. Kafr Nabl. The herder sent an SMS at 21:20 UTC on Saturday 27 March, which was 00:20 on "
                            "Sunday 28 March local time. Shells were falling on the pens at the edge of the village.\n\nB. "
                            "Hass. Nothing to report.",
                            2021y / April / 5);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(place_of(r.candidates[0]), "Kafranbel") << r.candidates[0].dump();
  EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2021-03-28") << r.candidates[0].dump();
  const auto cs = full_candidates_of("Yesterday shells fell on the outskirts of Rabia.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Rabī‘ah") << cs[0].dump();
}

// Reviewer, session 37: the new rules' near misses. A woman named Rabia is no Rabī‘ah; fighters
// "from the rebels in X" are in X (no origin); "the source of the shelling on X" names its target;
// "After the shelling of X" / "После обстрела Кафр-Набля" tell an event; a first clause that names
// a place is no verdict on the sentence before; "another village" is no village named before; a
// Turkish ablative weekday without "beri" dates nothing; a negated death moves nobody.
TEST(CandidateAssembly, TheSessionsNearMissesStayAsTheyWere) {
  auto cs = full_candidates_of("Rabia said shells fell near her home in Kafr Nabl yesterday.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
  cs = full_candidates_of("Yesterday an airstrike hit fighters from the rebels in Kafr Nabl, killing five.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
  cs = full_candidates_of("Yesterday the source of the shelling on Kafr Nabl was not identified, but two people died.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(place_of(cs[0]), "Kafranbel") << cs[0].dump();
  for (const char* text : {"بعد القصف المدفعي على كفرنبل أمس، حلقت طائرة استطلاع فوق حاس.",
                           "Вчера после обстрела Кафр-Набля над селом кружил беспилотник."}) {
    cs = full_candidates_of(text);
    EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const json& c) { return kind_of(c) == "shelling"; })) << text;
  }
  cs = full_candidates_of("A drone struck a car in Sarmin yesterday. We checked Hass; no shelling took place.");
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const json& c) { return kind_of(c) == "airstrike"; }));
  cs = full_candidates_of("Shells hit Kafr Nabl yesterday. Two people died. In another village nearby, a drone circled over "
                          "the village mosque yesterday.");
  for (const auto& c : cs) {
    if (kind_of(c) == "uav_observation") {
      EXPECT_NE(place_of(c), "Kafranbel") << c.dump();
    }
  }
  const Result r = full_run("Cumartesiden kalan enkaz kaldırılırken Kafr Nabl yeniden bombalandı.", 2020y / May / 18);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_NE(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-05-16") << r.candidates[0].dump();
  cs = full_candidates_of("أصيب شخصان بقصف على كفرنبل أمس، ولم يعلن عن وفاة أحدهما.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].value("injured", 0), 2) << cs[0].dump();
}

// Levantine "ما" negates the trigger right after it, or after "في", "كان", a verb of seeing
// ("ما في قصف", "الطيارة ما ضربت", "ما شفنا طيارة استطلاع"); the relative "ما" after a
// demonstrative or a preposition does not ("هذا ما حدث … من قصف", "بعد ما قصفوا"). Thirty-seventh
// held-out set's open item; our own sentences.
TEST(CandidateQuality, LevantineMaNegatesTheTriggerAfterIt) {
  for (const char* text : {"اليوم ما قصفوا كفرنبل.", "الطيارة ما ضربت سراقب.", "ما في قصف على معرة النعمان.",
                           "ما كان في اشتباكات بكفرنبل.", "اليوم ما شفنا طيارة استطلاع فوق كفرنبل.",
                           "وما حلقت طائرة مسيرة فوق سراقب."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
  for (const char* text : {"هذا ما حدث في كفرسجنة من قصف أمس.", "بعد ما قصفوا خان شيخون نزحت العائلات.",
                           "اليوم قصفوا كفرنبل."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_EQ(cs.size(), 1u) << text << json(cs).dump();
  }
}

// A drone's overflight told by the noun ("بسبب تحليق طائرة مسيّرة مجهولة فوق القرية", with an
// adjective between the drone and "فوق") is a drone observation; a school named by its village
// ("مدرسة أم جرين", "مدرسة تل الوز") places it, a school's own name does not. Thirty-eighth held-out
// set (a payroll sheet's notes); our own sentences.
TEST(CandidateQuality, ADroneOverflightNounAndASchoolNamedByItsVillage) {
  {
    const auto cs = full_candidates_of("مدرسة تل الوز: توقف الدوام ساعتين بسبب تحليق طائرة مسيّرة مجهولة فوق القرية.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "uav_observation");
    EXPECT_EQ(place_of(cs[0]), "Tall al Wazz");
  }
  {
    const auto cs = full_candidates_of("سقطت قذيفة قرب مدرسة أم جرين صباح الأحد.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Umm Jurayn");
  }
  for (const char* text : {"سقطت قذيفة قرب مدرسة خالد بن الوليد صباح الأحد.", "قصفت الطائرات مدرسة الأمل صباح الأحد."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "") << text;
  }
}

// A log line's place head ("الاتنين ١٦/١٢: قصر الأبيض: …"), read by the supplement after the
// line's day, places the line's later sentences ("نزلو صواريخ عالطرف الغربي": rockets fell on the west edge),
// not the place the sentence before names in passing ("من جهة سنجار"). Thirty-eighth held-out set
// (a milk collector's notebook); our own sentences. Qasr al Abyad 35.50553, 37.01223 (localities.tsv).
TEST(CandidatePlaces, ALogLinesPlaceHeadPlacesItsLaterSentences) {
  const auto cs = full_candidates_of(
      "الاتنين ١٦/١٢: قصر الأبيض: الجيش نازل بالمدرسة من الصبح، وحاطّين سيارات عمدخل الضيعة من جهة سنجار. نزلو "
      "صواريخ عالطرف الغربي.\nالتلاتا ١٧/١٢: رملة ١٩٥ – نباز الشمالي ١٣٠.\n");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "shelling");
  EXPECT_EQ(place_of(cs[0]), "Qasr al Abyad");
  EXPECT_NEAR(cs[0]["lat"].get<double>(), 35.50553, 1e-5);
  // (not a clause after the day, "غارتان للطيران …", a sniping, a chat's or a radio log's sender)
  for (const char* text : {"الجمعة ١٥ شباط: غارتان للطيران الحربي الروسي على أطراف بلدة حصرايا.",
                           "- الأحد ٢٤/١١: قنص على الطريق الواصل بين عندان وحيان.",
                           "19/12/2019, 21:47 - أبو أحمد (المجلس): يا جماعة الطيران الروسي ضرب هلأ غارتين بتلمنس.",
                           "\xF0\x9F\x93\xBB ٨:٣١ – سلمى، بنت أبو سليم: القصف شغال على سراقب."}) {
    const Result r = full_run(text);
    for (const auto& p : r.mentions["places"]) {
      const std::string t = p["text"].get<std::string>();
      EXPECT_TRUE(t != "غارتان" && t != "قنص" && t != "أبو أحمد" && t != "سلمى") << text << " " << p.dump();
    }
  }
}

// Checkpoints that close a road, let in only some, or hold people, in each language (thirty-eighth
// held-out set: nine such events were no candidate); the Turkish verb's own negation
// ("geçirmiyor") is the restriction, not a denial of it. Our own sentences.
TEST(CandidateQuality, CheckpointsThatCloseLetInOnlyOrHold) {
  for (const auto& [text, pub] : std::vector<std::pair<std::string, year_month_day>>{
           {"Since Sunday 9 June an army checkpoint on the road up to Saraqib has closed it to civilians after 18:00.",
            2019y / June / 20},
           {"Since Monday 1 March an army checkpoint at the entrance of Saraqib lets in only residents with a paper.",
            2021y / March / 15},
           {"Since Monday 24 June the army roadblock at the Saraqib turn-off has not let vehicles into the village.",
            2019y / June / 28},
           {"С 6 июля военный пост сирийской армии на выезде из Саракиба не пропускает грузовой транспорт.",
            2020y / July / 20},
           {"С 15 ноября сирийское командование закрыло для гражданского транспорта блокпост у Саракиба.",
            2020y / November / 20},
           {"Дорогу от Саракиба сирийцы закрыли для всех, кроме своих колонн.", 2020y / November / 20},
           {"Dün akşamdan beri Serakib'in girişindeki kontrol noktası araçları geçirmiyor.", 2021y / March / 24},
           {"Araç, Serakib'deki kontrol noktasında 18 Mart'tan 20 Mart'a kadar tutuldu.", 2021y / March / 24}}) {
    const auto cs = full_run(text.c_str(), pub).candidates;
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "movement_restriction") << text;
    EXPECT_EQ(place_of(cs[0]), "Sar\xC4\x81qib") << text;
  }
  // (the army's roadblock is the army's)
  const auto army = full_run("Since Monday 24 June the army roadblock at the Saraqib turn-off has not let vehicles in.",
                             2019y / June / 28).candidates;
  ASSERT_EQ(army.size(), 1u);
  EXPECT_EQ(actor_id_of(army[0]), "syria");
  // (a checkpoint that did not hold anyone is none: "was not held")
  EXPECT_TRUE(full_run("The bus was not stopped at the Saraqib checkpoint.", 2021y / March / 24).candidates.empty());
}

// The Syrian side named by its soldiers, its area command, Levantine
// "العساكر": the forces of the one
// state the text points to (thirty-eighth held-out set: sixteen such actor phrases unread). Not
// "Russian soldiers" (the demonym's), nor "two soldiers" (a count).
TEST(CandidateQuality, SoldiersCommandsAndAirDefencesAreTheStatesForces) {
  auto ids = [](const Result& r) {
    std::map<std::string, std::string> out;
    for (const auto& a : r.mentions["actors"]) out[a["text"].get<std::string>()] = a["id"].is_string() ? a["id"].get<std::string>() : "";
    return out;
  };
  const auto en = ids(full_run("Soldiers at the edge of Saraqib fired at the drone. Troops shelled Kafranbel.",
                               2020y / February / 20));
  EXPECT_EQ(en.at("Soldiers"), "syria");
  EXPECT_EQ(en.at("Troops"), "syria");
  const auto ar = ids(full_run("العساكر اللي عالحاجز قالو إنو الضرب على سراقب. أطلقت المجموعات المسلحة صواريخ على سراقب بحسب "
                               "قيادة المنطقة.",
                               2020y / February / 20));
  EXPECT_EQ(ar.at("العساكر"), "syria");
  EXPECT_EQ(ar.at("قيادة المنطقة"), "syria");
  const auto ru = ids(full_run("Two soldiers were killed in Saraqib. Russian soldiers patrolled Kafranbel.", 2020y / February / 20));
  EXPECT_EQ(ru.count("soldiers"), 0u);
  EXPECT_EQ(ru.at("Russian soldiers"), "russia");
}

// Turkish spellings of the armed groups' names ("Feylak eş-Şam'a bağlı kontrol noktası"; thirty-eighth
// held-out set: "eş-Şam" was read as Damascus).
TEST(CandidateQuality, TurkishSpellingsOfTheGroupsNames) {
  const auto cs = full_run("Araç, Serakib'deki Feylak eş-Şam'a bağlı kontrol noktasında 18 Mart'tan 20 Mart'a kadar tutuldu.",
                           2021y / March / 25).candidates;
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(actor_id_of(cs[0]), "faylaq-al-sham");
  EXPECT_EQ(place_of(cs[0]), "Sar\xC4\x81qib");
}

// The reviewer's session-38 findings, cut back: a price list's and a timetable's words after a
// day are no villages by their letters or key ("تفاح ٣٥٠", "الفطور:", a speaker "أبو أحمد:");
// Levantine "ما عاد في", "ما بقى في" negate; "ما قصفوا إلا …" (only) and "يا ما قصفوا" (how
// often) do not; "ما خلّوني فوت" alone is no restriction; a market closed "для всех" is none;
// "تصاوب تلات" counts three injured.
TEST(CandidateQuality, ReviewerSession38LogWordsLevantineNegationAndClosures) {
  for (const char* text : {"الأحد ١٥/١٢: خيار ٣٠٠ – كوسا ٢٥٠ – تفاح ٣٥٠ – موز ٦٠٠. غارة على السوق.",
                           "الاتنين ١٦/١٢: الفطور: فول – الغدا: برغل. قصف على البلدة.",
                           "الأحد ١٥/١٢: أبو أحمد: قصفوا الحارة الشرقية وانصاب ولد."}) {
    const auto cs = full_run(text, 2019y / December / 20).candidates;
    for (const auto& c : cs) EXPECT_EQ(place_of(c), "") << text << c.dump();
  }
  for (const char* text : {"ما عاد في قصف على سراقب من يومين.", "ما بقى في قصف على سراقب.",
                           "ما خلّوني فوت عالامتحان بسراقب لأني تأخرت."})
    EXPECT_TRUE(full_run(text, 2019y / December / 20).candidates.empty()) << text;
  for (const char* text : {"ما قصفوا إلا المدارس في كفرنبل.", "يا ما قصفوا كفرنبل."})
    EXPECT_EQ(full_run(text, 2019y / December / 20).candidates.size(), 1u) << text;
  EXPECT_TRUE(full_run("Рынок в Сармаде закрыли для всех из-за эпидемии, сообщил глава совета.", 2020y / May / 1)
                  .candidates.empty());
  const auto hurt = full_run("تصاوب تلات شباب بالقصف على أريحا.", 2019y / December / 20).candidates;
  ASSERT_EQ(hurt.size(), 1u);
  EXPECT_EQ(hurt[0].value("injured", 0), 3);
}

// A trigger negated and the same kind told again after a "but" or a comma ("ما كان في قصف على
// حاس بس قصفوا كفرنبل", "No shelling hit Hass, but the army shelled Kafr Nabl") are two
// events: the second, not negated, is a shelling of its own; both negated stay one statement
// (session 38's open item; our own sentences).
TEST(CandidateQuality, AnEventAfterANegatedOneOfTheSameKindIsKept) {
  for (const char* text : {"ما كان في قصف على حاس بس قصفوا كفرنبل.", "ما في قصف على حاس، الجيش قصف كفرنبل.",
                           "لم يسجل أي قصف على حاس لكن قصفوا كفرنبل.", "لم يسجل أي قصف على حاس، لكن قصفت قوات النظام كفرنبل.",
                           "There was no shelling of Has, but the army shelled Kafr Nabl.",
                           "Обстрелов Хаса не было, но армия обстреляла Кафр-Набль."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "shelling") << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
  }
  for (const char* text : {"ما كان في قصف ولا قصف مدفعي على كفرنبل.", "No shelling and no artillery fire hit Kafr Nabl."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
}

// Thirty-ninth held-out set's missed events, told in our own sentences: drones brought down, come
// down or following a car, a Turkish "İHA gözlendi"; checkpoints that "let no car through", a
// track or a road "closed", "армейский пост на дороге X — Y … не пропускал", "Пост сирийской
// армии … не пропускает", "yolu … kapalı tuttu", "3 saat bekletilmiş", a curfew "حظر تجوّل".
// Levantine "مو" negates ("كان رصاص عرس، مو اشتباك"); "القريتين" (the two villages) is no place.
TEST(CandidateQuality, DronesDownedAndCheckpointsThatLetNoCarThrough) {
  const std::vector<std::pair<const char*, const char*>> cases{
      {"One drone was brought down in the orchards below Kafr Nabl.", "uav_observation"},
      {"In the afternoon a small drone came down in a tomato terrace at Kafr Nabl.", "uav_observation"},
      {"On the road to Kafr Nabl a small drone followed the car for ten minutes.", "uav_observation"},
      {"Saat 14.20 ile 14.45 arasında Kafranbel üzerinde kimliği belirlenemeyen bir İHA gözlendi.", "uav_observation"},
      {"Since this evening the army checkpoint at the western exit of Kafr Nabl lets no car through.",
       "movement_restriction"},
      {"Since this morning the army has closed the track from our village up to Kafr Nabl.", "movement_restriction"},
      {"Утром армейский пост на дороге Джувейз — Кафр-Набль не пропускал гражданский транспорт.", "movement_restriction"},
      {"Пост сирийской армии на дороге к Кафр-Наблю не пропускает машины.", "movement_restriction"},
      {"Kafranbel mevkiinde rejim unsurları yolu sabahtan akşama kadar kapalı tuttu.", "movement_restriction"},
      {"Aracımız Kafranbel yolunda güvenlik güçlerince yaklaşık 3 saat bekletilmiş.", "movement_restriction"},
      {"وفرضت الشرطة العسكرية حظر تجوّل في كفرنبل من المغرب حتى الفجر.", "movement_restriction"}};
  for (const auto& [text, kind] : cases) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), kind) << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
  }
  for (const char* text : {"الضرب اللي سمعناه بكفرنبل كان رصاص عرس، مو اشتباك.", "هاد من صواريخ الاتنين، مو قصف جديد على كفرنبل."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
  const auto r = full_run("حلّقت طائرة مسيّرة فوق القريتين صباح اليوم.", 2020y / December / 2);
  for (const auto& p : r.mentions["places"]) {
    EXPECT_FALSE(p["name"].is_string() && p["name"] == "Al Qaryatayn") << p.dump();
  }
}

// Turkish "boşaltma" is a post's evacuation only with the post or position named ("gözlem
// noktasını boşaltmaya başladı"); alone it is also unloading ("Kafranbel'e vardık, boşaltma
// başladı": aid unloaded; thirty-ninth held-out set; our own sentences).
TEST(CandidateQuality, TurkishUnloadingIsNoWithdrawal) {
  for (const auto& c : full_candidates_of("Kafranbel'e vardık, boşaltma başladı.")) {
    EXPECT_NE(kind_of(c), "withdrawal") << c.dump();
  }
  const auto cs = full_candidates_of("Türk Silahlı Kuvvetleri Kafranbel'deki gözlem noktasını boşaltmaya başladı.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "withdrawal");
}

// The reviewer's findings on session 39's rules (our own sentences): a Turkish verb negated by its
// suffix ("Saraqib bombalanmadı ama Kafr Nabl bombalandı"); a curfew lifted ("رفع حظر التجول");
// Levantine "مش عم يقصفوا"; "closed the shop near the road"; "Yolcular gözlerini kapalı tuttu".
TEST(CandidateQuality, ReviewerFindingsOnSessionThirtyNinesRules) {
  {
    const auto cs = full_candidates_of("Sarmin bombalanmadı ama Kafranbel bombalandı.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Kafranbel");
  }
  for (const char* text : {"Sarmin bombalanmadı.", "Kafranbel'e bombardıman yapılmadı.", "رفع حظر التجول عن كفرنبل اليوم.",
                           "مش عم يقصفوا كفرنبل اليوم.", "The owner closed the shop near the road in Kafr Nabl.",
                           "Yolcular gözlerini kapalı tuttu, Kafranbel yolu açıktı."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
}

// The curfew's other spellings ("حظر التجوال", "منع التجول"), its claimant ended by the verbal
// noun ("أعلن المجلس منع التجول": the council, not "المجلس منع التجول") and lifted ("رفع منع
// التجول"); a Turkish drone brought down ("bir İHA düşürüldü", "İHA'yı düşürdü"). Session 39's
// open items, our own sentences.
TEST(CandidateQuality, CurfewSpellingsAndTurkishDronesBroughtDown) {
  for (const char* text : {"فرضت القوات حظر التجوال في كفرنبل يوم الاثنين.", "أعلن المجلس المحلي منع التجول في كفرنبل اليوم.",
                           "Dün Kafranbel üzerinde bir İHA düşürüldü.", "Hava savunması dün Kafranbel üzerinde bir İHA'yı düşürdü."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), text[0] == 'D' || text[0] == 'H' ? "uav_observation" : "movement_restriction") << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
  }
  const auto council = full_candidates_of("أعلن المجلس المحلي منع التجول في كفرنبل اليوم.");
  ASSERT_EQ(council.size(), 1u);
  EXPECT_EQ(council[0].value("claimed_by", std::string()), "المجلس المحلي") << council[0].dump();
  for (const char* text : {"رفع منع التجول عن كفرنبل اليوم.", "إلغاء حظر التجوال في كفرنبل صباح اليوم."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
}

// "not X but Y" (session 39's open item; our own sentences): the negation falls on a place the
// contrast corrects, and the event stands at the corrected place — "did not hit Sarmin but Kafr
// Nabl", "упали не в Сармине, а в Кафр-Набле", "لم تسقط القذائف على سرمين بل على كفرنبل". Not
// when a verb of its own follows the contrast ("but fell on open ground"; "بل قصفوا كفرنبل" is
// that verb's event), nor when the name opens a clause of its own ("but Kafr Nabl residents
// were afraid").
TEST(CandidateQuality, NotThisPlaceButThatOne) {
  for (const char* text : {"The shells did not hit Sarmin but Kafr Nabl.", "The shells hit not Sarmin but Kafr Nabl.",
                           "Снаряды упали не в Сармине, а в Кафр-Набле.", "لم تسقط القذائف على سرمين بل على كفرنبل."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
  }
  for (const char* text : {"The shells did not hit Sarmin but fell on open ground.",
                           "No shelling was reported in Sarmin but Kafr Nabl residents were afraid."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
  // (no contrast within eight words: the negation stands; development diff, session 40)
  EXPECT_TRUE(full_candidates_of("طائرات الاستطلاع لم تغادر أجواء كفرنبل طوال الليلة الماضية، والأهالي يخشون حملة جديدة على قرى الجبل.")
                  .empty());
  const auto two = full_candidates_of("لم يقصفوا سرمين بل قصفوا كفرنبل.");
  ASSERT_EQ(two.size(), 1u) << json(two).dump();
  EXPECT_EQ(place_of(two[0]), "Kafranbel");
}

// A chat export's sender between the line's stamp and a colon is a person, not a place ("16/12
// 10:32 - Rami: …" was an unresolved place, "Abu Ahmad" the village Abu Hamad; session 39's open
// item, our own lines). A log's place head of that shape, a name the gazetteer knows exactly,
// stays a place ("21:47 - Kafr Nabl: …").
TEST(CandidateQuality, AChatSenderIsNoPlace) {
  const auto r = full_run("16/12 10:32 - Rami: the army shelled Kafr Nabl this morning.\n"
                          "16/12 10:40 - Abu Ahmad: yes, we heard it from here.\n"
                          "[16/12 10:45] Abu Ahmad: still quiet now.",
                          2019y / December / 17);
  for (const auto& p : r.mentions["places"]) {
    EXPECT_NE(p.value("text", std::string()), "Rami") << p.dump();
    EXPECT_NE(p.value("text", std::string()), "Abu Ahmad") << p.dump();
  }
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(place_of(r.candidates[0]), "Kafranbel");
  // (a clock alone heads a log's place, however loosely spelt: "Qubtan al-Jabal", a key match;
  // development diff, session 40)
  const auto log = full_run("10:45 - Qubtan al-Jabal: Grad rockets hit the village.\n11:20 - Kafr Nabl: two shells fell.",
                            2019y / December / 17);
  ASSERT_EQ(log.candidates.size(), 2u) << json(log.candidates).dump();
  EXPECT_EQ(place_of(log.candidates[0]), "Qabtan al Jabal");
  EXPECT_EQ(place_of(log.candidates[1]), "Kafranbel");
}

// Two events in clauses joined by ", but" ("لكن", ", но") each take their own clause's figures,
// actor and place: "Shelling killed two people in Sarmin, but in Kafr Nabl five were wounded by
// an airstrike" gave both events both figures (session 39's open item; our own sentences).
TEST(CandidateQuality, EventsJoinedByButKeepTheirOwnFigures) {
  const auto cs = full_candidates_of("Shelling killed two people in Sarmin, but in Kafr Nabl five were wounded by an airstrike.");
  ASSERT_EQ(cs.size(), 2u) << json(cs).dump();
  for (const auto& c : cs) {
    if (kind_of(c) == "shelling") {
      EXPECT_EQ(place_of(c), "Sarmīn");
      EXPECT_EQ(c["fatalities"], 2) << c.dump();
      EXPECT_FALSE(c.contains("injured")) << c.dump();
    } else {
      EXPECT_EQ(kind_of(c), "airstrike");
      EXPECT_EQ(place_of(c), "Kafranbel");
      EXPECT_EQ(c["injured"], 5) << c.dump();
      EXPECT_FALSE(c.contains("fatalities")) << c.dump();
    }
  }
  const auto ar = full_candidates_of("قصفت قوات النظام سرمين وقتل شخصان، لكن في كفرنبل وقعت غارة جوية.");
  ASSERT_EQ(ar.size(), 2u) << json(ar).dump();
  for (const auto& c : ar) {
    if (kind_of(c) == "airstrike") {
      EXPECT_FALSE(c.contains("fatalities")) << c.dump();
      EXPECT_NE(c.value("actor", std::string()), "syria") << c.dump();
    }
  }
}

// A denial does not reach past a contrast: "The army denied shelling Sarmin on Monday, but
// residents said its guns shelled Kafr Nabl that night" tells a shelling at Kafr Nabl claimed by
// the residents, not by the army that denies (session 39's open item; our own sentences). The
// denied event itself stays denied.
TEST(CandidateQuality, ADenialEndsAtAContrast) {
  const auto cs = full_candidates_of(
      "The army denied shelling Sarmin on Monday, but residents said its guns shelled Kafr Nabl that night.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(place_of(cs[0]), "Kafranbel");
  EXPECT_EQ(cs[0].value("claimed_by", std::string()), "residents") << cs[0].dump();
  EXPECT_TRUE(full_candidates_of("The army denied shelling Sarmin on Monday and Kafr Nabl on Tuesday.").empty());
}

// Fortieth held-out set's missed events, told in our own sentences: a road closed that is named
// by its two ends ("closed the Kafr Nabl - Hass road"), Levantine "سكّرت طريق …", a Turkish "İHA
// dönmüş", a drone "без огней" (without lights: no negation). "closed the shop near the road"
// stays no event.
TEST(CandidateQuality, RoadsClosedByTheirEndsAndDronesWithoutLights) {
  const std::vector<std::pair<const char*, const char*>> cases{
      {"The military police closed the Kafr Nabl - Hass road that afternoon.", "movement_restriction"},
      {"الشرطة العسكرية سكّرت طريق كفرنبل – حاس من الصبح.", "movement_restriction"},
      {"Dün gece Kafranbel üstünde saatlerce İHA dönmüş.", "uav_observation"},
      {"Вчера около 22:00 над Кафр-Наблем минут сорок кружил беспилотник без огней.", "uav_observation"}};
  for (const auto& [text, kind] : cases) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), kind) << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
  }
  EXPECT_TRUE(full_candidates_of("The owner closed the shop near the road in Kafr Nabl.").empty());
  EXPECT_TRUE(full_candidates_of("Над Кафр-Наблем беспилотник не кружил.").empty());
}

// A Turkish report called false with its noun bare ("… diye paylaşılan haber yanlıştır", "Bu
// iddia asılsızdır"): the event it tells is denied (fortieth held-out set; our own sentences).
TEST(CandidateQuality, TurkishReportsCalledFalse) {
  EXPECT_TRUE(full_candidates_of("Sosyal medyada 'Kafranbel'e roket düştü' diye paylaşılan 2 Ekim tarihli haber yanlıştır: yangın "
                                 "anız yakmaktan çıkmıştır.")
                  .empty());
  const auto cs = full_candidates_of("Bazı sitelerde 5 Ekim'de Kafranbel'e hava saldırısı düzenlendiği iddia edilmiştir. Bu iddia "
                                     "asılsızdır.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_TRUE(says(cs[0], "denied")) << cs[0].dump();
}

// Russian "солдаты" with no demonym are the forces of the one state the text points to, as
// "военные" are: "на дороге … стоят солдаты и никого не пускают" (fortieth held-out set; our own
// sentence); "Турецкие солдаты" stay Turkey's.
TEST(CandidateQuality, RussianSoldiersWithNoDemonym) {
  const auto cs = full_candidates_of("Уже неделю на дороге в Кафр-Набль стоят солдаты и никого не пускают.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(actor_id_of(cs[0]), "syria") << cs[0].dump();
  const auto tr = full_candidates_of("Турецкие солдаты обстреляли Кафр-Набль.");
  ASSERT_EQ(tr.size(), 1u) << json(tr).dump();
  EXPECT_EQ(actor_id_of(tr[0]), "turkish-armed-forces");
}

// An unexploded shell is ordnance left behind, not a shelling: "плановый подрыв сапёрами
// неразорвавшегося снаряда …, не обстрел" (fortieth held-out set), "found an unexploded shell";
// when it hurts someone, the harm is the event (our own sentences).
TEST(CandidateQuality, AnUnexplodedShellIsNoShelling) {
  for (const char* text : {"Ред.: это плановый подрыв сапёрами неразорвавшегося снаряда у Кафр-Набля, не обстрел.",
                           "A farmer found an unexploded shell near Kafr Nabl and called the civil defence."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
  const auto cs = full_candidates_of("An unexploded shell went off under a plough near Kafr Nabl, wounding a farmer.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "civilian_harm");
}

// One place per name in a text: a name left ambiguous among its namesakes that the text read
// earlier as one of them is that one again (fortieth held-out set, h759's "Al-Maydan"; our own
// text: the Idlib Al Maydan by Killi, not the one near Afrin named in the later paragraph).
TEST(CandidateQuality, ANameReadBeforeIsTheSamePlaceAgain) {
  const auto r = full_run("On Monday an air strike hit a house in Al-Maydan near Killi. The family was not at home. Windows "
                          "broke in two streets. Farmers stayed away from the fields.\n\nOn Wednesday a convoy from Afrin "
                          "was stopped at a checkpoint in Al-Maydan.",
                          2020y / November / 26);
  std::vector<json> maydan;
  for (const auto& p : r.mentions["places"])
    if (p.value("text", std::string()) == "Al-Maydan") maydan.push_back(p);
  ASSERT_EQ(maydan.size(), 2u) << r.mentions["places"].dump();
  ASSERT_EQ(maydan[0]["kind"], "point");
  EXPECT_EQ(maydan[1]["kind"], "point") << maydan[1].dump();
  EXPECT_EQ(maydan[1]["lat"], maydan[0]["lat"]);
  EXPECT_NE(maydan[1].value("reason", std::string()).find("read for 'Al-Maydan' before"), std::string::npos);
}

// A rumour told ("في إشاعة ماشية إنو الروس سكّرو طريق …", "Rumours that the army closed …",
// "Ходят слухи, что …") is no event; "Despite the rumours, the army shelled …" still is. A
// presence "без изменений" (unchanged) is no sighting-like exception to negation. Development diff
// of session 40; our own sentences.
TEST(CandidateQuality, RumoursAreNoEvents) {
  for (const char* text : {"الضهر: في إشاعة ماشية إنو الروس سكّرو طريق كفرنبل – حاس.",
                           "Rumours that the army closed the Kafr Nabl road on Monday spread quickly.",
                           "Ходят слухи, что армия обстреляла Кафр-Набль.",
                           "Описание ситуации в Кафр-Набле остаётся без изменений."}) {
    const auto cs = full_candidates_of(text);
    EXPECT_TRUE(cs.empty()) << text << json(cs).dump();
  }
  const auto cs = full_candidates_of("Despite the rumours, the army shelled Kafr Nabl on Monday.");
  ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
  EXPECT_EQ(kind_of(cs[0]), "shelling");
}

// Drones told with a verb far after them in Turkish ("bir İHA'nın Kafranbel köyü üzerinde yaklaşık
// yarım saat uçtuğu") or with "гудел" (fortieth held-out set; our own sentences); a plane that flew
// to Istanbul is none.
TEST(CandidateQuality, DronesFlyingTurkishAndHummingRussian) {
  for (const char* text : {"8 Ekim'de kimliği belirlenemeyen bir İHA'nın Kafranbel köyü üzerinde yaklaşık yarım saat uçtuğu "
                           "bildirildi.",
                           "Вечером над Кафр-Наблем долго гудел беспилотник."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "uav_observation") << text;
  }
  EXPECT_TRUE(full_candidates_of("Uçak Kafranbel'den kalkıp İstanbul'a uçmuş.").empty());
}

// The reviewer's findings on session 40's rules (our own sentences).
TEST(CandidateQuality, ReviewerFindingsOnSessionFortysRules) {
  // (the corrected place with a time after it or a part before it; "not only … but" is no negation)
  for (const char* text : {"Regime artillery hit not Sarmin but Kafr Nabl on Monday.",
                           "The shells did not hit Sarmin but the outskirts of Kafr Nabl.",
                           "Снаряды упали не в Сармине, а в Кафр-Набле в понедельник утром."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
  }
  // (and "not only X but Y" is the event at both: session 41)
  for (const char* text : {"Regime forces shelled not only Kafr Nabl but Sarmin.", "Артиллерия обстреляла не только Кафр-Набль, но и Сармин.",
                           "Regime forces shelled not only Kafr Nabl, but also Sarmin."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 2u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[1]), "Sarmīn") << text;
  }
  // (a contrast that corrects the actor leaves the place: "not the army … but HTS")
  {
    const auto cs = full_candidates_of("It was not the army that shelled Kafr Nabl but Hayat Tahrir al-Sham.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Kafranbel");
  }
  // (two sides in contrast are two events; the shelling referred back is one)
  EXPECT_EQ(full_candidates_of("Regime forces shelled Sarmin, but HTS fighters shelled Kafr Nabl.").size(), 2u);
  EXPECT_EQ(full_candidates_of("Regime forces shelled Kafr Nabl, but the shelling caused no casualties.").size(), 1u);
  // (a second denial past the contrast stays a denial; "not unfounded" confirms)
  EXPECT_TRUE(full_candidates_of("Russia denied bombing Sarmin, but Turkey denied shelling Kafr Nabl too.").empty());
  EXPECT_EQ(full_candidates_of("Rejim güçleri Kafranbel'i bombaladı. Beyaz Baretler bu iddiaların asılsız olmadığını söyledi.").size(), 1u);
  // (a chat sender read by a neighbour is still a sender; a verb-first Levantine closure)
  {
    const auto r = full_run("16/12 10:32 - Rami: shelling on Kafr Nabl now\n16/12 10:40 - Omar: shelling on Ariha too",
                            2019y / December / 20);
    for (const auto& p : r.mentions["places"]) {
      EXPECT_NE(p.value("text", std::string()), "Rami") << p.dump();
    }
  }
  {
    const auto cs = full_candidates_of("سكّرت الهيئة طريق كفرنبل حاس.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "movement_restriction");
  }
}

TEST(CandidateQuality, BansPairedAcrossTheirClauseAndFireAtEachOther) {
  // A noun of passage and a ban or closing verb in one clause, a clock's colon between them no
  // boundary; a checkpoint that checks documents or lets through by passes only.
  for (const char* text : {"Движение гражданского транспорта по дороге Мхарда – Сукайлабия с 20:00 до 05:00 запрещено.",
                           "Kafr Nabl ile Maarrat Harmah arasındaki yol, dün geceden beri askerî inzibat kontrol noktası yüzünden kapalı.",
                           "Civilian traffic on the Sarmin road was banned for the whole night.",
                           "У въезда в Мискан армейский пост: туристов пропускают с 9:00 до 16:00.",
                           "Soldiers at the Kafr Nabl checkpoint were checking documents of every driver."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "movement_restriction") << text;
  }
  // (not negated, not a road's bystanders, nor a ban in another clause)
  for (const char* text : {"Движение по дороге Мхарда – Сукайлабия не запрещено.",
                           "Yolcular Kafranbel'de gözlerini kapalı tuttu.",
                           "Traffic on the Sarmin road was heavy, and smoking was banned in the bus.",
                           "Entry to the Kafr Nabl market is free."}) {
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  }
  // Fire exchanged; a building damaged by rockets or a mine; a rocket that fell (Turkish participle).
  EXPECT_EQ(kind_of(full_candidates_of("On Sunday night two armed groups fired at each other in Sarmada.").at(0)), "armed_clash");
  // Fire at a drone is the drone seen; a drone that fired, a strike.
  for (const char* text : {"Near Sarmin the air-defence guns fired for several minutes at a drone on Monday.",
                           "الدفاع الجوي ضرب فوقنا ع طيارات مسيرة فوق سراقب مبارح."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "uav_observation") << text;
  }
  EXPECT_EQ(kind_of(full_candidates_of("A drone fired at a car near Sarmin on Monday.").at(0)), "airstrike");
  for (const char* text : {"Склад в Сармине повреждён ракетами в ночь на 8 октября.",
                           "Двор кафе в Кафр-Набле пострадал от мины 7 октября.",
                           "7 Ekim gecesi Sarmin'e düşen bir roketin basıncıyla camlar kırıldı."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "shelling") << text;
  }
}

TEST(PlaceQuality, AFacilityNamedByItsVillage) {
  // "the X field office", "the X camp clinic": the village the supplement alone knows is found;
  // a demonym before a facility noun is no place, nor is a capitalised word nothing spells.
  for (const char* text : {"Prepared by the Sarmada field office on Monday.", "Staff of the Atmeh camp clinic said so."}) {
    const auto r = full_run(text, 2020y / November / 26);
    ASSERT_EQ(r.mentions["places"].size(), 1u) << text << r.mentions["places"].dump();
    EXPECT_TRUE(r.mentions["places"][0]["lat"].is_number()) << text;
  }
  // Levantine "ع" written apart, "عند", "جنب" before a name the gazetteer spells; not before words.
  {
    const auto cs = full_candidates_of("نزلت قذيفة ع سراقب مبارح.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Sarāqib");
  }
  for (const char* text : {"نزلت قذيفة ع البيت وع الطريق عند الساعة ٥ مبارح.", "رحنا ع السوق جنب الجامع."}) {
    const auto r = full_run(text, 2018y / October / 9);
    EXPECT_TRUE(r.mentions["places"].empty()) << text << r.mentions["places"].dump();
  }
  // An office, a branch, a warehouse in a province seat: the city (an address), not the province.
  for (const char* text : {"Передал: офис компании в Хаме.", "إلى: السيد قائد فوج الإطفاء في اللاذقية",
                           "Груз отправлен со склада в Латакии."}) {
    const auto r = full_run(text, 2020y / June / 20);
    ASSERT_EQ(r.mentions["places"].size(), 1u) << text << r.mentions["places"].dump();
    EXPECT_EQ(r.mentions["places"][0].value("kind", std::string()), "point") << text;
  }
  {
    const auto r = full_run("Regime forces shelled villages in Hama, the office said.", 2020y / June / 20);
    ASSERT_EQ(r.mentions["places"].size(), 1u) << r.mentions["places"].dump();
    EXPECT_EQ(r.mentions["places"][0].value("kind", std::string()), "region");
  }
  for (const char* text : {"The Turkish observation post was quiet.", "The Zaytoun Bakery office was closed."}) {
    const auto r = full_run(text, 2020y / November / 26);
    EXPECT_TRUE(r.mentions["places"].empty()) << text << r.mentions["places"].dump();
  }
}

TEST(CandidateQuality, AnEventPastAContrastAfterADenialHasItsOwnClaimantAndNoDenier) {
  // The claimant said in the contrast's clause (Russian "сказали", Arabic subject-first "قالوا");
  // the party that denied is no actor of what the others tell.
  for (const auto& [text, by] : std::vector<std::pair<const char*, const char*>>{
           {"The army denied shelling Sarmin, but residents said shells fell on Kafr Nabl yesterday.", "residents"},
           {"Армия отрицает обстрел Сармина, но жители сказали, что снаряды упали на Кафр-Набль вчера.", "жители"},
           {"نفى الجيش قصف سراقب، لكن الأهالي قالوا إن قذائف سقطت على كفرنبل أمس.", "الأهالي"}}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
    EXPECT_TRUE(actor_id_of(cs[0]).empty()) << text << cs[0].dump();
    EXPECT_EQ(cs[0].value("claimed_by", std::string()), by) << text;
  }
  // (a denial stops at a semicolon; a second denial past it stays one; "the shelling" refers back)
  {
    const auto cs = full_candidates_of("The army denied shelling Sarmin; shells hit Kafr Nabl yesterday, residents said.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Kafranbel");
  }
  EXPECT_TRUE(full_candidates_of("Russia denied bombing Sarmin; Turkey denied shelling Kafr Nabl.").empty());
  EXPECT_EQ(full_candidates_of("Regime forces shelled Sarmin yesterday; the shelling killed two.").size(), 1u);
  // (Turkish "Rejim" opening a sentence is the regime, no village Ar Rujm)
  {
    const auto r = full_run("Rejim topçusu dün Kafranbel'i dövdü.", 2020y / June / 20);
    ASSERT_EQ(r.mentions["places"].size(), 1u) << r.mentions["places"].dump();
  }
  // (the actor the contrast's clause names is kept: "regime guns", a force noun)
  {
    const auto cs = full_candidates_of("The army denied shelling Sarmin, but residents said regime guns shelled Kafr Nabl yesterday.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "syria");
  }
}

TEST(PlaceQuality, AListMemberDroppedAfterAnOverheadCueDoesNotCrash) {
  // A located village, then "فوق X وY" where the list's member is placed by no list position:
  // the supplement's try near the list's village was left set with no village (a null pointer
  // read; forty-first held-out set, h781, crashed at 2f4d85c).
  const auto r = full_run("وصلنا إلى ربيعة. فوق حبشكى والمحمودية الثلاثاء", 2019y / December / 16);
  EXPECT_FALSE(r.mentions["places"].empty()) << r.mentions.dump();
}

// Every held-out text of every set (data/eval/extract/heldout/*/published.txt: "NAME DATE LANG")
// runs to a result with the CLI's world: no crash, no exception, every candidate a candidate with
// its evidence. (h781 of the forty-first set crashed the tool at 2f4d85c; the fuzzer had not found
// it. About 770 real-shaped texts in four languages are a cheap guard.)
TEST(HeldOutTexts, EveryTextRunsToAResult) {
  namespace fs = std::filesystem;
  static FullWorld w;
  std::size_t texts = 0, candidates = 0;
  for (const auto& set : fs::directory_iterator(TRUCELINE_HELDOUT_DIR)) {
    if (!set.is_directory() || !fs::exists(set.path() / "published.txt")) continue;
    std::ifstream list(set.path() / "published.txt");
    std::string name, date, lang;
    while (list >> name >> date >> lang) {
      std::ifstream in(set.path() / (name + ".txt"), std::ios::binary);
      ASSERT_TRUE(in) << set.path() << " " << name;
      std::stringstream text;
      text << in.rdbuf();
      int y = 0;
      unsigned mo = 0, d = 0;
      ASSERT_EQ(std::sscanf(date.c_str(), "%d-%u-%u", &y, &mo, &d), 3) << date;
      Options o = published(year{y} / month{mo} / day{d});
      o.lang = lang;
      Result r;
      ASSERT_NO_THROW(r = w.x.run(name + ".txt", text.str(), o)) << set.path() << " " << name;
      for (const json& c : r.candidates) {
        EXPECT_EQ(c.value("status", std::string()), "candidate") << name;
        EXPECT_TRUE(c.contains("evidence")) << name;
      }
      ++texts;
      candidates += r.candidates.size();
    }
  }
  EXPECT_GE(texts, 770u);
  EXPECT_GT(candidates, texts);
}

TEST(CandidateQuality, ACallLogsLinesAreEntriesWithTheirOwnDaysAndTellers) {
  // Lines led by a case code and fields, then a clock-stamped date: relative days count from
  // the line's own date; a teller of one line is not the next line's; an English line opening on
  // "Says" has no claimant in the words after it.
  const auto r = full_run(
      "Survey call log, exported Fri 15 Jan 2021.\n"
      "KN-0101 Kafr Nabl #1, Mon 11 Jan 10:40, CB: Resp. says shells hit the village last night; the council said two were hurt.\n"
      "SR-0202 Sarmin #1, Tue 12 Jan 19:05, CB: a drone has circled over Sarmin since sunset.\n"
      "SR-0203 Sarmin #2, Wed 13 Jan 09:10, PC: Says the police checkpoint on the Sarmin road has turned cars back since Saturday.\n",
      2021y / January / 15);
  std::map<std::string, json> by_kind;
  for (const json& c : r.candidates) by_kind[kind_of(c)] = c;
  ASSERT_TRUE(by_kind.count("shelling")) << json(r.candidates).dump();
  EXPECT_EQ(by_kind["shelling"].value("observed_at", std::string()).substr(0, 10), "2021-01-10");
  ASSERT_TRUE(by_kind.count("uav_observation"));
  EXPECT_EQ(by_kind["uav_observation"].value("observed_at", std::string()).substr(0, 10), "2021-01-12");
  EXPECT_NE(by_kind["uav_observation"].value("claimed_by", std::string()), "the council");
  ASSERT_TRUE(by_kind.count("movement_restriction"));
  EXPECT_EQ(by_kind["movement_restriction"].value("claimed_by", std::string()).find("checkpoint"), std::string::npos);
  // (a verb opening the sentence with its speaker before a mark is still the speaker)
  EXPECT_EQ(full_candidates_of("Said the ministry: regime forces shelled Sarmin on Monday.").at(0).value("claimed_by", std::string()),
            "ministry");
}

TEST(CandidateQuality, FortyFirstSetsWordsOnOurOwnSentences) {
  // Events told with words no trigger knew.
  for (const auto& [text, kind] : std::vector<std::pair<const char*, const char*>>{
           {"The mare foaled while rockets were falling on Sarmin on Monday night.", "shelling"},
           {"وكانت الصواريخ تتساقط على سراقب منذ ليل الأربعاء.", "shelling"},
           {"Днём 7 октября мина упала во дворе школы в Сармине.", "shelling"},
           {"В ночь на 7 октября у Сармина боевики с военными перестреливались до утра.", "armed_clash"},
           {"On Monday night we heard long bursts of gunfire from Sarmin.", "armed_clash"},
           {"كان في قواص بين جماعتين عند مفرق سراقب مبارح.", "armed_clash"},
           {"On Monday a bomb hidden in a crate went off in Sarmin market.", "other"},
           {"7 Ekim'de Sermin yol ayrımında bir patlayıcı infilak etti.", "other"},
           {"7 Ekim'de Sermin üzerinde dört dakika süzülen bir İHA görüntülendi.", "uav_observation"},
           {"7 Ekim'de beş silahlı kişi Sermin yolunu kesip araçları durdurdu.", "movement_restriction"},
           {"7 октября армия закрывала для грузовиков дорогу на Сармин.", "movement_restriction"},
           {"الشرطة العسكرية مسكّرة طريق سراقب من اليوم الصبح.", "movement_restriction"}}) {
    const auto cs = full_candidates_of(text);
    ASSERT_FALSE(cs.empty()) << text;
    EXPECT_EQ(kind_of(cs[0]), kind) << text << json(cs).dump();
  }
  // A shepherd blown up by a mine is harm to a civilian.
  {
    const auto cs = full_candidates_of("7 октября у Сармина на мине подорвался местный пастух, ранен.");
    ASSERT_FALSE(cs.empty());
    EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const json& c) { return kind_of(c) == "civilian_harm"; })) << json(cs).dump();
  }
  // Trees, nights are no tolls.
  for (const char* text : {"Rockets fell on Sarmin on Monday; about forty mulberry trees burned. No one was hurt.",
                           "نزلت قذيفة على سراقب امبارح واحترقت شي عشرين شجرة زيتون."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_FALSE(cs[0].contains("injured")) << text << cs[0].dump();
  }
  // The air defence is the forces of the state the text points to; who fired at a drone did not fly it.
  for (const char* text : {"Над Сармином появился беспилотник, ПВО сбила беспилотник.",
                           "حلقت طائرة مسيرة فوق سراقب فتصدت لها الدفاعات الجوية وأسقطتها.",
                           "A drone hovered over Sarmin on Monday; the soldiers of the post fired at it."}) {
    const auto r = full_run(text);
    ASSERT_EQ(r.candidates.size(), 1u) << text;
    EXPECT_TRUE(actor_id_of(r.candidates[0]).empty()) << text << r.candidates[0].dump();
  }
  {
    const auto r = full_run("Над Сармином появился беспилотник, ПВО сбила беспилотник.");
    ASSERT_FALSE(r.mentions["actors"].empty());
    EXPECT_EQ(r.mentions["actors"][0].value("id", std::string()), "syria");
  }
  // (a Latin "RF" is a code, not Russia)
  EXPECT_TRUE(full_run("Codes: CO complete, RF refused.").mentions["actors"].empty());
}

TEST(DateQuality, ALettersOwnDateInASentenceOfItsOwnAnchorsItsYesterday) {
  // "Письмо датировано 11 ноября." / "Письмо от 26 ноября.": each paragraph's letter counts its
  // "вчера" from its own date; a day of late December before a stamp of early January is of the
  // year before.
  const auto r = full_run(
      "Лист 1. Штемпель 18.11.2019. Письмо датировано 11 ноября. «Вчера вечером по Сармину били минами.»\n\n"
      "Лист 2. Штемпель 06.01.2020. Письмо от 28 декабря. «Вчера ходили патрулём до Сармина.»\n\n"
      "Лист 3. Штемпель 21.01.2020. Письмо от 14 января. «Позавчера у Сармина беспилотник ударил по машине.»",
      2021y / April / 16);
  std::map<std::string, std::string> day_of;
  for (const json& c : r.candidates) day_of[kind_of(c)] = c.value("observed_at", std::string()).substr(0, 10);
  EXPECT_EQ(day_of["shelling"], "2019-11-10") << json(r.candidates).dump();
  EXPECT_EQ(day_of["patrol"], "2019-12-27");
  EXPECT_EQ(day_of["airstrike"], "2020-01-12");
  // (the same night, Arabic feminine "الليلة نفسها")
  {
    const auto cs = full_candidates_of("سقط صاروخ على سراقب مساء الثلاثاء ٢ تشرين الأول ٢٠١٨. وفي الليلة نفسها سقط صاروخ آخر على سرمين.");
    ASSERT_EQ(cs.size(), 2u) << json(cs).dump();
    EXPECT_EQ(cs[1].value("observed_at", std::string()).substr(0, 10), "2018-10-02");
  }
  // (a city's centre and limits: the city, not the province; a stud named by its village)
  {
    const auto r = full_run("Завод находится в черте Алеппо, в 5 км от центра Алеппо.");
    for (const json& p : r.mentions["places"]) {
      EXPECT_EQ(p.value("kind", std::string()), "point") << p.dump();
    }
    EXPECT_EQ(full_run("The foal was born at the Sarmada stud on Monday.").mentions["places"].size(), 1u);
  }
  // (a letter's noun and its date inside a longer sentence is no entry's head)
  const auto n = full_run("Он получил письмо от 26 ноября и рассказал о нём. Вчера Сармин обстреляли.\n\n"
                          "Она получила письмо от 28 ноября. Вчера Саракиб обстреляли.", 2019y / December / 5);
  for (const json& d : n.mentions["dates"]) {
    if (d.value("text", std::string()) == "Вчера") {
      EXPECT_EQ(d.value("resolved", std::string()), "2019-12-04") << d.dump();
    }
  }
}

TEST(DateQuality, APairOpeningALogsItemIsItsDate) {
  // After a bullet or an item's number, with a clock within three words or a full date of its
  // month told elsewhere: the item's date. Not a decimal in prose, nor a pair with nothing to
  // tell it is a date.
  const auto r = full_run(
      "Kayıt inceleme tutanağı, 29.01.2021\n"
      "— 27.01, DVR 15.20 (yerel 14.08): Sermin yolunda beş silahlı kişi yolu kesip araçları durdurdu.\n"
      "— 28.01, DVR 10.15 (yerel 09.03): bir Türk askerî devriyesi Sermin yönüne geçti.\n",
      2021y / January / 29);
  std::map<std::string, std::string> day_of;
  for (const json& c : r.candidates) day_of[kind_of(c)] = c.value("observed_at", std::string()).substr(0, 10);
  EXPECT_EQ(day_of["movement_restriction"], "2021-01-27") << json(r.candidates).dump();
  EXPECT_EQ(day_of["patrol"], "2021-01-28");
  const auto p2 = full_run("Протокол, 20.02.2021\n1.3. 18.02 армия закрыла дорогу на Сармин для любого транспорта.\n",
                           2021y / February / 20);
  ASSERT_EQ(p2.candidates.size(), 1u) << json(p2.candidates).dump();
  EXPECT_EQ(p2.candidates[0].value("observed_at", std::string()).substr(0, 10), "2021-02-18");
  // (no date: a measure opening an item, with no clock and no full date of that month)
  const auto m = full_run("Отчёт за март\n1. 12.5 км дороги на Сармин закрыты армией.\n", 2021y / March / 20);
  for (const json& d : m.mentions["dates"]) {
    EXPECT_NE(d.value("text", std::string()), "12.5") << d.dump();
  }
}

TEST(CandidateQuality, ReviewerFindingsOnSessionFortyOnesRules) {
  // No ban: an entry fee, the traffic police's rules, a ban negated or for others, a question;
  // nor rain falling, a road cut across, a shell that did not explode.
  for (const char* text : {"The entry fee for the Idlib museum is forbidden to rise, the council said.",
                           "The traffic police in Ariha said parking on the main square is forbidden.",
                           "السير على طريق أريحا غير ممنوع.", "قال مجلس أريحا إن الدخول إلى المدارس ممنوع لغير الطلاب.",
                           "Eriha'da yol yapımı yasak değil.", "الأمطار تتساقط على أريحا منذ الصباح.",
                           "Çiftçi Eriha yolunu kesip tarlasına girdi.", "Eriha'da infilak etmeyen bir roket bulundu.",
                           "The two teams traded fire on social media over the Saraqib match."}) {
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  }
  // A letterhead's branch town is no event place through the sentence after it; a teller's
  // office town stays the province's reading (no point).
  for (const char* text : {"RED CRESCENT - ALEPPO BRANCH\nShells fell overnight, killing two civilians.",
                           "The WFP office in Hama said shells fell overnight, killing two."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_FALSE(cs[0].contains("lat")) << text << cs[0].dump();
  }
  // "Says …" opening a sentence names no teller; a case-code line takes no heading's teller.
  EXPECT_EQ(full_candidates_of("Says shells hit Ariha at dawn, the farmer fled.").at(0).value("claimed_by", std::string("Test Wire")),
            "Test Wire");
  {
    const auto r = full_run("Residents of Ariha said shells hit the town on Monday.\n"
                            "KN-0102 Sarmin, Wed 13 Jan 09:15: a drone struck a car yesterday.",
                            2021y / January / 20);
    ASSERT_EQ(r.candidates.size(), 2u) << json(r.candidates).dump();
    EXPECT_NE(r.candidates[1].value("claimed_by", std::string()), "Residents of Ariha");
  }
}

TEST(CandidateQuality, SessionFortyTwoOpenItemsOnOurOwnSentences) {
  // A patrol or a convoy fired on or attacked is the fire's target, not its actor; a town
  // attacked is a clash.
  {
    const auto cs = full_candidates_of("Gunmen fired on a Turkish patrol near Saraqib on Monday.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "armed_clash");
    EXPECT_EQ(actor_id_of(cs[0]), "") << cs[0].dump();
    EXPECT_EQ(heldout_rules::target_id_of(cs[0]), "turkish-armed-forces") << cs[0].dump();
  }
  {
    const auto cs = full_candidates_of("Unknown gunmen attacked a Russian patrol near Saraqib on Monday.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(heldout_rules::target_id_of(cs[0]), "russia") << cs[0].dump();
  }
  {
    const auto cs = full_candidates_of("Rebels attacked the town of Saraqib on Monday.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "armed_clash");
    EXPECT_EQ(place_of(cs[0]), "Sarāqib");
  }
  // A warplane's adjectives are no places ("حربية" is Harbiye, "روسية" Ar Rasiyah); a warplane or
  // a drone that "shelled" made an air strike.
  for (const char* text : {"قصفت طائرة حربية روسية كفرنبل يوم الاثنين.", "قصفت طائرات حربية روسية كفرنبل يوم الاثنين."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "airstrike") << text;
    EXPECT_EQ(place_of(cs[0]), "Kafranbel") << text;
    EXPECT_EQ(actor_id_of(cs[0]), "russia") << text;
  }
  {
    const auto cs = full_candidates_of("قصفت طائرة مسيرة سيارة قرب سرمين يوم الاثنين.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), "airstrike");
  }
  // A facility's own name is no place: the school is in Idlib.
  {
    const auto cs = full_candidates_of("Shells hit the Salam school in Idlib on Sunday.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_NE(place_of(cs[0]), "Salam") << cs[0].dump();
  }
  // "عند" before a town the gazetteer spells with its article; not before the door.
  {
    const auto cs = full_candidates_of("سقطت قذيفة عند الأتارب يوم الاثنين.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Al Atārib") << cs[0].dump();
    const auto door = full_candidates_of("سقطت قذيفة عند الباب يوم الاثنين.");
    ASSERT_EQ(door.size(), 1u);
    EXPECT_FALSE(door[0].contains("lat")) << door[0].dump();
  }
  // "Not only X but Y" in Arabic and Turkish: both places; "X değil, Y": Y only; a Turkish verb
  // negated after its means: no event.
  for (const char* text : {"قصفت قوات النظام ليس فقط سراقب بل أريحا أيضاً يوم الاثنين.",
                           "لم يقتصر القصف يوم الاثنين على سراقب بل امتد إلى أريحا.",
                           "Rejim güçleri pazartesi günü sadece Serakib'i değil, Eriha'yı da bombaladı.",
                           "Pazartesi günü yalnızca Serakib değil Eriha da topçu ateşiyle dövüldü."}) {
    const auto cs = full_candidates_of(text);
    std::set<std::string> at;
    for (const json& c : cs) at.insert(place_of(c));
    EXPECT_EQ(at, (std::set<std::string>{"Sarāqib", "Arīḩā"})) << text << json(cs).dump();
  }
  for (const char* text : {"Pazartesi günü Serakib değil Eriha topçu ateşiyle dövüldü.",
                           "لم تقصف قوات النظام سراقب بل أريحا يوم الاثنين."}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Arīḩā") << text;
  }
  EXPECT_TRUE(full_candidates_of("Pazartesi günü Serakib topçu ateşiyle dövülmedi.").empty());
  // "vefat etti" (died) counts the dead of an event; a death at home is no event.
  {
    const auto cs = full_candidates_of("Dün Sermin'e düşen roketle iki sivil vefat etti.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(cs[0].value("fatalities", 0), 2) << cs[0].dump();
    EXPECT_TRUE(full_candidates_of("Köyün yaşlılarından Ahmet Dede dün Sermin'deki evinde vefat etti.").empty());
  }
}

TEST(DateQuality, RussianNightToADayAloneAndDottedPairsInProse) {
  // "в ночь на 27-е" and "с 26-го на 27-е": the day of the month alone; "утром 17.02", "17.02 с
  // 09:00": a dotted day and month (Russian writes decimals with a comma). Not "на 5-е место",
  // nor a figure with its unit.
  auto day_of = [](const char* text) {
    const auto r = full_run(text, 2021y / March / 1);
    return r.candidates.empty() ? std::string() : r.candidates[0].value("observed_at", std::string()).substr(0, 10);
  };
  EXPECT_EQ(day_of("В ночь на 27-е боевики обстреляли Сукайлабию."), "2021-02-27");
  EXPECT_EQ(day_of("Утром 17.02 боевики обстреляли Сукайлабию."), "2021-02-17");
  EXPECT_EQ(day_of("Рота сообщила: 17.02 с 09:00 дорога на Сармин была перекрыта армией."), "2021-02-17");
  for (const char* text : {"Команда вышла на 5-е место в рейтинге.", "Расход топлива составил 17.02 литра."}) {
    const auto r = full_run(text, 2021y / March / 1);
    EXPECT_TRUE(r.mentions["dates"].empty()) << text << r.mentions["dates"].dump();
  }
  // (nor a report's item numbers beside a full date of that month)
  const auto items = full_run("Отчёт за 21.01.2020\n4.1 Обстановка у Сармина спокойная.\n4.2. Дорога открыта.", 2021y / March / 1);
  ASSERT_EQ(items.mentions["dates"].size(), 1u) << items.mentions["dates"].dump();
  EXPECT_EQ(items.mentions["dates"][0].value("text", std::string()), "21.01.2020");
}

TEST(CandidateQuality, ADronesPlaceIsUnderItAndHmeimimsAirDefenceIsRussias) {
  // The place after "over" / "над" / "فوق" is the drone's, not a nearer one (the air base whose
  // defences shot it down); Hmeimim's air defence is Russia's, a bare one the state's of the places.
  for (const char* text : {"Средства ПВО авиабазы Хмеймим сбили беспилотник над Джаблой.",
                           "Air defences at the Hmeimim base shot down two drones over Jableh on Monday.",
                           "تصدت الدفاعات الجوية في قاعدة حميميم لطائرات مسيرة فوق جبلة"}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(place_of(cs[0]), "Jablah") << text << cs[0].dump();
  }
  const auto hm = full_run("Средства ПВО авиабазы Хмеймим сбили беспилотник над Джаблой.", 2021y / March / 1);
  const auto bare = full_run("ПВО сбила беспилотник над Сармином.", 2021y / March / 1);
  ASSERT_EQ(hm.mentions["actors"].size(), 1u) << hm.mentions["actors"].dump();
  ASSERT_EQ(bare.mentions["actors"].size(), 1u) << bare.mentions["actors"].dump();
  EXPECT_EQ(hm.mentions["actors"][0].value("id", std::string()), "russia") << hm.mentions["actors"].dump();
  EXPECT_EQ(bare.mentions["actors"][0].value("id", std::string()), "syria") << bare.mentions["actors"].dump();
}

TEST(DateQuality, FortyTwoSetsEntryHeadingsOnOurOwnSentences) {
  // An entry's heading counts its lines' relative days: a numbered or ordinal label and a dash
  // ("Visit 2 - Monday 4 March, Sarmin."), fields between ("Form 3 - Ahmad K. - absent - Sunday 13
  // October"), a byline before a weekday's abbreviation ("Hasan - Mon 8 Feb 10:12"), a weekday's
  // abbreviation opening the line ("Wed 16 Oct, 10:15. …").
  auto day_of = [](const char* text, year_month_day pub) {
    const auto r = full_run(text, pub);
    return r.candidates.empty() ? std::string("none") : r.candidates[0].value("observed_at", std::string()).substr(0, 10);
  };
  EXPECT_EQ(day_of("Field notes, Sarmin survey\n\nVisit 2 - Monday 4 March, Sarmin.\nThe farmer said that the day before "
                   "yesterday shells fell on his field.\n\nVisit 3 - Wednesday 6 March, Binnish.\nNothing to report.\n",
                   2019y / March / 10),
            "2019-03-02");
  EXPECT_EQ(day_of("Returned forms\n\nForm 3 - Ahmad K., Grade 4 - absent - Sunday 13 October\n\"Last night rockets fell on "
                   "Sarmin.\"\n\nForm 5 - Rami S., Grade 5 - present - Monday 14 October\n\"Nothing.\"\n",
                   2019y / October / 24),
            "2019-10-12");
  EXPECT_EQ(day_of("Comments\n\nHasan - Mon 8 Feb 10:12\nRockets hit Sarmin last night, two were hurt.\n\nRasha - Tue 9 Feb "
                   "08:55\nAny day is fine.\n",
                   2021y / February / 13),
            "2021-02-07");
  EXPECT_EQ(day_of("Follow-up\n\nWed 16 Oct, 10:15. The army has closed the road to Sarmin from this morning.\n\nThu 17 Oct. "
                   "Nothing new.\n",
                   2019y / October / 24),
            "2019-10-16");
  EXPECT_EQ(day_of("دوري الورق\n\nالجولة الثالثة – الأربعاء ١٧/١١ بعد العشا\n- سرمين × بنش: ضربو عسرمين مبارح بالليل قذايف.\n\n"
                   "الجولة الرابعة – السبت ٢٠/١١\n- ما في شي.\n",
                   2021y / November / 21),
            "2021-11-16");
  // A place its heading names after its day is the entry's events', when their sentences name none.
  const auto r = full_run("Field notes\n\nVisit 2 - Monday 4 March, Sarmin.\nSpeaker B, farmer.\nThe day before yesterday "
                          "three shells came down on the threshing floor; they came from the Binnish side.\n",
                          2019y / March / 10);
  ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
  EXPECT_EQ(place_of(r.candidates[0]), "Sarmīn") << r.candidates[0].dump();
  // (an ordinary line opening with a label and a number is no heading: "Room 4 - the nurse said …")
  EXPECT_EQ(day_of("Ward notes, 10 March 2019\nRoom 4 - the nurse said shells fell on Sarmin yesterday.\n", 2019y / March / 10),
            "2019-03-09");
}

TEST(CandidateQuality, FortyTwoSetsWordsOnOurOwnSentences) {
  // The day told after the verb of telling is the event's, not the day it was told on.
  {
    const auto r = full_run("At the meeting (Wednesday 15 January) the farmer reported that a drone had circled over Sarmin "
                            "on Monday night, and that the soldiers there fired at it.",
                            2020y / February / 3);
    ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
    EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2020-01-13");
    EXPECT_FALSE(r.candidates[0]["evidence"].contains("target")) << r.candidates[0].dump();  // (who fired at it)
  }
  // A time opening the clause is no part of the teller's name.
  EXPECT_EQ(full_candidates_of("On Monday the mayor said that shells hit Sarmin.").at(0).value("claimed_by", std::string()), "mayor");
  // Fire "from the X side" is the origin; shooting between two groups, a bike blown up, a drone
  // going round.
  {
    const auto cs = full_candidates_of("Shells fell on Sarmin, they came from the Binnish side.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(place_of(cs[0]), "Sarmīn");
  }
  for (const auto& [text, kind] : std::vector<std::pair<const char*, const char*>>{
           {"Last night there was shooting between two groups at the checkpoint in Sarmin.", "armed_clash"},
           {"A motorbike had blown up on the road to Sarmin that morning.", "other"},
           {"A drone has been going round over Sarmin since the afternoon.", "uav_observation"},
           {"أفاد الشاهد بأن أحمد قتل بانفجار دراجة نارية مفخخة في سوق سرمين.", "other"},
           {"مرقت دورية تركية من نص سرمين الصبح.", "patrol"}}) {
    const auto cs = full_candidates_of(text);
    ASSERT_EQ(cs.size(), 1u) << text << json(cs).dump();
    EXPECT_EQ(kind_of(cs[0]), kind) << text;
  }
  EXPECT_EQ(actor_id_of(full_candidates_of("مرقت دورية تركية من نص سرمين الصبح.").at(0)), "turkish-armed-forces");
  // Not "attacked" counted or listed: no clash.
  for (const char* text : {"This is the sixth clinic in Sarmin to be attacked since April.",
                           "Regime forces attacked the following villages today:"}) {
    for (const json& c : full_candidates_of(text)) {
      EXPECT_NE(kind_of(c), "armed_clash") << text << c.dump();
    }
  }
  // "ليلة الخميس على الجمعة": the Friday after the Thursday told.
  {
    const auto r = full_run("وفي ليلة الجمعة ٢٣ آب ٢٠١٩، أي ليلة الخميس على الجمعة، سقط صاروخ في ساحة الجامع في سرمين.",
                            2019y / December / 15);
    ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
    EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-08-23");
  }
  // "في قريته X" (his village X) and "بX" (in X) near a located village: the supplement's village.
  {
    const auto cs = full_candidates_of("دارت اشتباكات بين فصيلين مسلحين في قريته جكة.");
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(place_of(cs[0]), "Jakkah");
    const auto near = full_candidates_of("قهوة أبو صطيف – أخترين\n\nمن يوم الخميس في طوشة بالسلاح بين عشيرتين بشميرات.");
    ASSERT_EQ(near.size(), 1u) << json(near).dump();
    EXPECT_EQ(kind_of(near[0]), "armed_clash");
    EXPECT_EQ(place_of(near[0]), "Shumayrat");
  }
  // An engineer's initial is no settlement's abbreviation; a two-word name the supplement spells
  // exactly is not its last word's town.
  EXPECT_TRUE(full_run("Подписали: инж. Р. Хайдар, инж. С. Назар.", 2019y / October / 4).mentions["places"].empty());
  {
    const auto r = full_run("Plant clinic register, Afrin\nNo.; day; village; crop; complaint\n412; Sat 1 May; Hamu Raju; "
                            "olive; dark spots\n413; Sat 1 May; Kurkan Tahtani; cherry; holes\n",
                            2021y / May / 8);
    std::set<std::string> names;
    for (const json& p : r.mentions["places"]) names.insert(p.value("text", std::string()));
    EXPECT_TRUE(names.count("Hamu Raju")) << r.mentions["places"].dump();
    EXPECT_FALSE(names.count("Raju")) << r.mentions["places"].dump();
  }
  // A port's, an airport's city; Turkish o for the Arabic u; an address's country no actor; a
  // post that "подвергся обстрелу" its target.
  for (const char* text : {"Груз доставлен из порта Латакия, и в тот же день у Сармина упали снаряды.",
                           "Делегация вылетела из аэропорта Латакии; накануне Сармин обстреляли."}) {
    const auto r = full_run(text, 2021y / May / 20);
    bool city = false;
    for (const json& p : r.mentions["places"]) city = city || (p.value("name", std::string()) == "Latakia" && p.contains("lat"));
    EXPECT_TRUE(city) << text << r.mentions["places"].dump();
  }
  {
    const auto r = full_run("Ömranlı köyünde dün iki silahlı grup çatıştı.", 2021y / March / 12);
    ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
    EXPECT_EQ(place_of(r.candidates[0]), "`Umranli");
  }
  {
    const auto r = full_run("30.11.2019 около 06:40 наблюдательный пост военной полиции у н. п. Сармин (около 3,5 км южнее "
                            "Саракиба, Сирийская Арабская Республика) подвергся обстрелу реактивными снарядами.",
                            2019y / December / 10);
    ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
    EXPECT_EQ(actor_id_of(r.candidates[0]), "") << r.candidates[0].dump();
    EXPECT_EQ(heldout_rules::target_id_of(r.candidates[0]), "russian-military-police") << r.candidates[0].dump();
  }
  // Turkish: a bomb that went off at a junction, a drone's missile, a checkpoint closed; not a bomb
  // alert.
  for (const auto& [text, kind] : std::vector<std::pair<const char*, const char*>>{
           {"Dün akşam İkidam kavşağında bir motosiklete yerleştirilmiş bombanın patlamasında bir kişi öldü.", "other"},
           {"Ceylan yolunda aracına bir İHA'dan atılan füzenin isabet etmesiyle iki kişi hayatını kaybetmiş.", "airstrike"},
           {"Sermin girişindeki kontrol noktası dünden beri askerî inzibat tarafından kapalıymış.", "movement_restriction"}}) {
    const auto r = full_run(text, 2021y / March / 12);
    ASSERT_EQ(r.candidates.size(), 1u) << text << json(r.candidates).dump();
    EXPECT_EQ(kind_of(r.candidates[0]), kind) << text;
  }
  EXPECT_EQ(place_of(full_run("Dün akşam İkidam kavşağında bomba patladı.", 2021y / March / 12).candidates.at(0)), "Ikidam");
  EXPECT_TRUE(full_run("Köydeki bomba ihbarı asılsız çıktı.", 2021y / March / 12).candidates.empty());
  // Russian passives of a withdrawal: "пост … свёрнут", "личный состав отведён".
  {
    bool withdrawal = false;
    for (const json& c : full_run("05.12.2019 пост у Саракиба свёрнут, личный состав отведён в Сармин.", 2019y / December / 20).candidates)
      withdrawal = withdrawal || kind_of(c) == "withdrawal";
    EXPECT_TRUE(withdrawal);
  }
  // A headline's list and the body's: both places kept; "the city of X and the town of Y" a list.
  for (const char* text : {"Regime militias shell Saraqib and Afis\n\nRegime militias shelled Saraqib and Afis this morning, "
                           "killing one civilian, the Civil Defence said.",
                           "Regime militias shelled the city of Saraqib and the town of Afis this morning."}) {
    std::set<std::string> at;
    for (const json& c : full_candidates_of(text)) at.insert(place_of(c));
    EXPECT_EQ(at, (std::set<std::string>{"Sarāqib", "Afis"})) << text;
  }
}

TEST(CandidateQuality, ReviewerFindingsOnSessionFortyTwosRules) {
  // A patrol fired on from somewhere, or attacked in Arabic, is the target, the shooters the
  // actor; not "attacked the convoy plan", "stormed the pitch", "the photo was blown up".
  {
    const auto cs = full_candidates_of("HTS fighters fired at a Russian patrol from the Sarmin direction.");
    ASSERT_EQ(cs.size(), 1u) << json(cs).dump();
    EXPECT_EQ(actor_id_of(cs[0]), "hts") << cs[0].dump();
    EXPECT_EQ(heldout_rules::target_id_of(cs[0]), "russia") << cs[0].dump();
  }
  for (const char* text : {"هاجم مسلحون دورية روسية قرب سراقب.", "تعرضت دورية روسية لهجوم قرب سراقب."}) {
    for (const json& c : full_candidates_of(text)) {
      if (kind_of(c) == "armed_clash") {
        EXPECT_NE(actor_id_of(c), "russia") << text << c.dump();
      }
    }
  }
  for (const char* text : {"Critics attacked the convoy plan as reckless, the mayor of Saraqib said.",
                           "Fans stormed the pitch in Idlib after the match.",
                           "The photo was blown up and displayed at the exhibition in Idlib."}) {
    EXPECT_TRUE(full_candidates_of(text).empty()) << text << json(full_candidates_of(text)).dump();
  }
  // A time is no part of a teller, before or after him.
  EXPECT_EQ(full_candidates_of("Late on Monday the Syrian Observatory said shells hit Sarmin.").at(0).value("claimed_by", std::string()),
            "Syrian Observatory");
  EXPECT_EQ(full_candidates_of("قال رئيس المجلس المحلي يوم الاثنين إن قذائف سقطت على سرمين.").at(0).value("claimed_by", std::string()),
            "رئيس المجلس المحلي");
  // Russian dotted days: on or before the publication; a sentence's full stop after one; no
  // calibre or clause number read as one.
  auto day_of = [](const char* text) {
    const auto r = full_run(text, 2019y / February / 10);
    return r.candidates.empty() ? std::string("none") : r.candidates[0].value("observed_at", std::string()).substr(0, 10);
  };
  EXPECT_EQ(day_of("Утром 17.02 боевики обстреляли Саракиб."), "2018-02-17");
  EXPECT_EQ(day_of("Боевики обстреляли Саракиб утром 07.02."), "2019-02-07");
  EXPECT_EQ(day_of("Доклад от 09.02.2019. Калибр 03.02 не установлен; боевики обстреляли Саракиб."), "2019-02-09");
  // One labelled heading alone heads its entry; a weekday's abbreviation after the label.
  {
    const auto r = full_run("Session 1 - Saturday 2 November, Saraqib.\nYesterday shells fell on the market.\n", 2019y / November / 20);
    ASSERT_EQ(r.candidates.size(), 1u) << json(r.candidates).dump();
    EXPECT_EQ(r.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-11-01");
    const auto e = full_run("Entry 7 – Sat 2 Nov, Kafr Nabl\nYesterday shells fell on the market.\n\nEntry 8 – Sun 3 Nov, Ariha\n"
                            "Nothing.\n",
                            2019y / November / 20);
    ASSERT_EQ(e.candidates.size(), 1u) << json(e.candidates).dump();
    EXPECT_EQ(e.candidates[0].value("observed_at", std::string()).substr(0, 10), "2019-11-01");
  }
  // Who shot a drone down did not fly it, but the drone's own phrase names whose it was.
  EXPECT_EQ(actor_id_of(full_candidates_of("Rebels shot down a Syrian drone over Saraqib.").at(0)), "syria");
  EXPECT_EQ(actor_id_of(full_candidates_of("أسقطت الفصائل طائرة مسيرة روسية فوق سراقب.").at(0)), "russia");
  EXPECT_EQ(actor_id_of(full_candidates_of("Army air defences shot down a drone over Saraqib.").at(0)), "");
  // People who fled "from the X side" are no fire.
  {
    const auto f = full_candidates_of("Residents fled from the Sarmin side after shelling hit the town.");
    for (const json& c : f) {
      EXPECT_FALSE(says(c, "where the fire came from")) << c.dump();
    }
  }
}

}  // namespace truceline::extract
