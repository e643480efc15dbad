#include "truceline/io/text.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <sstream>
#include <streambuf>
#include <utility>
#include <vector>

namespace truceline::io {

namespace {

// An ICU converter by name, taken from this thread's cache when one was opened and given back
// before (opening one allocates and looks the name up in ICU's alias tables; a file read with
// --encoding opens two, and the fuzz target opens them for every input). A converter is used
// by one stream at a time: two streams of one thread open two. Given back reset (no state of
// a half-read character) and with ICU's default callbacks (substitution).
class ConverterCache {
 public:
  UConverter* take(const std::string& name) {
    for (auto it = free_.begin(); it != free_.end(); ++it) {
      if (it->first != name) continue;
      UConverter* c = it->second;
      free_.erase(it);
      return c;
    }
    UErrorCode status = U_ZERO_ERROR;
    UConverter* c = ucnv_open(name.c_str(), &status);
    if (U_FAILURE(status)) {
      if (c) ucnv_close(c);
      return nullptr;
    }
    return c;
  }
  void give_back(const std::string& name, UConverter* c) {
    if (free_.size() >= kMax) {
      ucnv_close(c);
      return;
    }
    ucnv_reset(c);
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
    ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) {
      ucnv_close(c);
      return;
    }
    free_.emplace_back(name, c);
  }
  ~ConverterCache() {
    for (auto& [name, c] : free_) ucnv_close(c);
  }
  static ConverterCache& of_this_thread() {
    thread_local ConverterCache cache;
    return cache;
  }

