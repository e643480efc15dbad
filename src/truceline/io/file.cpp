#include "truceline/io/file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace truceline::io {

using nlohmann::json;

void reject_directory(const std::string& path) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec))
    throw InputError(fmt::format("{}: cannot read: Is a directory", path));
}

std::string read_text(const std::string& path) {
  reject_directory(path);
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(fmt::format("{}: cannot read", path));
  return text;
}

std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte_offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

json parse_json(const std::string& text, const std::string& name) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based position of the last character read: step back to the start of
    // the offending token (a number or a literal) so the column points at it.
    std::size_t pos = e.byte == 0 ? 0 : e.byte - 1;
    auto token_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; };
    if (pos < text.size() && token_char(text[pos]))
      while (pos > 0 && token_char(text[pos - 1])) --pos;
    const auto [line, col] = line_column(text, pos);
    std::string what = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
    if (auto p = what.find(": "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError(fmt::format("{}:{}:{}: invalid JSON: {}", name, line, col, what));
  } catch (const json::exception& e) {
    throw InputError(fmt::format("{}: invalid JSON: {}", name, e.what()));
  }
}

AtomicOutput::AtomicOutput(const std::string& path, std::ostream& stdout_stream)
    : path_(path), to_file_(!path.empty() && path != "-"), stdout_(stdout_stream) {
  if (!to_file_) return;
  std::error_code ec;
  if (std::filesystem::is_directory(path_, ec)) throw InputError(fmt::format("{}: cannot write: Is a directory", path_));
  tmp_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!file_) throw InputError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
}

AtomicOutput::~AtomicOutput() {
  if (to_file_ && !committed_) {
    file_.close();
    std::remove(tmp_.c_str());
  }
}

void AtomicOutput::commit() {
  std::ostream& o = stream();
  o.flush();
  if (!o) throw InputError(to_file_ ? path_ + ": cannot write" : "cannot write to standard output");
  if (!to_file_) return;
  file_.close();
  if (!file_) throw InputError(path_ + ": cannot write");
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0)
    throw InputError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
  committed_ = true;
}

void write_file_atomic(const std::string& path, const std::string& content, std::ostream& stdout_stream) {
  AtomicOutput out(path, stdout_stream);
  out.stream() << content;
  out.commit();
}

}  // namespace truceline::io
