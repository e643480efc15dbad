// Counts the heap allocations a fuzz target makes per execution: the C allocator (malloc,
// calloc, realloc, the aligned ones; operator new and every library allocate through them) is
// replaced in this executable and counted only inside LLVMFuzzerTestOneInput. Under
// AddressSanitizer every allocation unwinds and records its stack and every free goes through
// the quarantine, so allocations per execution is the repeatable figure behind a target's
// execs/s (fuzz/README.md). Built with the project's compiler, without sanitizers, on demand:
//   cmake --build --preset release --target fuzz_count_allocs_csv
//   build/release/tests/fuzz_count_allocs_csv [-v] DIR_OR_FILE...
// (-v: one line per file: allocations, bytes, name). glibc only (__libc_malloc and friends).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

extern "C" void* __libc_malloc(size_t);
extern "C" void* __libc_calloc(size_t, size_t);
extern "C" void* __libc_realloc(void*, size_t);
extern "C" void* __libc_memalign(size_t, size_t);
extern "C" void __libc_free(void*);

namespace {
bool g_counting = false;
unsigned long long g_allocs = 0, g_bytes = 0;
inline void note(size_t n) {
  if (g_counting) ++g_allocs, g_bytes += n;
}
}  // namespace

extern "C" {
void* malloc(size_t n) { note(n); return __libc_malloc(n); }
void* calloc(size_t a, size_t b) { note(a * b); return __libc_calloc(a, b); }
void* realloc(void* p, size_t n) { note(n); return __libc_realloc(p, n); }
void free(void* p) { __libc_free(p); }
void* memalign(size_t al, size_t n) { note(n); return __libc_memalign(al, n); }
void* aligned_alloc(size_t al, size_t n) { note(n); return __libc_memalign(al, n); }
int posix_memalign(void** out, size_t al, size_t n) {
  note(n);
  void* p = __libc_memalign(al, n);
  if (!p) return 12;
  *out = p;
  return 0;
}
}

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  namespace fs = std::filesystem;
  bool verbose = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-v") == 0) {
      verbose = true;
      continue;
    }
    const fs::path p = argv[i];
    if (fs::is_directory(p)) {
      std::vector<fs::path> in_dir;
      for (const auto& e : fs::directory_iterator(p))
        if (e.is_regular_file()) in_dir.push_back(e.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(p)) {
      files.push_back(p);
    }
  }
  unsigned long long total = 0, total_bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    g_allocs = g_bytes = 0;
    g_counting = true;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    g_counting = false;
    total += g_allocs;
    total_bytes += g_bytes;
    if (verbose) std::printf("%llu %llu %s\n", g_allocs, g_bytes, f.filename().c_str());
  }
  std::printf("%zu files: %llu allocations (%.2f per execution), %llu bytes (%.0f per execution)\n", files.size(),
              total, files.empty() ? 0.0 : double(total) / double(files.size()), total_bytes,
              files.empty() ? 0.0 : double(total_bytes) / double(files.size()));
  return 0;
}
