// `truceline ingest`, `reports`, `quarantine`, `stats`: the report store.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/cli/points.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/io/geopackage.hpp"
#include "truceline/io/input.hpp"
#include "truceline/io/interrupt.hpp"
#include "truceline/io/spool.hpp"
#include "truceline/io/text.hpp"
#include "truceline/store/importers.hpp"
#include "truceline/store/integrity.hpp"
#include "truceline/store/listing.hpp"
#include "truceline/store/store.hpp"

namespace truceline::cli {

namespace st = store;
using nlohmann::json;

namespace {


struct IngestArgs {
  std::string db;
  std::vector<std::string> files, maps;
  std::string format;             // --input-format
  std::string deprecated_format;  // --format, the old name of --input-format
  bool strict = false, dry_run = false;
  bool candidate = false;  // --candidate: every row into the review queue
  PlaceFlags places;  // --agreement, --places
  std::string encoding, tz, delimiter, source;
  std::optional<double> wait_s;  // --wait SECONDS; none: wait for the write lock as long as it takes
  double input_timeout_s = 30;  // --input-timeout: a pipe or FIFO silent this long is an error
};

// Up to `n` bytes from the stream's current position.
std::string read_some(std::istream& in, std::size_t n) {
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// True when `bytes` are UTF-8 but for a character cut off at their end.
bool utf8_prefix(const std::string& bytes) {
  for (std::size_t cut = 0; cut < 4 && cut <= bytes.size(); ++cut)
    if (st::valid_utf8(bytes.substr(0, bytes.size() - cut))) return true;
  return false;
}

// After bytes that do not fit --encoding: what they look like instead ("" without a guess).
std::string decode_hint(const std::string& encoding, const std::string& raw_head) {
  const auto g = io::guess_encoding(raw_head);
  if (!g || g->suggestion == io::canonical_encoding(encoding)) return "";
  return fmt::format("hint: the file is not {}: it looks like {} ({}, confidence {}%); try --encoding {}\n",
                     io::canonical_encoding(encoding), g->name, g->basis, g->confidence, g->suggestion);
}

// Removes a database file `ingest` created but wrote nothing into (and SQLite's side files),
// unless another process wrote into it or has it open (it may have created it at the same
// moment: Store::remove_if_empty).
struct RemoveIfUnused {
  std::string path;
  bool remove = false;
  ~RemoveIfUnused() {
    if (remove) st::Store::remove_if_empty(path);
  }
};

int cmd_ingest(const CLI::App* cmd, IngestArgs a, Io& io) {
  // SIGINT, SIGTERM, SIGHUP from here on roll the current file's import back (docs/cli.md).
  const io::InterruptScope signals;
  if (!a.deprecated_format.empty()) {
    if (!a.format.empty() && a.format != a.deprecated_format)
      throw UsageError(fmt::format("--format {} and --input-format {} disagree: give --input-format only",
                                   a.deprecated_format, a.format));
    io.err << "truceline: warning: ingest --format is deprecated: it is now --input-format\n";
    a.format = a.deprecated_format;
  }
  std::vector<std::pair<std::string, std::string>> map;
  for (const auto& m : a.maps) {
    const auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
      throw UsageError(fmt::format("--map '{}': expected FIELD=COLUMN, e.g. --map observed_at=date", m));
    map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  std::optional<st::Format> forced;
  if (!a.format.empty()) {
    forced = st::parse_format(a.format);
    if (!forced)
      throw UsageError(fmt::format("{} '{}': expected jsonl, csv, geojson or acled",
                                   a.deprecated_format.empty() ? "--input-format" : "--format", a.format));
    // Options for the other formats would be ignored: refused instead.
    if (*forced != st::Format::csv)
      refuse(cmd, {"--map"}, fmt::format("to {} input (CSV only)", a.format));
    if (*forced != st::Format::csv && *forced != st::Format::acled)
      refuse(cmd, {"--delimiter"}, fmt::format("to {} input (CSV and ACLED only)", a.format));
  }
  if (a.dry_run) refuse(cmd, {"--wait"}, "with --dry-run: a dry run only reads, and never waits for an import");
  st::ReaderOptions read(map);
  if (!a.delimiter.empty()) {
    const auto d = st::parse_delimiter(a.delimiter);
    if (!d) throw UsageError(fmt::format("--delimiter '{}': expected one character (e.g. ';' or '|') or tab", a.delimiter));
    read.delimiter = *d;
  }
  try {
    if (!a.tz.empty()) read.report.tz = std::make_shared<const st::TimeZone>(st::TimeZone::parse(a.tz));
    if (!a.encoding.empty()) io::canonical_encoding(a.encoding);
  } catch (const InputError& e) {
    throw UsageError(e.what());
  }
  if (a.source.find_first_not_of(" \t") == std::string::npos && !a.source.empty())
    throw UsageError("--source: expected a source name");
  read.report.default_source = a.source;
  // Check every file before touching the database: a missing file, a directory or a device is
  // an error up front (a FIFO is not opened here: it is opened once, when its turn comes).
  for (const auto& f : a.files) io::check_input(f);
  io::InputOptions input_options;
  input_options.idle_timeout = std::chrono::milliseconds(std::llround(a.input_timeout_s * 1000));
  // The agreement and any --places files are checked before the database is touched; the
  // gazetteer itself is loaded for the first report located by a place name only (a missing
  // one is then an error for that file).
  PlaceContext places(a.places, !a.places.places.empty());
  // A dry run reads the store (read-only) or, when there is none, an empty one in memory: it
  // creates nothing. A real run that writes nothing (every file failed) leaves no new file.
  std::error_code ec;
  const bool existed = std::filesystem::exists(a.db, ec);
  RemoveIfUnused created{a.db, !existed && !a.dry_run};
  // A new store's folder is made when missing (`--db out/demo/reports.db` on a fresh checkout).
  if (!existed && !a.dry_run) {
    const std::filesystem::path parent = std::filesystem::path(a.db).parent_path();
    // (Made by another `ingest` at the same moment: fine.)
    std::error_code dir_ec;
    if (!parent.empty() && !std::filesystem::exists(parent, ec) && !std::filesystem::create_directories(parent, ec) &&
        !std::filesystem::is_directory(parent, dir_ec))
      throw InputError(fmt::format("{}: cannot create the folder {}: {}", a.db, parent.string(), ec.message()));
  }
  // A damaged store is refused before it is opened for writing (docs/store-integrity.md).
  if (existed) st::check_before_write(a.db);
  // One import at a time: a writer waits for the store's write lock (docs/cli.md, "--wait"),
  // saying so once on a terminal. A dry run only reads, and readers never wait for a writer.
  st::WriterOptions writer;
  writer.wait_s = a.wait_s;
  if (&io.err == &std::cerr && ::isatty(2))
    writer.on_wait = [&] {
      io.err << fmt::format("truceline: {}: waiting for another import to finish{}\n", a.db,
                            a.wait_s ? fmt::format(" (at most {:g} s)", *a.wait_s) : " (--wait SECONDS limits the wait)")
             << std::flush;
    };
  // A signal while waiting for the lock stops the wait (nothing was written yet).
  writer.give_up = [] { return io::InterruptScope::caught() != 0; };
  std::optional<st::Store> opened;
  try {
    opened.emplace(a.dry_run ? (existed ? st::Store::open_existing(a.db) : st::Store::create_or_open(":memory:"))
                             : st::Store::create_or_open(a.db, writer));
  } catch (const InputError&) {
    if (const int signal = io::InterruptScope::caught()) {
      io.err << fmt::format("truceline: interrupted: nothing imported ({}, while waiting for the store)\n",
                            io::InterruptScope::name(signal));
      return 128 + signal;
    }
    throw;
  }
  st::Store& store = *opened;
  int status = 0;
  auto fail = [&](int code) { status = std::max(status, code); };
  // Every file gets its stdout line, even one refused before a row was read (docs/importers.md).
  auto rejected_line = [&](const std::string& file) {
    io.out << fmt::format("{}: imported 0, duplicates 0, quarantined 0 (file rejected: nothing written)\n", file);
    io.out.flush();
  };
  const bool tty = &io.err == &std::cerr && ::isatty(2);
  // One file: each is read once, from its start to its end, and hashed as it is read
  // (io/input.hpp): a pipe, /dev/stdin and `<(...)` import every row.
  auto ingest_file = [&](const std::string& file) {
    io::InputFile input(file, input_options);
    std::istream* const raw = &input.stream();
    // Back to the start after reading the head (io::InputFile keeps the first 1 MiB for this).
    auto rewind = [&] {
      raw->clear();
      if (!raw->seekg(0)) throw std::logic_error("ingest: cannot go back to the start of " + file);
    };
    const std::string raw_head = read_some(*raw, 4096);
    rewind();
    if (a.encoding.empty() && io::looks_like_utf16_or_32(raw_head)) {
      rejected_line(file);
      io.err << fmt::format("truceline: error: {}: nothing imported: not UTF-8 text\nhint: {}\n", file,
                            io::encoding_advice(raw_head));
      fail(1);
      return;
    }
    // With --encoding, everything below reads UTF-8 converted from it.
    std::unique_ptr<std::istream> decoded;
    std::string head = raw_head;
    if (!a.encoding.empty()) {
      try {
        head = read_some(*io::decoded_stream(*raw, a.encoding), 4096);
      } catch (const io::DecodeError&) {
        // met again, and reported, when the file is read
      }
      rewind();
      decoded = io::decoded_stream(*raw, a.encoding);
    }
    // A NUL character is never text: the file is refused (exit 2), naming its line.
    const std::unique_ptr<std::istream> checked =
        io::nul_checked_stream(decoded ? *decoded : *raw, file, decoded != nullptr);
    std::istream& in = *checked;
    const st::Format format = forced ? *forced : st::detect_format(file, head, read.delimiter);
    std::unique_ptr<st::RowReader> reader;
    try {
      reader = st::open_reader(format, in, read);
    } catch (const UsageError& e) {
      rejected_line(file);
      io.err << fmt::format("truceline: error: {}: {}\n", file, e.what());
      fail(2);
      return;
    } catch (const io::InputFault&) {
      throw;  // not a matter of format: exit 2 (below)
    } catch (const InputError& e) {
      // The file cannot be read as its format (or its encoding) at all: it gives nothing (exit 1).
      rejected_line(file);
      io.err << fmt::format("truceline: error: {}: nothing imported: {}\n", file, e.what());
      if (dynamic_cast<const io::DecodeError*>(&e)) io.err << decode_hint(a.encoding, raw_head);
      else if (a.encoding.empty() && !utf8_prefix(raw_head)) io.err << "hint: " << io::encoding_advice(raw_head) << "\n";
      fail(1);
      return;
    }
    input.forget_start();
    st::ImportOptions o;
    o.file = file;
    // Known once the last byte was read; the store records it when the batch finishes.
    o.final_file_hash = [&] { return input.sha256_hex(); };
    o.interruption_point = [] { io::InterruptScope::check(); };
    o.importer = reader->format();
    o.strict = a.strict;
    o.dry_run = a.dry_run;
    o.candidates = a.candidate;
    o.resolve_place = [&](const st::Report& r) {
      try {
        return places.resolve(r.place, r.extra);
      } catch (const InputError& e) {
        throw InputError(fmt::format("{}: reports located by a place name need the gazetteer: {}; nothing was imported "
                                     "from {}",
                                     file, e.what(), file));
      }
    };
    if (tty) o.progress = [&](std::size_t n) { io.err << fmt::format("\r{}: {} rows", file, n) << std::flush; };
    st::RowTally tally;
    o.on_store_quarantine = [&](const st::InputRow& row, const std::string& reason) {
      tally.add_rejection(row.number, row.raw, reason);
    };
    st::RawRow raw_row;
    places.take_counts();  // this file's counts only
    try {
      const st::BatchSummary s = store.import(o, [&](st::InputRow& row) {
        if (!reader->next(raw_row)) return false;
        if (const auto& r = raw_row.outcome.report; r && r->lon && r->lat)
          if (auto far = places.far_from_area(*r->lon, *r->lat)) raw_row.outcome = st::RowOutcome{std::nullopt, *far};
        tally.add(raw_row);
        row.number = raw_row.number;
        row.raw = std::move(raw_row.raw);
        row.outcome = std::move(raw_row.outcome);
        return true;
      });
      if (tty) io.err << "\r\033[K";
      const bool rejected = s.took_nothing();
      // Candidates (the review queue, docs/report-format.md "Candidate reports") are counted
      // only when there are any or --candidate asked for them: other imports print as before.
      const std::string candidates =
          a.candidate || s.candidates > 0 ? fmt::format(", candidates {}", s.candidates) : std::string();
      io.out << fmt::format("{}: imported {}{}, duplicates {}, quarantined {}{}\n", file, s.imported, candidates,
                            s.duplicates, s.quarantined,
                            a.dry_run ? " (dry run: nothing written)" : rejected ? " (file rejected: nothing written)" : "");
      if (s.revisions > 0)
        io.out << fmt::format("{}: revisions {} (same source and source_id as stored reports: the newer is current)\n",
                              file, s.revisions);
      if (const std::string c = format_counts(places.take_counts()); !c.empty())
        io.out << fmt::format("{}: places: {}\n", file, c);
      if (s.written) created.remove = false;
      if (rejected) {
        // A file that gives no report is a failure of the file, with its cause (exit 1).
        const auto lines = st::explain_empty_import(*reader, tally, !a.encoding.empty());
        io.out.flush();
        io.err << fmt::format("truceline: error: {}: nothing imported: {}\n", file, lines.front());
        for (std::size_t i = 1; i < lines.size(); ++i) io.err << "hint: " << lines[i] << "\n";
        fail(1);
      } else if (tally.not_utf8() > 0 && a.encoding.empty()) {
        io.err << fmt::format("truceline: warning: {}: {} row{} not valid UTF-8 (quarantined); {}\n", file,
                              tally.not_utf8(), tally.not_utf8() == 1 ? " is" : "s are",
                              io::encoding_advice(tally.not_utf8_sample()));
      }
    } catch (const io::DecodeError& e) {
      if (tty) io.err << "\r\033[K";
      rejected_line(file);
      io.err << fmt::format("truceline: error: {}: nothing imported: {}\n", file, e.what()) << decode_hint(a.encoding, raw_head);
      fail(1);
    } catch (const InputError& e) {
      // A signal that stopped a wait for the write lock: interrupted, not "store busy".
      if (const int signal = io::InterruptScope::caught()) throw io::Interrupted(signal);
      if (tty) io.err << "\r\033[K";
      rejected_line(file);
      io.err << "truceline: error: " << e.what() << "\n";
      fail(2);
    }
  };
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    const std::string& file = a.files[i];
    try {
      io::InterruptScope::check();
      ingest_file(file);
    } catch (const io::Interrupted& e) {
      // The file's transaction was rolled back; the store closes cleanly on the way out (no
      // -wal left). The files before it were committed (their lines say what they imported).
      if (tty) io.err << "\r\033[K";
      io.out << fmt::format("{}: imported 0, duplicates 0, quarantined 0 (interrupted: nothing written)\n", file);
      io.out.flush();
      const std::size_t rest = a.files.size() - i - 1;
      io.err << fmt::format("truceline: interrupted: nothing imported from {} ({}){}\n", file,
                            io::InterruptScope::name(e.signal()),
                            rest == 0 ? "" : fmt::format("; the {} file{} after it not read", rest, rest == 1 ? "" : "s"));
      return 128 + e.signal();
    } catch (const io::InputFault& e) {
      // Not a file of reports at all (a device, a silent pipe, NUL bytes): exit 2.
      if (tty) io.err << "\r\033[K";
      rejected_line(file);
      io.err << "truceline: error: " << e.what() << "\n";
      fail(2);
    }
  }
  if (const int signal = io::InterruptScope::caught()) {
    // Caught after the last file's COMMIT had begun: that import stands (its line says so).
    io.err << fmt::format("truceline: interrupted ({}) after the last file's import had ended: nothing was undone\n",
                          io::InterruptScope::name(signal));
    return 128 + signal;
  }
  return status;
}

struct ReportsArgs {
  std::string db, since, until, bbox, kind, source, format, out = "-";
  bool history = false;
};

int cmd_reports(const ReportsArgs& a, Io& terminal) {
  st::Query q;
  // No agreement here: a bare date or a date-time without offset is UTC.
  auto time = [](const std::string& flag, const std::string& text) {
    return agreement::unix_seconds(parse_instant_option(flag, text, 0));
  };
  if (!a.since.empty()) q.since = time("--since", a.since);
  if (!a.until.empty()) q.until = time("--until", a.until);
  if (!a.bbox.empty()) {
    std::array<double, 4> b{};
    char tail = 0;
    if (std::sscanf(a.bbox.c_str(), "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 || b[0] > b[2] ||
        b[1] > b[3])
      throw UsageError(fmt::format("--bbox '{}': expected WEST,SOUTH,EAST,NORTH in degrees", a.bbox));
    q.bbox = b;
  }
  q.kind = a.kind;
  q.source = a.source;
  q.history = a.history;
  const bool to_stdout = a.out.empty() || a.out == "-";
  if (a.format == "gpkg") {
    // A GeoPackage is an SQLite database, written by path (io/geopackage.hpp): no stream.
    if (to_stdout)
      throw UsageError("--format gpkg writes a GeoPackage, a database file: it cannot go to standard output; give -o FILE");
    const st::Store store = st::Store::open_existing(a.db);
    st::check_counts(store);
    // Damage found in a row stops the command before FILE is replaced (written as PATH.tmp-PID,
    // renamed at the end, as the other formats).
    io::write_geopackage(a.out, {}, [&](io::GeoPackage& g) { st::write_listing_gpkg(store, q, g); });
    return 0;
  }
  const st::Store store = st::Store::open_existing(a.db);
  st::check_counts(store);  // damage found before the first line (docs/store-integrity.md)
  // The output streams to disk, never held in memory (docs/cli.md, "reports"): a file (-o) is
  // written into its temporary and renamed over FILE at the end (io::AtomicOutput); standard
  // output into a spool (an unnamed temporary file, io/spool.hpp) copied out once the query
  // has ended. Damage a row shows (its content hash, store/integrity.hpp) thus stops the
  // command before a byte is printed or a file replaced, whatever the size of the output
  // (it was held in memory up to 64 MiB, and cut short past that).
  std::unique_ptr<io::AtomicOutput> file;
  std::unique_ptr<io::Spool> spool;
  if (to_stdout) {
    spool = std::make_unique<io::Spool>(io::spool_dir(a.out), "<stdout>");
  } else {
    file = std::make_unique<io::AtomicOutput>(a.out, terminal.out);
  }
  Io io{terminal.in, to_stdout ? spool->stream() : file->stream(), terminal.err};
  st::write_listing(store, q, a.format, io.out);
  if (spool) {
    io::AtomicOutput printed(a.out, terminal.out);
    spool->copy_to(printed.stream());
    printed.commit();
  } else {
    file->commit();
  }
  return 0;
}

int cmd_quarantine(const std::string& db, std::optional<int64_t> batch, Io& io) {
  const st::Store store = st::Store::open_existing(db);
  const auto rows = store.quarantine(batch);  // an unknown batch: an error, before any output
  io.out << "batch,file,row,reason,raw\n";
  for (const auto& q : rows)
    io.out << fmt::format("{},{},{},{},{}\n", q.batch_id, csv_field(q.file), q.row_number, csv_field(q.reason),
                          csv_field(q.raw.size() > 2000 ? q.raw.substr(0, 2000) + "…" : q.raw));
  return 0;
}

int cmd_stats(const std::string& db, bool as_json, Io& io) {
  const st::Store store = st::Store::open_existing(db);
  st::check_counts(store);  // counts from damaged indexes are not printed (docs/store-integrity.md)
  const json s = store.stats();
  if (as_json) {
    io.out << s.dump(2) << "\n";
    return 0;
  }
  io.out << fmt::format("{}: {} reports ({} current, {} superseded), {} quarantined rows\n", db,
                        s["reports"].get<int64_t>(), s["current"].get<int64_t>(),
                        s["reports"].get<int64_t>() - s["current"].get<int64_t>(), s["quarantined"].get<int64_t>());
  for (const char* group : {"by_kind", "by_source", "by_grading"}) {
    io.out << "\n" << group + 3 << ":\n";
    for (const auto& [k, v] : s[group].items()) io.out << fmt::format("  {:<24} {}\n", k, v.get<int64_t>());
  }
  io.out << "\nbatches:\n";
  for (const auto& b : s["batches"])
    io.out << fmt::format("  #{:<4} {:<7} {}  imported {}, duplicates {}, quarantined {}  ({})\n", b["id"].get<int64_t>(),
                          b["importer"].get<std::string>(), b["file"].get<std::string>(), b["imported"].get<int64_t>(),
                          b["duplicates"].get<int64_t>(), b["quarantined"].get<int64_t>(),
                          b["finished_at"].get<std::string>());
  return 0;
}

}  // namespace

Command add_ingest_command(CLI::App& app) {
  auto a = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand("ingest", "import reports (JSONL, CSV, GeoJSON, ACLED) into the store");
  cmd->add_option("--db", a->db, "the store (SQLite); created if missing")->type_name("FILE")->required();
  cmd->add_option("files", a->files, "input files ('-' = stdin)")->type_name("FILE")->required();
  cmd->add_option("--input-format", a->format, "jsonl, csv, geojson or acled (default: detected per file)")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson", "acled"}));
  cmd->add_option("--format", a->deprecated_format, "deprecated: the old name of --input-format")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson", "acled"}));
  // One value per --map / --places: `--places v.tsv a.csv` must leave a.csv an input file.
  cmd->add_option("--map", a->maps, "CSV: FIELD=COLUMN, e.g. --map observed_at=date (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--strict", a->strict, "any bad row aborts that file's import, nothing written");
  cmd->add_flag("--dry-run", a->dry_run, "check everything, write nothing");
  cmd->add_flag("--candidate", a->candidate,
                "every row is a candidate report: into the review queue (truceline review), not assessed until "
                "accepted");
  cmd->add_option("--agreement", a->places.agreement,
                  "look places up only in this agreement's area of interest; quarantine coordinates more than 500 km "
                  "from it")
      ->type_name("FILE");
  cmd->add_option("--places", a->places.places,
                  "extra places (TSV: name, lon, lat, country, admin1, alternate_names), repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option("--encoding", a->encoding,
                  "the files' encoding when not UTF-8 (ICU names: windows-1252, ISO-8859-1, UTF-16, ...)");
  cmd->add_option("--tz", a->tz, "zone of date-times written without offset: +03:00 or Asia/Damascus");
  cmd->add_option("--delimiter", a->delimiter, "CSV field delimiter: ',' (default), ';', tab, '|', ...");
  cmd->add_option("--source", a->source, "source name for rows that give none");
  cmd->add_option("--wait", a->wait_s,
                  "wait at most this long for another import to finish, then fail (exit 2); default: as long as it "
                  "takes; 0: fail at once")
      ->type_name("SECONDS")
      ->check(CLI::Validator(
          [](const std::string& v) -> std::string {
            char* end = nullptr;
            const double s = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || !(s >= 0) || !std::isfinite(s))
              return fmt::format("'{}': expected seconds >= 0 (0: fail at once if another import is running)", v);
            return "";
          },
          "SECONDS"));
  cmd->add_option("--input-timeout", a->input_timeout_s,
                  "seconds to wait for data from a pipe or FIFO before giving up (default 30; 0 = no limit)")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.0, 1e6));
  return {cmd, [a, cmd](Io& io) { return cmd_ingest(cmd, *a, io); }};
}

