#include "truceline/ledger/merkle.hpp"

#include <openssl/evp.h>

#include <bit>
#include <stdexcept>

namespace truceline::ledger {

namespace {

Hash sha256_parts(unsigned char prefix, std::string_view a, std::string_view b) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  Hash h{};
  unsigned int n = 0;
  const bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1 &&
                  EVP_DigestUpdate(ctx, &prefix, 1) == 1 && EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 &&
                  EVP_DigestUpdate(ctx, b.data(), b.size()) == 1 && EVP_DigestFinal_ex(ctx, h.data(), &n) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok || n != 32) throw std::runtime_error("OpenSSL: SHA-256 failed");
  return h;
}

// The largest power of two smaller than n (n >= 2).
uint64_t split(uint64_t n) { return std::bit_floor(n - 1); }

// MTH(D[a:b]); a is a multiple of the largest power of two <= b - a (see the header).
Hash range_hash(const NodeSource& nodes, uint64_t a, uint64_t b) {
  const uint64_t n = b - a;
  if (std::has_single_bit(n) && a % n == 0) {
    const auto level = static_cast<unsigned>(std::countr_zero(n));
    return nodes(level, a >> level);
  }
  const uint64_t k = split(n);
  return node_hash(range_hash(nodes, a, a + k), range_hash(nodes, a + k, b));
}

void path(const NodeSource& nodes, uint64_t m, uint64_t a, uint64_t b, std::vector<Hash>& out) {
  if (b - a <= 1) return;
  const uint64_t k = split(b - a);
  if (m < a + k) {
    path(nodes, m, a, a + k, out);
    out.push_back(range_hash(nodes, a + k, b));
  } else {
    path(nodes, m, a + k, b, out);
    out.push_back(range_hash(nodes, a, a + k));
  }
}

// SUBPROOF(m, D[a:b], whole) with m counted from a.
void subproof(const NodeSource& nodes, uint64_t m, uint64_t a, uint64_t b, bool whole, std::vector<Hash>& out) {
  const uint64_t n = b - a;
  if (m == n) {
    if (!whole) out.push_back(range_hash(nodes, a, b));
    return;
  }
  const uint64_t k = split(n);
  if (m <= k) {
    subproof(nodes, m, a, a + k, whole, out);
    out.push_back(range_hash(nodes, a + k, b));
  } else {
    subproof(nodes, m - k, a + k, b, false, out);
    out.push_back(range_hash(nodes, a, a + k));
  }
}

}  // namespace

Hash leaf_hash(std::string_view leaf) { return sha256_parts(0x00, leaf, {}); }
Hash node_hash(const Hash& l, const Hash& r) { return sha256_parts(0x01, bytes_of(l), bytes_of(r)); }
Hash empty_root() { return sha256(""); }

Hash tree_root(const NodeSource& nodes, uint64_t size) { return size == 0 ? empty_root() : range_hash(nodes, 0, size); }

std::vector<Hash> inclusion_proof(const NodeSource& nodes, uint64_t index, uint64_t size) {
  if (index >= size) throw std::invalid_argument("inclusion_proof: index >= size");
  std::vector<Hash> out;
  path(nodes, index, 0, size, out);
  return out;
}

std::vector<Hash> consistency_proof(const NodeSource& nodes, uint64_t old_size, uint64_t new_size) {
  if (old_size > new_size) throw std::invalid_argument("consistency_proof: old_size > new_size");
  std::vector<Hash> out;
  if (old_size == 0 || old_size == new_size) return out;
  subproof(nodes, old_size, 0, new_size, true, out);
  return out;
}

bool verify_inclusion(uint64_t index, uint64_t size, const Hash& leaf, const std::vector<Hash>& proof,
                      const Hash& root) {
  if (index >= size) return false;
  uint64_t fn = index, sn = size - 1;
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      r = node_hash(p, r);
      if (!(fn & 1))
        while (!(fn & 1) && fn != 0) fn >>= 1, sn >>= 1;
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool verify_consistency(uint64_t old_size, uint64_t new_size, const Hash& old_root, const Hash& new_root,
                        const std::vector<Hash>& proof) {
  if (old_size > new_size) return false;
  if (old_size == 0) return proof.empty();
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (proof.empty()) return false;
  std::vector<Hash> path = proof;
  if (std::has_single_bit(old_size)) path.insert(path.begin(), old_root);
  uint64_t fn = old_size - 1, sn = new_size - 1;
  while (fn & 1) fn >>= 1, sn >>= 1;
  Hash fr = path[0], sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      if (!(fn & 1))
        while (!(fn & 1) && fn != 0) fn >>= 1, sn >>= 1;
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

void MemoryTree::append(const Hash& leaf) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf);
  for (std::size_t l = 0; levels_[l].size() % 2 == 0; ++l) {
    if (levels_.size() == l + 1) levels_.emplace_back();
    const auto& lv = levels_[l];
    levels_[l + 1].push_back(node_hash(lv[lv.size() - 2], lv[lv.size() - 1]));
  }
}

}  // namespace truceline::ledger
