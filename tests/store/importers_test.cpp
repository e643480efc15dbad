// Importers: format detection, JSONL, CSV (RFC 4180, header mapping, --map, wrong delimiter,
// bad rows), GeoJSON (non-Point features), and ACLED in its three layouts. The fixtures under
// tests/data/reports/ are synthetic (no ACLED data).
#include "truceline/store/importers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "truceline/error.hpp"
#include "truceline/io/text.hpp"

namespace truceline::store {
namespace {

const std::string kData = std::string(TRUCELINE_TEST_DATA) + "/reports/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<RawRow> read_stream(Format f, std::istream& in, const std::vector<std::pair<std::string, std::string>>& map = {}) {
  auto reader = open_reader(f, in, map);
  std::vector<RawRow> rows;
  RawRow row;
  while (reader->next(row)) rows.push_back(row);
  return rows;
}

std::vector<RawRow> read_text(Format f, const std::string& text,
                              const std::vector<std::pair<std::string, std::string>>& map = {}) {
  std::istringstream in(text);
  return read_stream(f, in, map);
}

std::vector<RawRow> read_file(Format f, const std::string& name,
                              const std::vector<std::pair<std::string, std::string>>& map = {}) {
  std::ifstream in(kData + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return read_stream(f, in, map);
}

// The InputError message open_reader throws for this input, or "" when it does not throw.
std::string open_error(Format f, const std::string& text, const std::vector<std::pair<std::string, std::string>>& map = {}) {
  std::istringstream in(text);
  try {
    open_reader(f, in, map);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const Report& ok(const RawRow& row) {
  EXPECT_TRUE(row.outcome.report.has_value()) << "row " << row.number << ": " << row.outcome.error;
  static const Report empty;
  return row.outcome.report ? *row.outcome.report : empty;
}

// --- formats ------------------------------------------------------------------------------

TEST(ImporterFormat, ParseAndName) {
  for (const char* n : {"jsonl", "csv", "geojson", "acled"}) {
    ASSERT_TRUE(parse_format(n)) << n;
    EXPECT_EQ(format_name(*parse_format(n)), n);
  }
  EXPECT_FALSE(parse_format("json"));
  EXPECT_FALSE(parse_format("CSV"));
  EXPECT_FALSE(parse_format(""));
}

TEST(ImporterFormat, DetectByContentThenExtension) {
  EXPECT_EQ(detect_format("x.txt", R"({"type":"FeatureCollection","features":[)"), Format::geojson);
  EXPECT_EQ(detect_format("x", "\xEF\xBB\xBF\n  {\n  \"type\" : \"FeatureCollection\",\n"), Format::geojson);
  // Pretty-printed with "features" first: the extension decides between GeoJSON and JSONL.
  EXPECT_EQ(detect_format("a.geojson", "{\n \"features\": [\n"), Format::geojson);
  EXPECT_EQ(detect_format("a.jsonl", R"({"observed_at":"2024-03-01","kind":"patrol"})"), Format::jsonl);
  // A JSONL summary quoting the words does not make it GeoJSON.
  EXPECT_EQ(detect_format("a.jsonl", R"({"summary":"{\"type\":\"FeatureCollection\"}"})"), Format::jsonl);
  EXPECT_EQ(detect_format("a.csv", slurp(kData + "acled_current.csv")), Format::acled);
  EXPECT_EQ(detect_format("a.csv", slurp(kData + "acled_2019.csv")), Format::acled);
  EXPECT_EQ(detect_format("a.txt", slurp(kData + "acled_legacy.csv")), Format::acled);
  EXPECT_EQ(detect_format("a.jsonl", slurp(kData + "basic.csv")), Format::csv);  // content first
  EXPECT_EQ(detect_format("a", slurp(kData + "wrong_delimiter.csv")), Format::csv);
  EXPECT_EQ(detect_format("a.csv", "\"event_id_cnty\",event_date\n"), Format::acled);
  EXPECT_EQ(detect_format("a.csv", "id,summary\n1,event_id_cnty\n"), Format::csv);  // header only
  // Empty content: by extension.
  EXPECT_EQ(detect_format("dir.v2/a.csv", ""), Format::csv);
  EXPECT_EQ(detect_format("a.GeoJSON", " \n"), Format::geojson);
  EXPECT_EQ(detect_format("a.json", ""), Format::geojson);
  EXPECT_EQ(detect_format("dir.csv/a", ""), Format::jsonl);
  EXPECT_EQ(detect_format("-", ""), Format::jsonl);
}

// --- JSONL --------------------------------------------------------------------------------

TEST(ImporterJsonl, LinesAndNumbers) {
  const auto rows = read_file(Format::jsonl, "reports.jsonl");
  ASSERT_EQ(rows.size(), 3u);  // the blank line is skipped
  EXPECT_EQ(rows[0].number, 1u);
  EXPECT_EQ(ok(rows[0]).kind, "shelling");
  EXPECT_EQ(rows[1].number, 3u);
  EXPECT_FALSE(rows[1].outcome.report);
  EXPECT_EQ(rows[1].outcome.error.rfind("invalid JSON", 0), 0u) << rows[1].outcome.error;
  EXPECT_EQ(rows[1].raw, R"({"observed_at": "2024-03-01", "lon": 36.5,)");
  EXPECT_EQ(rows[2].number, 4u);
  EXPECT_EQ(ok(rows[2]).place, "Varo");
  EXPECT_EQ(open_reader(Format::jsonl, *std::make_unique<std::istringstream>(""))->format(), "jsonl");
}

TEST(ImporterJsonl, CrlfBomLongLineNoFinalNewline) {
  const std::string good = R"({"observed_at":"2024-03-01","lon":36.5,"lat":48.1,"kind":"patrol","source":{"name":"m"}})";
  const std::string huge = "{\"summary\":\"" + std::string(3u << 20, 'x') + "\"}";
  const auto rows = read_text(Format::jsonl, "\xEF\xBB\xBF" + good + "\r\n" + huge + "\r\n\r\n" + good);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].raw, good);
  ok(rows[0]);
  EXPECT_EQ(rows[1].number, 2u);
  EXPECT_EQ(rows[1].outcome.error, "line of " + std::to_string(huge.size()) + " bytes is longer than 1 MiB");
  EXPECT_EQ(rows[1].raw.size(), std::size_t{1} << 20);
  EXPECT_EQ(rows[2].number, 4u);
  EXPECT_EQ(rows[2].raw, good);
  ok(rows[2]);
  EXPECT_TRUE(read_text(Format::jsonl, "").empty());
  EXPECT_TRUE(read_text(Format::jsonl, "\n \n").empty());
}

// --- CSV ----------------------------------------------------------------------------------

TEST(ImporterCsv, QuotedFieldsCrlfAndMapping) {
  ASSERT_TRUE(has(slurp(kData + "basic.csv"), "\r\n")) << "basic.csv must keep its CRLF line ends";
  const auto rows = read_file(Format::csv, "basic.csv");
  ASSERT_EQ(rows.size(), 3u);
  // Row 1: every field mapped, "" escapes, a quoted comma, tags, an unknown column kept.
  EXPECT_EQ(rows[0].number, 2u);
  EXPECT_EQ(rows[0].raw.rfind("2024-03-01T06:15:00+02:00,36.512,48.101,shelling,", 0), 0u);
  EXPECT_TRUE(has(rows[0].raw, R"("Impacts near the ""north"" checkpoint")"));
  const Report& a = ok(rows[0]);
  EXPECT_EQ(a.observed_unix, *parse_iso_time("2024-03-01T04:15:00Z"));
  EXPECT_EQ(a.time_precision, "minute");
  EXPECT_DOUBLE_EQ(*a.lon, 36.512);
  EXPECT_DOUBLE_EQ(*a.lat, 48.101);
  EXPECT_EQ(a.kind, "shelling");
  EXPECT_EQ(a.actor, "Arland Army");
  EXPECT_EQ(a.target, "Brenn, Front");
  EXPECT_EQ(*a.fatalities, 0);
  EXPECT_EQ(*a.injured, 2);
  EXPECT_EQ(a.summary, "Impacts near the \"north\" checkpoint");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"impact", "night"}));
  EXPECT_EQ(a.source_name, "Monitor Team 4");
  EXPECT_EQ(a.source_type, "monitor");
  EXPECT_EQ(a.source_url, "https://example.org/r/1");
  EXPECT_EQ(a.reliability, "B");
  EXPECT_EQ(a.credibility, 2);
  EXPECT_EQ(a.source_id, "M4-001");
  EXPECT_EQ(a.extra, (nlohmann::json{{"patrol_team", "Alpha"}}));
  // Row 2: a quoted field over three lines (its CRLFs kept), empty cells absent.
  EXPECT_EQ(rows[1].number, 3u);
  const Report& b = ok(rows[1]);
  EXPECT_EQ(b.summary, "Three tanks seen\r\nin a field,\r\nbeyond the line");
  EXPECT_EQ(b.weapon_class, "tank");
  EXPECT_EQ(*b.weapon_count, 3);
  EXPECT_FALSE(b.fatalities);
  EXPECT_TRUE(b.tags.empty());
  EXPECT_TRUE(b.extra.empty());
  EXPECT_EQ(b.time_precision, "day");
  // Row 3 after a blank line: numbered by its line in the file.
  EXPECT_EQ(rows[2].number, 7u);
  const Report& c = ok(rows[2]);
  EXPECT_EQ(c.source_name, "Brenn Daily");
  EXPECT_EQ(c.source_type, "media");
  EXPECT_EQ(c.reliability, "C");
  EXPECT_EQ(c.summary, "");
}

