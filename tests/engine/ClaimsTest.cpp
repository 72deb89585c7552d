// Every claim form with a supported, a contradicted and an inconclusive case, on layers built
// in memory around Ayyash (35.383 N, 40.017 E). Distances come from the geodesic direct
// problem, so each case sits a known amount inside or outside its claim.
#include <gtest/gtest.h>

#include "engine/Claims.hpp"
#include "engine/Geodesy.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

const GeoPoint kAyyash = GeoPoint::from_lat_lon(35.383, 40.017);

/// A one-point layer `distance_m` from Ayyash along `azimuth_deg`.
Layer point_at(double azimuth_deg, double distance_m, double uncertainty_m = 0, const std::string& name = "s") {
  const GeoPoint p = geodesic_direct(kAyyash, azimuth_deg, distance_m);
  return test::point_layer(name, {{p.lat(), p.lon()}}, uncertainty_m);
}

Layer ayyash() { return test::point_layer("ayyash", {{kAyyash.lat(), kAyyash.lon()}}); }

/// A square footprint of `half_m` around Ayyash, built in metres with the direct problem.
Layer footprint(double half_m) {
  std::vector<GeoPoint> ring;
  for (double az : {45.0, 135.0, 225.0, 315.0}) ring.push_back(geodesic_direct(kAyyash, az, half_m * std::sqrt(2.0)));
  Layer l("building", {}, {});
  l.add(Feature{"b1", 1, make_polygon({ring}), 0, {}});
  return l;
}

ClaimSpec spec(Relation r, const Layer& s, const Layer& o, std::optional<Interval> claimed,
               std::optional<DirectionSector> dir = std::nullopt, Quantifier q = Quantifier::every) {
  ClaimSpec c;
  c.id = "c";
  c.relation = r;
  c.quantifier = q;
  c.subject = &s;
  c.object = &o;
  c.subject_name = s.name();
  c.object_name = o.name();
  c.claimed_m = claimed;
  c.direction = dir;
  return c;
}

Verdict verdict_of(const ClaimSpec& s) { return evaluate(s).verdict; }

TEST(Within, ThreeVerdicts) {
  const Layer o = ayyash();
  const Layer in = point_at(10, 400, 50), out = point_at(10, 600, 50), edge = point_at(10, 480, 50);
  EXPECT_EQ(verdict_of(spec(Relation::within, in, o, Interval{0, 500})), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::within, out, o, Interval{0, 500})), Verdict::contradicted);
  EXPECT_EQ(verdict_of(spec(Relation::within, edge, o, Interval{0, 500})), Verdict::inconclusive);
  const ClaimResult r = evaluate(spec(Relation::within, in, o, Interval{0, 500}));
  EXPECT_NEAR(r.measures[0].distance->metres, 400, 1e-6);
  EXPECT_NEAR(*r.measures[0].distance->margin_m, 100, 1e-6);
}

TEST(DistanceDirection, ThreeVerdicts) {
  const Layer o = ayyash();
  const auto se = *parse_compass("SE");
  const Interval about55{49500, 60500};
  EXPECT_EQ(verdict_of(spec(Relation::distance_direction, point_at(133, 55400, 200), o, about55, se)),
            Verdict::supported);
  // Right distance, wrong direction (north-east): contradicted.
  EXPECT_EQ(verdict_of(spec(Relation::distance_direction, point_at(45, 55400), o, about55, se)), Verdict::contradicted);
  // Right direction, too far: contradicted.
  EXPECT_EQ(verdict_of(spec(Relation::distance_direction, point_at(135, 70000), o, about55, se)),
            Verdict::contradicted);
  // 157° at 55 km with 2 km uncertainty: the bearing interval (±2.1°) straddles the 157.5° edge.
  EXPECT_EQ(verdict_of(spec(Relation::distance_direction, point_at(157, 55000, 2000), o, about55, se)),
            Verdict::inconclusive);
  const ClaimResult r = evaluate(spec(Relation::distance_direction, point_at(133, 55400), o, about55, se));
  EXPECT_NEAR(r.measures[0].bearing->degrees, 133, 1e-9);
  EXPECT_NEAR(*r.measures[0].bearing->margin_deg, 20.5, 1e-9);
}

TEST(DistanceFrom, ThreeVerdicts) {
  const Layer o = ayyash();
  const Interval about3mi{4828.032 * 0.9, 4828.032 * 1.1};
  EXPECT_EQ(verdict_of(spec(Relation::distance_from, point_at(200, 4828), o, about3mi)), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::distance_from, point_at(200, 2000), o, about3mi)), Verdict::contradicted);
  EXPECT_EQ(verdict_of(spec(Relation::distance_from, point_at(200, 5300, 100), o, about3mi)), Verdict::inconclusive);
}

TEST(Direction, ThreeVerdicts) {
  const Layer o = ayyash();
  const auto sse = *parse_compass("SSE");  // 157.5° ± 11.25°
  EXPECT_EQ(verdict_of(spec(Relation::direction, point_at(160, 1000), o, std::nullopt, sse)), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::direction, point_at(100, 1000), o, std::nullopt, sse)), Verdict::contradicted);
  EXPECT_EQ(verdict_of(spec(Relation::direction, point_at(167, 1000, 100), o, std::nullopt, sse)),
            Verdict::inconclusive);
  // At the object itself there is no direction.
  EXPECT_EQ(verdict_of(spec(Relation::direction, ayyash(), o, std::nullopt, sse)), Verdict::inconclusive);
}

