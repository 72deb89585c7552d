#pragma once
// Progress on stderr for loads and claims that take over a second: a line that updates in
// place on a terminal, a line every few seconds when stderr is a file, and the step's total
// time when it ends. Quick steps print nothing.
#include <chrono>
#include <iosfwd>
#include <string>

#include "engine/DataSource.hpp"

namespace geoclaim::app {

class ProgressPrinter {
 public:
  ProgressPrinter(std::ostream& err, bool terminal) : m_err(err), m_terminal(terminal) {}
  /// Callbacks for the Interpreter; the printer must outlive them.
  Progress callbacks();

 private:
  using Clock = std::chrono::steady_clock;
  void advance(const std::string& what, size_t done, size_t total);
  void finished(const std::string& what, size_t items, double seconds);

  std::ostream& m_err;
  bool m_terminal;
  std::string m_step;
  Clock::time_point m_step_seen{};
  Clock::time_point m_last_print{};
  bool m_line_open = false;
};

}  // namespace geoclaim::app
