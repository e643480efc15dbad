// Placeholder until the gazetteer lands: `truceline place` reports that it is not built yet.
#include "truceline/cli/command.hpp"
#include "truceline/error.hpp"

namespace truceline::cli {

Command add_place_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("place", "look up a place name in the gazetteer");
  cmd->allow_extras();
  return {cmd, [](Io&) -> int { throw InputError("place: the gazetteer is not built yet"); }};
}

}  // namespace truceline::cli
