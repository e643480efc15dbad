// `truceline keygen` (an Ed25519 key file for a party or the server), `truceline ledger verify`
// (--db: offline verification of the log in a store; --server: of the log a server serves) and
// `truceline ledger log --server` (its entries, one line each): docs/ledger.md, docs/cli.md.
// The work is in the library (ledger/crypto.hpp, ledger/verify.hpp; HTTP: net/http_client.hpp).
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

#include "truceline/cli/client.hpp"
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
  ServerArgs server;
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

// The log a server serves: its checkpoint first (GET /v1/checkpoint), then every entry up to
// the checkpoint's size (GET /v1/entries, 1000 a page), all through the same Verifier as a
// store: nothing the server says is trusted beyond what the parties and the log key sign.
int verify_server(const VerifyArgs& a, Io& io) {
  const ledger::Parties parties = ledger::Parties::load(a.parties);
  const ledger::VerifierKey key = log_key_of(a, parties);
  std::vector<ledger::Receipt> receipts;
  if (!a.receipts.empty()) receipts = ledger::read_receipts(a.receipts);
  net::HttpClient c = connect(a.server);
  const std::string server = c.url().origin();
  auto fail = [&](const std::string& problem) {
    io.out << problem << "\n";
    io.out.flush();
    io.err << "truceline: error: " << server << ": the ledger does not verify\n";
    return 1;
  };
  const net::Response cp = c.get("/v1/checkpoint");
  if (!cp.ok()) throw InputError(server_error(c, cp));
  std::string why;
  const auto checkpoint = ledger::verify_checkpoint(cp.body, key, &why);
  if (!checkpoint) return fail("the server's checkpoint: " + why);
  ledger::Verifier v(parties, key);
  uint64_t next = 0;
  bool going = true;
  while (going && next < checkpoint->size) {
    const auto page = fetch_entries(c, next, std::min<uint64_t>(checkpoint->size, next + 1000));
    if (page.empty()) break;  // fewer entries than the checkpoint covers: finish() names it
    for (const auto& e : page) {
      std::optional<ledger::Hash> stated;
      if (!e.leaf_hash.empty()) {
        stated = ledger::hash_from_hex(e.leaf_hash);
        if (!stated) return fail(fmt::format("entry {}: the server's leaf_hash '{}' is not 64 hex digits", e.index,
                                             e.leaf_hash));
      }
      going = v.add_entry(static_cast<int64_t>(e.index), e.envelope.dump(), stated);
      if (!going) break;
    }
    if (page.back().index + 1 <= next) break;  // the server repeats itself: the Verifier has said so
    next = page.back().index + 1;
  }
  v.add_checkpoint(cp.body, "the server's checkpoint");
  for (auto& r : receipts) v.add_receipt(std::move(r));
  const ledger::VerifyResult r = v.finish();
  if (!r.ok) return fail(r.summary());
  io.out << r.summary() << "\n";
  return 0;
}

int cmd_ledger_verify(const VerifyArgs& a, Io& io) {
  if (!a.db.empty() && !a.server.url.empty()) throw UsageError("ledger verify: give --db DB or --server URL, not both");
  if (!a.server.url.empty()) return verify_server(a, io);
  if (a.db.empty())
    throw UsageError("ledger verify needs --db DB (the store holding the log) or --server URL (a server's log)");
  const ledger::Parties parties = ledger::Parties::load(a.parties);
  const ledger::VerifierKey key = log_key_of(a, parties);
  std::vector<ledger::Receipt> receipts;
  if (!a.receipts.empty()) receipts = ledger::read_receipts(a.receipts);
  const ledger::VerifyResult r = ledger::verify_store(a.db, parties, key, receipts);
  // The review decisions found applied, one a line, before the verdict (docs/ledger.md).
  if (r.ok)
    for (const auto& line : r.reviews) io.out << line << "\n";
  io.out << r.summary() << "\n";
  if (r.ok) return 0;
  io.out.flush();
  io.err << "truceline: error: " << a.db << ": the ledger does not verify\n";
  return 1;
}

struct LogArgs {
  ServerArgs server;
  uint64_t from = 0;
};

// One line of text: line breaks and tabs as spaces, at most 160 bytes (cut at a UTF-8 boundary).
std::string one_line(std::string s) {
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  if (s.size() > 160) {
    std::size_t cut = 157;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

std::string member(const nlohmann::json& o, const char* k) {
  if (!o.is_object()) return "";
  const auto it = o.find(k);
  if (it == o.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// What an entry says, in a few words (docs/cli.md, "ledger log").
std::string entry_summary(const std::string& type, const nlohmann::json& body) {
  if (type == "report") {
    std::string where = member(body, "place");
    if (body.is_object() && body.contains("lat") && body.contains("lon"))
      where = member(body, "lat") + "," + member(body, "lon");
    std::string s = member(body, "kind") + " " + member(body, "observed_at");
    if (!where.empty()) s += " at " + where;
    if (!member(body, "summary").empty()) s += ": " + member(body, "summary");
    return s;
  }
  if (type == "ack") return member(body, "note");
  if (type == "dispute") return "reason: " + member(body, "reason");
  if (type == "notification") {
    std::string s = member(body, "kind");
    if (!member(body, "from").empty() || !member(body, "until").empty())
      s += " " + member(body, "from") + " to " + member(body, "until");
    return s;
  }
  return body.dump();
}

int cmd_ledger_log(const LogArgs& a, Io& io) {
  net::HttpClient c = connect(a.server);
  uint64_t next = a.from;
  for (;;) {
    const auto page = fetch_entries(c, next, next + 1000);
    if (page.empty()) return 0;
    for (const auto& e : page) {
      const nlohmann::json& entry = e.envelope.is_object() && e.envelope.contains("entry") ? e.envelope["entry"]
                                                                                             : nlohmann::json();
      const std::string type = member(entry, "type");
      const std::string ref = member(entry, "ref");
      io.out << e.index << "\t" << member(entry, "timestamp") << "\t" << one_line(member(entry, "party")) << "\t"
             << one_line(type) << "\t" << (ref.empty() ? "-" : ref) << "\t"
             << one_line(entry_summary(type, entry.is_object() ? entry.value("body", nlohmann::json()) : nlohmann::json()))
             << "\n";
    }
    if (page.back().index + 1 <= next) return 0;
    next = page.back().index + 1;
  }
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
  add_server_options(verify, v->server, false);
  verify->add_option("--parties", v->parties, "the parties file (keys and roles)")->type_name("FILE")->required();
  verify->add_option("--receipts", v->receipts, "receipts to check (JSON lines, as `submit --receipts` writes)")
      ->type_name("FILE");
  verify->add_option("--log-key", v->log_key, "the log's verifier key (ORIGIN+KEYID+BASE64); default: [log] "
                                              "public_key of the parties file")
      ->type_name("VKEY");
  auto l = std::make_shared<LogArgs>();
  auto* log = cmd->add_subcommand("log", "list a server's log: index, time, party, type, ref, summary (tab-separated)");
  add_server_options(log, l->server);
  log->add_option("--from", l->from, "the first index listed")->type_name("N")->capture_default_str();
  return {cmd, [verify, v, log, l](Io& io) {
            if (verify->parsed()) return cmd_ledger_verify(*v, io);
            if (log->parsed()) return cmd_ledger_log(*l, io);
            return 2;
          }};
}

}  // namespace truceline::cli
