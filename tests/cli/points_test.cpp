// `truceline locate`'s GeoJSON points reader (cli/points.hpp), issue 15 "Streaming everywhere":
// it reads a FeatureCollection as a stream, with the same rows and the same errors (file, line
// and column, feature number, field) as the reader that parsed the whole file, and memory that
// does not grow with the features.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_memory.hpp"
#include "support/temp_dir.hpp"
#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"

namespace truceline::cli {
namespace {

using nlohmann::json;

// What a reader gives for a text: "place|id|lon|lat|error" per row, then "ERROR message" when
// it throws (at opening or while reading).
std::vector<std::string> rows_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  try {
    const auto reader = open_points("-", in);
    PointRow row;
    while (reader->next(row))
      out.push_back(reader->place(row) + "|" + std::string(row.id()) + "|" + std::string(row.lon_text()) + "|" +
                    std::string(row.lat_text()) + "|" + row.error);
  } catch (const InputError& e) {
    out.push_back(std::string("ERROR ") + e.what());
  }
  return out;
}

// The reader as it was before it streamed (the whole text parsed by io::parse_json, then the
// features one by one): the reference the streaming reader must agree with.
std::vector<std::string> rows_of_whole_reader(const std::string& text) {
  std::vector<std::string> out;
  const std::string name = "<stdin>";
  auto has_type = [](const json& o, const char* type) {
    const auto it = o.find("type");
    return it != o.end() && it->is_string() && it->get_ref<const std::string&>() == type;
  };
  try {
    json doc = io::parse_json(text, name);
    if (!doc.is_object() || !has_type(doc, "FeatureCollection") || !doc.contains("features") ||
        !doc["features"].is_array())
      throw InputError(name + ": points must be a GeoJSON FeatureCollection of Points");
    std::size_t i = 0;
    for (const auto& f : doc["features"]) {
      ++i;
      std::string id = std::to_string(i), lon, lat, error;
      if (f.is_object() && f.contains("id") && (f["id"].is_string() || f["id"].is_number()))
        id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
      else if (f.is_object() && f.contains("properties") && f["properties"].is_object() &&
               f["properties"].contains("id") && !f["properties"]["id"].is_null())
        id = f["properties"]["id"].is_string() ? f["properties"]["id"].get<std::string>()
                                               : f["properties"]["id"].dump();
      if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object() || !has_type(f["geometry"], "Point")) {
        error = "geometry is not a Point";
      } else {
        const auto& c = f["geometry"].value("coordinates", json());
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
          error = "coordinates must be [lon, lat] numbers";
        } else {
          lon = c[0].dump();
          lat = c[1].dump();
          const double x = c[0].get<double>(), y = c[1].get<double>();
          if (x < -180 || x > 180) error = "lon " + lon + " is outside [-180, 180]";
          else if (y < -90 || y > 90) error = "lat " + lat + " is outside [-90, 90]";
        }
      }
      out.push_back(name + ": feature " + std::to_string(i) + "|" + id + "|" + lon + "|" + lat + "|" + error);
    }
  } catch (const InputError& e) {
    out.push_back(std::string("ERROR ") + e.what());
  }
  return out;
}

