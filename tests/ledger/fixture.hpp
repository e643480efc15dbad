// Shared fixtures for the ledger tests: deterministic keys, a parties file, envelopes, a
// temporary directory.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "truceline/ledger/crypto.hpp"
#include "truceline/ledger/entry.hpp"
#include "truceline/ledger/parties.hpp"

namespace truceline::ledger::testing {

inline KeyPair test_key(const std::string& id, unsigned char n) {
  Seed s{};
  s.fill(n);
  return key_from_seed(id, s);
}

// north (guarantor), south (guarantor), jmm (monitor), press (observer); the log key.
struct Cast {
  KeyPair north = test_key("north-force", 1), south = test_key("south-force", 2), jmm = test_key("jmm", 3),
          press = test_key("press", 4), log = test_key("log", 9);
  std::string parties_toml() const {
    return "[log]\norigin = \"truceline/test\"\npublic_key = \"" + public_key_text(log.public_key) +
           "\"\n\n[[party]]\nid = \"north-force\"\npublic_key = \"" + public_key_text(north.public_key) +
           "\"\nrole = \"guarantor\"\n\n[[party]]\nid = \"south-force\"\npublic_key = \"" +
           public_key_text(south.public_key) + "\"\nrole = \"guarantor\"\n\n[[party]]\nid = \"jmm\"\npublic_key = \"" +
           public_key_text(jmm.public_key) + "\"\nrole = \"monitor\"\n\n[[party]]\nid = \"press\"\npublic_key = \"" +
           public_key_text(press.public_key) + "\"\nrole = \"observer\"\n";
  }
  Parties parties() const { return Parties::parse(parties_toml(), "parties.toml"); }
};

inline constexpr int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z

inline nlohmann::json report_body(int n) {
  return nlohmann::json::parse(R"({"observed_at":"2020-02-20T10:00:00+03:00","lon":36.25,"lat":35.545,)"
                               R"("kind":"shelling","summary":"Shelling )" +
                               std::to_string(n) + R"(","source":{"name":"JMM","type":"monitor"}})");
}

inline nlohmann::json envelope(const KeyPair& k, const std::string& type, std::optional<uint64_t> ref,
                               nlohmann::json body, int64_t t = kNow) {
  return sign_entry(make_entry(k.id, type, ref, std::move(body), t), k);
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path = std::filesystem::temp_directory_path() /
           ("truceline-ledger-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name)) << text;
    return file(name);
  }
};

}  // namespace truceline::ledger::testing
