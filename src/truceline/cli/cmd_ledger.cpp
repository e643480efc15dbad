// `truceline keygen` (an Ed25519 key file for a party or the server) and `truceline ledger
// verify --db` (offline verification of the log in a store): docs/ledger.md, docs/cli.md.
// The work is in the library (ledger/crypto.hpp, ledger/verify.hpp).
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

#include "truceline/cli/command.hpp"
#include "truceline/error.hpp"
#include "truceline/ledger/checkpoint.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/parties.hpp"
#include "truceline/ledger/verify.hpp"

namespace truceline::cli {

namespace {

struct KeygenArgs {
  std::string party, output;
  bool force = false;
};

int cmd_keygen(const KeygenArgs& a, Io& io) {
  if (a.party.empty() || a.party.find_first_of(" \t\r\n") != std::string::npos)
    throw UsageError(fmt::format("--party '{}': a party id is one word (as in the parties file)", a.party));
  if (a.output.empty() || a.output == "-")
    throw UsageError("-o FILE: the secret key goes to a file (mode 0600), never to standard output");
  const ledger::KeyPair key = ledger::generate_key(a.party);
  ledger::write_key_file(a.output, key, a.force);
  io.out << a.party << " " << ledger::public_key_text(key.public_key) << "\n";
  return 0;
}

struct VerifyArgs {
  std::string db, parties, receipts, log_key;
};

// The log key: --log-key (a C2SP vkey), or the parties file's [log] public_key under its origin;
// both given: they must agree.
ledger::VerifierKey log_key_of(const VerifyArgs& a, const ledger::Parties& parties) {
  std::optional<ledger::VerifierKey> from_file;
  if (parties.log_key) from_file = ledger::verifier_key(parties.origin, *parties.log_key);
  if (a.log_key.empty()) {
    if (!from_file)
      throw UsageError(fmt::format("no log key to check checkpoints with: give --log-key VKEY (as `serve` prints it) "
                                   "or [log] public_key in {}",
                                   a.parties));
    return *from_file;
  }
  std::string why;
  const auto k = ledger::parse_vkey(a.log_key, &why);
  if (!k) throw UsageError(fmt::format("--log-key '{}': {}", a.log_key, why));
  if (k->origin != parties.origin)
    throw UsageError(fmt::format("--log-key: its name \"{}\" is not the log's origin \"{}\" ({})", k->origin,
                                 parties.origin, a.parties));
  if (from_file && from_file->public_key != k->public_key)
    throw UsageError(fmt::format("--log-key is not the [log] public_key of {}", a.parties));
  return *k;
}

int cmd_ledger_verify(const VerifyArgs& a, Io& io) {
  if (a.db.empty()) throw UsageError("ledger verify needs --db DB (the store holding the log)");
  const ledger::Parties parties = ledger::Parties::load(a.parties);
  const ledger::VerifierKey key = log_key_of(a, parties);
  std::vector<ledger::Receipt> receipts;
  if (!a.receipts.empty()) receipts = ledger::read_receipts(a.receipts);
  const ledger::VerifyResult r = ledger::verify_store(a.db, parties, key, receipts);
  io.out << r.summary() << "\n";
  if (r.ok) return 0;
  io.out.flush();
  io.err << "truceline: error: " << a.db << ": the ledger does not verify\n";
  return 1;
}

}  // namespace

Command add_keygen_command(CLI::App& app) {
  auto a = std::make_shared<KeygenArgs>();
  auto* cmd = app.add_subcommand("keygen", "write a new Ed25519 key file for a party (or the server) and print its "
                                           "public key");
  cmd->add_option("--party", a->party, "the party id (the key file's kid)")->type_name("ID")->required();
  cmd->add_option("-o,--output", a->output, "the key file to write (JWK, mode 0600)")->type_name("FILE")->required();
  cmd->add_flag("--force", a->force, "replace an existing key file");
  return {cmd, [a](Io& io) { return cmd_keygen(*a, io); }};
}

Command add_ledger_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("ledger", "the signed log of the communication mechanism (docs/ledger.md)");
  cmd->require_subcommand(1);
  auto v = std::make_shared<VerifyArgs>();
  auto* verify = cmd->add_subcommand(
      "verify", "check a log offline: every signature, the tree, the checkpoints and receipts; prints ok or the first "
                "bad entry");
  verify->add_option("--db", v->db, "the store holding the log")->type_name("FILE");
  verify->add_option("--parties", v->parties, "the parties file (keys and roles)")->type_name("FILE")->required();
  verify->add_option("--receipts", v->receipts, "receipts to check (JSON lines, as `submit --receipts` writes)")
      ->type_name("FILE");
  verify->add_option("--log-key", v->log_key, "the log's verifier key (ORIGIN+KEYID+BASE64); default: [log] "
                                              "public_key of the parties file")
      ->type_name("VKEY");
  return {cmd, [verify, v](Io& io) {
            if (verify->parsed()) return cmd_ledger_verify(*v, io);
            return 2;
          }};
}

}  // namespace truceline::cli
