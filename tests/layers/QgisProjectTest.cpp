// project.qgs and its parts (issue 10): the project CRS as QGIS 3.22 writes it, the map CRS
// chosen from the evidence, large zones told apart, uncertainty discs, groups and map themes.
// tests/qgis/check_project.py opens the seed jobs' projects in QGIS itself.
#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <string>

#include "engine/Geodesy.hpp"
#include "layers/ProjectTree.hpp"
#include "layers/QgisCrs.hpp"
#include "layers/QgisProject.hpp"
#include "layers/ResultLayers.hpp"
#include "layers/Zones.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

using layers::QgisSrs;

TEST(QgisCrs, UtmZoneAsQgisWritesIt) {
  // The values QGIS 3.22 writes for EPSG:32637 (QgsCoordinateReferenceSystem::writeXml); the
  // WKT is compared in full by check_project.py, against the same PROJ database.
  const QgisSrs s = layers::qgis_srs(32637);
  EXPECT_EQ(s.authid, "EPSG:32637");
  EXPECT_EQ(s.srsid, 3121);
  EXPECT_EQ(s.srid, 32637);
  EXPECT_EQ(s.proj4, "+proj=utm +zone=37 +datum=WGS84 +units=m +no_defs");
  EXPECT_EQ(s.description, "WGS 84 / UTM zone 37N");
  EXPECT_EQ(s.projection_acronym, "utm");
  EXPECT_EQ(s.ellipsoid_acronym, "EPSG:7030");
  EXPECT_FALSE(s.geographic);
  EXPECT_EQ(s.wkt.rfind("PROJCRS[\"WGS 84 / UTM zone 37N\"", 0), 0u) << s.wkt;
  EXPECT_NE(s.wkt.find("ID[\"EPSG\",32637]]"), std::string::npos) << s.wkt;
  EXPECT_EQ(s.wkt.find('\n'), std::string::npos);
  EXPECT_EQ(layers::qgis_srs(32737).srsid, 3187);
  EXPECT_EQ(layers::qgis_srs(32601).srsid, 3085);
  EXPECT_EQ(layers::qgis_srs(32760).srsid, 3210);
}

TEST(QgisCrs, Wgs84AsQgisWritesIt) {
  const QgisSrs s = layers::qgis_srs(4326);
  EXPECT_EQ(s.srsid, 3452);
  EXPECT_EQ(s.proj4, "+proj=longlat +datum=WGS84 +no_defs");
  EXPECT_EQ(s.projection_acronym, "longlat");
  EXPECT_EQ(s.description, "WGS 84");
  EXPECT_TRUE(s.geographic);
  EXPECT_EQ(s.wkt.rfind("GEOGCRS[\"WGS 84\"", 0), 0u) << s.wkt;
  EXPECT_THROW(layers::qgis_srs(3857), std::logic_error);
}

struct MapCrsCase {
  GeoBox box;
  int epsg;
};

TEST(QgisCrs, MapCrsIsTheUtmZoneOfTheEvidenceCentre) {
  for (const auto& [box, epsg] : std::vector<MapCrsCase>{
           {{40.3, 34.9, 40.6, 35.2}, 32637},    // Ayyash's strikes
           {{40.0, 34.9, 44.7, 43.8}, 32638},    // and Mozdok: centre 42.35° E
           {{-0.2, 51.4, 0.1, 51.6}, 32630},     // London, across the prime meridian: centre −0.05° E
           {{36.8, -1.4, 36.9, -1.2}, 32737},    // Nairobi, south of the equator
           {{179.9, 10, 180, 10.1}, 32660},      // at the antimeridian
           {{179.8, -17, 180.2, -16.8}, 32760},  // across it, as covering_box gives it: centre 180°
           {{179.9, -17, 180.6, -16.8}, 32701},  // centre 180.25° is 179.75° W: zone 1
           {{10, 40, 30, 50}, 4326},             // 20° of longitude: more than three zones
           {{10, 83, 11, 85}, 32661},            // beyond 84° N: UPS North
           {{-180, 88, 180, 90}, 32661},         // round the north pole
           {{10, -81, 11, -79}, 32761},          // beyond 80° S: UPS South
           {{10, 50, 11, 85}, 4326},             // from 50° N to beyond 84° N: neither
       })
    EXPECT_EQ(layers::map_epsg(box), epsg) << box.min_lon << " " << box.min_lat;
  // UPS as QGIS's srs.db numbers it (the 61st "zone" of each hemisphere).
  EXPECT_EQ(layers::qgis_srs(32661).srsid, 3145);
  EXPECT_EQ(layers::qgis_srs(32761).srsid, 3211);
  EXPECT_EQ(layers::qgis_srs(32661).authid, "EPSG:32661");
}

