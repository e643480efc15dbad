// Checkpoints: C2SP tlog-checkpoint bodies in C2SP signed notes, Ed25519 (docs/ledger.md,
// "Checkpoint").
//
//   <origin>\n<tree size>\n<base64 root hash>\n\n— <origin> <base64(key id || signature)>\n
//
// key id = the first 4 bytes of SHA-256(<origin> || "\n" || 0x01 || public key); the signature
// is over the note text (the three body lines, each with its newline). Verifier key ("vkey"):
// `<origin>+<8 hex key id>+<base64(0x01 || public key)>`. A note may carry other signature
// lines (witness cosignatures): a verifier ignores lines of keys it does not know.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "truceline/ledger/crypto.hpp"

namespace truceline::ledger {

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Hash root{};
};

struct VerifierKey {
  std::string origin;  // the key name (the log's origin)
  std::array<unsigned char, 4> key_id{};
  PublicKey public_key{};
};

std::array<unsigned char, 4> key_id(std::string_view origin, const PublicKey& pk);
std::string vkey_text(std::string_view origin, const PublicKey& pk);
// InputError-free: nullopt with `why` set for a malformed vkey.
std::optional<VerifierKey> parse_vkey(std::string_view text, std::string* why = nullptr);
VerifierKey verifier_key(std::string_view origin, const PublicKey& pk);

std::string checkpoint_body(const Checkpoint& c);  // the three lines
// The signed note, signed by `key` under the name c.origin.
std::string sign_checkpoint(const Checkpoint& c, const KeyPair& key);

// Parses a signed note and checks the signature by `key` (its name must equal the origin and
// its key id must match). nullopt with `why` ("no signature by KEY", "bad signature",
// "malformed: ...") otherwise.
std::optional<Checkpoint> verify_checkpoint(std::string_view note, const VerifierKey& key, std::string* why = nullptr);

}  // namespace truceline::ledger
