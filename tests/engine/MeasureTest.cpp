// Distances at building scale, on the ellipsoid, against independent computations.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/Crs.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Measure.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

GeoPoint ll(double lat, double lon) { return GeoPoint::from_lat_lon(lat, lon); }

/// A square `side_m` wide whose west edge is the meridian `west_lon`, centred on `lat`.
GeomPtr square(double lat, double west_lon, double side_m) {
  const double m_per_deg_lon = geodesic_inverse(ll(lat, 0), ll(lat, 0.001)).distance_m / 0.001;
  const double m_per_deg_lat = geodesic_inverse(ll(lat - 0.0005, 0), ll(lat + 0.0005, 0)).distance_m / 0.001;
  const double dlon = side_m / m_per_deg_lon, dlat = side_m / 2 / m_per_deg_lat;
  return make_polygon({{ll(lat - dlat, west_lon), ll(lat - dlat, west_lon + dlon), ll(lat + dlat, west_lon + dlon),
                        ll(lat + dlat, west_lon)}});
}

TEST(NearestPoints, PointToPointIsTheGeodesic) {
  GeomPtr a = make_point(ll(35.383, 40.017)), b = make_point(ll(35.0416277, 40.4610601));
  // testdata/ayyash-2015/README.md: GeodSolve -i gives 55 400.000 m.
  EXPECT_NEAR(nearest_points(a.get(), b.get()).distance_m, 55400.000, 0.001);
}

// testdata/deir-ez-zor-2016/README.md: strike 1 lies 1500.00 m out from the airport's south-west
// side (AEQD + SpatiaLite); the degree-space trap gives 1528.40 m.
TEST(NearestPoints, PointToSlantedEdgeIsNotFooledByDegreeSpace) {
  GeomPtr strike = make_point(ll(35.2667977, 40.1637547));
  const Layer airport = test::polygon_fixture("testdata/deir-ez-zor-2016/airport.geojson");
  const NearestPair p = nearest_points(strike.get(), airport.features()[0].geometry.get());
  EXPECT_NEAR(p.distance_m, 1500.00, 0.5);
  EXPECT_NEAR(geodesic_inverse(p.on_a, p.on_b).distance_m, p.distance_m, 1e-9);
}

TEST(NearestPoints, FootprintsTenToHundredMetresApartToTheCentimetre) {
  for (double lat : {0.0, 35.28, 61.5, -45.0}) {
    for (double gap : {10.0, 15.24, 37.0, 100.0}) {
      const double m_per_deg_lon = geodesic_inverse(ll(lat, 0), ll(lat, 0.001)).distance_m / 0.001;
      GeomPtr a = square(lat, 40.0, 12.0);
      const double a_east = 40.0 + 12.0 / m_per_deg_lon;
      const double b_west = a_east + gap / m_per_deg_lon;
      GeomPtr b = square(lat, b_west, 14.0);
      const NearestPair p = nearest_points(a.get(), b.get());
      // Independent: the geodesic between the facing edges' midpoints along the parallel.
      const double expected = geodesic_inverse(ll(lat, a_east), ll(lat, b_west)).distance_m;
      EXPECT_NEAR(p.distance_m, expected, 0.01) << "lat " << lat << " gap " << gap;
      EXPECT_NEAR(geodesic_inverse(p.on_a, p.on_b).distance_m, p.distance_m, 0.01);
    }
  }
}

TEST(NearestPoints, AlJinahMosqueAndTargetBuilding) {
  // Footprints from testdata/al-jinah-2017/footprints.geojson (ids 1 and 3).
  const Layer footprints = test::polygon_fixture("testdata/al-jinah-2017/footprints.geojson");
  const GEOSGeometry* mosque = footprints.features()[0].geometry.get();  // id 1
  const GEOSGeometry* target = footprints.features()[2].geometry.get();  // id 3
  ASSERT_EQ(footprints.features()[2].id, "3");
  EXPECT_NEAR(nearest_points(mosque, target).distance_m, 15.244, 0.01);  // README: 15.2443 m
}

TEST(NearestPoints, TouchingFootprintsAreZeroApart) {
  GeomPtr a = square(36.1, 36.86, 12.0);
  const double m_per_deg_lon = geodesic_inverse(ll(36.1, 0), ll(36.1, 0.001)).distance_m / 0.001;
  GeomPtr b = square(36.1, 36.86 + 12.0 / m_per_deg_lon, 12.0);
  EXPECT_NEAR(nearest_points(a.get(), b.get()).distance_m, 0.0, 1e-6);
}

/// Share of a disc of radius r beyond a straight chord at distance d from its centre.
double segment_share(double d, double r) {
  return (r * r * std::acos(d / r) - d * std::sqrt(r * r - d * d)) / (M_PI * r * r);
}

TEST(DiscShare, HalfOverAStraightEdge) {
  const GeoPoint c = ll(35.2460, 40.1950);
  // A 2 km square whose west edge is the centre's meridian: half the 100 m disc is inside.
  GeomPtr east = make_polygon({{ll(35.236, 40.1950), ll(35.236, 40.215), ll(35.256, 40.215), ll(35.256, 40.1950)}});
  EXPECT_NEAR(disc_share_inside(c, 100.0, east.get()), 0.5, 0.001);
}

TEST(DiscShare, ChordAgainstTheAnalyticSegmentArea) {
  const GeoPoint c = ll(35.2460, 40.1950);
  const double m_per_deg_lon = geodesic_inverse(ll(35.2460, 40.0), ll(35.2460, 40.001)).distance_m / 0.001;
  for (double d : {10.0, 30.0, 60.0, 90.0}) {
    const double west = 40.1950 + d / m_per_deg_lon;
    GeomPtr east = make_polygon({{ll(35.236, west), ll(35.236, 40.215), ll(35.256, 40.215), ll(35.256, west)}});
    EXPECT_NEAR(disc_share_inside(c, 100.0, east.get()), segment_share(d, 100.0), 0.001) << d;
  }
}

TEST(DiscShare, ZeroRadiusIsContainment) {
  GeomPtr sq = square(35.0, 40.0, 100.0);
  EXPECT_EQ(disc_share_inside(ll(35.0, 40.0005), 0.0, sq.get()), 1.0);
  EXPECT_EQ(disc_share_inside(ll(35.0, 39.9995), 0.0, sq.get()), 0.0);
}

}  // namespace
}  // namespace geoclaim

namespace geoclaim {
namespace {

// `set crs EPSG:32637`: nearest points found in UTM 37N instead of a local AEQD give the same
// geodesic distance at footprint scale (al-Jinah lies in zone 37).
TEST(NearestPoints, InAWorkingCrsAgreesWithTheLocalAeqd) {
  const Layer footprints = test::polygon_fixture("testdata/al-jinah-2017/footprints.geojson");
  const auto utm = CrsTransform::between(Crs::wgs84(), Crs::from_user_input("EPSG:32637"));
  for (size_t i = 1; i < footprints.size(); ++i) {
    const GEOSGeometry* a = footprints.features()[0].geometry.get();
    const GEOSGeometry* b = footprints.features()[i].geometry.get();
    EXPECT_NEAR(nearest_points(a, b, utm.get()).distance_m, nearest_points(a, b).distance_m, 0.01) << i;
  }
}

}  // namespace
}  // namespace geoclaim