TEST(Inside, ThreeVerdictsAndTheShare) {
  const Layer b = footprint(50);
  EXPECT_EQ(verdict_of(spec(Relation::inside, point_at(0, 10, 20), b, std::nullopt)), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::inside, point_at(0, 100, 20), b, std::nullopt)), Verdict::contradicted);
  const ClaimResult r = evaluate(spec(Relation::inside, point_at(90, 50, 20), b, std::nullopt));  // on the east edge
  EXPECT_EQ(r.verdict, Verdict::inconclusive);
  EXPECT_NEAR(r.measures[0].inside->share, 0.5, 0.002);
  // Without uncertainty, inside is plain containment.
  EXPECT_EQ(verdict_of(spec(Relation::inside, point_at(90, 49, 0), b, std::nullopt)), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::inside, point_at(90, 51, 0), b, std::nullopt)), Verdict::contradicted);
}

TEST(Inside, OverlappingFootprintsCountTheirOverlapOnce) {
  // Two identical footprints: the share inside "either" is the share inside one.
  Layer twice("building", {}, {});
  for (const char* id : {"a", "b"}) {
    const Layer one = footprint(50);
    twice.add(Feature{id, 1, clone(one.features()[0].geometry.get()), 0, {}});
  }
  const Layer on_edge = point_at(90, 50, 20);
  const ClaimResult r = evaluate(spec(Relation::inside, on_edge, twice, std::nullopt));
  EXPECT_NEAR(r.measures[0].inside->share, 0.5, 0.002);
  EXPECT_EQ(r.verdict, Verdict::inconclusive);
}

TEST(DistanceBetween, ThreeVerdicts) {
  const Layer a = ayyash();
  const Interval ft50{15.24 * 0.9, 15.24 * 1.1};
  EXPECT_EQ(verdict_of(spec(Relation::distance_between, point_at(90, 15), a, ft50)), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::distance_between, point_at(90, 30), a, ft50)), Verdict::contradicted);
  EXPECT_EQ(verdict_of(spec(Relation::distance_between, point_at(90, 16, 2), a, ft50)), Verdict::inconclusive);
  // Footprint to footprint: nearest points, not centres.
  const Layer b = footprint(10);
  EXPECT_EQ(verdict_of(spec(Relation::distance_between, point_at(90, 25), b, ft50)), Verdict::supported);
}

TEST(Crosses, SupportedAndContradicted) {
  const Layer a = ayyash();
  const Layer b = point_at(90, 30);
  const GeoPoint n = geodesic_direct(geodesic_direct(kAyyash, 90, 15), 0, 50);
  const GeoPoint s = geodesic_direct(geodesic_direct(kAyyash, 90, 15), 180, 50);
  Layer street("street", {}, {});
  const std::vector<GeoPoint> line{s, n};
  street.add(Feature{"1", 1, make_line(line), 0, {}});
  Layer far_street("far", {}, {});
  const std::vector<GeoPoint> far_line{geodesic_direct(s, 90, 100), geodesic_direct(n, 90, 100)};
  far_street.add(Feature{"1", 1, make_line(far_line), 0, {}});
  ClaimSpec c = spec(Relation::crosses, a, b, std::nullopt);
  c.crossed = &street;
  c.crossed_name = "street";
  EXPECT_EQ(verdict_of(c), Verdict::supported);
  c.crossed = &far_street;
  EXPECT_EQ(verdict_of(c), Verdict::contradicted);
}

TEST(Quantifiers, AggregatePerFeatureVerdicts) {
  const Layer o = ayyash();
  Layer strikes = test::point_layer("strikes", {});
  for (double d : {100.0, 200.0, 900.0}) {
    const GeoPoint p = geodesic_direct(kAyyash, 45, d);
    strikes.add(Feature{std::to_string(static_cast<int>(d)), 0, make_point(p), 0, {}});
  }
  const Interval w{0, 500};
  EXPECT_EQ(verdict_of(spec(Relation::within, strikes, o, w, std::nullopt, Quantifier::every)), Verdict::contradicted);
  EXPECT_EQ(verdict_of(spec(Relation::within, strikes, o, w, std::nullopt, Quantifier::any)), Verdict::supported);
  EXPECT_EQ(verdict_of(spec(Relation::within, strikes, o, w, std::nullopt, Quantifier::no)), Verdict::contradicted);
  const ClaimResult each = evaluate(spec(Relation::within, strikes, o, w, std::nullopt, Quantifier::each));
  ASSERT_EQ(each.measures.size(), 3u);
  EXPECT_EQ(each.measures[2].verdict, Verdict::contradicted);
  EXPECT_EQ(each.counts[0], 2u);
  // The representative of `every` is the worst feature.
  const ClaimResult every = evaluate(spec(Relation::within, strikes, o, w));
  EXPECT_EQ(every.measures[every.representative].subject_id, "900");
  // `no … within 50 m`: every feature is farther, so the claim holds.
  EXPECT_EQ(verdict_of(spec(Relation::within, strikes, o, Interval{0, 50}, std::nullopt, Quantifier::no)),
            Verdict::supported);
}

}  // namespace
}  // namespace geoclaim
