#include "app/TerminalTable.hpp"

#include <algorithm>

#include "layers/ResultLayers.hpp"

namespace geoclaim::app {
namespace {
size_t width(const std::string& s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
std::string pad(const std::string& s, size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }
const char* colour(Verdict v) {
  switch (v) {
    case Verdict::supported:
      return "\033[32m";
    case Verdict::contradicted:
      return "\033[31m";
    case Verdict::inconclusive:
      return "\033[33m";
  }
  return "";
}
}  // namespace

std::string verdict_table(const JobResult& job, bool color) {
  struct Row {
    std::string id, verdict, measured, claimed;
    Verdict v;
  };
  std::vector<Row> rows;
  size_t w_id = 5, w_verdict = 7, w_measured = 8;
  for (const auto& c : job.claims) {
    Row r{c.spec.id, std::string(word(c.verdict)), layers::measured_text(c), layers::claimed_text(c), c.verdict};
    w_id = std::max(w_id, width(r.id));
    w_verdict = std::max(w_verdict, width(r.verdict));
    w_measured = std::max(w_measured, width(r.measured));
    rows.push_back(std::move(r));
  }
  std::string out =
      pad("claim", w_id) + "  " + pad("verdict", w_verdict) + "  " + pad("measured", w_measured) + "  claimed\n";
  for (const auto& r : rows) {
    const std::string v = pad(r.verdict, w_verdict);
    out += pad(r.id, w_id) + "  " + (color ? colour(r.v) + v + "\033[0m" : v) + "  " + pad(r.measured, w_measured) +
           "  " + r.claimed + "\n";
  }
  return out;
}

}  // namespace geoclaim::app
