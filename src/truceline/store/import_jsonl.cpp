// The JSON Lines importer (docs/importers.md): one report per line, validated by
// report_from_jsonl(); lines stream through a 64 KiB buffer, one line in memory at a time.
#include <fmt/format.h>

#include "truceline/io/csv.hpp"
#include "truceline/store/detail/importers.hpp"

namespace truceline::store::detail {

namespace {

class JsonlReader final : public RowReader {
 public:
  JsonlReader(std::istream& in, const ReadOptions& options) : src_(in), read_(options) { src_.skip_bom(); }
  bool next(RawRow& row) override {
    std::size_t length = 0;
    for (;;) {
      if (!src_.read_line(row.raw, kMaxRecord + 1, length)) return false;
      ++line_;
      // A blank line holds nothing: skipped (it still counts for line numbers).
      if (length <= kMaxRecord && row.raw.find_first_not_of(" \t\r") == std::string::npos) continue;
      break;
    }
    row.number = line_;
    row.outcome = RowOutcome{};
    if (length > kMaxRecord) {
      row.raw.resize(kMaxRecord);
      row.outcome.error = fmt::format("line of {} bytes is longer than 1 MiB", length);
    } else {
      row.outcome = report_from_jsonl(row.raw, read_);
    }
    return true;
  }
  std::string format() const override { return "jsonl"; }

 private:
  io::ByteSource src_;
  ReadOptions read_;
  std::size_t line_ = 0;
};

}  // namespace

std::unique_ptr<RowReader> make_jsonl_reader(std::istream& in, const ReaderOptions& options) {
  return std::make_unique<JsonlReader>(in, options.report);
}

}  // namespace truceline::store::detail
