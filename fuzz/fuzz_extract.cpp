// libFuzzer target: `truceline extract` (docs/extract.md) must never crash, whatever the bytes.
// As the CLI does (cli/cmd_extract.cpp): a text longer than extract::kMaxTextBytes is refused
// before it is read, then check_text() either refuses the bytes with a reason or they go to the
// Extractor over the Idlib agreement, its area of interest and the bundled gazetteer. Every
// candidate must then print as the CLI prints it and be a valid report for `ingest --candidate`
// or lack only what docs/extract.md says a candidate may lack (its date or its place: ingest
// quarantines it, loudly); the mentions object must name its language.
//
// The whole input is the text; --published is 2018-10-12 (so that "on Tuesday" and
// "yesterday" are resolved) and --lang auto. Everything that does not depend on the input (the
// agreement, the area, the gazetteer, the Extractor's indexes) is built once, in
// LLVMFuzzerInitialize.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/extract/document.hpp"
#include "truceline/extract/extract.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/store/record.hpp"

namespace {

using nlohmann::json;
using namespace truceline;

struct World {
  agreement::Agreement a = agreement::load_valid(TRUCELINE_SCENARIO_DIR "/idlib-2018/agreement.toml");
  agreement::AreaOfInterest area{a};
  gazetteer::Gazetteer g = gazetteer::Gazetteer::load(gazetteer::default_data_file());
  extract::Extractor x{a, g, &area};
  extract::Options options;
};
World* g_world = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_world = new World;  // lives as long as the process
  using namespace std::chrono;
  g_world->options.published = year{2018} / October / day{12};
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > extract::kMaxTextBytes) return 0;  // the CLI refuses it by its size, unread
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto why = extract::check_text(bytes); why && *why != "empty") {
    if (why->empty()) __builtin_trap();  // a refused file must say why
    return 0;
  }
  const extract::Result r = g_world->x.run("fuzz.txt", std::string(bytes), g_world->options);
  if (!r.mentions.is_object() || !r.mentions.contains("lang")) __builtin_trap();
  for (const auto& n : r.notes)
    if (n.empty()) __builtin_trap();
  for (const auto& c : r.candidates) {
    (void)c.dump(-1, ' ', false, json::error_handler_t::replace);  // as the CLI prints it
    // What `ingest --candidate` makes of it: a report, or quarantined for one of the two gaps
    // docs/extract.md allows (a text without a date or without a place), never anything else.
    const store::RowOutcome row = store::report_from_json(c);
    if (!row.report && row.error != "missing observed_at" && row.error != "missing location: lon and lat, or place") {
      std::fprintf(stderr, "candidate is not a valid report: %s\n%s\n", row.error.c_str(),
                   c.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
      __builtin_trap();
    }
  }
  (void)r.mentions.dump(-1, ' ', false, json::error_handler_t::replace);
  return 0;
}
