// RFC 8785 JSON Canonicalization Scheme (JCS) over nlohmann::json (docs/ledger.md, "Canonical
// JSON"). Hand-written: no library in Debian 12 implements RFC 8785 (nlohmann's dump() sorts
// keys by UTF-8 bytes and prints numbers with %.17g-style digits, both of which differ).
//
// - Objects: members sorted by their names' UTF-16 code units (RFC 8785 §3.2.3); no spaces.
// - Strings: UTF-8; `"` and `\` escaped, U+0008/09/0A/0C/0D as \b \t \n \f \r, other controls
//   below U+0020 as \u00xx (lower-case hex); everything else as is (§3.2.2.2).
// - Numbers: IEEE 754 doubles written as ECMAScript Number.prototype.toString writes them
//   (§3.2.2.3): the shortest digits that round-trip (std::to_chars), placed per ES2015
//   7.1.12.1; -0 is "0". Integers held as int64/uint64 are converted to double first (JCS
//   reads every number as a double): beyond 2^53 they lose digits, as in any JCS signer.
// Errors: InputError for NaN/Infinity (not JSON), invalid UTF-8 in a string, or a binary value.
// Cost: linear in the document, plus sorting each object's keys when a name holds a character
// beyond U+FFFF (otherwise nlohmann's byte order is already UTF-16 order).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace truceline::ledger {

std::string canonical_json(const nlohmann::json& value);
// Appends to `out` (no allocation of a separate string).
void canonical_json(const nlohmann::json& value, std::string& out);
// One number as ECMAScript's Number.prototype.toString(10) writes it.
std::string es_number(double v);

}  // namespace truceline::ledger
