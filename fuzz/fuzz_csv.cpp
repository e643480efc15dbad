// libFuzzer target: the CSV and ACLED readers must never crash, whatever the bytes; every row
// is either a report or a quarantine reason, and a file-level problem is a message (what
// open_reader throws as InputError; a --map that does not fit the header: UsageError).
//
// The first byte chooses how the rest is read, as `truceline ingest` options would:
//   bit 0     CSV or ACLED
//   bits 1-2  --delimiter ',' ';' tab '|'
//   bit 3     --tz Europe/Kyiv (naive date-times are read in it) or none
//   bit 4     --source NAME or none
//   bits 5-6  --encoding: none (UTF-8), none, windows-1252, UTF-16LE (ICU converters)
//   bit 7     --map observed_at=date --map place=town (CSV only)
// Then, as ingest does, every row is tallied and a file without a report is explained.
//
// Everything that does not depend on the input (the time zone, ICU's converter and time-zone
// data, the importers' static tables) is built once, in LLVMFuzzerInitialize.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <istream>
#include <streambuf>
#include <string>

#include "truceline/error.hpp"
#include "truceline/io/text.hpp"
#include "truceline/store/importers.hpp"
#include "truceline/store/time_zone.hpp"

namespace st = truceline::store;

namespace {

std::shared_ptr<const st::TimeZone> g_tz;

// The input's bytes as a stream, without copying them (an istringstream copies them twice).
struct MemoryBuf : std::streambuf {
  MemoryBuf(const char* p, std::size_t n) {
    char* b = const_cast<char*>(p);  // read only: the get area is never written
    setg(b, b, b + n);
  }
};

void read_all(std::istream& in, const st::ReaderOptions& options, st::Format format, bool encoding_given) {
  try {
    // try_open_reader: a file-level problem (about 40 % of the inputs) as a value, not thrown
    // (throwing and unwinding cost about a sixth of an execution). It is the message
    // open_reader() throws (store/importers.cpp builds the one from the other).
    st::OpenedReader opened = st::try_open_reader(format, in, options);
    if (!opened.reader) {
      if (opened.problem.empty()) __builtin_trap();  // an unreadable file must say why
      return;
    }
    auto& reader = opened.reader;
    st::RowTally tally;
    st::RawRow row;
    std::size_t reports = 0;
    while (reader->next(row)) {
      if (!row.outcome.report && row.outcome.error.empty()) __builtin_trap();  // a row must say why
      if (row.outcome.report) ++reports;
      tally.add(row);
    }
    if (reports == 0) {
      const auto lines = st::explain_empty_import(*reader, tally, encoding_given);
      if (lines.empty() || lines.front().empty()) __builtin_trap();  // "gave nothing" must say why
    }
  } catch (const truceline::InputError&) {
    // Bytes invalid in the encoding (io::DecodeError, from the decoding stream while reading).
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_tz = std::make_shared<const st::TimeZone>(st::TimeZone::parse("Europe/Kyiv"));
  // Warm what is built on first use: static tables, ICU converters and charset detector.
  (void)st::csv_fields();
  (void)st::acled_kind("Battles", "Armed clash");
  (void)truceline::io::decode("x", "windows-1252");
  (void)truceline::io::decode(std::string("x\0", 2), "UTF-16LE");
  (void)truceline::io::encoding_advice("caf\xE9");
  // And what the readers build on first use (their header tables), by reading a row of each.
  const st::ReaderOptions options;
  for (const auto& [format, text] : {std::pair{st::Format::csv, "observed_at,lon,lat,kind,source\n2018-10-12,36,35,other,M\n"},
                                     std::pair{st::Format::acled, "event_id_cnty,event_date,event_type,latitude,longitude\n"
                                                                  "X1,2018-10-12,Battles,35,36\n"}}) {
    MemoryBuf buf(text, std::char_traits<char>::length(text));
    std::istream in(&buf);
    read_all(in, options, format, false);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t how = data[0];
  st::ReaderOptions options;
  const st::Format format = (how & 1) ? st::Format::acled : st::Format::csv;
  static constexpr char kDelimiters[] = {',', ';', '\t', '|'};
  options.delimiter = kDelimiters[(how >> 1) & 3];
  if (how & 8) options.report.tz = g_tz;
  if (how & 16) options.report.default_source = "Fuzz Monitor";
  if ((how & 128) && format == st::Format::csv) options.csv_map = {{"observed_at", "date"}, {"place", "town"}};
  MemoryBuf buf(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::istream in(&buf);
  switch ((how >> 5) & 3) {
    case 2:
    case 3: {
      try {
        const auto decoded = truceline::io::decoded_stream(in, ((how >> 5) & 3) == 2 ? "windows-1252" : "UTF-16LE");
        read_all(*decoded, options, format, true);
      } catch (const truceline::InputError&) {
      }
      break;
    }
    default:
      read_all(in, options, format, false);
  }
  return 0;
}
