// The one CSV reader of truceline (RFC 4180), used by `ingest` (CSV and ACLED exports,
// store/importers.hpp) and by `locate`'s point files (cli/points.hpp); and the buffered byte
// source it reads from, which the JSON Lines importer reads lines from.
//
// Syntax (RFC 4180, with the liberties spreadsheets take):
//  - fields are separated by one delimiter byte (',' unless told otherwise: ';', '\t', '|', ...);
//  - a field that starts with '"' is quoted: it runs to the next lone '"', a doubled '""' inside
//    is one '"', and delimiters and line breaks inside it are part of the field;
//  - a '"' inside an unquoted field is taken literally (a"b is the field a"b);
//  - text after a quoted field's closing quote (before the next delimiter) is a syntax error of
//    the record, which is still consumed whole (CsvRecord::error);
//  - records end at LF, CR LF or a bare CR (old Mac OS, some Excel exports); the last record
//    needs no line break; blank lines (no byte at all) are skipped, but counted;
//  - a UTF-8 byte order mark at the start of the input is skipped.
// Bytes are not decoded: fields are returned as written (the caller checks UTF-8, trims, ...).
//
// Units and bounds: line numbers are physical lines from 1 (a record starting at line 3 whose
// quoted field spans two line breaks is line 3, and the next record is line 6). A record's text
// is kept up to `max_record` bytes (CsvRecord::raw, ::fields); beyond that it is still read to
// its end and its full length reported (CsvRecord::length), so memory is bounded by
// `max_record` (plus the reader's 64 KiB buffer) whatever the input, and one pass over a record
// costs time linear in its bytes. An unterminated quote reads to the end of the input as one
// record (error: unterminated_quote).
//
// Errors: a read failure of the stream is not reported here (the stream's state says it); a
// syntax error is a value on the record, never an exception. Thread safety: a reader is used
// by one thread at a time; distinct readers are independent.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace truceline::io {

// A buffered byte source over an istream: bounded memory (a buffer of 512 bytes that doubles,
// up to 64 KiB, while reads fill it: a small input costs one small buffer), not zero-filled, fast
// scanning with memchr.
class ByteSource {
 public:
  explicit ByteSource(std::istream& in);

  int get() {
    if (pos_ == len_ && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int peek() {
    if (pos_ == len_ && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // Skips a UTF-8 byte order mark at the current position (only at the start of the input).
  void skip_bom();
  // Reads one line (without its end: "\n", "\r\n" or a bare "\r") keeping at most `limit`
  // bytes of it in `out`; `length` is the line's full length. False at the end of input with
  // nothing read.
  bool read_line(std::string& out, std::size_t limit, std::size_t& length);
  // The bytes from the current position up to the first byte marked in `stop` or the end of
  // the buffer, consumed; empty when the next byte is a stop byte or at the end of the input.
  // (Scanning a run of ordinary bytes at once is what makes a record cost linear time with a
  // small constant.)
  std::string_view take_until(const bool (&stop)[256]);
  // The bytes read from the input and not consumed yet (none when the buffer is used up: get()
  // or peek() reads more); valid until the next call that reads. skip(n) consumes n of them.
  // (For a caller's own scan of whole records in place: cli/points.cpp's fast path.)
  std::string_view buffered() const { return {buf_.get() + pos_, len_ - pos_}; }
  void skip(std::size_t n) { pos_ += n; }
  // How many times the buffer was (re)filled: while it stays the same, the bytes buffered()
  // shows are the same bytes at the same addresses, only fewer of them.
  std::size_t fills() const { return fills_; }

 private:
  bool fill();
  static constexpr std::size_t kFirst = std::size_t{1} << 9, kMax = std::size_t{1} << 16;
  std::istream& in_;
  std::unique_ptr<char[]> buf_;
  std::size_t size_ = kFirst, pos_ = 0, len_ = 0, fills_ = 0;
};

enum class CsvError {
  none,
  unterminated_quote,  // a quoted field still open at the end of the input (CsvRecord::quote_line)
  text_after_quote,    // text between a closing quote and the next delimiter (CsvRecord::error_field)
};

struct CsvRecord {
  std::size_t line = 0;              // physical line where the record starts (from 1)
  std::vector<std::string> fields;   // as written, unquoted (each within max_record)
  std::string raw;                   // the record's text without its line break, at most max_record bytes
  std::size_t length = 0;            // the record's full length in bytes (raw may be cut)
  CsvError error = CsvError::none;   // the first syntax error (the record is still read whole)
  std::size_t quote_line = 0;        // unterminated_quote: the line where the quote opened
  std::size_t error_field = 0;       // text_after_quote: the field (from 1)
  bool too_long(std::size_t max_record) const { return length > max_record; }
};

// "unterminated quoted field (opened on line 3)", "text after the closing quote of field 2";
// "" for none.
std::string describe(const CsvRecord& record);

class CsvReader {
 public:
  static constexpr std::size_t kDefaultMaxRecord = std::size_t{1} << 20;  // 1 MiB
  // Reads `in` (which must outlive the reader) from its current position; `first_line` is the
  // number of the line there (lines before it were consumed by the caller). Skips a BOM there.
  explicit CsvReader(std::istream& in, char delimiter = ',', std::size_t max_record = kDefaultMaxRecord,
                     std::size_t first_line = 1);
  // The next record (blank lines skipped); false at the end of the input. `record`'s buffers
  // are reused: pass the same one each time to avoid allocations.
  bool next(CsvRecord& record);
  // Physical lines consumed so far (the last line of the last record).
  std::size_t line() const { return line_; }
  char delimiter() const { return delimiter_; }
  std::size_t max_record() const { return max_; }
  // A fast path for a caller that splits simple records itself (cli/points.cpp: records with
  // no quote and no CR, wholly in the buffer): the unread bytes in the reader's buffer (see
  // ByteSource::buffered), and consume(bytes, lines) to take `bytes` of them that held `lines`
  // whole lines (line breaks included), counted as next() would. Anything else is left to next().
  std::string_view buffered() const { return src_.buffered(); }
  std::size_t fills() const { return src_.fills(); }  // see ByteSource::fills
  void consume(std::size_t bytes, std::size_t lines) {
    src_.skip(bytes);
    line_ += lines;
  }

 private:
  void read(CsvRecord& rec);
  static constexpr std::size_t kFirstFields = 32, kFirstRaw = 256;
  ByteSource src_;
  bool plain_stop_[256] = {}, quoted_stop_[256] = {};
  char delimiter_;
  std::size_t max_;
  std::size_t line_;
};

}  // namespace truceline::io
