// io::Spool: what is written is copied back whole, and the spool leaves no file behind.
#include "truceline/io/spool.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "support/temp_dir.hpp"
#include "truceline/error.hpp"

namespace truceline::io {
namespace {

TEST(Spool, CopiesBackEverythingAndLeavesNoFile) {
  test::TempDir t("truceline-spool");
  std::string want;
  {
    Spool s(t.dir.string(), "out.json");
    for (int i = 0; i < 200000; ++i) {  // several buffers' worth
      const std::string line = "line " + std::to_string(i) + "\n";
      s.stream() << line;
      want += line;
    }
    EXPECT_EQ(s.size(), want.size());
    std::ostringstream got;
    s.copy_to(got);
    EXPECT_EQ(got.str(), want);
    EXPECT_TRUE(std::filesystem::is_empty(t.dir)) << "the spool has a name in the directory";
  }
  EXPECT_TRUE(std::filesystem::is_empty(t.dir));
}

TEST(Spool, AMissingDirectoryIsAnErrorNamingTheOutput) {
  test::TempDir t("truceline-spool");
  try {
    Spool s(t / "missing", "missing/out.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "missing/out.json: cannot write: No such file or directory");
  }
}

}  // namespace
}  // namespace truceline::io