TEST(GeoJsonPoints, SameRowsAndErrorsAsReadingTheWholeFile) {
  const std::string p = R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5, 35.6]}})";
  const std::vector<std::string> texts = {
      R"({"type": "FeatureCollection", "features": []})",
      "{\"type\": \"FeatureCollection\", \"features\": [" + p + "]}",
      // ids: the feature's (string, integer, float), the property's, the feature number
      R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"a,b","geometry":{"type":"Point","coordinates":[1,2]}},)"
      R"({"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[1.50,2e1]}},)"
      R"({"type":"Feature","id":7.25,"properties":{"id":"x"},"geometry":{"type":"Point","coordinates":[-180,-90]}},)"
      R"({"type":"Feature","properties":{"id":12,"deep":{"a":[1,{"b":null}]}},"geometry":{"type":"Point","coordinates":[180,90,5]}},)"
      R"({"type":"Feature","properties":{"id":null},"geometry":{"type":"Point","coordinates":[0,0]}}]})",
      // bad features: not a Point, not an object, bad coordinates, out of range
      R"({"features":[1,"x",null,[],{"geometry":null},{"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},)"
      R"({"geometry":{"type":"Point","coordinates":[1]}},{"geometry":{"type":"Point","coordinates":["1","2"]}},)"
      R"({"geometry":{"type":"Point","coordinates":[200,0]}},{"geometry":{"type":"Point","coordinates":[0,95]}},)"
      R"({"geometry":{"type":"Point"}},{"geometry":{"type":7,"coordinates":[0,0]}}],"type":"FeatureCollection"})",
      // a repeated key: the last value
      R"({"type":"FeatureCollection","features":[{"id":"a","id":"b","geometry":{"type":"Point","coordinates":[0,0]},)"
      R"("geometry":{"type":"Point","coordinates":[3,4]}}]})",
      // other members of the collection are skipped, whatever they hold
      R"({"bbox":[[1,2],{"features":[1]}],"type":"FeatureCollection","name":{"type":"x"},"features":[)" + p + "]}",
      // not a FeatureCollection
      R"({"type": "Feature", "features": []})",
      R"({"type": 7, "features": []})",
      R"({"type": ["FeatureCollection"], "features": []})",
      R"({"type": "FeatureCollection"})",
      R"({"type": "FeatureCollection", "features": {}})",
      R"({"type": "FeatureCollection", "features": 3})",
      "{\"features\": [" + p + "]}",
      "{\"features\": [" + p + "], \"type\": \"Polygon\"}",
      R"({})",
      // not JSON: syntax errors before, inside and after the features, at the end, after it
      "\n{\"type\": \"FeatureCollection\", \"features\": [\n " + p + ",,\n]}\n",
      "\n\n  {\"type\": \"FeatureCollection\", \"features\": [\n " + p + ",\n " + p + "\n",
      R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [36.5, 35.6x]}}]})",
      R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [1e999, 0]}}]})",
      R"({"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": [tru, 0]}}]})",
      "{\"type\": \"FeatureCollection\", \"features\": []} {}",
      "{\"type\": \"FeatureCollection\", \"features\": []}\r\n\r\n   x",
      "{\"type\": \"Feature\u00e9Collection\", \"features\": [\"\xff\"]}",
      "{\"type\": \"FeatureCollection\", \"features\": [" + p + "]",
      "{",
  };
  for (const auto& text : texts) EXPECT_EQ(rows_of(text), rows_of_whole_reader(text)) << text;
}

// Read whole, a repeated member took its last value; streamed, the features of the first would
// already be out: a collection that says two things is refused instead.
TEST(GeoJsonPoints, ARepeatedTypeOrFeaturesMemberIsRefused) {
  const std::string p = R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5, 35.6]}})";
  const std::vector<std::string> refused = {"ERROR <stdin>: points must be a GeoJSON FeatureCollection of Points"};
  EXPECT_EQ(rows_of("{\"type\": \"FeatureCollection\", \"features\": [" + p + "], \"features\": []}"), refused);
  EXPECT_EQ(rows_of("{\"type\": \"Feature\", \"features\": [" + p + "], \"type\": \"FeatureCollection\"}"), refused);
  EXPECT_EQ(rows_of("{\"type\": \"FeatureCollection\", \"type\": \"FeatureCollection\", \"features\": []}"), refused);
}

// A FeatureCollection of `n` points, one per line.
void write_points(const std::string& path, std::size_t n, const std::string& tail = "]}\n") {
  std::ofstream f(path, std::ios::binary);
  f << "{\"type\": \"FeatureCollection\", \"features\": [\n";
  for (std::size_t i = 0; i < n; ++i)
    f << (i ? ",\n" : "") << R"( {"type": "Feature", "id": "p)" << i
      << R"(", "properties": {"name": "synthetic point", "n": )" << i
      << R"(}, "geometry": {"type": "Point", "coordinates": [)" << 36 + (i % 1000) * 0.001 << ", "
      << 35 + (i % 997) * 0.001 << "]}}";
  f << tail;
}

