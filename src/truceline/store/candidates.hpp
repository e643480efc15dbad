// The review queue (docs/report-format.md "Candidate reports", docs/ledger.md "Review"):
// candidate reports waiting for a decision, and the decisions (`review` entries of the log).
//
// - A candidate is a report proposed by `ingest --candidate`, by a row with "status":
//   "candidate", or by a `report` entry of the log whose body says so. It lives in its own
//   table (schema 4): nothing that reads reports (reports, assess, report, the app) sees it.
//   Its id is "c" + the first 20 hex digits of its content hash (the same hash a report gets:
//   accepted unchanged, it becomes report "r" + the same digits).
// - A decision is one `review` entry (accept, reject, correct), applied by decide() inside the
//   log's append transaction: accept imports the candidate as a report, correct imports the
//   corrected report (the candidate stays as it was, in the history), reject imports nothing.
//   One decision per candidate: a second is refused (a decision is final).
// Errors: decide() returns the refusal's reason (400, naming the field); SQLite failures are
// store::StoreError; a candidate row whose JSON does not match its hash is DamagedError.
// Thread safety: as Store (one thread per Store).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "truceline/store/record.hpp"

namespace truceline::store {

class Store;

struct CandidateDecision {
  uint64_t index = 0;  // the review entry's index in the log
  std::string party, decision, reason, timestamp;  // decision: accept | reject | correct
  nlohmann::json changes;  // correct: the changed fields; else null
  std::string report_id;   // accept, correct: the report that joined the store; reject: ""
};

struct Candidate {
  std::string id;  // "c" + 20 hex digits
  nlohmann::json report;  // the proposed report, normalized (without "status")
  nlohmann::json place_resolution;  // null unless located by a place name
  int64_t batch_id = 0;
  std::string file, importer;  // the batch's file and importer ("ledger" for the log)
  std::size_t row_number = 0;  // the input row, or the report entry's index (importer ledger)
  std::optional<uint64_t> ledger_index;  // came through the log: its report entry
  std::string submitted_by;  // that entry's party
  std::string received;      // when the store took it (UTC)
  std::string status = "pending";  // pending | accepted | rejected | corrected
  std::vector<CandidateDecision> decisions;  // at most one (decisions are final)
};

// The place resolution ingest records for a candidate that says itself why it has no point:
// a string member "unlocated" (issue 14's `extract` writes it for an event that names only a
// region, "Idlib province", whose name is also a town's): {"resolved": false, "status":
// "unlocated", "reason": that string}, so the candidate waits in the review queue unlocated
// ("location unknown", with the reason) instead of being put at the town. nullopt otherwise
// (the place is resolved as any report's).
std::optional<nlohmann::json> stated_unlocated(const Report& r);

// "pending", "decided" or "all" (std::invalid_argument otherwise), in the order received.
// A store without the review queue (schema < 4, read as it is) has no candidates.
std::vector<Candidate> list_candidates(const Store& store, const std::string& status);
// {"id","report","source":{"importer","file","row"} or {"importer":"ledger","ledger_index","party"},
//  "ledger_index" (or null),"received","status","decisions":[{"index","party","decision","reason",
//  "changes","timestamp","report_id"}],"effective_location"}: the /v1/app/candidates item.
nlohmann::json to_json(const Candidate& c);

// A `review` entry's body (docs/ledger.md, "Review"):
//   {"candidate": "c…", "decision": "accept"|"reject"|"correct", "reason": TEXT, "changes": {...}}
// reason: required (non-blank) for reject, optional otherwise; changes: required (non-empty)
// for correct, refused otherwise; its members: place (string, only with lon and lat), lon and
// lat (numbers, together),
// unlocated (null only: removes the candidate's stated_unlocated mark),
// location_precision_m (number or null), actor (string or null), observed_at (string),
// time_precision (string).
struct ReviewBody {
  std::string candidate, decision, reason;
  nlohmann::json changes;  // object (correct) or null
};
// The body's shape, or the reason it is refused ("entry.body.reason: ...").
std::variant<ReviewBody, std::string> parse_review_body(const nlohmann::json& body);
// The candidate's report with `changes` applied (null removes a field), validated as ingest
// validates a report; the error names what is wrong.
RowOutcome corrected_report(const nlohmann::json& report, const nlohmann::json& changes);

// Applies a decision inside the caller's write transaction (ledger::Log::append), for the
// review entry about to be appended at `entry_index` with `ref`: "" when applied, else the
// reason it is refused (400). The rules: the candidate exists; `ref` is its report entry's
// index when it came through the log, null when it was ingested; it is not decided yet; the
// report it makes join is one the store takes (not quarantined).
std::string decide(Store& store, const ReviewBody& body, std::optional<uint64_t> ref, uint64_t entry_index);

// The index of the review entry that decided `candidate` (an id "c…"), if any.
std::optional<uint64_t> decision_index(const Store& store, const std::string& candidate);

}  // namespace truceline::store
