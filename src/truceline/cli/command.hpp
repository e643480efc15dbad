// How a CLI command plugs into `truceline`: it adds its subcommand and options to the app
// and returns the function that runs it once parsed. Option values live in state captured
// by that function. Commands parse and print; the work is in the library.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

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
Command add_verify_store_command(CLI::App& app);  // cmd_verify.cpp
Command add_relocate_command(CLI::App& app);    // cmd_relocate.cpp
Command add_assess_command(CLI::App& app);      // cmd_assess.cpp
Command add_report_command(CLI::App& app);      // cmd_assess.cpp
Command add_keygen_command(CLI::App& app);      // cmd_ledger.cpp
Command add_ledger_command(CLI::App& app);      // cmd_ledger.cpp (ledger verify, ledger log)
Command add_submit_command(CLI::App& app);      // cmd_client.cpp
Command add_ack_command(CLI::App& app);         // cmd_client.cpp
Command add_review_command(CLI::App& app);      // cmd_review.cpp
Command add_extract_command(CLI::App& app);     // cmd_extract.cpp
Command add_dispute_command(CLI::App& app);     // cmd_client.cpp
Command add_notify_command(CLI::App& app);      // cmd_client.cpp
Command add_serve_command(CLI::App& app);       // cmd_serve.cpp
Command add_completion_command(CLI::App& app);  // completion.cpp (generated from `app`)
Command add_man_command(CLI::App& app);         // completion.cpp (generated from `app`)

// Every command, added to `app` in the order `truceline --help` lists them (app.cpp).
std::vector<Command> add_commands(CLI::App& app);

inline constexpr const char* kVersion = "0.1.0";

// One option of a command, as the completion script and the man page describe it.
struct OptionInfo {
  std::vector<std::string> names;  // "-o", "--output"; a positional: its name
  bool positional = false, takes_value = false, required = false, repeatable = false;
  std::string type;                  // "TEXT", "FILE", "UINT", ... ("" for flags)
  std::vector<std::string> choices;  // the values a CLI::IsMember check allows
  std::string description, default_value;
};
std::vector<OptionInfo> options_of(const CLI::App& cmd);  // completion.cpp, help included
std::string bash_completion(const CLI::App& app);
std::string man_page(const CLI::App& app);

}  // namespace truceline::cli
