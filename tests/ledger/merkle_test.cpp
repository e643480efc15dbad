// RFC 6962 trees: roots and proofs against an independent, naive recursive implementation of
// RFC 6962 §2.1 written here (over the leaves themselves, no stored subtrees), for every tree
// of up to 20 leaves; verification (RFC 9162) of every proof, and failures for wrong hashes.
#include "truceline/ledger/merkle.hpp"

#include <gtest/gtest.h>
#include <openssl/sha.h>

namespace truceline::ledger {
namespace {

// --- The oracle: RFC 6962 §2.1 as written, over D[n] (vectors of leaf data).
using Leaves = std::vector<std::string>;

Hash H(const std::string& bytes) {
  Hash h{};
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), h.data());
  return h;
}
std::string s(const Hash& h) { return std::string(reinterpret_cast<const char*>(h.data()), 32); }
std::size_t k_of(std::size_t n) {  // the largest power of two smaller than n
  std::size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
Leaves slice(const Leaves& d, std::size_t a, std::size_t b) { return Leaves(d.begin() + a, d.begin() + b); }

Hash MTH(const Leaves& d) {
  if (d.empty()) return H("");
  if (d.size() == 1) return H(std::string(1, '\0') + d[0]);
  const std::size_t k = k_of(d.size());
  return H(std::string(1, '\1') + s(MTH(slice(d, 0, k))) + s(MTH(slice(d, k, d.size()))));
}
std::vector<Hash> PATH(std::size_t m, const Leaves& d) {
  if (d.size() <= 1) return {};
  const std::size_t k = k_of(d.size());
  std::vector<Hash> p;
  if (m < k) {
    p = PATH(m, slice(d, 0, k));
    p.push_back(MTH(slice(d, k, d.size())));
  } else {
    p = PATH(m - k, slice(d, k, d.size()));
    p.push_back(MTH(slice(d, 0, k)));
  }
  return p;
}
std::vector<Hash> SUBPROOF(std::size_t m, const Leaves& d, bool b) {
  if (m == d.size()) return b ? std::vector<Hash>{} : std::vector<Hash>{MTH(d)};
  const std::size_t k = k_of(d.size());
  std::vector<Hash> p;
  if (m <= k) {
    p = SUBPROOF(m, slice(d, 0, k), b);
    p.push_back(MTH(slice(d, k, d.size())));
  } else {
    p = SUBPROOF(m - k, slice(d, k, d.size()), false);
    p.push_back(MTH(slice(d, 0, k)));
  }
  return p;
}
std::vector<Hash> PROOF(std::size_t m, const Leaves& d) { return SUBPROOF(m, d, true); }

Leaves leaves(std::size_t n) {
  Leaves d;
  for (std::size_t i = 0; i < n; ++i) d.push_back("leaf " + std::to_string(i) + std::string(i % 3, 'x'));
  return d;
}

TEST(MerkleOracle, KnownAnswers) {
  // RFC 6962's empty tree and the leaf hash of an empty leaf (SHA-256 of 0x00).
  EXPECT_EQ(to_hex(MTH({})), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(MTH({""})), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_EQ(to_hex(leaf_hash("")), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_EQ(empty_root(), MTH({}));
}

TEST(Merkle, RootsAndProofsMatchTheOracleUpTo20Leaves) {
  const Leaves all = leaves(20);
  MemoryTree tree;
  for (std::size_t n = 0; n <= 20; ++n) {
    if (n > 0) tree.append(leaf_hash(all[n - 1]));
    const Leaves d = slice(all, 0, n);
    ASSERT_EQ(tree.root(n), MTH(d)) << "n=" << n;
    for (std::size_t m = 0; m < n; ++m) {
      const auto proof = inclusion_proof(tree.source(), m, n);
      ASSERT_EQ(proof, PATH(m, d)) << "inclusion m=" << m << " n=" << n;
      EXPECT_TRUE(verify_inclusion(m, n, leaf_hash(d[m]), proof, MTH(d))) << m << "/" << n;
      // A wrong leaf, a wrong root, a changed proof element, a wrong index: each fails.
      EXPECT_FALSE(verify_inclusion(m, n, leaf_hash(d[m] + "!"), proof, MTH(d)));
      Hash bad_root = MTH(d);
      bad_root[0] ^= 1;
      EXPECT_FALSE(verify_inclusion(m, n, leaf_hash(d[m]), proof, bad_root));
      for (std::size_t i = 0; i < proof.size(); ++i) {
        auto p = proof;
        p[i][31] ^= 0x80;
        EXPECT_FALSE(verify_inclusion(m, n, leaf_hash(d[m]), p, MTH(d)));
      }
      if (n > 1) {
        EXPECT_FALSE(verify_inclusion((m + 1) % n, n, leaf_hash(d[m]), proof, MTH(d)));
      }
    }
    for (std::size_t m = 1; m <= n; ++m) {
      const Leaves old = slice(all, 0, m);
      const auto proof = consistency_proof(tree.source(), m, n);
      if (m < n) {
        ASSERT_EQ(proof, PROOF(m, d)) << "consistency m=" << m << " n=" << n;
      } else {
        EXPECT_TRUE(proof.empty());
      }
      EXPECT_TRUE(verify_consistency(m, n, MTH(old), MTH(d), proof)) << m << "->" << n;
      Hash bad = MTH(old);
      bad[5] ^= 4;
      EXPECT_FALSE(verify_consistency(m, n, bad, MTH(d), proof)) << m << "->" << n;
      Hash bad_new = MTH(d);
      bad_new[7] ^= 2;
      EXPECT_FALSE(verify_consistency(m, n, MTH(old), bad_new, proof)) << m << "->" << n;
      for (std::size_t i = 0; i < proof.size(); ++i) {
        auto p = proof;
        p[i][0] ^= 1;
        EXPECT_FALSE(verify_consistency(m, n, MTH(old), MTH(d), p)) << m << "->" << n << " element " << i;
      }
      // A fork: a different tree of the same old size is not consistent with this one.
      if (m < n) {
        Leaves forked = old;
        forked[m - 1] += "forked";
        EXPECT_FALSE(verify_consistency(m, n, MTH(forked), MTH(d), proof));
      }
    }
  }
}

TEST(Merkle, EdgeCases) {
  MemoryTree tree;
  EXPECT_EQ(tree.root(), empty_root());
  EXPECT_THROW(inclusion_proof(tree.source(), 0, 0), std::invalid_argument);
  EXPECT_TRUE(verify_consistency(0, 5, empty_root(), H("x"), {}));  // the empty tree is a prefix of all
  EXPECT_FALSE(verify_consistency(3, 2, H("a"), H("b"), {}));
  EXPECT_FALSE(verify_consistency(2, 3, H("a"), H("b"), {}));       // an empty proof for m < n
  EXPECT_FALSE(verify_consistency(3, 3, H("a"), H("b"), {}));       // same size, different roots
  EXPECT_FALSE(verify_inclusion(0, 0, H("a"), {}, H("a")));
  tree.append(leaf_hash("only"));
  EXPECT_TRUE(verify_inclusion(0, 1, leaf_hash("only"), {}, tree.root()));
  EXPECT_FALSE(verify_inclusion(0, 1, leaf_hash("only"), {H("extra")}, tree.root()));
}

}  // namespace
}  // namespace truceline::ledger
