#include "truceline/ledger/parties.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <toml++/toml.h>

#include "truceline/agreement/agreement.hpp"
#include "truceline/error.hpp"
#include "truceline/io/file.hpp"

namespace truceline::ledger {

namespace {

struct Problems {
  std::string path;
  std::vector<std::string> lines;
  void add(const toml::source_region& at, const std::string& message) {
    lines.push_back(fmt::format("{}:{}:{}: {}", path, at.begin.line, at.begin.column, message));
  }
};

std::string join(const std::vector<std::string_view>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + std::string(x);
  return s;
}

void known_keys(const toml::table& t, const std::vector<std::string_view>& known, std::string_view what,
                Problems& p) {
  for (const auto& [k, v] : t)
    if (std::find(known.begin(), known.end(), k.str()) == known.end())
      p.add(k.source().begin.line ? k.source() : v.source(),
            fmt::format("unknown key \"{}\" in {} (keys: {})", k.str(), what, join(known)));
}

// A required, non-empty string; "" after a problem.
std::string str(const toml::table& t, const char* key, std::string_view what, Problems& p) {
  const toml::node* n = t.get(key);
  if (!n) {
    p.add(t.source(), fmt::format("{}: missing key \"{}\"", what, key));
    return "";
  }
  if (!n->is_string()) {
    p.add(n->source(), fmt::format("{}: \"{}\" must be a string", what, key));
    return "";
  }
  if (n->as_string()->get().empty()) p.add(n->source(), fmt::format("{}: \"{}\" is empty", what, key));
  return n->as_string()->get();
}

std::optional<PublicKey> key(const toml::table& t, std::string_view what, Problems& p) {
  const std::string text = str(t, "public_key", what, p);
  if (text.empty()) return std::nullopt;
  auto k = parse_public_key_text(text);
  if (!k) p.add(t.get("public_key")->source(),
                fmt::format("{}: \"public_key\" must be \"ed25519:\" and the standard base64 of 32 bytes (as "
                            "`truceline keygen` prints it)",
                            what));
  return k;
}

}  // namespace

Parties Parties::load(const std::string& path, const agreement::Agreement* agreement) {
  return parse(io::read_text(path), path, agreement);
}

Parties Parties::parse(const std::string& text, const std::string& path, const agreement::Agreement* agreement) {
  Parties out;
  out.path = path;
  Problems p{path, {}};
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw InputError(fmt::format("{}:{}:{}: TOML syntax: {}", path, e.source().begin.line, e.source().begin.column,
                                 e.description()));
  }
  known_keys(root, {"log", "party"}, "the parties file", p);
  if (const toml::table* log = root["log"].as_table()) {
    known_keys(*log, {"origin", "public_key"}, "[log]", p);
    out.origin = str(*log, "origin", "[log]", p);
    if (out.origin.find_first_of("\n+ ") != std::string::npos)
      p.add(log->get("origin")->source(), "[log]: \"origin\" may not hold a space, '+' or a line break (C2SP note names)");
    if (log->get("public_key")) out.log_key = key(*log, "[log]", p);
  } else if (root.get("log")) {
    p.add(root.get("log")->source(), "\"log\" must be a table: [log]");
  } else {
    p.lines.push_back(fmt::format("{}:1:1: missing the [log] table (origin = \"...\")", path));
  }
  std::map<std::string, std::string> ids, keys;  // id -> where; key -> id
  if (const toml::node* parties = root.get("party")) {
    const toml::array* arr = parties->as_array();
    if (!arr) p.add(parties->source(), "\"party\" must be an array of tables: [[party]]");
    for (std::size_t i = 0; arr && i < arr->size(); ++i) {
      const toml::table* t = (*arr)[i].as_table();
      if (!t) {
        p.add((*arr)[i].source(), "[[party]] entries must be tables");
        continue;
      }
      known_keys(*t, {"id", "public_key", "role"}, "[[party]]", p);
      Party party;
      party.id = str(*t, "id", "[[party]]", p);
      const std::string what = party.id.empty() ? "[[party]]" : fmt::format("[[party]] \"{}\"", party.id);
      party.role = str(*t, "role", what, p);
      const auto k = key(*t, what, p);
      if (!party.role.empty() &&
          std::find(party_roles().begin(), party_roles().end(), party.role) == party_roles().end())
        p.add(t->get("role")->source(),
              fmt::format("{}: role \"{}\" is not one of guarantor, monitor, observer", what, party.role));
      if (!party.id.empty()) {
        const auto at = t->get("id")->source();
        if (ids.count(party.id))
          p.add(at, fmt::format("{}: duplicate id (first at {})", what, ids[party.id]));
        ids.emplace(party.id, fmt::format("{}:{}", at.begin.line, at.begin.column));
        if (agreement) {
          const agreement::Actor* actor = agreement->actor(party.id);
          if (actor && actor->is_group)
            p.add(at, fmt::format("{}: \"{}\" is a [[group]] of the agreement {}, not a party to the communication "
                                  "mechanism",
                                  what, party.id, agreement->path));
          else if (!actor && party.role == "guarantor")
            p.add(at, fmt::format("{}: a guarantor must be a [[party]] of the agreement {}", what, agreement->path));
        }
      }
      if (k) {
        party.public_key = *k;
        const std::string kt = public_key_text(*k);
        if (keys.count(kt))
          p.add(t->get("public_key")->source(),
                fmt::format("{}: the same public key as party \"{}\" (each party has its own key)", what, keys[kt]));
        keys.emplace(kt, party.id);
      }
      out.parties.push_back(std::move(party));
    }
  }
  if (!p.lines.empty()) {
    std::string all;
    for (const auto& l : p.lines) all += (all.empty() ? "" : "\n") + l;
    throw InputError(all);
  }
  return out;
}

const Party* Parties::find(std::string_view id) const {
  for (const auto& party : parties)
    if (party.id == id) return &party;
  return nullptr;
}

}  // namespace truceline::ledger
