#include "io/OgrWriter.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <filesystem>
#include <limits>
#include <memory>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "io/CheckedWrite.hpp"
#include "io/GdalErrors.hpp"
#include "io/TimeFields.hpp"

namespace geoclaim::io {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

OGRwkbGeometryType ogr_type(GeomFamily f) {
  switch (f) {
    case GeomFamily::point:
      return wkbPoint;
    case GeomFamily::line:
      return wkbLineString;
    case GeomFamily::polygon:
      return wkbPolygon;
    case GeomFamily::other:
      return wkbUnknown;
  }
  return wkbUnknown;
}

/// The layer's type: single or multi, as its features are.
OGRwkbGeometryType layer_type(const Layer& layer) {
  OGRwkbGeometryType t = ogr_type(layer.family());
  for (const auto& f : layer.features()) {
    const GeoBox b = envelope(f.geometry.get());
    if (b.min_lon < -180.0 || b.max_lon > 180.0) return OGR_GT_GetCollection(t);  // written cut in two
    switch (geom_type(f.geometry.get())) {
      case GeomType::multi_point:
      case GeomType::multi_line_string:
      case GeomType::multi_polygon:
        return OGR_GT_GetCollection(t);
      case GeomType::point:
      case GeomType::line_string:
      case GeomType::linear_ring:
      case GeomType::polygon:
      case GeomType::collection:
        break;
    }
  }
  return t;
}

OGRFieldType ogr_field_type(Field::Type t) {
  switch (t) {
    case Field::Type::integer:
      return OFTInteger64;
    case Field::Type::real:
      return OFTReal;
    case Field::Type::string:
    case Field::Type::time:  // by its values: ogr_time_type
      return OFTString;
  }
  return OFTString;
}

/// True when every value of field `i` is null or an integer of 32 bits.
bool fits_int32(const Layer& layer, size_t i) {
  return std::all_of(layer.features().begin(), layer.features().end(), [i](const Feature& f) {
    const auto* n = std::get_if<int64_t>(&f.attributes[i]);
    return !n || (*n >= std::numeric_limits<int32_t>::min() && *n <= std::numeric_limits<int32_t>::max());
  });
}

/// Writes one layer; returns the name of its geometry column ("" where the format has none).
/// `styles`, when given, holds each feature's OGR style string.
std::string write_layer(GDALDatasetH ds, const Layer& layer, OGRSpatialReferenceH srs, char** options,
                        const std::string& path, const CaptureGdalErrors& errors,
                        const std::vector<std::string>* styles = nullptr) {
  auto fail = [&](const std::string& what, OGRErr err = OGRERR_NONE) {
    errors.raise("cannot write " + what + " of layer '" + layer.name() + "' to " + quote_path(path), err);
  };
  OGRLayerH out = GDALDatasetCreateLayer(ds, layer.name().c_str(), srs, layer_type(layer), options);
  if (!out) fail("the layer");
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(out);
  for (size_t i = 0; i < layer.fields().size(); ++i) {
    const Field& field = layer.fields()[i];
    OGRFieldType type = field.type == Field::Type::time ? ogr_time_type(layer, i) : ogr_field_type(field.type);
    // LIBKML reads its placemark fields (`tessellate`) only from 32-bit integer fields, and
    // types 64-bit ones as text in the KML schema: a KML layer's integers that fit are 32-bit.
    if (styles && type == OFTInteger64 && fits_int32(layer, i)) type = OFTInteger;
    OGRFieldDefnH fd = OGR_Fld_Create(field.name.c_str(), type);
    const OGRErr err = OGR_L_CreateField(out, fd, TRUE);
    OGR_Fld_Destroy(fd);
    if (err != OGRERR_NONE) fail("field '" + field.name + "'", err);
    // Values are set by position below: a field the driver merged or dropped (a name it
    // already had) would shift them, so say which one rather than "Invalid index".
    const int made = OGR_FD_GetFieldCount(defn);
    if (made != static_cast<int>(&field - layer.fields().data()) + 1)
      fail("field '" + field.name + "' (the driver did not add it as a field of its own)");
  }
  // One transaction per layer: GeoPackage writes are otherwise one transaction per feature.
  const bool transaction = GDALDatasetStartTransaction(ds, FALSE) == OGRERR_NONE;
  for (const auto& feat : layer.features()) {
    OGRFeatureH f = OGR_F_Create(defn);
    for (int i = 0; i < static_cast<int>(layer.fields().size()); ++i) {
      const AttributeValue& v = feat.attributes[static_cast<size_t>(i)];
      if (const auto* n = std::get_if<int64_t>(&v))
        OGR_F_SetFieldInteger64(f, i, *n);
      else if (const auto* d = std::get_if<double>(&v))
        OGR_F_SetFieldDouble(f, i, *d);
      else if (const auto* s = std::get_if<std::string>(&v))
        OGR_F_SetFieldString(f, i, s->c_str());
      else if (const auto* t = std::get_if<Instant>(&v))
        set_time_field(f, i, *t);
      else
        OGR_F_SetFieldNull(f, i);
    }
    // A layer whose ids are its source's keys keeps them as FIDs: the GeoJSON feature `id`, the
    // GeoPackage fid, so the copy loads back with the same ids.
    if (!layer.source().id_key.empty()) {
      int64_t key = 0;
      const auto [end, ec] = std::from_chars(feat.id.data(), feat.id.data() + feat.id.size(), key);
      if (ec == std::errc() && end == feat.id.data() + feat.id.size()) OGR_F_SetFID(f, key);
    }
    // Longitudes beyond ±180° (a geometry that crosses the antimeridian, held continuous) are
    // written cut there, every piece within ±180° (RFC 7946 asks it of GeoJSON; GeoPackage
    // readers expect it too).
    const GeomPtr split = split_at_antimeridian(feat.geometry.get());
    const std::vector<unsigned char> wkb = geometry_to_wkb(split ? split.get() : feat.geometry.get());
    OGRGeometryH g = nullptr;
    if (const OGRErr err = OGR_G_CreateFromWkb(wkb.data(), srs, &g, static_cast<int>(wkb.size())); err != OGRERR_NONE) {
      OGR_F_Destroy(f);
      fail("a geometry", err);
    }
    OGR_F_SetGeometryDirectly(f, g);
    if (styles) OGR_F_SetStyleString(f, (*styles)[static_cast<size_t>(&feat - layer.features().data())].c_str());
    const OGRErr err = OGR_L_CreateFeature(out, f);
    OGR_F_Destroy(f);
    if (err != OGRERR_NONE) fail("feature " + feat.id, err);
  }
  if (transaction)
    if (const OGRErr err = GDALDatasetCommitTransaction(ds); err != OGRERR_NONE) fail("the features", err);
  return OGR_L_GetGeometryColumn(out);
}

/// `wanted`, or failing that `geoclaim_wanted`, `geoclaim_wanted_2`, …: a column name that
/// none of the layer's fields has (ignoring case, as SQLite does).
std::string free_column_name(const Layer& layer, const std::string& wanted) {
  std::string name = wanted;
  for (int n = 1; layer.field_index(name); ++n) name = "geoclaim_" + wanted + (n == 1 ? "" : "_" + std::to_string(n));
  return name;
}

struct SrsDeleter {
  void operator()(OGRSpatialReferenceH s) const { OSRDestroySpatialReference(s); }
};
using Srs = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDeleter>;

Srs wgs84_lon_lat() {
  Srs srs(OSRNewSpatialReference(nullptr));
  OSRImportFromEPSG(srs.get(), 4326);
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);  // x = lon, as the engine holds it
  return srs;
}

