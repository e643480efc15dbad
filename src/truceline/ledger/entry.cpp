#include "truceline/ledger/entry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "truceline/ledger/canonical.hpp"
#include "truceline/ledger/merkle.hpp"
#include "truceline/store/candidates.hpp"
#include "truceline/store/record.hpp"
#include "truceline/time.hpp"

namespace truceline::ledger {

namespace {

Refusal bad(std::string reason) { return {400, std::move(reason)}; }

// YYYY-MM-DDTHH:MM:SSZ exactly (RFC 3339, UTC, whole seconds).
std::optional<int64_t> strict_utc(const std::string& s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const auto t = parse_iso8601(s);
  if (!t || !t->has_offset || t->date_only) return std::nullopt;
  if (format_iso8601_utc(t->unix_seconds) != s) return std::nullopt;  // e.g. 23:59:60, 02-30
  return t->unix_seconds;
}

}  // namespace

const std::vector<std::string>& entry_types() {
  static const std::vector<std::string> t{"report", "ack", "dispute", "notification", "review", "correction"};
  return t;
}

bool type_needs_ref(const std::string& type) {
  // A review's ref is its candidate's report entry, or null for a candidate that was ingested
  // (not an entry of the log): checked against the store when it is appended (Log::append).
  return type == "ack" || type == "dispute" || type == "correction";
}

bool is_candidate_report(const ParsedEnvelope& e) {
  if (e.type != "report") return false;
  const auto& body = e.entry["body"];
  const auto it = body.find("status");
  return it != body.end() && it->is_string() && it->get_ref<const std::string&>() == "candidate";
}

std::string signing_message(const nlohmann::json& entry) {
  std::string m(kEntryDomain);
  canonical_json(entry, m);
  return m;
}

nlohmann::json make_entry(const std::string& party, const std::string& type, std::optional<uint64_t> ref,
                          nlohmann::json body, int64_t timestamp_unix) {
  return {{"party", party},
          {"type", type},
          {"ref", ref ? nlohmann::json(*ref) : nlohmann::json(nullptr)},
          {"body", std::move(body)},
          {"timestamp", format_iso8601_utc(timestamp_unix)},
          {"nonce", base64(random_bytes(16))}};
}

nlohmann::json sign_entry(const nlohmann::json& entry, const KeyPair& key) {
  const Signature sig = sign(signing_message(entry), key);
  return {{"entry", entry}, {"signature", base64(bytes_of(sig))}};
}

std::variant<ParsedEnvelope, Refusal> parse_envelope(const nlohmann::json& env) {
  ParsedEnvelope p;
  if (!env.is_object()) return bad("the envelope must be a JSON object {\"entry\":{...},\"signature\":\"...\"}");
  for (const auto& [k, v] : env.items())
    if (k != "entry" && k != "signature") return bad(fmt::format("{}: unknown member of the envelope", k));
  if (!env.contains("entry")) return bad("entry: missing");
  if (!env.contains("signature")) return bad("signature: missing");
  const auto& e = env["entry"];
  if (!e.is_object()) return bad("entry: must be an object");
  static const std::vector<std::string> members{"party", "type", "ref", "body", "timestamp", "nonce"};
  for (const auto& [k, v] : e.items())
    if (std::find(members.begin(), members.end(), k) == members.end())
      return bad(fmt::format("entry.{}: unknown member (members: party, type, ref, body, timestamp, nonce)", k));
  for (const auto& m : members)
    if (!e.contains(m)) return bad(fmt::format("entry.{}: missing", m));
  if (!e["party"].is_string() || e["party"].get_ref<const std::string&>().empty())
    return bad("entry.party: must be a non-empty string");
  p.party = e["party"].get<std::string>();
  if (!e["type"].is_string()) return bad("entry.type: must be a string");
  p.type = e["type"].get<std::string>();
  if (std::find(entry_types().begin(), entry_types().end(), p.type) == entry_types().end())
    return bad(fmt::format("entry.type: \"{}\" is not one of report, ack, dispute, notification, review, correction",
                           p.type));
  const auto& ref = e["ref"];
  if (ref.is_number_unsigned()) p.ref = ref.get<uint64_t>();
  else if (ref.is_number_integer() && ref.get<int64_t>() >= 0) p.ref = static_cast<uint64_t>(ref.get<int64_t>());
  else if (!ref.is_null()) return bad("entry.ref: must be a non-negative integer (an entry index) or null");
  if (!e["body"].is_object()) return bad("entry.body: must be an object");
  if (!e["timestamp"].is_string()) return bad("entry.timestamp: must be a string YYYY-MM-DDTHH:MM:SSZ");
  p.timestamp = e["timestamp"].get<std::string>();
  const auto t = strict_utc(p.timestamp);
  if (!t) return bad(fmt::format("entry.timestamp: \"{}\" is not YYYY-MM-DDTHH:MM:SSZ (UTC)", p.timestamp));
  p.timestamp_unix = *t;
  if (!e["nonce"].is_string()) return bad("entry.nonce: must be a string (base64 of 16 random bytes)");
  const auto nonce = from_base64(e["nonce"].get_ref<const std::string&>());
  if (!nonce || nonce->size() != 16) return bad("entry.nonce: must be the standard base64 of 16 random bytes");
  const auto& s = env["signature"];
  if (!s.is_string()) return bad("signature: must be a string (standard base64 of 64 bytes)");
  const auto sig = from_base64(s.get_ref<const std::string&>());
  if (!sig || sig->size() != 64) return bad("signature: must be the standard base64 of 64 bytes");
  std::memcpy(p.signature.data(), sig->data(), 64);
  try {
    p.leaf = canonical_json(env);
  } catch (const std::exception& ex) {
    return bad(fmt::format("entry: {}", ex.what()));
  }
  p.leaf_hash = leaf_hash(p.leaf);
  p.entry = e;
  return p;
}

std::optional<Refusal> check_signer(const ParsedEnvelope& e, const Parties& parties) {
  const Party* party = parties.find(e.party);
  if (!party) return Refusal{403, fmt::format("entry.party: unknown party \"{}\" (not in the parties file)", e.party)};
  // An observer reads, and may propose candidate reports for the review queue (docs/ledger.md,
  // "Review"): a guarantor or monitor decides whether they join the assessment.
  if (!party->may_write() && !is_candidate_report(e))
    return Refusal{403, fmt::format("entry.party: \"{}\" is an observer: observers read, and submit only candidate "
                                    "reports (\"status\": \"candidate\")",
                                    e.party)};
  if (!verify(signing_message(e.entry), e.signature, party->public_key))
    return Refusal{401, fmt::format("signature: does not verify with the key of party \"{}\" (a bad signature, or "
                                    "signed by another key)",
                                    e.party)};
  return std::nullopt;
}

std::optional<Refusal> check_content(const ParsedEnvelope& e, uint64_t log_size, std::optional<int64_t> now_unix) {
  if (type_needs_ref(e.type) && !e.ref)
    return bad(fmt::format("entry.ref: required for a{} {} (the index of the entry it answers)",
                           e.type == "ack" ? "n" : "", e.type));
  if (e.ref && *e.ref >= log_size)
    return bad(fmt::format("entry.ref: {} is not an entry of the log (size {})", *e.ref, log_size));
  if (now_unix && (e.timestamp_unix < *now_unix - kMaxClockSkew_s || e.timestamp_unix > *now_unix + kMaxClockSkew_s)) {
    // Past: an old envelope replayed, or a slow clock; future: a fast clock. Either way the
    // signing machine's clock (UTC) is what to check.
    const bool past = e.timestamp_unix < *now_unix;
    return bad(fmt::format("entry.timestamp: {} is {}: more than {} s {} the server's clock ({}); check the signing "
                           "machine's clock (UTC) and sign again",
                           e.timestamp, past ? "stale" : "in the future", kMaxClockSkew_s, past ? "behind" : "ahead of",
                           format_iso8601_utc(*now_unix)));
  }
  const auto& body = e.entry["body"];
  if (e.type == "report") {
    const store::RowOutcome o = store::report_from_json(body);
    if (!o.report) return bad(fmt::format("entry.body: not a valid report: {}", o.error));
  } else if (e.type == "dispute") {
    for (const auto& [k, v] : body.items())
      if (k != "reason") return bad(fmt::format("entry.body.{}: unknown member of a dispute (members: reason)", k));
    if (!body.contains("reason") || !body["reason"].is_string() ||
        body["reason"].get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos)
      return bad("entry.body.reason: a dispute needs a non-empty reason");
  } else if (e.type == "review") {
    const auto b = store::parse_review_body(body);
    if (const auto* why = std::get_if<std::string>(&b)) return bad(*why);
  } else if (e.type == "ack") {
    for (const auto& [k, v] : body.items())
      if (k != "note") return bad(fmt::format("entry.body.{}: unknown member of an ack (members: note)", k));
    if (body.contains("note") && !body["note"].is_string()) return bad("entry.body.note: must be a string");
  }
  return std::nullopt;
}

}  // namespace truceline::ledger
