#pragma once
// Geometries are GEOS geometries (through GEOS's stable `_r` C API) holding WGS84 longitude,
// latitude in x, y. This file owns the one GEOS context and the small set of helpers the rest
// of the engine uses; WKB is how geometries cross into io/ and out of it.
#include <geos_c.h>

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/GeoPoint.hpp"

namespace geoclaim {

/// The process-wide GEOS context (geoclaim evaluates on one thread).
GEOSContextHandle_t geos();

struct GeosDeleter {
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geos(), g); }
};
/// Owning handle of a GEOS geometry.
using GeomPtr = std::unique_ptr<GEOSGeometry, GeosDeleter>;

enum class GeomFamily { point, line, polygon, other };

/// Longitude/latitude bounds in degrees.
struct GeoBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

GeomPtr make_point(const GeoPoint& p);
GeomPtr make_line(std::span<const GeoPoint> points);
/// A polygon from rings (first exterior, then holes), each closed or not (closed here).
GeomPtr make_polygon(const std::vector<std::vector<GeoPoint>>& rings);
GeomPtr clone(const GEOSGeometry* g);

/// @throw DataError when the bytes are not WKB.
GeomPtr geometry_from_wkb(std::span<const unsigned char> wkb);
std::vector<unsigned char> geometry_to_wkb(const GEOSGeometry* g);

/// Point, line or polygon family (multi-geometries count as their members' family);
/// `other` for mixed collections and empty geometries.
GeomFamily family(const GEOSGeometry* g);
const char* family_name(GeomFamily f);

/// Empty string when valid, otherwise GEOS's reason ("Self-intersection[40.1 35.2]").
std::string validity_problem(const GEOSGeometry* g);
/// GEOS MakeValid ("structure" method, keeping collapsed parts out).
GeomPtr make_valid(const GEOSGeometry* g);

GeoBox envelope(const GEOSGeometry* g);
/// The point itself for a point; otherwise the planar centroid in lon/lat, which at footprint
/// scale is the centroid to well under a centimetre.
GeoPoint representative_point(const GEOSGeometry* g);

/// A copy of `g` with every coordinate passed through `fn(x, y)` in place.
GeomPtr transform_xy(const GEOSGeometry* g, const std::function<void(double&, double&)>& fn);

/// True when point `p` lies in or on polygonal `g`.
bool covers_point(const GEOSGeometry* g, const GeoPoint& p);

}  // namespace geoclaim
