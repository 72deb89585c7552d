#pragma once
// Reads any OGR vector source into engine layers in WGS84 lon/lat: GeoJSON, GeoPackage,
// Shapefile, KML/KMZ, GPX, FlatGeobuf, PostGIS, and CSV/TSV whose coordinates are in columns
// (decimal, DMS or MGRS text) or WKT. Axis order is settled here and nowhere else.
#include "engine/DataSource.hpp"

namespace geoclaim::io {

class OgrSource final : public FeatureSource {
 public:
  Layer load(const LoadOptions& options, const WarningSink& warn) override;
  void probe(const LoadOptions& options) override;
  Table read_table(const std::string& path) override;
  void probe_table(const std::string& path) override;
  /// Turns GDAL's network access on (io/Network.hpp) until this source is destroyed.
  void allow_network() override;
  void check_output(const std::string& dir, const std::vector<std::string>& inputs) override;

  OgrSource() = default;
  OgrSource(const OgrSource&) = delete;
  OgrSource& operator=(const OgrSource&) = delete;
  ~OgrSource() override;

  /// Every reported-claims table read so far: inputs, like the layers, that a result folder
  /// must not replace.
  const std::vector<std::string>& tables_read() const { return m_tables; }

 private:
  std::vector<std::string> m_tables;
  bool m_turned_network_on = false;  ///< so the network is off again once the job is done
};

}  // namespace geoclaim::io
