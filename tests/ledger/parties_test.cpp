// The parties file: loading, every refusal with file:line:column, the agreement check.
#include "truceline/ledger/parties.hpp"

#include <gtest/gtest.h>

#include "ledger/fixture.hpp"
#include "truceline/agreement/agreement.hpp"
#include "truceline/error.hpp"

namespace truceline::ledger {
namespace {

using namespace testing;

std::string error_of(const std::string& text, const agreement::Agreement* a = nullptr) {
  try {
    Parties::parse(text, "p.toml", a);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Parties, LoadsTheCast) {
  const Cast c;
  const Parties p = c.parties();
  EXPECT_EQ(p.origin, "truceline/test");
  ASSERT_TRUE(p.log_key);
  EXPECT_EQ(*p.log_key, c.log.public_key);
  ASSERT_EQ(p.parties.size(), 4u);
  ASSERT_NE(p.find("jmm"), nullptr);
  EXPECT_EQ(p.find("jmm")->role, "monitor");
  EXPECT_EQ(p.find("jmm")->public_key, c.jmm.public_key);
  EXPECT_FALSE(p.find("press")->may_write());
  EXPECT_TRUE(p.find("north-force")->may_write());
  EXPECT_EQ(p.find("nobody"), nullptr);
}

TEST(Parties, Refusals) {
  const Cast c;
  const std::string key = public_key_text(c.north.public_key);
  const std::string head = "[log]\norigin = \"o\"\n";
  EXPECT_EQ(error_of(head + "[[party]]\nid = \"a\"\npublic_key = \"" + key + "\"\nrole = \"guarantor\"\ncolour = 1\n"),
            "p.toml:7:1: unknown key \"colour\" in [[party]] (keys: id, public_key, role)");
  EXPECT_EQ(error_of("[log]\norigin = \"o\"\nkey = \"x\"\n"),
            "p.toml:3:1: unknown key \"key\" in [log] (keys: origin, public_key)");
  EXPECT_EQ(error_of(head + "[[party]]\nid = \"a\"\npublic_key = \"" + key + "\"\nrole = \"boss\"\n"),
            "p.toml:6:8: [[party]] \"a\": role \"boss\" is not one of guarantor, monitor, observer");
  EXPECT_NE(error_of(head + "[[party]]\nid = \"a\"\npublic_key = \"ed25519:Zm8=\"\nrole = \"monitor\"\n")
                .find("p.toml:5:14: [[party]] \"a\": \"public_key\" must be"),
            std::string::npos);
  EXPECT_NE(error_of(head + "[[party]]\nid = \"a\"\nrole = \"monitor\"\n").find("missing key \"public_key\""),
            std::string::npos);
  const std::string two = head + "[[party]]\nid = \"a\"\npublic_key = \"" + key + "\"\nrole = \"monitor\"\n" +
                          "[[party]]\nid = \"a\"\npublic_key = \"" + key + "\"\nrole = \"monitor\"\n";
  const std::string e = error_of(two);
  EXPECT_NE(e.find("p.toml:8:6: [[party]] \"a\": duplicate id (first at 4:6)"), std::string::npos) << e;
  EXPECT_NE(e.find("the same public key as party \"a\""), std::string::npos) << e;
  EXPECT_EQ(error_of("[[party]]\n"), "p.toml:1:1: missing the [log] table (origin = \"...\")\n"
                                     "p.toml:1:1: [[party]]: missing key \"id\"\n"
                                     "p.toml:1:1: [[party]]: missing key \"role\"\n"
                                     "p.toml:1:1: [[party]]: missing key \"public_key\"");
  EXPECT_NE(error_of("[log\n").find("p.toml:1:"), std::string::npos);
  EXPECT_NE(error_of("[log]\norigin = \"a b\"\n").find("may not hold a space"), std::string::npos);
}

// An empty string is no value: a party with public_key = "" (what a script writes when
// `keygen` failed) was loaded with no key and the server started; id = "" and role = "" too.
TEST(Parties, EmptyStringsAreRefused) {
  const Cast c;
  const std::string key = public_key_text(c.north.public_key);
  const std::string head = "[log]\norigin = \"o\"\n";
  EXPECT_EQ(error_of(head + "[[party]]\nid = \"a\"\npublic_key = \"\"\nrole = \"monitor\"\n"),
            "p.toml:5:14: [[party]] \"a\": \"public_key\" is empty");
  EXPECT_EQ(error_of(head + "[[party]]\nid = \"\"\npublic_key = \"" + key + "\"\nrole = \"monitor\"\n"),
            "p.toml:4:6: [[party]]: \"id\" is empty");
  EXPECT_EQ(error_of(head + "[[party]]\nid = \"a\"\npublic_key = \"" + key + "\"\nrole = \"\"\n"),
            "p.toml:6:8: [[party]] \"a\": \"role\" is empty");
  EXPECT_EQ(error_of("[log]\norigin = \"o\"\npublic_key = \"\"\n"), "p.toml:3:14: [log]: \"public_key\" is empty");
}

TEST(Parties, CheckedAgainstAnAgreement) {
  agreement::Agreement a;
  a.path = "agreement.toml";
  agreement::Actor north;
  north.id = "north-force";
  agreement::Actor group;
  group.id = "free-companies";
  group.is_group = true;
  a.actors = {north, group};
  const Cast c;
  auto party = [&](const std::string& id, const std::string& role, const KeyPair& k) {
    return "[[party]]\nid = \"" + id + "\"\npublic_key = \"" + public_key_text(k.public_key) + "\"\nrole = \"" + role +
           "\"\n";
  };
  const std::string head = "[log]\norigin = \"o\"\n";
  EXPECT_EQ(error_of(head + party("north-force", "guarantor", c.north) + party("jmm", "monitor", c.jmm), &a), "");
  EXPECT_NE(error_of(head + party("south-force", "guarantor", c.south), &a)
                .find("a guarantor must be a [[party]] of the agreement agreement.toml"),
            std::string::npos);
  EXPECT_NE(error_of(head + party("free-companies", "monitor", c.south), &a).find("is a [[group]] of the agreement"),
            std::string::npos);
  // Without an agreement nothing is checked against one.
  EXPECT_EQ(error_of(head + party("south-force", "guarantor", c.south)), "");
}

TEST(Parties, LoadReadsTheFile) {
  const Cast c;
  TempDir d;
  const Parties p = Parties::load(d.write("parties.toml", c.parties_toml()));
  EXPECT_EQ(p.parties.size(), 4u);
  EXPECT_THROW(Parties::load(d.file("missing.toml")), InputError);
}

}  // namespace
}  // namespace truceline::ledger
