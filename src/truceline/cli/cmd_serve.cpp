// `truceline serve`: the HTTP API over the report store and the ledger (docs/api.md,
// docs/cli.md "serve"). Parsing, checking and printing only: the server is in server/.
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <boost/asio/ip/address.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "truceline/agreement/agreement.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/error.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/parties.hpp"
#include "truceline/server/api.hpp"
#include "truceline/server/ledger_service.hpp"
#include "truceline/server/http.hpp"
#include "truceline/store/integrity.hpp"

namespace truceline::cli {

namespace {

struct ServeArgs {
  std::string db, agreement, parties, listen = "127.0.0.1:8787", key, tls_cert, tls_key, origin, web_root;
  bool insecure = false;
};

struct Listen {
  std::string address;
  uint16_t port = 0;
  bool loopback = false;
};

// "127.0.0.1:8787", "[::1]:8787", "localhost:8787" (= 127.0.0.1), "0.0.0.0:443".
Listen parse_listen(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    return UsageError(fmt::format("--listen '{}': {}; expected ADDRESS:PORT, e.g. 127.0.0.1:8787 or [::1]:8787",
                                  text, why));
  };
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) throw bad("no port");
  std::string host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(host, ec);
  if (ec) throw bad(fmt::format("'{}' is not an IP address", host));
  char* end = nullptr;
  const long p = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || *end != '\0' || p < 0 || p > 65535) throw bad(fmt::format("'{}' is not a port (0-65535)", port));
  return {address.to_string(), static_cast<uint16_t>(p), address.is_loopback()};
}