TEST(ImporterCsv, Rfc4180InMemory) {
  const std::string text =
      "\xEF\xBB\xBF" "Observed_At , place,kind,source_name,summary\r\n"
      "2024-03-01,\"Varo, north\",patrol,m,\"a \"\"b\"\"\nc\"\r\n"
      "2024-03-02,Kessel,patrol,m,x\"y\r\n"  // a quote inside an unquoted field is literal
      "2024-03-03,Ostrin,patrol,m,last";      // no final line break
  const auto rows = read_text(Format::csv, text);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].number, 2u);
  EXPECT_EQ(rows[0].raw, "2024-03-01,\"Varo, north\",patrol,m,\"a \"\"b\"\"\nc\"");
  EXPECT_EQ(ok(rows[0]).place, "Varo, north");
  EXPECT_EQ(ok(rows[0]).summary, "a \"b\"\nc");
  EXPECT_EQ(rows[1].number, 4u);
  EXPECT_EQ(ok(rows[1]).summary, "x\"y");
  EXPECT_EQ(rows[2].number, 5u);
  EXPECT_EQ(ok(rows[2]).summary, "last");
  EXPECT_EQ(open_reader(Format::csv, *std::make_unique<std::istringstream>("a\n"))->format(), "csv");
}

TEST(ImporterCsv, WrongDelimiterIsAClearError) {
  for (const char* f : {"wrong_delimiter.csv", "tab_delimited.csv"}) {
    std::ifstream in(kData + f);
    try {
      open_reader(Format::csv, in);
      ADD_FAILURE() << f << ": no error";
    } catch (const InputError& e) {
      EXPECT_TRUE(has(e.what(), "wrong delimiter")) << e.what();
      EXPECT_TRUE(has(e.what(), "comma-separated")) << e.what();
    }
  }
  EXPECT_TRUE(has(open_error(Format::csv, "observed_at;lon;lat\n"), "';'"));
  EXPECT_TRUE(has(open_error(Format::csv, "observed_at\tlon\n"), "tab"));
  EXPECT_TRUE(has(open_error(Format::acled, "event_id_cnty;event_date\n"), "wrong delimiter"));
  EXPECT_EQ(open_error(Format::csv, "observed_at\n"), "");  // one column, no delimiter in it: fine
}

TEST(ImporterCsv, EmptyFileHeaderOnlyAndBrokenHeader) {
  EXPECT_TRUE(has(open_error(Format::csv, ""), "empty file"));
  EXPECT_TRUE(has(open_error(Format::csv, "\n\r\n"), "empty file"));
  EXPECT_TRUE(has(open_error(Format::csv, "\"observed_at,kind\n"), "unterminated quoted field"));
  EXPECT_TRUE(has(open_error(Format::csv, "observed_at,\xff\n"), "invalid UTF-8"));
  EXPECT_TRUE(read_text(Format::csv, "observed_at,kind\r\n").empty());
}

TEST(ImporterCsv, BadRowsAreQuarantinedWithReasons) {
  const auto rows = read_file(Format::csv, "bad_rows.csv");
  ASSERT_EQ(rows.size(), 12u);
  std::map<std::size_t, std::string> error;
  for (const auto& r : rows) {
    EXPECT_EQ(r.outcome.report.has_value(), r.outcome.error.empty()) << r.number;
    error[r.number] = r.outcome.error;
  }
  EXPECT_EQ(error[2], "");
  // 1 March or 3 January: not guessed.
  EXPECT_TRUE(has(error[3], "observed_at '01/03/2024': dates with slashes or dots are not read")) << error[3];
  EXPECT_EQ(error[4], "lat 95 is outside [-90, 90]");
  EXPECT_EQ(error[5], "reliability 'G' is not an Admiralty grade A-F");
  EXPECT_EQ(error[6], "credibility \"9\" is not an Admiralty grade 1-6");
  EXPECT_EQ(error[7], "missing kind");
  EXPECT_EQ(error[8], "row has 5 fields, the header has 7");
  EXPECT_EQ(error[9], "row has 8 fields, the header has 7");
  EXPECT_EQ(error[10], "missing source.name");
  EXPECT_EQ(error[11], "text after the closing quote of field 2");
  EXPECT_EQ(error[12], "");
  EXPECT_EQ(error[13], "unterminated quoted field (opened on line 13)");
  EXPECT_EQ(rows[6].raw, "2024-03-01,36.5,48.1,shelling,Monitor");  // the raw text is kept
  EXPECT_EQ(rows.back().raw, "2024-03-01,36.5,48.1,\"shelling,Monitor,B,2\n");
}

TEST(ImporterCsv, InvalidUtf8AndOversizedRecords) {
  const std::string header = "observed_at,place,kind,source,summary\n";
  const std::string good = "2024-03-01,Varo,patrol,m,ok\n";
  const std::string big = "2024-03-01,Varo,patrol,m,\"" + std::string(3u << 20, 'x') + "\n,\"\n";
  const auto rows = read_text(Format::csv, header + "2024-03-01,Varo,patrol,m,\xc3\x28\n" + big + good);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].outcome.error, "invalid UTF-8");
  EXPECT_EQ(rows[1].number, 3u);
  EXPECT_TRUE(has(rows[1].outcome.error, "longer than 1 MiB")) << rows[1].outcome.error;
  EXPECT_EQ(rows[1].raw.size(), std::size_t{1} << 20);
  EXPECT_EQ(rows[2].number, 5u);  // the big record spanned lines 3-4
  ok(rows[2]);
}

TEST(ImporterCsv, MapOverridesAndErrors) {
  const std::vector<std::pair<std::string, std::string>> map{
      {"observed_at", "date"}, {"lon", "x"}, {"lat", "Y"}, {"kind", "what"}, {"actor", "who"}, {"source", "outlet"},
      {"reliability", "grade"}};
  const auto rows = read_file(Format::csv, "mapped.csv", map);
  ASSERT_EQ(rows.size(), 1u);
  const Report& r = ok(rows[0]);
  EXPECT_EQ(r.observed_unix, *parse_iso_time("2024-04-10"));
  EXPECT_DOUBLE_EQ(*r.lon, 37.01);
  EXPECT_DOUBLE_EQ(*r.lat, 47.55);
  EXPECT_EQ(r.kind, "armed_clash");
  EXPECT_EQ(r.actor, "Arland Army");
  EXPECT_EQ(r.source_name, "Brenn Daily");
  EXPECT_EQ(r.reliability, "C");
  EXPECT_TRUE(r.extra.empty());
  // Without the map the columns are unknown: kept, and the row lacks observed_at.
  const auto plain = read_file(Format::csv, "mapped.csv");
  EXPECT_EQ(plain[0].outcome.error, "missing observed_at");

  const std::string text = "date,observed_at,place,kind,source\n2024-05-01,2024-01-01,Varo,patrol,m\n";
  const auto over = read_text(Format::csv, text, {{"observed_at", "date"}});
  const Report& o = ok(over[0]);
  EXPECT_EQ(o.observed_unix, *parse_iso_time("2024-05-01"));
  EXPECT_EQ(o.extra, (nlohmann::json{{"csv.observed_at", "2024-01-01"}}));  // the displaced column, kept
  EXPECT_TRUE(has(open_error(Format::csv, text, {{"when", "date"}}), "unknown field 'when'"));
  EXPECT_TRUE(has(open_error(Format::csv, text, {{"observed_at", "day"}}), "no column 'day' in the header"));
  EXPECT_TRUE(has(open_error(Format::csv, text, {{"observed_at", "date"}, {"observed_at", "place"}}), "mapped twice"));
  EXPECT_TRUE(has(open_error(Format::csv, text, {{"observed_at", "date"}, {"reported_at", "date"}}),
                  "already mapped to observed_at"));
  // Ignored for the other formats.
  EXPECT_EQ(open_error(Format::jsonl, "", {{"observed_at", "date"}}), "");
}

TEST(ImporterCsv, UnknownAndDuplicateColumnsAreKept) {
  const auto rows = read_text(Format::csv,
                              "observed_at,place,kind,source,note,note,,longitude,lon,lat\n"
                              "2024-03-01,Varo,patrol,m,a,b,c,36.5,36.6,48.1\n");
  const Report& r = ok(rows[0]);
  EXPECT_DOUBLE_EQ(*r.lon, 36.6);  // "lon" before its alias "longitude"
  EXPECT_EQ(r.extra, (nlohmann::json{{"note", "a"}, {"note#6", "b"}, {"column_7", "c"}, {"csv.longitude", "36.5"}}))
      << r.extra.dump();
}

