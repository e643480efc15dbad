// The extract pipeline (extract.hpp, docs/extract.md).
#include "truceline/extract/extract.hpp"

#include "truceline/extract/document.hpp"

namespace truceline::extract {

struct Extractor::Impl {
  const agreement::Agreement* agreement = nullptr;
  const gazetteer::Gazetteer* gazetteer = nullptr;
  const agreement::AreaOfInterest* area = nullptr;
};

Extractor::Extractor(const agreement::Agreement& a, const gazetteer::Gazetteer& g, const agreement::AreaOfInterest* area)
    : impl_(std::make_unique<Impl>(Impl{&a, &g, area})) {}

Extractor::~Extractor() = default;

Result Extractor::run(std::string_view file_name, std::string text, const Options& opt) const {
  Result r;
  Document doc = Document::make(std::move(text), opt.lang);
  if (doc.tokens().empty()) r.notes.push_back("empty text");
  r.mentions = {{"file", file_name},
                {"lang", doc.lang()},
                {"lang_from", doc.lang_detected() ? "detected" : "option"},
                {"published", nullptr},
                {"chars", doc.code_points()},
                {"sentences", doc.sentences().size()},
                {"places", nlohmann::json::array()},
                {"actors", nlohmann::json::array()},
                {"dates", nlohmann::json::array()},
                {"numbers", nlohmann::json::array()},
                {"weapons", nlohmann::json::array()},
                {"statements", nlohmann::json::array()}};
  return r;
}

}  // namespace truceline::extract