/// Closes the dataset, which flushes it, and reports what GDAL said went wrong.
void finish(Dataset ds, const std::string& path, const CaptureGdalErrors& errors) {
  GDALClose(ds.release());
  if (errors.failed()) errors.raise("cannot finish " + quote_path(path));
}

/// GDAL's drivers do not all check their writes (GDAL 3.6's GeoJSON writer ignores a failed
/// write, and GDALClose returns nothing), so a file is built in memory (/vsimem/) and then
/// written out with every write, the fsync and the close checked: a full disk or a file-size
/// limit is an error, never a truncated file.
class MemoryFile {
 public:
  explicit MemoryFile(const std::string& path) : m_path(path) {
    static std::atomic<unsigned> counter{0};
    m_dir = "/vsimem/geoclaim-out-" + std::to_string(++counter);
    m_mem = m_dir + "/" + std::filesystem::path(path).filename().string();
  }
  ~MemoryFile() { VSIRmdirRecursive(m_dir.c_str()); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& memory_path() const { return m_mem; }

  /// Writes the finished file to its real path. @throw DataError
  void save() const {
    vsi_l_offset size = 0;
    GByte* data = VSIGetMemFileBuffer(m_mem.c_str(), &size, /*bUnlinkAndSeize=*/FALSE);
    if (!data) throw DataError("cannot write " + quote_path(m_path) + ": GDAL wrote nothing");
    write_file_checked(m_path, std::string_view(reinterpret_cast<const char*>(data), static_cast<size_t>(size)));
  }

 private:
  std::string m_path, m_dir, m_mem;
};

/// Creates the dataset at `file`'s memory path; messages name `path`.
Dataset create(const char* driver_name, const MemoryFile& file, const std::string& path,
               const CaptureGdalErrors& errors) {
  ensure_gdal();
  GDALDriverH driver = GDALGetDriverByName(driver_name);
  if (!driver) throw DataError(std::string("GDAL has no ") + driver_name + " driver");
  GDALDatasetH ds = GDALCreate(driver, file.memory_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) errors.raise("cannot create " + quote_path(path));
  return Dataset(ds);
}

}  // namespace