 private:
  static constexpr std::size_t kMax = 8;
  std::vector<std::pair<std::string, UConverter*>> free_;
};

struct Converter {
  UConverter* c = nullptr;
  std::string name;
  explicit Converter(const std::string& encoding) : c(ConverterCache::of_this_thread().take(encoding)), name(encoding) {
    if (!c)
      throw InputError(fmt::format("--encoding '{}': not an encoding ICU knows (e.g. windows-1252, ISO-8859-1, "
                                   "UTF-16, windows-1256)",
                                   encoding));
  }
  ~Converter() {
    if (c) ConverterCache::of_this_thread().give_back(name, c);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
};

// The standard name (MIME, IANA, then Windows) of an open converter's encoding; `fallback`
// if ICU has none.
std::string canonical_name(UConverter* c, const std::string& fallback) {
  UErrorCode status = U_ZERO_ERROR;
  const char* internal = ucnv_getName(c, &status);
  if (U_FAILURE(status) || !internal) return fallback;
  for (const char* standard : {"MIME", "IANA", "WINDOWS"}) {
    UErrorCode s = U_ZERO_ERROR;
    if (const char* n = ucnv_getStandardName(internal, standard, &s); U_SUCCESS(s) && n) return n;
  }
  return internal;
}

// Converts `encoding` to UTF-8 as the reader asks for bytes; see decoded_stream().
class DecodingBuf final : public std::streambuf {
 public:
  DecodingBuf(std::istream& in, const std::string& encoding)
      : in_(in), src_(encoding), utf8_("UTF-8"), name_(canonical_name(src_.c, encoding)), raw_(new char[size_]),
        pivot_(new UChar[kPivot]), out_(new char[size_]) {
    UErrorCode status = U_ZERO_ERROR;
    // Stop at the first invalid byte sequence instead of substituting U+FFFD.
    ucnv_setToUCallBack(src_.c, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    ucnv_setFromUCallBack(utf8_.c, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    pivot_source_ = pivot_target_ = pivot_.get();
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    for (;;) {
      if (done_) return traits_type::eof();
      if (raw_begin_ == raw_end_ && !eof_) {
        // The last read filled the buffers: read larger pieces (a small input costs small
        // buffers; everything in them is consumed by now).
        if (full_reads_ > 0 && size_ < kMax) {
          size_ *= 2;
          raw_.reset(new char[size_]);
          out_.reset(new char[size_]);
        }
        in_.read(raw_.get(), static_cast<std::streamsize>(size_));
        const auto n = static_cast<std::size_t>(in_.gcount());
        raw_begin_ = raw_.get();
        raw_end_ = raw_.get() + n;
        full_reads_ = n == size_ ? full_reads_ + 1 : 0;
        if (n == 0) eof_ = true;
      }
      char* target = out_.get();
      const char* before = raw_begin_;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(utf8_.c, src_.c, &target, out_.get() + size_, &raw_begin_, raw_end_, pivot_.get(),
                     &pivot_source_, &pivot_target_, pivot_.get() + kPivot, false, eof_, &status);
      offset_ += static_cast<uint64_t>(raw_begin_ - before);
      const bool full = status == U_BUFFER_OVERFLOW_ERROR;
      if (U_FAILURE(status) && !full) {
        char bad[32];
        int8_t len = sizeof bad;
        UErrorCode s2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(src_.c, bad, &len, &s2);
        std::string bytes;
        for (int i = 0; U_SUCCESS(s2) && i < len; ++i)
          bytes += fmt::format("{}0x{:02X}", i ? " " : "", static_cast<unsigned char>(bad[i]));
        const uint64_t at = offset_ - static_cast<uint64_t>(U_SUCCESS(s2) ? len : 0);
        throw DecodeError(fmt::format("byte {}: {} {} not valid {}{}", at, bytes.empty() ? "a sequence" : bytes,
                                      len > 1 ? "are" : "is", name_,
                                      status == U_TRUNCATED_CHAR_FOUND ? " (a character cut off at the end)" : ""));
      }
      if (eof_ && raw_begin_ == raw_end_ && !full) done_ = true;
      if (target > out_.get()) {
        setg(out_.get(), out_.get(), target);
        return traits_type::to_int_type(*gptr());
      }
    }
  }

 private:
  std::istream& in_;
  // The buffers are not zero-filled: only what read() and ICU store is ever looked at. The raw
  // and output buffers start at 512 bytes and double, up to 64 KiB, while reads fill them (a
  // small input costs small buffers: AddressSanitizer fills every new one); the pivot (UTF-16
  // between the two converters) holds 1024 code units, as in ICU's own ucnv_convert().
  static constexpr std::size_t kPivot = std::size_t{1} << 10, kMax = std::size_t{1} << 16;
  std::size_t size_ = std::size_t{1} << 9, full_reads_ = 0;
  Converter src_, utf8_;
  std::string name_;
  std::unique_ptr<char[]> raw_;
  std::unique_ptr<UChar[]> pivot_;
  std::unique_ptr<char[]> out_;
  const char* raw_begin_ = nullptr;
  const char* raw_end_ = nullptr;
  UChar* pivot_source_ = nullptr;
  UChar* pivot_target_ = nullptr;
  uint64_t offset_ = 0;
  bool eof_ = false, done_ = false;
};

class DecodedStream final : public std::istream {
 public:
  DecodedStream(std::istream& in, const std::string& encoding) : std::istream(nullptr), buf_(in, encoding) {
    rdbuf(&buf_);
    exceptions(std::ios::badbit);  // a DecodeError from the buffer reaches the reader
  }

 private:
  DecodingBuf buf_;
};

std::string describe(const std::string& name) {
  if (name == "ISO-8859-1") return "ISO-8859-1 (Latin-1)";
  if (name == "windows-1252") return "windows-1252 (Western European)";
  if (name == "windows-1256" || name == "ISO-8859-6") return name + " (Arabic)";
  if (name == "windows-1251" || name == "ISO-8859-5" || name == "KOI8-R") return name + " (Cyrillic)";
  if (name == "windows-1254" || name == "ISO-8859-9") return name + " (Turkish)";
  return name;
}

}  // namespace

std::string canonical_encoding(const std::string& name) {
  const Converter c(name);
  return canonical_name(c.c, name);
}

std::unique_ptr<std::istream> decoded_stream(std::istream& in, const std::string& encoding) {
  return std::make_unique<DecodedStream>(in, encoding);
}

std::string decode(std::string_view bytes, const std::string& encoding) {
  std::istringstream in{std::string(bytes)};
  const auto s = decoded_stream(in, encoding);
  return std::string(std::istreambuf_iterator<char>(*s), std::istreambuf_iterator<char>());
}

namespace {
std::optional<EncodingGuess> utf16_or_32(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\0\0"sv)) return EncodingGuess{"UTF-32LE", 100, "UTF-32", "byte order mark"};
  if (starts("\0\0\xFE\xFF"sv)) return EncodingGuess{"UTF-32BE", 100, "UTF-32", "byte order mark"};
  if (starts("\xFF\xFE"sv)) return EncodingGuess{"UTF-16LE", 100, "UTF-16", "byte order mark"};
  if (starts("\xFE\xFF"sv)) return EncodingGuess{"UTF-16BE", 100, "UTF-16", "byte order mark"};
  // Latin text in UTF-16 without a byte order mark: every other byte is NUL.
  std::size_t nul_even = 0, nul_odd = 0;
  const std::size_t n = std::min<std::size_t>(b.size(), 4096);
  for (std::size_t i = 0; i < n; ++i)
    if (b[i] == '\0') ++(i % 2 ? nul_odd : nul_even);
  if (n >= 4 && (nul_even + nul_odd) * 4 >= n) {
    const char* basis = "NUL bytes every other byte";
    return nul_odd > nul_even ? EncodingGuess{"UTF-16LE", 90, "UTF-16LE", basis}
                              : EncodingGuess{"UTF-16BE", 90, "UTF-16BE", basis};
  }
  return std::nullopt;
}
}  // namespace

bool looks_like_utf16_or_32(std::string_view b) { return utf16_or_32(b).has_value(); }

std::optional<EncodingGuess> guess_encoding(std::string_view b) {
  if (auto g = utf16_or_32(b)) return g;
  // ICU's charset detector is built once per thread (building it allocates its recognizers;
  // one detector must not be shared between threads) and given each sample in turn.
  struct Detector {
    UCharsetDetector* d = nullptr;
    Detector() {
      UErrorCode status = U_ZERO_ERROR;
      d = ucsdet_open(&status);
      if (U_FAILURE(status)) d = nullptr;
    }
    ~Detector() {
      if (d) ucsdet_close(d);
    }
  };
  thread_local const Detector detector;
  UCharsetDetector* d = detector.d;
  if (!d) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const std::string_view sample = b.substr(0, 1 << 16);
  ucsdet_setText(d, sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(d, &found, &status);
  std::optional<EncodingGuess> guess;
  for (int32_t i = 0; U_SUCCESS(status) && i < found && !guess; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const std::string name = ucsdet_getName(matches[i], &s);
    const int confidence = ucsdet_getConfidence(matches[i], &s);
    if (U_FAILURE(s) || name == "UTF-8") continue;  // the bytes are known not to be UTF-8
    // ICU offers UTF-16/32 for any bytes at a low confidence; without NULs or a BOM they are not.
    if (name.rfind("UTF-", 0) == 0 && confidence < 50) continue;
    guess = EncodingGuess{name, confidence, name == "ISO-8859-1" ? "windows-1252" : name, "ICU's charset detector"};
  }
  return guess;
}

std::string encoding_advice(std::string_view bytes) {
  const auto g = guess_encoding(bytes);
  if (!g)
    return "the file is not UTF-8 and its encoding could not be guessed: name it with --encoding NAME "
           "(e.g. --encoding windows-1252)";
  return fmt::format("the file is not UTF-8: it looks like {} ({}, confidence {}%); read it with --encoding {}",
                     describe(g->name), g->basis, g->confidence, g->suggestion);
}

}  // namespace truceline::io
