// Verifier keys (C2SP vkey): the text `serve` prints and `/v1/log-key` serves must read back
// with `parse_vkey`, whatever characters its base64 holds.
#include "truceline/ledger/checkpoint.hpp"

#include <gtest/gtest.h>

#include "ledger/fixture.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;

// Standard base64 uses '+': about half of all keys have one in their vkey. The name (origin)
// never holds '+', so the first two '+' are the separators.
TEST(Vkey, EveryPrintedKeyReadsBack) {
  int with_plus = 0;
  for (unsigned char n = 1; n <= 64; ++n) {
    const KeyPair k = test_key("log", n);
    const std::string text = vkey_text("truceline/idlib-2018", k.public_key);
    const std::string b64 = text.substr(text.find('+', text.find('+') + 1) + 1);
    if (b64.find('+') != std::string::npos) ++with_plus;
    std::string why;
    const auto parsed = parse_vkey(text, &why);
    ASSERT_TRUE(parsed) << text << ": " << why;
    EXPECT_EQ(parsed->origin, "truceline/idlib-2018");
    EXPECT_EQ(parsed->public_key, k.public_key);
    EXPECT_EQ(parsed->key_id, key_id("truceline/idlib-2018", k.public_key));
  }
  EXPECT_GT(with_plus, 0) << "no key of the sample has a '+' in its base64: the test checks nothing";
}

TEST(Vkey, MalformedKeysAreRefused) {
  const KeyPair k = test_key("log", 9);
  const std::string good = vkey_text("truceline/test", k.public_key);
  std::string why;
  EXPECT_FALSE(parse_vkey("truceline/test", &why));
  const std::string rest = good.substr(good.find('+'));  // "+KEYID+BASE64"
  EXPECT_FALSE(parse_vkey(rest, &why));                   // no name
  EXPECT_FALSE(parse_vkey(std::string("other/name").append(rest), &why));
  EXPECT_EQ(why, "the key id does not match the name and key");
  EXPECT_FALSE(parse_vkey(good.substr(0, good.size() - 4), &why));
}

// A checkpoint checked with the wrong log key: the message names the key that did sign it, so
// a user can tell a wrong --log-key (compare with `serve`'s "log key" line) from a missing
// signature.
TEST(Checkpoint, AnotherKeysSignatureIsNamed) {
  const KeyPair server = test_key("log", 9), other = test_key("log", 10);
  Checkpoint c{"truceline/test", 3, sha256("x")};
  const std::string note = sign_checkpoint(c, server);
  std::string why;
  EXPECT_TRUE(verify_checkpoint(note, verifier_key("truceline/test", server.public_key), &why)) << why;
  EXPECT_FALSE(verify_checkpoint(note, verifier_key("truceline/test", other.public_key), &why));
  EXPECT_EQ(why, "no signature by the log key " + vkey_text("truceline/test", other.public_key).substr(0, 23) +
                     " (it is signed by key id " + vkey_text("truceline/test", server.public_key).substr(15, 8) +
                     ": either the log key given is not the server's, see the \"log key\" line `serve` prints or GET "
                     "/v1/log-key, or the checkpoint was re-signed by another key)");
  // No signature line of the origin at all.
  EXPECT_FALSE(verify_checkpoint(checkpoint_body(c) + "\n", verifier_key("truceline/test", server.public_key), &why));
  EXPECT_EQ(why, "no signature by the log key " + vkey_text("truceline/test", server.public_key).substr(0, 23));
}

}  // namespace
}  // namespace truceline::ledger
