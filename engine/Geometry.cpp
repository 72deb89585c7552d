#include "engine/Geometry.hpp"

#include <geos_c.h>

#include <cstdio>
#include <exception>

#include "engine/Errors.hpp"

namespace geoclaim {

// Declared here as well, so that this file stands alone once the header's transitional
// declaration goes.
GEOSContextHandle_t geos();

namespace {

// GEOS's last error message, kept in a fixed buffer so that nothing allocates until an
// operation fails. GEOS reports an exception here, then returns null, 0, 2 or -1; fail() turns
// that into a GeometryError and clears the message, so a later failure never shows a stale one.
struct LastGeosMessage {
  char text[1024] = "";
};
LastGeosMessage g_last_geos_message;

void on_geos_error(const char* message, void* userdata) {
  auto* last = static_cast<LastGeosMessage*>(userdata);
  std::snprintf(last->text, sizeof last->text, "%s", message ? message : "");
}

std::string take_geos_message() {
  std::string m = g_last_geos_message.text;
  g_last_geos_message.text[0] = '\0';
  return m;
}

[[noreturn]] void fail(const char* what) {
  std::string geos_message = take_geos_message();
  std::string message = std::string("GEOS failed to ") + what;
  if (!geos_message.empty()) message += ": " + geos_message;
  throw GeometryError(message, std::move(geos_message));
}

/// A GEOS geometry result: null means failure.
GeomPtr checked(GEOSGeometry* g, const char* what) {
  if (!g) fail(what);
  return GeomPtr(g);
}

/// A GEOS status result: 1 success, 0 failure.
void check_status(int status, const char* what) {
  if (status == 0) fail(what);
}

/// A GEOS predicate result: 1 true, 0 false, 2 failure.
bool check_predicate(char result, const char* what) {
  if (result == 2) fail(what);
  return result == 1;
}

struct SequenceDeleter {
  void operator()(GEOSCoordSequence* s) const { GEOSCoordSeq_destroy_r(geos(), s); }
};
using SequencePtr = std::unique_ptr<GEOSCoordSequence, SequenceDeleter>;

/// The points as a coordinate sequence, with the first repeated at the end when `close` asks
/// and the ring is open. Ownership goes to the geometry made from it.
GEOSCoordSequence* sequence(std::span<const GeoPoint> points, bool close) {
  const bool add_closing = close && !points.empty() && !(points.front() == points.back());
  const auto n = static_cast<unsigned>(points.size() + (add_closing ? 1 : 0));
  SequencePtr seq(GEOSCoordSeq_create_r(geos(), n, 2));
  if (!seq) fail("create a coordinate sequence");
  for (unsigned i = 0; i < points.size(); ++i)
    check_status(GEOSCoordSeq_setXY_r(geos(), seq.get(), i, points[i].lon(), points[i].lat()), "set a coordinate");
  if (add_closing)
    check_status(GEOSCoordSeq_setXY_r(geos(), seq.get(), n - 1, points[0].lon(), points[0].lat()), "set a coordinate");
  return seq.release();
}

// GEOS takes the sequence or the member geometries over even when it fails (they are freed).
GeomPtr make_ring(std::span<const GeoPoint> points) {
  return checked(GEOSGeom_createLinearRing_r(geos(), sequence(points, true)), "create a ring");
}

int geos_type_id(GeomFamily f) {
  switch (f) {
    case GeomFamily::point:
      return GEOS_MULTIPOINT;
    case GeomFamily::line:
      return GEOS_MULTILINESTRING;
    case GeomFamily::polygon:
      return GEOS_MULTIPOLYGON;
    case GeomFamily::other:
      return GEOS_GEOMETRYCOLLECTION;
  }
  return GEOS_GEOMETRYCOLLECTION;
}

std::vector<GEOSGeometry*> release_all(std::vector<GeomPtr>& parts) {
  std::vector<GEOSGeometry*> raw;
  raw.reserve(parts.size());
  for (auto& p : parts) raw.push_back(p.release());
  return raw;
}

}  // namespace

GEOSContextHandle_t geos() {
  static GEOSContextHandle_t ctx = [] {
    GEOSContextHandle_t c = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(c, on_geos_error, &g_last_geos_message);
    return c;
  }();
  return ctx;
}

void GeosDeleter::operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(geos(), g); }

