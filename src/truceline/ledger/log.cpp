#include "truceline/ledger/log.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <variant>

#include "truceline/error.hpp"
#include "truceline/ledger/canonical.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/store/candidates.hpp"
#include "truceline/store/record.hpp"
#include "truceline/store/sqlite_error.hpp"

namespace truceline::ledger {

namespace {

using store::SqliteError;

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); rc != SQLITE_OK)
      throw SqliteError(db, rc, std::string(sqlite3_errmsg(db)) + " in: " + sql);
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& blob(int i, std::string_view v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const SqliteError e(db_, rc);
    sqlite3_reset(s_);
    throw e;
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  int64_t integer(int i) const { return sqlite3_column_int64(s_, i); }
  bool is_null(int i) const { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  std::string text(int i) const {
    const auto* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }
  Hash hash(int i) const {
    Hash h{};
    const void* p = sqlite3_column_blob(s_, i);
    if (p && sqlite3_column_bytes(s_, i) == 32) std::memcpy(h.data(), p, 32);
    return h;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
    const std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw SqliteError(db, rc, msg);
  }
}

bool has_ledger(sqlite3* db) {
  Stmt s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'ledger_entry'");
  return s.step();
}

}  // namespace

struct Log::Impl {
  store::Store store;
  Parties parties;
  std::optional<KeyPair> key;
  bool empty_schema = false;  // read-only store without ledger tables

  Impl(store::Store s, Parties p, std::optional<KeyPair> k) : store(std::move(s)), parties(std::move(p)), key(std::move(k)) {}
  sqlite3* db() const { return store.handle(); }
  [[noreturn]] void fail(const SqliteError& e) const { store::throw_store_error(store.path(), e); }

  uint64_t size() {
    if (empty_schema) return 0;
    Stmt s(db(), "SELECT coalesce(max(idx) + 1, 0) FROM ledger_entry");
    s.step();
    return static_cast<uint64_t>(s.integer(0));
  }
  Hash node(unsigned level, uint64_t index) {
    if (level == 0) {
      Stmt s(db(), "SELECT leaf_hash FROM ledger_entry WHERE idx = ?");
      s.bind(1, static_cast<int64_t>(index));
      if (!s.step()) throw std::runtime_error(fmt::format("ledger: entry {} is missing", index));
      return s.hash(0);
    }
    Stmt s(db(), "SELECT hash FROM ledger_node WHERE level = ? AND idx = ?");
    s.bind(1, static_cast<int64_t>(level)).bind(2, static_cast<int64_t>(index));
    if (!s.step()) throw std::runtime_error(fmt::format("ledger: subtree hash ({}, {}) is missing", level, index));
    return s.hash(0);
  }
  NodeSource source() {
    return [this](unsigned level, uint64_t index) { return node(level, index); };
  }
  // Signs and stores the checkpoint of `size` unless one is stored. Inside a transaction.
  std::string sign_and_store(uint64_t size, int64_t now_unix) {
    Stmt get(db(), "SELECT note FROM ledger_checkpoint WHERE size = ?");
    get.bind(1, static_cast<int64_t>(size));
    if (get.step()) return get.text(0);
    const Checkpoint c{parties.origin, size, tree_root(source(), size)};
    const std::string note = sign_checkpoint(c, *key);
    Stmt put(db(), "INSERT INTO ledger_checkpoint(size, root, note, signed_unix) VALUES(?,?,?,?)");
    put.bind(1, static_cast<int64_t>(size)).blob(2, bytes_of(c.root)).bind(3, note).bind(4, now_unix).step();
    return note;
  }
};

