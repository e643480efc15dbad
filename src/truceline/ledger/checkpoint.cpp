#include "truceline/ledger/checkpoint.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <cstring>
#include <vector>

namespace truceline::ledger {

namespace {

constexpr std::string_view kDash = "\xE2\x80\x94";  // U+2014 EM DASH, as C2SP signed-note writes it

bool fail(std::string* why, std::string text) {
  if (why) *why = std::move(text);
  return false;
}

std::string hex4(const std::array<unsigned char, 4>& id) {
  return fmt::format("{:02x}{:02x}{:02x}{:02x}", id[0], id[1], id[2], id[3]);
}

}  // namespace

std::array<unsigned char, 4> key_id(std::string_view origin, const PublicKey& pk) {
  std::string m(origin);
  m += '\n';
  m += '\x01';
  m += bytes_of(pk);
  const Hash h = sha256(m);
  return {h[0], h[1], h[2], h[3]};
}

VerifierKey verifier_key(std::string_view origin, const PublicKey& pk) {
  return {std::string(origin), key_id(origin, pk), pk};
}

std::string vkey_text(std::string_view origin, const PublicKey& pk) {
  std::string k = "\x01";
  k += bytes_of(pk);
  return fmt::format("{}+{}+{}", origin, hex4(key_id(origin, pk)), base64(k));
}

std::optional<VerifierKey> parse_vkey(std::string_view text, std::string* why) {
  // The name never holds '+' (C2SP signed-note) but standard base64 does: the separators are
  // the first two '+', not the last two.
  const std::size_t p1 = text.find('+');
  const std::size_t p2 = p1 == std::string_view::npos ? std::string_view::npos : text.find('+', p1 + 1);
  if (p1 == std::string_view::npos || p1 == 0 || p2 == std::string_view::npos) {
    fail(why, "a verifier key is NAME+KEYID+BASE64");
    return std::nullopt;
  }
  VerifierKey k;
  k.origin = std::string(text.substr(0, p1));
  const auto data = from_base64(text.substr(p2 + 1));
  if (!data || data->size() != 33 || (*data)[0] != '\x01') {
    fail(why, "the key is not base64 of 0x01 and a 32-byte Ed25519 public key");
    return std::nullopt;
  }
  std::memcpy(k.public_key.data(), data->data() + 1, 32);
  k.key_id = key_id(k.origin, k.public_key);
  if (text.substr(p1 + 1, p2 - p1 - 1) != hex4(k.key_id)) {
    fail(why, "the key id does not match the name and key");
    return std::nullopt;
  }
  return k;
}

std::string checkpoint_body(const Checkpoint& c) {
  return fmt::format("{}\n{}\n{}\n", c.origin, c.size, base64(bytes_of(c.root)));
}

std::string sign_checkpoint(const Checkpoint& c, const KeyPair& key) {
  const std::string body = checkpoint_body(c);
  const Signature sig = sign(body, key);
  const auto id = key_id(c.origin, key.public_key);
  std::string blob(reinterpret_cast<const char*>(id.data()), 4);
  blob += bytes_of(sig);
  return fmt::format("{}\n{} {} {}\n", body, kDash, c.origin, base64(blob));
}

std::optional<Checkpoint> verify_checkpoint(std::string_view note, const VerifierKey& key, std::string* why) {
  const std::size_t sep = note.find("\n\n");
  if (sep == std::string_view::npos) {
    fail(why, "malformed: no blank line between the text and the signatures");
    return std::nullopt;
  }
  const std::string_view body = note.substr(0, sep + 1);
  std::vector<std::string_view> lines;
  for (std::size_t a = 0; a < body.size();) {
    const std::size_t e = body.find('\n', a);
    lines.push_back(body.substr(a, e - a));
    a = e + 1;
  }
  // tlog-checkpoint: origin, size, root, then optional extension lines.
  if (lines.size() < 3) {
    fail(why, "malformed: a checkpoint has an origin, a size and a root hash line");
    return std::nullopt;
  }
  Checkpoint c;
  c.origin = std::string(lines[0]);
  const std::string_view sz = lines[1];
  if (sz.empty() || (sz.size() > 1 && sz[0] == '0') ||
      std::from_chars(sz.data(), sz.data() + sz.size(), c.size).ptr != sz.data() + sz.size()) {
    fail(why, "malformed: the tree size is not a decimal number");
    return std::nullopt;
  }
  const auto root = from_base64(lines[2]);
  if (!root || root->size() != 32) {
    fail(why, "malformed: the root hash is not base64 of 32 bytes");
    return std::nullopt;
  }
  std::memcpy(c.root.data(), root->data(), 32);
  if (c.origin != key.origin) {
    fail(why, fmt::format("the checkpoint's origin \"{}\" is not the key's \"{}\"", c.origin, key.origin));
    return std::nullopt;
  }
  std::string_view sigs = note.substr(sep + 2);
  bool found = false;
  std::vector<std::string> other_ids;  // key ids of the origin's name that are not the key's
  while (!sigs.empty()) {
    const std::size_t e = sigs.find('\n');
    if (e == std::string_view::npos) {
      fail(why, "malformed: a signature line does not end with a newline");
      return std::nullopt;
    }
    const std::string_view line = sigs.substr(0, e);
    sigs.remove_prefix(e + 1);
    const std::string prefix = fmt::format("{} {} ", kDash, key.origin);
    if (line.substr(0, prefix.size()) != prefix) continue;  // another signer's line
    const auto blob = from_base64(line.substr(prefix.size()));
    if (!blob || blob->size() != 68) continue;
    if (std::memcmp(blob->data(), key.key_id.data(), 4) != 0) {
      std::array<unsigned char, 4> id{};
      std::memcpy(id.data(), blob->data(), 4);
      other_ids.push_back(hex4(id));
      continue;
    }
    found = true;
    if (verify(body, std::string_view(*blob).substr(4), key.public_key)) return c;
  }
  std::string missing = fmt::format("no signature by the log key {}+{}", key.origin, hex4(key.key_id));
  if (!other_ids.empty())
    missing += fmt::format(" (it is signed by key id {}: either the log key given is not the server's, see the "
                           "\"log key\" line `serve` prints or GET /v1/log-key, or the checkpoint was re-signed by "
                           "another key)",
                           fmt::join(other_ids, ", "));
  fail(why, found ? "bad signature (not made by the log key over this text)" : missing);
  return std::nullopt;
}

}  // namespace truceline::ledger
