#pragma once
// Where a layer's feature ids come from (docs/outputs.md, Feature ids): the `id COL` field or
// the source's key, else a field named `id`, else the source's key (a PostGIS primary key, a
// GeoPackage fid, GeoJSON feature ids), else the 1-based feature number.
#include <ogr_api.h>

#include <functional>
#include <string>
#include <vector>

#include "engine/DataSource.hpp"

namespace geoclaim::io {

/// The rule chosen for one layer.
struct IdRule {
  enum class From { field, key, number };
  From from = From::number;
  int field = -1;        ///< the field, for From::field
  std::string key;       ///< the key's name ("fid", a PostGIS primary key, GeoJSON "id"), for From::key
  bool geojson = false;  ///< the key is a GeoJSON feature-level id, which a feature may lack
};

/// The rule for `layer`, whose field names are `header`; `column` finds a field by name
/// (case-insensitively; -1 when there is none). `geojson`: the GeoJSON driver reads it.
/// @throw DataError when `id COL` names neither a field nor the key.
IdRule id_rule(OGRLayerH layer, const std::vector<std::string>& header, const LoadOptions& o, bool geojson,
               const std::function<int(const std::string&)>& column);

/// True when a GeoJSON feature, read with the open option NATIVE_DATA=YES, carries a
/// feature-level integer `id` (then its FID); GDAL numbers the others itself, and those FIDs
/// are no key.
bool has_feature_level_id(OGRFeatureH f);

}  // namespace geoclaim::io
