#include "truceline/cli/points.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/io/csv.hpp"
#include "truceline/text.hpp"

namespace truceline::cli {

namespace {

std::string_view trim_view_slow(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}
// Printable ASCII other than the space is no space in any locale: no isspace call for it.
inline std::string_view trim_view(std::string_view s) {
  auto plain = [](char c) { return c > ' ' && c < '\x7f'; };
  if (s.empty() || (plain(s.front()) && plain(s.back()))) return s;
  return trim_view_slow(s);
}
std::string trim(const std::string& s) { return std::string(trim_view(s)); }

// Where `text` (a view of `buf`) starts in `buf`, as a PointRow offset.
std::uint32_t offset_in(std::string_view text, const char* buf) { return static_cast<std::uint32_t>(text.data() - buf); }

// Powers of ten exactly representable as doubles (10^0 .. 10^22).
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The common short form of a coordinate, [+][-]digits[.digits] with at most 15 digits in all,
// converted exactly: the digits as an integer m < 10^15 < 2^53 and 10^f (f <= 15) are both
// exact doubles, so m / 10^f is one correctly rounded IEEE division, the double nearest to the
// decimal, which is what std::from_chars returns (Clinger's fast path, which fast_float and
// libstdc++'s from_chars take internally). Hand-written because std::from_chars costs ~190
// instructions a call (callgrind) around that same division; anything else (an exponent, more
// digits, "inf", no digit, ...) returns false and goes to parse_coord.
bool short_decimal(std::string_view text, double& out) {
  const char* p = text.data();
  const char* e = p + text.size();
  if (p < e && *p == '+') ++p;  // as parse_coord: one '+' skipped, then what from_chars reads
  const bool neg = p < e && *p == '-';
  if (neg) ++p;
  const char* first = p;
  std::uint64_t m = 0;
  for (unsigned d; p < e && (d = static_cast<unsigned>(*p - '0')) < 10; ++p) m = m * 10 + d;
  std::size_t digits = static_cast<std::size_t>(p - first), frac = 0;
  if (p < e && *p == '.') {
    const char* f = ++p;
    // Eight digits at once where eight follow (the SWAR step of fast_float's parser).
    if (e - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if constexpr (std::endian::native == std::endian::little) {
        if ((((w & 0xF0F0F0F0F0F0F0F0) | (((w + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) ==
             0x3333333333333333)) {
          w -= 0x3030303030303030;
          w = (w * 10) + (w >> 8);
          w = (((w & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) +
               (((w >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >> 32;
          m = m * 100000000 + w;
          p += 8;
        }
      }
    }
    for (unsigned d; p < e && (d = static_cast<unsigned>(*p - '0')) < 10; ++p) m = m * 10 + d;
    frac = static_cast<std::size_t>(p - f);
    digits += frac;
  }
  if (p != e || digits == 0 || digits > 15) return false;
  const double v = static_cast<double>(m) / kPow10[frac];
  out = neg ? -v : v;
  return true;
}

constexpr std::uint64_t kPow10Int[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

// The value of the digits held in the bytes of `d` (0..9 each, the first digit in the lowest
// byte; leading bytes 0 for fewer than eight digits): fast_float's eight-digit SWAR step.
inline std::uint64_t eight_digits(std::uint64_t d) {
  d = (d * 10) + (d >> 8);
  return (((d & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) +
          (((d >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >> 32;
}

// The leading run of digits (at most 8) of the 8 bytes at p: their count and their value.
// Loads 8 bytes whatever the run's length: the caller makes sure they are readable.
inline unsigned digit_run(const char* p, std::uint64_t& value) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native != std::endian::little) w = __builtin_bswap64(w);
  // d: each byte less '0'; a byte is a digit when that is at most 9. A byte below '0' borrows
  // from the next and one above 0x89 carries into it, but only bytes after the first
  // non-digit are disturbed, and only the first non-digit matters.
  const std::uint64_t d = w - 0x3030303030303030;
  const std::uint64_t non_digit = ((d + 0x7676767676767676) | d) & 0x8080808080808080;
  const unsigned n = non_digit ? static_cast<unsigned>(std::countr_zero(non_digit)) >> 3 : 8;
  value = n == 0 ? 0 : eight_digits(d << (64 - 8 * n));  // the run's bytes moved up, zeros before
  return n;
}

// short_decimal for a text inside a larger readable buffer (the CSV fast path reads its fields
// in the reader's buffer, which ends at `readable`): the same forms, and the same value (the
// same integer m of the same digits and the same division by 10^f). The integer digits are
// read one by one (a coordinate has at most three), the fractional ones eight at a time (it
// reads the 8 bytes after the point, within the buffer, maybe past the text). It says false,
// leaving it to short_decimal and parse_coord, when fewer than 8 are readable there or for any
// form it does not take (more than 8 fractional digits, more than 15 in all, anything but
// digits and one point). Inlined in the fast path: the call cost as much as the integer part.
[[gnu::always_inline]] inline bool short_decimal_in_buffer(std::string_view text, const char* readable, double& out) {
  const char* p = text.data();
  const char* e = p + text.size();
  if (p < e && *p == '+') ++p;
  const bool neg = p < e && *p == '-';
  if (neg) ++p;
  const char* first = p;
  std::uint64_t m = 0;
  for (unsigned d; p < e && (d = static_cast<unsigned>(*p - '0')) < 10; ++p) m = m * 10 + d;
  std::size_t digits = static_cast<std::size_t>(p - first);
  unsigned frac = 0;
  if (p < e && *p == '.') {
    ++p;
    if (readable - p < 8) return false;
    std::uint64_t frac_value;
    frac = digit_run(p, frac_value);
    p += frac;
    digits += frac;
    m = m * kPow10Int[frac] + frac_value;  // below 10^15 when digits <= 15 (checked next)
  }
  if (p != e || digits == 0 || digits > 15) return false;
  const double v = static_cast<double>(m) / kPow10[frac];
  out = neg ? -v : v;
  return true;
}

// Parses a coordinate; an error message or "".
std::string parse_coord(std::string_view text, const char* name, double lo, double hi, double* out) {
  if (text.empty()) return fmt::format("{} is empty", name);
  double v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  if (*b == '+') ++b;
  auto [ptr, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || ptr != e) return fmt::format("{} '{}' is not a number", name, text);
  if (!std::isfinite(v)) return fmt::format("{} '{}' is not a finite number", name, text);
  if (v < lo || v > hi) return fmt::format("{} {} is outside [{}, {}]", name, text, lo, hi);
  *out = v;
  return "";
}

void fill_coords(PointRow& row) {
  // Two short decimals within range: the values parse_coord finds, without its std::string.
  double lon, lat;
  if (short_decimal(row.lon_text(), lon) && short_decimal(row.lat_text(), lat) && lon >= -180 && lon <= 180 &&
      lat >= -90 && lat <= 90) {
    row.p = {lon, lat};
    return;
  }
  row.error = parse_coord(row.lon_text(), "lon", -180, 180, &row.p.lon_deg);
  if (row.error.empty()) row.error = parse_coord(row.lat_text(), "lat", -90, 90, &row.p.lat_deg);
}

// An object whose "type" is the string `type` (a "type" of another JSON type is no type).
bool has_type(const nlohmann::json& o, const char* type) {
  const auto it = o.find("type");
  return it != o.end() && it->is_string() && it->get_ref<const std::string&>() == type;
}

class CsvReader : public PointReader {
 public:
  CsvReader(std::unique_ptr<std::istream> own, std::istream& in, std::string name, std::size_t skipped_lines,
            bool fast_path)
      : own_(std::move(own)), in_(&in), name_(std::move(name)), csv_(in, ',', io::CsvReader::kDefaultMaxRecord, skipped_lines + 1),
        fast_path_(fast_path) {
    io::CsvRecord header;
    if (!read(header)) throw InputError(name_ + ": empty file (no CSV header)");
    if (header.error == io::CsvError::unterminated_quote)
      throw InputError(name_ + ":1: unterminated quoted field in the header");
    if (header.error != io::CsvError::none || header.too_long(csv_.max_record()))
      throw InputError(fmt::format("{}:{}: header: {}", name_, header.line,
                                   header.error != io::CsvError::none ? io::describe(header)
                                                                      : "longer than 1 MiB"));
    const auto& cols = header.fields;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const std::string c = ascii_lower(trim(cols[i]));
      if (c == "lon" || c == "longitude") lon_col_ = static_cast<int>(i);
      if (c == "lat" || c == "latitude") lat_col_ = static_cast<int>(i);
      if (c == "id") id_col_ = static_cast<int>(i);
    }
    if (lon_col_ < 0 || lat_col_ < 0) {
      std::string hint;
      if (cols.size() == 1 && (header.raw.find(';') != std::string::npos || header.raw.find('\t') != std::string::npos))
        hint = " (the delimiter must be a comma)";
      const char* missing =
          lon_col_ < 0 && lat_col_ < 0 ? "lon and lat columns" : (lon_col_ < 0 ? "lon column" : "lat column");
      throw InputError(fmt::format("{}:{}: the CSV header has no {}{}", name_, csv_.line(), missing, hint));
    }
    ncols_ = cols.size();
    split_by_blocks_ = std::max({id_col_, lon_col_, lat_col_}) < static_cast<int>(kEnds);
  }

  bool next(PointRow& row) override { return read_row(row); }
  std::string place(const PointRow& row) const override { return fmt::format("{}:{}", name_, row.line); }
  std::size_t next_rows(PointRow* rows, std::size_t n) override {
    std::size_t k = 0;
    while (k < n && read_row(rows[k]))
      if (!rows[k++].error.empty()) break;
    return k;
  }

 private:
  bool read_row(PointRow& row) {
    for (;;) {
      if (fast_path_) {
        const Fast f = next_fast(row);
        if (f == Fast::row) return true;
        if (f == Fast::skipped) continue;
      }
      if (!read(rec_)) return false;
      if (rec_.fields.size() == 1 && trim_view(rec_.raw).empty()) continue;  // blank lines carry no row
      reset(row);
      row.line = rec_.line;
      ++row_number_;
      if (rec_.error == io::CsvError::unterminated_quote) {
        row.error = "unterminated quoted field";
        return true;
      }
      if (rec_.error != io::CsvError::none) {
        row.error = io::describe(rec_);
        return true;
      }
      if (rec_.too_long(csv_.max_record())) {
        row.error = fmt::format("record of {} bytes is longer than 1 MiB", rec_.length);
        return true;
      }
      const auto& f = rec_.fields;
      if (f.size() != ncols_) {
        row.error = fmt::format("{} fields, the header has {}", f.size(), ncols_);
        return true;
      }
      row.set_texts(id_col_ >= 0 ? std::string_view(f[id_col_]) : std::string_view(std::to_string(row_number_)),
                    trim_view(f[lon_col_]), trim_view(f[lat_col_]));
      fill_coords(row);
      return true;
    }
  }

  // The next record of the shared CSV reader (io/csv.hpp); a read failure is an error.
  bool read(io::CsvRecord& rec) {
    const bool any = csv_.next(rec);
    if (in_bad()) throw InputError(fmt::format("{}: cannot read: {}", name_, std::strerror(errno)));
    return any;
  }
  bool in_bad() const { return in_->bad(); }

  // The row's texts emptied, their buffer kept (no allocation per row).
  static void reset(PointRow& row) {
    row.set_texts({}, {}, {});
    row.error.clear();
    row.p = geo::LonLat{};
  }

  // The fast path: the next record when it lies wholly in the reader's buffer and has no quote
  // and no CR (so that its fields are the bytes between its commas, exactly as the general
  // reader splits it), split in place: no copy per field, the record's bytes copied into the
  // row once. Every rule after the split is the general path's (blank and whitespace-only
  // lines skip, the field count, the id or the row number, trimmed coordinates, fill_coords'
  // values and errors). Anything else -- a quote, a CR, a record running past the buffer or
  // over max_record, the last record without a line break, the end of the input -- is left to
  // the general reader (Fast::no), which has consumed nothing of it.
  enum class Fast { no, row, skipped };
  static constexpr std::size_t kEnds = 16;  // commas remembered by the block split
  Fast next_fast(PointRow& row) {
    const std::string_view buf = csv_.buffered();
    const char* b = buf.data();
    const char* const buf_end = b + buf.size();
    std::size_t len = 0, commas = 0;
    std::uint32_t ends[kEnds];  // the first commas' offsets in the record (block split)
    std::string_view id, lon, lat;
    int split = -1;
#if defined(__SSE2__)
    if (split_by_blocks_) split = split_blocks(b, buf_end, len, commas, ends);
    if (split == 0) return Fast::no;
    if (split == 1) {
      auto field = [&](int i) -> std::string_view {
        const std::size_t k = static_cast<std::size_t>(i);
        const std::size_t from = k == 0 ? 0 : ends[k - 1] + 1, to = k < commas ? ends[k] : len;
        return {b + from, to - from};
      };
      // Columns past the last comma are absent: the field count is wrong, the views unused.
      if (id_col_ >= 0 && static_cast<std::size_t>(id_col_) <= commas) id = field(id_col_);
      if (static_cast<std::size_t>(lon_col_) <= commas) lon = field(lon_col_);
      if (static_cast<std::size_t>(lat_col_) <= commas) lat = field(lat_col_);
    }
#endif
    if (split < 0) {  // memchr over the buffer
      const void* nl = buf.empty() ? nullptr : std::memchr(b, '\n', buf.size());
      if (!nl) return Fast::no;
      len = static_cast<std::size_t>(static_cast<const char*>(nl) - b);
      if (len > csv_.max_record() || next_special(quote_, '"', buf) < b + len ||
          next_special(cr_, '\r', buf) < b + len)
        return Fast::no;
      const char* end = b + len;
      commas = 0;
      for (const char* p = b;; ++commas) {
        const char* c = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
        const char* fe = c ? c : end;
        const std::string_view field(p, static_cast<std::size_t>(fe - p));
        if (commas == static_cast<std::size_t>(id_col_)) id = field;
        if (commas == static_cast<std::size_t>(lon_col_)) lon = field;
        if (commas == static_cast<std::size_t>(lat_col_)) lat = field;
        if (!c) break;
        p = c + 1;
      }
    }
    csv_.consume(len + 1, 1);
    if (len == 0) return Fast::skipped;  // a blank line (the general reader skips it too)
    const std::size_t nf = commas + 1;
    if (nf == 1 && trim_view(std::string_view(b, len)).empty()) return Fast::skipped;  // blank line
    row.line = csv_.line();
    ++row_number_;
    if (nf != ncols_) {
      reset(row);
      row.error = fmt::format("{} fields, the header has {}", nf, ncols_);
      return Fast::row;
    }
    row.error.clear();
    row.p = geo::LonLat{};
    lon = trim_view(lon);
    lat = trim_view(lat);
    // The record's bytes (and the row number after them when there is no id column).
    char digits[24];
    std::size_t ndigits = 0;
    if (id_col_ < 0) ndigits = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, row_number_).ptr - digits);
    if (row.texts.size() < len + ndigits) row.texts.resize(std::max<std::size_t>(len + ndigits, 64));
    std::memcpy(row.texts.data(), b, len);
    if (id_col_ >= 0) {
      row.id_at = offset_in(id, b);
      row.id_len = static_cast<std::uint32_t>(id.size());
    } else {
      std::memcpy(row.texts.data() + len, digits, ndigits);
      row.id_at = static_cast<std::uint32_t>(len);
      row.id_len = static_cast<std::uint32_t>(ndigits);
    }
    row.id_plain = true;  // no quote, CR or LF in the record, no comma in a field
    row.lon_at = offset_in(lon, b);
    row.lon_len = static_cast<std::uint32_t>(lon.size());
    row.lat_at = offset_in(lat, b);
    row.lat_len = static_cast<std::uint32_t>(lat.size());
    double lon_v, lat_v;
    if (short_decimal_in_buffer(lon, buf_end, lon_v) && short_decimal_in_buffer(lat, buf_end, lat_v) &&
        lon_v >= -180 && lon_v <= 180 && lat_v >= -90 && lat_v <= 90)
      row.p = {lon_v, lat_v};
    else
      fill_coords(row);
    return Fast::row;
  }

#if defined(__SSE2__)
  // The block split: the record at `b` found 16 bytes at a time (SSE2 compares for LF, comma,
  // quote and CR, one bit a byte), with the offsets of its first kEnds commas in `ends` and
  // the count of all in `commas`. 1: a record of `len` bytes without quote or CR; 0: a quote or
  // CR in it, or longer than max_record (the general reader's); -1: no line break in the whole
  // 16-byte blocks left in the buffer (the memchr split decides). Reads only whole blocks
  // within [b, buf_end).
  int split_blocks(const char* b, const char* buf_end, std::size_t& len, std::size_t& commas,
                   std::uint32_t* ends) const {
    const __m128i lf = _mm_set1_epi8('\n'), comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
                  cr = _mm_set1_epi8('\r');
    commas = 0;
    for (const char* q = b; buf_end - q >= 16; q += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      const unsigned at_lf = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
      const unsigned at_special =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr))));
      const unsigned before_lf = at_lf ? (at_lf & (0u - at_lf)) - 1 : 0xFFFFu;  // the bytes before the first LF
      if (at_special & before_lf) return 0;
      const std::size_t base = static_cast<std::size_t>(q - b);
      for (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma))) & before_lf; m; m &= m - 1) {
        if (commas < kEnds) ends[commas] = static_cast<std::uint32_t>(base + static_cast<unsigned>(std::countr_zero(m)));
        ++commas;
      }
      if (at_lf) {
        len = base + static_cast<unsigned>(std::countr_zero(at_lf));
        return len > csv_.max_record() ? 0 : 1;
      }
    }
    return -1;
  }
#endif

  // Where the next `c` ('"' or CR) lies in the buffer, at or after the start of `buf` (the
  // unread bytes): the end of the buffer when there is none. Remembered from one record to the
  // next while the buffer is not refilled, so that a record needs two comparisons instead of
  // two scans of its bytes; searched again only once the reader has passed it, from there on
  // (each byte of a buffer is scanned once per character: linear time whatever the file).
  struct Special {
    std::size_t fill = 0;       // the buffer's fill count when `at` was found (0: never)
    const char* at = nullptr;   // the next such byte, or the buffer's end
  };
  const char* next_special(Special& s, char c, std::string_view buf) const {
    const char* b = buf.data();
    const char* end = b + buf.size();
    if (s.fill != csv_.fills() || s.at < b) {
      const void* p = std::memchr(b, c, buf.size());
      s.at = p ? static_cast<const char*>(p) : end;
      s.fill = csv_.fills();
    }
    return s.at;
  }

  std::unique_ptr<std::istream> own_;
  std::istream* in_;
  std::string name_;
  io::CsvReader csv_;
  Special quote_, cr_;
  io::CsvRecord rec_;
  int lon_col_ = -1, lat_col_ = -1, id_col_ = -1;
  std::size_t ncols_ = 0, row_number_ = 0;
  bool fast_path_;
  bool split_by_blocks_ = false;  // every column read is among the first kEnds + 1
};

// One feature of the collection as a row (id, coordinates as written, or the row's error).
PointRow feature_row(const nlohmann::json& f, std::size_t number) {
  PointRow row;
  row.line = number;
  std::string id = std::to_string(number);
  if (f.is_object() && f.contains("id") && (f["id"].is_string() || f["id"].is_number()))
    id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
  else if (f.is_object() && f.contains("properties") && f["properties"].is_object() &&
           f["properties"].contains("id") && !f["properties"]["id"].is_null())
    id = f["properties"]["id"].is_string() ? f["properties"]["id"].get<std::string>()
                                           : f["properties"]["id"].dump();
  if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object() ||
      !has_type(f["geometry"], "Point")) {
    row.set_texts(id, {}, {});
    row.error = "geometry is not a Point";
    return row;
  }
  const auto& c = f["geometry"].value("coordinates", nlohmann::json());
  if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
    row.set_texts(id, {}, {});
    row.error = "coordinates must be [lon, lat] numbers";
    return row;
  }
  row.set_texts(id, c[0].dump(), c[1].dump());
  fill_coords(row);
  return row;
}

// The bytes of the points file for the JSON parser, in chunks, keeping the last two chunks
// and the count of the lines before them: enough to name the line and column of a syntax
// error (which lies in the bytes just read) as io::parse_json does for a whole text, without
// holding the file. Hand-written: std::streambuf has no position-to-line mapping.
class TrackingBuf : public std::streambuf {
 public:
  TrackingBuf(std::istream& src, std::string prefix) : src_(src), cur_(std::move(prefix)) {
    setg(cur_.data(), cur_.data(), cur_.data() + cur_.size());
  }
  bool read_failed() const { return failed_; }
  // 1-based line and column of the byte at `offset` (0-based, from the start of the file) as
  // io::line_column counts them, and the start of the number or literal containing it.
  std::pair<std::size_t, std::size_t> line_column(std::size_t offset) const {
    auto token_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; };
    if (char c; at(offset, c) && token_char(c))
      for (char b; offset > 0 && at(offset - 1, b) && token_char(b);) --offset;
    std::size_t line = 1 + lines_before_, line_start = line_start_before_;
    for (std::size_t o = prev_start_; o < offset; ++o) {
      char c;
      if (!at(o, c)) break;
      if (c == '\n') {
        ++line;
        line_start = o + 1;
      }
    }
    return {line, offset - line_start + 1};
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    for (char c : prev_)
      if (c == '\n') ++lines_before_;
    for (std::size_t i = prev_.size(); i-- > 0;)
      if (prev_[i] == '\n') {
        line_start_before_ = prev_start_ + i + 1;
        break;
      }
    prev_start_ += prev_.size();
    prev_.swap(cur_);
    cur_.resize(kChunk);
    src_.read(cur_.data(), static_cast<std::streamsize>(kChunk));
    cur_.resize(static_cast<std::size_t>(src_.gcount()));
    if (src_.bad()) failed_ = true;
    setg(cur_.data(), cur_.data(), cur_.data() + cur_.size());
    return cur_.empty() ? traits_type::eof() : traits_type::to_int_type(cur_[0]);
  }

