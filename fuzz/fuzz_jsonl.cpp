// libFuzzer target: the JSONL report parser must never crash, whatever the bytes.
// Run with `make fuzz` (clang, -fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <string>

#include "truceline/store/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  const auto out = truceline::store::report_from_jsonl(line);
  if (out.report) (void)out.report->to_json().dump();  // normalization must not crash either
  return 0;
}
