// io::InputFile and io::nul_checked_stream (io/input.hpp): each promise of the header.
#include "truceline/io/input.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "support/temp_dir.hpp"
#include "truceline/store/record.hpp"

namespace truceline::io {
namespace {

using test::TempDir;

std::string write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string read_all(std::istream& in) { return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}; }

std::string bytes_of(std::size_t n) {
  std::string s(n, 'x');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

TEST(InputFile, HashesEveryByteAsItIsRead) {
  TempDir t;
  const std::string bytes = bytes_of(300000);  // several 64 KiB reads
  InputFile in(write_file(t / "a.txt", bytes));
  EXPECT_FALSE(in.is_stream());
  EXPECT_EQ(read_all(in.stream()), bytes);
  EXPECT_EQ(in.sha256_hex(), store::sha256_hex(bytes));
}

TEST(InputFile, HashReadsWhatTheReaderLeft) {
  TempDir t;
  const std::string bytes = bytes_of(200000);
  InputFile in(write_file(t / "a.txt", bytes));
  char head[10];
  in.stream().read(head, sizeof head);
  EXPECT_EQ(in.sha256_hex(), store::sha256_hex(bytes));
}

TEST(InputFile, GoesBackToTheStartWithinTheFirstMiB) {
  TempDir t;
  const std::string bytes = bytes_of(3 << 20);
  InputFile in(write_file(t / "a.txt", bytes));
  std::string head(200000, '\0');
  in.stream().read(head.data(), static_cast<std::streamsize>(head.size()));
  ASSERT_TRUE(in.stream().seekg(0));
  EXPECT_EQ(read_all(in.stream()), bytes) << "the kept start, then the rest of the file";
  in.stream().clear();
  EXPECT_FALSE(in.stream().seekg(0)) << "more than 1 MiB was read: the start is gone";
  EXPECT_EQ(in.sha256_hex(), store::sha256_hex(bytes));
}

TEST(InputFile, ForgetStartKeepsThePosition) {
  TempDir t;
  const std::string bytes = bytes_of(100000);
  InputFile in(write_file(t / "a.txt", bytes));
  std::string head(10, '\0');
  in.stream().read(head.data(), 10);
  ASSERT_TRUE(in.stream().seekg(0));
  in.stream().read(head.data(), 4);
  in.forget_start();
  EXPECT_EQ(read_all(in.stream()), bytes.substr(4));
  in.stream().clear();
  EXPECT_FALSE(in.stream().seekg(0));
}

// The kept start can be larger than a read chunk (up to 1 MiB): forgetting it while it is being
// re-read keeps the unread part whole (it was copied into the 64 KiB chunk buffer: an
// overflow, and a use after free, found by AddressSanitizer).
TEST(InputFile, ForgetStartWhileRereadingMoreThanAChunk) {
  TempDir t;
  const std::string bytes = bytes_of(400000);
  InputFile in(write_file(t / "a.txt", bytes));
  std::string head(300000, '\0');
  in.stream().read(head.data(), static_cast<std::streamsize>(head.size()));
  ASSERT_TRUE(in.stream().seekg(0));
  in.stream().read(head.data(), 4);
  in.forget_start();
  EXPECT_EQ(read_all(in.stream()), bytes.substr(4));
  EXPECT_EQ(in.sha256_hex(), store::sha256_hex(bytes));
}

TEST(InputFile, ReadsAFifoOnceWithItsWriter) {
  TempDir t;
  const std::string fifo = t / "f";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string bytes = bytes_of(500000);  // more than a pipe holds: the writer waits for us
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << bytes; });
  InputFile in(fifo);
  EXPECT_TRUE(in.is_stream());
  EXPECT_EQ(read_all(in.stream()), bytes);
  EXPECT_EQ(in.sha256_hex(), store::sha256_hex(bytes));
  writer.join();
}

TEST(InputFile, SilentFifoTimesOut) {
  TempDir t;
  const std::string fifo = t / "f";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  InputOptions o;
  o.idle_timeout = std::chrono::milliseconds(50);
  InputFile in(fifo, o);
  try {
    read_all(in.stream());
    ADD_FAILURE() << "no timeout";
  } catch (const InputFault& e) {
    EXPECT_EQ(std::string(e.what()).rfind(fifo + ": no data for 0.05 s from this pipe or FIFO", 0), 0u) << e.what();
  }
}

TEST(CheckInput, RefusesWhatIsNotAFile) {
  TempDir t;
  EXPECT_THROW(check_input("/dev/zero"), InputFault);
  EXPECT_THROW(check_input(t.dir.string()), InputFault);
  EXPECT_NO_THROW(check_input("/dev/null"));
  const std::string fifo = t / "f";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NO_THROW(check_input(fifo)) << "not opened: it would block without a writer";
  try {
    check_input(t / "missing");
    ADD_FAILURE();
  } catch (const InputFault&) {
    ADD_FAILURE() << "a missing file is not a fault of its kind";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), t / "missing" + ": cannot open: No such file or directory");
  }
}

std::string nul_error(const std::string& text, bool decoded = false) {
  std::istringstream raw(text);
  const auto in = nul_checked_stream(raw, "f.csv", decoded);
  try {
    read_all(*in);
  } catch (const InputFault& e) {
    return e.what();
  }
  return "";
}

TEST(NulChecked, NamesTheLineAsTheImportersCountIt) {
  EXPECT_EQ(nul_error("a\nb\n"), "");
  EXPECT_EQ(nul_error(std::string("a\nb\0c\n", 6)), "f.csv:2: a NUL byte (byte 3): not text: nothing imported");
  // CRLF is one line end, a bare CR is one too.
  EXPECT_EQ(nul_error(std::string("a\r\nb\rc\0", 7)), "f.csv:3: a NUL byte (byte 6): not text: nothing imported");
  EXPECT_EQ(nul_error(std::string("\0", 1), true),
            "f.csv:1: a NUL character (U+0000) in the converted text: not text: nothing imported");
  // Past the first buffer (64 KiB): lines and offsets go on.
  std::string big(70000, 'x');
  big[65535] = '\r';
  big[65536] = '\n';
  big[69999] = '\0';
  EXPECT_EQ(nul_error(big), "f.csv:2: a NUL byte (byte 69999): not text: nothing imported");
}

}  // namespace
}  // namespace truceline::io
