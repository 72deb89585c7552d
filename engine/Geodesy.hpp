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

/// Signed difference b - a of two azimuths, in (-180, 180].
double azimuth_difference(double a_deg, double b_deg);

}  // namespace geoclaim
