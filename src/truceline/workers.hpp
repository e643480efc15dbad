// Worker threads whose failures reach the caller (issue 11: never std::terminate).
//
// Workers::run(n, work) runs work(0) … work(n − 1), each on its own thread when n > 1 (inline
// when n ≤ 1), and returns when all have finished. An exception thrown by a worker is caught on
// its thread, carried back, and rethrown by run() on the calling thread after every thread has
// been joined — the exception of the lowest-numbered failing worker, so which error the caller
// sees does not depend on scheduling. Once a worker has failed, failed() is true: the others
// may poll it between items and give up early (they need not). If a thread cannot be started,
// the threads already started are joined and the std::system_error is rethrown.
//
// Thread safety: run() is called from one thread; failed() from any worker.
#pragma once

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace truceline {

class Workers {
 public:
  bool failed() const { return failed_.load(std::memory_order_relaxed); }

  template <class F>
  void run(unsigned n, F&& work) {
    failed_.store(false, std::memory_order_relaxed);
    if (n <= 1) {
      work(0u);
      return;
    }
    std::vector<std::exception_ptr> errors(n);
    std::vector<std::thread> pool;
    pool.reserve(n);
    std::exception_ptr start_error;
    for (unsigned w = 0; w < n; ++w) {
      try {
        pool.emplace_back([&, w] {
          try {
            work(w);
          } catch (...) {
            errors[w] = std::current_exception();
            failed_.store(true, std::memory_order_relaxed);
          }
        });
      } catch (...) {  // std::system_error: no thread for this worker
        start_error = std::current_exception();
        failed_.store(true, std::memory_order_relaxed);
        break;
      }
    }
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
    if (start_error) std::rethrow_exception(start_error);
  }

 private:
  std::atomic<bool> failed_{false};
};

}  // namespace truceline