TEST(GeoJsonPoints, ASyntaxErrorPastTheReadAheadComesAfterTheRowsBeforeIt) {
  test::TempDir t("truceline-points");
  const std::size_t n = 20000;  // more than the 16 384 features read before the first row
  write_points(t / "late.geojson", n, ",,\n]}\n");
  std::ifstream dummy;
  const auto reader = open_points(t / "late.geojson", dummy);
  PointRow row;
  std::size_t rows = 0;
  try {
    while (reader->next(row)) {
      ASSERT_TRUE(row.error.empty()) << row.error;
      ++rows;
    }
    FAIL() << "no error after " << rows << " rows";
  } catch (const InputError& e) {
    EXPECT_EQ(rows, n);
    // The line of the second comma: the header line, then one line per feature.
    EXPECT_NE(std::string(e.what()).find("late.geojson:" + std::to_string(n + 1) + ":"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("invalid JSON: syntax error while parsing value"), std::string::npos)
        << e.what();
  }
}

TEST(GeoJsonPoints, StoppingEarlyEndsTheReader) {
  test::TempDir t("truceline-points");
  write_points(t / "big.geojson", 50000);
  std::ifstream dummy;
  for (int k = 0; k < 3; ++k) {
    const auto reader = open_points(t / "big.geojson", dummy);
    PointRow row;
    for (int i = 0; i < 10 * k; ++i) ASSERT_TRUE(reader->next(row));
  }  // the destructor stops the parser thread, which is waiting on a full queue
}

// Peak memory added by reading every row of `path` (kB, in a child), -1 on failure.
long read_growth_kb(const std::string& path, std::size_t expected_rows) {
  return test::peak_growth_kb_in_child([&] {
    std::ifstream dummy;
    const auto reader = open_points(path, dummy);
    PointRow row;
    std::size_t n = 0;
    while (reader->next(row)) n += row.error.empty();
    return n == expected_rows;
  });
}

// CSV points: records without a quote or a CR are split in place by a fast path (and their
// short decimals converted without std::from_chars); every other record goes through the
// general reader. The two must give the same rows, coordinates and errors for any input.

// "place|id|lon|lat|error|lon bits|lat bits" per row, then "ERROR message" when it throws;
// for a good row, also whether its coordinates are what std::from_chars makes of the texts.
std::vector<std::string> csv_rows(const std::string& text, bool fast) {
  std::vector<std::string> out;
  std::istringstream in(text);
  auto bits = [](double v) {
    std::uint64_t u;
    std::memcpy(&u, &v, sizeof u);
    return std::to_string(u);
  };
  auto reference = [](const std::string& t) {
    double v = -999;
    const char* b = t.data() + (!t.empty() && t[0] == '+');
    std::from_chars(b, t.data() + t.size(), v);
    return v;
  };
  try {
    const auto reader = open_points("-", in, fast);
    PointRow row;
    while (reader->next(row)) {
      const std::string lon(row.lon_text()), lat(row.lat_text());
      std::string r = reader->place(row) + "|" + std::string(row.id()) + "|" + lon + "|" + lat + "|" + row.error +
                      "|" + bits(row.p.lon_deg) + "|" + bits(row.p.lat_deg) + (row.id_plain ? "" : "|quoted id");
      if (row.error.empty() && (bits(row.p.lon_deg) != bits(reference(lon)) || bits(row.p.lat_deg) != bits(reference(lat))))
        r += "|NOT FROM_CHARS";
      out.push_back(std::move(r));
    }
  } catch (const InputError& e) {
    out.push_back(std::string("ERROR ") + e.what());
  }
  return out;
}

void expect_same_both_ways(const std::string& text) {
  const auto general = csv_rows(text, false), fast = csv_rows(text, true);
  EXPECT_EQ(fast, general) << text.substr(0, 2000);
  for (const auto& r : fast) EXPECT_EQ(r.find("NOT FROM_CHARS"), std::string::npos) << r;
}

TEST(CsvPoints, FastPathGivesTheGeneralReadersRowsAndErrors) {
  const std::vector<std::string> texts = {
      "id,lon,lat\np1,36.5,35.6\np2,-180,-90\np3,180,90\n",
      "id,lon,lat\np1,36.5,35.6",                           // no final line break
      "lon,lat\n1,2\n\n3,4\n   \n\t\n5,6\n",                 // no id (row numbers), blank lines
      "\n\n LON , Latitude ,ID\n1,2,a\n",                  // header after blank lines, any case, trimmed
      "id,lon,lat,lon\np,1,2,3\n",                          // a repeated column: the last
      "lat,x,lon,id\n1,,2, spaced id \n",                   // columns in any order, id untrimmed
      "id,lon,lat\np,1,2,3\np,1\n , \n,\n",                 // wrong field counts (a comma-only line too)
      "id,lon,lat\np,1,200\np,1,-90.0001\np,181,1\np,,1\np, ,1\np,1,\n",  // out of range, empty
      "id,lon,lat\np,+1,+-2\np,++1,2\np,1e1,2E-1\np,inf,1\np,nan,1\np,-inf,1\np,0x10,1\n",
      "id,lon,lat\np,5.,.5\np,.,1\np,-.,1\np,-,1\np,-0,-0.0\np,3.4.5,1\np,1_0,1\n",
      "id,lon,lat\np,123456789012345,1\np,1.23456789012345,1\np,1.234567890123456,1\np,0.000000000000001,1\n",
      "id,lon,lat\np,00000000000000037.5,1\np,37.36051521000000001,1\np,\xEF\xBB\xBF" "5,1\n",
      "\xEF\xBB\xBFid,lon,lat\np,1,2\n\xEF\xBB\xBFq,1,2\n",  // a BOM at the start, and one mid-file
      "id,lon,lat\r\np,1,2\r\nq,3,4\rr,5,6\n",              // CR LF, a bare CR
      "id,lon,lat\n\"p,1\",1,2\n\"q\"\"\",\"3\",4\np\"x,1,2\n",  // quotes (one mid-field)
      "id,lon,lat\n\"a\nb\",1,2\nc,3,4\n",                   // a line break inside quotes
      "id,lon,lat\n\"a\"b,1,2\nc,3,4\n",                     // text after a closing quote
      "id,lon,lat\np,1,2\n\"unterminated,1,2\nq,3,4\n",
      "id,lon,lat\np,1,2\n\xff\xfe,1,2\n",
      "id;lon;lat\np;1;2\n", "", "\n\n", "id,x,y\n1,2,3\n", "id,lon,lat\n",
  };
  for (const auto& t : texts) expect_same_both_ways(t);
}

// The fast path remembers where the next quote and CR lie in its buffer (cli/points.cpp,
// next_special): plain rows before and after them, several in a row, one at a buffer's first
// and last byte, a quote in one buffer and a CR in the next.
TEST(CsvPoints, FastPathFindsEveryQuoteAndCrAfterPlainRows) {
  auto plain = [](std::size_t n, char tag) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += std::string(1, tag) + std::to_string(i) + ",1.5,2.5\n";
    return s;
  };
  expect_same_both_ways("id,lon,lat\n" + plain(50, 'a') + "\"q\",1,2\n" + plain(50, 'b') + "r,3,4\r\n" + plain(50, 'c'));
  expect_same_both_ways("id,lon,lat\n" + plain(10, 'a') + "\"q1\",1,2\n\"q2\",1,2\nx,1,2\r\ny,1,2\r\n" + plain(10, 'b'));
  expect_same_both_ways("id,lon,lat\n" + plain(5, 'a') + "p\"x,1,2\n" + plain(5, 'b') + "\"unterminated,1,2\n" + plain(5, 'c'));
  // Rows of every length around the 512-byte first buffer and the 64 KiB largest one.
  for (std::size_t pad : {0, 1, 7, 300, 499, 500, 501}) {
    const std::string head = "id,lon,lat\n" + std::string(pad, 'i') + ",1,2\n";
    expect_same_both_ways(head + "\"q\",3,4\n" + plain(3000, 'a') + "r,5,6\r\n" + plain(3000, 'b') + "\"s\",7,8\n");
  }
}