 private:
  static constexpr std::size_t kChunk = 64 * 1024;
  bool at(std::size_t offset, char& c) const {
    if (offset < prev_start_) return false;
    if (offset - prev_start_ < prev_.size()) {
      c = prev_[offset - prev_start_];
      return true;
    }
    const std::size_t o = offset - prev_start_ - prev_.size();
    if (o >= cur_.size()) return false;
    c = cur_[o];
    return true;
  }
  std::istream& src_;
  std::string prev_, cur_;
  std::size_t prev_start_ = 0;  // file offset of prev_[0] (cur_ follows prev_)
  std::size_t lines_before_ = 0, line_start_before_ = 0;  // line breaks before prev_, start of the last line there
  bool failed_ = false;
};

constexpr const char* kNotACollection = "points must be a GeoJSON FeatureCollection of Points";

// Reads a FeatureCollection of Points as a stream: nlohmann's SAX parser runs on its own
// thread and hands the rows over through a bounded queue, so memory holds at most kQueue rows
// and one feature whatever the size of the file. The first kQueue features (or the whole file
// when shorter) are read before the constructor returns, so a file that is not JSON or not a
// FeatureCollection is refused before anything is written, as when it was read whole; an error
// found later (a syntax error after the first kQueue features; a "type" other than
// FeatureCollection given after the features) comes after the rows before it, like a CSV's.
// (A thread, not a pull parser: nlohmann's parser pushes events, and simdjson's on-demand
// parser needs the whole document in memory.)
class GeoJsonPointReader : public PointReader {
 public:
  GeoJsonPointReader(std::unique_ptr<std::istream> own, std::istream& in, std::string prefix, std::string name)
      : own_(std::move(own)), buf_(in, std::move(prefix)), name_(std::move(name)) {
    thread_ = std::thread([this] { produce(); });
    std::unique_lock lock(m_);
    not_empty_.wait(lock, [&] { return done_ || queue_.size() >= kQueue; });
    if (done_ && error_) {
      const std::exception_ptr e = error_;
      lock.unlock();
      stop();
      std::rethrow_exception(e);
    }
  }
  ~GeoJsonPointReader() override { stop(); }

