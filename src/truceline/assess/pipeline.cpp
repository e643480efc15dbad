// The whole assessment: verdicts in parallel (one Assessor per worker), then the stages that
// read them: incidents (incidents.cpp), obligation status (status.cpp) and coverage
// (coverage.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/store.hpp"
#include "truceline/workers.hpp"

namespace truceline::assess {

using detail::coverage;
using detail::fuse;
using detail::obligation_status;

std::vector<VerdictRecord> verdicts(const agreement::Agreement& a, const std::vector<ReportView>& reports,
                                    const Options& options) {
  // Contiguous chunks, one Assessor per worker (GEOS prepared geometries are not shareable),
  // concatenated in order so the output does not depend on the thread count.
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, reports.size() / 256)));
  std::vector<std::vector<VerdictRecord>> parts(n);
  // A worker that throws (e.g. a zone that cannot be built) stops the others; its exception is
  // rethrown here, on the caller's thread (workers.hpp).
  Workers workers;
  workers.run(n, [&](unsigned w) {
    const Assessor as(a, options);
    const std::size_t lo = reports.size() * w / n, hi = reports.size() * (w + 1) / n;
    parts[w].reserve(2 * (hi - lo));
    for (std::size_t i = lo; i < hi && !workers.failed(); ++i) as.assess(reports[i], i, parts[w]);
  });
  // The first part is taken whole (one thread: no record moves at all); the others follow it.
  std::size_t total = 0;
  for (const auto& p : parts) total += p.size();
  std::vector<VerdictRecord> out = std::move(parts[0]);
  out.reserve(total);
  for (std::size_t w = 1; w < parts.size(); ++w)
    for (auto& v : parts[w]) out.push_back(std::move(v));
  return out;
}

Assessment assess(const agreement::Agreement& a, std::vector<ReportView> reports, const Options& options) {
  Assessment s;
  s.options = options;
  const int64_t T = agreement::unix_seconds(options.at);
  // Bare dates: 00:00 UTC in the store, 00:00 of that day in the agreement's timezone here,
  // so that "2025-04-10" counts on 10 April local whatever the offset's sign.
  for (auto& r : reports)
    if (r.date_only) r.observed_unix -= a.utc_offset_minutes * 60LL;
  std::erase_if(reports, [&](const ReportView& r) {
    return r.observed_unix > T || (options.since && r.observed_unix < agreement::unix_seconds(*options.since));
  });
  std::sort(reports.begin(), reports.end(), [](const ReportView& x, const ReportView& y) {
    return x.observed_unix != y.observed_unix ? x.observed_unix < y.observed_unix : x.id < y.id;
  });
  s.reports = std::move(reports);

  s.verdicts = verdicts(a, s.reports, options);
  s.incidents = fuse(a, s);
  s.obligations = obligation_status(a, s);
  s.sectors = coverage(a, s);
  return s;
}

Assessment assess_store(const agreement::Agreement& a, const std::string& db_path, const Options& options) {
  const store::Store st = store::Store::open_existing(db_path);
  // A damaged index would hand over part of the window as if it were all (docs/store-integrity.md).
  store::check_counts(st);
  // Bare dates move by the agreement's offset in assess(): fetch that much more on both sides
  // and let assess() apply the exact window.
  const int64_t slack = std::abs(a.utc_offset_minutes) * 60LL;
  store::Query q;
  q.until = agreement::unix_seconds(options.at) + 1 + slack;
  if (options.since) q.since = agreement::unix_seconds(*options.since) - slack;
  std::vector<ReportView> reports;
  st.query(q, [&](const store::StoredReport& r) { reports.push_back(from_stored(r)); });
  return assess(a, std::move(reports), options);
}

}  // namespace truceline::assess
