// The `truceline` command line: parsing and printing only; the work is in the library.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace truceline::cli {

// Runs the CLI. Exit status: 0 success, 2 user error (bad input, bad usage), 1 internal error.
int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

// "20km", "15000m", "0.5km" -> metres. Throws InputError: no unit, <= 0, > 1000 km.
double parse_depth(const std::string& text);

}  // namespace truceline::cli
