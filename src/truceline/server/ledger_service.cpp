// LogLedger: the writer thread, group commit, and the ledger's read endpoints (see
// ledger_service.hpp).
#include "truceline/server/ledger_service.hpp"

#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <thread>

#include "truceline/ledger/checkpoint.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/time.hpp"

namespace truceline::server {

using nlohmann::json;

namespace {

// A parameter the client got wrong: 400.
struct BadParam : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A non-negative decimal integer parameter; `fallback` when absent.
uint64_t number(const Params& p, const std::string& key, std::optional<uint64_t> fallback = std::nullopt) {
  const auto it = p.find(key);
  if (it == p.end()) {
    if (fallback) return *fallback;
    throw BadParam(fmt::format("missing parameter '{}'", key));
  }
  const std::string& v = it->second;
  uint64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size())
    throw BadParam(fmt::format("{} '{}': expected a non-negative integer", key, v));
  return n;
}

void only(const Params& p, std::initializer_list<const char*> known) {
  for (const auto& [k, v] : p) {
    bool ok = false;
    std::string list;
    for (const char* n : known) {
      ok = ok || k == n;
      list += (list.empty() ? "" : ", ") + std::string(n);
    }
    if (!ok)
      throw BadParam(fmt::format("unknown parameter '{}' (this endpoint takes: {})", k, list.empty() ? "none" : list));
  }
}

json hexes(const std::vector<ledger::Hash>& hs) {
  json a = json::array();
  for (const auto& h : hs) a.push_back(ledger::to_hex(h));
  return a;
}

Response ok_json(const json& j) { return {200, "application/json", j.dump() + "\n"}; }

// Entries per GET /v1/entries at most (docs/api.md).
constexpr uint64_t kMaxEntriesPerCall = 1000;

}  // namespace

struct LogLedger::Impl {
  Options options;
  std::optional<ledger::Log> log;
  std::string vkey;

  struct Pending {
    json envelope;
    Reply reply;
  };
  std::mutex m;
  std::condition_variable cv;
  std::deque<Pending> appends;                           // guarded by m
  std::deque<std::function<void(ledger::Log&)>> reads;  // guarded by m
  bool stopping = false;                                  // guarded by m
  std::atomic<uint64_t> size{0}, commits{0};
  std::thread writer;

  void run() {
    for (;;) {
      std::vector<Pending> batch;
      std::deque<std::function<void(ledger::Log&)>> todo;
      {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return stopping || !appends.empty() || !reads.empty(); });
        if (appends.empty() && reads.empty()) return;  // stopping, nothing left
        // Every entry queued while the previous commit ran: one transaction (group commit).
        while (!appends.empty() && batch.size() < options.max_batch) {
          batch.push_back(std::move(appends.front()));
          appends.pop_front();
        }
        todo.swap(reads);
      }
      if (!batch.empty()) append(batch);
      for (auto& f : todo) f(*log);
    }
  }

  void append(std::vector<Pending>& batch) {
    std::vector<json> envelopes;
    envelopes.reserve(batch.size());
    for (auto& p : batch) envelopes.push_back(std::move(p.envelope));
    if (options.before_batch) options.before_batch(envelopes.size());
    std::vector<ledger::Log::Outcome> outcomes;
    std::string note;
    uint64_t tree_size = 0;
    try {
      const int64_t now = options.now_unix ? options.now_unix() : static_cast<int64_t>(std::time(nullptr));
      outcomes = log->append(envelopes, now);  // one transaction, fsync'd before it returns
      commits.fetch_add(1, std::memory_order_relaxed);
      tree_size = log->size();
      size.store(tree_size);
      bool any = false;
      for (const auto& o : outcomes) any = any || o.status == 200;
      if (any) note = log->checkpoint();  // covers every entry of the batch
    } catch (const std::exception& e) {
      // Nothing of the batch was written (the transaction rolled back): no 2xx for any of it.
      for (auto& p : batch)
        p.reply(error_response(500, fmt::format("the log could not be written: {}; the entry was not appended", e.what())));
      return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const auto& o = outcomes.at(i);
      if (o.status != 200) {
        batch[i].reply(error_response(static_cast<unsigned>(o.status), o.reason));
        continue;
      }
      batch[i].reply(ok_json({{"index", o.index},
                              {"leaf_hash", ledger::to_hex(o.leaf_hash)},
                              {"duplicate", o.duplicate},
                              {"tree_size", tree_size},
                              {"checkpoint", note}}));
    }
  }

  // Queues `f` to run on the writer thread with the log; 503 when stopping.
  void read(Reply reply, std::function<Response(ledger::Log&)> f) {
    {
      std::lock_guard lock(m);
      if (!stopping) {
        reads.push_back([reply, f = std::move(f)](ledger::Log& l) {
          Response r;
          try {
            r = f(l);
          } catch (const BadParam& e) {
            r = error_response(400, e.what());
          } catch (const std::exception& e) {
            r = error_response(500, fmt::format("the log could not be read: {}", e.what()));
          }
          reply(std::move(r));
        });
        cv.notify_one();
        return;
      }
    }
    reply(error_response(503, "the server is shutting down"));
  }
};

