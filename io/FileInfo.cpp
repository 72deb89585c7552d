#include "io/FileInfo.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "io/CoordinateColumns.hpp"
#include "io/CsvLines.hpp"
#include "io/GdalErrors.hpp"
#include "io/InputGuards.hpp"
#include "io/OgrSource.hpp"

namespace geoclaim::io {

namespace {

/// A CSV has no geometry for GDAL; geoclaim reads it as points from its coordinate columns,
/// so `info` says which columns and what extent that gives (or what stops it).
void describe_coordinates(const std::string& path, LayerInfo& li) {
  LoadOptions o;
  o.name = li.name;
  o.path = path;
  try {
    const Layer layer = OgrSource().load(o, {});
    std::vector<std::string> header;
    for (const auto& f : layer.fields()) header.push_back(f.name);
    const CoordinateColumns c = find_coordinate_columns(header, o, path);
    li.coordinates = c.kind == CoordinateColumns::Kind::wkt ? "WKT column " + header[static_cast<size_t>(c.wkt)]
                     : c.kind == CoordinateColumns::Kind::mgrs
                         ? "MGRS column " + header[static_cast<size_t>(c.mgrs)]
                         : "columns " + header[static_cast<size_t>(c.lat)] + " (latitude), " +
                               header[static_cast<size_t>(c.lon)] + " (longitude)";
    static const char* const names[] = {"Point", "LineString", "Polygon", "mixed"};
    li.geometry_type = std::string(names[static_cast<int>(layer.family())]) + " (from " + li.coordinates + ")";
    li.crs = "EPSG:4326 (geoclaim's reading of coordinate columns)";
    li.has_extent = true;
    li.min_x = li.min_y = 1e300;
    li.max_x = li.max_y = -1e300;
    for (const auto& f : layer.features()) {
      const GeoBox b = envelope(f.geometry.get());
      if (!b.valid()) continue;  // an empty geometry has no extent
      li.min_x = std::min(li.min_x, b.min_lon), li.min_y = std::min(li.min_y, b.min_lat);
      li.max_x = std::max(li.max_x, b.max_lon), li.max_y = std::max(li.max_y, b.max_lat);
    }
  } catch (const DataError& e) {
    li.coordinates = std::string("unreadable: ") + e.what();
  }
}

}  // namespace

SourceInfo describe_source(const std::string& path) {
  ensure_gdal();
  check_input_path(path);  // first: a stat of an archive on a pipe would wait for ever
  require_input_exists(path);
  // What `load` refuses in a text table, `info` refuses too, before GDAL reads it all (a gzip of
  // 500 MB of blank lines took 42 s).
  if (is_delimited_text(path)) check_text_table(path);
  CaptureGdalErrors errors;
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  // Closed however this function leaves.
  const std::unique_ptr<void, void (*)(void*)> closer(ds, [](void* d) {
    if (d) GDALClose(d);
  });
  if (!ds)
    errors.raise("cannot open " + quote_path(path) + " as a vector data source", OGRERR_NONE,
                 "no GDAL driver recognises its format");
  SourceInfo info;
  info.path = path;
  info.driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
  for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
    OGRLayerH l = GDALDatasetGetLayer(ds, i);
    LayerInfo li;
    li.name = OGR_L_GetName(l);
    li.count = OGR_L_GetFeatureCount(l, TRUE);
    li.geometry_type = OGRGeometryTypeToName(OGR_L_GetGeomType(l));
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(l)) {
      const char* auth = OSRGetAuthorityName(srs, nullptr);
      const char* code = OSRGetAuthorityCode(srs, nullptr);
      const char* name = OSRGetName(srs);
      li.crs = auth && code ? std::string(auth) + ":" + code : name ? name : "unnamed CRS";
    } else {
      li.crs = is_delimited_text(path) ? "none (geoclaim reads coordinate columns as EPSG:4326)" : "none";
    }
    OGREnvelope env;
    if (li.count > 0 && OGR_L_GetExtent(l, &env, TRUE) == OGRERR_NONE) {
      li.has_extent = true;
      li.min_x = env.MinX, li.min_y = env.MinY, li.max_x = env.MaxX, li.max_y = env.MaxY;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
    for (int f = 0; f < OGR_FD_GetFieldCount(defn); ++f) {
      OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, f);
      li.fields.push_back(std::string(OGR_Fld_GetNameRef(fd)) + " (" + OGR_GetFieldTypeName(OGR_Fld_GetType(fd)) + ")");
    }
    info.layers.push_back(std::move(li));
  }
  // A VRT opens its source only when a layer is read: a refused or missing source is an error
  // here, not a layer of "0 features".
  if (errors.failed()) errors.raise("cannot read " + quote_path(path));
  if (is_delimited_text(path) && info.layers.size() == 1) describe_coordinates(path, info.layers[0]);
  return info;
}

std::string format_source_info(const SourceInfo& info) {
  std::string out = printable_path(info.path) + " (" + info.driver + ", " + std::to_string(info.layers.size()) +
                    (info.layers.size() == 1 ? " layer)\n" : " layers)\n");
  for (const auto& l : info.layers) {
    out += "  layer " + quote(l.name) + ": " + std::to_string(l.count) + " features, " + l.geometry_type + ", CRS " +
           l.crs + "\n";
    if (l.has_extent)
      out += "    extent (x min, y min, x max, y max): " + format_number(l.min_x, 7) + ", " +
             format_number(l.min_y, 7) + ", " + format_number(l.max_x, 7) + ", " + format_number(l.max_y, 7) + "\n";
    if (!l.coordinates.empty() && !l.has_extent) out += "    coordinates " + l.coordinates + "\n";
    if (!l.fields.empty()) {
      out += "    fields:";
      for (const auto& f : l.fields) out += " " + f + (&f == &l.fields.back() ? "" : ",");
      out += "\n";
    }
  }
  return out;
}

}  // namespace geoclaim::io
