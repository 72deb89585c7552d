#include "engine/Geometry.hpp"

#include <cstdarg>
#include <cstdio>

#include "engine/Errors.hpp"

namespace geoclaim {
namespace {

thread_local std::string g_last_geos_error;

void on_geos_message(const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  g_last_geos_error = buf;
}

GEOSCoordSequence* sequence(std::span<const GeoPoint> points, bool close) {
  const bool add_closing = close && !points.empty() && !(points.front() == points.back());
  const auto n = static_cast<unsigned>(points.size() + (add_closing ? 1 : 0));
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos(), n, 2);
  for (unsigned i = 0; i < points.size(); ++i) GEOSCoordSeq_setXY_r(geos(), seq, i, points[i].lon(), points[i].lat());
  if (add_closing) GEOSCoordSeq_setXY_r(geos(), seq, n - 1, points[0].lon(), points[0].lat());
  return seq;
}

GeomPtr checked(GEOSGeometry* g, const char* what) {
  if (!g) throw Error(std::string("GEOS failed to ") + what + ": " + g_last_geos_error);
  return GeomPtr(g);
}

}  // namespace

GEOSContextHandle_t geos() {
  static GEOSContextHandle_t ctx = [] {
    GEOSContextHandle_t c = GEOS_init_r();
    GEOSContext_setErrorHandler_r(c, on_geos_message);
    return c;
  }();
  return ctx;
}

GeomPtr make_point(const GeoPoint& p) {
  return checked(GEOSGeom_createPointFromXY_r(geos(), p.lon(), p.lat()), "create a point");
}

GeomPtr make_line(std::span<const GeoPoint> points) {
  return checked(GEOSGeom_createLineString_r(geos(), sequence(points, false)), "create a line");
}

GeomPtr make_polygon(const std::vector<std::vector<GeoPoint>>& rings) {
  if (rings.empty()) return checked(GEOSGeom_createEmptyPolygon_r(geos()), "create a polygon");
  GEOSGeometry* shell = GEOSGeom_createLinearRing_r(geos(), sequence(rings[0], true));
  std::vector<GEOSGeometry*> holes;
  for (size_t i = 1; i < rings.size(); ++i)
    holes.push_back(GEOSGeom_createLinearRing_r(geos(), sequence(rings[i], true)));
  return checked(GEOSGeom_createPolygon_r(geos(), shell, holes.data(), static_cast<unsigned>(holes.size())),
                 "create a polygon");
}

GeomPtr clone(const GEOSGeometry* g) { return checked(GEOSGeom_clone_r(geos(), g), "copy"); }

GeomPtr geometry_from_wkb(std::span<const unsigned char> wkb) {
  GEOSWKBReader* r = GEOSWKBReader_create_r(geos());
  GEOSGeometry* g = GEOSWKBReader_read_r(geos(), r, wkb.data(), wkb.size());
  GEOSWKBReader_destroy_r(geos(), r);
  if (!g) throw DataError("unreadable geometry: " + g_last_geos_error);
  return GeomPtr(g);
}

std::vector<unsigned char> geometry_to_wkb(const GEOSGeometry* g) {
  GEOSWKBWriter* w = GEOSWKBWriter_create_r(geos());
  GEOSWKBWriter_setOutputDimension_r(geos(), w, 2);
  size_t n = 0;
  unsigned char* buf = GEOSWKBWriter_write_r(geos(), w, g, &n);
  GEOSWKBWriter_destroy_r(geos(), w);
  std::vector<unsigned char> out(buf, buf + n);
  GEOSFree_r(geos(), buf);
  return out;
}

GeomFamily family(const GEOSGeometry* g) {
  if (GEOSisEmpty_r(geos(), g) == 1) return GeomFamily::other;
  switch (GEOSGeomTypeId_r(geos(), g)) {
    case GEOS_POINT:
    case GEOS_MULTIPOINT:
      return GeomFamily::point;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
    case GEOS_MULTILINESTRING:
      return GeomFamily::line;
    case GEOS_POLYGON:
    case GEOS_MULTIPOLYGON:
      return GeomFamily::polygon;
    default:
      break;
  }
  // A collection whose members share one family (MakeValid may return such).
  const int n = GEOSGetNumGeometries_r(geos(), g);
  GeomFamily f = GeomFamily::other;
  for (int i = 0; i < n; ++i) {
    const GeomFamily m = family(GEOSGetGeometryN_r(geos(), g, i));
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

std::string validity_problem(const GEOSGeometry* g) {
  if (GEOSisValid_r(geos(), g) == 1) return {};
  char* reason = GEOSisValidReason_r(geos(), g);
  std::string out(reason ? reason : "invalid");
  GEOSFree_r(geos(), reason);
  return out;
}

GeomPtr make_valid(const GEOSGeometry* g) {
  GEOSMakeValidParams* p = GEOSMakeValidParams_create_r(geos());
  GEOSMakeValidParams_setMethod_r(geos(), p, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(geos(), p, 0);
  GEOSGeometry* out = GEOSMakeValidWithParams_r(geos(), g, p);
  GEOSMakeValidParams_destroy_r(geos(), p);
  return checked(out, "repair a geometry");
}

GeoBox envelope(const GEOSGeometry* g) {
  GeoBox b;
  GEOSGeom_getXMin_r(geos(), g, &b.min_lon);
  GEOSGeom_getYMin_r(geos(), g, &b.min_lat);
  GEOSGeom_getXMax_r(geos(), g, &b.max_lon);
  GEOSGeom_getYMax_r(geos(), g, &b.max_lat);
  return b;
}

GeoPoint representative_point(const GEOSGeometry* g) {
  // An empty geometry has no point; (0, 0) would be a real place in the Gulf of Guinea.
  if (GEOSisEmpty_r(geos(), g) == 1) throw DataError("an empty geometry has no position");
  auto xy = [](const GEOSGeometry* p) {
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(geos(), p, &x) != 1 || GEOSGeomGetY_r(geos(), p, &y) != 1)
      throw Error("GEOS could not read a point: " + g_last_geos_error);
    return GeoPoint::from_lon_lat(x, y);
  };
  if (GEOSGeomTypeId_r(geos(), g) == GEOS_POINT) return xy(g);
  GeomPtr c = checked(GEOSGetCentroid_r(geos(), g), "find a centroid");
  return xy(c.get());
}

GeomPtr transform_xy(const GEOSGeometry* g, const std::function<void(double&, double&)>& fn) {
  auto callback = [](double* x, double* y, void* data) -> int {
    (*static_cast<const std::function<void(double&, double&)>*>(data))(*x, *y);
    return 1;
  };
  return checked(GEOSGeom_transformXY_r(geos(), g, callback, const_cast<std::function<void(double&, double&)>*>(&fn)),
                 "transform coordinates");
}

bool covers_point(const GEOSGeometry* g, const GeoPoint& p) {
  GeomPtr pt = make_point(p);
  return GEOSCovers_r(geos(), g, pt.get()) == 1;
}

}  // namespace geoclaim
