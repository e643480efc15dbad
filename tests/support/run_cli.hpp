// The CLI run in-process (cli::run with string streams): exit status, stdout and stderr. The
// golden cases and the process tests run the real binary instead.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "truceline/cli/app.hpp"

namespace truceline::test {

struct CliResult {
  int status;
  std::string out, err;
};

inline CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  std::vector<const char*> argv{"truceline"};
  for (const auto& a : args) argv.push_back(a.c_str());
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int status = cli::run(static_cast<int>(argv.size()), argv.data(), in, out, err);
  return {status, out.str(), err.str()};
}

}  // namespace truceline::test
