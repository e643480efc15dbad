#include "truceline/ledger/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <variant>

#include <sqlite3.h>

#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/merkle.hpp"
#include "truceline/store/candidates.hpp"
#include "truceline/store/record.hpp"

namespace truceline::ledger {

namespace {

constexpr std::size_t kChunk = 8192;

struct HashKey {
  std::size_t operator()(const Hash& h) const {
    std::size_t v;
    std::memcpy(&v, h.data(), sizeof v);
    return v;
  }
};

struct Pending {
  int64_t index = 0;
  std::string envelope;
  std::optional<Hash> stored;
  // Filled by a worker.
  Hash leaf{};
  std::string party;
  std::string problem;  // "" = fine
};

// The checks of one entry that need no other entry (run on the workers). `index` = the
// position the entry must have (refs must point before it).
void check_one(Pending& p, uint64_t index, const Parties& parties) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(p.envelope);
  } catch (const nlohmann::json::exception& e) {
    p.problem = fmt::format("not JSON ({})", e.what());
    return;
  }
  if (j.is_object() && j.contains("entry") && j["entry"].is_object() && j["entry"].contains("party") &&
      j["entry"]["party"].is_string())
    p.party = j["entry"]["party"].get<std::string>();
  auto parsed = parse_envelope(j);
  if (const auto* r = std::get_if<Refusal>(&parsed)) {
    p.problem = r->reason;
    return;
  }
  const auto& e = std::get<ParsedEnvelope>(parsed);
  p.leaf = e.leaf_hash;
  if (auto r = check_signer(e, parties)) {
    p.problem = r->reason;
    return;
  }
  if (auto r = check_content(e, index, std::nullopt)) p.problem = r->reason;
}


}  // namespace

std::string VerifyResult::summary() const {
  return ok ? fmt::format("ok: {} entries, root {}", entries, to_hex(root)) : problem;
}

std::optional<Receipt> parse_receipt(const nlohmann::json& j, std::string* why) {
  auto fail = [&](std::string w) -> std::optional<Receipt> {
    if (why) *why = std::move(w);
    return std::nullopt;
  };
  if (!j.is_object()) return fail("not a JSON object {\"index\",\"leaf_hash\",\"tree_size\",\"checkpoint\"}");
  Receipt r;
  for (const char* k : {"index", "tree_size"})
    if (!j.contains(k) || !j[k].is_number_unsigned()) return fail(fmt::format("{}: must be a non-negative integer", k));
  r.index = j["index"].get<uint64_t>();
  r.tree_size = j["tree_size"].get<uint64_t>();
  if (!j.contains("leaf_hash") || !j["leaf_hash"].is_string()) return fail("leaf_hash: must be 64 hex digits");
  const auto h = hash_from_hex(j["leaf_hash"].get<std::string>());
  if (!h) return fail("leaf_hash: must be 64 hex digits");
  r.leaf_hash = *h;
  if (!j.contains("checkpoint") || !j["checkpoint"].is_string()) return fail("checkpoint: must be the signed note text");
  r.checkpoint = j["checkpoint"].get<std::string>();
  return r;
}

std::vector<Receipt> read_receipts(const std::string& path) {
  std::istringstream in(io::read_text(path));
  std::vector<Receipt> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string why;
    std::optional<Receipt> r;
    try {
      r = parse_receipt(nlohmann::json::parse(line), &why);
    } catch (const nlohmann::json::exception&) {
      why = "not JSON";
    }
    if (!r) throw InputError(fmt::format("{}:{}: receipt: {}", path, n, why));
    r->where = fmt::format("{}:{}", path, n);
    out.push_back(std::move(*r));
  }
  return out;
}

struct Verifier::Impl {
  Parties parties;  // a copy: the caller's may be a temporary
  VerifierKey key;
  unsigned threads;
  MemoryTree tree;
  std::unordered_map<Hash, uint64_t, HashKey> seen;
  std::vector<Pending> chunk;
  std::vector<std::pair<std::string, std::string>> checkpoints;  // note, where
  std::vector<Receipt> receipts;
  std::string problem;

