#include "app/ProgressPrinter.hpp"

#include <ostream>

#include "engine/Units.hpp"

namespace geoclaim::app {

Progress ProgressPrinter::callbacks() {
  Progress p;
  p.advance = [this](const std::string& what, size_t done, size_t total) { advance(what, done, total); };
  p.finished = [this](const std::string& what, size_t items, double seconds) { finished(what, items, seconds); };
  return p;
}

void ProgressPrinter::advance(const std::string& what, size_t done, size_t total) {
  const auto now = Clock::now();
  if (what != m_step) {
    m_step = what;
    m_step_seen = now;
    return;
  }
  const double running = std::chrono::duration<double>(now - m_step_seen).count();
  const double since_print = std::chrono::duration<double>(now - m_last_print).count();
  if (running < 1.0 || since_print < (m_terminal ? 0.25 : 5.0)) return;
  m_last_print = now;
  const std::string text =
      what + ": " + std::to_string(done) + (total ? "/" + std::to_string(total) : "") + " features";
  if (m_terminal) {
    m_err << "\r\033[K" << text << std::flush;
    m_line_open = true;
  } else {
    m_err << text << "\n";
  }
}

void ProgressPrinter::finished(const std::string& what, size_t items, double seconds) {
  if (m_line_open) m_err << "\r\033[K";
  m_line_open = false;
  m_step.clear();
  if (seconds >= 1.0) m_err << what << ": " << items << " features in " << format_number(seconds, 1) << " s\n";
}

}  // namespace geoclaim::app