// Repeated keys: each column in turn takes its name, "#N" (its column number) appended while
// an earlier column has it, also when the header itself has such a name; a second `id` or
// `extra` is kept as csv.NAME.
TEST(ImporterCsv, RepeatedColumnNamesTakeTheirNumber) {
  const auto rows = read_text(Format::csv,
                              "observed_at,place,kind,source,a,a,a#6,a,id,ID,extra,Extra,,column_13\n"
                              "2024-03-01,Varo,patrol,m,1,2,3,4,5,6,\"{\"\"k\"\":\"\"v\"\"}\",8,9,10\n");
  const Report& r = ok(rows[0]);
  EXPECT_EQ(r.extra, (nlohmann::json{{"a", "1"},
                                     {"a#6", "2"},
                                     {"a#6#7", "3"},
                                     {"a#8", "4"},
                                     {"csv.ID", "6"},
                                     {"k", "v"},
                                     {"csv.Extra", "8"},
                                     {"column_13", "9"},
                                     {"column_13#14", "10"}}))
      << r.extra.dump();
  // No repeats: every column under its own name (the fast path).
  const auto plain = read_text(Format::csv, "observed_at,place,kind,source,b,c\n2024-03-01,Varo,patrol,m,1,2\n");
  EXPECT_EQ(ok(plain[0]).extra, (nlohmann::json{{"b", "1"}, {"c", "2"}}));
}

// A tally keeps its reasons in the order first seen when it is moved.
TEST(RowTally, MovedTallyKeepsItsReasons) {
  RowTally t;
  for (const char* e : {"b 'x'", "a", "b 'y'", "a", "a"}) {
    RawRow r;
    r.number = 1;
    r.outcome.error = e;
    t.add(r);
  }
  RowTally moved(std::move(t));
  RowTally assigned;
  assigned = std::move(moved);
  const auto reasons = assigned.reasons();
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0].example, "a");
  EXPECT_EQ(reasons[0].count, 3u);
  EXPECT_EQ(reasons[1].example, "b 'x'");
  EXPECT_EQ(reasons[1].count, 2u);
}

// What `truceline reports --format csv` prints (id first, tags ';'-joined, source columns,
// extra as JSON) comes back as the same report.
TEST(ImporterCsv, RoundTripsTheReportsCsvLayout) {
  const std::string line =
      R"({"source_id":"M4-9","observed_at":"2024-03-01T06:15:00+02:00","time_precision":"hour","reported_at":"2024-03-02",)"
      R"("lon":36.5,"lat":48.25,"location_precision_m":250,"kind":"weapon_sighting","weapon_class":"MLRS",)"
      R"("weapon_count":2,"actor":"A","target":"B","fatalities":1,"injured":0,"explosions":7,"summary":"s, \"q\"",)"
      R"("tags":["t1","t2"],"source":{"name":"Monitor","type":"monitor","url":"https://example.org"},)"
      R"("reliability":"B","credibility":2,"supersedes":"r0123","camera":{"id":7},"note":"n"})";
  const RowOutcome orig = report_from_jsonl(line);
  ASSERT_TRUE(orig.report) << orig.error;
  const nlohmann::json j = orig.report->to_json();
  auto csv = [](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  auto cell = [&](const nlohmann::json& o, const char* k) {
    return o.contains(k) ? csv(o[k].is_string() ? o[k].get<std::string>() : o[k].dump()) : std::string();
  };
  const std::vector<const char*> cols{"observed_at", "time_precision", "reported_at", "lon", "lat", "place",
                                      "location_precision_m", "kind", "weapon_class", "weapon_count", "actor",
                                      "target", "fatalities", "injured", "summary", "reliability", "credibility",
                                      "supersedes", "source_id", "explosions"};
  std::string header = "id", row = "rdeadbeef";
  // (appends, not "," + s: GCC 12 warns falsely, -Wrestrict)
  for (const char* c : cols) {
    header.append(",").append(c);
    row.append(",").append(cell(j, c));
  }
  header.append(",tags,source,source_type,source_url,extra\n");
  row.append(",t1;t2,").append(cell(j["source"], "name")).append(",").append(cell(j["source"], "type"));
  row.append(",").append(cell(j["source"], "url")).append(",");
  row.append(csv(nlohmann::json{{"camera", {{"id", 7}}}, {"note", "n"}}.dump())).append("\n");
  const auto rows = read_text(Format::csv, header + row);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(ok(rows[0]).to_json(), j) << ok(rows[0]).to_json().dump();
  // A source's own extra fields travel in `extra` as "source.NAME" and go back inside source.
  const auto src = read_text(Format::csv, "observed_at,place,kind,source,extra\n"
                                          "2024-03-01,Varo,patrol,m,\"{\"\"source.channel\"\":\"\"radio\"\"}\"\n");
  const RowOutcome direct =
      report_from_jsonl(R"({"observed_at":"2024-03-01","place":"Varo","kind":"patrol","source":{"name":"m","channel":"radio"}})");
  EXPECT_EQ(ok(src[0]).to_json(), direct.report->to_json());
  // An `extra` cell that is not a JSON object (or would set a model field) is kept as text.
  const auto odd = read_text(Format::csv, "observed_at,place,kind,source,extra\n2024-03-01,Varo,patrol,m,\"{\"\"kind\"\":1}\"\n");
  EXPECT_EQ(ok(odd[0]).extra, (nlohmann::json{{"extra", "{\"kind\":1}"}}));
}

// --- line ends, delimiters, encodings, whole-file failures (issue 10, defect 7) ---------------

