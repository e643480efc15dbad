// `truceline serve` as a real process (the built binary) for the server tests: started with
// `--listen 127.0.0.1:0`, its port read from the `listening on ...` line it prints.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace truceline::test {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct ServeProcess {
  pid_t pid = -1;
  uint16_t port = 0;
  std::string out_path, err_path;
  int status = -1;  // wait status once reaped

  // Starts `binary args...` with stdout/stderr in files under `dir`; waits (at most 60 s: the
  // machine may be loaded) for the listening line. port stays 0 when the process ended first.
  ServeProcess(const std::string& binary, const std::vector<std::string>& args, const std::string& dir,
               const std::string& tag = "serve")
      : out_path(dir + "/" + tag + ".out"), err_path(dir + "/" + tag + ".err") {
    std::vector<std::string> argv_s{binary};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults, none;
    sigemptyset(&defaults);
    for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&defaults, s);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    if (posix_spawn(&pid, binary.c_str(), &actions, &attr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    static const std::regex line(R"(listening on https?://127\.0\.0\.1:(\d+)\n)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (pid > 0 && std::chrono::steady_clock::now() < deadline) {
      std::smatch m;
      const std::string out = slurp(out_path);
      if (std::regex_search(out, m, line)) {
        port = static_cast<uint16_t>(std::stoi(m[1].str()));
        return;
      }
      if (waitpid(pid, &status, WNOHANG) == pid) {
        pid = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  // Sends `sig` and waits (at most 60 s, then SIGKILL) for the process to end; the wait status.
  int stop(int sig = SIGTERM) {
    if (pid <= 0) return status;
    ::kill(pid, sig);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid = -1;
    return status;
  }

  ~ServeProcess() { stop(SIGKILL); }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
};

}  // namespace truceline::test
