// The client commands of the communication mechanism (docs/cli.md, "The communication
// mechanism"): `submit`, `ack`, `dispute`, `notify`. Each builds the entry (ledger/entry.hpp),
// signs it with the party's key and POSTs the envelope to the server (POST /v1/entries,
// docs/api.md). Parsing and printing only: signing is ledger/, HTTP net/.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/cli/client.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/error.hpp"
#include "truceline/geo/polyline.hpp"
#include "truceline/io/file.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/verify.hpp"
#include "truceline/store/record.hpp"
#include "truceline/time.hpp"

namespace truceline::cli {

using nlohmann::json;

void add_server_options(CLI::App* cmd, ServerArgs& s, bool required) {
  auto* o = cmd->add_option("--server", s.url, "the server's URL (http://HOST:PORT or https://HOST:PORT)")
                ->type_name("URL");
  if (required) o->required();
  cmd->add_flag("--insecure", s.insecure,
                "https: do not verify the server's certificate (a self-signed test server; the server is then "
                "not authenticated)");
  cmd->add_option("--timeout", s.timeout_s, "seconds allowed for each step of a request (connect, send, answer)")
      ->type_name("SECONDS")
      ->capture_default_str();
}

net::HttpClient connect(const ServerArgs& s) {
  if (!(s.timeout_s > 0) || s.timeout_s > 86400)
    throw UsageError(fmt::format("--timeout {}: expected seconds, more than 0 and at most 86400", s.timeout_s));
  net::Options o;
  o.insecure = s.insecure;
  o.timeout = std::chrono::milliseconds(static_cast<int64_t>(s.timeout_s * 1000));
  return net::HttpClient(net::parse_url(s.url), o);
}

std::string server_error(const net::HttpClient& c, const net::Response& r) {
  return fmt::format("{}: {}", c.url().origin(), r.status_text());
}

std::vector<RemoteEntry> fetch_entries(net::HttpClient& c, uint64_t start, uint64_t end) {
  const net::Response r = c.get(fmt::format("/v1/entries?start={}&end={}", start, end));
  if (!r.ok()) throw InputError(server_error(c, r));
  std::vector<RemoteEntry> out;
  auto bad = [&](const std::string& why) {
    return InputError(fmt::format("{}: GET /v1/entries: {}", c.url().origin(), why));
  };
  json j;
  try {
    j = json::parse(r.body);
  } catch (const json::exception&) {
    throw bad("the answer is not JSON");
  }
  if (!j.is_object() || !j.contains("entries") || !j["entries"].is_array()) throw bad("no \"entries\" array");
  for (const auto& e : j["entries"]) {
    if (!e.is_object() || !e.contains("index") || !e["index"].is_number_unsigned() || !e.contains("envelope"))
      throw bad("an entry without \"index\" or \"envelope\"");
    RemoteEntry x;
    x.index = e["index"].get<uint64_t>();
    x.envelope = e["envelope"];
    if (e.contains("leaf_hash") && e["leaf_hash"].is_string()) x.leaf_hash = e["leaf_hash"].get<std::string>();
    if (e.contains("received") && e["received"].is_string()) x.received = e["received"].get<std::string>();
    out.push_back(std::move(x));
  }
  return out;
}

namespace {

struct PartyArgs {
  ServerArgs server;
  std::string party, key;
};

void add_party_options(CLI::App* cmd, PartyArgs& a) {
  add_server_options(cmd, a.server);
  cmd->add_option("--party", a.party, "the party submitting (its id in the parties file)")
      ->type_name("ID")
      ->required();
  cmd->add_option("--key", a.key, "the party's key file (as `truceline keygen` writes it)")
      ->type_name("FILE")
      ->required();
}

// The party's key; its kid must be --party (signing with another party's key is refused by the
// server anyway: said here, before anything is sent).
ledger::KeyPair party_key(const PartyArgs& a) {
  ledger::KeyPair k = ledger::read_key_file(a.key);
  if (k.id != a.party)
    throw UsageError(fmt::format("{}: the key is party '{}''s (kid), not --party '{}'", a.key, k.id, a.party));
  return k;
}

int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The server's answer to one POST /v1/entries.
struct Posted {
  net::Response response;
  json answer;  // 2xx: the parsed body
};

Posted post_entry(net::HttpClient& c, const json& envelope) {
  Posted p{c.post("/v1/entries", envelope.dump()), json()};
  if (p.response.ok()) {
    try {
      p.answer = json::parse(p.response.body);
    } catch (const json::exception&) {
    }
    if (!p.answer.is_object() || !p.answer.contains("index") || !p.answer["index"].is_number_unsigned())
      throw InputError(fmt::format("{}: POST /v1/entries: {} but the answer has no \"index\"", c.url().origin(),
                                   p.response.status));
  }
  return p;
}

// --- submit -----------------------------------------------------------------------------------

struct SubmitArgs {
  PartyArgs p;
  std::string file, receipts;
};

int cmd_submit(const SubmitArgs& a, Io& io) {
  const ledger::KeyPair key = party_key(a.p);
  // Every line validated first, as `ingest` validates it: a file with a bad line sends nothing.
  const std::string text = io::read_text(a.file);
  struct Line {
    std::size_t number;
    json body;
  };
  std::vector<Line> lines;
  std::vector<std::string> invalid;
  std::size_t number = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank: nothing to send
    const store::RowOutcome o = store::report_from_jsonl(line);
    if (!o.report) {
      invalid.push_back(fmt::format("{}:{}: {}", a.file, number, o.error));
      continue;
    }
    lines.push_back({number, json::parse(line)});
  }
  if (!invalid.empty()) {
    for (const auto& m : invalid) io.err << m << "\n";
    throw InputError(fmt::format("{}: {} invalid line{}: nothing submitted", a.file, invalid.size(),
                                 invalid.size() == 1 ? "" : "s"));
  }
  if (lines.empty()) throw InputError(fmt::format("{}: no reports to submit", a.file));

