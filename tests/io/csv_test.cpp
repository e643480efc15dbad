// The shared CSV reader (io/csv.hpp) and its users' edge cases (locate's points).
#include "truceline/io/csv.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"

namespace truceline::io {
namespace {

std::vector<CsvRecord> read_all(const std::string& text, char delimiter = ',', std::size_t max = 1 << 20) {
  std::istringstream in(text);
  CsvReader r(in, delimiter, max);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

using Fields = std::vector<std::string>;

TEST(Csv, QuotesDoubledQuotesAndDelimitersInsideQuotes) {
  const auto r = read_all("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].fields, (Fields{"a", "b,c", "say \"hi\"", ""}));
  EXPECT_EQ(r[0].raw, "a,\"b,c\",\"say \"\"hi\"\"\",\"\"");
  EXPECT_EQ(r[0].error, CsvError::none);
}

TEST(Csv, LineEndsLfCrLfAndBareCrAndNoFinalLineBreak) {
  const auto r = read_all("a,b\r\nc,d\re,f\ng,h");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(r[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(r[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ(r[3].fields, (Fields{"g", "h"}));
  EXPECT_EQ(r[3].line, 4u);
}

TEST(Csv, EmbeddedLineBreaksKeepLineNumbersPerRecord) {
  // Record 2 starts on line 2 and spans lines 2-4 (LF, then CR LF inside the quotes).
  const auto r = read_all("h1,h2\nx,\"one\ntwo\r\nthree\"\n\ny,z\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].line, 1u);
  EXPECT_EQ(r[1].line, 2u);
  EXPECT_EQ(r[1].fields[1], "one\ntwo\r\nthree");
  EXPECT_EQ(r[2].line, 6u);  // line 5 is blank: skipped, counted
}

TEST(Csv, ByteOrderMarkIsSkippedAtTheStartOnly) {
  const auto r = read_all("\xEF\xBB\xBFlon,lat\n\xEF\xBB\xBFx,y\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].fields, (Fields{"lon", "lat"}));
  EXPECT_EQ(r[1].fields[0], "\xEF\xBB\xBFx");
}

TEST(Csv, SyntaxErrorsAreValuesAndTheRecordIsReadWhole) {
  auto r = read_all("a,\"b\"c,d\nnext,row\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].error, CsvError::text_after_quote);
  EXPECT_EQ(describe(r[0]), "text after the closing quote of field 2");
  EXPECT_EQ(r[0].fields.size(), 3u);
  EXPECT_EQ(r[1].fields, (Fields{"next", "row"}));

  r = read_all("h\nok\n\"open\nstill\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2].error, CsvError::unterminated_quote);
  EXPECT_EQ(describe(r[2]), "unterminated quoted field (opened on line 3)");
}

TEST(Csv, AQuoteInsideAnUnquotedFieldIsLiteral) {
  const auto r = read_all("5\" gun,x\"y\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].fields, (Fields{"5\" gun", "x\"y"}));
  EXPECT_EQ(r[0].error, CsvError::none);
}

TEST(Csv, OtherDelimiters) {
  EXPECT_EQ(read_all("a;b;\"c;d\"\n", ';')[0].fields, (Fields{"a", "b", "c;d"}));
  EXPECT_EQ(read_all("a\tb\t\n", '\t')[0].fields, (Fields{"a", "b", ""}));
  EXPECT_EQ(read_all("a,b|c\n", '|')[0].fields, (Fields{"a,b", "c"}));
}

TEST(Csv, ARecordBeyondTheLimitIsCutButMeasuredWhole) {
  const std::string big(100, 'x');
  const auto r = read_all("a," + big + "\nb,c\n", ',', 10);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].length, 102u);
  EXPECT_TRUE(r[0].too_long(10));
  EXPECT_EQ(r[0].raw.size(), 10u);
  EXPECT_LE(r[0].fields[1].size(), 10u);
  EXPECT_EQ(r[1].fields, (Fields{"b", "c"}));
  EXPECT_EQ(r[1].line, 2u);
}

// Fields and records that cross the reader's buffer (4 KiB at first, growing to 64 KiB).
TEST(Csv, RecordsAcrossBufferBoundaries) {
  std::string text = "h1,h2\n";
  std::vector<std::string> want;
  for (int i = 0; i < 3000; ++i) {
    // (Appended in steps: GCC 12 warns falsely, -Wrestrict, on chains of operator+.)
    std::string v = "v";
    v += std::to_string(i);
    v.append(static_cast<std::size_t>(i % 97), 'q');
    want.push_back(v);
    text += '"';
    text += v;
    text += "\"\"x\"\"\",";
    text += v;
    text += i % 3 ? "\r\n" : "\n";
  }
  const auto r = read_all(text);
  ASSERT_EQ(r.size(), 3001u);
  for (int i = 0; i < 3000; ++i) {
    const auto& rec = r[static_cast<std::size_t>(i) + 1];
    ASSERT_EQ(rec.fields.size(), 2u) << i;
    std::string first = want[static_cast<std::size_t>(i)];
    first += "\"x\"";
    EXPECT_EQ(rec.fields[0], first) << i;
    EXPECT_EQ(rec.fields[1], want[static_cast<std::size_t>(i)]) << i;
    EXPECT_EQ(rec.line, static_cast<std::size_t>(i) + 2) << i;
  }
}

TEST(Csv, FirstLineOffsetForACallerThatConsumedLines) {
  std::istringstream in("a,b\n");
  CsvReader r(in, ',', CsvReader::kDefaultMaxRecord, 4);
  CsvRecord rec;
  ASSERT_TRUE(r.next(rec));
  EXPECT_EQ(rec.line, 4u);
}

// locate's points read by the shared reader: what its old parser got wrong.
std::vector<cli::PointRow> points(const std::string& text) {
  std::istringstream in(text);
  const auto reader = cli::open_points("-", in);
  std::vector<cli::PointRow> out;
  cli::PointRow row;
  while (reader->next(row)) out.push_back(row);
  return out;
}

TEST(CsvPoints, BareCarriageReturnsEndLines) {
  // The old parser split on LF only: the whole file was one header line without lat.
  const auto rows = points("id,lon,lat\ra,36.1,48.2\rb,36.2,48.3\r");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].id(), "b");
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[1].error, "");
}

TEST(CsvPoints, TextAfterAClosingQuoteIsABadRowNotAGuess) {
  // The old parser read "36.1"5 as 36.15, silently.
  const auto rows = points("lon,lat\n\"36.1\"5,48.2\n36.3,48.4\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].error, "text after the closing quote of field 1");
  EXPECT_EQ(rows[1].error, "");
}

TEST(CsvPoints, BlankAndWhiteSpaceLinesCarryNoRowAndMessagesStay) {
  const auto rows = points("\n\nlon,lat\n  \n36.1,48.2\n36.2\n\"open\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 5u);
  EXPECT_EQ(rows[1].error, "1 fields, the header has 2");
  EXPECT_EQ(rows[2].error, "unterminated quoted field");
  EXPECT_EQ(rows[2].line, 7u);
}

}  // namespace
}  // namespace truceline::io