  void flush() {
    if (chunk.empty() || !problem.empty()) {
      chunk.clear();
      return;
    }
    const uint64_t base = tree.size();
    auto work = [&](std::size_t from, std::size_t step) {
      for (std::size_t i = from; i < chunk.size(); i += step) check_one(chunk[i], base + i, parties);
    };
    const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(chunk.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t, n);
    work(0, n);
    for (auto& t : pool) t.join();
    for (std::size_t i = 0; i < chunk.size() && problem.empty(); ++i) {
      Pending& p = chunk[i];
      const uint64_t expected = base + i;
      const std::string who = p.party.empty() ? "" : fmt::format(" (party {})", p.party);
      if (p.index != static_cast<int64_t>(expected)) {
        problem = p.index > static_cast<int64_t>(expected)
                      ? fmt::format("entry {}: missing (the log goes on with index {}: entries deleted)", expected,
                                    p.index)
                      : fmt::format("entry {}{}: out of order (stored as index {} after entry {})", expected, who,
                                    p.index, expected - 1);
        break;
      }
      if (!p.problem.empty()) {
        problem = fmt::format("entry {}{}: {}", expected, who, p.problem);
        break;
      }
      if (p.stored && *p.stored != p.leaf) {
        problem = fmt::format("entry {}{}: the stored leaf hash {} is not the envelope's {}", expected, who,
                              to_hex(*p.stored), to_hex(p.leaf));
        break;
      }
      if (const auto [it, fresh] = seen.emplace(p.leaf, expected); !fresh) {
        problem = fmt::format("entry {}{}: the same envelope as entry {} (a log never holds one twice)", expected, who,
                              it->second);
        break;
      }
      tree.append(p.leaf);
    }
    chunk.clear();
  }

  std::string check_checkpoints() {
    struct Seen {
      uint64_t size;
      Hash root;
      std::string where;
    };
    std::vector<Seen> good;
    const uint64_t n = tree.size();
    for (const auto& [note, where] : checkpoints) {
      std::string why;
      const auto c = verify_checkpoint(note, key, &why);
      if (!c) return fmt::format("{}: {}", where, why);
      const std::string name = fmt::format("{} (size {})", where, c->size);
      if (c->size > n)
        return fmt::format("{}: the log has only {} entries (truncated, or entries deleted)", name, n);
      const Hash mine = tree.root(c->size);
      if (mine != c->root) {
        uint64_t from = 0;
        for (const auto& g : good)
          if (g.size < c->size) from = std::max(from, g.size);
        return fmt::format("{}: its root {} is not the log's {} at that size (an entry from index {} to {} was "
                           "changed, removed, reordered or inserted)",
                           name, to_hex(c->root), to_hex(mine), from, c->size - 1);
      }
      good.push_back({c->size, c->root, name});
    }
    std::sort(good.begin(), good.end(), [](const Seen& a, const Seen& b) { return a.size < b.size; });
    for (std::size_t i = 1; i < good.size(); ++i) {
      const auto& a = good[i - 1];
      const auto& b = good[i];
      if (!verify_consistency(a.size, b.size, a.root, b.root, consistency_proof(tree.source(), a.size, b.size)))
        return fmt::format("{} and {}: not consistent (a fork)", a.where, b.where);
    }
    return "";
  }

  std::string check_receipts() {
    const uint64_t n = tree.size();
    for (const Receipt& r : receipts) {
      const std::string name = fmt::format("receipt {} (entry {})", r.where.empty() ? "?" : r.where, r.index);
      std::string why;
      const auto c = verify_checkpoint(r.checkpoint, key, &why);
      if (!c) return fmt::format("{}: its checkpoint: {}", name, why);
      if (c->size != r.tree_size)
        return fmt::format("{}: tree_size {} but its checkpoint is of size {}", name, r.tree_size, c->size);
      if (r.index >= c->size) return fmt::format("{}: the index is not below the tree size {}", name, c->size);
      if (c->size > n)
        return fmt::format("{}: its checkpoint has {} entries, the log only {} (truncated, or entries deleted)", name,
                           c->size, n);
      const Hash mine = tree.root(c->size);
      if (mine != c->root)
        return fmt::format("{}: the log at size {} has root {}, the receipt's checkpoint {} (the log was rewritten "
                           "after the receipt: a fork)",
                           name, c->size, to_hex(mine), to_hex(c->root));
      const Hash leaf = tree.node(0, r.index);
      if (leaf != r.leaf_hash)
        return fmt::format("{}: the log's entry {} has leaf hash {}, the receipt {}", name, r.index, to_hex(leaf),
                           to_hex(r.leaf_hash));
      if (!verify_inclusion(r.index, c->size, r.leaf_hash, inclusion_proof(tree.source(), r.index, c->size), c->root))
        return fmt::format("{}: the inclusion proof does not verify", name);
    }
    return "";
  }
};

