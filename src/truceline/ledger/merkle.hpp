// RFC 6962 / RFC 9162 Merkle trees (docs/ledger.md, "Tree"): leaf and node hashes, the root
// of the first n leaves, inclusion and consistency proofs, and their verification.
//
// - leaf hash = SHA-256(0x00 || leaf bytes); node hash = SHA-256(0x01 || left || right);
//   the root of 0 leaves is SHA-256 of nothing (RFC 6962 §2.1).
// - Proofs are computed from "perfect subtree" hashes: the hash of leaves
//   [i·2^level, (i+1)·2^level), given by a NodeSource. Every range the RFC 6962 algorithms
//   need starts at a multiple of its largest power-of-two part, so a root or a proof costs
//   O(log² n) NodeSource calls and no re-hashing of the log (Log stores these hashes;
//   MemoryTree keeps them in memory).
// - Verification follows RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) literally.
// Thread safety: pure functions; a MemoryTree is a plain value.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "truceline/ledger/crypto.hpp"

namespace truceline::ledger {

Hash leaf_hash(std::string_view leaf);
Hash node_hash(const Hash& left, const Hash& right);
Hash empty_root();  // SHA-256("")

// Hash of the perfect subtree at (level, index). REQUIRES: the subtree lies inside the tree.
using NodeSource = std::function<Hash(unsigned level, uint64_t index)>;

// MTH(D[0:size]). size 0 = empty_root().
Hash tree_root(const NodeSource& nodes, uint64_t size);
// PATH(index, D[0:size]), leaf to root. REQUIRES: index < size (std::invalid_argument).
std::vector<Hash> inclusion_proof(const NodeSource& nodes, uint64_t index, uint64_t size);
// PROOF(old_size, D[0:new_size]). REQUIRES: old_size <= new_size (std::invalid_argument);
// empty when old_size is 0 or equal to new_size.
std::vector<Hash> consistency_proof(const NodeSource& nodes, uint64_t old_size, uint64_t new_size);

bool verify_inclusion(uint64_t index, uint64_t size, const Hash& leaf, const std::vector<Hash>& proof,
                      const Hash& root);
// old_size 0: true for an empty proof (the empty tree is a prefix of every tree);
// old_size == new_size: true when the proof is empty and the roots are equal.
bool verify_consistency(uint64_t old_size, uint64_t new_size, const Hash& old_root, const Hash& new_root,
                        const std::vector<Hash>& proof);

// All perfect subtree hashes of a growing tree, in memory (2·n hashes for n leaves).
class MemoryTree {
 public:
  void append(const Hash& leaf);  // a leaf HASH
  uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  Hash node(unsigned level, uint64_t index) const { return levels_.at(level).at(index); }
  NodeSource source() const {
    return [this](unsigned level, uint64_t index) { return node(level, index); };
  }
  Hash root(uint64_t size) const { return tree_root(source(), size); }
  Hash root() const { return root(size()); }

 private:
  std::vector<std::vector<Hash>> levels_;
};

}  // namespace truceline::ledger