// A bare CR ends a line (old Mac OS, some Excel exports): before, cr_only.csv was one header
// line and "imported 0, quarantined 0".
TEST(ImporterCsv, CrOnlyLineEnds) {
  ASSERT_EQ(slurp(kData + "cr_only.csv").find('\n'), std::string::npos) << "cr_only.csv must have no LF";
  const auto rows = read_file(Format::csv, "cr_only.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].number, 2u);
  EXPECT_EQ(ok(rows[0]).source_name, "Monitor Team 4");
  EXPECT_EQ(rows[1].number, 3u);
  EXPECT_EQ(ok(rows[1]).kind, "weapon_sighting");
  EXPECT_EQ(rows[2].number, 4u);
  EXPECT_EQ(ok(rows[2]).source_name, "Brenn\rDaily") << "a CR inside quotes is the field's";
  EXPECT_EQ(rows[2].raw, "\"2024-03-03\",36.7,48.3,patrol,\"Brenn\rDaily\"");
  // CR, CR LF and LF mixed; blank lines of each kind skipped but counted.
  const auto mixed = read_text(Format::csv, "observed_at,lon,lat,kind,source\r2024-03-01,1,2,patrol,a\r\n\r2024-03-02,1,2,patrol,b\n");
  ASSERT_EQ(mixed.size(), 2u);
  EXPECT_EQ(mixed[1].number, 4u);
  EXPECT_EQ(ok(mixed[1]).source_name, "b");
  // JSON Lines too, with a CR at a buffer boundary (64 KiB) followed by its LF.
  const std::string good = R"({"observed_at":"2024-03-01","lon":36.5,"lat":48.1,"kind":"patrol","source":{"name":"m"}})";
  const auto jsonl = read_text(Format::jsonl, good + "\r" + good + "\r\r" + good);
  ASSERT_EQ(jsonl.size(), 3u);
  EXPECT_EQ(jsonl[2].number, 4u);
  for (const auto& r : jsonl) ok(r);
  std::string padded = good;
  padded.insert(padded.size() - 1, ",\"summary\":\"" + std::string((1 << 16) - padded.size() - 14, 'x') + "\"");
  ASSERT_EQ(padded.size(), (1u << 16) - 1);
  const auto boundary = read_text(Format::jsonl, padded + "\r\n" + good + "\r\n");
  ASSERT_EQ(boundary.size(), 2u);
  EXPECT_EQ(boundary[1].number, 2u);
  EXPECT_EQ(boundary[1].raw, good);
  ok(boundary[0]);
}

TEST(ImporterCsv, DelimiterOption) {
  EXPECT_EQ(parse_delimiter(";"), ';');
  EXPECT_EQ(parse_delimiter("tab"), '\t');
  EXPECT_EQ(parse_delimiter("\\t"), '\t');
  EXPECT_EQ(parse_delimiter("\t"), '\t');
  EXPECT_EQ(parse_delimiter("|"), '|');
  EXPECT_FALSE(parse_delimiter(";;"));
  EXPECT_FALSE(parse_delimiter("\""));
  EXPECT_FALSE(parse_delimiter(""));
  ReaderOptions semicolon;
  semicolon.delimiter = ';';
  std::ifstream in(kData + "wrong_delimiter.csv", std::ios::binary);
  auto reader = open_reader(Format::csv, in, semicolon);
  RawRow row;
  ASSERT_TRUE(reader->next(row));
  EXPECT_EQ(ok(row).source_name, "Monitor");
  EXPECT_EQ(*ok(row).lat, 48.1);
  ReaderOptions tab;
  tab.delimiter = '\t';
  std::ifstream tin(kData + "tab_delimited.csv", std::ios::binary);
  auto treader = open_reader(Format::csv, tin, tab);
  ASSERT_TRUE(treader->next(row));
  EXPECT_EQ(ok(row).kind, "shelling");
  // European spreadsheets pair ';' with decimal commas: not read, but said.
  std::istringstream comma_decimals("observed_at;lon;lat;kind;source\n2024-03-01;36,5;48,1;shelling;Monitor\n");
  auto creader = open_reader(Format::csv, comma_decimals, semicolon);
  ASSERT_TRUE(creader->next(row));
  EXPECT_EQ(row.outcome.error, "lon must be a finite number (got \"36,5\"): decimal commas are not read, write 36.5");
  // The wrong-delimiter error names the option that reads the file.
  EXPECT_TRUE(has(open_error(Format::csv, "observed_at;lon;lat\n"), "read it with --delimiter ';'"));
  EXPECT_TRUE(has(open_error(Format::csv, "observed_at\tlon\n"), "read it with --delimiter tab"));
  std::istringstream commas("observed_at,lon,lat\n");
  try {
    open_reader(Format::csv, commas, semicolon);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_TRUE(has(e.what(), "--delimiter ';' was given: read it with --delimiter ','")) << e.what();
  }
  // Detection splits the first line on the delimiter (an ACLED export saved by European Excel).
  EXPECT_EQ(detect_format("a.csv", "event_id_cnty;event_date;latitude\n", ';'), Format::acled);
  EXPECT_EQ(detect_format("a.csv", "event_id_cnty;event_date;latitude\n"), Format::csv);
  std::istringstream acled("event_id_cnty;event_date;event_type;latitude;longitude\nSYR1;2018-10-12;Battles;35.5;36.6\n");
  auto areader = open_reader(Format::acled, acled, semicolon);
  ASSERT_TRUE(areader->next(row));
  EXPECT_EQ(ok(row).kind, "armed_clash");
}

// A --map that does not fit the header is a usage error (exit 2), not a file failure.
TEST(ImporterCsv, MapErrorsAreUsageErrors) {
  std::istringstream in("observed_at,lon,lat\n");
  EXPECT_THROW(open_reader(Format::csv, in, {{{"observed_at", "date"}}}), UsageError);
  std::istringstream in2("observed_at,lon,lat\n");
  EXPECT_THROW(open_reader(Format::csv, in2, {{{"when", "lon"}}}), UsageError);
}

// try_open_reader (the fuzz target's entry: no exception per unreadable input) returns, as a
// value, exactly what open_reader throws: the same message, UsageError told from InputError.
TEST(ImporterCsv, TryOpenReaderReturnsWhatOpenReaderThrows) {
  using Map = std::vector<std::pair<std::string, std::string>>;
  struct Case {
    Format format;
    std::string text;
    Map map;
    char delimiter;
  };
  const std::vector<Case> cases{
      {Format::csv, "", {}, ','},
      {Format::csv, "\n\r\n", {}, ','},
      {Format::csv, "\"observed_at,kind\n", {}, ','},
      {Format::csv, "observed_at,\"kind\"x\n", {}, ','},
      {Format::csv, "observed_at,\xff\n", {}, ','},
      {Format::csv, "observed_at;lon;lat\n", {}, ','},
      {Format::csv, "observed_at,lon,lat\n", {}, ';'},
      {Format::csv, "observed_at,lon,lat\n", {{"observed_at", "date"}}, ','},
      {Format::csv, "observed_at,lon,lat\n", {{"when", "lon"}}, ','},
      {Format::csv, "date,lon,lat\n", {{"observed_at", "date"}, {"reported_at", "date"}}, ','},
      {Format::csv, "date,when,lat\n", {{"observed_at", "date"}, {"observed_at", "when"}}, ','},
      {Format::csv, "date,kind\n2024-01-01,shelling\n", {{"observed_at", "date"}}, ','},
      {Format::csv, "observed_at\n", {}, ','},
      {Format::acled, "", {}, ','},
      {Format::acled, "event_id_cnty;event_date\n", {}, ','},
      {Format::acled, "observed_at,lon,lat,kind,source\n", {}, ','},
      {Format::acled, "data_id,event_date,\xfe\n", {}, ','},
      {Format::acled, "data_id,event_date,event_type,latitude,longitude\n", {}, ','},
  };
  std::size_t problems = 0, usage = 0;
  for (const auto& c : cases) {
    ReaderOptions options;
    options.csv_map = c.map;
    options.delimiter = c.delimiter;
    std::string thrown;
    bool thrown_usage = false;
    try {
      std::istringstream in(c.text);
      open_reader(c.format, in, options);
    } catch (const UsageError& e) {
      thrown = e.what();
      thrown_usage = true;
    } catch (const InputError& e) {
      thrown = e.what();
    }
    std::istringstream in(c.text);
    const OpenedReader opened = try_open_reader(c.format, in, options);
    EXPECT_EQ(opened.problem, thrown) << c.text;
    EXPECT_EQ(opened.usage, thrown_usage) << c.text;
    EXPECT_EQ(opened.reader == nullptr, !thrown.empty()) << c.text;
    problems += !thrown.empty();
    usage += thrown_usage;
  }
  EXPECT_EQ(problems, 15u);  // every case above but the three readable headers
  EXPECT_EQ(usage, 4u);
}

std::vector<std::string> explain_file(const std::string& name, const ReaderOptions& options = {}) {
  std::ifstream in(kData + name, std::ios::binary);
  auto reader = open_reader(Format::csv, in, options);
  RowTally tally;
  RawRow row;
  while (reader->next(row)) tally.add(row);
  return explain_empty_import(*reader, tally, false);
}

// A Ushahidi/KoBo-style export: every row lacks observed_at; the explanation lists the
// columns found and a --map line to copy. Before: "quarantined 3", exit 0, no hint.
TEST(ImporterCsv, UnmappedColumnsAreExplained) {
  std::ifstream in(kData + "ushahidi.csv", std::ios::binary);
  auto reader = open_reader(Format::csv, in);
  EXPECT_EQ(reader->missing_fields(), (std::vector<std::string>{"observed_at", "kind", "source.name"}));
  ReaderOptions with_source;
  with_source.report.default_source = "Idlib crowdmap";
  std::ifstream in2(kData + "ushahidi.csv", std::ios::binary);
  EXPECT_EQ(open_reader(Format::csv, in2, with_source)->missing_fields(), (std::vector<std::string>{"observed_at", "kind"}));
  const auto lines = explain_file("ushahidi.csv");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "all 3 rows were rejected: 3 × missing observed_at (first on line 2)");
  EXPECT_EQ(lines[1],
            "the header has no column for observed_at, kind, source.name (columns: #, Incident Title, Incident Date, "
            "Location, Description, Category, Latitude, Longitude, Approved, Verified); map them, e.g. "
            "--map observed_at='Incident Date' --map kind=Category --source NAME");
  // Mapped, the naive times need --tz; with it they are read in the zone and the zone is kept.
  ReaderOptions mapped({{"observed_at", "Incident Date"}, {"kind", "Category"}});
  mapped.report.default_source = "Idlib crowdmap";
  const auto naive = explain_file("ushahidi.csv", mapped);
  ASSERT_EQ(naive.size(), 1u);
  EXPECT_EQ(naive[0],
            "all 3 rows were rejected: 3 × observed_at '2018-10-12 08:30:00' has no UTC offset: write one "
            "(2018-10-12T08:30:00+03:00), or give the zone of such times with --tz (e.g. --tz +03:00, "
            "--tz Asia/Damascus) (first on line 2)");
  mapped.report.tz = std::make_shared<const TimeZone>(TimeZone::parse("Asia/Damascus"));
  std::ifstream in3(kData + "ushahidi.csv", std::ios::binary);
  auto zoned = open_reader(Format::csv, in3, mapped);
  std::vector<Report> got;
  for (RawRow row; zoned->next(row);) got.push_back(ok(row));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(format_iso8601_utc(got[0].observed_unix), "2018-10-12T05:30:00Z");  // summer time, +03:00
  EXPECT_EQ(format_iso8601_utc(got[2].observed_unix), "2018-10-25T22:30:00Z");  // after the change, +02:00
  EXPECT_EQ(got[0].time_precision, "minute");
  EXPECT_EQ(got[0].extra["assumed_time_zone"], "Asia/Damascus");
  EXPECT_EQ(got[0].source_name, "Idlib crowdmap");
  EXPECT_EQ(got[0].extra["Location"], "Maarat al-Numan");
}

// Every row of a Latin-1 file is invalid UTF-8: the explanation names the likely encoding and
// the option; read with --encoding windows-1252 the same file imports, as UTF-8.
TEST(ImporterCsv, Latin1FileIsExplainedAndReadWithItsEncoding) {
  const auto lines = explain_file("latin1.csv");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "all 3 rows were rejected: 3 × invalid UTF-8 (first on line 2)");
  EXPECT_TRUE(has(lines[1], "it looks like ISO-8859-1 (Latin-1)")) << lines[1];
  EXPECT_TRUE(has(lines[1], "read it with --encoding windows-1252")) << lines[1];
  std::ifstream raw(kData + "latin1.csv", std::ios::binary);
  const auto in = io::decoded_stream(raw, "windows-1252");
  auto reader = open_reader(Format::csv, *in);
  std::vector<RawRow> rows;
  for (RawRow row; reader->next(row);) rows.push_back(row);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(ok(rows[0]).place, "Ma'arrat al-Nu\u00e2m\u00e2n");
  EXPECT_EQ(ok(rows[1]).place, "Kafr Nab\u00fbdah");
  EXPECT_EQ(ok(rows[0]).source_name, "Observatoire r\u00e9gional");
  EXPECT_TRUE(valid_utf8(rows[0].raw)) << "the raw row is kept as UTF-8";
}

