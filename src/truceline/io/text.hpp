// Text in other encodings than UTF-8 (`truceline ingest --encoding`, docs/importers.md):
// spreadsheets still write windows-1252 (Latin-1) CSVs, and Excel's "Unicode text" is UTF-16.
// Everything inside truceline is UTF-8; a file in another encoding is converted (with ICU's
// converters) as it is read, before any parsing, and a file that is not UTF-8 and was not
// declared otherwise gets a guess at its encoding in the error, never a silent conversion.
// Cost: conversion is linear in the bytes (ICU converters, 4-64 KiB buffers); guessing reads at
// most the bytes given. Thread safety: a decoded stream is used by one thread; the free
// functions are thread-safe (ICU's charset detector is kept per thread).
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "truceline/error.hpp"

namespace truceline::io {

// Bytes that are not valid in the encoding they were read in.
class DecodeError : public InputError {
 public:
  using InputError::InputError;
};

// ICU's name for an encoding given by any of its aliases ("latin1" -> "ISO-8859-1",
// "cp1252" -> "ibm-5348_P100-1997" is reported as "windows-1252"); InputError when ICU has no
// converter by that name.
std::string canonical_encoding(const std::string& name);

// A stream of `in`'s bytes converted from `encoding` to UTF-8, streaming (64 KiB buffers).
// A byte sequence invalid in that encoding (e.g. 0xFF in UTF-16 without its pair, a truncated
// character at the end) ends the read with DecodeError naming its byte offset; nothing is
// replaced by U+FFFD. `in` must outlive the stream. Throws InputError for an unknown encoding.
std::unique_ptr<std::istream> decoded_stream(std::istream& in, const std::string& encoding);

// The same for bytes in memory.
std::string decode(std::string_view bytes, const std::string& encoding);

// A guess at the encoding of bytes that are not UTF-8 (a UTF-16/32 byte order mark, NUL bytes
// every other byte, else ICU's charset detector, ucsdet): the name, how sure (0-100, ICU's
// own confidence, 100 for a byte order mark), and the `--encoding` value to suggest (for
// ISO-8859-1, its superset windows-1252, which is what spreadsheets write and reads every
// ISO-8859-1 text the same). nullopt when nothing but UTF-8 fits (ICU can suggest UTF-8 even
// for invalid UTF-8; such a guess is skipped).
struct EncodingGuess {
  std::string name;
  int confidence = 0;
  std::string suggestion;
  std::string basis;  // "byte order mark", "NUL bytes every other byte", "ICU's charset detector"
};
std::optional<EncodingGuess> guess_encoding(std::string_view bytes);

// True when the bytes are UTF-16 or UTF-32, not UTF-8: a UTF-16/UTF-32 byte order mark, or a
// NUL byte in at least every fourth byte (UTF-16 has one every other byte for Latin text; a
// stray NUL in UTF-8 text does not count).
bool looks_like_utf16_or_32(std::string_view bytes);

// "the file is not UTF-8: it looks like ISO-8859-1 (ICU's charset detector, confidence 45%);
// read it with --encoding windows-1252" (or, without a guess, how to name the encoding).
std::string encoding_advice(std::string_view non_utf8_bytes);

}  // namespace truceline::io
