// The whole assessment: verdicts in parallel (one Assessor per worker), then the stages that
// read them: incidents (incidents.cpp), obligation status (status.cpp) and coverage
// (coverage.cpp). The streamed assessment (assess_store_streamed) does the same in batches of
// reports, handing each verdict on as it is made.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>

#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"
#include "truceline/error.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/store.hpp"
#include "truceline/workers.hpp"

namespace truceline::assess {

using detail::coverage;
using detail::fuse;
using detail::obligation_status;

namespace {

// An unnamed temporary file written in order and read back at any offset (io::Spool only
// copies itself out whole): the streamed fusion's spools. O_TMPFILE, else mkostemp and unlink
// at once, as io::Spool, so that nothing is left behind.
class TempFile {
 public:
  TempFile(const std::string& in, const std::string& name) : name_(name) {
    const std::string dir = in.empty() ? std::filesystem::temp_directory_path().string() : in;
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
      std::string path = (std::filesystem::path(dir) / ".truceline-spool-XXXXXX").string();
      fd_ = ::mkostemp(path.data(), O_CLOEXEC);
      if (fd_ >= 0) ::unlink(path.c_str());
    }
    if (fd_ < 0) fail(errno);
    buf_.reserve(kBlock);
  }
  ~TempFile() { ::close(fd_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  uint64_t size() const { return flushed_ + buf_.size(); }
  void write(const void* p, std::size_t n) {
    buf_.append(static_cast<const char*>(p), n);
    if (buf_.size() >= kBlock) flush();
  }
  void flush() {
    std::size_t done = 0;
    while (done < buf_.size()) {
      const ssize_t n = ::pwrite(fd_, buf_.data() + done, buf_.size() - done, static_cast<off_t>(flushed_ + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(errno);
      done += static_cast<std::size_t>(n);
    }
    flushed_ += buf_.size();
    buf_.clear();
  }
  // `n` bytes at `offset` (below size()).
  void read_at(uint64_t offset, char* p, std::size_t n) {
    if (offset + n > flushed_) flush();
    while (n > 0) {
      const ssize_t k = ::pread(fd_, p, n, static_cast<off_t>(offset));
      if (k < 0 && errno == EINTR) continue;
      if (k <= 0) throw InputError(fmt::format("{}: cannot read back its spool: {}", name_, k < 0 ? std::strerror(errno) : "short file"));
      p += k;
      n -= static_cast<std::size_t>(k);
      offset += static_cast<uint64_t>(k);
    }
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  [[noreturn]] void fail(int err) const {
    throw InputError(fmt::format("{}: cannot write: {}", name_, std::strerror(err)));
  }
  int fd_ = -1;
  std::string name_;
  std::string buf_;
  uint64_t flushed_ = 0;
};

// The event reports' spool: each FusionReport in binary, read back in order. Hand-written (a
// few fields, read once by the same program: JSON would cost its parse for nothing).
class ReportSpool {
 public:
  ReportSpool(const std::string& dir, const std::string& name) : f_(dir, name) {}
  void put(const detail::FusionReport& fr) {
    const ReportView& r = fr.view;
    str(r.id), str(r.label), pod(r.observed_unix), str(r.time_precision), pod(r.date_only), pod(r.has_location);
    pod(r.lon_deg), pod(r.lat_deg), pod(r.precision_m), str(r.location_method), str(r.precision_from);
    pod(r.place_ambiguous), str(r.place), str(r.place_matched), str(r.place_match), opt(r.place_score);
    str(r.location_reason), str(r.kind), str(r.actor), opt(r.fatalities), opt(r.explosions), str(r.source_name);
    str(r.source_type), str(r.reliability), pod(r.credibility);
    pod(static_cast<uint32_t>(r.witnesses.size()));
    for (const auto& w : r.witnesses) str(w);
    pod(static_cast<uint32_t>(fr.verdicts.size()));
    for (const auto& v : fr.verdicts) str(v.obligation), pod(v.verdict), pod(v.who.contested);
    ++count_;
  }
  std::size_t count() const { return count_; }
  // Reading back, from the start.
  bool get(detail::FusionReport& fr) {
    if (read_ == count_) return false;
    ++read_;
    ReportView& r = fr.view;
    str(r.id), str(r.label), pod(r.observed_unix), str(r.time_precision), pod(r.date_only), pod(r.has_location);
    pod(r.lon_deg), pod(r.lat_deg), pod(r.precision_m), str(r.location_method), str(r.precision_from);
    pod(r.place_ambiguous), str(r.place), str(r.place_matched), str(r.place_match), opt(r.place_score);
    str(r.location_reason), str(r.kind), str(r.actor), opt(r.fatalities), opt(r.explosions), str(r.source_name);
    str(r.source_type), str(r.reliability), pod(r.credibility);
    uint32_t n = 0;
    pod(n);
    r.witnesses.resize(n);
    for (auto& w : r.witnesses) str(w);
    pod(n);
    fr.verdicts.resize(n);
    for (auto& v : fr.verdicts) str(v.obligation), pod(v.verdict), pod(v.who.contested);
    return true;
  }

 private:
  // Writing (before the first get) or reading, by the same calls.
  template <class T>
  void pod(const T& x) {
    f_.write(&x, sizeof x);
  }
  template <class T>
  void pod(T& x) {
    if (!reading_) {
      f_.write(&x, sizeof x);
      return;
    }
    take(reinterpret_cast<char*>(&x), sizeof x);
  }
  void str(const std::string& x) {
    pod(static_cast<uint32_t>(x.size()));
    f_.write(x.data(), x.size());
  }
  void str(std::string& x) {
    if (!reading_) return str(static_cast<const std::string&>(x));
    uint32_t n = 0;
    pod(n);
    x.resize(n);
    take(x.data(), n);
  }
  template <class T>
  void opt(const std::optional<T>& x) {
    pod(static_cast<uint8_t>(x.has_value()));
    if (x) pod(*x);
  }
  template <class T>
  void opt(std::optional<T>& x) {
    if (!reading_) return opt(static_cast<const std::optional<T>&>(x));
    uint8_t has = 0;
    pod(has);
    if (!has) {
      x.reset();
      return;
    }
    T v{};
    pod(v);
    x = v;
  }
  void take(char* p, std::size_t n) {
    while (n > 0) {
      if (at_ == block_.size()) {
        const uint64_t left = f_.size() - pos_;
        block_.resize(static_cast<std::size_t>(std::min<uint64_t>(left, std::size_t{1} << 20)));
        if (block_.empty()) throw std::logic_error("report spool: read past its end");
        f_.read_at(pos_, block_.data(), block_.size());
        pos_ += block_.size();
        at_ = 0;
      }
      const std::size_t k = std::min(n, block_.size() - at_);
      std::memcpy(p, block_.data() + at_, k);
      at_ += k;
      p += k;
      n -= k;
    }
  }

 public:
  void rewind() {
    f_.flush();
    reading_ = true;
    pos_ = 0;
    at_ = 0;
    block_.clear();
    read_ = 0;
  }

 private:
  TempFile f_;
  std::size_t count_ = 0, read_ = 0;
  bool reading_ = false;
  uint64_t pos_ = 0;
  std::string block_;
  std::size_t at_ = 0;
};

// Assessors kept across calls, one per worker, each built on its worker's thread when first
// needed (an Assessor is used by one thread at a time; building one builds every zone).
using AssessorPool = std::vector<std::unique_ptr<Assessor>>;

std::vector<VerdictRecord> verdicts_with(AssessorPool& pool, const agreement::Agreement& a,
                                         const std::vector<ReportView>& reports, const Options& options) {
  // One Assessor per worker (GEOS prepared geometries are not shareable); the verdicts in report
  // order, so the output does not depend on the thread count.
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, reports.size() / 256)));
  if (pool.size() < n) pool.resize(n);
  std::vector<VerdictRecord> out;
  // About 1.6 verdicts a report on the benchmark's mix; untouched capacity costs address space,
  // not memory, and more is only a reallocation.
  out.reserve(2 * reports.size());
  if (n == 1) {
    if (!pool[0]) pool[0] = std::make_unique<Assessor>(a, options);
    for (std::size_t i = 0; i < reports.size(); ++i) pool[0]->assess(reports[i], i, out);
    return out;
  }
  // Several workers (issue 15: two cores gave 1.44-1.6x one). The reports are cut into blocks
  // that the workers take in turn; a worker assesses a block into a vector of its own, files it,
  // and appends to `out` every filed block that comes next in order, unless another worker is
  // appending (then that one, or the next to file a block, or the final drain here, does it).
  // So the records are moved into `out` while the other worker keeps assessing, instead of all
  // of the second half's after both have finished (a serial tail of about a tenth of the run),
  // and the only memory first touched twice is a block's.
  const std::size_t block = std::clamp<std::size_t>(reports.size() / (16 * n), 256, 4096);
  const std::size_t blocks = (reports.size() + block - 1) / block;
  std::atomic<std::size_t> next{0};
  std::mutex filed_mu;  // guards filed, is_filed, appended
  std::vector<std::vector<VerdictRecord>> filed(blocks);
  std::vector<char> is_filed(blocks, 0);
  std::size_t appended = 0;  // blocks moved into `out`
  std::mutex out_mu;         // the one appending to `out`
  auto drain = [&] {  // with out_mu held
    for (;;) {
      std::vector<VerdictRecord> part;
      {
        const std::lock_guard<std::mutex> lock(filed_mu);
        if (appended == blocks || !is_filed[appended]) return;
        part = std::move(filed[appended]);
        ++appended;
      }
      for (auto& v : part) out.push_back(std::move(v));
    }
  };
  // A worker that throws (e.g. a zone that cannot be built) stops the others; its exception is
  // rethrown here, on the caller's thread (workers.hpp).
  Workers workers;
  workers.run(n, [&](unsigned w) {
    if (!pool[w]) pool[w] = std::make_unique<Assessor>(a, options);
    const Assessor& as = *pool[w];
    for (std::size_t b = next++; b < blocks && !workers.failed(); b = next++) {
      const std::size_t lo = b * block, hi = std::min(reports.size(), lo + block);
      std::vector<VerdictRecord> mine;
      mine.reserve(2 * (hi - lo));
      for (std::size_t i = lo; i < hi; ++i) as.assess(reports[i], i, mine);
      {
        const std::lock_guard<std::mutex> lock(filed_mu);
        filed[b] = std::move(mine);
        is_filed[b] = 1;
      }
      if (std::unique_lock<std::mutex> lock(out_mu, std::try_to_lock); lock.owns_lock()) drain();
    }
  });
  drain();  // what was filed after the last append
  return out;
}

// The time assessment reads a report at: a bare date is 00:00 UTC in the store, 00:00 of that
// day in the agreement's timezone here, so that "2025-04-10" counts on 10 April local whatever
// the offset's sign.
void to_local_date(const agreement::Agreement& a, ReportView& r) {
  if (r.date_only) r.observed_unix -= a.utc_offset_minutes * 60LL;
}

bool in_window(const Options& options, const ReportView& r) {
  return !(r.observed_unix > agreement::unix_seconds(options.at) ||
           (options.since && r.observed_unix < agreement::unix_seconds(*options.since)));
}

// The assessment's order of reports: by observed time, then id.
bool before(const ReportView& x, const ReportView& y) {
  return x.observed_unix != y.observed_unix ? x.observed_unix < y.observed_unix : x.id < y.id;
}

// What incidents read of an event report (incidents.cpp, json.cpp: labels, the anchor's
// location): the rest (summary, target, tags, weapon) is let go.
ReportView for_fusion(ReportView&& r) {
  ReportView e;
  e.id = std::move(r.id);
  e.label = std::move(r.label);
  e.observed_unix = r.observed_unix;
  e.time_precision = std::move(r.time_precision);
  e.date_only = r.date_only;
  e.has_location = r.has_location;
  e.lon_deg = r.lon_deg;
  e.lat_deg = r.lat_deg;
  e.precision_m = r.precision_m;
  e.location_method = std::move(r.location_method);
  e.precision_from = std::move(r.precision_from);
  e.place_ambiguous = r.place_ambiguous;
  e.place = std::move(r.place);
  e.place_matched = std::move(r.place_matched);
  e.place_match = std::move(r.place_match);
  e.place_score = r.place_score;
  e.location_reason = std::move(r.location_reason);
  e.kind = std::move(r.kind);
  e.actor = std::move(r.actor);
  e.fatalities = r.fatalities;
  e.explosions = r.explosions;
  e.source_name = std::move(r.source_name);
  e.source_type = std::move(r.source_type);
  e.reliability = std::move(r.reliability);
  e.credibility = r.credibility;
  e.witnesses = std::move(r.witnesses);
  return e;
}

// What fusion and the obligation status read of a verdict: its obligation, verdict and
// whether it is contested.
VerdictRecord verdict_for_fusion(const VerdictRecord& v, std::size_t report) {
  VerdictRecord m;
  m.report = report;
  m.obligation = v.obligation;
  m.verdict = v.verdict;
  m.who.contested = v.who.contested;
  return m;
}

}  // namespace

std::vector<VerdictRecord> verdicts(const agreement::Agreement& a, const std::vector<ReportView>& reports,
                                    const Options& options) {
  AssessorPool pool;
  return verdicts_with(pool, a, reports, options);
}

Assessment assess(const agreement::Agreement& a, std::vector<ReportView> reports, const Options& options) {
  Assessment s;
  s.options = options;
  for (auto& r : reports) to_local_date(a, r);
  std::erase_if(reports, [&](const ReportView& r) { return !in_window(options, r); });
  std::sort(reports.begin(), reports.end(), before);
  s.reports = std::move(reports);

  s.verdicts = verdicts(a, s.reports, options);
  s.incidents = fuse(a, s);
  s.obligations = obligation_status(a, s);
  s.sectors = coverage(a, s);
  return s;
}

namespace {

// The current view of the store observed in [since, T], widened by the agreement's offset on
// both sides (bare dates move by it; the caller applies the exact window), in the store's
// order: by stored observed time, then insertion.
void query_window(const agreement::Agreement& a, const std::string& db_path, const Options& options,
                  const std::function<void(const store::StoredReport&)>& each) {
  const store::Store st = store::Store::open_existing(db_path);
  // A damaged index would hand over part of the window as if it were all (docs/store-integrity.md).
  store::check_counts(st);
  const int64_t slack = std::abs(a.utc_offset_minutes) * 60LL;
  store::Query q;
  q.until = agreement::unix_seconds(options.at) + 1 + slack;
  if (options.since) q.since = agreement::unix_seconds(*options.since) - slack;
  st.query(q, each);
}

}  // namespace

Assessment assess_store(const agreement::Agreement& a, const std::string& db_path, const Options& options) {
  std::vector<ReportView> reports;
  query_window(a, db_path, options, [&](const store::StoredReport& r) { reports.push_back(from_stored(r)); });
  return assess(a, std::move(reports), options);
}

StreamedAssessment assess_store_streamed(const agreement::Agreement& a, const std::string& db_path,
                                         const Options& options, const IncidentSink& incidents,
                                         const VerdictSink& each) {
  StreamedAssessment out;
  Assessment& ev = out.events;
  ev.options = options;
  detail::StatusTally status(a, options);
  detail::CoverageTally cover(a, options);
  AssessorPool pool;
  // The event reports, reduced, go to a spool for fusion; pass 1 runs on them as they come, to
  // learn its longest incident (pass 2 needs it from its first day report: fuse()).
  std::unique_ptr<ReportSpool> spool;
  detail::Fuser pass1(options);
  std::vector<ReportView> batch;
  batch.reserve(kStreamBatch);
  // One batch of reports, in the assessment's order: verdicts in parallel, then every verdict
  // to `each` and the tallies, in order; event reports spooled, reduced, for fusion.
  auto flush = [&] {
    if (batch.empty()) return;
    const std::vector<VerdictRecord> vs = verdicts_with(pool, a, batch, options);
    std::size_t k = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      ReportView& r = batch[i];
      const std::size_t first = k;
      bool violating = false;
      for (; k < vs.size() && vs[k].report == i; ++k) {
        each(r, vs[k]);
        status.add(r, vs[k]);
        violating = violating || vs[k].verdict == Verdict::violation;
        out.violations += vs[k].verdict == Verdict::violation;
      }
      out.verdicts += k - first;
      ++out.reports;
      cover.add(r, violating);
      if (!detail::is_event(r.kind)) continue;
      // Fusion reads of the verdicts the strongest (violation > indeterminate > compliant >
      // not applicable) and the obligations violated or doubtful; the status, the contested
      // ones: keep those, and one compliant or not applicable verdict when nothing stronger.
      detail::FusionReport fr;
      const Verdict none = Verdict::not_applicable;
      bool strong = false;
      std::optional<std::size_t> compliant, not_applicable;
      for (std::size_t j = first; j < k; ++j) {
        const VerdictRecord& v = vs[j];
        const bool doubtful = v.verdict == Verdict::violation || v.verdict == Verdict::indeterminate;
        strong = strong || doubtful;
        if (doubtful || v.who.contested) {
          fr.verdicts.push_back(verdict_for_fusion(v, 0));
        } else if (v.verdict == Verdict::compliant && !compliant) {
          compliant = j;
        } else if (v.verdict == none && !not_applicable) {
          not_applicable = j;
        }
      }
      if (!strong && (compliant || not_applicable))
        fr.verdicts.push_back(verdict_for_fusion(vs[compliant ? *compliant : *not_applicable], 0));
      fr.view = for_fusion(std::move(r));
      if (!spool) spool = std::make_unique<ReportSpool>(incidents.spool_dir, incidents.name);
      spool->put(fr);
      pass1.add(std::move(fr));
    }
    batch.clear();
  };
  // The store gives reports by stored time; a bare date moves by up to the agreement's offset
  // S, so a report is final in the assessment's order once the store has passed its time + S:
  // a heap holds the reports of that window (bounded by S, not by the store).
  const int64_t S = std::abs(a.utc_offset_minutes) * 60LL;
  auto later = [](const ReportView& x, const ReportView& y) { return before(y, x); };
  std::vector<ReportView> pending;  // a heap (std::push_heap), earliest first
  auto release_before = [&](std::optional<int64_t> t) {
    while (!pending.empty() && (!t || pending.front().observed_unix < *t)) {
      std::pop_heap(pending.begin(), pending.end(), later);
      batch.push_back(std::move(pending.back()));
      pending.pop_back();
      if (batch.size() >= kStreamBatch) flush();
    }
  };
  query_window(a, db_path, options, [&](const store::StoredReport& sr) {
    ReportView r = from_stored(sr);
    const int64_t stored = r.observed_unix;
    to_local_date(a, r);
    // Any later report is at stored - S or after: everything before that is in order.
    release_before(stored - S);
    if (in_window(options, r)) {
      pending.push_back(std::move(r));
      std::push_heap(pending.begin(), pending.end(), later);
    }
  });
  release_before(std::nullopt);
  flush();
  pass1.finish();