TEST(ImporterCsv, EmptyFilesAreExplained) {
  EXPECT_EQ(explain_file("header_only.csv"), std::vector<std::string>{"no rows: the file has a header and nothing else"});
  std::istringstream empty("");
  auto reader = open_reader(Format::jsonl, empty);
  RowTally tally;
  EXPECT_EQ(explain_empty_import(*reader, tally, false), std::vector<std::string>{"no rows: the file is empty"});
  // Reasons group by cause with quoted values elided, most frequent first.
  RowTally t;
  auto bad = [](std::size_t n, const std::string& e) {
    RawRow r;
    r.number = n;
    r.outcome.error = e;
    return r;
  };
  t.add(bad(1, "kind 'x' is not one of a, b"));
  t.add(bad(2, "missing source.name"));
  t.add(bad(3, "kind 'y' is not one of a, b"));
  const auto reasons = t.reasons();
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0].count, 2u);
  EXPECT_EQ(reasons[0].example, "kind 'x' is not one of a, b");
  EXPECT_EQ(reasons[0].first_row, 1u);
  const auto lines = explain_empty_import(*reader, t, false);
  EXPECT_EQ(lines[0], "all 3 rows were rejected: 2 × kind 'x' is not one of a, b (first on line 1); "
                      "1 × missing source.name (line 2)");
  EXPECT_EQ(lines[1], "rows without a source: name it with --source NAME");
}

// --- GeoJSON ------------------------------------------------------------------------------

TEST(ImporterGeoJson, PointsAndQuarantinedFeatures) {
  const auto rows = read_file(Format::geojson, "reports.geojson");
  ASSERT_EQ(rows.size(), 6u);
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].number, i + 1);
  const Report& a = ok(rows[0]);
  EXPECT_DOUBLE_EQ(*a.lon, 36.512);
  EXPECT_DOUBLE_EQ(*a.lat, 48.101);
  EXPECT_EQ(a.source_type, "monitor");
  EXPECT_EQ(a.reliability, "B");
  EXPECT_EQ(a.extra, (nlohmann::json{{"camera", "fixed-7"}}));
  EXPECT_EQ(nlohmann::json::parse(rows[0].raw)["properties"]["camera"], "fixed-7");  // raw: the feature's JSON
  // Null geometry: the place locates it.
  EXPECT_EQ(ok(rows[1]).place, "Varo");
  EXPECT_FALSE(ok(rows[1]).lon);
  EXPECT_EQ(rows[2].outcome.error, "geometry is a LineString, not a Point");
  EXPECT_TRUE(has(rows[2].raw, "LineString"));
  EXPECT_EQ(rows[3].outcome.error, "not a GeoJSON Feature (type \"Point\")");
  // Flat source columns and ';' tags, as in CSV; a third coordinate (altitude) is ignored.
  const Report& e = ok(rows[4]);
  EXPECT_EQ(e.source_name, "UAV 2");
  EXPECT_EQ(e.source_type, "monitor");
  EXPECT_EQ(e.tags, (std::vector<std::string>{"uav", "night"}));
  EXPECT_TRUE(e.extra.empty()) << e.extra.dump();
  EXPECT_EQ(rows[5].outcome.error, "lon 236.7 is outside [-180, 180]");
}

TEST(ImporterGeoJson, WholeFileErrors) {
  EXPECT_TRUE(has(open_error(Format::geojson, ""), "empty file"));
  EXPECT_TRUE(has(open_error(Format::geojson, "{\"type\":"), "invalid JSON"));
  EXPECT_TRUE(has(open_error(Format::geojson, R"({"type":"Feature"})"), "not a GeoJSON FeatureCollection"));
  EXPECT_TRUE(has(open_error(Format::geojson, "[1]"), "not a GeoJSON FeatureCollection"));
  EXPECT_TRUE(has(open_error(Format::geojson, R"({"type":"FeatureCollection"})"), "\"features\" array"));
  EXPECT_TRUE(read_text(Format::geojson, R"({"type":"FeatureCollection","features":[]})").empty());
  const auto rows = read_text(Format::geojson, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","geometry":{"type":"Point","coordinates":["36.5",48]},"properties":{}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[36.5,48]},"properties":[1]},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[36.5,48]},"properties":null}]})");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].outcome.error, "Point coordinates must be [lon, lat] numbers");
  EXPECT_EQ(rows[1].outcome.error, "properties must be an object");
  EXPECT_EQ(rows[2].outcome.error, "missing observed_at");
  EXPECT_EQ(open_reader(Format::geojson, *std::make_unique<std::istringstream>(R"({"type":"FeatureCollection","features":[]})"))
                ->format(),
            "geojson");
}

// --- ACLED --------------------------------------------------------------------------------

TEST(ImporterAcled, CurrentLayout) {
  const auto rows = read_file(Format::acled, "acled_current.csv");
  ASSERT_EQ(rows.size(), 4u);
  const Report& a = ok(rows[0]);
  EXPECT_EQ(rows[0].number, 2u);
  EXPECT_EQ(a.source_id, "XAR1001");
  EXPECT_EQ(a.observed_unix, *parse_iso_time("2024-03-01"));
  EXPECT_EQ(a.time_precision, "day");
  EXPECT_DOUBLE_EQ(*a.lat, 48.101);
  EXPECT_DOUBLE_EQ(*a.lon, 36.512);
  EXPECT_EQ(a.place, "Varo");
  EXPECT_EQ(a.location_precision_m, 2000);
  EXPECT_EQ(a.kind, "shelling");
  EXPECT_TRUE(a.tags.empty());
  EXPECT_EQ(a.actor, "Military Forces of Arland (2020-)");
  EXPECT_EQ(a.target, "Brenn Liberation Front");
  EXPECT_EQ(*a.fatalities, 0);
  EXPECT_TRUE(has(a.summary, "\"heavy\" fire"));
  EXPECT_EQ(a.source_name, "ACLED");
  EXPECT_EQ(a.source_type, "other");
  EXPECT_EQ(a.reliability, "F");
  EXPECT_EQ(a.credibility, 6);
  // Every original column is kept, under "acled", as written (empty ones too).
  ASSERT_TRUE(a.extra.contains("acled"));
  EXPECT_EQ(a.extra["acled"].size(), 31u);
  EXPECT_EQ(a.extra["acled"]["source"], "Arland Herald; Brenn Daily");
  EXPECT_EQ(a.extra["acled"]["interaction"], "12");
  EXPECT_EQ(a.extra["acled"]["admin3"], "");
  EXPECT_EQ(a.extra["acled"]["latitude"], "48.1010");
  EXPECT_EQ(a.extra["acled_layout"], "current");

  const Report& b = ok(rows[1]);
  EXPECT_EQ(b.kind, "civilian_harm");
  EXPECT_EQ(b.time_precision, "week");
  EXPECT_EQ(b.location_precision_m, 10000);
  EXPECT_EQ(b.tags, (std::vector<std::string>{"civilian_targeting"}));
  EXPECT_EQ(b.extra["acled"]["tags"], "women targeted: girls");
  const Report& c = ok(rows[2]);
  EXPECT_EQ(c.kind, "group_presence");
  EXPECT_EQ(c.time_precision, "month");
  EXPECT_EQ(c.location_precision_m, 50000);
  EXPECT_TRUE(c.target.empty());
  const Report& d = ok(rows[3]);
  EXPECT_EQ(d.kind, "other");
  EXPECT_EQ(d.tags, (std::vector<std::string>{"explosive_device"}));
}

TEST(ImporterAcled, Layout2019To2022) {
  const auto rows = read_file(Format::acled, "acled_2019.csv");
  ASSERT_EQ(rows.size(), 2u);
  const Report& a = ok(rows[0]);
  EXPECT_EQ(a.source_id, "XAR501");
  EXPECT_EQ(a.observed_unix, *parse_iso_time("2018-10-12"));
  EXPECT_EQ(a.kind, "armed_clash");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"territory_change"}));
  EXPECT_EQ(*a.fatalities, 3);
  EXPECT_EQ(a.extra["acled_layout"], "2019-22");
  EXPECT_EQ(a.extra["acled"]["data_id"], "7001");
  EXPECT_EQ(a.extra["acled"]["iso3"], "XAR");
  EXPECT_EQ(a.extra["acled"].size(), 31u);
  const Report& b = ok(rows[1]);
  EXPECT_EQ(b.observed_unix, *parse_iso_time("2018-11-03"));
  EXPECT_EQ(b.kind, "other");
  EXPECT_EQ(b.tags, (std::vector<std::string>{"agreement"}));
}

