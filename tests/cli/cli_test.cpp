// In-process CLI tests (the golden cases in golden/ run the real binary).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <streambuf>

#include "support/run_cli.hpp"
#include "truceline/cli/app.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/options.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"

namespace truceline::cli {
namespace {

using Result = test::CliResult;
using test::run_cli;

TEST(Cli, ParseDepth) {
  EXPECT_EQ(parse_depth("20km"), 20000);
  EXPECT_EQ(parse_depth("15000m"), 15000);
  EXPECT_EQ(parse_depth("0.5km"), 500);
  EXPECT_EQ(parse_depth("1.5e1km"), 15000);
  EXPECT_EQ(parse_depth("1000km"), 1e6);
  for (const char* bad : {"20", "km", "-5km", "0km", "1001km", "1e400km", "1e-400km", "20 miles", ""})
    EXPECT_THROW(parse_depth(bad), InputError) << bad;
}

TEST(Cli, ZoneWritesToTheGivenStream) {
  const std::string line = TRUCELINE_TEST_DATA "/line_2v.geojson";
  const Result r = run_cli({"zone", "--line", line, "--depth", "2km"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"type\":\"FeatureCollection\"", 0), 0u);
  EXPECT_NE(r.out.find("\"max_boundary_error_m\":0."), std::string::npos);
}

TEST(Cli, LocateFromStdin) {
  const std::string line = TRUCELINE_TEST_DATA "/line_2v.geojson";
  const Result r = run_cli({"locate", "--line", line, "--depth", "20km", "-"}, "lon,lat\n36.5,35.6\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("id,lon,lat,distance_m,side,inside\n1,36.5,35.6,", 0), 0u) << r.out;
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli({}).status, 2);
  EXPECT_EQ(run_cli({"zone"}).status, 2);
  EXPECT_EQ(run_cli({"zone", "--line", "x.geojson", "--depth", "20km", "--agreement", "a.toml"}).status, 2);
  EXPECT_EQ(run_cli({"check", TRUCELINE_TEST_DATA "/agreements/problems.toml"}).status, 2);
  EXPECT_EQ(run_cli({"check", TRUCELINE_TEST_DATA "/agreements/minimal.toml"}).status, 0);
}

// Standard output that cannot be written (a full disk under `> file`, a pipe closed while
// SIGPIPE is ignored) is a failure: exit 2 and a message, never exit 0 with the output lost.
TEST(Cli, StdoutThatCannotBeWrittenIsAnError) {
  struct FailingBuf : std::streambuf {
    int overflow(int) override { return traits_type::eof(); }
  } failing;
  auto run_failing = [&](std::vector<std::string> args) {
    std::vector<const char*> argv{"truceline"};
    for (const auto& a : args) argv.push_back(a.c_str());
    std::istringstream in;
    std::ostream out(&failing);
    std::ostringstream err;
    const int status = run(static_cast<int>(argv.size()), argv.data(), in, out, err);
    return Result{status, "", err.str()};
  };
  const std::string a = TRUCELINE_TEST_DATA "/agreements/minimal.toml";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check", a}, {"show", "--agreement", a}, {"completion", "bash"}}) {
    const Result r = run_failing(args);
    EXPECT_EQ(r.status, 2) << args[0];
    EXPECT_EQ(r.err, "truceline: error: cannot write to standard output\n") << args[0];
  }
  // With the reason where standard output is an FdOutBuf (as in main): /dev/full.
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) GTEST_SKIP() << "no /dev/full here: " << std::strerror(errno);
  io::FdOutBuf full(fd);
  std::ostream out(&full);
  std::istringstream in;
  std::ostringstream err;
  const char* argv[] = {"truceline", "check", a.c_str()};
  EXPECT_EQ(run(3, argv, in, out, err), 2);
  EXPECT_EQ(err.str(), "truceline: error: cannot write to standard output: No space left on device\n");
  ::close(fd);
}

TEST(Cli, InstantsReadTheSameEverywhere) {
  // A bare date and a date-time without offset are both local at the offset given.
  EXPECT_EQ(parse_instant_option("--at", "2020-03-02", 180), parse_instant_option("--at", "2020-03-02T00:00", 180));
  EXPECT_EQ(parse_instant_option("--at", "2020-03-02", 180), parse_instant_option("--at", "2020-03-01T21:00:00Z", 0));
  EXPECT_EQ(parse_instant_option("--until", "2020-03-02T08:00", 0),
            parse_instant_option("--until", "2020-03-02T08:00:00+00:00", 0));
  for (const char* option : {"--at", "--since", "--until"}) {
    try {
      parse_instant_option(option, "garbage", 0);
      ADD_FAILURE() << option;
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(std::string(option) + " 'garbage'", 0), 0u) << e.what();
    }
  }
  EXPECT_THROW(parse_instant_option("--at", "2020-02-30", 0), UsageError);
}

