// GET /v1/app/candidates (server/review_api.hpp, docs/api.md "The review queue"): the contract's
// shape, the status filter, and 400 for a bad status or an unknown parameter.
#include "truceline/server/review_api.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "truceline/store/store.hpp"

namespace truceline::server {
namespace {

using nlohmann::json;

struct Dir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("truceline-review-api-" + std::to_string(::getpid()));
  Dir() { std::filesystem::create_directories(path); }
  ~Dir() { std::filesystem::remove_all(path); }
};

TEST(ReviewApi, CandidatesByStatus) {
  Dir dir;
  const std::string db = (dir.path / "s.db").string();
  {
    store::Store s = store::Store::create_or_open(db);
    store::ImportOptions o;
    o.file = "c.jsonl";
    o.file_hash = "0";
    o.importer = "jsonl";
    const std::vector<std::string> rows = {
        R"({"observed_at":"2018-11-24","lon":36.5,"lat":35.5,"kind":"shelling","status":"candidate","source":{"name":"A","type":"media"}})",
        R"({"observed_at":"2018-11-24","lon":36.6,"lat":35.5,"kind":"shelling","source":{"name":"M","type":"monitor"}})"};
    std::size_t i = 0;
    ASSERT_EQ(s.import(o, [&](store::InputRow& row) {
                if (i == rows.size()) return false;
                row.number = i + 1;
                row.raw = rows[i];
                row.outcome = store::report_from_jsonl(rows[i++]);
                return true;
              }).candidates,
              1u);
  }
  EXPECT_TRUE(is_review_path("/v1/app/candidates"));
  EXPECT_FALSE(is_review_path("/v1/app/incidents"));
  Response r = review_get(db, "/v1/app/candidates", {});
  ASSERT_EQ(r.status, 200u) << r.body;
  json j = json::parse(r.body);
  ASSERT_EQ(j["candidates"].size(), 1u);
  const json& c = j["candidates"][0];
  for (const char* k : {"id", "report", "source", "ledger_index", "received", "status", "decisions", "effective_location"})
    EXPECT_TRUE(c.contains(k)) << k;
  EXPECT_EQ(c["status"], "pending");
  EXPECT_EQ(c["source"]["file"], "c.jsonl");
  EXPECT_EQ(c["source"]["row"], 1);
  EXPECT_TRUE(c["ledger_index"].is_null());
  EXPECT_FALSE(c["report"].contains("status"));
  EXPECT_EQ(json::parse(review_get(db, "/v1/app/candidates", {{"status", "all"}}).body)["candidates"].size(), 1u);
  EXPECT_EQ(json::parse(review_get(db, "/v1/app/candidates", {{"status", "decided"}}).body)["candidates"].size(), 0u);
  r = review_get(db, "/v1/app/candidates", {{"status", "done"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_NE(r.body.find("status 'done'"), std::string::npos) << r.body;
  r = review_get(db, "/v1/app/candidates", {{"stat", "all"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_NE(r.body.find("unknown parameter 'stat'"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace truceline::server