TEST(ImporterAcled, LegacyUpperCaseLayout) {
  const auto rows = read_file(Format::acled, "acled_legacy.csv");
  ASSERT_EQ(rows.size(), 2u);
  const Report& a = ok(rows[0]);
  EXPECT_EQ(a.source_id, "XAR11");
  EXPECT_EQ(a.observed_unix, *parse_iso_time("2015-01-02"));  // dd/mm/yyyy
  EXPECT_EQ(a.kind, "armed_clash");
  EXPECT_EQ(a.actor, "Military Forces of Arland (1990-2020)");
  EXPECT_EQ(a.target, "Brenn Liberation Front");
  EXPECT_EQ(*a.fatalities, 2);
  EXPECT_EQ(a.summary, "Synthetic: fighting near Varo.");
  EXPECT_EQ(a.extra["acled_layout"], "legacy");
  EXPECT_EQ(a.extra["acled"]["EVENT_ID_CNTY"], "XAR11");
  EXPECT_EQ(a.extra["acled"]["ALLY_ACTOR_1"], "");
  EXPECT_EQ(a.extra["acled"].size(), 25u);
  const Report& b = ok(rows[1]);
  EXPECT_EQ(b.observed_unix, *parse_iso_time("2015-01-15"));
  EXPECT_EQ(b.time_precision, "week");
  EXPECT_EQ(b.location_precision_m, 50000);
  EXPECT_EQ(b.kind, "other");
  EXPECT_EQ(b.tags, (std::vector<std::string>{"remote_violence"}));
}

// An upper-cased header with the current layout's columns is the current layout (it was read
// as "legacy" by the header's case alone); a lower-cased legacy header stays legacy.
TEST(ImporterAcled, LayoutByColumnsNotCase) {
  const auto upper = read_file(Format::acled, "acled_revision_upper.csv");
  ASSERT_EQ(upper.size(), 1u);
  EXPECT_EQ(ok(upper[0]).extra["acled_layout"], "current");
  std::ifstream in(kData + std::string("acled_legacy.csv"), std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto eol = text.find('\n');
  std::transform(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(eol), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto lower = read_text(Format::acled, text);
  ASSERT_EQ(lower.size(), 2u);
  EXPECT_EQ(ok(lower[0]).extra["acled_layout"], "legacy");
}

// Repeated keys: nlohmann keeps the last value silently; the row is quarantined instead, in
// JSONL (top level and nested) and in GeoJSON properties.
TEST(ImporterJsonl, DuplicateKeysAreQuarantined) {
  const std::string tail = R"("lon":36.5,"lat":35.5,"kind":"patrol","source":{"name":"m"}})";
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","observed_at":"2018-10-13",)" + tail).error,
            "duplicate key 'observed_at'");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","lon":36.5,"lat":35.5,"kind":"patrol","source":{"name":"m","name":"n"}})")
                .error,
            "duplicate key 'source.name'");
  EXPECT_TRUE(report_from_jsonl(R"({"observed_at":"2018-10-12",)" + tail).report);
  const auto rows = read_text(Format::geojson, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"observed_at":"2018-10-12","kind":"patrol","kind":"shelling","source":"m"},"geometry":{"type":"Point","coordinates":[36.5,35.5]}},
{"type":"Feature","properties":{"observed_at":"2018-10-12","kind":"patrol","source":"m"},"geometry":{"type":"Point","coordinates":[36.5,35.5]}}]})");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].outcome.error, "duplicate key 'kind'");
  ok(rows[1]);
  EXPECT_EQ(open_error(Format::geojson, R"({"type":"FeatureCollection","type":"x","features":[]})"),
            "duplicate key 'type'");
}

// (0, 0) is a missing location written as zeros; 0 on one axis is a real place.
TEST(ReportModel, NullIslandAndBlankValues) {
  const std::string rest = R"("kind":"patrol","source":{"name":"m"}})";
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","lon":0,"lat":0,)" + rest).error,
            "lon 0, lat 0: a missing location written as zeros? (give no lon/lat, or a place)");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","lon":-0.0,"lat":0.0,"place":"Morek",)" + rest).error,
            "lon 0, lat 0: a missing location written as zeros? (give no lon/lat, or a place)");
  EXPECT_TRUE(report_from_jsonl(R"({"observed_at":"2018-10-12","lon":0,"lat":35.5,)" + rest).report);
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","place":"   ",)" + rest).error,
            "missing location: lon and lat, or place");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","place":"\u00a0\t",)" + rest).error,
            "missing location: lon and lat, or place");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","place":"Morek","kind":" ","source":{"name":"m"}})").error,
            "missing kind");
  EXPECT_EQ(report_from_jsonl(R"({"observed_at":"2018-10-12","place":"Morek","kind":"patrol","source":{"name":"  "}})").error,
            "missing source.name");
  const auto id = report_from_jsonl(R"({"observed_at":"2018-10-12","place":"Morek","source_id":" ",)" + rest);
  ASSERT_TRUE(id.report) << id.error;
  EXPECT_EQ(id.report->source_id, "") << "a blank source_id is none (not one record shared by every blank)";
  EXPECT_TRUE(blank("") && blank(" \t\r\n") && blank("\xC2\xA0\xE2\x80\xAF\xE3\x80\x80"));
  EXPECT_FALSE(blank(" a ") || blank("\xC2\xA1"));
}

TEST(ImporterAcled, BadRows) {
  const auto rows = read_file(Format::acled, "acled_bad.csv");
  ASSERT_EQ(rows.size(), 8u);
  std::map<std::size_t, std::string> error;
  for (const auto& r : rows) error[r.number] = r.outcome.error;
  EXPECT_EQ(error[2], "");
  EXPECT_EQ(error[3], "event_date '2024-02-30' is not a date (2018-10-12, 12 October 2018 or dd/mm/yyyy)");
  EXPECT_EQ(error[4], "lat 148.1 is outside [-90, 90]");
  EXPECT_EQ(error[5], "time_precision '4' is not ACLED's 1 (day), 2 (week) or 3 (month)");
  EXPECT_EQ(error[6], "geo_precision '9' is not ACLED's 1, 2 or 3");
  EXPECT_EQ(error[7], "missing event_type");
  EXPECT_EQ(error[8], "row has 3 fields, the header has 31");
  EXPECT_EQ(error[9], "fatalities must be a whole number >= 0 (got \"many\")");
  EXPECT_EQ(rows[6].raw, "XAR2007,2024-05-01,2024");
}