TEST(Cli, DayOfAnInstant) {
  EXPECT_EQ(parse_day_option("--date", "2020-03-01", 180).date, "2020-03-01");
  EXPECT_EQ(parse_day_option("--date", "2020-03-01T23:30", 180).date, "2020-03-01");
  EXPECT_EQ(parse_day_option("--date", "2020-03-01T22:00Z", 180).date, "2020-03-02");  // 01:00 local
  EXPECT_EQ(parse_day_option("--date", "2020-03-01T02:00Z", -300).date, "2020-02-29");  // 21:00 local
  EXPECT_EQ(parse_day_option("--date", "2020-03-01T15:00", 180).start, parse_instant_option("--at", "2020-03-01", 180));
  EXPECT_THROW(parse_day_option("--date", "01/03/2020", 0), UsageError);
}

// `w` occurs in `text` as a whole word (not inside a longer option name).
bool has_word(const std::string& text, const std::string& w) {
  auto part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
  for (std::size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + 1))
    if ((at == 0 || !part(text[at - 1])) && (at + w.size() == text.size() || !part(text[at + w.size()]))) return true;
  return false;
}

// The completion script and the man page come from the option definitions: every command
// and every option appears in both.
TEST(Cli, CompletionAndManPageListEveryOption) {
  CLI::App app{"truceline: test", "truceline"};
  const std::vector<Command> commands = add_commands(app);
  const std::string completion = bash_completion(app), man = man_page(app);
  // troff writes '-' as '\-'.
  auto roff = [](std::string s) {
    std::string out;
    for (const char c : s) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
  };
  std::size_t options = 0;
  for (const Command& c : commands) {
    const std::string name = c.app->get_name();
    EXPECT_NE(completion.find("    " + name + ")\n"), std::string::npos) << name;
    EXPECT_NE(man.find(".SS \"truceline " + name + "\""), std::string::npos) << name;
    for (const OptionInfo& o : options_of(*c.app)) {
      ++options;
      for (const std::string& n : o.names) {
        if (!o.positional) {
          EXPECT_TRUE(has_word(completion, n)) << name << " " << n;
        }
        EXPECT_NE(man.find(roff(n)), std::string::npos) << name << " " << n;
      }
      for (const std::string& v : o.choices) EXPECT_TRUE(has_word(completion, v)) << name << " " << v;
    }
  }
  EXPECT_GT(options, 60u);
}

// Every option error ends with the --help hint and exit status 2.
TEST(Cli, OptionErrorsGiveTheHint) {
  const std::string a = TRUCELINE_TEST_DATA "/agreements/minimal.toml";
  const std::string line = TRUCELINE_TEST_DATA "/line_2v.geojson";
  const std::vector<std::vector<std::string>> cases{
      {"zone", "--line", line, "--depth", "abc"},
      {"zone", "--agreement", a, "--zone", "dmz", "--side", "left"},
      {"zone", "--agreement", a, "--zone", "dmz", "--clip", line},
      {"zone", "--agreement", a, "--zone", "nope"},
      {"locate", "--agreement", a, "--at", "2020-02-01", "--side", "right", "-"},
      {"show", "--agreement", a, "--at", "yesterday"},
      {"show", "--agreement", a, "--json", "--format", "text"},
      {"map", "--agreement", a, "--at", "2020-13-01"},
      {"check"},
      {"reports", "--db", "x.db", "--since", "garbage"},
      {"place", "Suran", "--near", "1"},
      {"completion", "zsh"},
  };
  for (const auto& args : cases) {
    const Result r = run_cli(args);
    std::string joined;
    for (const auto& x : args) joined += x + " ";
    EXPECT_EQ(r.status, 2) << joined << r.err;
    EXPECT_NE(r.err.find("\nRun 'truceline " + args[0] + " --help' for usage.\n"), std::string::npos) << joined << r.err;
  }
}

// ---------------------------------------------------------------------------------------------
// `report -o DIR` is all-or-nothing (issue 16 item 3): killed at any step, or on a full disk,
// DIR holds one complete set of six files from one run.

namespace fs = std::filesystem;

const std::set<std::string> kReportFiles = {"report.html", "report.md",         "map.svg",
                                            "chart.svg",   "incidents.geojson", "summary.json"};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::set<std::string> names_in(const fs::path& d) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(d)) names.insert(e.path().filename().string());
  return names;
}

// The report day of each file of DIR that names one; all must agree. "" when DIR is not one set.
std::string day_of_set(const fs::path& dir) {
  if (names_in(dir) != kReportFiles) return "";
  const std::regex day(R"((2020-03-0\d))");
  std::smatch m;
  const std::string summary = slurp(dir / "summary.json"), md = slurp(dir / "report.md"),
                    html = slurp(dir / "report.html");
  const std::regex summary_day(R"re("date": "(2020-03-0\d)")re");
  if (!std::regex_search(summary, m, summary_day)) return "";
  const std::string d = m[1];
  if (!std::regex_search(md, m, day) || m[1] != d) return "";
  if (!std::regex_search(html, m, std::regex("<title>[^<]*(2020-03-0\\d)")) || m[1] != d) return "";
  return d;
}

