#pragma once
// The core's vocabulary: the kinds of claim, quantifier, bound, verdict and attribution status,
// and the one table of words for each. The parser (through the Lexicon the job module builds),
// the reported-claims table, the result layers, the report and the QGIS styles all take their
// words from here, so a new form is added in one place and every switch over these enums lists
// every value (no `default:`), letting the compiler name each place that must handle it.
#include <array>
#include <optional>
#include <string_view>

namespace geoclaim {

/// What a claim asserts between its subject and object.
enum class Relation {
  within,              ///< `within D of X`
  distance_direction,  ///< `D DIR of X`
  distance_from,       ///< `D from X`
  direction,           ///< `DIR of X`
  inside,              ///< `inside X`, `hit X`
  distance_between,    ///< `distance between A and B is …`
  crosses,             ///< `line from A to B crosses L`
};

/// Which of a layer's features a claim is about. `none`: a place or a one-feature layer.
enum class Quantifier { none, every, any, no, each };

/// How a claimed distance bounds the measured one.
enum class Bound { approximately, at_most, at_least, between };

/// The three answers to a claim.
enum class Verdict { supported, contradicted, inconclusive };

/// How an `attribute` statement placed a point.
enum class AttributionStatus {
  inside,   ///< in one footprint, all of its disc
  shared,   ///< its disc over several footprints (or partly outside)
  nearest,  ///< outside every footprint: the nearest one within reach
  none,     ///< no footprint within reach
};

/// A share of an uncertainty disc (or of a subject) closer than this to 0 or 1 counts as none
/// or all: the disc is a 256-gon, so shares are exact only to about 1e-4 near an edge anyway.
inline constexpr double kShareEpsilon = 1e-6;

// ---- words -------------------------------------------------------------------------------

/// "every", "any", "no", "each"; "" for Quantifier::none.
std::string_view word(Quantifier q);
/// "supported", "contradicted", "inconclusive".
std::string_view word(Verdict v);
/// "inside", "shared", "nearest", "none".
std::string_view word(AttributionStatus s);
/// What a status means on a map legend: "inside a footprint", …
std::string_view legend(AttributionStatus s);

/// The quantifier a word names (any case); nothing for other words.
std::optional<Quantifier> quantifier_from_word(std::string_view w);

inline constexpr std::array kQuantifiers{Quantifier::every, Quantifier::any, Quantifier::no, Quantifier::each};
inline constexpr std::array kVerdicts{Verdict::supported, Verdict::contradicted, Verdict::inconclusive};
inline constexpr std::array kAttributionStatuses{AttributionStatus::inside, AttributionStatus::shared,
                                                 AttributionStatus::nearest, AttributionStatus::none};

/// A compass word and the letters it stands for ("southeast" → "SE").
struct CompassWord {
  std::string_view word;
  std::string_view letters;
};
inline constexpr std::array<CompassWord, 8> kCompassWords{{{"north", "N"},
                                                           {"south", "S"},
                                                           {"east", "E"},
                                                           {"west", "W"},
                                                           {"northeast", "NE"},
                                                           {"northwest", "NW"},
                                                           {"southeast", "SE"},
                                                           {"southwest", "SW"}}};
/// The 16 points in clockwise order from north, 22.5° apart.
inline constexpr std::array<std::string_view, 16> kCompassPoints{"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                                                                 "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};

/// True for one word of a compass direction as claims write it: a compass word, a
/// hyphenated run of them ("south-south-east"), or letters ("SSE", "n"); any case.
bool is_compass_word(std::string_view w);

/// A tolerance word and what it allows by default (docs/language.md).
struct ToleranceWord {
  std::string_view word;
  double fraction;
  bool upper_bounded;  ///< the interval ends at the claimed value ("nearly 55 km": not quite)
};
inline constexpr std::array<ToleranceWord, 8> kToleranceWords{{{"approximately", 0.10, false},
                                                               {"about", 0.10, false},
                                                               {"around", 0.10, false},
                                                               {"roughly", 0.10, false},
                                                               {"nearly", 0.10, true},
                                                               {"almost", 0.10, true},
                                                               {"some", 0.10, false},
                                                               {"exactly", 0.0, false}}};
/// The word a bare number gets ("55 km from" with no qualifier), and its default share.
inline constexpr std::string_view kPlainWord = "plain";
inline constexpr double kPlainFraction = 0.05;

}  // namespace geoclaim