Command add_reports_command(CLI::App& app) {
  auto a = std::make_shared<ReportsArgs>();
  auto* cmd = app.add_subcommand("reports", "query the store (output round-trips through ingest)");
  cmd->add_option("--db", a->db, "the store")->type_name("FILE")->required();
  cmd->add_option("--since", a->since, "observed at or after: date or date-time (UTC without offset)")
      ->type_name("TIME");
  cmd->add_option("--until", a->until, "observed before: date or date-time (UTC without offset)")->type_name("TIME");
  cmd->add_option("--bbox", a->bbox, "WEST,SOUTH,EAST,NORTH (degrees)");
  cmd->add_option("--kind", a->kind, "report kind");
  cmd->add_option("--source", a->source, "source name");
  cmd->add_flag("--history", a->history, "include superseded reports");
  add_format_option(cmd, a->format, {"jsonl", "csv", "geojson", "gpkg"},
                    "output format (gpkg: a GeoPackage file, needs -o FILE)");
  cmd->add_option("-o,--output", a->out, "output file ('-' = stdout); written whole or not at all")
      ->type_name("FILE")
      ->capture_default_str();
  return {cmd, [a](Io& io) { return cmd_reports(*a, io); }};
}

Command add_quarantine_command(CLI::App& app) {
  struct State {
    std::string db;
    std::optional<int64_t> batch;
  };
  auto s = std::make_shared<State>();
  auto* cmd = app.add_subcommand("quarantine", "rejected rows and why (CSV)");
  cmd->add_option("--db", s->db, "the store")->type_name("FILE")->required();
  cmd->add_option("--batch", s->batch, "only this batch id");
  return {cmd, [s](Io& io) { return cmd_quarantine(s->db, s->batch, io); }};
}

Command add_stats_command(CLI::App& app) {
  struct State {
    std::string db, format;
    bool json = false;
  };
  auto s = std::make_shared<State>();
  auto* cmd = app.add_subcommand("stats", "counts by kind, source, grading and batch");
  cmd->add_option("--db", s->db, "the store")->type_name("FILE")->required();
  add_format_option(cmd, s->format, {"text", "json"}, "output format");
  add_json_shorthand(cmd, s->json);
  return {cmd, [s, cmd](Io& io) { return cmd_stats(s->db, chosen_format(cmd, s->format, s->json) == "json", io); }};
}

}  // namespace truceline::cli
