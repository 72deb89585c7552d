// Each zone is where its claim holds: points sampled on a grid around the zone get a supported
// verdict from the claim's own evaluation exactly when they lie inside the zone. Points within
// a few metres of the claim's edge are skipped (the zone's edges are chords of its true curves,
// under a metre from them). One case straddles 36° E, the boundary of UTM zones 36 and 37.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/Claims.hpp"
#include "engine/Geodesy.hpp"
#include "layers/Zones.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

constexpr double kEdgeBandM = 5.0;

struct ZoneCase {
  const char* name;
  Relation relation;
  std::optional<Interval> claimed;
  std::optional<DirectionSector> direction;
  bool footprint_object;  ///< a 60 m × 40 m footprint instead of a point
};

Layer object_at(const GeoPoint& c, bool footprint) {
  if (!footprint) return test::point_layer("o", {{c.lat(), c.lon()}});
  std::vector<GeoPoint> ring;
  for (auto [dx, dy] : {std::pair{-30.0, -20.0}, {30.0, -20.0}, {30.0, 20.0}, {-30.0, 20.0}})
    ring.push_back(geodesic_direct(geodesic_direct(c, 90, dx), 0, dy));
  Layer l("o", {}, {});
  l.add(Feature{"f", 1, make_polygon({ring}), 0, {}});
  return l;
}

void check_zone(const ZoneCase& zc, const GeoPoint& centre) {
  SCOPED_TRACE(zc.name);
  const Layer object = object_at(centre, zc.footprint_object);
  ClaimSpec spec;
  spec.id = zc.name;
  spec.relation = zc.relation;
  spec.quantifier = Quantifier::every;
  spec.object = &object;
  spec.object_name = "o";
  spec.claimed_m = zc.claimed;
  spec.direction = zc.direction;
  // The zone comes from the claim's result; a stand-in subject is enough to produce one.
  Layer stand_in = test::point_layer("s", {{centre.lat() + 0.5, centre.lon()}});
  spec.subject = &stand_in;
  ClaimResult result = evaluate(spec);
  GeomPtr zone = layers::claim_zone(result);
  ASSERT_TRUE(zone);
  ASSERT_EQ(validity_problem(zone.get()), "");

  const GeoBox b = envelope(zone.get());
  const double pad_lon = (b.max_lon - b.min_lon) * 0.2, pad_lat = (b.max_lat - b.min_lat) * 0.2;
  int inside = 0, outside = 0;
  constexpr int kGrid = 45;
  for (int i = 0; i < kGrid; ++i)
    for (int j = 0; j < kGrid; ++j) {
      const GeoPoint p =
          GeoPoint::from_lon_lat(b.min_lon - pad_lon + (b.max_lon - b.min_lon + 2 * pad_lon) * (i + 0.5) / kGrid,
                                 b.min_lat - pad_lat + (b.max_lat - b.min_lat + 2 * pad_lat) * (j + 0.5) / kGrid);
      Layer subject = test::point_layer("s", {{p.lat(), p.lon()}});
      spec.subject = &subject;
      const FeatureMeasure m = evaluate(spec).measures[0];
      // Too close to the claim's edge to tell the chord from the curve: skip.
      const auto margin_m = m.distance ? m.distance->margin_m : std::nullopt;
      const auto margin_deg = m.bearing ? m.bearing->margin_deg : std::nullopt;
      const double distance_m = m.distance ? m.distance->metres : std::nan("");
      if (margin_m && std::isfinite(*margin_m) && std::fabs(*margin_m) < kEdgeBandM) continue;
      if (margin_deg && std::fabs(*margin_deg) * M_PI / 180 * distance_m < kEdgeBandM) continue;
      const auto depth = m.inside ? m.inside->edge_depth_m : std::nullopt;
      if (depth && std::fabs(*depth) < kEdgeBandM) continue;
      // A direction holds at any range; its sector is drawn only so far.
      if (zc.relation == Relation::direction && distance_m > layers::direction_range_m(result) - kEdgeBandM) continue;
      const bool in_zone = covers_point(zone.get(), p);
      EXPECT_EQ(in_zone, m.verdict == Verdict::supported)
          << "point " << p.lat() << ", " << p.lon() << " verdict " << word(m.verdict);
      (in_zone ? inside : outside)++;
    }
  EXPECT_GT(inside, 20);
  EXPECT_GT(outside, 20);
}