TEST(CsvPoints, FastPathAgreesOnGeneratedAndMutatedFiles) {
  std::mt19937_64 rng(15);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<std::string> headers = {"id,lon,lat", "lon,lat", "lat,lon,id,extra", " ID , LONGITUDE , latitude "};
  const std::vector<std::string> odd = {"", " ", "+1", "-0", "5.", ".5", ".", "1e2", "inf", "nan", "1,2", "\"1\"", "\"a\nb\"",
                                        "a\"b", "\r", "\r\n", "\xEF\xBB\xBF", "200", "-90.5", "\t7\t", "1.2345678901234567"};
  // A random decimal with 1 to 17 digits and the point anywhere (or none), in or out of range.
  auto number = [&](double range) {
    std::string digits = std::to_string(rng() % 100000000000000000ULL).substr(0, 1 + pick(17));
    std::string s = std::to_string(static_cast<long long>(pick(static_cast<std::size_t>(range) + 1)));
    if (pick(3)) s += "." + digits;
    return (pick(2) ? "-" : "") + s;
  };
  for (int file = 0; file < 60; ++file) {
    const std::string& header = headers[pick(headers.size())];
    const std::size_t ncols = static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
    std::string text = header + (pick(4) ? "\n" : "\r\n");
    const std::size_t rows = file < 10 ? 20000 : 1 + pick(3000);  // past several 64 KiB buffers
    for (std::size_t r = 0; r < rows; ++r) {
      std::vector<std::string> f(ncols);
      for (std::size_t c = 0; c < ncols; ++c) f[c] = c % 2 ? number(90) : (pick(4) ? number(180) : "p" + std::to_string(r));
      if (pick(50) == 0) f[pick(ncols)] = odd[pick(odd.size())];  // a mutation
      if (pick(200) == 0) f.push_back("x");                        // an extra column
      if (pick(200) == 0) f.pop_back();                            // a missing one
      std::string line;
      for (std::size_t c = 0; c < f.size(); ++c) line += (c ? "," : "") + f[c];
      if (pick(300) == 0) line = std::string(pick(3), ' ');        // a blank line
      text += line + (pick(100) == 0 ? "\r\n" : "\n");
    }
    if (pick(3) == 0) text.pop_back();  // no final line break
    expect_same_both_ways(text);
  }
  // Records longer than the reader's 64 KiB buffer, and one over 1 MiB (a bad row).
  expect_same_both_ways("id,lon,lat\np,1,2\n" + std::string(100000, 'x') + ",1,2\nq,3,4\n");
  expect_same_both_ways("id,lon,lat\np,1,2\n" + std::string(1100000, 'x') + ",1,2\nq,3,4\n");
}

