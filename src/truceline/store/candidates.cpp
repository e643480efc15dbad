// The review queue: see candidates.hpp.
#include "truceline/store/candidates.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <stdexcept>
#include <utility>

#include "truceline/store/integrity.hpp"
#include "truceline/store/sqlite_error.hpp"
#include "truceline/store/store.hpp"

namespace truceline::store {

namespace {

// A prepared statement (the store's own Stmt is private to store.cpp).
class Sql {
 public:
  Sql(sqlite3* db, const char* sql) : db_(db) {
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); rc != SQLITE_OK)
      throw SqliteError(db, rc, std::string(sqlite3_errmsg(db)) + " in: " + sql);
  }
  ~Sql() { sqlite3_finalize(s_); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;
  Sql& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Sql& blob(int i, const std::string& v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Sql& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SqliteError(db_, rc);
  }
  bool is_null(int i) const { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  int64_t integer(int i) const { return sqlite3_column_int64(s_, i); }
  std::string text(int i) const {
    const auto* p = sqlite3_column_blob(s_, i);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

bool has_queue(sqlite3* db) {
  Sql t(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'candidate'");
  return t.step();
}

// "c" + 20 lower-case hex digits.
bool is_candidate_id(const std::string& id) {
  if (id.size() != 21 || id[0] != 'c') return false;
  for (std::size_t i = 1; i < id.size(); ++i)
    if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f'))) return false;
  return true;
}

// The content hashes whose id is `id` (a valid candidate id): [the 10 bytes of its digits,
// the same plus one).
std::pair<std::string, std::string> hash_range(const std::string& id) {
  std::string lo;
  for (std::size_t i = 1; i + 1 < id.size(); i += 2)
    lo += static_cast<char>(std::stoi(id.substr(i, 2), nullptr, 16));
  std::string hi = lo;
  std::size_t k = hi.size();
  while (k > 0 && static_cast<unsigned char>(hi[k - 1]) == 0xFF) --k;
  if (k == 0) hi.assign(40, '\xFF');
  else hi.resize(k), hi[k - 1] = static_cast<char>(static_cast<unsigned char>(hi[k - 1]) + 1);
  return {lo, hi};
}

bool blank_text(const nlohmann::json& v) { return !v.is_string() || blank(v.get_ref<const std::string&>()); }

constexpr const char* kSelect =
    "SELECT c.cid, c.id, c.json, c.place_resolution, c.batch_id, b.file, c.importer, c.row_number, c.ingested_at, "
    "c.content_hash, d.ledger_index, d.decision, d.report_hash, e.envelope, se.party "
    "FROM candidate c JOIN batch b ON b.id = c.batch_id "
    "LEFT JOIN candidate_decision d ON d.cid = c.cid "
    "LEFT JOIN ledger_entry e ON e.idx = d.ledger_index "
    "LEFT JOIN ledger_entry se ON c.importer = 'ledger' AND se.idx = c.row_number ";

Candidate read_row(const Sql& q, const std::string& path) {
  Candidate c;
  c.id = q.text(1);
  const std::string json = q.text(2);
  if (sha256_bytes(json) != q.text(9))
    throw DamagedError(path, fmt::format("candidate {}: content does not match its hash", c.id));
  c.report = nlohmann::json::parse(json, nullptr, false);
  if (c.report.is_discarded()) throw DamagedError(path, fmt::format("candidate {}: its JSON does not parse", c.id));
  if (!q.is_null(3)) c.place_resolution = nlohmann::json::parse(q.text(3), nullptr, false);
  if (c.place_resolution.is_discarded()) c.place_resolution = nullptr;
  c.batch_id = q.integer(4);
  c.file = q.text(5);
  c.importer = q.text(6);
  c.row_number = static_cast<std::size_t>(q.integer(7));
  c.received = q.text(8);
  if (c.importer == "ledger") {
    c.ledger_index = static_cast<uint64_t>(c.row_number);
    c.submitted_by = q.text(14);
  }
  if (!q.is_null(10)) {
    CandidateDecision d;
    d.index = static_cast<uint64_t>(q.integer(10));
    d.decision = q.text(11);
    if (!q.is_null(12)) d.report_id = "r" + hash_prefix_hex(q.text(12));
    const auto env = nlohmann::json::parse(q.text(13), nullptr, false);
    if (env.is_object() && env.contains("entry") && env["entry"].is_object()) {
      const auto& e = env["entry"];
      d.party = e.value("party", std::string());
      d.timestamp = e.value("timestamp", std::string());
      if (e.contains("body") && e["body"].is_object()) {
        d.reason = e["body"].value("reason", std::string());
        d.changes = e["body"].value("changes", nlohmann::json());
      }
    }
    c.status = d.decision == "accept" ? "accepted" : d.decision == "reject" ? "rejected" : "corrected";
    c.decisions.push_back(std::move(d));
  }
  return c;
}

}  // namespace

std::vector<Candidate> list_candidates(const Store& store, const std::string& status) try {
  if (status != "pending" && status != "decided" && status != "all")
    throw std::invalid_argument(fmt::format("status '{}': expected pending, decided or all", status));
  std::vector<Candidate> out;
  if (!has_queue(store.handle())) return out;
  std::string sql = kSelect;
  if (status == "pending") sql += "WHERE d.cid IS NULL ";
  if (status == "decided") sql += "WHERE d.cid IS NOT NULL ";
  sql += "ORDER BY c.cid";
  Sql q(store.handle(), sql.c_str());
  while (q.step()) out.push_back(read_row(q, store.path()));
  return out;
} catch (const SqliteError& e) {
  throw_if_damaged(store.handle(), store.path());
  throw_store_error(store.path(), e);
}

nlohmann::json to_json(const Candidate& c) {
  nlohmann::json j;
  j["id"] = c.id;
  j["report"] = c.report;
  if (c.ledger_index) {
    j["source"] = {{"importer", "ledger"}, {"ledger_index", *c.ledger_index}, {"party", c.submitted_by}};
    j["ledger_index"] = *c.ledger_index;
  } else {
    j["source"] = {{"importer", c.importer}, {"file", c.file}, {"row", c.row_number}};
    j["ledger_index"] = nullptr;
  }
  j["received"] = c.received;
  j["status"] = c.status;
  nlohmann::json ds = nlohmann::json::array();
  for (const auto& d : c.decisions)
    ds.push_back({{"index", d.index},
                  {"party", d.party},
                  {"decision", d.decision},
                  {"reason", d.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.reason)},
                  {"changes", d.changes},
                  {"timestamp", d.timestamp},
                  {"report_id", d.report_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.report_id)}});
  j["decisions"] = ds;
  StoredReport r;
  r.report = c.report;
  r.place_resolution = c.place_resolution;
  if (c.place_resolution.is_object() && c.place_resolution.value("resolved", false) &&
      c.place_resolution.contains("lon") && c.place_resolution.contains("lat")) {
    r.lon = c.place_resolution["lon"].get<double>();
    r.lat = c.place_resolution["lat"].get<double>();
  }
  j["effective_location"] = to_json(effective_location(r));
  return j;
}

std::optional<nlohmann::json> stated_unlocated(const Report& r) {
  const auto it = r.extra.find("unlocated");
  if (it == r.extra.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return std::nullopt;
  return nlohmann::json{{"resolved", false}, {"status", "unlocated"}, {"reason", it->get<std::string>()}};
}

std::variant<ReviewBody, std::string> parse_review_body(const nlohmann::json& body) {
  ReviewBody b;
  for (const auto& [k, v] : body.items())
    if (k != "candidate" && k != "decision" && k != "reason" && k != "changes")
      return fmt::format("entry.body.{}: unknown member of a review (members: candidate, decision, reason, changes)", k);
  if (!body.contains("candidate") || !body["candidate"].is_string() ||
      !is_candidate_id(body["candidate"].get<std::string>()))
    return std::string("entry.body.candidate: required: the candidate's id (c and 20 hex digits, as `truceline "
                       "review list` prints it)");
  b.candidate = body["candidate"].get<std::string>();
  if (!body.contains("decision") || !body["decision"].is_string())
    return std::string("entry.body.decision: required: accept, reject or correct");
  b.decision = body["decision"].get<std::string>();
  if (b.decision != "accept" && b.decision != "reject" && b.decision != "correct")
    return fmt::format("entry.body.decision: \"{}\" is not accept, reject or correct", b.decision);
  if (body.contains("reason")) {
    if (!body["reason"].is_string()) return std::string("entry.body.reason: must be a string");
    b.reason = body["reason"].get<std::string>();
  }
  if (b.decision == "reject" && blank_text(body.value("reason", nlohmann::json())))
    return std::string("entry.body.reason: a rejection needs a non-blank reason");
  if (b.decision != "correct") {
    if (body.contains("changes")) return fmt::format("entry.body.changes: only a correction has changes (this is {})", b.decision);
    return b;
  }
  if (!body.contains("changes") || !body["changes"].is_object() || body["changes"].empty())
    return std::string("entry.body.changes: a correction needs a non-empty object of changed fields (place, lon and lat, "
                       "location_precision_m, actor, observed_at, time_precision)");
  const auto& ch = body["changes"];
  for (const auto& [k, v] : ch.items()) {
    if (k == "lon" || k == "lat") {
      if (!v.is_number()) return fmt::format("entry.body.changes.{}: must be a number (degrees)", k);
    } else if (k == "location_precision_m") {
      if (!v.is_number() && !v.is_null()) return fmt::format("entry.body.changes.{}: must be a number (metres) or null", k);
    } else if (k == "actor") {
      if (!v.is_string() && !v.is_null()) return fmt::format("entry.body.changes.{}: must be a string or null", k);
    } else if (k == "observed_at" || k == "time_precision" || k == "place") {
      if (!v.is_string()) return fmt::format("entry.body.changes.{}: must be a string", k);
    } else if (k == "unlocated") {
      if (!v.is_null()) return fmt::format("entry.body.changes.{}: may only be removed (null)", k);
    } else {
      return fmt::format("entry.body.changes.{}: not a field a correction may change (place, lon and lat, unlocated, "
                         "location_precision_m, actor, observed_at, time_precision)",
                         k);
    }
  }
  if (ch.contains("lon") != ch.contains("lat"))
    return std::string("entry.body.changes: lon and lat are changed together");
  // A new place name comes with the point it names (`truceline review correct place=NAME`
  // resolves it as ingest does and records lon and lat): the candidate's own place resolution,
  // kept for the report, is not the new name's.
  if (ch.contains("place") && !ch.contains("lon"))
    return std::string("entry.body.changes.place: needs lon and lat (the point the name was resolved to)");
  b.changes = ch;
  return b;
}

RowOutcome corrected_report(const nlohmann::json& report, const nlohmann::json& changes) {
  nlohmann::json j = report;
  if (changes.is_object())
    for (const auto& [k, v] : changes.items()) {
      if (v.is_null()) j.erase(k);
      else j[k] = v;
    }
  // Coordinates given by the reviewer (the web app's correction, `review correct lon= lat=`)
  // locate the report: the candidate's `unlocated` mark (stated_unlocated) no longer holds.
  if (changes.is_object() && changes.contains("lon")) j.erase("unlocated");
  RowOutcome o = report_from_json(j);
  if (!o.report) o.error = "entry.body.changes: the corrected report is not valid: " + o.error;
  return o;
}

std::optional<uint64_t> decision_index(const Store& store, const std::string& candidate) try {
  if (!has_queue(store.handle())) return std::nullopt;
  if (!is_candidate_id(candidate)) return std::nullopt;
  const auto [lo, hi] = hash_range(candidate);
  Sql q(store.handle(), "SELECT d.ledger_index FROM candidate c JOIN candidate_decision d ON d.cid = c.cid WHERE "
                        "c.content_hash >= ? AND c.content_hash < ? AND c.id = ?");
  q.blob(1, lo).blob(2, hi).bind(3, candidate);
  if (q.step()) return static_cast<uint64_t>(q.integer(0));
  return std::nullopt;
} catch (const SqliteError& e) {
  throw_store_error(store.path(), e);
}

std::string decide(Store& store, const ReviewBody& body, std::optional<uint64_t> ref, uint64_t entry_index) try {
  sqlite3* db = store.handle();
  std::optional<Candidate> found;
  {
    // The id is a generated column (not indexed): found through its range of the unique
    // content-hash index, as Store::has_report finds a report.
    const auto [lo, hi] = hash_range(body.candidate);
    Sql q(db, (std::string(kSelect) + "WHERE c.content_hash >= ? AND c.content_hash < ? AND c.id = ?").c_str());
    q.blob(1, lo).blob(2, hi).bind(3, body.candidate);
    if (q.step()) found = read_row(q, store.path());
  }
  if (!found)
    return fmt::format("entry.body.candidate: no candidate {} in the store (truceline review list)", body.candidate);
  const Candidate& c = *found;
  if (c.ledger_index && ref != c.ledger_index)
    return fmt::format("entry.ref: candidate {} came through the log as entry {}: ref must be {}", c.id,
                       *c.ledger_index, *c.ledger_index);
  if (!c.ledger_index && ref)
    return fmt::format("entry.ref: candidate {} was ingested from {} (not an entry of the log): ref must be null",
                       c.id, c.file);
  if (!c.decisions.empty())
    return fmt::format("entry.body.candidate: {} was already decided by entry {} ({}): a decision is final", c.id,
                       c.decisions.front().index, c.decisions.front().decision);
  std::optional<std::string> report_hash;
  if (body.decision != "reject") {
    const RowOutcome o =
        body.decision == "correct" ? corrected_report(c.report, body.changes) : report_from_json(c.report);
    if (!o.report) return o.error;
    ImportOptions io;
    io.file = "review";
    io.importer = "review";
    io.nested = true;
    const std::string raw = o.report->canonical_json();
    io.file_hash = sha256_hex(raw);
    std::string refused;
    io.on_store_quarantine = [&](const InputRow&, const std::string& reason) { refused = reason; };
    bool given = false;
    const BatchSummary sum = store.import(io, [&](InputRow& row) {
      if (given) return false;
      given = true;
      row.number = entry_index;
      row.raw = raw;
      row.outcome = o;
      // The place the candidate was located by (a correction with lon/lat has coordinates).
      row.place_resolution = c.place_resolution;
      return true;
    });
    if (sum.quarantined > 0)
      return fmt::format("entry.body: the store refused the report: {}",
                         refused.empty() ? std::string("quarantined") : refused);
    report_hash = sha256_bytes(raw);
  }
  Sql ins(db, "INSERT INTO candidate_decision(cid, ledger_index, decision, report_hash) "
              "SELECT cid, ?, ?, ? FROM candidate WHERE id = ?");
  ins.bind(1, static_cast<int64_t>(entry_index)).bind(2, body.decision);
  if (report_hash) ins.blob(3, *report_hash);
  ins.bind(4, c.id);
  ins.step();
  return "";
} catch (const SqliteError& e) {
  throw_store_error(store.path(), e);
}

}  // namespace truceline::store
