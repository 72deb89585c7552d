// The R-tree's answers against a linear scan (Boost.Geometry's own test style), including
// the antimeridian and high latitudes.
#include <gtest/gtest.h>

#include <random>

#include "engine/Geodesy.hpp"
#include "engine/Measure.hpp"
#include "engine/SpatialIndex.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

Layer random_points(std::mt19937& rng, double lat0, double lon0, double spread_deg, int n) {
  std::uniform_real_distribution<double> d(-spread_deg, spread_deg);
  Layer l("pts", {}, {});
  for (int i = 0; i < n; ++i) {
    double lon = lon0 + d(rng);
    if (lon > 180) lon -= 360;
    if (lon < -180) lon += 360;
    const double lat = std::clamp(lat0 + d(rng) / 2, -89.9, 89.9);
    l.add(Feature{std::to_string(i), 0, make_point(GeoPoint::from_lat_lon(lat, lon)), 0, {}});
  }
  return l;
}

void check_against_linear_scan(double lat0, double lon0) {
  std::mt19937 rng(42);
  const Layer layer = random_points(rng, lat0, lon0, 2.0, 3000);
  const Layer queries = random_points(rng, lat0, lon0, 2.0, 50);
  NearestScratch scratch;
  std::vector<size_t> found;
  for (const auto& q : queries.features()) {
    const GeoPoint p = representative_point(q.geometry.get());
    // Within 30 km: the index's candidates must hold every feature a linear scan finds.
    layer.index().candidates_within(p, 30000, found);
    for (size_t i = 0; i < layer.size(); ++i) {
      const double d = geodesic_inverse(p, representative_point(layer.features()[i].geometry.get())).distance_m;
      if (d <= 30000) {
        EXPECT_TRUE(std::binary_search(found.begin(), found.end(), i)) << "missed " << i;
      }
    }
    // Nearest: the same feature and distance as the scan.
    double best = 1e300;
    size_t best_i = 0;
    for (size_t i = 0; i < layer.size(); ++i) {
      const double d = geodesic_inverse(p, representative_point(layer.features()[i].geometry.get())).distance_m;
      if (d < best) best = d, best_i = i;
    }
    const auto nf = nearest_feature(q.geometry.get(), layer, scratch);
    ASSERT_TRUE(nf);
    EXPECT_EQ(nf->feature, best_i);
    EXPECT_DOUBLE_EQ(nf->pair.distance_m, best);
  }
}

TEST(SpatialIndex, AgreesWithLinearScanMidLatitude) { check_against_linear_scan(35.0, 40.0); }
TEST(SpatialIndex, AgreesWithLinearScanAcrossTheAntimeridian) { check_against_linear_scan(-17.0, 179.5); }
TEST(SpatialIndex, AgreesWithLinearScanNearThePole) { check_against_linear_scan(87.5, 10.0); }

TEST(SpatialIndex, WithinLimitExcludesFartherFeatures) {
  const Layer l = test::point_layer("p", {{35.0, 40.0}, {35.1, 40.0}});
  NearestScratch scratch;
  GeomPtr q = make_point(GeoPoint::from_lat_lon(35.05, 40.0));
  EXPECT_FALSE(nearest_feature(q.get(), l, scratch, 1000.0));
  EXPECT_TRUE(nearest_feature(q.get(), l, scratch, 6000.0));
}

}  // namespace
}  // namespace geoclaim
