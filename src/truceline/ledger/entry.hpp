// Ledger entries and envelopes (docs/ledger.md, "Entry", "Envelope", "Leaf").
//
// An entry is the JSON object a party signs, with exactly these members:
//   party (string), type (report|ack|dispute|notification|review|correction),
//   ref (the index of the entry it answers, or null; required for ack, dispute, review,
//   correction), body (object), timestamp ("YYYY-MM-DDTHH:MM:SSZ"), nonce (base64 of 16 bytes).
// Signed message = kEntryDomain followed by the RFC 8785 canonical JSON of the entry.
// Envelope = {"entry": ENTRY, "signature": base64(64 bytes)}; leaf = canonical JSON of the
// envelope; leaf hash = SHA-256(0x00 || leaf).
//
// Checks, in this order (the first failure is the answer; docs/ledger.md, "Refusals"):
//   parse_envelope     400  not an object, missing/extra/ill-typed member, bad nonce/signature
//                            encoding, body not an object
//   check_signer       403  unknown party; an observer writing anything but a candidate report
//                      401  the signature does not verify with entry.party's key (also: signed
//                            by another party's key)
//   check_content      400  ref missing for its type or >= the log's size; timestamp outside
//                            ±kMaxClockSkew of now; a body its type does not allow (a report
//                            that `ingest` would quarantine, a dispute without a reason)
// Every reason is one line that names the field ("entry.ref: ...").
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/parties.hpp"

namespace truceline::ledger {

inline constexpr std::string_view kEntryDomain = "truceline-ledger-entry-v1\n";
inline constexpr int64_t kMaxClockSkew_s = 600;

const std::vector<std::string>& entry_types();
// ack, dispute, correction answer an entry: ref required. (A review's ref is its candidate's
// report entry, or null for an ingested candidate: checked by Log::append against the store.)
bool type_needs_ref(const std::string& type);

struct Refusal {
  int status = 400;  // 400, 401, 403
  std::string reason;
};

struct ParsedEnvelope {
  nlohmann::json entry;
  std::string party, type;
  std::optional<uint64_t> ref;
  std::string timestamp;  // as written
  int64_t timestamp_unix = 0;
  Signature signature{};
  std::string leaf;  // canonical JSON of the envelope
  Hash leaf_hash{};
};

// The signed message for an entry: kEntryDomain + canonical_json(entry).
std::string signing_message(const nlohmann::json& entry);

// A new entry with a random nonce. `timestamp_unix` is written as YYYY-MM-DDTHH:MM:SSZ.
nlohmann::json make_entry(const std::string& party, const std::string& type, std::optional<uint64_t> ref,
                          nlohmann::json body, int64_t timestamp_unix);
// The envelope {"entry": entry, "signature": ...} signed with `key`.
nlohmann::json sign_entry(const nlohmann::json& entry, const KeyPair& key);

std::variant<ParsedEnvelope, Refusal> parse_envelope(const nlohmann::json& envelope);
// A report entry whose body says "status": "candidate" (for the review queue). Observers may
// submit these, and only these.
bool is_candidate_report(const ParsedEnvelope& e);
std::optional<Refusal> check_signer(const ParsedEnvelope& e, const Parties& parties);
// `log_size`: entries before this one (ref must be < it). `now_unix`: nullopt skips the
// timestamp window (offline verification: the server's clock at the time is not known).
std::optional<Refusal> check_content(const ParsedEnvelope& e, uint64_t log_size, std::optional<int64_t> now_unix);

}  // namespace truceline::ledger