GeomPtr make_point(const GeoPoint& p) {
  return checked(GEOSGeom_createPointFromXY_r(geos(), p.lon(), p.lat()), "create a point");
}

GeomPtr make_point(const PlanarXY& p) {
  return checked(GEOSGeom_createPointFromXY_r(geos(), p.x, p.y), "create a point");
}

GeomPtr make_line(std::span<const GeoPoint> points) {
  return checked(GEOSGeom_createLineString_r(geos(), sequence(points, false)), "create a line");
}

GeomPtr make_polygon(const std::vector<std::vector<GeoPoint>>& rings) {
  if (rings.empty()) return checked(GEOSGeom_createEmptyPolygon_r(geos()), "create a polygon");
  GeomPtr shell = make_ring(rings[0]);
  std::vector<GeomPtr> holes;
  for (size_t i = 1; i < rings.size(); ++i) holes.push_back(make_ring(rings[i]));
  std::vector<GEOSGeometry*> raw = release_all(holes);
  return checked(GEOSGeom_createPolygon_r(geos(), shell.release(), raw.data(), static_cast<unsigned>(raw.size())),
                 "create a polygon");
}

GeomPtr make_collection(GeomFamily family, std::vector<GeomPtr> parts) {
  std::vector<GEOSGeometry*> raw = release_all(parts);
  return checked(
      GEOSGeom_createCollection_r(geos(), geos_type_id(family), raw.data(), static_cast<unsigned>(raw.size())),
      "create a collection");
}

GeomPtr clone(const GEOSGeometry* g) { return checked(GEOSGeom_clone_r(geos(), g), "copy a geometry"); }

GeomPtr geometry_from_wkb(std::span<const unsigned char> wkb) {
  struct ReaderDeleter {
    void operator()(GEOSWKBReader* r) const { GEOSWKBReader_destroy_r(geos(), r); }
  };
  const std::unique_ptr<GEOSWKBReader, ReaderDeleter> r(GEOSWKBReader_create_r(geos()));
  if (!r) fail("create a WKB reader");
  GEOSGeometry* g = GEOSWKBReader_read_r(geos(), r.get(), wkb.data(), wkb.size());
  if (!g) throw DataError("unreadable geometry: " + take_geos_message());
  return GeomPtr(g);
}

std::vector<unsigned char> geometry_to_wkb(const GEOSGeometry* g) {
  struct WriterDeleter {
    void operator()(GEOSWKBWriter* w) const { GEOSWKBWriter_destroy_r(geos(), w); }
  };
  const std::unique_ptr<GEOSWKBWriter, WriterDeleter> w(GEOSWKBWriter_create_r(geos()));
  if (!w) fail("create a WKB writer");
  GEOSWKBWriter_setOutputDimension_r(geos(), w.get(), 2);
  size_t n = 0;
  unsigned char* buf = GEOSWKBWriter_write_r(geos(), w.get(), g, &n);
  if (!buf) fail("write a geometry as WKB");
  std::vector<unsigned char> out(buf, buf + n);
  GEOSFree_r(geos(), buf);
  return out;
}

GeomType geom_type(const GEOSGeometry* g) {
  const int id = GEOSGeomTypeId_r(geos(), g);
  switch (id) {
    case GEOS_POINT:
      return GeomType::point;
    case GEOS_LINESTRING:
      return GeomType::line_string;
    case GEOS_LINEARRING:
      return GeomType::linear_ring;
    case GEOS_POLYGON:
      return GeomType::polygon;
    case GEOS_MULTIPOINT:
      return GeomType::multi_point;
    case GEOS_MULTILINESTRING:
      return GeomType::multi_line_string;
    case GEOS_MULTIPOLYGON:
      return GeomType::multi_polygon;
    case GEOS_GEOMETRYCOLLECTION:
      return GeomType::collection;
    default:  // -1 on failure; a type newer than this code otherwise
      if (id == -1) fail("read a geometry's type");
      throw GeometryError("GEOS reported geometry type " + std::to_string(id) + ", which geoclaim does not know", "");
  }
}

bool is_empty(const GEOSGeometry* g) { return check_predicate(GEOSisEmpty_r(geos(), g), "test for emptiness"); }

