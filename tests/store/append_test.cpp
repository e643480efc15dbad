// The store's side of place resolution: coordinates only for a resolved place, duplicates not
// looked up again, a failing resolver aborting the import with nothing written, and
// Store::append (relocate's corrections) in one batch.
#include <gtest/gtest.h>

#include "support/temp_dir.hpp"
#include <unistd.h>

#include <filesystem>
#include <random>

#include "truceline/error.hpp"
#include "truceline/store/store.hpp"

namespace truceline::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::TempDir;

std::string place_line(const std::string& place, int day) {
  return R"({"observed_at":"2018-10-)" + std::string(day < 10 ? "0" : "") + std::to_string(day) + R"(","place":")" +
         place + R"(","kind":"shelling","source":{"name":"Synthetic Local Page","type":"social"}})";
}

// A stand-in resolver: "Kafr Zita" resolves, anything else is out of scope (with a candidate
// that has coordinates, which must not be used).
json fake_resolution(const Report& r) {
  if (r.place == "Kafr Zita")
    return {{"resolved", true}, {"status", "resolved"}, {"lon", 36.6033}, {"lat", 35.37425}, {"name", "Kafr Zaytā"}};
  return {{"resolved", false},
          {"status", "out_of_scope"},
          {"reason", "far away"},
          {"lon", 38.88},  // not a resolved place: ignored by the store
          {"lat", 36.9},
          {"candidates", json::array({{{"name", "Karatepe"}, {"lon", 38.88}, {"lat", 36.9}}})}};
}

BatchSummary import_places(Store& s, const std::vector<std::string>& lines, int* calls) {
  ImportOptions o;
  o.file = "places.jsonl";
  o.file_hash = "h";
  o.importer = "jsonl";
  o.resolve_place = [calls](const Report& r) {
    ++*calls;
    return fake_resolution(r);
  };
  std::size_t i = 0;
  return s.import(o, [&](InputRow& row) {
    if (i >= lines.size()) return false;
    row.number = i + 1;
    row.raw = lines[i];
    row.outcome = report_from_jsonl(lines[i]);
    ++i;
    return true;
  });
}

std::vector<StoredReport> all(const Store& s, bool history = true) {
  std::vector<StoredReport> out;
  Query q;
  q.history = history;
  s.query(q, [&](const StoredReport& r) { out.push_back(r); });
  return out;
}

TEST(PlaceResolution, CoordinatesOnlyForAResolvedPlace) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  int calls = 0;
  const BatchSummary b = import_places(s, {place_line("Kafr Zita", 1), place_line("Qara Tapa", 2)}, &calls);
  EXPECT_EQ(b.imported, 2u);
  EXPECT_EQ(calls, 2);
  const auto rs = all(s);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_TRUE(rs[0].lon && rs[0].lat);
  EXPECT_DOUBLE_EQ(*rs[0].lon, 36.6033);
  EXPECT_EQ(rs[0].place_resolution["status"], "resolved");
  EXPECT_FALSE(rs[1].lon) << "an unresolved place must not be given coordinates";
  EXPECT_FALSE(rs[1].lat);
  EXPECT_EQ(rs[1].place_resolution["status"], "out_of_scope");
  EXPECT_EQ(effective_location(rs[1]).method, "unresolved");
  EXPECT_EQ(effective_location(rs[1]).reason, "far away");
  // Nor is it found by a bounding box around the rejected candidate.
  Query q;
  q.bbox = std::array<double, 4>{38.0, 36.0, 39.0, 37.0};
  std::size_t n = 0;
  s.query(q, [&](const StoredReport&) { ++n; });
  EXPECT_EQ(n, 0u);
}

TEST(PlaceResolution, DuplicatesAreNotLookedUpAgain) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  int calls = 0;
  import_places(s, {place_line("Kafr Zita", 1), place_line("Qara Tapa", 2)}, &calls);
  calls = 0;
  const BatchSummary again = import_places(s, {place_line("Kafr Zita", 1), place_line("Qara Tapa", 2)}, &calls);
  EXPECT_EQ(again.duplicates, 2u);
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(calls, 0);
}

TEST(PlaceResolution, AFailingResolverWritesNothing) {
  // Regression (issue 10): with the gazetteer missing, ingest stored every place as "no
  // gazetteer", and re-ingesting later counted them as duplicates, never to be located.
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  ImportOptions o;
  o.file = "places.jsonl";
  o.file_hash = "h";
  o.importer = "jsonl";
  o.resolve_place = [](const Report&) -> json { throw InputError("places.tsv: cannot read"); };
  const std::vector<std::string> lines{place_line("Kafr Zita", 1)};
  std::size_t i = 0;
  EXPECT_THROW(s.import(o,
                        [&](InputRow& row) {
                          if (i >= lines.size()) return false;
                          row.number = i + 1;
                          row.raw = lines[i];
                          row.outcome = report_from_jsonl(lines[i++]);
                          return true;
                        }),
               InputError);
  EXPECT_TRUE(all(s).empty());
  EXPECT_TRUE(s.stats()["batches"].empty());
  // With the gazetteer back, the same rows import (not duplicates) and are located.
  int calls = 0;
  EXPECT_EQ(import_places(s, lines, &calls).imported, 1u);
  ASSERT_EQ(all(s).size(), 1u);
  EXPECT_TRUE(all(s)[0].lon);
}

TEST(Append, CorrectionsInOneBatchWithTheirResolution) {
  TempDir t;
  Store s = Store::create_or_open(t / "a.db");
  int calls = 0;
  import_places(s, {place_line("al-Lataminah", 3), place_line("Hbit", 4)}, &calls);
  auto before = all(s);
  ASSERT_EQ(before.size(), 2u);

  std::vector<Store::NewReport> fresh;
  for (const auto& r : before) {
    json j = r.report;
    j["supersedes"] = r.id;
    j["relocated_from"] = r.id;
    RowOutcome o = report_from_json(j);
    ASSERT_TRUE(o.report) << o.error;
    fresh.push_back({*o.report, json{{"resolved", true}, {"status", "resolved"}, {"lon", 36.6}, {"lat", 35.3}}});
  }
  const BatchSummary b = s.append("relocate", fresh);
  EXPECT_EQ(b.imported, 2u);
  EXPECT_EQ(b.rows, 2u);
  const json batches = s.stats()["batches"];
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[1]["file"], "relocate");
  EXPECT_EQ(batches[1]["importer"], "relocate");

  const auto current = all(s, false);
  ASSERT_EQ(current.size(), 2u);
  for (const auto& r : current) {
    EXPECT_EQ(r.importer, "relocate");
    EXPECT_EQ(r.batch_id, b.batch_id);
    ASSERT_TRUE(r.lon);
    EXPECT_DOUBLE_EQ(*r.lon, 36.6);
    EXPECT_EQ(r.place_resolution["status"], "resolved");
    EXPECT_EQ(r.report["supersedes"], r.report["relocated_from"]);
    EXPECT_EQ(effective_location(r).method, "place");
  }
  for (const auto& r : all(s))
    if (r.importer == "jsonl") {
      EXPECT_FALSE(r.superseded_by.empty()) << r.id;
    }
  EXPECT_EQ(calls, 2) << "append records the given resolution; it does not resolve";

  // The same corrections again: duplicates, nothing new.
  const BatchSummary again = s.append("relocate", fresh);
  EXPECT_EQ(again.imported, 0u);
  EXPECT_EQ(again.duplicates, 2u);
  EXPECT_EQ(all(s).size(), 4u);
}

}  // namespace
}  // namespace truceline::store