struct ReportRun {
  fs::path root = fs::temp_directory_path() / ("truceline_cli_report_" + std::to_string(::getpid()));
  std::string db = (root / "t.db").string();
  ReportRun() {
    fs::remove_all(root);
    fs::create_directories(root);
    const Result r = run_cli({"ingest", "--db", db, TRUCELINE_TEST_DATA "/reports/assess_cases.jsonl"});
    EXPECT_EQ(r.status, 0) << r.err;
  }
  ~ReportRun() { fs::remove_all(root); }
  Result report(const std::string& date, const fs::path& dir) const {
    return run_cli({"report", "--agreement", TRUCELINE_TEST_DATA "/agreements/assess.toml", "--db", db, "--date", date,
                    "-o", dir.string()});
  }
};

int g_report_steps_left = 0;

// Before: the six files were renamed one by one, and a run killed between two renames left
// files of two days. Killed at every step of the write (SIGKILL from a fault hook), the
// directory now holds the previous day's set or the new one, and the next run leaves no
// temporary behind.
TEST(Cli, ReportKilledAtAnyStepLeavesOneCompleteSet) {
  const ReportRun run;
  const fs::path out = run.root / "out";
  ASSERT_EQ(run.report("2020-03-01", out).status, 0);
  ASSERT_EQ(day_of_set(out), "2020-03-01");
  int killed = 0;
  for (int k = 1; k <= 12; ++k) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      g_report_steps_left = k;
      io::detail::set_fault_hook([](const char*) {
        if (--g_report_steps_left == 0) ::raise(SIGKILL);
      });
      ::_exit(run.report("2020-03-02", out).status);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFSIGNALED(status)) {
      EXPECT_EQ(WEXITSTATUS(status), 0);
      break;
    }
    ++killed;
    const std::string day = day_of_set(out);
    EXPECT_TRUE(day == "2020-03-01" || day == "2020-03-02") << "killed at step " << k << ": not one complete set";
    EXPECT_EQ(day == "2020-03-02", k >= 8) << "killed at step " << k;  // 6 files, synced, swapped
    ASSERT_EQ(run.report("2020-03-01", out).status, 0);
    EXPECT_EQ(names_in(run.root), (std::set<std::string>{"out", "t.db"})) << "killed at step " << k;
    EXPECT_EQ(day_of_set(out), "2020-03-01");
  }
  EXPECT_EQ(killed, 8);
}

// Before: a full disk gave "cannot write" without the reason, after some files of the new day
// had replaced the previous day's. Now: exit 2, "No space left on device", the previous set
// intact, no temporary left. The tmpfs holds the previous set plus less than the new one.
TEST(Cli, ReportOnAFullDiskExitsTwoAndKeepsThePreviousSet) {
  const ReportRun run;
  const fs::path probe_old = run.root / "old", probe_new = run.root / "new";
  ASSERT_EQ(run.report("2020-03-02", probe_old).status, 0);
  ASSERT_EQ(run.report("2020-03-01", probe_new).status, 0);
  auto pages = [](const fs::path& p) { return (fs::file_size(p) + 4095) / 4096; };
  std::uintmax_t old_pages = 0, html_pages = pages(probe_new / "report.html");
  for (const auto& n : kReportFiles) old_pages += pages(probe_old / n);
  const fs::path mnt = run.root / "mnt";
  fs::create_directories(mnt);
  // Room for the previous set and not quite the new report.html.
  const std::string size = "size=" + std::to_string((old_pages + html_pages - 1) * 4096);
  if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, size.c_str()) != 0)
    GTEST_SKIP() << "cannot mount a tmpfs (" << std::strerror(errno) << "): the full-disk test needs root";
  struct Unmount {
    fs::path p;
    ~Unmount() { ::umount(p.c_str()); }
  } unmount{mnt};
  const fs::path out = mnt / "out";
  ASSERT_EQ(run.report("2020-03-02", out).status, 0);
  std::map<std::string, std::string> before;
  for (const auto& n : kReportFiles) before[n] = slurp(out / n);
  const Result r = run.report("2020-03-01", out);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(": cannot write: No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.rfind("truceline: error: " + out.string() + "/", 0), 0u) << r.err;
  for (const auto& n : kReportFiles) EXPECT_EQ(slurp(out / n), before[n]) << n;
  EXPECT_EQ(names_in(mnt), (std::set<std::string>{"out"}));
  EXPECT_EQ(day_of_set(out), "2020-03-02");
}

}  // namespace
}  // namespace truceline::cli