GeomFamily family(const GEOSGeometry* g) {
  if (is_empty(g)) return GeomFamily::other;
  switch (geom_type(g)) {
    case GeomType::point:
    case GeomType::multi_point:
      return GeomFamily::point;
    case GeomType::line_string:
    case GeomType::linear_ring:
    case GeomType::multi_line_string:
      return GeomFamily::line;
    case GeomType::polygon:
    case GeomType::multi_polygon:
      return GeomFamily::polygon;
    case GeomType::collection:
      break;
  }
  // A collection whose members share one family (MakeValid may return such).
  const int n = member_count(g);
  GeomFamily f = GeomFamily::other;
  for (int i = 0; i < n; ++i) {
    const GeomFamily m = family(member(g, i));
    if (i == 0)
      f = m;
    else if (m != f)
      return GeomFamily::other;
  }
  return f;
}

const char* family_name(GeomFamily f) {
  switch (f) {
    case GeomFamily::point:
      return "point";
    case GeomFamily::line:
      return "line";
    case GeomFamily::polygon:
      return "polygon";
    case GeomFamily::other:
      return "mixed";
  }
  return "?";
}

int member_count(const GEOSGeometry* g) {
  const int n = GEOSGetNumGeometries_r(geos(), g);
  if (n < 0) fail("count the members of a geometry");
  return n;
}

const GEOSGeometry* member(const GEOSGeometry* g, int i) {
  const GEOSGeometry* m = GEOSGetGeometryN_r(geos(), g, i);
  if (!m) fail("read a member of a geometry");
  return m;
}

std::string validity_problem(const GEOSGeometry* g) {
  if (check_predicate(GEOSisValid_r(geos(), g), "test a geometry's validity")) return {};
  char* reason = GEOSisValidReason_r(geos(), g);
  if (!reason) fail("explain why a geometry is invalid");
  std::string out(reason);
  GEOSFree_r(geos(), reason);
  return out;
}

GeomPtr make_valid(const GEOSGeometry* g) {
  struct ParamsDeleter {
    void operator()(GEOSMakeValidParams* p) const { GEOSMakeValidParams_destroy_r(geos(), p); }
  };
  const std::unique_ptr<GEOSMakeValidParams, ParamsDeleter> p(GEOSMakeValidParams_create_r(geos()));
  if (!p) fail("set up a repair");
  check_status(GEOSMakeValidParams_setMethod_r(geos(), p.get(), GEOS_MAKE_VALID_STRUCTURE), "set up a repair");
  check_status(GEOSMakeValidParams_setKeepCollapsed_r(geos(), p.get(), 0), "set up a repair");
  return checked(GEOSMakeValidWithParams_r(geos(), g, p.get()), "repair a geometry");
}

GeoBox envelope(const GEOSGeometry* g) {
  GeoBox b;
  if (is_empty(g)) return b;  // invalid: GEOS has no bounds for it
  check_status(GEOSGeom_getExtent_r(geos(), g, &b.min_lon, &b.min_lat, &b.max_lon, &b.max_lat),
               "find a geometry's bounds");
  return b;
}

GeoPoint representative_point(const GEOSGeometry* g) {
  // An empty geometry has no point; (0, 0) would be a real place in the Gulf of Guinea.
  if (is_empty(g)) throw DataError("an empty geometry has no position");
  auto xy = [](const GEOSGeometry* p) {
    double x = 0, y = 0;
    check_status(GEOSGeomGetX_r(geos(), p, &x), "read a point");
    check_status(GEOSGeomGetY_r(geos(), p, &y), "read a point");
    return GeoPoint::from_lon_lat(x, y);
  };
  if (geom_type(g) == GeomType::point) return xy(g);
  GeomPtr c = checked(GEOSGetCentroid_r(geos(), g), "find a centroid");
  return xy(c.get());
}

double area(const GEOSGeometry* g) {
  double a = 0;
  check_status(GEOSArea_r(geos(), g, &a), "measure an area");
  return a;
}

namespace {
void collect_polygons(const GEOSGeometry* g, std::vector<GeomPtr>& out) {
  if (geom_type(g) == GeomType::collection) {
    for (int i = 0; i < member_count(g); ++i) collect_polygons(member(g, i), out);
  } else if (family(g) == GeomFamily::polygon) {
    out.push_back(clone(g));
  }
}
}  // namespace

