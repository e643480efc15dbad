#include "truceline/cli/app.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <thread>
#include <vector>

#include "truceline/cli/command.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/geojson.hpp"
#include "truceline/geo/locate.hpp"
#include "truceline/geo/zone.hpp"
#include "truceline/io/file.hpp"

namespace truceline::cli {

double parse_depth(const std::string& text) {
  const auto metres = geo::parse_distance_m(text);
  if (!metres)
    throw UsageError(fmt::format(
        "--depth '{}': expected a positive number with a unit, m or km (e.g. 20km, 15000m, 0.5km)", text));
  if (!(*metres > 0)) throw UsageError(fmt::format("--depth '{}': the depth must be greater than 0", text));
  if (!(*metres <= geo::kMaxDepthM))
    throw UsageError(fmt::format("--depth '{}': the depth must be at most 1000 km", text));
  return *metres;
}

std::vector<Command> add_commands(CLI::App& app) {
  return {add_zone_command(app),       add_locate_command(app),     add_check_command(app),
          add_show_command(app),       add_map_command(app),        add_place_command(app),
          add_ingest_command(app),     add_reports_command(app),    add_quarantine_command(app),
          add_stats_command(app),      add_verify_store_command(app),
          add_relocate_command(app),   add_assess_command(app),
          add_report_command(app),     add_keygen_command(app),     add_ledger_command(app),
          add_serve_command(app),
          add_submit_command(app),     add_ack_command(app),        add_dispute_command(app),
          add_notify_command(app),     add_review_command(app),     add_extract_command(app),
          add_completion_command(app), add_man_command(app)};
}

int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"truceline: ceasefire and demilitarized-zone monitoring on the WGS84 ellipsoid", "truceline"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("truceline ") + kVersion);
  const std::vector<Command> commands = add_commands(app);
  std::string names;
  for (const auto& c : commands) names += (names.empty() ? "" : ", ") + c.app->get_name();

  // The subcommand named on the command line, for messages and hints.
  std::string command;
  if (argc > 1 && argv[1][0] != '-') command = argv[1];
  const bool known = std::any_of(commands.begin(), commands.end(),
                                 [&](const Command& c) { return c.app->get_name() == command; });
  std::string hint = known ? "truceline " + command + " --help" : "truceline --help";
  // A command with subcommands (`ledger verify`, `ledger log`): the hint names the subcommand,
  // whose --help lists the options (the command's own only lists its subcommands).
  if (known && argc > 2) {
    for (const auto& c : commands)
      if (c.app->get_name() == command)
        for (const CLI::App* sub : c.app->get_subcommands({}))
          if (sub->get_name() == argv[2]) hint = "truceline " + command + " " + argv[2] + " --help";
  }
  if (!command.empty() && !known) {
    err << "truceline: error: '" << command << "' is not a truceline command (commands: " << names << ")\n"
        << "Run '" << hint << "' for usage.\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    // CLI11 says "--depth: 1 required TEXT missing" for an option given without its value.
    static const std::regex missing(R"(^(-[-\w]+): 1 required .* missing$)");
    std::smatch m;
    if (std::regex_match(what, m, missing)) {
      const std::string option = m[1].str();
      what = option + " needs a value";
      if (option == "--depth") what += ", e.g. --depth 20km";
    }
    err << "truceline: error: " << what << "\nRun '" << hint << "' for usage.\n";
    return 2;
  }
  Io io{in, out, err};
  try {
    for (const auto& c : commands) {
      if (!c.app->parsed()) continue;
      const int status = c.run(io);
      // Output that did not reach stdout (a full disk, a closed pipe) is a failure, never 0.
      out.flush();
      if (!out) {
        err << "truceline: error: " << io::stdout_failure(out) << "\n";
        return status != 0 ? status : 2;
      }
      return status;
    }
  } catch (const UsageError& e) {
    out.flush();
    err << "truceline: error: " << e.what() << "\nRun '" << hint << "' for usage.\n";
    return 2;
  } catch (const InputError& e) {
    out.flush();
    err << "truceline: error: " << e.what() << "\n";
    return 2;
  } catch (const geo::GeometryError& e) {
    out.flush();
    err << "truceline: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    out.flush();
    err << "truceline: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace truceline::cli
