#include "truceline/extract/weapons.hpp"

#include "truceline/agreement/agreement.hpp"
#include "truceline/extract/lexicon.hpp"

namespace truceline::extract {

struct WeaponFinder::Index {};

WeaponFinder::WeaponFinder(const agreement::Agreement&) : index_(std::make_unique<Index>()) {}
WeaponFinder::~WeaponFinder() = default;
WeaponFinder::WeaponFinder(WeaponFinder&&) noexcept = default;
WeaponFinder& WeaponFinder::operator=(WeaponFinder&&) noexcept = default;

std::vector<WeaponMention> WeaponFinder::find(const Document&) const { return {}; }

}  // namespace truceline::extract
