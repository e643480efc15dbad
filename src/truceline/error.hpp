// Error policy (docs/errors.md): a user error that ends an operation is an InputError carrying
// where it happened ("line.geojson:3:14: ..."); the CLI prints it on one line and exits 2.
// Programmer errors are asserts; anything else that escapes is an internal error (exit 1).
#pragma once

#include <stdexcept>
#include <string>

namespace truceline {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& what) : std::runtime_error(what) {}
};

// A command-line usage error found after parsing (e.g. options that go together): the CLI
// adds the "Run 'truceline CMD --help'" hint.
class UsageError : public InputError {
 public:
  using InputError::InputError;
};

}  // namespace truceline