Verifier::Verifier(const Parties& parties, const VerifierKey& log_key, VerifyOptions options)
    : impl_(std::make_unique<Impl>(Impl{parties, log_key,
                                        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()),
                                        {}, {}, {}, {}, {}, {}})) {}
Verifier::~Verifier() = default;

bool Verifier::add_entry(int64_t index, std::string envelope, std::optional<Hash> stored_leaf_hash) {
  if (!impl_->problem.empty()) return false;
  Pending p;
  p.index = index;
  p.envelope = std::move(envelope);
  p.stored = stored_leaf_hash;
  impl_->chunk.push_back(std::move(p));
  if (impl_->chunk.size() >= kChunk) impl_->flush();
  return impl_->problem.empty();
}

void Verifier::add_checkpoint(std::string note, std::string where) {
  impl_->checkpoints.emplace_back(std::move(note), std::move(where));
}

void Verifier::add_receipt(Receipt receipt) { impl_->receipts.push_back(std::move(receipt)); }

VerifyResult Verifier::finish() {
  impl_->flush();
  VerifyResult r;
  r.entries = impl_->tree.size();
  if (impl_->problem.empty()) impl_->problem = impl_->check_checkpoints();
  if (impl_->problem.empty()) impl_->problem = impl_->check_receipts();
  r.ok = impl_->problem.empty();
  r.problem = impl_->problem;
  if (r.ok) r.root = impl_->tree.root();
  return r;
}

