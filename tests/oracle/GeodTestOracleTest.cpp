// Geodesics against Karney's GeodTest set (testdata/oracle/GeodTest-short.every3rd.dat, every
// third line of GeodTest-short.dat; provenance in testdata/oracle/README.md). Each line is
// solved as an inverse problem (distance and both azimuths) and as a direct problem (end point).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/Geodesy.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

struct GeodLine {
  int subset_line = 0;  // 0-based line of the subset file
  double lat1, lon1, azi1, lat2, lon2, azi2, s12, a12, m12;
  /// The original file's line number: subset line k is original line 3k + 1.
  int original_line() const { return 3 * subset_line + 1; }
  /// Original lines 8001–10000 are the two vertex categories, where azimuths are ill-conditioned.
  bool vertex_category() const { return original_line() >= 8001; }
};

std::vector<GeodLine> read_lines() {
  std::ifstream in(test::source_path("testdata/oracle/GeodTest-short.every3rd.dat"));
  std::vector<GeodLine> out;
  std::string text;
  while (std::getline(in, text)) {
    std::istringstream s(text);
    GeodLine g;
    g.subset_line = static_cast<int>(out.size());
    s >> g.lat1 >> g.lon1 >> g.azi1 >> g.lat2 >> g.lon2 >> g.azi2 >> g.s12 >> g.a12 >> g.m12;
    if (s) out.push_back(g);
  }
  return out;
}

/// Azimuth tolerance of the inverse problem, degrees. Point 2 is given to the file's full
/// precision, but a double holds it only to about 1e-9 m; where the reduced length m12 is short
/// (short lines, ends near opposite poles) that rounding alone moves the azimuths by
/// rounding / m12 radians. The tolerance is 1e-9° plus four times that, or 1e-3° on the two
/// vertex categories, where the azimuths themselves are ill-conditioned.
double azimuth_tolerance_deg(const GeodLine& g) {
  if (g.vertex_category()) return 1e-3;
  const double ulp_lat = std::nextafter(std::fabs(g.lat2), 1e9) - std::fabs(g.lat2);
  const double ulp_lon = std::nextafter(std::fabs(g.lon2), 1e9) - std::fabs(g.lon2);
  const double rounding_m = (ulp_lat + ulp_lon * std::cos(g.lat2 * M_PI / 180.0)) * 111320.0;
  return 1e-9 + 4.0 * rounding_m / std::fabs(g.m12) * 180.0 / M_PI;
}

TEST(GeodTest, FileIsComplete) { EXPECT_EQ(read_lines().size(), 3334u); }

TEST(GeodTest, InverseDistanceAndAzimuthsOnEveryLine) {
  int checked = 0;
  for (const GeodLine& g : read_lines()) {
    const auto inv = geodesic_inverse(GeoPoint::from_lat_lon(g.lat1, g.lon1), GeoPoint::from_lat_lon(g.lat2, g.lon2));
    EXPECT_NEAR(inv.distance_m, g.s12, 1e-6) << "original line " << g.original_line();
    const double azi_tol = azimuth_tolerance_deg(g);
    EXPECT_NEAR(azimuth_difference(g.azi1, inv.azimuth1_deg), 0.0, azi_tol) << "original line " << g.original_line();
    EXPECT_NEAR(azimuth_difference(g.azi2, inv.azimuth2_deg), 0.0, azi_tol) << "original line " << g.original_line();
    ++checked;
  }
  EXPECT_EQ(checked, 3334);
}

TEST(GeodTest, DirectEndPointOnEveryLine) {
  for (const GeodLine& g : read_lines()) {
    const GeoPoint p = geodesic_direct(GeoPoint::from_lat_lon(g.lat1, g.lon1), g.azi1, g.s12);
    // Position error on the ground: 1e-9° of latitude, and of longitude scaled by cos(lat)
    // (near a pole a degree of longitude is almost no distance).
    EXPECT_NEAR(p.lat(), g.lat2, 1e-9) << "original line " << g.original_line();
    EXPECT_NEAR(azimuth_difference(g.lon2, p.lon()) * std::cos(g.lat2 * M_PI / 180.0), 0.0, 1e-9)
        << "original line " << g.original_line();
  }
}

TEST(Densify, PointsLieOnTheGeodesicAndAreEvenlySpaced) {
  // Mozdok to Deir ez-Zor, about 1000 km: every densified point is on the line, so the
  // distances from the start add up to the whole.
  const GeoPoint a = GeoPoint::from_lat_lon(43.7486, 44.6528), b = GeoPoint::from_lat_lon(35.2856, 40.1758);
  const auto total = geodesic_inverse(a, b).distance_m;
  const auto pts = densify_geodesic(a, b, 10000.0);
  ASSERT_GE(pts.size(), static_cast<size_t>(total / 10000.0) + 1);
  EXPECT_EQ(pts.front(), a);
  EXPECT_NEAR(pts.back().lat(), b.lat(), 1e-12);
  for (size_t i = 1; i < pts.size(); ++i) {
    const double from_a = geodesic_inverse(a, pts[i]).distance_m;
    const double to_b = geodesic_inverse(pts[i], b).distance_m;
    EXPECT_NEAR(from_a + to_b, total, 1e-6);
    EXPECT_LE(geodesic_inverse(pts[i - 1], pts[i]).distance_m, 10000.0 + 1e-6);
  }
}

TEST(Densify, CrossesTheAntimeridianWithContinuousLongitude) {
  const auto pts = densify_geodesic(GeoPoint::from_lat_lon(-17.0, 179.5), GeoPoint::from_lat_lon(-17.2, -179.5), 5000);
  for (size_t i = 1; i < pts.size(); ++i) EXPECT_LT(std::fabs(pts[i].lon() - pts[i - 1].lon()), 0.1);
  EXPECT_NEAR(pts.back().lon(), 180.5, 1e-9);
}

}  // namespace
}  // namespace geoclaim
