// The assessment's stages after the verdicts (internal to the assess module): each reads the
// Assessment built so far (its reports, verdicts and options) and returns one part of it.
#pragma once

#include <cstddef>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/assess/assess.hpp"

namespace truceline::assess::detail {

// Reports describing the same event, fused (incidents.cpp).
std::vector<Incident> fuse(const agreement::Agreement& a, const Assessment& s);
// Reports grouped by shared witnesses: each group is one independent view (incidents.cpp).
std::vector<std::vector<std::size_t>> source_groups(const Assessment& s, const std::vector<std::size_t>& reports);
// Two independent source groups of two source types, or one from a monitor (incidents.cpp).
bool corroborated(const Assessment& s, const Incident& inc);
// Status of every obligation at s.options.at, with the trend (status.cpp).
std::vector<ObligationStatus> obligation_status(const agreement::Agreement& a, const Assessment& s);
// Observation coverage per sector of the line (coverage.cpp).
std::vector<Sector> coverage(const agreement::Agreement& a, const Assessment& s);

}  // namespace truceline::assess::detail
