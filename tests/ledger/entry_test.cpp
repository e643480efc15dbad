// Entry validation: each refusal rule with its status and a reason naming the field.
#include "truceline/ledger/entry.hpp"

#include <gtest/gtest.h>

#include "ledger/fixture.hpp"
#include "truceline/ledger/canonical.hpp"
#include "truceline/ledger/merkle.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;
using nlohmann::json;

Refusal refusal_of(const json& env, const Parties& parties, uint64_t size = 10, std::optional<int64_t> now = kNow) {
  auto p = parse_envelope(env);
  if (auto* r = std::get_if<Refusal>(&p)) return *r;
  const auto& e = std::get<ParsedEnvelope>(p);
  if (auto r = check_signer(e, parties)) return *r;
  if (auto r = check_content(e, size, now)) return *r;
  return {200, ""};
}

void expect_refused(const json& env, const Parties& parties, int status, const std::string& reason_part,
                    uint64_t size = 10) {
  const Refusal r = refusal_of(env, parties, size);
  EXPECT_EQ(r.status, status) << r.reason;
  EXPECT_NE(r.reason.find(reason_part), std::string::npos) << r.reason;
  EXPECT_EQ(r.reason.find('\n'), std::string::npos) << "one line: " << r.reason;
}

TEST(Entry, SigningMessageIsDomainPlusCanonicalJson) {
  const json e = json::parse(R"({"type":"ack","party":"p","ref":1,"body":{},"timestamp":"2023-11-14T22:13:20Z","nonce":"AAAAAAAAAAAAAAAAAAAAAA=="})");
  EXPECT_EQ(signing_message(e),
            "truceline-ledger-entry-v1\n{\"body\":{},\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"party\":\"p\",\"ref\":1,"
            "\"timestamp\":\"2023-11-14T22:13:20Z\",\"type\":\"ack\"}");
}

TEST(Entry, ValidEnvelopesOfEveryTypePass) {
  const Cast c;
  const Parties parties = c.parties();
  for (const json& env : {envelope(c.north, "report", std::nullopt, report_body(1)),
                          envelope(c.south, "ack", 0, json::object()),
                          envelope(c.south, "ack", 0, {{"note", "seen"}}),
                          envelope(c.south, "dispute", 0, {{"reason", "not our unit"}}),
                          envelope(c.jmm, "notification", std::nullopt, {{"kind", "patrol"}}),
                          envelope(c.jmm, "review", 1, {{"candidate", "c0123456789abcdef0123"}, {"decision", "accept"}}),
                          envelope(c.north, "correction", 1, {{"text", "wrong village"}})}) {
    const Refusal r = refusal_of(env, parties);
    EXPECT_EQ(r.status, 200) << r.reason << " for " << env.dump();
  }
  const json env = envelope(c.north, "ack", 0, json::object());
  const auto p = std::get<ParsedEnvelope>(parse_envelope(env));
  EXPECT_EQ(p.leaf, canonical_json(env));
  EXPECT_EQ(p.leaf_hash, leaf_hash(p.leaf));
}

TEST(Entry, Refusals) {
  const Cast c;
  const Parties parties = c.parties();
  const json good = envelope(c.north, "ack", 0, json::object());
  // 400: malformed.
  expect_refused(json::array(), parties, 400, "must be a JSON object");
  expect_refused({{"entry", good["entry"]}}, parties, 400, "signature: missing");
  expect_refused({{"signature", good["signature"]}}, parties, 400, "entry: missing");
  json extra = good;
  extra["x"] = 1;
  expect_refused(extra, parties, 400, "x: unknown member of the envelope");
  for (const char* field : {"party", "type", "ref", "body", "timestamp", "nonce"}) {
    json e = good;
    e["entry"].erase(field);
    expect_refused(e, parties, 400, std::string("entry.") + field + ": missing");
  }
  json more = good;
  more["entry"]["colour"] = "red";
  expect_refused(more, parties, 400, "entry.colour: unknown member");
  auto with = [&](const char* field, json v) {
    json e = good;
    e["entry"][field] = std::move(v);
    return sign_entry(e["entry"], c.north);
  };
  expect_refused(with("type", "threat"), parties, 400, "entry.type: \"threat\" is not one of");
  expect_refused(with("ref", -1), parties, 400, "entry.ref: must be a non-negative integer");
  expect_refused(with("ref", "3"), parties, 400, "entry.ref: must be a non-negative integer");
  expect_refused(with("body", "text"), parties, 400, "entry.body: must be an object");
  expect_refused(with("timestamp", "2023-11-14T22:13:20+00:00"), parties, 400, "entry.timestamp:");
  expect_refused(with("timestamp", "2023-02-30T00:00:00Z"), parties, 400, "entry.timestamp:");
  expect_refused(with("nonce", "AAAA"), parties, 400, "entry.nonce:");
  json badsig = good;
  badsig["signature"] = "AAAA";
  expect_refused(badsig, parties, 400, "signature: must be the standard base64 of 64 bytes");
  // 403: unknown party, observer.
  expect_refused(envelope(test_key("nobody", 7), "ack", 0, json::object()), parties, 403,
                 "entry.party: unknown party \"nobody\"");
  expect_refused(envelope(c.press, "ack", 0, json::object()), parties, 403, "observer");
  // 401: bad signature; signed by another party's key; party changed after signing.
  json tampered = good;
  tampered["entry"]["body"] = {{"note", "changed"}};
  expect_refused(tampered, parties, 401, "signature: does not verify with the key of party \"north-force\"");
  json impostor = sign_entry(good["entry"], c.south);  // entry says north, south's key signed it
  expect_refused(impostor, parties, 401, "signature: does not verify");
  json other = good;
  other["entry"]["party"] = "south-force";
  expect_refused(other, parties, 401, "party \"south-force\"");
  // 400: content.
  expect_refused(envelope(c.north, "ack", std::nullopt, json::object()), parties, 400, "entry.ref: required for an ack");
  expect_refused(envelope(c.north, "dispute", std::nullopt, {{"reason", "x"}}), parties, 400,
                 "entry.ref: required for a dispute");
  expect_refused(envelope(c.north, "ack", 10, json::object()), parties, 400, "entry.ref: 10 is not an entry of the log (size 10)");
  expect_refused(envelope(c.north, "ack", 0, json::object()), parties, 400, "entry.ref: 0 is not an entry", 0);
  expect_refused(envelope(c.north, "ack", 0, json::object(), kNow - 601), parties, 400, "is stale: more than 600 s behind");
  expect_refused(envelope(c.north, "ack", 0, json::object(), kNow + 601), parties, 400,
                 "is in the future: more than 600 s ahead of the server's clock");
  EXPECT_EQ(refusal_of(envelope(c.north, "ack", 0, json::object(), kNow - 600), parties).status, 200);
  EXPECT_EQ(refusal_of(envelope(c.north, "ack", 0, json::object(), kNow + 600), parties).status, 200);
  expect_refused(envelope(c.north, "dispute", 0, json::object()), parties, 400, "entry.body.reason: a dispute needs");
  expect_refused(envelope(c.north, "dispute", 0, {{"reason", " "}}), parties, 400, "entry.body.reason");
  expect_refused(envelope(c.north, "ack", 0, {{"text", "x"}}), parties, 400, "entry.body.text: unknown member of an ack");
  json bad_report = report_body(1);
  bad_report.erase("observed_at");
  expect_refused(envelope(c.north, "report", std::nullopt, bad_report), parties, 400, "entry.body: not a valid report: ");
}

}  // namespace
}  // namespace truceline::ledger