TEST(Zones, EachKindAgreesWithItsClaim) {
  const GeoPoint ayyash = GeoPoint::from_lat_lon(35.383, 40.017);
  const ZoneCase cases[] = {
      {"disc", Relation::within, Interval{0, 500}, std::nullopt, false},
      {"annulus", Relation::distance_from, Interval{4000, 6000}, std::nullopt, false},
      {"annular sector", Relation::distance_direction, Interval{49500, 60500}, parse_compass("SE"), false},
      {"sector", Relation::direction, std::nullopt, parse_compass("NNE"), false},
      {"footprint buffer", Relation::within, Interval{0, 50}, std::nullopt, true},
      {"footprint ring", Relation::distance_between, Interval{20, 40}, std::nullopt, true},
      {"footprint", Relation::inside, std::nullopt, std::nullopt, true},
  };
  for (const auto& c : cases) check_zone(c, ayyash);
}

// A direction from a footprint is measured from its nearest edge point; a sector round its
// centroid disagreed with 865 of 2,000 sampled verdicts, so no zone is drawn for it (yet).
TEST(Zones, NoCentroidSectorForADirectionFromAFootprint) {
  const GeoPoint ayyash = GeoPoint::from_lat_lon(35.383, 40.017);
  const Layer object = object_at(ayyash, true);
  Layer subject = test::point_layer("s", {{35.39, 40.03}});
  for (const Relation r : {Relation::direction, Relation::distance_direction}) {
    ClaimSpec spec;
    spec.id = "d";
    spec.relation = r;
    spec.quantifier = Quantifier::every;
    spec.object = &object;
    spec.object_name = "o";
    spec.subject = &subject;
    if (r == Relation::distance_direction) spec.claimed_m = Interval{1000, 2000};
    spec.direction = parse_compass("NE");
    EXPECT_FALSE(layers::claim_zone(evaluate(spec)));
  }
}

TEST(Zones, AnnularSectorAcrossTheUtmZoneBoundary) {
  // 35.9° E, 55 km east: the sector spans 36° E, where UTM zones 36 and 37 meet.
  const GeoPoint west_of_boundary = GeoPoint::from_lat_lon(36.1, 35.9);
  const ZoneCase c{"east across 36E", Relation::distance_direction, Interval{49500, 60500}, parse_compass("E"), false};
  check_zone(c, west_of_boundary);
}