GeomPtr polygonal_part(const GEOSGeometry* g) {
  if (geom_type(g) != GeomType::collection) return family(g) == GeomFamily::polygon ? clone(g) : nullptr;
  std::vector<GeomPtr> polygons;
  collect_polygons(g, polygons);
  if (polygons.empty()) return nullptr;
  return polygons.size() == 1 ? std::move(polygons[0]) : union_of(std::move(polygons));
}

GeomPtr boundary(const GEOSGeometry* g) {
  if (geom_type(g) != GeomType::collection) return checked(GEOSBoundary_r(geos(), g), "find a boundary");
  // GEOS has no boundary for a GeometryCollection (the features near a point of a layer that
  // mixes kinds, or a feature stored as a collection): the edge of its polygons' union, where
  // a point inside them leaves them.
  const GeomPtr polygons = polygonal_part(g);
  return checked(GEOSBoundary_r(geos(), polygons ? polygons.get() : g), "find a boundary");
}

GeomPtr intersection(const GEOSGeometry* a, const GEOSGeometry* b) {
  return checked(GEOSIntersection_r(geos(), a, b), "intersect two geometries");
}

GeomPtr difference(const GEOSGeometry* a, const GEOSGeometry* b) {
  return checked(GEOSDifference_r(geos(), a, b), "cut one geometry by another");
}

GeomPtr union_of(std::vector<GeomPtr> parts) {
  GeomPtr all = make_collection(GeomFamily::other, std::move(parts));
  return checked(GEOSUnaryUnion_r(geos(), all.get()), "merge geometries");
}

GeomPtr buffer(const GEOSGeometry* g, double distance, int quadrant_segments) {
  return checked(GEOSBuffer_r(geos(), g, distance, quadrant_segments), "buffer a geometry");
}

GeomPtr transform_xy(const GEOSGeometry* g, const std::function<void(double&, double&)>& fn) {
  // An exception must not cross GEOS's C frames: it is kept and rethrown here.
  struct Call {
    const std::function<void(double&, double&)>* fn;
    std::exception_ptr error;
  } call{&fn, nullptr};
  auto callback = [](double* x, double* y, void* data) -> int {
    auto* c = static_cast<Call*>(data);
    try {
      (*c->fn)(*x, *y);
      return 1;
    } catch (...) {
      c->error = std::current_exception();
      return 0;
    }
  };
  GEOSGeometry* out = GEOSGeom_transformXY_r(geos(), g, callback, &call);
  if (call.error) {
    if (out) GEOSGeom_destroy_r(geos(), out);
    take_geos_message();  // GEOS's report of the stop, not the reason
    std::rethrow_exception(call.error);
  }
  return checked(out, "transform coordinates");
}

namespace {

/// The points of a line's or ring's coordinate sequence, into `out` (cleared first).
void read_path(const GEOSGeometry* path, std::vector<GeoPoint>& out) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos(), path);
  if (!seq) fail("read a line's coordinates");
  unsigned n = 0;
  check_status(GEOSCoordSeq_getSize_r(geos(), seq, &n), "read a line's coordinates");
  out.clear();
  out.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    double x = 0, y = 0;
    check_status(GEOSCoordSeq_getXY_r(geos(), seq, i, &x, &y), "read a coordinate");
    out.push_back(GeoPoint::from_lon_lat(x, y));
  }
}

using PathFn = std::function<bool(std::span<const GeoPoint>, std::vector<GeoPoint>&)>;

/// The rings of `polygon`, exterior first, each through `fn`; null when `fn` kept them all.
GeomPtr rebuild_polygon(const GEOSGeometry* polygon, const PathFn& fn) {
  const int holes = GEOSGetNumInteriorRings_r(geos(), polygon);
  if (holes < 0) fail("count a polygon's holes");
  auto ring = [&](int i) {
    const GEOSGeometry* r =
        i == 0 ? GEOSGetExteriorRing_r(geos(), polygon) : GEOSGetInteriorRingN_r(geos(), polygon, i - 1);
    if (!r) fail("read a polygon's ring");
    return r;
  };
  std::vector<GeoPoint> points, replaced;
  std::vector<std::vector<GeoPoint>> rings;
  bool changed = false;
  for (int i = 0; i <= holes; ++i) {
    read_path(ring(i), points);
    replaced.clear();
    if (fn(points, replaced)) {
      if (!changed) {  // the rings kept so far are needed after all
        for (int k = 0; k < i; ++k) read_path(ring(k), rings.emplace_back());
        changed = true;
      }
      rings.push_back(replaced);
    } else if (changed) {
      rings.push_back(points);
    }
  }
  return changed ? make_polygon(rings) : nullptr;
}

}  // namespace

