#pragma once
// What a vague word allows. `approximately 55 km` with 10 % reads as [49.5 km, 60.5 km];
// `nearly 55 km` as [49.5 km, 55 km] (nearly means not quite). Users change the words with
// `set tolerance WORD = P%` or `= D UNIT`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/Vocabulary.hpp"

namespace geoclaim {

struct Tolerance {
  double fraction = 0;    ///< relative part (0.1 for 10 %)
  double absolute_m = 0;  ///< absolute part, metres
  /// Where this value comes from: the `set tolerance` line ("job.gcl:3"); empty for the
  /// default of docs/language.md. The report's sentences cite it.
  std::string origin;
  /// Width below and above `claimed_m` that this tolerance allows.
  double allowance_m(double claimed_m) const { return fraction * claimed_m + absolute_m; }
  std::string describe() const;  ///< "10%", "5 m"
};

class ToleranceTable {
 public:
  ToleranceTable();                                              ///< the defaults of docs/language.md
  std::optional<Tolerance> find(const std::string& word) const;  ///< case-insensitive
  void set(const std::string& word, Tolerance t);
  std::vector<std::string> words() const;
  const std::map<std::string, Tolerance>& entries() const { return m_words; }

 private:
  std::map<std::string, Tolerance> m_words;
};

/// True for words whose interval ends at the claimed value ("nearly", "almost").
bool is_upper_bounded_word(std::string_view word);

}  // namespace geoclaim