Log::Log(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Log::Log(Log&&) noexcept = default;
Log& Log::operator=(Log&&) noexcept = default;
Log::~Log() = default;

Log Log::open(const std::string& db_path, const Parties& parties, std::optional<KeyPair> server_key) {
  if (server_key && parties.log_key && *parties.log_key != server_key->public_key)
    throw InputError(fmt::format("{}: [log] public_key {} is not the server key's ({})", parties.path,
                                 public_key_text(*parties.log_key), public_key_text(server_key->public_key)));
  store::Store s = store::Store::create_or_open(db_path);
  try {
    // Durable appends: the WAL is fsync'd at every commit (docs/ledger.md, "Store").
    exec(s.handle(), "PRAGMA synchronous=FULL");
  } catch (const SqliteError& e) {
    store::throw_store_error(db_path, e);
  }
  return Log(std::make_unique<Impl>(std::move(s), parties, std::move(server_key)));
}

Log Log::open_read_only(const std::string& db_path, const Parties& parties) {
  store::Store s = store::Store::open_existing(db_path, store::Access::read_only);
  auto impl = std::make_unique<Impl>(std::move(s), parties, std::nullopt);
  try {
    impl->empty_schema = !has_ledger(impl->db());
  } catch (const SqliteError& e) {
    impl->fail(e);
  }
  return Log(std::move(impl));
}

store::Store& Log::store() { return impl_->store; }
const std::string& Log::origin() const { return impl_->parties.origin; }
std::optional<PublicKey> Log::log_public_key() const {
  if (impl_->key) return impl_->key->public_key;
  return impl_->parties.log_key;
}

uint64_t Log::size() try { return impl_->size(); } catch (const SqliteError& e) {
  impl_->fail(e);
}

Hash Log::root(uint64_t size) try {
  if (size > impl_->size()) throw std::invalid_argument("Log::root: size beyond the log");
  return tree_root(impl_->source(), size);
} catch (const SqliteError& e) {
  impl_->fail(e);
}

std::vector<Hash> Log::inclusion_proof(uint64_t index, uint64_t size) try {
  if (size > impl_->size()) throw std::invalid_argument("Log::inclusion_proof: size beyond the log");
  return ledger::inclusion_proof(impl_->source(), index, size);
} catch (const SqliteError& e) {
  impl_->fail(e);
}

std::vector<Hash> Log::consistency_proof(uint64_t old_size, uint64_t new_size) try {
  if (new_size > impl_->size()) throw std::invalid_argument("Log::consistency_proof: size beyond the log");
  return ledger::consistency_proof(impl_->source(), old_size, new_size);
} catch (const SqliteError& e) {
  impl_->fail(e);
}

std::vector<Log::StoredEntry> Log::entries(uint64_t start, uint64_t end) try {
  std::vector<StoredEntry> out;
  if (impl_->empty_schema || start >= end) return out;
  Stmt s(impl_->db(), "SELECT idx, envelope, leaf_hash, received_unix FROM ledger_entry WHERE idx >= ? AND idx < ? "
                      "ORDER BY idx");
  s.bind(1, static_cast<int64_t>(start)).bind(2, static_cast<int64_t>(std::min<uint64_t>(end, INT64_MAX)));
  while (s.step())
    out.push_back({static_cast<uint64_t>(s.integer(0)), nlohmann::json::parse(s.text(1)), s.hash(2), s.integer(3)});
  return out;
} catch (const SqliteError& e) {
  impl_->fail(e);
}

void Log::for_each_raw_entry(const std::function<void(const RawEntry&)>& each) try {
  if (impl_->empty_schema) return;
  Stmt s(impl_->db(), "SELECT idx, envelope, leaf_hash, received_unix FROM ledger_entry ORDER BY idx");
  RawEntry r;
  while (s.step()) {
    r.index = s.integer(0);
    r.envelope = s.text(1);
    r.leaf_hash = s.text(2);
    r.received_unix = s.integer(3);
    each(r);
  }
} catch (const SqliteError& e) {
  impl_->fail(e);
}

std::vector<Log::StoredCheckpoint> Log::checkpoints() try {
  std::vector<StoredCheckpoint> out;
  if (impl_->empty_schema) return out;
  Stmt s(impl_->db(), "SELECT size, note, signed_unix FROM ledger_checkpoint ORDER BY size");
  while (s.step()) out.push_back({static_cast<uint64_t>(s.integer(0)), s.text(1), s.integer(2)});
  return out;
} catch (const SqliteError& e) {
  impl_->fail(e);
}

std::string Log::checkpoint() try {
  const uint64_t n = impl_->size();
  if (!impl_->empty_schema) {
    Stmt get(impl_->db(), "SELECT note FROM ledger_checkpoint WHERE size = ?");
    get.bind(1, static_cast<int64_t>(n));
    if (get.step()) return get.text(0);
  }
  if (!impl_->key || impl_->store.read_only())
    throw std::logic_error(fmt::format("Log::checkpoint: no checkpoint stored for size {} and no key to sign one", n));
  exec(impl_->db(), "BEGIN IMMEDIATE");
  try {
    const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    std::string note = impl_->sign_and_store(impl_->size(), now);
    exec(impl_->db(), "COMMIT");
    return note;
  } catch (...) {
    sqlite3_exec(impl_->db(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
} catch (const SqliteError& e) {
  impl_->fail(e);
}

std::vector<Log::Outcome> Log::append(const std::vector<nlohmann::json>& envelopes, int64_t now_unix) try {
  if (impl_->store.read_only()) throw std::logic_error("Log::append: the log was opened read-only");
  sqlite3* db = impl_->db();
  std::vector<Outcome> out(envelopes.size());
  exec(db, "BEGIN IMMEDIATE");
  struct Rollback {
    sqlite3* db;
    bool active = true;
    ~Rollback() {
      if (active) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  } guard{db};
  const uint64_t start = impl_->size();
  uint64_t size = start;
  Stmt dup(db, "SELECT idx FROM ledger_entry WHERE leaf_hash = ?");
  Stmt ins(db, "INSERT INTO ledger_entry(idx, leaf_hash, envelope, party, type, ref, timestamp, received_unix) "
               "VALUES(?,?,?,?,?,?,?,?)");
  Stmt node(db, "INSERT INTO ledger_node(level, idx, hash) VALUES(?,?,?)");
  Stmt same_report(db,
                   "SELECT e.idx, e.leaf_hash FROM report r JOIN ledger_entry e ON e.idx = r.row_number "
                   "WHERE r.content_hash = ? AND r.importer = 'ledger' AND e.type = 'report' AND e.party = ?");
  Stmt same_answer(db, "SELECT idx, leaf_hash, envelope FROM ledger_entry WHERE ref = ? AND party = ? AND type = ? "
                       "ORDER BY idx");
  // The first entry of this party making the same statement as `p`, if any (see below).
  auto same_statement = [&](const ParsedEnvelope& p) -> std::optional<std::pair<uint64_t, Hash>> {
    std::optional<std::pair<uint64_t, Hash>> found;
    if (p.type == "report") {
      store::RowOutcome r = store::report_from_json(p.entry["body"]);
      if (!r.report) return found;
      if (is_candidate_report(p)) {
        // A candidate is stored without its "status" (store/candidates.hpp).
        r.report->extra.erase("status");
        Stmt same_candidate(db, "SELECT e.idx, e.leaf_hash FROM candidate c JOIN ledger_entry e ON e.idx = "
                                "c.row_number WHERE c.content_hash = ? AND c.importer = 'ledger' AND e.type = "
                                "'report' AND e.party = ?");
        same_candidate.blob(1, store::sha256_bytes(r.report->canonical_json())).bind(2, p.party);
        if (same_candidate.step())
          found.emplace(static_cast<uint64_t>(same_candidate.integer(0)), same_candidate.hash(1));
        return found;
      }
      same_report.blob(1, store::sha256_bytes(r.report->canonical_json())).bind(2, p.party);
      if (same_report.step())
        found.emplace(static_cast<uint64_t>(same_report.integer(0)), same_report.hash(1));
      same_report.reset();
    } else if (p.type == "review") {
      // A candidate has one decision: the same party's same decision again is a duplicate
      // (another decision is refused by store::decide).
      const auto& cand = p.entry["body"].value("candidate", nlohmann::json());
      if (!cand.is_string()) return found;
      if (const auto idx = store::decision_index(impl_->store, cand.get<std::string>())) {
        Stmt e(db, "SELECT envelope, leaf_hash FROM ledger_entry WHERE idx = ?");
        e.bind(1, static_cast<int64_t>(*idx));
        if (e.step()) {
          const auto env = nlohmann::json::parse(e.text(0), nullptr, false);
          if (env.is_object() && env.contains("entry") && env["entry"].is_object() &&
              env["entry"].value("party", std::string()) == p.party && env["entry"].contains("body") &&
              env["entry"].value("ref", nlohmann::json()) == p.entry["ref"] &&
              canonical_json(env["entry"]["body"]) == canonical_json(p.entry["body"]))
            found.emplace(*idx, e.hash(1));
        }
      }
    } else if (p.ref) {
      // Answers (ack, dispute, review, correction) are few per entry: compared one by one.
      const std::string body = canonical_json(p.entry["body"]);
      same_answer.bind(1, static_cast<int64_t>(*p.ref)).bind(2, p.party).bind(3, p.type);
      while (!found && same_answer.step()) {
        const auto env = nlohmann::json::parse(same_answer.text(2), nullptr, false);
        if (env.is_object() && env.contains("entry") && env["entry"].is_object() && env["entry"].contains("body") &&
            canonical_json(env["entry"]["body"]) == body)
          found.emplace(static_cast<uint64_t>(same_answer.integer(0)), same_answer.hash(1));
      }
      same_answer.reset();
    }
    return found;
  };
  for (std::size_t i = 0; i < envelopes.size(); ++i) {
    Outcome& o = out[i];
    auto refuse = [&](const Refusal& r) {
      o.status = r.status;
      o.reason = r.reason;
    };
    auto parsed = parse_envelope(envelopes[i]);
    if (const auto* r = std::get_if<Refusal>(&parsed)) {
      refuse(*r);
      continue;
    }
    const ParsedEnvelope& p = std::get<ParsedEnvelope>(parsed);
    o.leaf_hash = p.leaf_hash;
    dup.blob(1, bytes_of(p.leaf_hash));
    if (dup.step()) {
      o.duplicate = true;
      o.index = static_cast<uint64_t>(dup.integer(0));
      dup.reset();
      continue;
    }
    dup.reset();
    if (auto r = check_signer(p, impl_->parties)) {
      refuse(*r);
      continue;
    }
    if (auto r = check_content(p, size, now_unix)) {
      refuse(*r);
      continue;
    }
    // The same statement made again by the same party — a file submitted twice, a retried
    // acknowledgement — is a duplicate too, though its timestamp and nonce (so its leaf) are
    // new: the first entry's index and leaf hash are returned and the log is unchanged
    // (docs/ledger.md, "Duplicates"). A report is the same when its normalized content (the
    // report store's content hash) is; an answer when its type, ref and canonical body are.
    if (auto first = same_statement(p)) {
      o.duplicate = true;
      o.index = first->first;
      o.leaf_hash = first->second;
      continue;
    }
    exec(db, "SAVEPOINT entry");
    if (p.type == "report") {
      store::ImportOptions io;
      io.file = "ledger";
      io.importer = "ledger";
      io.nested = true;
      const std::string raw = canonical_json(p.entry["body"]);
      io.file_hash = store::sha256_hex(raw);
      std::string refused;
      io.on_store_quarantine = [&](const store::InputRow&, const std::string& reason) { refused = reason; };
      bool given = false;
      const store::BatchSummary sum = impl_->store.import(io, [&](store::InputRow& row) {
        if (given) return false;
        given = true;
        row.number = size;
        row.raw = raw;
        row.outcome = store::report_from_json(p.entry["body"]);
        return true;
      });
      if (sum.quarantined > 0) {
        exec(db, "ROLLBACK TO entry; RELEASE entry");
        refuse({400, fmt::format("entry.body: the store refused the report: {}",
                                 refused.empty() ? std::string("quarantined") : refused)});
        continue;
      }
    }
    if (p.type == "review") {
      // The decision takes effect in this transaction (store/candidates.hpp): the report it
      // accepts or corrects joins the store, or the refusal (400) names why not.
      const auto body = std::get<store::ReviewBody>(store::parse_review_body(p.entry["body"]));
      if (const std::string why = store::decide(impl_->store, body, p.ref, size); !why.empty()) {
        exec(db, "ROLLBACK TO entry; RELEASE entry");
        refuse({400, why});
        continue;
      }
    }
    ins.bind(1, static_cast<int64_t>(size))
        .blob(2, bytes_of(p.leaf_hash))
        .bind(3, p.leaf)
        .bind(4, p.party)
        .bind(5, p.type);
    if (p.ref) ins.bind(6, static_cast<int64_t>(*p.ref));
    else ins.null(6);
    ins.bind(7, p.timestamp).bind(8, now_unix).step();
    ins.reset();
    // The perfect subtrees this leaf completes: (level, j) for every level where size + 1 is
    // a multiple of 2^level.
    for (unsigned level = 1; ((size + 1) & ((uint64_t{1} << level) - 1)) == 0; ++level) {
      const uint64_t j = ((size + 1) >> level) - 1;
      const Hash h = node_hash(impl_->node(level - 1, 2 * j), impl_->node(level - 1, 2 * j + 1));
      node.bind(1, static_cast<int64_t>(level)).bind(2, static_cast<int64_t>(j)).blob(3, bytes_of(h)).step();
      node.reset();
    }
    exec(db, "RELEASE entry");
    o.index = size;
    ++size;
  }
  if (size != start && impl_->key) impl_->sign_and_store(size, now_unix);
  exec(db, "COMMIT");
  guard.active = false;
  return out;
} catch (const SqliteError& e) {
  impl_->fail(e);
}

}  // namespace truceline::ledger