  // Receipts are what a party keeps against the operator rewriting the log: an existing
  // receipts file is added to, never replaced (and must be one: a file given by mistake, e.g.
  // the reports file, is refused before anything is sent).
  std::string earlier_receipts;
  if (!a.receipts.empty() && a.receipts != "-" && std::filesystem::exists(a.receipts)) {
    try {
      ledger::read_receipts(a.receipts);
    } catch (const InputError& e) {
      throw InputError(fmt::format("--receipts {}: not a receipts file ({}); --receipts adds to a receipts file "
                                   "or creates a new one",
                                   a.receipts, e.what()));
    }
    earlier_receipts = io::read_text(a.receipts);
    if (!earlier_receipts.empty() && earlier_receipts.back() != '\n') earlier_receipts += '\n';
  }
  net::HttpClient c = connect(a.p.server);
  std::optional<io::AtomicOutput> receipts;
  if (!a.receipts.empty()) {
    receipts.emplace(a.receipts, io.out);
    receipts->stream() << earlier_receipts;
  }
  std::size_t submitted = 0, duplicates = 0, rejected = 0;
  auto finish_receipts = [&] {
    if (receipts) receipts->commit();
  };
  // Stopped at lines[i] (the server is unreachable, shutting down or failing: nothing of that
  // line was confirmed): the receipts so far are kept, and the user is told which lines are
  // left, since submitting the whole file again would put the first ones in the log twice.
  auto stop_at = [&](std::size_t i, const std::string& why, const std::string& summary_why) {
    io.out << fmt::format("submitted {}, duplicates {}, rejected {} (stopped: {})\n", submitted, duplicates,
                          rejected, summary_why);
    const std::size_t after = lines.size() - i - 1;
    io.err << fmt::format("{}:{}: stopped here: this line and the {} after it were not submitted ({}); once the "
                          "server is back, submit them: tail -n +{} {}\n",
                          a.file, lines[i].number, after, why, lines[i].number, a.file);
    finish_receipts();
  };
  std::size_t i = 0;
  try {
    for (; i < lines.size(); ++i) {
      const Line& l = lines[i];
      const json entry = ledger::make_entry(a.p.party, "report", std::nullopt, l.body, now_unix());
      const Posted p = post_entry(c, ledger::sign_entry(entry, key));
      if (p.response.status >= 500) {
        // 500: the store failed, 503: shutting down — nothing was written for the request
        // (docs/api.md): not a refusal of the entry.
        stop_at(i, p.response.status_text(), fmt::format("the server answered {}", p.response.status));
        throw InputError(server_error(c, p.response));
      }
      if (!p.response.ok()) {
        ++rejected;
        io.err << fmt::format("{}:{}: rejected ({}): {}\n", a.file, l.number,
                              p.response.status, p.response.error_message());
        continue;
      }
      p.answer.value("duplicate", false) ? ++duplicates : ++submitted;
      if (receipts) {
        const json r = {{"index", p.answer["index"]},
                        {"leaf_hash", p.answer.value("leaf_hash", json())},
                        {"tree_size", p.answer.value("tree_size", json())},
                        {"checkpoint", p.answer.value("checkpoint", json())}};
        receipts->stream() << r.dump() << "\n";
      }
    }
  } catch (const net::NetError&) {
    stop_at(i, "the server cannot be reached", "the server cannot be reached");
    throw;
  }
  finish_receipts();
  io.out << fmt::format("submitted {}, duplicates {}, rejected {}\n", submitted, duplicates, rejected);
  return rejected > 0 ? 1 : 0;
}

// --- ack, dispute, notify ---------------------------------------------------------------------

// Posts one entry; prints "TYPE: index N" (or "... (duplicate of an earlier entry)").
int post_one(const PartyArgs& a, const std::string& type, std::optional<uint64_t> ref, json body, Io& io) {
  const ledger::KeyPair key = party_key(a);
  net::HttpClient c = connect(a.server);
  const json entry = ledger::make_entry(a.party, type, ref, std::move(body), now_unix());
  const Posted p = post_entry(c, ledger::sign_entry(entry, key));
  if (!p.response.ok()) {
    io.err << fmt::format("truceline: error: rejected ({}): {}\n", p.response.status, p.response.error_message());
    return 1;
  }
  io.out << fmt::format("{}: index {}{}\n", type, p.answer["index"].get<uint64_t>(),
                        p.answer.value("duplicate", false) ? " (duplicate: already in the log)" : "");
  return 0;
}

struct AnswerArgs {
  PartyArgs p;
  int64_t entry = -1;
  std::string note, reason;
};

int cmd_ack(const AnswerArgs& a, Io& io) {
  json body = json::object();
  if (!a.note.empty()) body["note"] = a.note;
  return post_one(a.p, "ack", static_cast<uint64_t>(a.entry), body, io);
}

int cmd_dispute(const AnswerArgs& a, Io& io) {
  if (a.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw UsageError("--reason: a dispute says why (a non-blank text)");
  return post_one(a.p, "dispute", static_cast<uint64_t>(a.entry), json{{"reason", a.reason}}, io);
}

struct NotifyArgs {
  PartyArgs p;
  std::string file;
};

// A patrol notification is checked here as the daily report reads it (docs/daily-report.md):
// "from" and "until" ISO 8601 with an offset, until after from, "route" a GeoJSON LineString.
void check_patrol(const json& b, const std::string& file) {
  for (const char* k : {"from", "until"}) {
    const auto it = b.find(k);
    const auto t = it != b.end() && it->is_string() ? parse_iso8601(it->get<std::string>()) : std::nullopt;
    if (!t || t->date_only || !t->has_offset)
      throw InputError(fmt::format("{}: {}: expected an ISO 8601 date-time with offset or Z (e.g. "
                                   "2018-10-12T06:00:00Z)",
                                   file, k));
  }
  if (parse_iso8601(b["until"].get<std::string>())->unix_seconds <=
      parse_iso8601(b["from"].get<std::string>())->unix_seconds)
    throw InputError(fmt::format("{}: until: not after from", file));
  const auto r = b.find("route");
  if (r == b.end() || !r->is_object() || r->value("type", json()) != "LineString" || !r->contains("coordinates") ||
      !(*r)["coordinates"].is_array())
    throw InputError(fmt::format("{}: route: expected a GeoJSON LineString", file));
  geo::MultiLine line;
  line.parts.emplace_back();
  for (const auto& c : (*r)["coordinates"]) {
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number())
      throw InputError(fmt::format("{}: route: each position must be [lon, lat]", file));
    line.parts[0].push_back({c[0].get<double>(), c[1].get<double>()});
  }
  try {
    geo::validated(line);
  } catch (const geo::GeometryError& e) {
    throw InputError(fmt::format("{}: route: {}", file, e.what()));
  }
}

int cmd_notify(const NotifyArgs& a, Io& io) {
  json body;
  try {
    body = json::parse(io::read_text(a.file));
  } catch (const json::parse_error& e) {
    throw InputError(fmt::format("{}: not JSON: {}", a.file, e.what()));
  }
  if (!body.is_object()) throw InputError(fmt::format("{}: expected a JSON object (the notification's body)", a.file));
  const auto kind = body.find("kind");
  if (kind == body.end() || !kind->is_string() || kind->get<std::string>().empty())
    throw InputError(fmt::format("{}: kind: missing (e.g. \"patrol\")", a.file));
  if (kind->get<std::string>() == "patrol") check_patrol(body, a.file);
  return post_one(a.p, "notification", std::nullopt, body, io);
}

}  // namespace

