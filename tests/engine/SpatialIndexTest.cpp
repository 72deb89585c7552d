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

/// Every query's nearest feature and the features within `radius_m`, from the index, against
/// a linear scan of exact geodesics (Boost.Geometry's distance_brute_force in spirit).
void check_against_linear_scan(const Layer& layer, const Layer& queries, double radius_m) {
  std::vector<size_t> found;
  for (const auto& q : queries.features()) {
    const GeoPoint p = representative_point(q.geometry.get());
    layer.index().candidates_within(p, radius_m, found);
    double best = 1e300;
    size_t best_i = 0;
    for (size_t i = 0; i < layer.size(); ++i) {
      const double d = geodesic_inverse(p, representative_point(layer.features()[i].geometry.get())).distance_m;
      if (d <= radius_m) {
        EXPECT_TRUE(std::binary_search(found.begin(), found.end(), i)) << "missed " << i;
      }
      if (d < best) best = d, best_i = i;
    }
    const auto nf = nearest_feature(q.geometry.get(), layer);
    ASSERT_TRUE(nf);
    EXPECT_EQ(nf->feature, best_i);
    EXPECT_DOUBLE_EQ(nf->pair.distance_m, best);
  }
}

void check_region(double lat0, double lon0, double spread_deg, int features, double radius_m) {
  std::mt19937 rng(42);
  const Layer layer = random_points(rng, lat0, lon0, spread_deg, features);
  const Layer queries = random_points(rng, lat0, lon0, spread_deg, 50);
  check_against_linear_scan(layer, queries, radius_m);
}

TEST(SpatialIndex, AgreesWithLinearScanMidLatitude) { check_region(35.0, 40.0, 2.0, 3000, 30000); }
TEST(SpatialIndex, AgreesWithLinearScanAcrossTheAntimeridian) { check_region(-17.0, 179.5, 2.0, 3000, 30000); }
TEST(SpatialIndex, AgreesWithLinearScanNearThePole) { check_region(87.5, 10.0, 2.0, 3000, 30000); }
TEST(SpatialIndex, AgreesWithLinearScanOverAHemisphere) { check_region(60.0, 0.0, 80.0, 800, 2.0e6); }

// Far apart at high latitude, a flat bound would be no bound: B looks nearer in degrees, A is.
TEST(SpatialIndex, NearestAcrossLongDistancesAtHighLatitude) {
  const Layer objects = test::point_layer("o", {{79.97, 44.97}, {80.0, 45.0}});
  GeomPtr q = make_point(GeoPoint::from_lat_lon(80.0, 0.0));
  const auto nf = nearest_feature(q.get(), objects);
  ASSERT_TRUE(nf);
  const double to_a =
      geodesic_inverse(GeoPoint::from_lat_lon(80.0, 0.0), GeoPoint::from_lat_lon(80.0, 45.0)).distance_m;
  const double to_b =
      geodesic_inverse(GeoPoint::from_lat_lon(80.0, 0.0), GeoPoint::from_lat_lon(79.97, 44.97)).distance_m;
  ASSERT_LT(to_a, to_b);
  EXPECT_EQ(nf->feature, 1u);
  EXPECT_DOUBLE_EQ(nf->pair.distance_m, to_a);
}

TEST(SpatialIndex, LowerBoundsAreLowerBounds) {
  // Random pairs all over the globe: the chord bound never exceeds the geodesic.
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> lat(-90, 90), lon(-180, 180);
  for (int i = 0; i < 20000; ++i) {
    const GeoPoint a = GeoPoint::from_lat_lon(lat(rng), lon(rng)), b = GeoPoint::from_lat_lon(lat(rng), lon(rng));
    const double d = geodesic_inverse(a, b).distance_m;
    Layer one = test::point_layer("b", {{b.lat(), b.lon()}});
    one.index().visit_nearest(a, [&](size_t, double chord) {
      EXPECT_LE(geodesic_lower_bound_m(a, chord, d), d * (1 + 1e-12) + 1e-6);
      EXPECT_LE(geodesic_lower_bound_m(a, chord, std::numeric_limits<double>::infinity()), d * (1 + 1e-12) + 1e-6);
      return false;
    });
  }
}

TEST(SpatialIndex, PolygonBoxesEncloseTheirFootprints) {
  // Squares of 10 m to 50 km anywhere: the bound from the box never exceeds the exact distance.
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> lat(-85, 85), lon(-179, 179), side(10, 50000), off(-2, 2);
  for (int i = 0; i < 2000; ++i) {
    const GeoPoint c = GeoPoint::from_lat_lon(lat(rng), lon(rng));
    const double h = side(rng) / 2;
    std::vector<GeoPoint> ring;
    for (double az : {45.0, 135.0, 225.0, 315.0}) ring.push_back(geodesic_direct(c, az, h * std::sqrt(2.0)));
    Layer square("sq", {}, {});
    square.add(Feature{"1", 1, make_polygon({ring}), 0, {}});
    const GeoPoint p = GeoPoint::from_lat_lon(std::clamp(c.lat() + off(rng), -89.0, 89.0), c.lon() + off(rng));
    GeomPtr point = make_point(p);
    const double exact = nearest_points(point.get(), square.features()[0].geometry.get()).distance_m;
    square.index().visit_nearest(p, [&](size_t, double chord) {
      EXPECT_LE(geodesic_lower_bound_m(p, chord, exact), exact + 1e-6) << i;
      return false;
    });
  }
}

// A 2° east-west line bows north of its vertices' lat/lon box; a point on it must find it,
// not a point 60 m away (the earlier boxes left the bulge out).
TEST(SpatialIndex, LongEdgesBowingOutOfTheirBoxAreFound) {
  Layer mixed("lines", {}, {});
  const GeoPoint on_line = GeoPoint::from_lat_lon(33.004005317, 39.0);  // the geodesic's midpoint
  const std::vector<GeoPoint> line{GeoPoint::from_lat_lon(33.0, 38.0), GeoPoint::from_lat_lon(33.0, 40.0)};
  mixed.add(Feature{"near point", 1, make_point(geodesic_direct(on_line, 0.0, 60.0)), 0, {}});
  mixed.add(Feature{"long line", 2, make_line(line), 0, {}});
  GeomPtr q = make_point(on_line);
  const auto nf = nearest_feature(q.get(), mixed);
  ASSERT_TRUE(nf);
  EXPECT_EQ(nf->feature, 1u);
  EXPECT_LT(nf->pair.distance_m, 1.0);
}

TEST(SpatialIndex, WithinLimitExcludesFartherFeatures) {
  const Layer l = test::point_layer("p", {{35.0, 40.0}, {35.1, 40.0}});
  NearestScratch scratch;
  GeomPtr q = make_point(GeoPoint::from_lat_lon(35.05, 40.0));
  EXPECT_FALSE(nearest_feature(q.get(), l, 1000.0));
  EXPECT_TRUE(nearest_feature(q.get(), l, 6000.0));
}

}  // namespace
}  // namespace geoclaim