TEST(ImporterAcled, HeaderMustBeAcled) {
  const std::string e = open_error(Format::acled, "observed_at,lon,lat,kind,source\n");
  EXPECT_TRUE(has(e, "not an ACLED export")) << e;
  EXPECT_TRUE(has(e, "event_date, event_type, latitude, longitude, event_id_cnty")) << e;
  EXPECT_TRUE(has(open_error(Format::acled, ""), "empty file"));
  // A minimal ACLED header is enough (data_id stands in for event_id_cnty).
  const auto rows = read_text(Format::acled,
                              "data_id,event_date,event_type,latitude,longitude\n42,12 October 2018,Battles,48.1,36.5\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(ok(rows[0]).source_id, "42");
  EXPECT_EQ(ok(rows[0]).kind, "armed_clash");
  EXPECT_EQ(ok(rows[0]).location_precision_m, 50000);  // no geo_precision: the coarsest radius
  EXPECT_EQ(ok(rows[0]).extra["acled_layout"], "2019-22");
  EXPECT_EQ(open_reader(Format::acled, *std::make_unique<std::istringstream>("event_id_cnty,event_date,event_type,latitude,longitude\n"))
                ->format(),
            "acled");
}

TEST(ImporterAcled, Dates) {
  EXPECT_EQ(acled_date("2018-10-12"), "2018-10-12");
  EXPECT_EQ(acled_date(" 2018-1-2 "), "2018-01-02");
  EXPECT_EQ(acled_date("12 October 2018"), "2018-10-12");
  EXPECT_EQ(acled_date("1 october 2018"), "2018-10-01");
  EXPECT_EQ(acled_date("12-Oct-2018"), "2018-10-12");
  EXPECT_EQ(acled_date("03 Sept 2018"), "2018-09-03");
  EXPECT_EQ(acled_date("12/10/2018"), "2018-10-12");
  EXPECT_EQ(acled_date("2/1/2015"), "2015-01-02");
  EXPECT_EQ(acled_date("29/02/2016"), "2016-02-29");
  for (const char* bad : {"", "2018-13-01", "2018-02-30", "29/02/2015", "12/13/2018", "12 Foo 2018", "12 Oc 2018",
                          "12 October 18", "2018-10-12T08:00:00Z", "12/10/18", "October 12, 2018", "123/10/2018",
                          "12 October 2018x"})
    EXPECT_FALSE(acled_date(bad)) << bad;
}

TEST(ImporterAcled, KindTable) {
  auto kind = [](const char* e, const char* s) { return acled_kind(e, s).kind; };
  EXPECT_EQ(kind("Explosions/Remote violence", "Shelling/artillery/missile attack"), "shelling");
  EXPECT_EQ(kind("Explosions/Remote violence", "Air/drone strike"), "airstrike");
  EXPECT_EQ(kind("Battles", "Armed clash"), "armed_clash");
  EXPECT_EQ(kind("Violence against civilians", "Abduction/forced disappearance"), "civilian_harm");
  EXPECT_EQ(kind("Strategic developments", "Headquarters or base established"), "group_presence");
  EXPECT_EQ(kind("Protests", "Peaceful protest"), "other");
  EXPECT_EQ(kind("Riots", "Mob violence"), "other");
  EXPECT_EQ(kind("Protests", "Excessive force against protesters"), "civilian_harm");
  EXPECT_EQ(kind("BATTLES", "  ARMED CLASH "), "armed_clash");  // case and spaces do not matter
  EXPECT_EQ(acled_kind("Battles", "Non-state actor overtakes territory").tags,
            (std::vector<std::string>{"territory_change"}));
  // Legacy event types (no sub-event).
  EXPECT_EQ(kind("Battle-Government regains territory", ""), "armed_clash");
  EXPECT_EQ(kind("Violence against civilians", ""), "civilian_harm");
  EXPECT_EQ(kind("Headquarters or base established", ""), "group_presence");
  EXPECT_EQ(acled_kind("Riots/Protests", "").tags, (std::vector<std::string>{"riot_or_protest"}));
  // Unknown: other, flagged.
  const AcledKind u = acled_kind("Cyber operations", "Denial of service");
  EXPECT_EQ(u.kind, "other");
  EXPECT_EQ(u.tags, (std::vector<std::string>{"unmapped_acled_type"}));
  const AcledKind v = acled_kind("Battles", "Naval clash");  // known type, unknown sub-event
  EXPECT_EQ(v.kind, "armed_clash");
  EXPECT_EQ(v.tags, (std::vector<std::string>{"unmapped_acled_type"}));
  // Every kind the table yields is in the vocabulary.
  for (const char* s : {"Armed clash", "Government regains territory", "Non-state actor overtakes territory",
                        "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
                        "Grenade", "Suicide bomb", "Chemical weapon", "Attack", "Abduction/forced disappearance",
                        "Sexual violence", "Peaceful protest", "Protest with intervention",
                        "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
                        "Arrests", "Change to group/activity", "Disrupted weapons use",
                        "Headquarters or base established", "Looting/property destruction",
                        "Non-violent transfer of territory", "Other"}) {
    const AcledKind k = acled_kind("", s);
    EXPECT_NE(std::find(report_kinds().begin(), report_kinds().end(), k.kind), report_kinds().end()) << s;
    EXPECT_EQ(std::find(k.tags.begin(), k.tags.end(), "unmapped_acled_type"), k.tags.end()) << s;
  }
}

// report_from_jsonl() reads most lines with simdjson and leaves the rest to nlohmann +
// report_from_json(): both paths must give the same report, the same canonical JSON (the
// content hash) and the same error.
RowOutcome reference_jsonl(const std::string& line) {
  RowOutcome out;
  if (!valid_utf8(line)) {
    out.error = "invalid UTF-8";
    return out;
  }
  nlohmann::json o;
  DuplicateKeys keys;
  try {
    o = nlohmann::json::parse(line, std::ref(keys));
  } catch (const nlohmann::json::exception&) {
    out.error = "invalid JSON";
    return out;
  }
  if (!keys.found().empty()) {
    out.error = "duplicate key '" + keys.found().begin()->second + "'";
    return out;
  }
  return report_from_json(o);
}

void expect_same_as_reference(const std::string& line) {
  const RowOutcome fast = report_from_jsonl(line), ref = reference_jsonl(line);
  ASSERT_EQ(fast.report.has_value(), ref.report.has_value()) << line << "\n" << fast.error << "\n" << ref.error;
  if (!ref.report) {
    if (ref.error != "invalid JSON") {
      EXPECT_EQ(fast.error, ref.error) << line;
    }
    return;
  }
  const std::string canonical = ref.report->to_json().dump();
  EXPECT_EQ(fast.report->to_json().dump(), canonical) << line;
  EXPECT_EQ(fast.report->canonical_json(), canonical) << line;
  EXPECT_EQ(ref.report->canonical_json(), canonical) << line;
}

TEST(Jsonl, FastPathAgreesWithReference) {
  const std::string base =
      R"({"observed_at":"2019-03-04T05:00:00Z","lon":36.2896,"lat":34.93039,"kind":"shelling",)"
      R"("source":{"name":"source-23","type":"media"},"reliability":"C","credibility":3,"summary":"synthetic report 0"})";
  std::vector<std::string> lines{
      base,
      R"({"observed_at":"2018-10-12","place":"Idlib","kind":"airstrike","source":{"name":"x"}})",
      R"({"observed_at":"2018-10-12T08:30:00+03:00","time_precision":"hour","reported_at":"2018-10-13","lon":-0,"lat":0,"kind":"other","source":{"name":"a","type":"ngo","url":"http://x/y"},"tags":["a","b\"c"],"weapon_class":"mortar","weapon_count":2,"actor":"A","target":"B","fatalities":0,"injured":3,"summary":"tab\there \u00e9 \ud83d\ude00","source_id":"s1","supersedes":"r0123","id":"rX","superseded_by":null,"location_precision_m":250})",
      R"({"observed_at":"2018-10-12","lon":-0.0,"lat":-0.0,"kind":"other","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":1e2,"lat":1E-7,"kind":"other","source":{"name":"a"},"location_precision_m":1.5e3})",
      R"({"observed_at":"2018-10-12","lon":180,"lat":-90,"kind":"other","source":{"name":"a"},"credibility":"3"})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","kind":"shelling","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a","name":"b"}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a","lang":"ar"},"extra":[1,{"z":null}]})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"}} {})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"}}x)",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"summary":"\ud800"})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"summary":"\udc00x"})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"summary":"\u0000\u001f\/"})",
      "{\"observed_at\":\"2018-10-12\",\"lon\":1,\"lat\":2,\"kind\":\"other\",\"source\":{\"name\":\"a\"},\"summary\":\"raw\x01\"}",
      "{\"observed_at\":\"2018-10-12\",\t\"lon\":1,\"lat\":2,\"kind\":\"other\",\"source\":{\"name\":\"a\"}}\r",
      R"({"observed_at":"2018-10-12","lon":1e999,"lat":2,"kind":"other","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"fatalities":18446744073709551615})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"fatalities":99999999999999999999999})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"fatalities":-1})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"injured":2.0})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"shelling","source":{"name":"a"},"explosions":17})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"shelling","source":{"name":"a"},"explosions":-1})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"shelling","source":{"name":"a"},"explosions":9007199254740993})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"injured":9007199254740992})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"injured":9007199254740993})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"weapon_count":9223372036854775807})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"location_precision_m":1e300})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"location_precision_m":1000000})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"location_precision_m":1000000.001})",
      R"({"observed_at":"10/12/2018 08:30","lon":1,"lat":2,"kind":"other","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":null,"kind":"other","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":null,"lat":null,"place":"x","kind":"other","source":{"name":"a","type":null,"url":null}})",
      R"({"observed_at":"2018-10-12","lon":"1","lat":"2","kind":"other","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":7}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":null})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":""}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"tags":null,"summary":null})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"tags":[]})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"tags":[1]})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"reliability":"G"})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"credibility":0})",
      R"({"observed_at":"2018-10-12T08:30:00","lon":1,"lat":2,"kind":"other","source":{"name":"a"}})",
      R"({"observed_at":20181012,"lon":1,"lat":2,"kind":"other","source":{"name":"a"}})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"source_id":12})",
      R"({"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"},"id":[[[[[[]]]]]]})",
      R"([{"observed_at":"2018-10-12","lon":1,"lat":2,"kind":"other","source":{"name":"a"}}])",
      "{\"observed_at\":\"2018-10-12\",\"lon\":1,\"lat\":2,\"kind\":\"other\",\"source\":{\"name\":\"\xc3\x28\"}}",
      "", "null", "{", "{}", "\xef\xbb\xbf{}"};
  for (const char* file : {"reports.jsonl", "fuzz-regressions/number-overflow.jsonl"}) {
    std::istringstream in(slurp(kData + file));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  for (const auto& line : lines) expect_same_as_reference(line);
  // Random byte edits of valid lines (deterministic).
  uint64_t seed = 42;
  auto rnd = [&](std::size_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((seed >> 33) % n);
  };
  const std::string alphabet = "{}[]\":,.-+eE0123456789 \\/nulltruefalse\x01\x7f\xc3\xa9\xff";
  for (int i = 0; i < 20000; ++i) {
    std::string line = lines[rnd(3)];
    for (int k = 0, edits = 1 + static_cast<int>(rnd(3)); k < edits; ++k) {
      const std::size_t at = rnd(line.size());
      switch (rnd(3)) {
        case 0: line[at] = alphabet[rnd(alphabet.size())]; break;
        case 1: line.insert(at, 1, alphabet[rnd(alphabet.size())]); break;
        default: line.erase(at, 1);
      }
    }
    expect_same_as_reference(line);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
// ACLED: every column is kept under its name in "acled"; a repeated name gets "#N" and an
// empty one "column_N" (N: the column number), the reader's fields come from the first column
// of each name whatever its case, and a header without repeats keeps the names as they are.
TEST(ImporterAcled, RepeatedAndEmptyColumnNamesGetTheirOwnKeys) {
  const auto rows = read_text(Format::acled,
                              "event_id_cnty,event_date,event_type,latitude,longitude,Notes,notes,Notes,\n"
                              "SYR1,2018-10-12,Battles,35.1,36.6,a,b,c,d\n");
  ASSERT_EQ(rows.size(), 1u);
  const Report& r = ok(rows[0]);
  EXPECT_EQ(r.summary, "a");
  EXPECT_EQ(r.extra["acled"], (nlohmann::json{{"event_id_cnty", "SYR1"}, {"event_date", "2018-10-12"},
                                              {"event_type", "Battles"}, {"latitude", "35.1"}, {"longitude", "36.6"},
                                              {"Notes", "a"}, {"notes", "b"}, {"Notes#8", "c"}, {"column_9", "d"}}));
  const auto plain = read_text(Format::acled, "EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,LATITUDE,LONGITUDE,NOTES\n"
                                              "SYR2,2018-10-13,Battles,35.1,36.6,x\n");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(ok(plain[0]).summary, "x");
  EXPECT_EQ(ok(plain[0]).extra["acled"]["NOTES"], "x");
}


// report_from_fields (the CSV and ACLED readers' entry) and report_from_json read the same
// fields by one set of rules: for the same values, given as text in a ReportFields and as JSON
// strings in an object, the same report, canonical JSON (the content hash) and error, for good
// values and bad ones alike.
namespace fields_vs_json {

using F = ReportFields;

struct Case {
  std::vector<std::pair<F::Field, std::string>> text;
  std::optional<std::vector<std::string>> tags;
  std::vector<std::pair<std::string, std::string>> text_members;
  std::vector<std::pair<std::string, nlohmann::json>> json_members;
};

void expect_same(const Case& c, const ReadOptions& options, const std::string& what) {
  ReportFields f;
  nlohmann::json o = nlohmann::json::object();
  for (const auto& [field, value] : c.text) {
    f.text[field] = value;
    if (field >= F::source_name) o["source"][F::key(field)] = value;
    else o[F::key(field)] = value;
  }
  if (c.tags) {
    f.tags_given = true;
    for (const auto& t : *c.tags) f.tags.push_back(t);
    o["tags"] = *c.tags;
  }
  for (const auto& [k, v] : c.text_members) f.members.push_back({k, v}), o[k] = v;
  std::vector<nlohmann::json> values;  // report_from_fields moves them out
  values.reserve(c.json_members.size());
  for (const auto& [k, v] : c.json_members) values.push_back(v), o[k] = v;
  for (std::size_t i = 0; i < c.json_members.size(); ++i) f.members.push_back({c.json_members[i].first, {}, &values[i]});

  const RowOutcome flat = report_from_fields(f, options), ref = report_from_json(o, options);
  ASSERT_EQ(flat.report.has_value(), ref.report.has_value()) << what << "\n" << o.dump() << "\n" << flat.error << "\n" << ref.error;
  EXPECT_EQ(flat.error, ref.error) << what << "\n" << o.dump();
  if (!ref.report) return;
  EXPECT_EQ(flat.report->canonical_json(), ref.report->canonical_json()) << what;
  EXPECT_EQ(flat.report->to_json().dump(), ref.report->to_json().dump()) << what;
}

}  // namespace fields_vs_json

TEST(ReportFields, SameReportAndErrorsAsTheJsonEntry) {
  using namespace fields_vs_json;
  const Case base{{{F::observed_at, "2019-03-04T05:00:00Z"},
                   {F::lon, "36.2896"},
                   {F::lat, "34.93039"},
                   {F::kind, "shelling"},
                   {F::source_name, "Monitor"}},
                  {}, {}, {}};
  // Values for every field, good and bad (blank, not numbers, out of range, decimal commas,
  // overflowing counts, naive and slashed dates, unknown vocabularies, quotes).
  const std::vector<std::string> values{
      "", "  ", "\xC2\xA0", "\xE3\x80\x80", "abc", "a\"b\\c", "36,5", "36.5", " 36.5", "36.5 ", "+36", "-0", "0", "0x1p4",
      "1e400", "1e-400", "inf", "nan", "5", "007", "-3", "1.5", "7", "9007199254740992", "9007199254740993",
      "18446744073709551616", "2019-03-04", "2019-03-04T08:30", "2019-03-04 08:30", "04/03/2019",
      "2019-03-04T08:30:00+03:00", "minute", "week", "fortnight", "A", "F", "G", "AB", "shelling", "other",
      "media", "bogus", "1000", "2e6", "http://x/y", std::string("a\0b", 3)};
  ReadOptions with_zone;
  with_zone.tz = std::make_shared<const TimeZone>(TimeZone::parse("Europe/Kyiv"));
  with_zone.default_source = "Fallback";
  std::size_t cases = 0;
  for (unsigned field = 0; field < F::kFieldCount; ++field)
    for (const auto& v : values)
      for (const ReadOptions* options : {static_cast<const ReadOptions*>(&with_zone), static_cast<const ReadOptions*>(nullptr)}) {
        Case c = base;
        auto it = std::find_if(c.text.begin(), c.text.end(), [&](const auto& p) { return p.first == field; });
        if (it != c.text.end()) it->second = v;
        else c.text.emplace_back(static_cast<F::Field>(field), v);
        expect_same(c, options ? *options : ReadOptions{}, std::string(F::key(static_cast<F::Field>(field))) + "=" + v);
        ++cases;
      }
  // A field left out (each required one in turn).
  for (const F::Field gone : {F::observed_at, F::lon, F::lat, F::kind, F::source_name}) {
    Case c = base;
    c.text.erase(std::find_if(c.text.begin(), c.text.end(), [&](const auto& p) { return p.first == gone; }));
    expect_same(c, {}, std::string("without ") + F::key(gone));
    expect_same(c, with_zone, std::string("without ") + F::key(gone) + ", with --tz/--source");
  }
  // Tags, and the members that are not fields: extra fields as text or JSON, `cites` (checked),
  // output-only keys (ignored), "source.x" (kept inside source by to_json).
  std::vector<Case> others;
  for (const auto& tags : std::vector<std::vector<std::string>>{{}, {"a"}, {"b", "a", "a"}}) {
    Case c = base;
    c.tags = tags;
    others.push_back(c);
  }
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"Notes", "n"}, {"cites", "Outlet"}, {"cites", ""}, {"superseded_by", "r1"}, {"effective_lon", "1"},
           {"source.desk", "north"}, {"extra", "{not json"}, {"csv.place", " x "}}) {
    Case c = base;
    c.text_members.emplace_back(k, v);
    others.push_back(c);
  }
  for (const auto& [k, v] : std::vector<std::pair<std::string, nlohmann::json>>{
           {"cites", {"A", "B"}}, {"cites", {"A", ""}}, {"cites", nullptr}, {"cites", 3}, {"desk", {{"a", 1}}},
           {"score", 1.5}, {"ledger_index", 4}}) {
    Case c = base;
    c.json_members.emplace_back(k, v);
    others.push_back(c);
  }
  for (const auto& c : others) {
    expect_same(c, {}, nlohmann::json(c.text_members).dump() + nlohmann::json(c.json_members).dump());
    ++cases;
  }
  EXPECT_GT(cases, 2000u);
}

