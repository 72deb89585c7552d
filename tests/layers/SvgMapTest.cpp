// The pieces of report.html that need no job: the scale bar's round lengths and escaping.
#include <gtest/gtest.h>

#include "layers/HtmlEscape.hpp"
#include "layers/SvgMap.hpp"

namespace geoclaim {
namespace {

TEST(SvgMap, ScaleBarLengthIsTheLargestRoundLengthThatFits) {
  struct Case {
    double max_m, want_m;
  };
  for (const Case c : {Case{7.3, 5}, Case{19, 10}, Case{0.3, 0.2}, Case{2000, 2000}, Case{4999, 2000},
                       Case{441e3, 200e3}, Case{1, 1}, Case{0.99, 0.5}})
    EXPECT_DOUBLE_EQ(layers::round_scale_length_m(c.max_m), c.want_m) << c.max_m;
}

TEST(HtmlEscape, EscapesMarkupAndReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(layers::html_escape("<script>a & 'b' \"c\"</script>"),
            "&lt;script&gt;a &amp; &#39;b&#39; &quot;c&quot;&lt;/script&gt;");
  EXPECT_EQ(layers::html_escape("Deir ez-Zor \xE2\x80\x94 دير الزور"), "Deir ez-Zor \xE2\x80\x94 دير الزور");
  EXPECT_EQ(layers::html_escape("caf\xE9"), "caf\xEF\xBF\xBD");  // Latin-1 é
}

}  // namespace
}  // namespace geoclaim
