// `truceline verify-store`: the full damage check of a report store (docs/store-integrity.md):
// SQLite's integrity_check, every content hash, per-batch counts, the indexes and the
// append-only triggers. Prints `ok`, or each problem on its own line.
#include <memory>
#include <string>

#include "truceline/cli/command.hpp"
#include "truceline/store/integrity.hpp"

namespace truceline::cli {

namespace {

// 0: no damage found ("ok"); 1: damage, one line per problem on stdout; a missing file or a
// file that is not a store: InputError (exit 2).
int cmd_verify_store(const std::string& db, Io& io) {
  const std::vector<std::string> problems = store::verify(db);
  if (problems.empty()) {
    io.out << "ok\n";
    return 0;
  }
  for (const std::string& p : problems) io.out << p << "\n";
  io.out.flush();
  io.err << "truceline: error: " << db << ": store is damaged: " << problems.size()
         << (problems.size() == 1 ? " problem" : " problems") << " found\n";
  return 1;
}

}  // namespace

Command add_verify_store_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "verify-store",
      "check a store for damage: pages, content hashes, batch counts, indexes, triggers");
  cmd->add_option("--db", *db, "the store")->type_name("FILE")->required();
  return {cmd, [db](Io& io) { return cmd_verify_store(*db, io); }};
}

}  // namespace truceline::cli
