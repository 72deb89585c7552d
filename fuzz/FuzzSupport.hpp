#pragma once
// What every fuzz target shares: the line between a clean error and a finding. geoclaim's own
// errors with a message (a script, data, coordinate or time error) are the right answer to a
// bad input; anything else that escapes (a GeometryError, which is exit code 4 "internal
// error", a std::exception from a library, an empty message) is a finding, and so are the
// crashes, undefined behaviour, leaks and hangs that the sanitizers and libFuzzer catch.
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

#include "engine/Errors.hpp"

namespace geoclaim::fuzz {

/// Stops the process so libFuzzer (or the corpus driver) records the input: a finding.
[[noreturn]] inline void finding(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz finding: %.*s%s%.*s\n", static_cast<int>(what.size()), what.data(),
               detail.empty() ? "" : ": ", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

/// Runs `body`; a clean error passes, anything else is a finding.
template <class Body>
void expect_clean(Body&& body) {
  try {
    body();
  } catch (const GeometryError& e) {
    finding("a geometry operation failed (internal error, exit code 4)", e.what());
  } catch (const Error& e) {
    if (std::string_view(e.what()).empty()) finding("a geoclaim error without a message");
  } catch (const std::exception& e) {
    finding("an exception that is not one of geoclaim's errors", e.what());
  } catch (...) {
    finding("an exception that is not a std::exception");
  }
}

/// A folder of this process's own under $TMPDIR (or /tmp), made on first use and removed at
/// exit: the only place a target writes to.
inline const std::string& scratch_dir() {
  static const std::string dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/geoclaim-fuzz-XXXXXX";
    if (!::mkdtemp(pattern.data())) finding("cannot make a scratch folder", pattern);
    static const std::string made = pattern;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(made, ec);
    });
    return pattern;
  }();
  return dir;
}

}  // namespace geoclaim::fuzz
