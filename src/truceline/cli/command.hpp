// How a CLI command plugs into `truceline`: it adds its subcommand and options to the app
// and returns the function that runs it once parsed. Option values live in state captured
// by that function. Commands parse and print; the work is in the library.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>

namespace truceline::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  CLI::App* app = nullptr;
  std::function<int(Io&)> run;
};

Command add_zone_command(CLI::App& app);    // cmd_geo.cpp
Command add_locate_command(CLI::App& app);  // cmd_geo.cpp
Command add_place_command(CLI::App& app);   // cmd_place.cpp (gazetteer)
Command add_check_command(CLI::App& app);   // cmd_agreement.cpp
Command add_show_command(CLI::App& app);    // cmd_agreement.cpp
Command add_map_command(CLI::App& app);     // cmd_agreement.cpp
Command add_ingest_command(CLI::App& app);      // cmd_store.cpp
Command add_reports_command(CLI::App& app);     // cmd_store.cpp
Command add_quarantine_command(CLI::App& app);  // cmd_store.cpp
Command add_stats_command(CLI::App& app);       // cmd_store.cpp
Command add_relocate_command(CLI::App& app);    // cmd_relocate.cpp
Command add_assess_command(CLI::App& app);      // cmd_assess.cpp
Command add_report_command(CLI::App& app);      // cmd_assess.cpp

}  // namespace truceline::cli