// The fast path's decimals (short_decimal_in_buffer: integer digits one by one, the
// fractional ones eight bytes at a time) against the general reader's and std::from_chars,
// bit for bit: every count of integer (0-4) and fractional (0-17) digits, signs, leading
// zeros, a point without digits, at every offset from the start of a 16-byte block and from
// the end of the reader's buffer (rows padded by an id of 1 to 40 bytes, so that fields end
// 0 to 15 bytes before a buffer's end).
TEST(CsvPoints, FastPathDecimalsAreTheGeneralReadersBitForBit) {
  std::mt19937_64 rng(1515);
  auto digits = [&](std::size_t n) {
    std::string d;
    for (std::size_t i = 0; i < n; ++i) d += static_cast<char>('0' + rng() % 10);
    return d;
  };
  const std::vector<std::string> signs = {"", "", "", "-", "+", "+-", "-+", "--"};
  auto number = [&] {
    const std::size_t int_digits = rng() % 5, frac_digits = rng() % 18;
    std::string s = signs[rng() % signs.size()] + (rng() % 8 == 0 ? "0" : "") + digits(int_digits);
    if (rng() % 6) s += "." + digits(frac_digits);
    return s;
  };
  for (int file = 0; file < 8; ++file) {
    std::string text = file % 2 ? "lon,lat,id\n" : "id,lon,lat\n";
    for (std::size_t r = 0; r < 12000; ++r) {
      std::string id(1 + rng() % 40, 'x');
      id[0] = 'p';
      const std::string lon = number(), lat = number();
      if (file % 2) text.append(lon).append(",").append(lat).append(",").append(id).append("\n");
      else text.append(id).append(",").append(lon).append(",").append(lat).append("\n");
    }
    expect_same_both_ways(text);
  }
}

