// libFuzzer target: the CSV and ACLED readers must never crash, whatever the bytes; every row
// is either a report or a quarantine reason, and a file-level problem is an InputError.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "truceline/error.hpp"
#include "truceline/store/importers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (auto format : {truceline::store::Format::csv, truceline::store::Format::acled}) {
    std::istringstream in(bytes);
    try {
      auto reader = truceline::store::open_reader(format, in, {});
      truceline::store::RawRow row;
      while (reader->next(row)) {
        if (!row.outcome.report && row.outcome.error.empty()) __builtin_trap();  // a row must say why
      }
    } catch (const truceline::InputError&) {
      // A file-level problem (empty file, wrong delimiter, no ACLED header): reported, fine.
    }
  }
  return 0;
}
