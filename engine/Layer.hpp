#pragma once
// Features and layers as the engine holds them: geometry in WGS84 lon/lat (GEOS), attributes
// with their names and types kept from the source, and a positional uncertainty per feature.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/Geometry.hpp"
#include "engine/Instant.hpp"

namespace geoclaim {

class SpatialIndex;

using AttributeValue = std::variant<std::monostate, int64_t, double, std::string, Instant>;

struct Field {
  enum class Type { integer, real, string, time };  ///< time: dates, times of day or both (Instant)
  Field() = default;
  Field(std::string name_, Type type_) : name(std::move(name_)), type(type_) {}
  std::string name;
  Type type = Type::string;
  /// A source's date/time field held as text because one of its values is no real date or
  /// time: that value and why ("feature 3 is 2016-02-30T10:00:00Z, not a real date (…)").
  std::string not_times;
};

/// One feature. Move-only (owns its geometry).
struct Feature {
  std::string id;                          ///< the id column's value, else the 1-based feature number
  uint64_t source_row = 0;                 ///< CSV record number (1: first data row), or 1-based feature number
  GeomPtr geometry;                        ///< WGS84 lon/lat, valid
  double uncertainty_m = 0;                ///< positional uncertainty radius, metres (0: exact)
  std::vector<AttributeValue> attributes;  ///< parallel to the layer's fields
};

/// Where a layer came from, for the report's provenance.
struct LayerSource {
  std::string path;       ///< as written in the job
  std::string layer;      ///< the source layer name
  std::string driver;     ///< GDAL driver short name
  std::string crs_label;  ///< the source CRS ("EPSG:4326", "EPSG:32637")
  std::string sha256;     ///< of the file's bytes; empty for non-file sources
  /// When the features' ids are the source's own keys (a GeoPackage fid, a PostGIS primary
  /// key, a GeoJSON feature id): the key's name, so a copy written of the layer keeps them.
  std::string id_key = {};
};

/// A named collection of features. Holds its spatial index once built.
class Layer {
 public:
  Layer(std::string name, LayerSource source, std::vector<Field> fields);
  ~Layer();
  Layer(Layer&&) noexcept;
  Layer& operator=(Layer&&) noexcept;

  const std::string& name() const { return m_name; }
  const LayerSource& source() const { return m_source; }
  const std::vector<Field>& fields() const { return m_fields; }
  const std::vector<Feature>& features() const { return m_features; }
  size_t size() const { return m_features.size(); }
  std::optional<size_t> field_index(const std::string& name) const;  ///< case-insensitive
  /// Common family of all features, `other` if mixed or empty. Kept up to date by add(), so
  /// asking is free (claims ask once per subject feature).
  GeomFamily family() const { return m_features.empty() ? GeomFamily::other : m_family; }

  void add(Feature f);
  /// Makes the time field `field` a text field: each value becomes its ISO 8601 text, and
  /// `why` says which value was no time (io/ calls this when a source's date/time field holds
  /// one value that is no real date).
  void hold_as_text(size_t field, std::string why);
  void reserve(size_t n) { m_features.reserve(n); }

  /// The R-tree over feature bounds, built on first use (bulk loaded).
  const SpatialIndex& index() const;

  /// A new layer holding copies of the features whose indexes are given (select).
  Layer subset(std::string name, const std::vector<size_t>& which) const;

 private:
  std::string m_name;
  LayerSource m_source;
  std::vector<Field> m_fields;
  std::vector<Feature> m_features;
  GeomFamily m_family = GeomFamily::other;
  mutable std::unique_ptr<SpatialIndex> m_index;
};

/// Text of an attribute value for reports ("" for null; times in ISO 8601).
std::string attribute_text(const AttributeValue& v);

}  // namespace geoclaim
