#pragma once
// Geodesics on the WGS84 ellipsoid (Karney's algorithm, GeographicLib). Azimuth is degrees
// clockwise from north in [0, 360); distances are metres along the ellipsoid. Valid for any
// pair of points, including nearly antipodal ones, the poles and across the antimeridian.
#include <vector>

#include "engine/GeoPoint.hpp"

namespace geoclaim {

struct GeodesicInverse {
  double distance_m = 0;    ///< geodesic length, metres
  double azimuth1_deg = 0;  ///< forward azimuth at the first point, [0, 360)
  double azimuth2_deg = 0;  ///< forward azimuth at the second point, [0, 360)
};

/// The shortest geodesic from `from` to `to`.
GeodesicInverse geodesic_inverse(const GeoPoint& from, const GeoPoint& to);

/// The point `distance_m` from `from` along azimuth `azimuth_deg` (any value; normalised).
GeoPoint geodesic_direct(const GeoPoint& from, double azimuth_deg, double distance_m);

/// The geodesic from `from` to `to` as points no more than `max_step_m` apart (both ends
/// included), so that a straight-segment renderer draws it where it truly is. Longitudes are
/// kept continuous (they may leave ±180 when the line crosses the antimeridian; writers split).
std::vector<GeoPoint> densify_geodesic(const GeoPoint& from, const GeoPoint& to, double max_step_m);

/// Normalises an azimuth to [0, 360).
double normalize_azimuth(double deg);

/// True at a pole, to within 1e-9° of latitude (0.1 mm): a point computed onto a pole (by a
/// projection's inverse, say) is seldom exactly at ±90°. Bearings from a pole are defined by
/// one rule (ExtentDirection.hpp, bearing_between), not by the longitude it is written with.
inline bool is_pole(const GeoPoint& p) { return p.lat() >= 90 - 1e-9 || p.lat() <= -90 + 1e-9; }

/// Signed difference b - a of two azimuths, in (-180, 180].
double azimuth_difference(double a_deg, double b_deg);

}  // namespace geoclaim