int cmd_serve(const ServeArgs& a, Io& io) {
  const Listen listen = parse_listen(a.listen);
  const bool tls = !a.tls_cert.empty();
  if (tls != !a.tls_key.empty()) throw UsageError("--tls-cert and --tls-key go together: give both or neither");
  // Entries, keys and reports in clear text beyond this machine: refused unless asked for.
  if (!listen.loopback && !tls && !a.insecure)
    throw UsageError(fmt::format(
        "--listen {}: {} is not a loopback address and the server has no TLS: parties' entries would cross the "
        "network in clear text; give --tls-cert and --tls-key, or --insecure to serve plain HTTP anyway",
        a.listen, listen.address));
  // The web app's files from disk (development): a directory like web/, with its index.html.
  if (!a.web_root.empty() && !std::filesystem::is_regular_file(std::filesystem::path(a.web_root) / "index.html"))
    throw UsageError(fmt::format("--web-root {}: no index.html in it (give the web/ directory of a source tree)",
                                 a.web_root));
  const agreement::Agreement agreement = agreement::load_valid(a.agreement);
  // The store: created when missing (a new mission's server starts with an empty log); a
  // damaged one is refused before the server writes into it (docs/store-integrity.md).
  if (std::filesystem::exists(a.db)) store::check_before_write(a.db);
  server::LogLedger::Options ledger_options;
  ledger_options.db = a.db;
  ledger_options.parties = ledger::Parties::load(a.parties, &agreement);
  if (!a.origin.empty() && a.origin != ledger_options.parties.origin)
    throw UsageError(fmt::format("--origin '{}': the parties file {} says origin = \"{}\"; verifiers read the origin "
                                 "from that file, so the checkpoints must carry the same",
                                 a.origin, a.parties, ledger_options.parties.origin));
  // The server's checkpoint key: read, or made on the first start (mode 0600, never replaced).
  const std::string key_path = a.key.empty() ? a.db + ".key" : a.key;
  if (std::filesystem::exists(key_path)) {
    ledger_options.key = ledger::read_key_file(key_path);
  } else {
    // A new key only for a log that knows none yet: one the parties file names, or that signed
    // the store's checkpoints, cannot be replaced (verifiers would refuse every checkpoint of
    // one key or the other).
    const auto& log_key = ledger_options.parties.log_key;
    if (log_key)
      throw InputError(fmt::format("{}: no such key file, and {} names the server's key ([log] public_key {}): give "
                                   "--key the file of that key (a new key would not match it)",
                                   key_path, a.parties, ledger::public_key_text(*log_key)));
    if (std::filesystem::exists(a.db)) {
      const auto stored = ledger::Log::open_read_only(a.db, ledger_options.parties).checkpoints();
      if (!stored.empty()) {
        // The key id: the first 4 bytes of the last signature line's base64 (docs/ledger.md).
        const std::string& note = stored.back().note;
        const std::size_t sp = note.rfind(' ');
        const auto blob = sp == std::string::npos ? std::nullopt : ledger::from_base64(note.substr(sp + 1, note.size() - sp - 2));
        const std::string id = blob && blob->size() >= 4 ? fmt::format("{:02x}{:02x}{:02x}{:02x}",
                                                                        static_cast<unsigned char>((*blob)[0]),
                                                                        static_cast<unsigned char>((*blob)[1]),
                                                                        static_cast<unsigned char>((*blob)[2]),
                                                                        static_cast<unsigned char>((*blob)[3]))
                                                            : std::string("?");
        throw InputError(fmt::format("{}: no such key file, and the log in {} has checkpoints signed by key id {} "
                                     "(the \"log key\" line of earlier starts): give --key the file of that key "
                                     "(a new key would not match them)",
                                     key_path, a.db, id));
      }
    }
    ledger_options.key = ledger::generate_key("log");
    ledger::write_key_file(key_path, ledger_options.key);
    io.err << fmt::format("truceline: {}: new server key {} (mode 0600); put it in {} as [log] public_key\n", key_path,
                          ledger::public_key_text(ledger_options.key.public_key), a.parties)
           << std::flush;
  }

  // SIGINT and SIGTERM are taken by this thread only (sigwait below): blocked before the
  // server's threads start, so they inherit the mask and never run a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  struct Restore {
    sigset_t mask;
    ~Restore() { pthread_sigmask(SIG_SETMASK, &mask, nullptr); }
  } restore{previous};

  server::LogLedger ledger(std::move(ledger_options));
  server::ApiOptions api_options;
  api_options.db = a.db;
  api_options.web_root = a.web_root;
  api_options.gazetteer = default_gazetteer_file();
  server::Api api(agreement, api_options, &ledger);
  server::HttpOptions http;
  http.address = listen.address;
  http.port = listen.port;
  http.tls_cert = a.tls_cert;
  http.tls_key = a.tls_key;
  std::optional<server::HttpServer> srv;
  srv.emplace(http, [&api](server::Request r, server::Reply reply) { api.handle(std::move(r), std::move(reply)); });
  const std::string host = listen.address.find(':') != std::string::npos ? "[" + listen.address + "]" : listen.address;
  io.out << fmt::format("listening on {}://{}:{}\nlog key {}\n", tls ? "https" : "http", host, srv->port(),
                        ledger.vkey())
         << std::flush;

  int signal = 0;
  sigwait(&stop_signals, &signal);
  io.err << fmt::format("truceline: {}: stopping: finishing the requests in flight\n",
                        signal == SIGINT ? "SIGINT" : "SIGTERM")
         << std::flush;
  srv->stop();  // no new requests; the ones in flight answered (their appends committed)
  srv.reset();
  const uint64_t size = ledger.size();
  ledger.stop();  // whatever is still queued is appended; the store is closed
  io.err << fmt::format("truceline: stopped; the log has {} entries\n", size);
  return 0;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto a = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "the HTTP API: the parties' signed log, reports, assessment, daily report");
  cmd->add_option("--db", a->db, "the report store, which also holds the log (created if missing)")
      ->type_name("FILE")
      ->required();
  cmd->add_option("--agreement", a->agreement, "the agreement (TOML)")->type_name("FILE")->required();
  cmd->add_option("--parties", a->parties, "the parties and their public keys (TOML)")->type_name("FILE")->required();
  cmd->add_option("--listen", a->listen, "ADDRESS:PORT to listen on (port 0: any free port, printed)")
      ->capture_default_str();
  cmd->add_option("--key", a->key, "the server's checkpoint key (JWK); generated (mode 0600) if missing")
      ->type_name("FILE");
  cmd->add_option("--tls-cert", a->tls_cert, "TLS certificate chain (PEM)")->type_name("FILE");
  cmd->add_option("--tls-key", a->tls_key, "TLS private key (PEM)")->type_name("FILE");
  cmd->add_flag("--insecure", a->insecure, "allow plain HTTP on a non-loopback address");
  cmd->add_option("--origin", a->origin, "the log's origin line in checkpoints (default: the parties file's)");
  cmd->add_option("--web-root", a->web_root,
                  "serve the web app's /assets/ from this directory (e.g. web/) instead of the copy built in "
                  "(development: edit, reload)")
      ->type_name("DIR");
  return {cmd, [a](Io& io) { return cmd_serve(*a, io); }};
}

}  // namespace truceline::cli