GeomPtr rebuild_paths(const GEOSGeometry* g, const PathFn& fn) {
  if (is_empty(g)) return nullptr;
  switch (geom_type(g)) {
    case GeomType::point:
    case GeomType::multi_point:
      return nullptr;
    case GeomType::line_string:
    case GeomType::linear_ring: {
      std::vector<GeoPoint> points, replaced;
      read_path(g, points);
      if (!fn(points, replaced)) return nullptr;
      return geom_type(g) == GeomType::linear_ring ? make_ring(replaced) : make_line(replaced);
    }
    case GeomType::polygon:
      return rebuild_polygon(g, fn);
    case GeomType::multi_line_string:
    case GeomType::multi_polygon:
    case GeomType::collection:
      break;
  }
  const int n = member_count(g);
  std::vector<GeomPtr> parts(static_cast<size_t>(n));
  bool changed = false;
  for (int i = 0; i < n; ++i) {
    parts[static_cast<size_t>(i)] = rebuild_paths(member(g, i), fn);
    changed = changed || parts[static_cast<size_t>(i)];
  }
  if (!changed) return nullptr;
  for (int i = 0; i < n; ++i)
    if (!parts[static_cast<size_t>(i)]) parts[static_cast<size_t>(i)] = clone(member(g, i));
  const GeomType t = geom_type(g);
  return make_collection(t == GeomType::multi_line_string ? GeomFamily::line
                         : t == GeomType::multi_polygon   ? GeomFamily::polygon
                                                          : GeomFamily::other,
                         std::move(parts));
}

void for_each_path(const GEOSGeometry* g, const std::function<void(std::span<const PlanarXY>, PathKind)>& fn) {
  if (is_empty(g)) return;
  std::vector<PlanarXY> points;
  auto path = [&](const GEOSGeometry* p, PathKind kind) {
    if (!p) fail("read a polygon's ring");
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos(), p);
    if (!seq) fail("read a geometry's coordinates");
    unsigned n = 0;
    check_status(GEOSCoordSeq_getSize_r(geos(), seq, &n), "read a geometry's coordinates");
    points.resize(n);
    for (unsigned i = 0; i < n; ++i)
      check_status(GEOSCoordSeq_getXY_r(geos(), seq, i, &points[i].x, &points[i].y), "read a coordinate");
    fn(points, kind);
  };
  switch (geom_type(g)) {
    case GeomType::point:
      path(g, PathKind::point);
      return;
    case GeomType::line_string:
    case GeomType::linear_ring:
      path(g, PathKind::line);
      return;
    case GeomType::polygon: {
      const int holes = GEOSGetNumInteriorRings_r(geos(), g);
      if (holes < 0) fail("count a polygon's holes");
      path(GEOSGetExteriorRing_r(geos(), g), PathKind::exterior_ring);
      for (int i = 0; i < holes; ++i) path(GEOSGetInteriorRingN_r(geos(), g, i), PathKind::hole);
      return;
    }
    case GeomType::multi_point:
    case GeomType::multi_line_string:
    case GeomType::multi_polygon:
    case GeomType::collection:
      for (int i = 0; i < member_count(g); ++i) for_each_path(member(g, i), fn);
      return;
  }
}

void for_each_vertex(const GEOSGeometry* g, const std::function<void(const PlanarXY&)>& fn) {
  for_each_path(g, [&](std::span<const PlanarXY> points, PathKind) {
    for (const PlanarXY& v : points) fn(v);
  });
}

double length(const GEOSGeometry* g) {
  double l = 0;
  check_status(GEOSLength_r(geos(), g, &l), "measure a length");
  return l;
}

