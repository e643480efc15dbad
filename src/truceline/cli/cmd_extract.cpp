// `truceline extract` (docs/extract.md): news texts -> candidate reports (JSON Lines, for
// `ingest`) and their mentions. Parsing, checking and printing only: the rules are
// extract/extract.hpp and the finders behind it.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/agreement/agreement.hpp"
#include "truceline/agreement/area_of_interest.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/error.hpp"
#include "truceline/extract/document.hpp"
#include "truceline/extract/extract.hpp"
#include "truceline/gazetteer/gazetteer.hpp"
#include "truceline/io/file.hpp"
#include "truceline/io/input.hpp"

namespace truceline::cli {

using nlohmann::json;

namespace {

struct ExtractArgs {
  std::string agreement, published, source, source_type, lang = "auto";
  std::vector<std::string> files;
  std::string output, mentions, gazetteer;
  std::string localities;  // "" = the default file when it exists; "none" = no supplement
  std::string landmarks;   // the same for the curated landmarks
  std::vector<std::string> places;
};

// --published: a day (any form --date accepts; the day in the agreement's timezone).
std::chrono::year_month_day parse_published(const std::string& text, const agreement::Agreement& a) {
  const LocalDay d = parse_day_option("--published", text, a.utc_offset_minutes);
  int y = 0;
  unsigned m = 0, day = 0;
  if (std::sscanf(d.date.c_str(), "%d-%u-%u", &y, &m, &day) != 3)
    throw UsageError(fmt::format("--published '{}': expected a date such as 2018-10-12", text));
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{day};
}

// A file's bytes, checked: InputError "FILE: why" (nothing is written then). The size is
// checked before reading, so that a 50 MB file is refused without being read.
std::string read_checked(const std::string& path) {
  io::check_input(path);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > extract::kMaxTextBytes)
    throw InputError(fmt::format("{}: {} bytes: more than {} bytes (4 MiB); a news text is a few kB: split it", path,
                                 size, extract::kMaxTextBytes));
  std::string bytes = io::read_text(path);
  if (auto why = extract::check_text(bytes); why && *why != "empty") throw InputError(fmt::format("{}: {}", path, *why));
  return bytes;
}

int cmd_extract(const ExtractArgs& a, Io& io) {
  if ((a.output.empty() || a.output == "-") && a.mentions == "-")
    throw UsageError("--mentions -: the candidates already go to standard output; give -o FILE or --mentions FILE");
  if (!a.output.empty() && a.output != "-" && a.output == a.mentions)
    throw UsageError(fmt::format("-o and --mentions name the same file '{}'", a.output));
  if (!a.source.empty() && a.source.find_first_not_of(" \t") == std::string::npos)
    throw UsageError("--source: expected a source name");

  // Everything is checked before anything is written: the agreement, the gazetteer, every file.
  const agreement::Agreement ag = agreement::load_valid(a.agreement);
  extract::Options opt;
  if (!a.published.empty()) opt.published = parse_published(a.published, ag);
  opt.source = a.source;
  opt.source_type = a.source_type;
  opt.lang = a.lang;
  const agreement::AreaOfInterest area(ag);
  const std::string gpath = a.gazetteer.empty() ? default_gazetteer_file() : a.gazetteer;
  // The curated landmarks (a border crossing GeoNames' settlements lack) are extra places:
  // the data directory's unless --landmarks names another or "none".
  std::vector<std::string> extra = a.places;
  if (!a.landmarks.empty() && a.landmarks != "none") extra.push_back(a.landmarks);
  else if (a.landmarks.empty() && std::filesystem::exists(default_landmarks_file())) extra.push_back(default_landmarks_file());
  const gazetteer::Gazetteer gz = gazetteer::Gazetteer::load(gpath, extra);
  // The localities supplement: the data directory's unless --localities names another or
  // "none"; a missing default file (an older data directory) is no error, a named one is. A
  // named file is read now (its errors before anything is written); the default one, which
  // ships with the data, when a text first needs it (indexing it costs ~0.3 s).
  std::optional<gazetteer::Gazetteer> localities;
  extract::LocalitiesSource localities_source;
  if (!a.localities.empty() && a.localities != "none") {
    localities.emplace(gazetteer::Gazetteer::load(a.localities));
    localities_source = [&localities] { return &*localities; };
  } else if (a.localities.empty() && std::filesystem::exists(default_localities_file())) {
    localities_source = [&localities] {
      localities.emplace(gazetteer::Gazetteer::load(default_localities_file()));
      return &*localities;
    };
  }
  std::vector<std::string> texts;
  texts.reserve(a.files.size());
  for (const auto& f : a.files) texts.push_back(read_checked(f));

  const extract::Extractor extractor(ag, gz, &area, localities_source);
  io::AtomicOutput out(a.output, io.out);
  std::unique_ptr<io::AtomicOutput> mout;
  if (!a.mentions.empty()) mout = std::make_unique<io::AtomicOutput>(a.mentions, io.out);
  std::size_t total = 0;
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    extract::Result r = extractor.run(a.files[i], std::move(texts[i]), opt);
    for (const auto& n : r.notes) io.err << fmt::format("{}: {}\n", a.files[i], n);
    for (const auto& c : r.candidates)
      out.stream() << c.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    total += r.candidates.size();
    if (mout) {
      mout->stream() << (a.files.size() == 1 ? r.mentions.dump(2, ' ', false, json::error_handler_t::replace)
                                             : r.mentions.dump(-1, ' ', false, json::error_handler_t::replace))
                     << "\n";
    }
    const bool empty = !r.notes.empty() && r.notes.front().rfind("empty text", 0) == 0;
    if (empty) continue;  // its note says so
    const json& m = r.mentions;
    std::size_t mentions = 0, unresolved = 0;
    for (const char* k : {"places", "actors", "dates", "numbers", "weapons"}) mentions += m[k].size();
    for (const auto& p : m["places"])
      if (p["kind"] == "unresolved") ++unresolved;
    io.err << fmt::format("{}: {}, {} candidate{}, {} mention{}{}\n", a.files[i], m["lang"].get<std::string>(),
                          r.candidates.size(), r.candidates.size() == 1 ? "" : "s", mentions, mentions == 1 ? "" : "s",
                          unresolved ? fmt::format(" ({} place{} unresolved)", unresolved, unresolved == 1 ? "" : "s")
                                     : "");
    // Progress, for a long run: the files done so far.
    if (a.files.size() >= 100 && (i + 1) % 100 == 0 && i + 1 < a.files.size())
      io.err << fmt::format("extract: {} of {} files, {} candidates so far\n", i + 1, a.files.size(), total);
  }
  if (mout) mout->commit();
  out.commit();
  if (a.files.size() > 1) io.err << fmt::format("extract: {} files, {} candidates\n", a.files.size(), total);
  return 0;
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto st = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract", "propose candidate reports from news texts (for ingest --candidate)");
  cmd->add_option("files", st->files, "news texts (UTF-8, at most 4 MiB each)")->type_name("FILE.txt")->required();
  cmd->add_option("--agreement", st->agreement, "the agreement (parties' and groups' aliases, weapon classes, area)")
      ->type_name("FILE")
      ->required();
  cmd->add_option("--published", st->published, "the texts' publication date (resolves 'on Tuesday', 'yesterday')")
      ->type_name("DATE");
  cmd->add_option("--source", st->source, "the source name of the candidates (default: the file name)")
      ->type_name("NAME");
  cmd->add_option("--source-type", st->source_type, "the source type of the candidates (default: media)")
      ->type_name("TYPE")
      ->check(CLI::IsMember({"monitor", "party", "media", "ngo", "social", "other"}));
  cmd->add_option("--lang", st->lang, "the texts' language (auto: detected from the letters)")
      ->type_name("LANG")
      ->check(CLI::IsMember({"en", "ar", "ru", "tr", "auto"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", st->output, "candidate reports, JSON Lines (default: standard output)")
      ->type_name("FILE");
  cmd->add_option("--mentions", st->mentions, "the mentions of each text (JSON; JSON Lines for several texts)")
      ->type_name("FILE");
  cmd->add_option("--gazetteer", st->gazetteer, "gazetteer data file (default: $TRUCELINE_DATA/gazetteer/places.tsv)")
      ->type_name("FILE");
  cmd->add_option("--localities", st->localities,
                  "villages the gazetteer lacks, looked up for cued names only (default: "
                  "$TRUCELINE_DATA/gazetteer/localities.tsv; 'none' for no supplement)")
      ->type_name("FILE");
  cmd->add_option("--landmarks", st->landmarks,
                  "curated landmarks, extra places read by default (default: "
                  "$TRUCELINE_DATA/gazetteer/landmarks.tsv; 'none' for none)")
      ->type_name("FILE");
  cmd->add_option("--places", st->places,
                  "extra places (TSV: name, lon, lat, country, admin1, alternate_names), repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  return {cmd, [st](Io& io) { return cmd_extract(*st, io); }};
}

}  // namespace truceline::cli