// Zones are densified by an error bound: a point 0.1 m inside a claim's circle is in the zone
// and a point 0.1 m outside is not, at 1,000 azimuths (a fixed 500 m vertex spacing left a 5 km
// disc up to 6 m inside its circle).
TEST(Zones, AgreeWithTheClaimFartherThanATenthOfAMetreFromTheEdge) {
  const GeoPoint ayyash = GeoPoint::from_lat_lon(35.383, 40.017);
  struct Edge {
    const char* name;
    Relation relation;
    Interval claimed;
    std::optional<DirectionSector> direction;
    double radius_m;
    bool inside_is_in_zone;
  };
  const Edge edges[] = {
      {"5 km disc", Relation::within, {0, 5000}, std::nullopt, 5000, true},
      {"2,400 km disc", Relation::within, {0, 2400000}, std::nullopt, 2400000, true},
      {"annulus outer", Relation::distance_from, {4000, 6000}, std::nullopt, 6000, true},
      {"annulus inner", Relation::distance_from, {4000, 6000}, std::nullopt, 4000, false},
      {"annular sector outer", Relation::distance_direction, {49500, 60500}, bearing_sector(135, 180), 60500, true},
  };
  for (const Edge& e : edges) {
    SCOPED_TRACE(e.name);
    const Layer object = object_at(ayyash, false);
    Layer stand_in = test::point_layer("s", {{ayyash.lat() + 0.01, ayyash.lon()}});
    ClaimSpec spec;
    spec.id = "z";
    spec.relation = e.relation;
    spec.quantifier = Quantifier::every;
    spec.object = &object;
    spec.object_name = "o";
    spec.subject = &stand_in;
    spec.claimed_m = e.claimed;
    spec.direction = e.direction;
    const GeomPtr zone = layers::claim_zone(evaluate(spec));
    ASSERT_TRUE(zone);
    int wrong = 0;
    for (int i = 0; i < 1000; ++i) {
      const double azimuth = i * 0.36 + 0.05;
      const GeoPoint in = geodesic_direct(ayyash, azimuth, e.radius_m - 0.1);
      const GeoPoint out = geodesic_direct(ayyash, azimuth, e.radius_m + 0.1);
      wrong += covers_point(zone.get(), in) != e.inside_is_in_zone;
      wrong += covers_point(zone.get(), out) == e.inside_is_in_zone;
    }
    EXPECT_EQ(wrong, 0);
  }
}

// Two lines across the antimeridian in one object layer: their zones merge (GEOS failed with
// "side location conflict" when each was unrolled round a centroid at 0°), and the zone as
// written is cut at 180° with every longitude within ±180°.
TEST(Zones, TwoFeaturesAcrossTheAntimeridianMergeAndAreWrittenWithinRange) {
  Layer lines("o", {}, {});
  for (const double lat : {-17.0, -17.1}) {
    // As the edge model holds them: continuous longitudes, beyond 180° on the far side.
    const std::vector<GeoPoint> pts{GeoPoint::from_lon_lat(179.9, lat), GeoPoint::from_lon_lat(180.1, lat)};
    lines.add(Feature{"l" + std::to_string(lines.size() + 1), lines.size() + 1, make_line(pts), 0, {}});
  }
  Layer subject = test::point_layer("s", {{-17.0, 179.95}});
  ClaimSpec spec;
  spec.id = "w";
  spec.relation = Relation::within;
  spec.quantifier = Quantifier::every;
  spec.object = &lines;
  spec.object_name = "o";
  spec.subject = &subject;
  spec.claimed_m = Interval{0, 20000};
  const GeomPtr zone = layers::claim_zone(evaluate(spec));
  ASSERT_TRUE(zone);
  EXPECT_EQ(validity_problem(zone.get()), "");
  const GeomPtr written = split_at_antimeridian(zone.get());
  ASSERT_TRUE(written);
  const GeoBox b = envelope(written.get());
  EXPECT_GE(b.min_lon, -180.0);
  EXPECT_LE(b.max_lon, 180.0);
  EXPECT_NEAR(area(written.get()), area(zone.get()), 1e-9);  // nothing lost in the cut
  EXPECT_TRUE(covers_point(zone.get(), GeoPoint::from_lat_lon(-17.05, -179.95)));
}

TEST(Zones, GeodesicCircleVerticesAreAtTheRadius) {
  const GeoPoint c = GeoPoint::from_lat_lon(-17.0, 179.9);  // across the antimeridian
  for (const GeoPoint& p : layers::geodesic_circle(c, 55000)) {
    EXPECT_NEAR(
        geodesic_inverse(c, GeoPoint::from_lon_lat(p.lon() > 180 ? p.lon() - 360 : p.lon(), p.lat())).distance_m, 55000,
        1e-6);
    EXPECT_LT(std::fabs(p.lon() - c.lon()), 180);  // unrolled: the ring does not jump
  }
}

}  // namespace
}  // namespace geoclaim