// The evidence box takes the short way round: across 180° where the features lie either side.
TEST(EvidenceBox, CoversTheShortestArcOfLongitude) {
  using B = GeoBox;
  const auto box = [](std::vector<B> b) { return layers::covering_box(b); };
  const auto expect_box = [](const B& got, double lo, double hi) {
    EXPECT_DOUBLE_EQ(got.min_lon, lo);
    EXPECT_DOUBLE_EQ(got.max_lon, hi);
  };
  expect_box(box({{40, 35, 40.5, 35.2}, {44.6, 43.7, 44.7, 43.8}}), 40, 44.7);                // plain
  expect_box(box({{179.9, -17, 179.9, -17}, {-179.9, -17.1, -179.9, -17.1}}), 179.9, 180.1);  // Fiji
  expect_box(box({{179.95, 0, 180.05, 0}, {-179.9, 0, -179.8, 0}}), 179.95, 180.2);           // held past 180°
  expect_box(box({{-0.2, 51, -0.1, 51}, {0.1, 51, 0.2, 51}}), -0.2, 0.2);                     // prime meridian
  // The widest gap, 160° W to 10° W, is left out: from 10° W east to 160° W (200°).
  expect_box(box({{-170, 0, -160, 0}, {-10, 0, 10, 0}, {150, 0, 170, 0}}), -10, 200);
  expect_box(box({{-180, 80, 180, 90}}), -180, 180);                           // round a pole
  EXPECT_DOUBLE_EQ(box({{-180, 80, 180, 90}, {10, 60, 11, 61}}).min_lat, 60);  // and the rest counted
  EXPECT_FALSE(box({}).valid());
  const B b = box({{179.9, -17, 179.9, -17}, {-179.9, -17.1, -179.9, -17.1}});
  EXPECT_DOUBLE_EQ(b.min_lat, -17.1);
  EXPECT_DOUBLE_EQ(b.max_lat, -17);
}

TEST(QgisCrs, ProjectedBoxHoldsTheCornersAndTheCurvedEdges) {
  const GeoBox box{40.0, 34.9, 44.7, 43.8};
  const layers::MapBox m = layers::projected_box(box, 32638);
  // The northern edge bulges north in UTM: its middle (42.35° E, 43.8° N) is farther from the
  // equator than its corners; the box must hold it.
  const auto t = CrsTransform::between(Crs::wgs84(), Crs::from_user_input("EPSG:32638"));
  for (const PlanarXY p : {PlanarXY{40.0, 34.9}, PlanarXY{44.7, 43.8}, PlanarXY{42.35, 43.8}, PlanarXY{40.0, 39.0}}) {
    const PlanarXY q = t->forward(p);
    EXPECT_GE(q.x, m.xmin - 1e-6);
    EXPECT_LE(q.x, m.xmax + 1e-6);
    EXPECT_GE(q.y, m.ymin - 1e-6);
    EXPECT_LE(q.y, m.ymax + 1e-6);
  }
}