void write_geojson(const Layer& layer, const std::string& path) {
  CaptureGdalErrors errors;
  const MemoryFile file(path);
  Dataset ds = create("GeoJSON", file, path, errors);
  // RFC7946=YES: lon/lat, counter-clockwise exterior rings, antimeridian splitting, no crs
  // member. 17 significant figures read back as the same double (an input copy's attributes
  // are the input's, issue 8); GDAL writes a rounded figure short all the same ("1499.93").
  const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=7", "SIGNIFICANT_FIGURES=17", "WRITE_NAME=YES",
                           nullptr};
  write_layer(ds.get(), layer, wgs84_lon_lat().get(), const_cast<char**>(options), path, errors);
  finish(std::move(ds), path, errors);
  file.save();
}

namespace {

/// QGIS's `layer_styles` table (the layout QGIS creates itself), one default style per layer.
void write_styles(GDALDatasetH ds, const std::vector<StyledLayer>& layers,
                  const std::vector<std::string>& geometry_columns, const std::string& path,
                  const CaptureGdalErrors& errors) {
  OGRLayerH table = GDALDatasetCreateLayer(ds, "layer_styles", nullptr, wkbNone, nullptr);
  if (!table) errors.raise("cannot create the layer_styles table in " + quote_path(path));
  const std::pair<const char*, OGRFieldType> columns[] = {{"f_table_catalog", OFTString},
                                                          {"f_table_schema", OFTString},
                                                          {"f_table_name", OFTString},
                                                          {"f_geometry_column", OFTString},
                                                          {"styleName", OFTString},
                                                          {"styleQML", OFTString},
                                                          {"styleSLD", OFTString},
                                                          {"useAsDefault", OFTInteger},
                                                          {"description", OFTString},
                                                          {"owner", OFTString},
                                                          {"ui", OFTString},
                                                          {"update_time", OFTDateTime}};
  for (const auto& [name, type] : columns) {
    OGRFieldDefnH fd = OGR_Fld_Create(name, type);
    if (std::string(name) == "useAsDefault") OGR_Fld_SetSubType(fd, OFSTBoolean);
    const OGRErr err = OGR_L_CreateField(table, fd, TRUE);
    OGR_Fld_Destroy(fd);
    if (err != OGRERR_NONE)
      errors.raise(std::string("cannot create field '") + name + "' of the layer_styles table in " + quote_path(path),
                   err);
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
  for (size_t i = 0; i < layers.size(); ++i) {
    const StyledLayer& s = layers[i];
    if (s.qml.empty()) continue;
    OGRFeatureH f = OGR_F_Create(defn);
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "f_table_catalog"), "");
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "f_table_schema"), "");
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "f_table_name"), s.layer->name().c_str());
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "f_geometry_column"), geometry_columns[i].c_str());
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "styleName"), s.layer->name().c_str());
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "styleQML"), s.qml.c_str());
    OGR_F_SetFieldInteger(f, OGR_FD_GetFieldIndex(defn, "useAsDefault"), 1);
    OGR_F_SetFieldString(f, OGR_FD_GetFieldIndex(defn, "description"), "geoclaim");
    // A fixed time keeps the file byte-identical between runs.
    OGR_F_SetFieldDateTime(f, OGR_FD_GetFieldIndex(defn, "update_time"), 2000, 1, 1, 0, 0, 0, 100);
    const OGRErr err = OGR_L_CreateFeature(table, f);
    OGR_F_Destroy(f);
    if (err != OGRERR_NONE)
      errors.raise("cannot write the style of '" + s.layer->name() + "' to " + quote_path(path), err);
  }
}

}  // namespace

