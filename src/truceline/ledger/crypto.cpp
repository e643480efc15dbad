#include "truceline/ledger/crypto.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "truceline/error.hpp"
#include "truceline/io/file.hpp"

namespace truceline::ledger {

namespace {

void init() {
  static const int rc = sodium_init();  // thread-safe static initialisation
  if (rc < 0) throw std::runtime_error("libsodium: sodium_init failed");
}

std::string encode(std::string_view bytes, int variant) {
  init();
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> decode(std::string_view text, int variant) {
  init();
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, &end, variant) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

std::string to_hex(const Hash& h) {
  static const char* d = "0123456789abcdef";
  std::string s(64, '0');
  for (std::size_t i = 0; i < 32; ++i) {
    s[2 * i] = d[h[i] >> 4];
    s[2 * i + 1] = d[h[i] & 15];
  }
  return s;
}

std::optional<Hash> hash_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  Hash h{};
  auto val = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = val(hex[2 * i]), lo = val(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    h[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return h;
}

Hash sha256(std::string_view bytes) {
  Hash h{};
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), h.data(), &n, EVP_sha256(), nullptr) != 1 || n != 32)
    throw std::runtime_error("OpenSSL: SHA-256 failed");
  return h;
}

std::string base64(std::string_view bytes) { return encode(bytes, sodium_base64_VARIANT_ORIGINAL); }
std::string base64url(std::string_view bytes) { return encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }
std::optional<std::string> from_base64(std::string_view text) { return decode(text, sodium_base64_VARIANT_ORIGINAL); }
std::optional<std::string> from_base64url(std::string_view text) {
  return decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

KeyPair key_from_seed(std::string id, const Seed& seed) {
  init();
  KeyPair k;
  k.id = std::move(id);
  k.seed = seed;
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(k.public_key.data(), sk, seed.data());
  sodium_memzero(sk, sizeof sk);
  return k;
}

KeyPair generate_key(std::string id) {
  init();
  Seed seed{};
  randombytes_buf(seed.data(), seed.size());
  return key_from_seed(std::move(id), seed);
}

std::string random_bytes(std::size_t n) {
  init();
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

void write_key_file(const std::string& path, const KeyPair& key, bool overwrite) {
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
    throw InputError(path + ": exists (--force to replace it)");
  const nlohmann::json jwk{{"kty", "OKP"},
                           {"crv", "Ed25519"},
                           {"kid", key.id},
                           {"x", base64url(bytes_of(key.public_key))},
                           {"d", base64url(bytes_of(key.seed))}};
  // The temporary file is created 0666 & ~umask: the umask is narrowed while it exists so the
  // secret is never readable by others, not even for a moment before a chmod.
  const mode_t old = ::umask(077);
  try {
    io::AtomicOutput out(path, std::cout);
    out.stream() << jwk.dump() << "\n";
    out.commit();
  } catch (...) {
    ::umask(old);
    throw;
  }
  ::umask(old);
  if (::chmod(path.c_str(), 0600) != 0)
    throw InputError(fmt::format("{}: cannot set mode 0600: {}", path, std::strerror(errno)));
}

KeyPair read_key_file(const std::string& path) {
  const std::string text = io::read_text(path);
  auto bad = [&](const std::string& field, const std::string& why) {
    return InputError(fmt::format("{}: key file: {}: {}", path, field, why));
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(fmt::format("{}: key file: not JSON ({})", path, e.what()));
  }
  if (!j.is_object()) throw InputError(path + ": key file: not a JSON object (a JWK, as `truceline keygen` writes)");
  auto str = [&](const char* k) {
    if (!j.contains(k)) throw bad(k, "missing");
    if (!j[k].is_string()) throw bad(k, "not a string");
    return j[k].get<std::string>();
  };
  if (str("kty") != "OKP") throw bad("kty", "must be \"OKP\"");
  if (str("crv") != "Ed25519") throw bad("crv", "must be \"Ed25519\"");
  const std::string kid = str("kid");
  if (kid.empty()) throw bad("kid", "empty (the party id)");
  const auto d = from_base64url(str("d"));
  if (!d || d->size() != 32) throw bad("d", "not 32 bytes of base64url (no padding)");
  Seed seed{};
  std::memcpy(seed.data(), d->data(), 32);
  KeyPair k = key_from_seed(kid, seed);
  if (j.contains("x")) {
    const auto x = from_base64url(str("x"));
    if (!x || x->size() != 32) throw bad("x", "not 32 bytes of base64url (no padding)");
    if (*x != std::string(bytes_of(k.public_key))) throw bad("x", "does not match the key derived from \"d\"");
  }
  return k;
}

std::string public_key_text(const PublicKey& pk) { return "ed25519:" + base64(bytes_of(pk)); }

std::optional<PublicKey> parse_public_key_text(std::string_view text) {
  constexpr std::string_view prefix = "ed25519:";
  if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
  const auto b = from_base64(text.substr(prefix.size()));
  if (!b || b->size() != 32) return std::nullopt;
  PublicKey pk{};
  std::memcpy(pk.data(), b->data(), 32);
  return pk;
}

Signature sign(std::string_view message, const KeyPair& key) {
  init();
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  std::memcpy(sk, key.seed.data(), 32);
  std::memcpy(sk + 32, key.public_key.data(), 32);
  Signature sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       sk);
  sodium_memzero(sk, sizeof sk);
  return sig;
}

bool verify(std::string_view message, const Signature& sig, const PublicKey& pk) {
  init();
  return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), pk.data()) == 0;
}

bool verify(std::string_view message, std::string_view sig64, const PublicKey& pk) {
  if (sig64.size() != 64) return false;
  Signature s{};
  std::memcpy(s.data(), sig64.data(), 64);
  return verify(message, s, pk);
}

}  // namespace truceline::ledger
