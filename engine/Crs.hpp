#pragma once
// Coordinate reference systems and transformations through PROJ. Every transformation here
// works in the "visualisation" axis order (longitude/easting first) on both sides, whatever
// the CRS's official order (EPSG:4326 is officially lat/lon): PROJ's
// proj_normalize_for_visualization does that once, so no call site swaps axes.
#include <memory>
#include <string>

#include "engine/GeoPoint.hpp"  // PlanarXY

namespace geoclaim {

/// A CRS given as anything PROJ accepts ("EPSG:32637", WKT, a PROJ string), checked and
/// described. Immutable; cheap to copy (the PROJ object is shared).
class Crs {
 public:
  /// @throw DataError naming the definition when PROJ cannot build a CRS from it.
  static Crs from_user_input(const std::string& definition);
  static Crs wgs84() { return from_user_input("EPSG:4326"); }

  const std::string& definition() const { return m_definition; }
  /// "EPSG:32637" when PROJ can identify it with confidence, otherwise the CRS's name.
  const std::string& label() const { return m_label; }
  bool is_geographic() const { return m_geographic; }
  /// A map projection (x/y in linear units): what `set crs` needs for planar work.
  bool is_projected() const { return m_projected; }

 private:
  std::string m_definition;
  std::string m_label;
  bool m_geographic = false;
  bool m_projected = false;
};

/// A transformation between two CRSs, or a single PROJ operation ("+proj=etmerc …").
/// Geographic coordinates are degrees on both sides. Not thread-safe (one PROJ context).
class CrsTransform {
 public:
  /// From `source` to WGS84 lon/lat. Cached: the same source returns the same object.
  /// @throw DataError when PROJ finds no transformation.
  static std::shared_ptr<const CrsTransform> to_wgs84(const Crs& source);
  /// From `source` to `target`, both in visualisation axis order. Cached by the pair.
  static std::shared_ptr<const CrsTransform> between(const Crs& source, const Crs& target);
  /// A bare operation such as "+proj=utm +zone=37 +ellps=WGS84" (degrees in, metres out).
  static std::shared_ptr<const CrsTransform> operation(const std::string& proj_string);

  ~CrsTransform();
  CrsTransform(const CrsTransform&) = delete;
  CrsTransform& operator=(const CrsTransform&) = delete;

  /// Forward (source to target); NaN coordinates when PROJ cannot transform the point.
  PlanarXY forward(PlanarXY p) const;
  PlanarXY inverse(PlanarXY p) const;

 private:
  struct Impl;
  explicit CrsTransform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace geoclaim
