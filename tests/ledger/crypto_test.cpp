// Ed25519 known answers (RFC 8032 §7.1) and the verification rule (docs/ledger.md,
// "Signatures"); base64; key files.
#include "truceline/ledger/crypto.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "truceline/error.hpp"

namespace truceline::ledger {
namespace {

std::string unhex(const std::string& h) {
  std::string out;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}
std::string hex(std::string_view b) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (const char ch : b) {
    const auto c = static_cast<unsigned char>(ch);
    s += d[c >> 4];
    s += d[c & 15];
  }
  return s;
}
Seed seed_of(const std::string& h) {
  Seed s{};
  std::memcpy(s.data(), unhex(h).data(), 32);
  return s;
}
PublicKey pk_of(const std::string& h) {
  PublicKey p{};
  std::memcpy(p.data(), unhex(h).data(), 32);
  return p;
}

struct Vector {
  const char* name;
  const char* secret;
  const char* public_key;
  std::string message;  // bytes
  const char* signature;
};

std::vector<Vector> rfc8032() {
  // SHA-512("abc"), the message of RFC 8032 "TEST SHA(abc)", computed independently (OpenSSL).
  unsigned char d[64];
  unsigned int n = 0;
  EVP_Digest("abc", 3, d, &n, EVP_sha512(), nullptr);
  return {
      {"TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
       "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
       "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe2"
       "4655141438e7a100b"},
      {"TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
       "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", unhex("72"),
       "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302ae"
       "eb00d291612bb0c00"},
      {"TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
       "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", unhex("af82"),
       "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28"
       "dc027beceea1ec40a"},
      {"TEST SHA(abc)", "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
       "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
       std::string(reinterpret_cast<const char*>(d), n),
       "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17"
       "ad9bef1177331a704"},
  };
}

TEST(Ed25519, Rfc8032VectorsSignAndVerify) {
  for (const Vector& v : rfc8032()) {
    SCOPED_TRACE(v.name);
    const KeyPair k = key_from_seed("t", seed_of(v.secret));
    EXPECT_EQ(hex(bytes_of(k.public_key)), v.public_key);
    const Signature s = sign(v.message, k);
    EXPECT_EQ(hex(bytes_of(s)), v.signature);
    EXPECT_TRUE(verify(v.message, unhex(v.signature), pk_of(v.public_key)));
  }
}

TEST(Ed25519, SignatureOverAnotherMessageIsRejected) {
  const auto v = rfc8032()[1];  // TEST 2: message 0x72
  EXPECT_FALSE(verify(unhex("73"), unhex(v.signature), pk_of(v.public_key)));
  EXPECT_FALSE(verify("", unhex(v.signature), pk_of(v.public_key)));
  // The same signature under another key (TEST 1's).
  EXPECT_FALSE(verify(unhex("72"), unhex(v.signature), pk_of(rfc8032()[0].public_key)));
}

// Adds the group order L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 §5.1) to
// the little-endian scalar S of a signature.
std::string add_order(std::string sig) {
  const std::string L = unhex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
  unsigned carry = 0;
  for (int i = 0; i < 32; ++i) {
    const unsigned sum = static_cast<unsigned char>(sig[32 + i]) + static_cast<unsigned char>(L[i]) + carry;
    sig[32 + i] = static_cast<char>(sum & 0xff);
    carry = sum >> 8;
  }
  return sig;
}

TEST(Ed25519, NonCanonicalScalarIsRejected) {
  // S + L satisfies the group equation exactly as S does ([S+L]B = [S]B): a verifier that does
  // not require S < L accepts a second signature for the same message (malleability).
  for (const Vector& v : rfc8032()) {
    SCOPED_TRACE(v.name);
    const std::string malleated = add_order(unhex(v.signature));
    ASSERT_NE(malleated, unhex(v.signature));
    EXPECT_FALSE(verify(v.message, malleated, pk_of(v.public_key)));
  }
}

TEST(Ed25519, SmallOrderAndNonCanonicalKeysAreRejected) {
  // Public key = the identity (y = 1), R = the identity, S = 0: the cofactorless equation
  // [0]B = R + [k]A holds for EVERY message; libsodium refuses small-order keys.
  const std::string identity = unhex("0100000000000000000000000000000000000000000000000000000000000000");
  const std::string sig = identity + std::string(32, '\0');
  PublicKey pk{};
  std::memcpy(pk.data(), identity.data(), 32);
  EXPECT_FALSE(verify("any message", sig, pk));
  EXPECT_FALSE(verify("", sig, pk));
  // A point of order 2 (y = -1 = p - 1).
  const std::string order2 = unhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  std::memcpy(pk.data(), order2.data(), 32);
  EXPECT_FALSE(verify("any message", identity + std::string(32, '\0'), pk));
  // A non-canonical encoding of the identity: y = p + 1 (>= p).
  const std::string noncanon = unhex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  std::memcpy(pk.data(), noncanon.data(), 32);
  EXPECT_FALSE(verify("any message", identity + std::string(32, '\0'), pk));
}

TEST(Ed25519, WrongLengthSignatureIsRejected) {
  const auto v = rfc8032()[0];
  EXPECT_FALSE(verify(v.message, unhex(v.signature).substr(0, 63), pk_of(v.public_key)));
  EXPECT_FALSE(verify(v.message, unhex(v.signature) + "x", pk_of(v.public_key)));
}

TEST(Base64, StandardAndUrl) {
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64url(std::string("\xfb\xff", 2)), "-_8");
  EXPECT_EQ(base64(std::string("\xfb\xff", 2)), "+/8=");
  EXPECT_EQ(from_base64("Zm8="), "fo");
  EXPECT_FALSE(from_base64("Zm8"));     // missing padding
  EXPECT_FALSE(from_base64("Zm8=x"));   // trailing garbage
  EXPECT_FALSE(from_base64("-_8="));    // url alphabet in standard
  EXPECT_EQ(from_base64url("-_8"), std::string("\xfb\xff", 2));
  EXPECT_FALSE(from_base64url("+/8"));
}

