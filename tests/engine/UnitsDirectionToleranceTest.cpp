// Units, compass directions, tolerance words and the verdict rules, each as a small table.
#include <gtest/gtest.h>

#include <limits>

#include "engine/Claims.hpp"
#include "engine/Direction.hpp"
#include "engine/Tolerance.hpp"
#include "engine/Units.hpp"
#include "engine/Verdict.hpp"

namespace geoclaim {
namespace {

TEST(Units, ExactDefinitions) {
  EXPECT_EQ(*metres_per_unit("m"), 1.0);
  EXPECT_EQ(*metres_per_unit("km"), 1000.0);
  EXPECT_EQ(*metres_per_unit("ft"), 0.3048);
  EXPECT_EQ(*metres_per_unit("yd"), 0.9144);
  EXPECT_EQ(*metres_per_unit("mi"), 1609.344);
  EXPECT_EQ(*metres_per_unit("nmi"), 1852.0);
  EXPECT_EQ(*metres_per_unit("KM"), 1000.0);
  EXPECT_FALSE(metres_per_unit("kms"));
  EXPECT_FALSE(metres_per_unit(""));
}

TEST(Units, FormatsWithoutLocaleOrTrailingZeros) {
  EXPECT_EQ(format_number(1499.9300001, 3), "1499.93");
  EXPECT_EQ(format_number(-0.0001, 2), "0");
  EXPECT_EQ(format_length(55400.0), "55.4 km");
  EXPECT_EQ(format_length(15.2443), "15.2 m");
  EXPECT_EQ(format_length(0.5), "0.5 m");
  EXPECT_EQ(format_azimuth(359.96, 1), "0");  // an azimuth never reads 360
  EXPECT_EQ(format_azimuth(359.94, 1), "359.9");
}

// Every double formats to a text that reads back as the number it claims to be: the 64-byte
// buffer once overflowed from about 1e56 and the bytes after it (stack garbage) reached the
// messages and reports, different on every run.
TEST(Units, FormatsAnyDoubleSafely) {
  struct Case {
    double value;
    int decimals;
    const char* text;
  };
  for (const Case& c : std::initializer_list<Case>{
           {1e56, 7, "1e+56"},
           {1e300, 2, "1e+300"},
           {-1e300, 2, "-1e+300"},
           {std::numeric_limits<double>::max(), 7, "1.7976931348623157e+308"},
           {-std::numeric_limits<double>::max(), 0, "-1.7976931348623157e+308"},
           {std::numeric_limits<double>::denorm_min(), 7, "0"},
           {-std::numeric_limits<double>::denorm_min(), 7, "0"},
           {std::numeric_limits<double>::min(), 2, "0"},
           {999999999999999.9, 0, "1000000000000000"},
           {1e15, 3, "1e+15"},
           {123456.5, 0, "123457"},
           {std::numeric_limits<double>::infinity(), 2, "inf"},
           {-std::numeric_limits<double>::infinity(), 2, "-inf"},
           {std::numeric_limits<double>::quiet_NaN(), 2, "nan"},
           {1.5, 40, "1.5"},  // more decimals than a double has: shortest form
       })
    EXPECT_EQ(format_number(c.value, c.decimals), c.text) << c.value << " with " << c.decimals << " decimals";
  EXPECT_EQ(format_length(1e300), "1e+297 km");
  EXPECT_EQ(format_number(1e56, 7), format_number(1e56, 7));  // no garbage: the same every time
}

struct CompassCase {
  const char* words;
  double centre, halfwidth;
};

class CompassTable : public ::testing::TestWithParam<CompassCase> {};

TEST_P(CompassTable, Reads) {
  const auto& c = GetParam();
  auto d = parse_compass(c.words);
  ASSERT_TRUE(d) << c.words;
  EXPECT_DOUBLE_EQ(d->centre_deg, c.centre) << c.words;
  EXPECT_DOUBLE_EQ(d->halfwidth_deg, c.halfwidth) << c.words;
}

INSTANTIATE_TEST_SUITE_P(Spellings, CompassTable,
                         ::testing::Values(CompassCase{"southeast", 135, 22.5}, CompassCase{"south east", 135, 22.5},
                                           CompassCase{"south-east", 135, 22.5}, CompassCase{"SE", 135, 22.5},
                                           CompassCase{"se", 135, 22.5}, CompassCase{"north", 0, 22.5},
                                           CompassCase{"W", 270, 22.5}, CompassCase{"south-south-east", 157.5, 11.25},
                                           CompassCase{"SSE", 157.5, 11.25},
                                           CompassCase{"north north west", 337.5, 11.25},
                                           CompassCase{"ENE", 67.5, 11.25}));

TEST(Compass, RejectsNonsense) {
  EXPECT_FALSE(parse_compass("south-south-south"));
  EXPECT_FALSE(parse_compass("NS"));
  EXPECT_FALSE(parse_compass("up"));
}

TEST(Compass, SectorWrapsAroundNorth) {
  const auto n = *parse_compass("N");
  EXPECT_TRUE(n.contains(350));
  EXPECT_TRUE(n.contains(22.5));
  EXPECT_FALSE(n.contains(22.6));
  EXPECT_NEAR(n.margin_deg(337.5), 0.0, 1e-12);
  const auto b = bearing_sector(135, std::nullopt);
  EXPECT_TRUE(b.contains(140));
  EXPECT_FALSE(b.contains(140.5));
  EXPECT_TRUE(bearing_sector(-10, 3.0).contains(352));
}

TEST(Tolerance, IntervalsOfEachBound) {
  const ToleranceTable t;
  auto iv = [&](Bound b, double d1, double d2, const std::string& w) {
    return claimed_interval(b, d1, d2, w, w.empty() ? Tolerance{} : *t.find(w));
  };
  const Interval about = iv(Bound::approximately, 55000, 0, "approximately");
  EXPECT_DOUBLE_EQ(about.lo, 49500);
  EXPECT_DOUBLE_EQ(about.hi, 60500);
  const Interval nearly = iv(Bound::approximately, 55000, 0, "nearly");
  EXPECT_DOUBLE_EQ(nearly.lo, 49500);
  EXPECT_DOUBLE_EQ(nearly.hi, 55000);
  const Interval plain = iv(Bound::approximately, 100, 0, std::string(kPlainWord));
  EXPECT_DOUBLE_EQ(plain.lo, 95);
  EXPECT_DOUBLE_EQ(plain.hi, 105);
  EXPECT_DOUBLE_EQ(iv(Bound::at_most, 500, 0, "").hi, 500);
  EXPECT_DOUBLE_EQ(iv(Bound::at_most, 500, 0, "about").hi, 550);
  EXPECT_TRUE(std::isinf(iv(Bound::at_least, 500, 0, "").hi));
  const Interval between = iv(Bound::between, 20, 10, "");
  EXPECT_DOUBLE_EQ(between.lo, 10);
  EXPECT_DOUBLE_EQ(between.hi, 20);
  const Interval exact = iv(Bound::approximately, 50, 0, "exactly");
  EXPECT_DOUBLE_EQ(exact.lo, 50);
  EXPECT_DOUBLE_EQ(exact.hi, 50);
}

TEST(Tolerance, SetOverridesAndAddsWords) {
  ToleranceTable t;
  t.set("About", {0.25, 0, ""});
  t.set("give-or-take", {0, 100, ""});
  EXPECT_DOUBLE_EQ(t.find("about")->allowance_m(1000), 250);
  EXPECT_DOUBLE_EQ(t.find("give-or-take")->allowance_m(1000), 100);
  EXPECT_FALSE(t.find("abuot"));
}

TEST(Verdict, IntervalRule) {
  const Interval claimed{100, 200};
  EXPECT_EQ(judge({120, 180}, claimed), Verdict::supported);
  EXPECT_EQ(judge({201, 300}, claimed), Verdict::contradicted);
  EXPECT_EQ(judge({50, 99.9}, claimed), Verdict::contradicted);
  EXPECT_EQ(judge({150, 250}, claimed), Verdict::inconclusive);
  EXPECT_EQ(judge({50, 250}, claimed), Verdict::inconclusive);
  EXPECT_DOUBLE_EQ(margin(120, claimed), 20);
  EXPECT_DOUBLE_EQ(margin(230, claimed), -30);
  EXPECT_DOUBLE_EQ(margin(120, {0, 500}), 380);  // an interval from 0 only has its top
}

TEST(Verdict, Quantifiers) {
  using V = Verdict;
  const std::vector<V> all_yes{V::supported, V::supported};
  const std::vector<V> mixed{V::supported, V::inconclusive};
  const std::vector<V> one_no{V::supported, V::contradicted};
  const std::vector<V> all_no{V::contradicted, V::contradicted};
  EXPECT_EQ(all_of(all_yes), V::supported);
  EXPECT_EQ(all_of(mixed), V::inconclusive);
  EXPECT_EQ(all_of(one_no), V::contradicted);
  EXPECT_EQ(any_of(one_no), V::supported);
  EXPECT_EQ(any_of(all_no), V::contradicted);
  EXPECT_EQ(any_of(std::vector<V>{V::inconclusive, V::contradicted}), V::inconclusive);
  EXPECT_EQ(none_of(all_no), V::supported);
  EXPECT_EQ(none_of(one_no), V::contradicted);
}

}  // namespace
}  // namespace geoclaim
