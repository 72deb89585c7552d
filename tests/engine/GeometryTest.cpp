// engine/Geometry, the one door to GEOS: what its functions return, and that a GEOS failure
// becomes a GeometryError (exit code 4) quoting GEOS's own message, never a stale one.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "engine/Errors.hpp"
#include "engine/Geometry.hpp"
#include "engine/Layer.hpp"
#include "engine/Measure.hpp"
#include "engine/SpatialIndex.hpp"

namespace geoclaim {
namespace {

GeoPoint ll(double lat, double lon) { return GeoPoint::from_lat_lon(lat, lon); }

/// A 0.01° square with its south-west corner at (lat, lon).
GeomPtr square(double lat, double lon) {
  return make_polygon({{ll(lat, lon), ll(lat, lon + 0.01), ll(lat + 0.01, lon + 0.01), ll(lat + 0.01, lon)}});
}

/// Runs `f`, which must throw GeometryError, and returns it.
template <class F>
GeometryError geometry_error(F f) {
  try {
    f();
  } catch (const GeometryError& e) {
    return e;
  }
  ADD_FAILURE() << "no GeometryError";
  return GeometryError("", "");
}

TEST(GeometryError, CarriesGeosMessageForALineOfOnePoint) {
  const std::vector<GeoPoint> one{ll(35, 40)};
  const GeometryError e = geometry_error([&] { make_line(one); });
  EXPECT_NE(e.geos_message().find("IllegalArgumentException"), std::string::npos) << e.geos_message();
  EXPECT_EQ(std::string(e.what()), "GEOS failed to create a line: " + e.geos_message());
  // A bug, not bad data: it must not be caught as a DataError (exit code 3).
  const Error& base = e;
  EXPECT_EQ(dynamic_cast<const DataError*>(&base), nullptr);
}

TEST(GeometryError, CarriesGeosMessageForARingOfOnePoint) {
  const GeometryError e = geometry_error([] { make_polygon({{ll(35, 40)}}); });
  EXPECT_NE(e.geos_message().find("IllegalArgumentException"), std::string::npos) << e.what();
  EXPECT_EQ(std::string(e.what()), "GEOS failed to create a ring: " + e.geos_message());
}

TEST(GeometryError, NeverShowsAnEarlierMessage) {
  geometry_error([] { make_polygon({{ll(35, 40)}}); });
  // GEOS gives no message when asked for the nearest points of an empty geometry.
  const GeomPtr empty = make_polygon({});
  const GeomPtr point = make_point(ll(35, 40));
  const GeometryError e = geometry_error([&] { nearest_points_xy(empty.get(), point.get()); });
  EXPECT_EQ(e.geos_message(), "");
  EXPECT_EQ(std::string(e.what()), "GEOS failed to find the nearest points of two geometries");
}

TEST(GeometryError, ThenGeosStillWorks) {
  geometry_error([] { make_polygon({{ll(35, 40)}}); });
  EXPECT_TRUE(validity_problem(square(35, 40).get()).empty());
}

TEST(Geometry, UnreadableWkbIsADataError) {
  const std::vector<unsigned char> junk{1, 2, 3};
  EXPECT_THROW(geometry_from_wkb(junk), DataError);
}

TEST(Geometry, WkbRoundTrip) {
  const GeomPtr sq = square(35, 40);
  const GeomPtr back = geometry_from_wkb(geometry_to_wkb(sq.get()));
  EXPECT_EQ(geom_type(back.get()), GeomType::polygon);
  EXPECT_DOUBLE_EQ(area(back.get()), area(sq.get()));
}

TEST(Geometry, TransformXyPassesTheCallbacksExceptionOn) {
  const GeomPtr sq = square(35, 40);
  EXPECT_THROW(transform_xy(sq.get(), [](double&, double&) { throw std::logic_error("stop"); }), std::logic_error);
  const GeomPtr shifted = transform_xy(sq.get(), [](double& x, double&) { x += 1; });
  EXPECT_NEAR(envelope(shifted.get()).min_lon, 41.0, 1e-12);
}

TEST(Geometry, TypesFamiliesAndMembers) {
  std::vector<GeomPtr> parts;
  parts.push_back(square(35, 40));
  parts.push_back(square(36, 40));
  const GeomPtr multi = make_collection(GeomFamily::polygon, std::move(parts));
  EXPECT_EQ(geom_type(multi.get()), GeomType::multi_polygon);
  EXPECT_EQ(family(multi.get()), GeomFamily::polygon);
  ASSERT_EQ(member_count(multi.get()), 2);
  EXPECT_EQ(geom_type(member(multi.get(), 1)), GeomType::polygon);

  std::vector<GeomPtr> mixed;
  mixed.push_back(square(35, 40));
  mixed.push_back(make_point(ll(30, 30)));
  const GeomPtr collection = make_collection(GeomFamily::other, std::move(mixed));
  EXPECT_EQ(geom_type(collection.get()), GeomType::collection);
  EXPECT_EQ(family(collection.get()), GeomFamily::other);

  const GeomPtr point = make_point(ll(35, 40));
  EXPECT_EQ(geom_type(point.get()), GeomType::point);
  EXPECT_EQ(member_count(point.get()), 1);
  EXPECT_FALSE(is_empty(point.get()));
  EXPECT_TRUE(is_empty(make_polygon({}).get()));
}

TEST(Geometry, OperationsAndPredicates) {
  const GeomPtr a = square(35, 40);
  const GeomPtr b = transform_xy(a.get(), [](double& x, double&) { x += 0.005; });  // half overlaps
  const double whole = area(a.get());
  EXPECT_NEAR(area(intersection(a.get(), b.get()).get()), whole / 2, whole * 1e-9);
  EXPECT_NEAR(area(difference(a.get(), b.get()).get()), whole / 2, whole * 1e-9);
  std::vector<GeomPtr> both;
  both.push_back(clone(a.get()));
  both.push_back(clone(b.get()));
  EXPECT_NEAR(area(union_of(std::move(both)).get()), whole * 1.5, whole * 1e-9);
  EXPECT_TRUE(intersects(a.get(), b.get()));
  EXPECT_TRUE(covers_point(a.get(), ll(35.005, 40.005)));
  EXPECT_FALSE(covers_point(a.get(), ll(35.005, 40.02)));

  const GeomPtr rim = boundary(a.get());
  EXPECT_EQ(family(rim.get()), GeomFamily::line);
  EXPECT_FALSE(covers_point(rim.get(), ll(35.005, 40.005)));

  const GeomPtr disc = buffer(make_point(PlanarXY{0.0, 0.0}).get(), 10.0, 64);
  EXPECT_NEAR(area(disc.get()), M_PI * 100, 0.1);
  const auto [on_disc, on_point] = nearest_points_xy(disc.get(), make_point(PlanarXY{20.0, 0.0}).get());
  EXPECT_NEAR(on_disc.x, 10.0, 1e-9);
  EXPECT_DOUBLE_EQ(on_point.x, 20.0);
}

TEST(Geometry, EnvelopeAndRepresentativePoint) {
  const GeomPtr sq = square(35, 40);
  const GeoBox b = envelope(sq.get());
  EXPECT_DOUBLE_EQ(b.min_lon, 40.0);
  EXPECT_DOUBLE_EQ(b.min_lat, 35.0);
  EXPECT_DOUBLE_EQ(b.max_lon, 40.01);
  EXPECT_DOUBLE_EQ(b.max_lat, 35.01);
  const GeoPoint c = representative_point(sq.get());
  EXPECT_NEAR(c.lat(), 35.005, 1e-12);
  EXPECT_NEAR(c.lon(), 40.005, 1e-12);
  EXPECT_THROW(representative_point(make_polygon({}).get()), DataError);
}

TEST(Geometry, DefaultBoxesAndPlanarPairsAreInvalidNotZero) {
  EXPECT_FALSE(GeoBox{}.valid());
  EXPECT_TRUE(std::isnan(GeoBox{}.min_lon));
  EXPECT_FALSE(PlanarXY{}.valid());
  EXPECT_TRUE(std::isnan(PlanarXY{}.y));
  EXPECT_TRUE((GeoBox{40, 35, 40, 35}.valid()));
  EXPECT_FALSE((GeoBox{41, 35, 40, 36}.valid()));
  EXPECT_TRUE((PlanarXY{0, 0}.valid()));
  EXPECT_FALSE(envelope(make_polygon({}).get()).valid());
  EXPECT_TRUE(envelope(make_point(ll(35, 40)).get()).valid());
}

// An empty geometry is nowhere: not a feature near (0, 0), as a zero box once made it.
TEST(Geometry, AnEmptyFeatureIsNeverACandidate) {
  Layer layer("l", {}, {});
  layer.add(Feature{"empty", 1, make_polygon({}), 0, {}});
  layer.add(Feature{"square", 2, square(0.001, 0.001), 0, {}});
  std::vector<size_t> found;
  layer.index().candidates_within(ll(0, 0), 1000.0, found);
  EXPECT_EQ(found, std::vector<size_t>{1});
  const auto nf = nearest_feature(make_point(ll(0, 0)).get(), layer);
  ASSERT_TRUE(nf);
  EXPECT_EQ(nf->feature, 1u);

  Layer only_empty("e", {}, {});
  only_empty.add(Feature{"empty", 1, make_polygon({}), 0, {}});
  EXPECT_FALSE(nearest_feature(make_point(ll(0, 0)).get(), only_empty));
}

}  // namespace
}  // namespace geoclaim
