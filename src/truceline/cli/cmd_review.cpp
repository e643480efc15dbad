// `truceline review` (docs/cli.md, "The review queue"): list the candidate reports of a store
// (or a server), and accept, reject or correct one by a `review` entry signed with the party's
// key and appended to the log: sent to a server (POST /v1/entries), as the web app's review page
// does, or — offline, with --db and the parties file — appended to the store's own log through
// the same ledger::Log::append (same checks, one transaction; SQLite's write lock serialises it
// with a server running on the same file). The store is written only by the log: a decision
// without a signed entry would be one whoever holds the file could forge. Parsing and printing
// only: the rules are store/candidates.hpp and ledger/.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "truceline/cli/client.hpp"
#include "truceline/cli/command.hpp"
#include "truceline/cli/places.hpp"
#include "truceline/error.hpp"
#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/log.hpp"
#include "truceline/ledger/parties.hpp"
#include "truceline/store/candidates.hpp"
#include "truceline/store/store.hpp"

namespace truceline::cli {

using nlohmann::json;

namespace {

struct ReviewArgs {
  std::string db;
  ServerArgs server;
  std::string party, key;
  std::string parties, log_key;  // --db decisions: the parties file; the checkpoint key (DEFAULT DB.key if it exists)
  std::string status = "pending", format = "text";
  std::string id, reason;
  std::vector<std::string> changes;  // FIELD=VALUE
  PlaceFlags places;                 // correct place=NAME: --agreement, --places (as ingest)
};

// The candidates as GET /v1/app/candidates gives them: from the store (--db) or the server.
json candidates_of(const ReviewArgs& a, const std::string& status) {
  if (!a.db.empty() && !a.server.url.empty()) throw UsageError("review: give --db DB or --server URL, not both");
  if (!a.db.empty()) {
    const store::Store s = store::Store::open_existing(a.db);
    json list = json::array();
    for (const auto& c : store::list_candidates(s, status)) list.push_back(store::to_json(c));
    return list;
  }
  if (a.server.url.empty())
    throw UsageError("review list needs --db DB (a store) or --server URL (a server's review queue)");
  net::HttpClient c = connect(a.server);
  const net::Response r = c.get("/v1/app/candidates?status=" + status);
  if (!r.ok()) throw InputError(server_error(c, r));
  json j = json::parse(r.body, nullptr, false);
  if (!j.is_object() || !j.contains("candidates") || !j["candidates"].is_array())
    throw InputError(fmt::format("{}: GET /v1/app/candidates: no \"candidates\" array", c.url().origin()));
  return j["candidates"];
}

std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// One candidate, one line (its decisions indented below).
void print_text(const json& c, std::ostream& out) {
  const json& r = c["report"];
  const json& l = c["effective_location"];
  std::string where = l["lon"].is_number()
                          ? fmt::format("{:.5f},{:.5f}", l["lon"].get<double>(), l["lat"].get<double>())
                          : fmt::format("location unknown ({})", text_of(l.value("reason", json())));
  if (!text_of(r.value("place", json())).empty()) where += fmt::format(" '{}'", r["place"].get<std::string>());
  const json& src = c["source"];
  const std::string from = text_of(src.value("importer", json())) == "ledger"
                               ? fmt::format("log entry {} (party {})", src["ledger_index"].get<uint64_t>(),
                                             text_of(src.value("party", json())))
                               : fmt::format("{} {}:{}", text_of(src.value("importer", json())),
                                             text_of(src.value("file", json())), src.value("row", 0));
  const json& s = r.value("source", json::object());
  out << fmt::format("{}  {:<9}  {}  {}  {}  source '{}' ({}){}  from {}\n", text_of(c["id"]), text_of(c["status"]),
                     text_of(r.value("observed_at", json())), text_of(r.value("kind", json())), where,
                     text_of(s.value("name", json())), text_of(s.value("type", json())),
                     text_of(r.value("actor", json())).empty() ? "" : fmt::format("  actor '{}'", text_of(r["actor"])),
                     from);
  for (const auto& d : c["decisions"]) {
    std::string line = fmt::format("    entry {}: {} by {} at {}", d["index"].get<uint64_t>(), text_of(d["decision"]),
                                   text_of(d["party"]), text_of(d["timestamp"]));
    if (!text_of(d["reason"]).empty()) line += fmt::format(", reason '{}'", text_of(d["reason"]));
    if (d["changes"].is_object()) line += ", changes " + d["changes"].dump();
    if (!text_of(d["report_id"]).empty()) line += " -> report " + text_of(d["report_id"]);
    out << line << "\n";
  }
}

int cmd_list(const ReviewArgs& a, Io& io) {
  const json list = candidates_of(a, a.status);
  if (a.format == "json") {
    io.out << json{{"candidates", list}}.dump(2) << "\n";
    return 0;
  }
  std::map<std::string, int> by;
  for (const auto& c : list) {
    print_text(c, io.out);
    ++by[text_of(c["status"])];
  }
  io.out << fmt::format("candidates: {} (pending {}, accepted {}, rejected {}, corrected {})\n", list.size(),
                        by["pending"], by["accepted"], by["rejected"], by["corrected"]);
  return 0;
}

// FIELD=VALUE of `review correct`: the changes object of the review body (docs/ledger.md).
json parse_changes(const std::vector<std::string>& pairs) {
  json ch = json::object();
  for (const auto& p : pairs) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError(fmt::format("'{}': expected FIELD=VALUE (place, lon, lat, location_precision_m, actor, "
                                   "observed_at, time_precision)",
                                   p));
    const std::string field = p.substr(0, eq), value = p.substr(eq + 1);
    if (field == "lon" || field == "lat" || field == "location_precision_m") {
      if (value.empty() && field == "location_precision_m") {
        ch[field] = nullptr;
        continue;
      }
      std::size_t used = 0;
      double d = 0;
      try {
        d = std::stod(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != value.size()) throw UsageError(fmt::format("{}: '{}' is not a number", field, value));
      ch[field] = d;
    } else if (field == "place") {
      if (value.find_first_not_of(" \t") == std::string::npos) throw UsageError("place: give a place name (place=NAME)");
      ch[field] = value;
    } else if (field == "actor") {
      ch[field] = value.empty() ? json(nullptr) : json(value);
    } else if (field == "observed_at" || field == "time_precision") {
      ch[field] = value;
    } else {
      throw UsageError(fmt::format("'{}': a correction changes place, lon and lat, location_precision_m, actor, "
                                   "observed_at or time_precision",
                                   field));
    }
  }
  if (ch.empty()) throw UsageError("review correct: give at least one FIELD=VALUE");
  return ch;
}

// `place=NAME` without lon= and lat=: the name is resolved as ingest resolves a report's place
// (the gazetteer scoped to --agreement's area, ingest's threshold); the point found is written
// into the changes (lon, lat, and a town centre's 2000 m unless location_precision_m= is
// given), so the signed entry records where the reviewer's name was put. A name the resolver
// does not locate is refused (exit 2) with its reason. Coordinates (lon=, lat=) mean the point
// is the reviewer's own; either way a stated `unlocated` mark of the candidate is removed.
void locate_changes(json& ch, const PlaceFlags& flags) {
  if (ch.contains("place") && !ch.contains("lon")) {
    PlaceContext places(flags, true);
    const std::string name = ch["place"].get<std::string>();
    const json res = places.resolve(name, json::object());
    if (!res.is_object() || !res.value("resolved", false) || !res.contains("lon") || !res.contains("lat"))
      throw UsageError(fmt::format("place={}: not located ({}){}; give lon= and lat= as well to place it yourself", name,
                                   res.is_object() ? res.value("reason", std::string("unresolved")) : "unresolved",
                                   flags.agreement.empty() ? " (without --agreement the gazetteer is not scoped)" : ""));
    ch["lon"] = res["lon"];
    ch["lat"] = res["lat"];
    if (!ch.contains("location_precision_m")) ch["location_precision_m"] = 2000.0;
  }
  if (ch.contains("lon") || ch.contains("place")) ch["unlocated"] = nullptr;
}

int cmd_decide(const ReviewArgs& a, const std::string& decision, Io& io) {
  if (a.server.url.empty() && a.db.empty())
    throw UsageError(fmt::format("review {}: signs a review entry and appends it to the log: give --server URL (a "
                                 "server's log) or --db DB --parties FILE (the store's own log; docs/cli.md)",
                                 decision));
  if (!a.db.empty() && !a.server.url.empty()) throw UsageError("review: give --db DB or --server URL, not both");
  if (!a.db.empty() && a.parties.empty())
    throw UsageError(fmt::format("review {} --db: needs --parties FILE (the parties and their public keys, as "
                                 "`truceline serve` reads them): the log checks the reviewer's signature and role",
                                 decision));
  if (a.party.empty() || a.key.empty())
    throw UsageError(fmt::format("review {}: needs --party ID and --key FILE (the reviewer's key)", decision));
  json body = {{"candidate", a.id}, {"decision", decision}};
  if (decision == "reject" && a.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw UsageError("review reject: --reason TEXT is required (why the candidate is rejected)");
  if (!a.reason.empty()) body["reason"] = a.reason;
  if (decision == "correct") {
    body["changes"] = parse_changes(a.changes);
    locate_changes(body["changes"], a.places);
  }
  const ledger::KeyPair key = ledger::read_key_file(a.key);
  if (key.id != a.party)
    throw UsageError(fmt::format("{}: the key is party '{}''s (kid), not --party '{}'", a.key, key.id, a.party));
  // The entry's ref: the candidate's report entry when it came through the log, else null.
  std::optional<uint64_t> ref;
  bool found = false;
  for (const auto& c : candidates_of(a, "all"))
    if (text_of(c["id"]) == a.id) {
      found = true;
      if (c["ledger_index"].is_number_unsigned()) ref = c["ledger_index"].get<uint64_t>();
    }
  if (!found)
    throw InputError(fmt::format("{}: no candidate {} (truceline review list)", a.db.empty() ? a.server.url : a.db, a.id));
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const json entry = ledger::make_entry(a.party, "review", ref, body, now);
  if (!a.db.empty()) {
    // Offline: the store's own log. The checkpoint for the new size is signed with the log's key
    // when it is at hand (--log-key, or DB.key where `serve` keeps it), else none is signed now.
    const ledger::Parties parties = ledger::Parties::load(a.parties);
    const std::string log_key_path = a.log_key.empty() ? a.db + ".key" : a.log_key;
    std::optional<ledger::KeyPair> log_key;
    if (!a.log_key.empty() || std::filesystem::exists(log_key_path)) log_key = ledger::read_key_file(log_key_path);
    ledger::Log log = ledger::Log::open(a.db, parties, log_key);
    const auto outcome = log.append({ledger::sign_entry(entry, key)}, now).at(0);
    if (outcome.status != 200) {
      io.err << fmt::format("truceline: error: rejected ({}): {}\n", outcome.status, outcome.reason);
      return 1;
    }
    io.out << fmt::format("review: {} {}: index {}{}\n", decision, a.id, outcome.index,
                          outcome.duplicate ? " (duplicate: already in the log)" : "");
    if (!log_key)
      io.err << fmt::format("note: no checkpoint signed for the new size ({} not found; --log-key FILE names the "
                            "log's key): the next append by `truceline serve` signs one that covers it\n",
                            log_key_path);
    return 0;
  }
  net::HttpClient c = connect(a.server);
  const net::Response r = c.post("/v1/entries", ledger::sign_entry(entry, key).dump());
  if (!r.ok()) {
    io.err << fmt::format("truceline: error: rejected ({}): {}\n", r.status, r.error_message());
    return 1;
  }
  const json answer = json::parse(r.body, nullptr, false);
  if (!answer.is_object() || !answer.contains("index") || !answer["index"].is_number_unsigned())
    throw InputError(fmt::format("{}: POST /v1/entries: {} but the answer has no \"index\"", c.url().origin(), r.status));
  io.out << fmt::format("review: {} {}: index {}{}\n", decision, a.id, answer["index"].get<uint64_t>(),
                        answer.value("duplicate", false) ? " (duplicate: already in the log)" : "");
  return 0;
}

}  // namespace

Command add_review_command(CLI::App& app) {
  auto a = std::make_shared<ReviewArgs>();
  auto* cmd = app.add_subcommand("review", "the review queue: list candidate reports; accept, reject or correct one "
                                           "(a review entry signed by the party, appended to the log of a server "
                                           "or of the store)");
  cmd->require_subcommand(1);
  cmd->add_option("--db", a->db, "the store (list; a decision with --parties: appended to the store's own log)")
      ->type_name("FILE");
  cmd->add_option("--parties", a->parties, "with --db, a decision: the parties file (as `truceline serve` reads it)")
      ->type_name("FILE");
  cmd->add_option("--log-key", a->log_key,
                  "with --db, a decision: the log's checkpoint key (DEFAULT DB.key when it exists, as `serve` keeps it)")
      ->type_name("FILE");
  add_server_options(cmd, a->server, false);
  cmd->add_option("--party", a->party, "the reviewing party (its id in the parties file)")->type_name("ID");
  cmd->add_option("--key", a->key, "the party's key file (as `truceline keygen` writes it)")->type_name("FILE");

  auto* list = cmd->add_subcommand("list", "the candidates, one a line (or JSON), with their decisions");
  list->fallthrough();
  list->add_option("--status", a->status, "pending (DEFAULT), decided or all")
      ->check(CLI::IsMember({"pending", "decided", "all"}));
  list->add_option("--format", a->format, "text (DEFAULT) or json (as GET /v1/app/candidates)")
      ->check(CLI::IsMember({"text", "json"}));

  auto* accept = cmd->add_subcommand("accept", "accept a candidate: it joins the reports and the assessment");
  accept->fallthrough();
  accept->add_option("id", a->id, "the candidate's id (c + 20 hex digits)")->required();
  accept->add_option("--reason", a->reason, "a note with the decision")->type_name("TEXT");

  auto* reject = cmd->add_subcommand("reject", "reject a candidate, with the reason (it stays in the history)");
  reject->fallthrough();
  reject->add_option("id", a->id, "the candidate's id")->required();
  reject->add_option("--reason", a->reason, "why it is rejected")->type_name("TEXT")->required();

  auto* correct = cmd->add_subcommand(
      "correct", "accept a candidate with corrections: place= (resolved as ingest does), lon=, lat=, "
                 "location_precision_m=, actor=, observed_at=, time_precision=");
  correct->fallthrough();
  correct->add_option("id", a->id, "the candidate's id")->required();
  correct->add_option("changes", a->changes, "FIELD=VALUE (lon and lat together; an empty actor= removes it)")
      ->required();
  correct->add_option("--reason", a->reason, "a note with the decision")->type_name("TEXT");
  correct->add_option("--agreement", a->places.agreement,
                      "place=NAME: resolve the name in this agreement's area of interest (as ingest --agreement)")
      ->type_name("FILE");
  correct->add_option("--places", a->places.places, "place=NAME: extra places files (as ingest --places)")
      ->type_name("FILE")
      ->allow_extra_args(false);

  return {cmd, [a, list, accept, reject, correct](Io& io) {
            if (list->parsed()) return cmd_list(*a, io);
            if (accept->parsed()) return cmd_decide(*a, "accept", io);
            if (reject->parsed()) return cmd_decide(*a, "reject", io);
            if (correct->parsed()) return cmd_decide(*a, "correct", io);
            return 2;
          }};
}

}  // namespace truceline::cli