double distance(const GEOSGeometry* a, const GEOSGeometry* b) {
  double d = 0;
  check_status(GEOSDistance_r(geos(), a, b, &d), "measure a distance");
  return d;
}

bool intersects(const GEOSGeometry* a, const GEOSGeometry* b) {
  return check_predicate(GEOSIntersects_r(geos(), a, b), "test whether two geometries intersect");
}

bool intersects_on_globe(const GEOSGeometry* a, const GEOSGeometry* b) {
  if (intersects(a, b)) return true;
  const GeoBox ea = envelope(a), eb = envelope(b);
  for (const double turn : {-720.0, -360.0, 360.0, 720.0}) {
    if (ea.max_lon + turn < eb.min_lon || ea.min_lon + turn > eb.max_lon) continue;
    const GeomPtr moved = transform_xy(a, [turn](double& x, double&) { x += turn; });
    if (intersects(moved.get(), b)) return true;
  }
  return false;
}

bool covers_point(const GEOSGeometry* g, const GeoPoint& p) {
  GeomPtr pt = make_point(p);
  if (check_predicate(GEOSCovers_r(geos(), g, pt.get()), "test whether a geometry covers a point")) return true;
  // A geometry that crosses the antimeridian is held with continuous longitudes, beyond ±180°
  // on its far side (engine/EdgeModel.cpp): there, a point is its longitude ± 360°.
  const GeoBox b = envelope(g);
  for (const double turn : {-360.0, 360.0}) {
    const double lon = p.lon() + turn;
    if (lon < b.min_lon || lon > b.max_lon) continue;
    GeomPtr shifted = make_point(GeoPoint::from_lon_lat(lon, p.lat()));
    if (check_predicate(GEOSCovers_r(geos(), g, shifted.get()), "test whether a geometry covers a point")) return true;
  }
  return false;
}

GeomPtr split_at_antimeridian(const GEOSGeometry* g) {
  if (is_empty(g)) return nullptr;
  // GEOS cannot cut an invalid polygon (a folded zone); repaired, it is cut like any other.
  GeomPtr repaired;
  if (family(g) == GeomFamily::polygon && !validity_problem(g).empty()) {
    repaired = make_valid(g);
    g = repaired.get();
  }
  const GeoBox b = envelope(g);
  if (b.min_lon >= -180.0 && b.max_lon <= 180.0) return nullptr;
  std::vector<GeomPtr> pieces;
  for (const double turn : {-720.0, -360.0, 0.0, 360.0, 720.0}) {
    // The part of g within [−180, 180] once moved by `turn` degrees.
    const double lo = -180.0 - turn, hi = 180.0 - turn;
    if (b.max_lon < lo || b.min_lon > hi) continue;
    const GeomPtr box = make_polygon({{GeoPoint::from_lon_lat(lo, -90), GeoPoint::from_lon_lat(hi, -90),
                                       GeoPoint::from_lon_lat(hi, 90), GeoPoint::from_lon_lat(lo, 90)}});
    GeomPtr part = intersection(g, box.get());
    if (is_empty(part.get())) continue;
    pieces.push_back(transform_xy(part.get(), [turn](double& x, double&) { x += turn; }));
  }
  // One multi-geometry of the pieces' members (of g's own family: a cut may leave a point or
  // line where g only touched the antimeridian).
  std::vector<GeomPtr> singles;
  for (const auto& p : pieces)
    for (int i = 0; i < member_count(p.get()); ++i)
      if (family(member(p.get(), i)) == family(g)) singles.push_back(clone(member(p.get(), i)));
  if (singles.size() == 1) return std::move(singles[0]);
  return make_collection(family(g), std::move(singles));
}

std::pair<PlanarXY, PlanarXY> nearest_points_xy(const GEOSGeometry* a, const GEOSGeometry* b) {
  const SequencePtr seq(GEOSNearestPoints_r(geos(), a, b));  // null too when either is empty
  if (!seq) fail("find the nearest points of two geometries");
  PlanarXY pa, pb;
  check_status(GEOSCoordSeq_getXY_r(geos(), seq.get(), 0, &pa.x, &pa.y), "read the nearest points");
  check_status(GEOSCoordSeq_getXY_r(geos(), seq.get(), 1, &pb.x, &pb.y), "read the nearest points");
  return {pa, pb};
}

}  // namespace geoclaim
