#pragma once
// A position on the WGS84 ellipsoid. The engine's one axis convention is longitude first
// (x = lon, y = lat) as in GeoJSON and GEOS; constructors name the order they take, so no call
// site ever passes a bare (double, double). PlanarXY is the other coordinate value: x, y in a
// CRS or a projection.
#include <cmath>
#include <limits>

namespace geoclaim {

/// Geodetic longitude and latitude in degrees on WGS84. Default-constructed points are invalid
/// (NaN), never (0, 0). Copy cost: two doubles.
class GeoPoint {
 public:
  GeoPoint() = default;
  static GeoPoint from_lat_lon(double lat_deg, double lon_deg) { return {lon_deg, lat_deg}; }
  static GeoPoint from_lon_lat(double lon_deg, double lat_deg) { return {lon_deg, lat_deg}; }

  double lat() const { return m_lat; }
  double lon() const { return m_lon; }
  /// True when both values are finite and latitude is within ±90°, longitude within ±180°.
  bool valid() const {
    return std::isfinite(m_lat) && std::isfinite(m_lon) && std::fabs(m_lat) <= 90.0 && std::fabs(m_lon) <= 180.0;
  }
  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;

 private:
  GeoPoint(double lon_deg, double lat_deg) : m_lon(lon_deg), m_lat(lat_deg) {}
  double m_lon = std::numeric_limits<double>::quiet_NaN();
  double m_lat = std::numeric_limits<double>::quiet_NaN();
};

/// A coordinate pair in a CRS's or a projection's own axes, x first. Default-constructed pairs
/// are invalid (NaN), never (0, 0); PROJ failures give NaN too (CrsTransform).
struct PlanarXY {
  double x = std::numeric_limits<double>::quiet_NaN();  ///< longitude (degrees) or easting (CRS units)
  double y = std::numeric_limits<double>::quiet_NaN();  ///< latitude (degrees) or northing (CRS units)
  /// True when both values are finite.
  bool valid() const { return std::isfinite(x) && std::isfinite(y); }
};

}  // namespace geoclaim
