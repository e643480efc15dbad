// io/text: reading other encodings as UTF-8 (ICU converters, streaming, stopping at a bad
// byte), and guessing the encoding of bytes that are not UTF-8.
#include "truceline/io/text.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace truceline::io {
namespace {

TEST(Text, DecodesLatin1AndWindows1252) {
  EXPECT_EQ(decode("Ma'arrat al-Nu\xe2m\xe2n", "ISO-8859-1"), "Ma'arrat al-Nu\u00e2m\u00e2n");
  EXPECT_EQ(decode("\x93quoted\x94 \x80 caf\xe9", "windows-1252"), "\u201cquoted\u201d \u20ac caf\u00e9");
  EXPECT_EQ(decode("", "windows-1252"), "");
  EXPECT_EQ(canonical_encoding("latin1"), "ISO-8859-1");
  EXPECT_EQ(canonical_encoding("cp1252"), "windows-1252");
  EXPECT_THROW(canonical_encoding("klingon-8"), InputError);
  EXPECT_THROW(decode("x", "klingon-8"), InputError);
}

// Streaming: a text much longer than the 64 KiB buffers, with multi-byte characters across
// every boundary, comes out whole.
TEST(Text, StreamsAcrossBuffers) {
  std::string utf16, expected;
  utf16 += "\xFF\xFE";  // BOM, little endian
  for (int i = 0; i < 100000; ++i) {
    const char16_t c = i % 3 == 0 ? u'\u0645' : i % 3 == 1 ? u'a' : u'\u00e9';  // م a é
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
    expected += i % 3 == 0 ? "\u0645" : i % 3 == 1 ? "a" : "\u00e9";
  }
  EXPECT_EQ(decode(utf16, "UTF-16"), expected);
}

// A byte sequence invalid in the declared encoding stops the read with its offset, rather
// than turning into U+FFFD.
TEST(Text, InvalidBytesStopTheRead) {
  try {
    decode(std::string("ab\xC3", 3), "UTF-8");
    ADD_FAILURE() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_EQ(std::string(e.what()), "byte 2: 0xC3 is not valid UTF-8 (a character cut off at the end)");
  }
  try {
    decode(std::string("a\0\0\xD8", 4), "UTF-16LE");  // "a", then an unpaired high surrogate
    ADD_FAILURE() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("not valid UTF-16LE"), std::string::npos) << e.what();
  }
}

// Converters are reused by the thread that opened them (one lookup and allocation fewer per
// file): a read stopped by an error, or dropped in the middle of a character, leaves nothing
// behind for the next stream in that encoding, and two streams open at once each have their
// own.
TEST(Text, ReusedConvertersStartClean) {
  for (int round = 0; round < 3; ++round) {
    EXPECT_THROW(decode(std::string("a\0\0\xD8", 4), "UTF-16LE"), DecodeError);  // unpaired high surrogate
    EXPECT_EQ(decode(std::string("\xE9\0b\0", 4), "UTF-16LE"), "\u00e9b");
    // A stream dropped after its first read (512 bytes), which ends in the first byte of "é":
    // its converter holds that byte.
    {
      std::istringstream in(std::string(511, 'a') + "\xC3\xA9");
      const auto s = decoded_stream(in, "UTF-8");
      EXPECT_EQ(s->rdbuf()->sgetc(), 'a');
    }
    // A leftover 0xC3 would make this "éx".
    EXPECT_THROW(decode("\xA9x", "UTF-8"), DecodeError);
    EXPECT_EQ(decode("caf\xe9", "windows-1252"), "caf\u00e9");
  }
  std::istringstream a("\xe9t\xe9"), b("caf\xe9");
  const auto sa = decoded_stream(a, "windows-1252");
  const auto sb = decoded_stream(b, "windows-1252");
  std::string ta, tb;
  std::getline(*sa, ta);
  std::getline(*sb, tb);
  EXPECT_EQ(ta, "\u00e9t\u00e9");
  EXPECT_EQ(tb, "caf\u00e9");
}

TEST(Text, GuessesEncodings) {
  const std::string latin1 =
      "observed_at,place,summary\n2018-10-12,Ma'arrat al-Nu\xe2m\xe2n,Obus tomb\xe9s pr\xe8s du march\xe9\n"
      "2018-10-13,Kafr Nab\xfb" "dah,Tirs signal\xe9s \xe0 l'est\n";
  const auto g = guess_encoding(latin1);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->name, "ISO-8859-1");
  EXPECT_EQ(g->suggestion, "windows-1252");
  EXPECT_EQ(guess_encoding("\xFF\xFEo\0b\0")->suggestion, "UTF-16");
  EXPECT_EQ(guess_encoding(std::string("o\0b\0s\0e\0r\0", 10))->name, "UTF-16LE");
  EXPECT_EQ(guess_encoding(std::string("\0o\0b\0s\0e\0r", 10))->name, "UTF-16BE");
  // ICU's detector names UTF-8 for some short non-UTF-8 bytes: never offered.
  const auto short_guess = guess_encoding("Caf\xe9");
  EXPECT_TRUE(!short_guess || short_guess->name != "UTF-8");
  EXPECT_TRUE(looks_like_utf16_or_32(std::string("\xFF\xFEo\0", 4)));
  EXPECT_TRUE(looks_like_utf16_or_32(std::string("a\0b\0", 4)));
  EXPECT_FALSE(looks_like_utf16_or_32("plain, text\n"));
  const char stray[] = "plain, text with one stray NUL\0 in it\n";
  EXPECT_FALSE(looks_like_utf16_or_32(std::string(stray, sizeof stray - 1)));
  EXPECT_FALSE(looks_like_utf16_or_32(latin1));
  EXPECT_EQ(encoding_advice(latin1),
            "the file is not UTF-8: it looks like ISO-8859-1 (Latin-1) (ICU's charset detector, confidence " +
                std::to_string(g->confidence) + "%); read it with --encoding windows-1252");
}

}  // namespace
}  // namespace truceline::io