  bool next(PointRow& row) override {
    std::unique_lock lock(m_);
    not_empty_.wait(lock, [&] { return done_ || !queue_.empty(); });
    if (!queue_.empty()) {
      row = std::move(queue_.front());
      queue_.pop_front();
      not_full_.notify_one();
      return true;
    }
    if (error_) std::rethrow_exception(error_);
    return false;
  }

  std::string place(const PointRow& row) const override { return fmt::format("{}: feature {}", name_, row.line); }

 private:
  static constexpr std::size_t kQueue = 16384;   // rows read ahead at most
  static constexpr std::size_t kHandOver = 256;  // rows moved to the queue at once

  // SAX events -> rows. Depth 1 is the collection object; its "features" array holds the
  // features at depth 2, each built as a small DOM (feature_row reads it as before).
  class Handler : public nlohmann::json_sax<nlohmann::json> {
   public:
    explicit Handler(GeoJsonPointReader& r) : r_(r) {}
    bool null() override { return value(nullptr); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(v); }
    bool number_unsigned(number_unsigned_t v) override { return value(v); }
    bool number_float(number_float_t v, const string_t&) override { return value(v); }
    bool string(string_t& v) override { return value(std::move(v)); }
    bool binary(binary_t&) override { return value(nullptr); }  // never in JSON text
    bool start_object(std::size_t) override { return open(nlohmann::json::object()); }
    bool start_array(std::size_t) override { return open(nlohmann::json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
      if (depth_ == 1) top_key_ = k;
      else if (!stack_.empty()) key_ = std::move(k);
      return !r_.cancelled();
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
      if (r_.buf_.read_failed()) return fail(fmt::format("{}: cannot read: {}", r_.name_, std::strerror(errno)));
      std::string what = e.what();
      if (dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
        // As io::parse_json: the position of the last byte read, stepped back to the start of
        // its token; nlohmann's "[json.exception.parse_error.101] parse error at ...: " dropped.
        const auto [line, col] = r_.buf_.line_column(position == 0 ? 0 : position - 1);
        if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
        return fail(fmt::format("{}:{}:{}: invalid JSON: {}", r_.name_, line, col, what));
      }
      return fail(fmt::format("{}: invalid JSON: {}", r_.name_, what));
    }
    // At the end of the document: the collection's shape, and the last rows.
    bool finish() {
      if (bad_shape_ || !type_seen_ || !features_seen_) return fail(std::string(r_.name_) + ": " + kNotACollection);
      return r_.hand_over(rows_);
    }
    // The rows before the error first (they precede it in the output, as a CSV's would).
    bool fail(std::string message) {
      if (!rows_.empty() && !r_.hand_over(rows_)) return false;
      std::lock_guard lock(r_.m_);
      if (!r_.error_) r_.error_ = std::make_exception_ptr(InputError(std::move(message)));
      return false;
    }

   private:
    bool value(nlohmann::json v) {
      if (depth_ == 1) {  // a value of the collection object
        if (top_key_ == "type") {
          if (type_seen_ || !v.is_string() || v.get_ref<const std::string&>() != "FeatureCollection") bad_shape_ = true;
          type_seen_ = true;
        } else if (top_key_ == "features") {
          bad_shape_ = true;
        }
        return !r_.cancelled();
      }
      if (depth_ == 2 && in_features_) return feature(v);  // a feature that is not an object
      if (!stack_.empty()) insert(std::move(v));
      return !r_.cancelled();
    }
    bool open(nlohmann::json container) {
      ++depth_;
      if (depth_ == 1) return true;
      if (depth_ == 2 && top_key_ == "type") bad_shape_ = type_seen_ = true;
      if (depth_ == 2 && top_key_ == "features") {
        if (!container.is_array() || features_seen_) bad_shape_ = true;
        features_seen_ = true;
        in_features_ = container.is_array();
        return true;
      }
      if (depth_ == 3 && in_features_) {  // a feature begins
        stack_.clear();
        feature_ = std::move(container);
        stack_.push_back(&feature_);
        return true;
      }
      if (!stack_.empty()) stack_.push_back(insert(std::move(container)));
      return true;
    }
    bool close() {
      if (depth_ == 2 && in_features_) in_features_ = false;
      if (depth_ == 3 && in_features_) {
        stack_.clear();
        --depth_;
        return feature(feature_);
      }
      if (!stack_.empty()) stack_.pop_back();
      --depth_;
      return !r_.cancelled();
    }
    nlohmann::json* insert(nlohmann::json v) {
      nlohmann::json& parent = *stack_.back();
      if (parent.is_array()) {
        parent.push_back(std::move(v));
        return &parent.back();
      }
      nlohmann::json& slot = parent[key_];  // a repeated key: the last value, as json::parse
      slot = std::move(v);
      return &slot;
    }
    bool feature(const nlohmann::json& f) {
      if (bad_shape_) return !r_.cancelled();  // refused at the end (after any syntax error)
      rows_.push_back(feature_row(f, ++count_));
      return rows_.size() < kHandOver || r_.hand_over(rows_);
    }

    GeoJsonPointReader& r_;
    int depth_ = 0;
    std::string top_key_, key_;
    // bad_shape_: a "type" other than "FeatureCollection", a "features" that is not an array,
    // or either given twice: no more rows; refused once the whole text is known to be JSON
    // (a syntax error is reported first, as when the file was parsed whole).
    bool type_seen_ = false, features_seen_ = false, in_features_ = false, bad_shape_ = false;
    nlohmann::json feature_;
    std::vector<nlohmann::json*> stack_;
    std::vector<PointRow> rows_;
    std::size_t count_ = 0;
  };