Command add_submit_command(CLI::App& app) {
  auto a = std::make_shared<SubmitArgs>();
  auto* cmd = app.add_subcommand("submit", "sign each report of a JSON Lines file and submit it to the server's log");
  add_party_options(cmd, a->p);
  cmd->add_option("--receipts", a->receipts, "write one JSON line per accepted entry (index, leaf_hash, tree_size, "
                                             "checkpoint) to FILE (added to an existing receipts file)")
      ->type_name("FILE");
  cmd->add_option("file", a->file, "reports, one JSON object a line (docs/report-format.md)")
      ->type_name("FILE.jsonl")
      ->required();
  return {cmd, [a](Io& io) { return cmd_submit(*a, io); }};
}

Command add_ack_command(CLI::App& app) {
  auto a = std::make_shared<AnswerArgs>();
  auto* cmd = app.add_subcommand("ack", "acknowledge an entry of the log (signed by the party)");
  add_party_options(cmd, a->p);
  cmd->add_option("--entry", a->entry, "the index of the entry acknowledged")->type_name("N")->required()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--note", a->note, "a note with the acknowledgement");
  return {cmd, [a](Io& io) { return cmd_ack(*a, io); }};
}

Command add_dispute_command(CLI::App& app) {
  auto a = std::make_shared<AnswerArgs>();
  auto* cmd = app.add_subcommand("dispute", "dispute an entry of the log, with the reason (signed by the party)");
  add_party_options(cmd, a->p);
  cmd->add_option("--entry", a->entry, "the index of the entry disputed")->type_name("N")->required()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--reason", a->reason, "why the party disputes it")->type_name("TEXT")->required();
  return {cmd, [a](Io& io) { return cmd_dispute(*a, io); }};
}

Command add_notify_command(CLI::App& app) {
  auto a = std::make_shared<NotifyArgs>();
  auto* cmd = app.add_subcommand("notify", "announce something in advance, e.g. a patrol (route, time window)");
  add_party_options(cmd, a->p);
  cmd->add_option("file", a->file, "the notification's body: a JSON object with \"kind\" (docs/cli.md)")
      ->type_name("FILE.json")
      ->required();
  return {cmd, [a](Io& io) { return cmd_notify(*a, io); }};
}

}  // namespace truceline::cli