  // Fusion, the spooled reports read back once more: each incident, once final, is counted
  // for the status and formatted into a second spool, its place there kept with its order
  // (first, id) in a heap; those before the fusion's watermark (no incident to come begins
  // earlier) are written out in order.
  struct Placed {
    int64_t first;
    std::string id;
    uint64_t offset;
    std::size_t size;
    bool operator>(const Placed& y) const { return first != y.first ? first > y.first : id > y.id; }
  };
  std::priority_queue<Placed, std::vector<Placed>, std::greater<>> placed;
  std::unique_ptr<TempFile> texts;
  const bool writing = incidents.format && incidents.write;
  std::vector<ReportView> views;
  detail::Fuser fuser(a, options, pass1.longest(), [&](Incident&& inc, std::vector<detail::FusionReport>&& members) {
    ++out.incidents;
    status.add_incident(inc, [&](std::size_t m, const std::string& ob) {
      for (const auto& v : members[m].verdicts)
        if (v.who.contested && v.obligation == ob) return true;
      return false;
    });
    if (!writing) return;
    views.clear();
    for (auto& m : members) views.push_back(std::move(m.view));
    const std::string text = incidents.format(inc, views);
    if (!texts) texts = std::make_unique<TempFile>(incidents.spool_dir, incidents.name);
    placed.push({inc.first_unix, inc.id, texts->size(), text.size()});
    texts->write(text.data(), text.size());
  });
  std::string text;
  auto write_before = [&](int64_t w) {
    while (!placed.empty() && placed.top().first < w) {
      const Placed& p = placed.top();
      text.resize(p.size);
      texts->read_at(p.offset, text.data(), p.size);
      placed.pop();
      incidents.write(text);
    }
  };
  if (spool) {
    spool->rewind();
    detail::FusionReport fr;
    for (std::size_t n = 1; spool->get(fr); ++n) {
      fuser.add(std::move(fr));
      fr = {};
      // The watermark looks at every incident held: now and then.
      if (n % 1024 == 0 && writing) write_before(fuser.watermark());
    }
  }
  fuser.finish();
  if (writing) write_before(std::numeric_limits<int64_t>::max());
  ev.obligations = status.finish();
  ev.sectors = cover.finish();
  return out;
}

}  // namespace truceline::assess
