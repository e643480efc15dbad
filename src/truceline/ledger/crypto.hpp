// Keys, signatures, hashes and base64 for the ledger (docs/ledger.md).
//
// - Ed25519 (RFC 8032) through libsodium: crypto_sign_detached signs; crypto_sign_verify_detached
//   verifies. The verification rule (libsodium 1.0.18, documented in docs/ledger.md,
//   "Signatures"): S must be canonical (S < L), the public key and R must not be of small order
//   and the public key must be a canonical encoding; the check is the cofactorless equation
//   [S]B = R + [k]A. Pinned by tests/ledger/crypto_test.cpp (RFC 8032 vectors and edge cases).
// - Key files: a JSON Web Key (RFC 8037, OKP/Ed25519) holding the 32-byte seed as "d", written
//   atomically (io::AtomicOutput) with mode 0600.
// - SHA-256 through OpenSSL (as the report store's content hashes).
// Errors: InputError naming the file and field for bad key files and key texts.
// Thread safety: all functions are reentrant (libsodium is initialised once, thread-safely).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace truceline::ledger {

using Hash = std::array<unsigned char, 32>;
using PublicKey = std::array<unsigned char, 32>;
using Seed = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

std::string to_hex(const Hash& h);
std::optional<Hash> hash_from_hex(std::string_view hex);  // 64 hex digits; nullopt otherwise
Hash sha256(std::string_view bytes);

// Standard base64 (RFC 4648 §4, padded) or base64url (§5, no padding), via libsodium.
std::string base64(std::string_view bytes);
std::string base64url(std::string_view bytes);
// Strict decoding: nullopt for any character outside the alphabet, bad padding or trailing
// garbage (libsodium sodium_base642bin).
std::optional<std::string> from_base64(std::string_view text);
std::optional<std::string> from_base64url(std::string_view text);

template <std::size_t N>
std::string_view bytes_of(const std::array<unsigned char, N>& a) {
  return {reinterpret_cast<const char*>(a.data()), N};
}

struct KeyPair {
  std::string id;  // the party id (JWK "kid")
  PublicKey public_key{};
  Seed seed{};
};

KeyPair generate_key(std::string id);               // random seed (randombytes_buf)
KeyPair key_from_seed(std::string id, const Seed& seed);

// {"kty":"OKP","crv":"Ed25519","kid":ID,"x":b64url(pk),"d":b64url(seed)}, mode 0600, atomic.
// Refuses an existing file unless `overwrite` (InputError "FILE: exists (--force to replace)").
void write_key_file(const std::string& path, const KeyPair& key, bool overwrite = false);
// InputError "FILE: key file: FIELD: reason" for a malformed file; also when "x" does not
// match the public key derived from "d".
KeyPair read_key_file(const std::string& path);

// "ed25519:<standard base64 of the 32-byte public key>".
std::string public_key_text(const PublicKey& pk);
// The inverse; nullopt for anything else (wrong prefix, bad base64, not 32 bytes).
std::optional<PublicKey> parse_public_key_text(std::string_view text);

Signature sign(std::string_view message, const KeyPair& key);
// libsodium's rule (see above). False for any failure.
bool verify(std::string_view message, const Signature& sig, const PublicKey& pk);
bool verify(std::string_view message, std::string_view sig64, const PublicKey& pk);

// Random bytes (libsodium randombytes_buf).
std::string random_bytes(std::size_t n);

}  // namespace truceline::ledger