TEST(Hash, Sha256AndHex) {
  const Hash h = sha256("abc");
  EXPECT_EQ(to_hex(h), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hash_from_hex(to_hex(h)), h);
  EXPECT_FALSE(hash_from_hex("zz"));
}

TEST(PublicKeyText, RoundTripAndRefusals) {
  const KeyPair k = key_from_seed("a", seed_of(rfc8032()[0].secret));
  const std::string t = public_key_text(k.public_key);
  EXPECT_EQ(t, "ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
  EXPECT_EQ(parse_public_key_text(t), k.public_key);
  EXPECT_FALSE(parse_public_key_text("ed448:" + t.substr(8)));
  EXPECT_FALSE(parse_public_key_text("ed25519:Zm8="));
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ledger-key-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, WriteReadMode0600AndNoOverwrite) {
  const std::string path = (dir_ / "russia.jwk").string();
  const KeyPair k = generate_key("russia");
  write_key_file(path, k);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const KeyPair r = read_key_file(path);
  EXPECT_EQ(r.id, "russia");
  EXPECT_EQ(r.public_key, k.public_key);
  EXPECT_EQ(r.seed, k.seed);
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("\"kty\":\"OKP\""), std::string::npos);
  EXPECT_NE(text.find("\"crv\":\"Ed25519\""), std::string::npos);
  EXPECT_NE(text.find("\"x\":\"" + base64url(bytes_of(k.public_key)) + "\""), std::string::npos);
  EXPECT_THROW(write_key_file(path, generate_key("russia")), InputError);
  EXPECT_EQ(read_key_file(path).public_key, k.public_key);  // unchanged
  const KeyPair k2 = generate_key("russia");
  write_key_file(path, k2, true);
  EXPECT_EQ(read_key_file(path).public_key, k2.public_key);
}

TEST_F(KeyFileTest, BadFilesNameTheField) {
  auto attempt = [&](const std::string& content) -> std::string {
    const std::string path = (dir_ / "bad.jwk").string();
    std::ofstream(path) << content;
    try {
      read_key_file(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(attempt("nope").find("bad.jwk: key file: not JSON"), std::string::npos);
  EXPECT_NE(attempt(R"({"kty":"RSA"})").find("bad.jwk: key file: kty: must be \"OKP\""), std::string::npos);
  EXPECT_NE(attempt(R"({"kty":"OKP","crv":"Ed25519","kid":"a","d":"abc"})").find("key file: d: not 32 bytes"),
            std::string::npos);
  const KeyPair k = generate_key("a"), other = generate_key("b");
  const std::string mismatch = R"({"kty":"OKP","crv":"Ed25519","kid":"a","d":")" + base64url(bytes_of(k.seed)) +
                               R"(","x":")" + base64url(bytes_of(other.public_key)) + "\"}";
  EXPECT_NE(attempt(mismatch).find("key file: x: does not match"), std::string::npos);
}

}  // namespace
}  // namespace truceline::ledger
