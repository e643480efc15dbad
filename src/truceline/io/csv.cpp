// The shared CSV reader (io/csv.hpp). Hand-written: the libraries truceline uses have no CSV
// reader, and the usual C++ ones neither report the physical line where each record starts nor
// keep the record's raw text (both needed for quarantine) nor bound a record's memory.
#include "truceline/io/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace truceline::io {

ByteSource::ByteSource(std::istream& in) : in_(in), buf_(new char[kFirst]) {}

bool ByteSource::fill() {
  if (!in_) return false;
  // The previous read filled the buffer: more is likely to come, read it in larger pieces.
  // (Only bytes from pos_ on are ever looked at, and they are all consumed by now.)
  if (len_ == size_ && size_ < kMax) {
    size_ *= 2;
    buf_.reset(new char[size_]);
  }
  in_.read(buf_.get(), static_cast<std::streamsize>(size_));
  len_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  ++fills_;
  return len_ > 0;
}

void ByteSource::skip_bom() {
  if (peek() != 0xEF) return;
  // The BOM is at the very start, so the whole of it is in the first buffer (or not there).
  if (len_ - pos_ >= 3 && std::memcmp(buf_.get() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
}

std::string_view ByteSource::take_until(const bool (&stop)[256]) {
  if (pos_ == len_ && !fill()) return {};
  const char* start = buf_.get() + pos_;
  std::size_t n = 0;
  const std::size_t avail = len_ - pos_;
  while (n < avail && !stop[static_cast<unsigned char>(start[n])]) ++n;
  pos_ += n;
  return {start, n};
}

namespace {
void take(std::string& out, std::size_t limit, std::size_t& length, const char* start, std::size_t n) {
  if (out.size() < limit) out.append(start, std::min(n, limit - out.size()));
  length += n;
}
}  // namespace

bool ByteSource::read_line(std::string& out, std::size_t limit, std::size_t& length) {
  out.clear();
  length = 0;
  bool any = false;
  for (;;) {
    if (pos_ == len_ && !fill()) break;
    any = true;
    const char* start = buf_.get() + pos_;
    const std::size_t avail = len_ - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : avail;
    // A CR before that ends the line too: CR LF is one line end, a bare CR (old Mac OS,
    // some Excel exports) is one as well.
    bool cr_at_end = false;
    if (const void* cr = std::memchr(start, '\r', n)) {
      const std::size_t k = static_cast<std::size_t>(static_cast<const char*>(cr) - start);
      if (k + 1 < n || !nl) {  // bare CR (or CR as the buffer's last byte: LF may follow)
        take(out, limit, length, start, k);
        pos_ += k + 1;
        cr_at_end = true;
      } else {  // CR LF
        take(out, limit, length, start, k);
        pos_ += n + 1;
        return true;
      }
    }
    if (cr_at_end) {
      if (peek() == '\n') ++pos_;
      return true;
    }
    take(out, limit, length, start, n);
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  return any;
}

std::string describe(const CsvRecord& record) {
  switch (record.error) {
    case CsvError::none: return "";
    case CsvError::unterminated_quote:
      return fmt::format("unterminated quoted field (opened on line {})", record.quote_line);
    case CsvError::text_after_quote:
      return fmt::format("text after the closing quote of field {}", record.error_field);
  }
  return "";
}

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t max_record, std::size_t first_line)
    : src_(in), delimiter_(delimiter), max_(max_record), line_(first_line - 1) {
  src_.skip_bom();
  for (const char c : {delimiter, '\n', '\r'}) plain_stop_[static_cast<unsigned char>(c)] = true;
  for (const char c : {'"', '\n', '\r'}) quoted_stop_[static_cast<unsigned char>(c)] = true;
}

bool CsvReader::next(CsvRecord& rec) {
  for (;;) {
    if (src_.peek() < 0) return false;
    read(rec);
    if (rec.length == 0 && rec.error == CsvError::none) continue;  // blank line
    return true;
  }
}

void CsvReader::read(CsvRecord& rec) {
  rec.line = ++line_;
  rec.raw.clear();
  rec.length = 0;
  rec.error = CsvError::none;
  rec.quote_line = rec.error_field = 0;
  // The field strings are reused from record to record (a wide file allocates them once), and
  // a new record starts with room for 32 fields and 256 bytes of text: growing from nothing
  // would take about six allocations for a 30-column header and four for its text.
  if (rec.fields.capacity() < kFirstFields) rec.fields.reserve(kFirstFields);
  if (rec.raw.capacity() < kFirstRaw) rec.raw.reserve(kFirstRaw);
  std::size_t done = 0;  // completed fields
  auto field_at = [&](std::size_t i) -> std::string& {
    if (i == rec.fields.size()) rec.fields.emplace_back();
    rec.fields[i].clear();
    return rec.fields[i];
  };
  std::string* field = &field_at(0);
  // Every byte goes to the raw text, while the record is within max_record bytes; a field's
  // bytes go to the field as long as the record is.
  auto keep = [&](char c) {
    ++rec.length;
    if (rec.raw.size() < max_) rec.raw.push_back(c);
  };
  auto add = [&](char c) {
    keep(c);
    if (rec.length <= max_) field->push_back(c);
  };
  auto add_run = [&](std::string_view s) {
    const std::size_t before = rec.length;
    rec.length += s.size();
    if (before < max_) {
      const std::size_t k = std::min(s.size(), max_ - before);
      rec.raw.append(s.data(), k);
      field->append(s.data(), k);
    }
  };
  enum { start, unquoted, quoted, after_quote } state = start;
  for (;;) {
    if (state == quoted) {
      if (const auto run = src_.take_until(quoted_stop_); !run.empty()) {
        add_run(run);
        continue;
      }
      const int c = src_.get();
      if (c < 0) {
        rec.error = CsvError::unterminated_quote;
        break;
      }
      if (c == '"') {
        if (src_.peek() == '"') {
          src_.get();
          keep('"');
          add('"');
        } else {
          keep('"');
          state = after_quote;
        }
      } else {
        if (c == '\n' || (c == '\r' && src_.peek() != '\n')) ++line_;  // LF, CR LF, bare CR
        add(static_cast<char>(c));
      }
      continue;
    }
    if (state == unquoted) {
      if (const auto run = src_.take_until(plain_stop_); !run.empty()) {
        add_run(run);
        continue;
      }
    }
    const int c = src_.get();
    if (c < 0) break;
    // Outside quotes: a line break (LF, CR LF, or a bare CR) ends the record.
    if (c == '\n') break;
    if (c == '\r') {
      if (src_.peek() == '\n') src_.get();
      break;
    }
    if (c == static_cast<unsigned char>(delimiter_)) {
      keep(delimiter_);
      field = &field_at(++done);
      state = start;
      continue;
    }
    if (state == start && c == '"') {
      keep('"');
      state = quoted;
      rec.quote_line = line_;
      continue;
    }
    if (state == after_quote) {
      if (rec.error == CsvError::none) {
        rec.error = CsvError::text_after_quote;
        rec.error_field = done + 1;
      }
      add(static_cast<char>(c));
      continue;
    }
    state = unquoted;  // a quote inside an unquoted field is taken literally
    add(static_cast<char>(c));
  }
  const bool last = rec.length > 0 || done > 0 || state != start;
  rec.fields.resize(last ? done + 1 : 0);
}

}  // namespace truceline::io