TEST(LargeZone, ByItsBoundsAcross) {
  const GeoPoint c = GeoPoint::from_lat_lon(43.7486, 44.6528);
  EXPECT_TRUE(layers::is_large_zone(layers::region_within(make_point(c).get(), 2'400'000).get()));
  EXPECT_TRUE(layers::is_large_zone(layers::region_within(make_point(c).get(), 101'000).get()));  // 202 km across
  EXPECT_FALSE(layers::is_large_zone(layers::region_within(make_point(c).get(), 99'000).get()));
  EXPECT_FALSE(layers::is_large_zone(layers::region_within(make_point(c).get(), 5'000).get()));
}

TEST(UncertaintyLayer, ADiscPerUncertainFeatureOnceEach) {
  Layer strikes("strikes", {}, {});
  strikes.add(Feature{"1", 1, make_point(GeoPoint::from_lat_lon(35.07, 40.47)), 200, {}});
  strikes.add(Feature{"2", 2, make_point(GeoPoint::from_lat_lon(35.04, 40.46)), 0, {}});  // exact: no disc
  const Layer mozdok = test::point_layer("mozdok", {{43.7486, 44.6528}}, 2000);
  JobResult job;
  for (const char* id : {"a", "b"}) {  // two claims on the same layers: each feature once
    ClaimResult c;
    c.spec.id = id;
    c.spec.subject = &strikes;
    c.spec.subject_name = "strikes";
    c.spec.object = &mozdok;
    c.spec.object_name = "mozdok";
    job.claims.push_back(std::move(c));
  }
  const Layer u = layers::uncertainty_layer(job);
  ASSERT_EQ(u.size(), 2u);
  const auto layer = u.field_index("layer"), id = u.field_index("feature_id"), r = u.field_index("uncertainty_m");
  ASSERT_TRUE(layer && id && r);
  EXPECT_EQ(attribute_text(u.features()[0].attributes[*layer]), "strikes");
  EXPECT_EQ(attribute_text(u.features()[0].attributes[*id]), "1");
  EXPECT_EQ(attribute_text(u.features()[0].attributes[*r]), "200");
  EXPECT_EQ(attribute_text(u.features()[1].attributes[*layer]), "mozdok");
  EXPECT_EQ(attribute_text(u.features()[1].attributes[*r]), "2000");
  // The disc's edge lies at the uncertainty from its centre, by the geodesic.
  const GeoBox b = envelope(u.features()[1].geometry.get());
  const GeoPoint centre = GeoPoint::from_lat_lon(43.7486, 44.6528);
  EXPECT_NEAR(geodesic_inverse(centre, GeoPoint::from_lon_lat(centre.lon(), b.max_lat)).distance_m, 2000, 0.5);
  EXPECT_NEAR(geodesic_inverse(centre, GeoPoint::from_lon_lat(centre.lon(), b.min_lat)).distance_m, 2000, 0.5);
  EXPECT_EQ(layers::uncertainty_layer(job, 1).size(), 1u);
}

TEST(LabelField, NameElseTheIdColumnElseNone) {
  Layer named("n", {}, {{"id", Field::Type::integer}, {"Name", Field::Type::string}});
  named.add(Feature{"1", 1, make_point(GeoPoint::from_lat_lon(0, 0)), 0, {int64_t{1}, std::string("well 1")}});
  EXPECT_EQ(layers::label_field(named), "Name");
  Layer ids("i", {}, {{"target", Field::Type::string}, {"account", Field::Type::string}});
  ids.add(Feature{"us", 1, make_point(GeoPoint::from_lat_lon(0, 0)), 0, {std::string("x"), std::string("us")}});
  ids.add(Feature{"videos", 2, make_point(GeoPoint::from_lat_lon(0, 0)), 0, {std::string("x"), std::string("videos")}});
  EXPECT_EQ(layers::label_field(ids), "account");
  Layer none("z", {}, {{"target", Field::Type::string}});
  none.add(Feature{"1", 1, make_point(GeoPoint::from_lat_lon(0, 0)), 0, {std::string("x")}});
  EXPECT_EQ(layers::label_field(none), "");
}

TEST(ClaimLabels, ClaimsNearOnePointShareOneLabelWithALinePerClaim) {
  Layer claims("claims", {}, {{"claim_id", Field::Type::string}, {"verdict", Field::Type::string}});
  auto add = [&claims](const char* id, const char* verdict, double lat, double lon) {
    claims.add(
        Feature{id, 0, make_point(GeoPoint::from_lat_lon(lat, lon)), 0, {std::string(id), std::string(verdict)}});
  };
  add("a", "supported", 35.0, 40.0);
  add("b", "contradicted", 35.0, 40.0);      // the same point
  add("e", "inconclusive", 35.001, 40.001);  // 140 m away: under 1 % of a view 91 km wide
  add("e", "inconclusive", 35.0, 40.0005);
  add("d", "supported", 35.0, 40.015);  // 1.4 km away: its own (at 2 % it was stacked with a's)
  add("c", "supported", 35.0, 40.5);    // 45 km away: a label of its own
  const GeoBox view{39.75, 34.75, 40.75, 35.25};
  const Layer labels = layers::claim_labels_layer(claims, view);
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(attribute_text(labels.features()[0].attributes[0]), "a: supported\nb: contradicted\ne: inconclusive ×2");
  EXPECT_EQ(attribute_text(labels.features()[0].attributes[1]), "a, b, e");
  EXPECT_EQ(attribute_text(labels.features()[1].attributes[0]), "d: supported");
  EXPECT_EQ(attribute_text(labels.features()[2].attributes[0]), "c: supported");
  // At the first claim's point.
  EXPECT_DOUBLE_EQ(representative_point(labels.features()[0].geometry.get()).lon(), 40.0);
  // In a view 100 times smaller (reach 9 m), each of e's features 45 m and 140 m away gets its own.
  EXPECT_EQ(layers::claim_labels_layer(claims, {39.995, 34.995, 40.005, 35.005}).size(), 5u);
}

TEST(SqlText, QuotesAreDoubled) { EXPECT_EQ(layers::sql_text("it's"), "'it''s'"); }

TEST(ProjectQgs, CrsViewGroupsAndThemes) {
  using layers::StyleKind;
  layers::ProjectTree tree;
  tree.layers.push_back({"claims", "./claims.geojson", GeomFamily::point, StyleKind::claims});
  tree.layers.push_back({"strikes", "./strikes.geojson", GeomFamily::point, StyleKind::input, true, "", "id"});
  tree.groups.push_back({"large zones",
                         false,
                         "",
                         {{"large zones", "./zones.geojson", GeomFamily::polygon, StyleKind::large_zones, true,
                           "\"claim_id\" = 'reach'"}}});
  tree.groups.push_back(
      {"claim reach",
       false,
       "reach",
       {{"reach: claim", "./claims.geojson", GeomFamily::point, StyleKind::claims, true, "\"claim_id\" = 'reach'"}}});
  const GeoBox view{40.3, 34.9, 40.6, 35.2};
  const std::string text = layers::project_qgs("t", tree, view, 32637);
  tinyxml2::XMLDocument doc;
  ASSERT_EQ(doc.Parse(text.c_str()), tinyxml2::XML_SUCCESS);
  const auto* qgis = doc.FirstChildElement("qgis");
  ASSERT_TRUE(qgis);
  const auto* srs = qgis->FirstChildElement("projectCrs")->FirstChildElement("spatialrefsys");
  ASSERT_TRUE(srs);
  EXPECT_STREQ(srs->FirstChildElement("authid")->GetText(), "EPSG:32637");
  EXPECT_STREQ(srs->FirstChildElement("srsid")->GetText(), "3121");
  EXPECT_TRUE(srs->FirstChildElement("wkt")->GetText());
  EXPECT_STREQ(qgis->FirstChildElement("properties")
                   ->FirstChildElement("SpatialRefSys")
                   ->FirstChildElement("ProjectionsEnabled")
                   ->GetText(),
               "1");
  // The view in UTM metres: 40.3–40.6° E lies east of 39° E (the zone's meridian), 35° N is
  // about 3,880 km north.
  const auto* extent = qgis->FirstChildElement("ProjectViewSettings")->FirstChildElement("DefaultViewExtent");
  EXPECT_GT(extent->DoubleAttribute("xmin"), 600000);
  EXPECT_LT(extent->DoubleAttribute("xmax"), 700000);
  EXPECT_NEAR(extent->DoubleAttribute("ymin"), 3.863e6, 0.01e6);
  EXPECT_STREQ(extent->FirstChildElement("spatialrefsys")->FirstChildElement("authid")->GetText(), "EPSG:32637");
  // Groups after the root layers, off; the filtered layers carry their subset.
  const auto* root = qgis->FirstChildElement("layer-tree-group");
  const auto* group = root->FirstChildElement("layer-tree-group");
  ASSERT_TRUE(group);
  EXPECT_STREQ(group->Attribute("name"), "large zones");
  EXPECT_STREQ(group->Attribute("checked"), "Qt::Unchecked");
  const std::string source = group->FirstChildElement("layer-tree-layer")->Attribute("source");
  EXPECT_EQ(source, "./zones.geojson|subset=\"claim_id\" = 'reach'");
  // The theme names the claim group's layer by the id its maplayer has.
  const auto* preset = qgis->FirstChildElement("visibility-presets")->FirstChildElement("visibility-preset");
  ASSERT_TRUE(preset);
  EXPECT_STREQ(preset->Attribute("name"), "reach");
  EXPECT_FALSE(preset->NextSiblingElement("visibility-preset"));  // only groups with a theme
  const std::string themed = preset->FirstChildElement("layer")->Attribute("id");
  EXPECT_STREQ(preset->FirstChildElement("checked-group-nodes")->FirstChildElement()->Attribute("id"), "claim reach");
  int found = 0;
  for (auto* l = qgis->FirstChildElement("projectlayers")->FirstChildElement("maplayer"); l;
       l = l->NextSiblingElement("maplayer"))
    if (themed == l->FirstChildElement("id")->GetText()) {
      ++found;
      EXPECT_STREQ(l->FirstChildElement("layername")->GetText(), "reach: claim");
    }
  EXPECT_EQ(found, 1);
  // The input layer is labelled with its id field.
  EXPECT_NE(text.find("fieldName=\"id\""), std::string::npos);
}

}  // namespace
}  // namespace geoclaim