LogLedger::LogLedger(Options options) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.options = std::move(options);
  m.log.emplace(ledger::Log::open(m.options.db, m.options.parties, m.options.key));
  m.vkey = ledger::vkey_text(m.log->origin(), m.options.key.public_key);
  m.size = m.log->size();
  m.writer = std::thread([&m] { m.run(); });
}

LogLedger::~LogLedger() { stop(); }

void LogLedger::stop() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.m);
    m.stopping = true;
  }
  m.cv.notify_all();
  if (m.writer.joinable()) m.writer.join();
  m.log.reset();  // closes the store (a clean close: no -wal left behind)
}

std::string LogLedger::vkey() const { return impl_->vkey; }
uint64_t LogLedger::size() const { return impl_->size.load(); }
uint64_t LogLedger::commits() const { return impl_->commits.load(); }

void LogLedger::submit(std::string body, Reply reply) {
  // Parsed here, on the io thread: the writer thread only validates and appends.
  json envelope;
  try {
    envelope = json::parse(body);
  } catch (const json::parse_error& e) {
    return reply(error_response(400, fmt::format("malformed JSON: {}", e.what())));
  }
  if (!envelope.is_object())
    return reply(error_response(400, "the body must be a JSON object: {\"entry\": {...}, \"signature\": \"...\"}"));
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.m);
    if (!m.stopping) {
      m.appends.push_back({std::move(envelope), std::move(reply)});
      m.cv.notify_one();
      return;
    }
  }
  reply(error_response(503, "the server is shutting down"));
}

void LogLedger::get(const std::string& path, Params p, Reply reply) {
  Impl& m = *impl_;
  try {
    if (path == "/v1/health") {
      only(p, {});
      return reply(ok_json({{"ok", true}, {"size", m.size.load()}}));
    }
    if (path == "/v1/log-key") {
      only(p, {});
      return reply({200, "text/plain; charset=utf-8", m.vkey + "\n"});
    }
    if (path == "/v1/checkpoint") {
      only(p, {});
      return m.read(std::move(reply), [](ledger::Log& l) {
        return Response{200, "text/plain; charset=utf-8", l.checkpoint()};
      });
    }
    if (path == "/v1/entries") {
      only(p, {"start", "end"});
      const uint64_t start = number(p, "start", 0);
      const uint64_t end = number(p, "end", start + kMaxEntriesPerCall);
      if (end < start) throw BadParam(fmt::format("end {} is before start {}", end, start));
      return m.read(std::move(reply), [start, end](ledger::Log& l) {
        json list = json::array();
        for (auto& e : l.entries(start, std::min(end, start + kMaxEntriesPerCall)))
          list.push_back({{"index", e.index},
                          {"envelope", std::move(e.envelope)},
                          {"leaf_hash", ledger::to_hex(e.leaf_hash)},
                          {"received", format_iso8601_utc(e.received_unix)}});
        return ok_json({{"entries", std::move(list)}});
      });
    }
    if (path == "/v1/proof/inclusion") {
      only(p, {"index", "size"});
      const uint64_t index = number(p, "index");
      const std::optional<uint64_t> size = p.count("size") ? std::optional(number(p, "size")) : std::nullopt;
      return m.read(std::move(reply), [index, size](ledger::Log& l) {
        const uint64_t current = l.size();
        const uint64_t s = size.value_or(current);
        if (s > current) throw BadParam(fmt::format("size {}: the log has {} entries", s, current));
        if (index >= s) throw BadParam(fmt::format("index {}: not below size {}", index, s));
        const auto e = l.entries(index, index + 1);
        return ok_json({{"index", index},
                        {"size", s},
                        {"leaf_hash", ledger::to_hex(e.at(0).leaf_hash)},
                        {"hashes", hexes(l.inclusion_proof(index, s))}});
      });
    }
    if (path == "/v1/proof/consistency") {
      only(p, {"old", "new"});
      const uint64_t old_size = number(p, "old");
      const std::optional<uint64_t> new_size = p.count("new") ? std::optional(number(p, "new")) : std::nullopt;
      return m.read(std::move(reply), [old_size, new_size](ledger::Log& l) {
        const uint64_t current = l.size();
        const uint64_t n = new_size.value_or(current);
        if (n > current) throw BadParam(fmt::format("new {}: the log has {} entries", n, current));
        if (old_size > n) throw BadParam(fmt::format("old {}: larger than new {}", old_size, n));
        return ok_json({{"old", old_size}, {"new", n}, {"hashes", hexes(l.consistency_proof(old_size, n))}});
      });
    }
    reply(error_response(404, fmt::format("no such endpoint: GET {}", path)));
  } catch (const BadParam& e) {
    reply(error_response(400, e.what()));
  }
}

}  // namespace truceline::server
