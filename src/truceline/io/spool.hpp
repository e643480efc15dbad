// A spool: a temporary file without a name, for output that must be written after something
// computed later (the streamed `assess` JSON writes its verdicts here first: they come last in
// the document, after the incidents that need every report). Unlinked as soon as created
// (O_TMPFILE, else mkstemp then unlink), so nothing is left behind by a crash or a signal.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

namespace truceline::io {

class Spool {
 public:
  // In directory `dir`; failures throw InputError "NAME: cannot write: reason" (`name`: the
  // output the spool is for, as the user gave it).
  Spool(const std::string& dir, const std::string& name);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  std::ostream& stream();
  // Bytes written so far.
  std::size_t size() const;
  // Everything written so far, copied to `out` (in blocks of 1 MiB).
  void copy_to(std::ostream& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<std::ostream> os_;  // over impl_ (destroyed first)
};

// Where a spool for output PATH goes: PATH's directory (it must hold the output anyway), or
// the system's temporary directory for standard output ("-" or "").
std::string spool_dir(const std::string& path);

}  // namespace truceline::io