// Numbers written as text are read as std::stod reads them (all of the text, no exception
// escapes): report_from_fields and report_from_json no longer call stod, so the reading is
// checked against it here.
TEST(ReportFields, NumbersAsTextAreReadAsStodReadsThem) {
  for (const std::string s : {"36.5", " 36.5", "36.5 ", "+36", "-0", "0x1p4", "0x10", "1e400", "1e-400", "1e-310", "inf",
                              "-inf", "nan", "", ".5", "5.", "1e", "36,5", "3 6", "\t7", "1_0", "0b1"}) {
    std::optional<double> want;
    try {
      std::size_t used = 0;
      const double d = std::stod(s, &used);
      if (used == s.size() && std::isfinite(d)) want = d;
    } catch (const std::exception&) {
    }
    ReportFields f;
    f.text[ReportFields::observed_at] = "2019-03-04";
    f.text[ReportFields::place] = "Idlib";
    f.text[ReportFields::kind] = "other";
    f.text[ReportFields::source_name] = "M";
    f.text[ReportFields::location_precision_m] = s;
    const RowOutcome o = report_from_fields(f);
    if (want && *want >= 0 && *want <= kMaxLocationPrecisionM) {
      ASSERT_TRUE(o.report) << "'" << s << "': " << o.error;
      EXPECT_EQ(o.report->location_precision_m, *want) << s;
    } else if (!want) {
      EXPECT_EQ(o.error, "location_precision_m must be a finite number (got " + nlohmann::json(s).dump() + ")" +
                             (s == "36,5" ? ": decimal commas are not read, write 36.5" : ""))
          << s;
    }
  }
}

}  // namespace truceline::store
