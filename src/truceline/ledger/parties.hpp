// The parties file (TOML; docs/ledger.md, "Parties file"): the log's origin and checkpoint key,
// and every party that may write or read, with its Ed25519 public key and role.
//
//   [log]
//   origin = "truceline/idlib-2018"
//   public_key = "ed25519:<base64>"     # optional: the server's checkpoint key
//   [[party]]
//   id = "russia"
//   public_key = "ed25519:<base64>"
//   role = "guarantor"                  # guarantor | monitor | observer
//
// Rules: unknown keys, missing keys, bad keys, unknown roles, duplicate ids and a public key
// shared by two parties are errors (file:line:column). With an agreement, a guarantor must be
// one of its [[party]] ids, and no party may be one of its [[group]] ids (the agreement has no
// monitor table: a monitor or observer id is free otherwise).
// Errors: InputError listing every problem, one "file:line:column: message" a line.
// Thread safety: an immutable value once loaded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/ledger/crypto.hpp"

namespace truceline::agreement {
struct Agreement;
}

namespace truceline::ledger {

inline const std::vector<std::string>& party_roles() {
  static const std::vector<std::string> roles{"guarantor", "monitor", "observer"};
  return roles;
}

struct Party {
  std::string id, role;
  PublicKey public_key{};
  bool may_write() const { return role != "observer"; }
};

struct Parties {
  std::string path;
  std::string origin;                  // [log] origin (required)
  std::optional<PublicKey> log_key;    // [log] public_key (optional)
  std::vector<Party> parties;

  static Parties load(const std::string& path, const agreement::Agreement* agreement = nullptr);
  static Parties parse(const std::string& text, const std::string& path,
                       const agreement::Agreement* agreement = nullptr);
  const Party* find(std::string_view id) const;
};

}  // namespace truceline::ledger
