// Obligation status at the assessment instant, with the trend over the previous period
// (assess.hpp: ObligationStatus).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "truceline/assess/assess.hpp"
#include "truceline/assess/detail/stages.hpp"

namespace truceline::assess::detail {

std::vector<ObligationStatus> obligation_status(const agreement::Agreement& a, const Assessment& s) {
  const Options& o = s.options;
  const int64_t T = agreement::unix_seconds(o.at), P = o.period_s;
  std::vector<ObligationStatus> out;
  std::map<std::string, std::size_t> index;
  for (const auto& ob : a.obligations) {
    index[ob.id] = out.size();
    ObligationStatus& st = out.emplace_back();  // in place (GCC 12 warns of a false maybe-uninitialized on a move)
    st.id = ob.id;
    st.kind = ob.kind;
    st.text = ob.text;
    st.zone = ob.zone;
    st.in_force = ob.valid.contains(o.at);
    st.deadline = agreement::deadline_at(ob, o.at);
  }
  std::vector<std::map<std::string, bool>> contested_by_report(s.reports.size());
  struct Latest {
    int64_t at = 0;
    std::string label;
    bool date_only = false;
  };
  std::vector<Latest> latest_violation(out.size()), latest_evidence(out.size());
  for (const auto& v : s.verdicts) {
    auto it = index.find(v.obligation);
    if (it == index.end()) continue;
    ObligationStatus& st = out[it->second];
    const ReportView& r = s.reports[v.report];
    if (v.verdict == Verdict::indeterminate) ++st.indeterminate;
    if (v.verdict == Verdict::compliant) ++st.compliant;
    if (v.who.contested) contested_by_report[v.report][v.obligation] = true;
    // Latest violation, and latest evidence of any other verdict; reports come in time order.
    if (v.verdict == Verdict::violation) {
      latest_violation[it->second] = {r.observed_unix, r.label, r.date_only};
    } else if (v.verdict != Verdict::not_applicable) {
      latest_evidence[it->second] = {r.observed_unix, r.label, r.date_only};
    }
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    const auto& pick = latest_violation[k].label.empty() ? latest_evidence[k] : latest_violation[k];
    out[k].latest_unix = pick.at;
    out[k].latest_report = pick.label;
    out[k].latest_date_only = pick.date_only;
  }
  for (const Incident& inc : s.incidents) {
    const bool corr = inc.corroborated;
    for (const auto& ob : inc.obligations) {
      ObligationStatus& st = out[index.at(ob)];
      if (inc.verdict != Verdict::violation) continue;  // then `obligations` lists doubtful ones
      bool contested = inc.contested;
      for (std::size_t m : inc.reports) contested = contested || contested_by_report[m].count(ob);
      ++st.violations;
      ++(corr ? st.violations_corroborated : st.violations_single_source);
      if (contested) ++st.violations_contested;
      // Current period [T - P, T], previous [T - 2P, T - P): a bare date read as local
      // midnight belongs to the day it starts.
      if (inc.first_unix >= T - P && inc.first_unix <= T) ++st.period_violations;
      if (inc.first_unix >= T - 2 * P && inc.first_unix < T - P) ++st.previous_period_violations;
    }
  }
  for (auto& st : out)
    st.trend = st.period_violations > st.previous_period_violations   ? "up"
               : st.period_violations < st.previous_period_violations ? "down"
                                                                      : "flat";
  return out;
}

}  // namespace truceline::assess::detail
