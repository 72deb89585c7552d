#pragma once
// The verdict colours every map output shares (ColorBrewer RdYlGn's ends and an amber):
// QGIS styles, the KMZ for Google Earth. The HTML page's badges carry white text and use
// darker shades of the same hues for contrast (layers/ReportHtml.cpp).
#include <cstdint>

#include "engine/Vocabulary.hpp"

namespace geoclaim::layers {

struct Rgb {
  uint8_t r, g, b;
};

constexpr Rgb verdict_rgb(Verdict v) {
  switch (v) {
    case Verdict::supported:
      return {26, 150, 65};
    case Verdict::contradicted:
      return {215, 25, 28};
    case Verdict::inconclusive:
      return {245, 166, 35};
  }
  return {0, 0, 0};
}

}  // namespace geoclaim::layers
