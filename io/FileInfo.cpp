#include "io/FileInfo.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>

#include "engine/Errors.hpp"
#include "engine/Units.hpp"
#include "io/GdalErrors.hpp"
#include "io/OgrSource.hpp"

namespace geoclaim::io {

SourceInfo describe_source(const std::string& path) {
  ensure_gdal();
  if (path.rfind("PG:", 0) != 0 && !std::filesystem::exists(path)) throw DataError("no such file '" + path + "'");
  CaptureGdalErrors errors;
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) throw DataError("cannot open '" + path + "' as a vector data source: " + errors.last("no GDAL driver recognises its format"));
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
      li.crs = auth && code ? std::string(auth) + ":" + code : OSRGetName(srs);
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
  GDALClose(ds);
  return info;
}

std::string format_source_info(const SourceInfo& info) {
  std::string out = info.path + " (" + info.driver + ", " + std::to_string(info.layers.size()) +
                    (info.layers.size() == 1 ? " layer)\n" : " layers)\n");
  for (const auto& l : info.layers) {
    out += "  layer '" + l.name + "': " + std::to_string(l.count) + " features, " + l.geometry_type + ", CRS " + l.crs + "\n";
    if (l.has_extent)
      out += "    extent (x min, y min, x max, y max): " + format_number(l.min_x, 7) + ", " + format_number(l.min_y, 7) +
             ", " + format_number(l.max_x, 7) + ", " + format_number(l.max_y, 7) + "\n";
    if (!l.fields.empty()) {
      out += "    fields:";
      for (const auto& f : l.fields) out += " " + f + (&f == &l.fields.back() ? "" : ",");
      out += "\n";
    }
  }
  return out;
}

}  // namespace geoclaim::io
