#pragma once
// Geometries are GEOS geometries (through GEOS's stable `_r` C API) holding WGS84 longitude,
// latitude in x, y (or a projection's x, y where a function says so). This file and
// Geometry.cpp are the one door to GEOS: they own the one GEOS context, and no other file calls
// a GEOS function. Every GEOS failure (a null result, an exception code) becomes a
// GeometryError carrying GEOS's own message. WKB is how geometries cross into io/ and out of it.
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/GeoPoint.hpp"

/// GEOS's opaque geometry, declared as geos_c.h declares it: no file but Geometry.cpp sees
/// geos_c.h, so every GEOS call goes through the functions below.
typedef struct GEOSGeom_t GEOSGeometry;

namespace geoclaim {

struct GeosDeleter {
  void operator()(GEOSGeometry* g) const noexcept;
};
/// Owning handle of a GEOS geometry.
using GeomPtr = std::unique_ptr<GEOSGeometry, GeosDeleter>;

enum class GeomFamily { point, line, polygon, other };

/// The GEOS type of a geometry.
enum class GeomType {
  point,
  line_string,
  linear_ring,
  polygon,
  multi_point,
  multi_line_string,
  multi_polygon,
  collection,
};

/// Longitude/latitude bounds in degrees. Default-constructed boxes are invalid (NaN), never
/// (0, 0, 0, 0): that is a real place in the Gulf of Guinea.
struct GeoBox {
  double min_lon = std::numeric_limits<double>::quiet_NaN();
  double min_lat = std::numeric_limits<double>::quiet_NaN();
  double max_lon = std::numeric_limits<double>::quiet_NaN();
  double max_lat = std::numeric_limits<double>::quiet_NaN();
  /// True when all four values are finite and each minimum is at most its maximum.
  bool valid() const {
    return std::isfinite(min_lon) && std::isfinite(min_lat) && std::isfinite(max_lon) && std::isfinite(max_lat) &&
           min_lon <= max_lon && min_lat <= max_lat;
  }
};

// Construction. @throw GeometryError when GEOS refuses (a line or a ring of one point).

GeomPtr make_point(const GeoPoint& p);
/// A point at a projection's x, y (a planar frame such as a local azimuthal equidistant one).
GeomPtr make_point(const PlanarXY& p);
GeomPtr make_line(std::span<const GeoPoint> points);
/// A polygon from rings (first exterior, then holes), each closed or not (closed here).
GeomPtr make_polygon(const std::vector<std::vector<GeoPoint>>& rings);
/// A multi-point, multi-line or multi-polygon (family point, line, polygon) of `parts`, or a
/// geometry collection (family other). Takes the parts over.
GeomPtr make_collection(GeomFamily family, std::vector<GeomPtr> parts);
GeomPtr clone(const GEOSGeometry* g);

/// @throw DataError when the bytes are not WKB.
GeomPtr geometry_from_wkb(std::span<const unsigned char> wkb);
std::vector<unsigned char> geometry_to_wkb(const GEOSGeometry* g);

// Inspection.

GeomType geom_type(const GEOSGeometry* g);
bool is_empty(const GEOSGeometry* g);
/// Point, line or polygon family (multi-geometries count as their members' family);
/// `other` for mixed collections and empty geometries.
GeomFamily family(const GEOSGeometry* g);
const char* family_name(GeomFamily f);
/// Members of a multi-geometry or collection; 1 for a single geometry (its one member is itself).
int member_count(const GEOSGeometry* g);
/// Member `i` (0-based) of `g`, owned by `g`.
const GEOSGeometry* member(const GEOSGeometry* g, int i);

/// The bounds of `g`; an invalid box (GeoBox::valid() false) for an empty geometry.
GeoBox envelope(const GEOSGeometry* g);
/// The point itself for a point; otherwise the planar centroid in lon/lat, which at footprint
/// scale is the centroid to well under a centimetre. @throw DataError for an empty geometry.
GeoPoint representative_point(const GEOSGeometry* g);
/// Planar area in the coordinates' own units, squared (so: in a projection, not in lon/lat).
double area(const GEOSGeometry* g);

/// Empty string when valid, otherwise GEOS's reason ("Self-intersection[40.1 35.2]").
std::string validity_problem(const GEOSGeometry* g);
/// GEOS MakeValid ("structure" method, keeping collapsed parts out).
GeomPtr make_valid(const GEOSGeometry* g);

// Operations: planar, in the coordinates as they are.

/// The boundary: a polygon's rings as lines, a line's end points; for a collection, the rings
/// of its polygons' union.
GeomPtr boundary(const GEOSGeometry* g);
/// The union of the polygons in `g` (a polygon or multipolygon itself, a collection's polygon
/// members), or null when it holds none.
GeomPtr polygonal_part(const GEOSGeometry* g);
GeomPtr intersection(const GEOSGeometry* a, const GEOSGeometry* b);
/// `a` less `b`.
GeomPtr difference(const GEOSGeometry* a, const GEOSGeometry* b);
/// The union of `parts` (as one collection, GEOS's unary union), overlaps counted once. Takes
/// the parts over.
GeomPtr union_of(std::vector<GeomPtr> parts);
/// Everything within `distance` of `g`, arcs drawn with `quadrant_segments` segments a quadrant.
GeomPtr buffer(const GEOSGeometry* g, double distance, int quadrant_segments);
/// `g` with every path (each line, each polygon ring) passed through `fn(points, out)`, which
/// fills `out` and returns true to replace the path, or returns false to keep it. Returns null
/// when `fn` kept every path, so the common case copies nothing. Points are kept as they are.
GeomPtr rebuild_paths(const GEOSGeometry* g,
                      const std::function<bool(std::span<const GeoPoint>, std::vector<GeoPoint>&)>& fn);
/// Calls `fn` with every vertex of `g`, in order (a ring's closing vertex included).
void for_each_vertex(const GEOSGeometry* g, const std::function<void(const PlanarXY&)>& fn);
/// What a path of a geometry is: a lone point, a line, a polygon's exterior ring or a hole.
enum class PathKind { point, line, exterior_ring, hole };
/// Calls `fn` with the vertices of every path of `g` (a ring's closing vertex included) and
/// its kind, in order.
void for_each_path(const GEOSGeometry* g, const std::function<void(std::span<const PlanarXY>, PathKind)>& fn);
/// Length of a line, perimeter of a polygon (planar, in the coordinates' own units; 0 for points).
double length(const GEOSGeometry* g);
/// Planar distance between two geometries, in their coordinates' own units.
double distance(const GEOSGeometry* a, const GEOSGeometry* b);
/// A copy of `g` with every coordinate passed through `fn(x, y)` in place (an exception from
/// `fn` reaches the caller as it is).
GeomPtr transform_xy(const GEOSGeometry* g, const std::function<void(double&, double&)>& fn);

// Predicates and distance.

/// Planar: both geometries in one frame.
bool intersects(const GEOSGeometry* a, const GEOSGeometry* b);
/// Whether two lon/lat geometries meet on the globe. Either may cross the antimeridian with
/// continuous longitudes beyond ±180° on its far side (engine/EdgeModel.cpp), each from its own
/// first vertex, so the same place can be written 360° apart in the two: `a` is also tried moved
/// by whole turns wherever that brings it over `b`.
bool intersects_on_globe(const GEOSGeometry* a, const GEOSGeometry* b);
/// True when point `p` lies in or on polygonal `g` (also where `g` crosses the antimeridian).
bool covers_point(const GEOSGeometry* g, const GeoPoint& p);
/// `g` cut at the antimeridian, every piece moved into [−180°, 180°] of longitude (geoclaim
/// holds a geometry that crosses it with continuous longitudes, beyond ±180° on its far side;
/// outputs carry only normal longitudes). Null when `g` already lies within ±180°.
GeomPtr split_at_antimeridian(const GEOSGeometry* g);
/// The nearest points of `a` (first) and `b` (second), planar, in their coordinates' frame.
std::pair<PlanarXY, PlanarXY> nearest_points_xy(const GEOSGeometry* a, const GEOSGeometry* b);

}  // namespace geoclaim
