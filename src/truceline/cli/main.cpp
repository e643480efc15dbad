#include <unistd.h>

#include <iostream>

#include "truceline/cli/app.hpp"
#include "truceline/io/file.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Standard output through a buffer that keeps the reason of a failed write (a full disk, a
  // pipe closed while SIGPIPE is ignored): run() then says why, exit 2, never exit 0.
  truceline::io::FdOutBuf out_buf(STDOUT_FILENO);
  std::ostream out(&out_buf);
  const int status = truceline::cli::run(argc, argv, std::cin, out, std::cerr);
  out.flush();  // what run() left in the buffer (help, version); run() checks its commands' output
  if (!out && status == 0) {
    std::cerr << "truceline: error: " << truceline::io::stdout_failure(out) << "\n";
    return 2;
  }
  return status;
}