VerifyResult verify_store(const std::string& db_path, const Parties& parties, const VerifierKey& log_key,
                          const std::vector<Receipt>& receipts, VerifyOptions options) {
  Log log = Log::open_read_only(db_path, parties);
  Verifier v(parties, log_key, options);
  bool going = true;
  log.for_each_raw_entry([&](const Log::RawEntry& e) {
    if (!going) return;
    std::optional<Hash> stored = Hash{};
    if (e.leaf_hash.size() == 32) std::memcpy(stored->data(), e.leaf_hash.data(), 32);
    going = v.add_entry(e.index, e.envelope, stored);
  });
  for (const auto& c : log.checkpoints()) v.add_checkpoint(c.note, "stored checkpoint");
  for (const auto& r : receipts) v.add_receipt(r);
  VerifyResult result = v.finish();
  if (!result.ok) return result;
  // What the assessment and the daily report read is the report store, not the log: each
  // report entry's signed body, normalized as the store normalizes it, must be there under its
  // content hash. Someone who edits a stored report and recomputes its hash (so verify-store's
  // per-row check passes) is caught here, naming the entry (docs/ledger.md, "Verification").
  sqlite3* db = log.store().handle();
  struct Query {
    sqlite3_stmt* s = nullptr;
    ~Query() { sqlite3_finalize(s); }
  };
  auto prepare = [&](Query& q, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &q.s, nullptr) != SQLITE_OK)
      throw store::SqliteError(db, sqlite3_errcode(db), sqlite3_errmsg(db));
  };
  auto found = [&](Query& q, const std::string& hash) {
    sqlite3_reset(q.s);
    sqlite3_bind_blob(q.s, 1, hash.data(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(q.s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw store::SqliteError(db, rc, sqlite3_errmsg(db));
    return rc == SQLITE_ROW;
  };
  Query in_reports, in_candidates, decision;
  prepare(in_reports, "SELECT 1 FROM report WHERE content_hash = ?");
  // The review queue (schema 4): candidates proposed through the log, decisions of review
  // entries. A store without it (read as it is) has neither.
  bool queue = false;
  {
    Query t;
    prepare(t, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'candidate'");
    queue = sqlite3_step(t.s) == SQLITE_ROW;
  }
  if (queue) {
    prepare(in_candidates, "SELECT 1 FROM candidate WHERE content_hash = ?");
    prepare(decision, "SELECT c.id, d.decision, d.report_hash, c.json FROM candidate_decision d JOIN candidate c ON "
                      "c.cid = d.cid WHERE d.ledger_index = ?");
  }
  auto hex20 = [](const std::string& bytes) {
    std::string h;
    for (std::size_t i = 0; i < 10 && i < bytes.size(); ++i) h += fmt::format("{:02x}", static_cast<unsigned char>(bytes[i]));
    return h;
  };
  log.for_each_raw_entry([&](const Log::RawEntry& e) {
    if (!result.ok) return;
    const auto env = nlohmann::json::parse(e.envelope, nullptr, false);
    const auto& entry = env["entry"];
    const std::string party = entry["party"].is_string() ? entry["party"].get<std::string>() : std::string("?");
    auto problem = [&](const std::string& what) {
      result.ok = false;
      result.problem = fmt::format("entry {} (party {}): {}", e.index, party, what);
    };
    if (entry["type"] == "review") {
      // A review entry's decision must be the one the store applied: the same candidate and
      // decision, and for accept/correct the very report the decision makes (the candidate's,
      // or the candidate's with the signed changes) in the report store.
      const auto body = store::parse_review_body(entry["body"]);
      const auto* b = std::get_if<store::ReviewBody>(&body);
      if (!b || !queue) return problem("the review's decision is not in the store (no review queue)");
      sqlite3_reset(decision.s);
      sqlite3_bind_int64(decision.s, 1, e.index);
      const int rc = sqlite3_step(decision.s);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw store::SqliteError(db, rc, sqlite3_errmsg(db));
      if (rc != SQLITE_ROW) return problem(fmt::format("the review of {} is not applied in the store", b->candidate));
      auto col = [&](int i) {
        const void* p = sqlite3_column_blob(decision.s, i);
        return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(decision.s, i)))
                 : std::string();
      };
      const std::string cid = col(0), applied = col(1), report_hash = col(2), cjson = col(3);
      if (cid != b->candidate || applied != b->decision)
        return problem(fmt::format("the store applied {} to {}, the entry signed {} of {}", applied, cid, b->decision,
                                   b->candidate));
      std::string line = fmt::format("review entry {} (party {}): {} {}", e.index, party, b->decision, b->candidate);
      if (b->decision != "reject") {
        const auto c = nlohmann::json::parse(cjson, nullptr, false);
        const store::RowOutcome o = b->decision == "correct" ? store::corrected_report(c, b->changes)
                                                             : store::report_from_json(c);
        const std::string hash = o.report ? store::sha256_bytes(o.report->canonical_json()) : std::string();
        if (hash.empty() || hash != report_hash || !found(in_reports, hash))
          return problem(fmt::format("the report its {} of {} makes is not in the report store as signed", b->decision,
                                     b->candidate));
        line += " -> report r" + hex20(hash);
      } else {
        line += fmt::format(" (reason: {})", b->reason);
      }
      result.reviews.push_back(line + ": verified");
      return;
    }
    if (entry["type"] != "report") return;
    store::RowOutcome r = store::report_from_json(entry["body"]);
    const bool candidate = entry["body"].value("status", nlohmann::json()) == "candidate";
    if (candidate && r.report) r.report->extra.erase("status");
    const std::string hash = r.report ? store::sha256_bytes(r.report->canonical_json()) : std::string();
    // A candidate is in the review queue (or, when its content was already a report, there).
    if (found(in_reports, hash) || (candidate && queue && found(in_candidates, hash))) return;
    problem(candidate ? "the candidate report it signed is not in the store as signed (the store's copy was changed "
                        "or removed)"
                      : "the report it signed is not in the report store as signed (the store's copy was changed or "
                        "removed; what `reports`, `assess` and `report` read is not what the party signed)");
  });
  return result;
}

}  // namespace truceline::ledger