// The block split (16 bytes at a time) against the general reader: the columns read at every
// place around the 16 commas it remembers (past them: the memchr split), a quote or CR in a
// record's first, second or third block or just after its line break, records shorter than a
// block and records of many blocks.
TEST(CsvPoints, BlockSplitFindsEveryFieldAndEverySpecialByte) {
  for (std::size_t lon_col = 0; lon_col < 32; ++lon_col) {
    const std::size_t ncols = lon_col + 3 + lon_col % 3;  // 0 to 2 columns after the three
    std::string header, row;
    for (std::size_t c = 0; c < ncols; ++c) {
      if (c) {
        header.push_back(',');
        row.push_back(',');
      }
      header.append(c == lon_col ? "lon" : c == lon_col + 1 ? "lat" : c == lon_col + 2 ? "id" : "x");
      row.append(c == lon_col ? "36.12345678" : c == lon_col + 1 ? "35.5" : c == lon_col + 2 ? "p" : "");
    }
    std::string text = header + "\n";
    for (int i = 0; i < 40; ++i) text += row + "\n";
    expect_same_both_ways(text);
  }
  const std::string plain = "id,lon,lat\na,1,2\nbb,1.5,2.25\n" + std::string(40, 'c') + ",1,2\n";
  std::string text = plain;
  for (std::size_t at = 0; at < 48; ++at) {
    // A record with a quote (or a CR) at byte `at`, then one with it right after its LF.
    const std::string rec = std::string(at, 'i') + ",3,4";
    const std::size_t k = std::min(at, rec.size());
    const std::string quoted = rec.substr(0, k) + '"' + rec.substr(k), cr = rec.substr(0, k) + '\r' + rec.substr(k);
    text += quoted + "\n" + plain + cr + "\n" + plain + rec + "\n\"q\",5,6\n" + rec + "\n\r" + plain;
  }
  expect_same_both_ways(text);
  expect_same_both_ways("id,lon,lat\n" + std::string(200, 'a') + "," + std::string(100, '1') + ",2\nb,1,2\n");
}

TEST(GeoJsonPoints, MemoryDoesNotGrowWithTheFeatures) {
  TRUCELINE_SKIP_UNLESS_MEMORY_MEASURABLE();
  test::TempDir t("truceline-points-mem");
  // Both sizes well past the read-ahead (16 384 rows); ~140 bytes a feature on disk.
  const std::size_t small = 50000, large = 4 * small;
  write_points(t / "small.geojson", small);
  write_points(t / "large.geojson", large);
  const long s = read_growth_kb(t / "small.geojson", small), l = read_growth_kb(t / "large.geojson", large);
  ASSERT_GT(s, 0);
  ASSERT_GT(l, 0);
  // Read whole, four times the features took about four times the memory (the text and its
  // DOM: ~30 MB more for the large file); streamed, the same few MB.
  EXPECT_LT(l, s + s / 2 + 2048) << small << " features: +" << s << " kB, " << large << " features: +" << l << " kB";
  RecordProperty("growth_small_kb", std::to_string(s));
  RecordProperty("growth_large_kb", std::to_string(l));
}

}  // namespace
}  // namespace truceline::cli
