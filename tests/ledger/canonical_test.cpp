// RFC 8785 canonicalization against the RFC's own examples and ECMAScript number rules.
#include "truceline/ledger/canonical.hpp"

#include <gtest/gtest.h>

#include "truceline/error.hpp"

namespace truceline::ledger {
namespace {

using nlohmann::json;

TEST(Canonical, Rfc8785Section323Example) {
  // RFC 8785 §3.2.2 (the sample input and its canonical output).
  const json in = json::parse(R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })");
  EXPECT_EQ(canonical_json(in),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            "\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

TEST(Canonical, EcmaScriptNumbers) {
  // Number.prototype.toString, as a browser prints them.
  const std::vector<std::pair<const char*, const char*>> cases{
      {"333333333.33333329", "333333333.3333333"},
      {"1E30", "1e+30"},
      {"4.50", "4.5"},
      {"2e-3", "0.002"},
      {"0.000001", "0.000001"},
      {"1e-7", "1e-7"},
      {"-0.0", "0"},
      {"0", "0"},
      {"-1.5", "-1.5"},
      {"1e21", "1e+21"},
      {"1e20", "100000000000000000000"},
      {"123456789012345680000", "123456789012345680000"},
      {"123e-20", "1.23e-18"},
      {"5e-324", "5e-324"},
      {"1.7976931348623157e308", "1.7976931348623157e+308"},
      {"0.30000000000000004", "0.30000000000000004"},
      {"100", "100"},
      {"1e2", "100"},
      {"9007199254740993", "9007199254740992"},  // beyond 2^53: read as a double, as JCS does
      {"-9007199254740992", "-9007199254740992"},
  };
  for (const auto& [text, expected] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(canonical_json(json::parse(text)), expected);
  }
  EXPECT_THROW(es_number(std::nan("")), InputError);
  EXPECT_THROW(es_number(INFINITY), InputError);
}

TEST(Canonical, KeysSortedByUtf16CodeUnits) {
  // RFC 8785 §3.2.3: the emoji (U+1F600, surrogates D83D DE00) sorts before U+FB33, although
  // its code point is larger.
  const json in = json::parse(R"({
    "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })");
  const std::string out = canonical_json(in);
  std::vector<std::string> order;
  for (const char* k : {"\\r", "1", "\xC2\x80", "\xC3\xB6", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xEF\xAC\xB3"})
    order.push_back(std::string("\"") + k + "\":");
  std::size_t at = 0;
  for (const auto& k : order) {
    const std::size_t p = out.find(k);
    ASSERT_NE(p, std::string::npos) << k;
    EXPECT_GE(p, at) << k << " out of order in " << out;
    at = p;
  }
}

TEST(Canonical, StringEscapes) {
  json s = std::string("a\x01\x1f\x7f\b\f\n\r\t\"\\/\xE2\x80\xA8");
  EXPECT_EQ(canonical_json(s), "\"a\\u0001\\u001f\x7f\\b\\f\\n\\r\\t\\\"\\\\/\xE2\x80\xA8\"");
  EXPECT_THROW(canonical_json(json(std::string("\xC3"))), InputError);     // truncated
  EXPECT_THROW(canonical_json(json(std::string("\xC0\xAF"))), InputError); // overlong
  EXPECT_THROW(canonical_json(json(std::string("\xED\xA0\x80"))), InputError);  // a surrogate
}

TEST(Canonical, NestedStructuresHaveNoWhitespace) {
  const json in = json::parse(R"({"b": [1, {"d": true, "c": null}], "a": {}, "e": []})");
  EXPECT_EQ(canonical_json(in), R"({"a":{},"b":[1,{"c":null,"d":true}],"e":[]})");
}

}  // namespace
}  // namespace truceline::ledger