  void produce() {
    Handler h(*this);
    try {
      std::istream in(&buf_);
      if (nlohmann::json::sax_parse(in, &h)) h.finish();
    } catch (...) {
      std::lock_guard lock(m_);
      if (!error_) error_ = std::current_exception();
    }
    std::lock_guard lock(m_);
    done_ = true;
    not_empty_.notify_all();
  }

  // Moves `rows` to the queue, waiting while it is full; false when the reader is stopped.
  bool hand_over(std::vector<PointRow>& rows) {
    std::unique_lock lock(m_);
    not_full_.wait(lock, [&] { return cancel_ || queue_.size() < kQueue; });
    if (cancel_) return false;
    for (auto& r : rows) queue_.push_back(std::move(r));
    rows.clear();
    not_empty_.notify_all();
    return true;
  }
  bool cancelled() const { return cancel_flag_.load(std::memory_order_relaxed); }
  void stop() {
    {
      std::lock_guard lock(m_);
      cancel_ = true;
      cancel_flag_ = true;
    }
    not_full_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  std::unique_ptr<std::istream> own_;
  TrackingBuf buf_;
  std::string name_;
  std::mutex m_;
  std::condition_variable not_empty_, not_full_;
  std::deque<PointRow> queue_;
  bool done_ = false, cancel_ = false;
  std::atomic<bool> cancel_flag_{false};
  std::exception_ptr error_;  // set by the parser thread before done_
  std::thread thread_;
};

}  // namespace

void PointRow::set_texts(std::string_view id, std::string_view lon, std::string_view lat) {
  const std::size_t n = id.size() + lon.size() + lat.size();
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw InputError(fmt::format("row texts of {} bytes: more than 4 GiB", n));
  if (texts.size() < n) texts.resize(n);
  char* w = texts.data();
  auto put = [&](std::string_view t, std::uint32_t& at, std::uint32_t& len) {
    at = static_cast<std::uint32_t>(w - texts.data());
    len = static_cast<std::uint32_t>(t.size());
    if (!t.empty()) std::memcpy(w, t.data(), t.size());
    w += t.size();
  };
  put(id, id_at, id_len);
  put(lon, lon_at, lon_len);
  put(lat, lat_at, lat_len);
  id_plain = id.find_first_of(",\"\r\n") == std::string_view::npos;
}

std::unique_ptr<PointReader> open_points(const std::string& path, std::istream& stdin_stream, bool csv_fast_path) {
  std::unique_ptr<std::istream> own;
  std::istream* in = &stdin_stream;
  const std::string name = path == "-" ? "<stdin>" : path;
  if (path != "-") {
    io::reject_directory(path);
    auto f = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*f) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    own = std::move(f);
    in = own.get();
  }
  // Peek at the first non-blank byte.
  int c;
  std::size_t blank_lines = 0;
  std::string blanks;  // kept, so that JSON line numbers stay right
  while ((c = in->peek()) != EOF && std::isspace(c)) {
    blanks += static_cast<char>(in->get());
    if (blanks.back() == '\n') ++blank_lines;
  }
  if (c == '{') return std::make_unique<GeoJsonPointReader>(std::move(own), *in, blanks, name);
  return std::make_unique<CsvReader>(std::move(own), *in, name, blank_lines, csv_fast_path);
}

}  // namespace truceline::cli