void write_geopackage(const std::vector<StyledLayer>& layers, const std::string& path) {
  CaptureGdalErrors errors;
  // GDAL stamps gpkg_contents.last_change with the current time unless told a date: a fixed one
  // keeps the file byte-identical between runs (docs/outputs.md, determinism).
  CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  const MemoryFile file(path);
  Dataset ds = create("GPKG", file, path, errors);
  const Srs srs = wgs84_lon_lat();
  std::vector<std::string> geometry_columns;
  for (const auto& l : layers) {
    // The FID and geometry columns are "fid" and "geom" unless a field of the layer has that
    // name (an input with a text field "fid" could not be written otherwise).
    const std::string fid = "FID=" + free_column_name(*l.layer, "fid");
    const std::string geom = "GEOMETRY_NAME=" + free_column_name(*l.layer, "geom");
    const char* options[] = {"SPATIAL_INDEX=YES", fid.c_str(), geom.c_str(), nullptr};
    geometry_columns.push_back(write_layer(ds.get(), *l.layer, srs.get(), const_cast<char**>(options), path, errors));
  }
  write_styles(ds.get(), layers, geometry_columns, path, errors);
  finish(std::move(ds), path, errors);
  file.save();
}

void write_kmz(const std::vector<KmlLayer>& layers, const std::string& title, const std::string& path,
               const std::optional<KmlLookAt>& look_at) {
  CaptureGdalErrors errors;
  const MemoryFile file(path);
  // The KMZ is zipped when the dataset closes: doc.kml linking layers/<name>.kml, each layer a
  // <Document> of placemarks with their styles inline (a shared style table would go to
  // style/style.kml, which the layers reference by a path that viewers resolve differently).
  ensure_gdal();
  GDALDriverH driver = GDALGetDriverByName("LIBKML");
  if (!driver) throw DataError("cannot write '" + path + "': GDAL was built without its LIBKML driver");
  const std::string name = "NAME=" + title;
  const char* ds_options[] = {name.c_str(), nullptr};
  GDALDatasetH created =
      GDALCreate(driver, file.memory_path().c_str(), 0, 0, 0, GDT_Unknown, const_cast<char**>(ds_options));
  if (!created) errors.raise("cannot create '" + path + "'");
  Dataset ds(created);
  const Srs srs = wgs84_lon_lat();
  std::vector<std::string> view;  // LIBKML's layer creation options for a <LookAt>
  if (look_at)
    view = {"LOOKAT_LONGITUDE=" + format_number(look_at->lon, 7),
            "LOOKAT_LATITUDE=" + format_number(look_at->lat, 7),
            "LOOKAT_RANGE=" + format_number(look_at->range_m, 1),
            "LOOKAT_HEADING=0",
            "LOOKAT_TILT=0",
            "LOOKAT_ALTITUDEMODE=clampToGround"};
  std::vector<char*> options;
  for (auto& o : view) options.push_back(o.data());
  options.push_back(nullptr);
  for (const auto& l : layers) {
    if (!l.styles || l.styles->size() != l.layer->size())
      throw DataError("cannot write layer '" + l.layer->name() + "' to '" + path +
                      "': " + std::to_string(l.styles ? l.styles->size() : 0) + " styles for " +
                      std::to_string(l.layer->size()) + " features");
    write_layer(ds.get(), *l.layer, srs.get(), options.data(), path, errors, l.styles);
  }
  finish(std::move(ds), path, errors);
  file.save();
}

}  // namespace geoclaim::io
