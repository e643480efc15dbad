// The extract pipeline (docs/extract.md, issue 14): one text -> its mentions (places, actors,
// dates, numbers, weapons, statements) and the candidate reports of the events it asserts.
//
// An Extractor is built once per run (it indexes the agreement's aliases, weapon classes and the
// scoped gazetteer) and is then const and thread-safe: run() loads nothing per document and
// never throws on any text that passed check_text (document.hpp).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace truceline::agreement {
struct Agreement;
class AreaOfInterest;
}  // namespace truceline::agreement
namespace truceline::gazetteer {
class Gazetteer;
}

namespace truceline::extract {

// The localities supplement, given when first needed (places.hpp declares the same alias).
using LocalitiesSource = std::function<const gazetteer::Gazetteer*()>;

struct Options {
  std::optional<std::chrono::year_month_day> published;  // the publication date (--published)
  std::string source;                                    // source name (--source); "" = the file name
  std::string source_type;                               // --source-type; "" = "media"
  std::string lang = "auto";                             // en | ar | ru | tr | auto
};

struct Result {
  nlohmann::json mentions;                 // the "Mentions" object of docs/extract.md
  std::vector<nlohmann::json> candidates;  // candidate reports, in text order
  std::vector<std::string> notes;          // what the CLI prints on stderr for this file
};

class Extractor {
 public:
  // Throws InputError only for a bad agreement/gazetteer. area may be null (no scope).
  // `localities` (may be null, must outlive the extractor): the localities supplement
  // (data/gazetteer/localities.tsv), consulted for cued village names the gazetteer lacks.
  Extractor(const agreement::Agreement&, const gazetteer::Gazetteer&, const agreement::AreaOfInterest* area,
            LocalitiesSource localities = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // REQUIRES check_text(text) is nullopt or "empty". Thread-safe; never throws on any text.
  Result run(std::string_view file_name, std::string text, const Options&) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace truceline::extract
