// Obligation status at the assessment instant, with the trend over the previous period
// (assess.hpp: ObligationStatus).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"

namespace truceline::assess::detail {

StatusTally::StatusTally(const agreement::Agreement& a, const Options& o) : o_(o) {
  for (const auto& ob : a.obligations) {
    index_[ob.id] = out_.size();
    ObligationStatus& st = out_.emplace_back();  // in place (GCC 12 warns of a false maybe-uninitialized on a move)
    st.id = ob.id;
    st.kind = ob.kind;
    st.text = ob.text;
    st.zone = ob.zone;
    st.in_force = ob.valid.contains(o.at);
    st.deadline = agreement::deadline_at(ob, o.at);
  }
  latest_violation_.resize(out_.size());
  latest_evidence_.resize(out_.size());
}

void StatusTally::add(const ReportView& r, const VerdictRecord& v) {
  auto it = index_.find(v.obligation);
  if (it == index_.end()) return;
  ObligationStatus& st = out_[it->second];
  if (v.verdict == Verdict::indeterminate) ++st.indeterminate;
  if (v.verdict == Verdict::compliant) ++st.compliant;
  // Latest violation, and latest evidence of any other verdict; reports come in time order.
  if (v.verdict == Verdict::violation) {
    latest_violation_[it->second] = {r.observed_unix, r.label, r.date_only};
  } else if (v.verdict != Verdict::not_applicable) {
    latest_evidence_[it->second] = {r.observed_unix, r.label, r.date_only};
  }
}

void StatusTally::add_incident(const Incident& inc,
                               const std::function<bool(std::size_t m, const std::string& ob)>& contested_in) {
  if (inc.verdict != Verdict::violation) return;  // then `obligations` lists doubtful ones
  const int64_t T = agreement::unix_seconds(o_.at), P = o_.period_s;
  const bool corr = inc.corroborated;
  for (const auto& ob : inc.obligations) {
    ObligationStatus& st = out_[index_.at(ob)];
    bool contested = inc.contested;
    for (std::size_t m : inc.reports) contested = contested || contested_in(m, ob);
    ++st.violations;
    ++(corr ? st.violations_corroborated : st.violations_single_source);
    if (contested) ++st.violations_contested;
    // Current period [T - P, T], previous [T - 2P, T - P): a bare date read as local
    // midnight belongs to the day it starts.
    if (inc.first_unix >= T - P && inc.first_unix <= T) ++st.period_violations;
    if (inc.first_unix >= T - 2 * P && inc.first_unix < T - P) ++st.previous_period_violations;
  }
}

std::vector<ObligationStatus> StatusTally::finish() {
  std::vector<ObligationStatus> out = std::move(out_);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const auto& pick = latest_violation_[k].label.empty() ? latest_evidence_[k] : latest_violation_[k];
    out[k].latest_unix = pick.at;
    out[k].latest_report = pick.label;
    out[k].latest_date_only = pick.date_only;
  }
  for (auto& st : out)
    st.trend = st.period_violations > st.previous_period_violations   ? "up"
               : st.period_violations < st.previous_period_violations ? "down"
                                                                      : "flat";
  return out;
}

std::vector<ObligationStatus> StatusTally::finish(const Assessment& s) {
  std::vector<std::map<std::string, bool>> contested_by_report(s.reports.size());
  for (const auto& v : s.verdicts)
    if (v.who.contested && index_.count(v.obligation)) contested_by_report[v.report][v.obligation] = true;
  for (const Incident& inc : s.incidents)
    add_incident(inc, [&](std::size_t m, const std::string& ob) { return contested_by_report[m].count(ob) > 0; });
  return finish();
}

std::vector<ObligationStatus> obligation_status(const agreement::Agreement& a, const Assessment& s) {
  StatusTally t(a, s.options);
  for (const auto& v : s.verdicts) t.add(s.reports[v.report], v);
  return t.finish(s);
}

}  // namespace truceline::assess::detail
