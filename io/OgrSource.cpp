#include "io/OgrSource.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <strings.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <functional>
#include <memory>

#include "engine/CoordinateText.hpp"
#include "engine/Crs.hpp"
#include "engine/EdgeModel.hpp"
#include "engine/Errors.hpp"
#include "engine/Names.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "io/CoordinateColumns.hpp"
#include "io/CsvLines.hpp"
#include "io/FeatureIds.hpp"
#include "io/FieldNames.hpp"
#include "io/GdalErrors.hpp"
#include "io/InputGuards.hpp"
#include "io/Network.hpp"
#include "io/OutputFolder.hpp"
#include "io/Sha256.hpp"
#include "io/TimeFields.hpp"

namespace geoclaim::io {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;
struct FeatureDeleter {
  void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;
struct GeometryDeleter {
  void operator()(OGRGeometryH g) const { OGR_G_DestroyGeometry(g); }
};
using OgrGeomPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;

bool is_file_path(const std::string& path) { return path.rfind("PG:", 0) != 0 && path.rfind("/vsi", 0) != 0; }

Dataset open_vector(const std::string& path, bool as_text_table, bool detect_types) {
  ensure_gdal();
  check_input_path(path);  // no pipe, no standard input, no archive member beyond 2 GiB
  require_input_exists(path);
  const size_t text_columns = as_text_table ? check_text_table(path) : 0;
  CaptureGdalErrors errors;
  std::vector<const char*> options;
  const char* csv_only[] = {"CSV", nullptr};
  if (as_text_table) {
    options = {"HEADERS=YES", "KEEP_GEOM_COLUMNS=YES", "EMPTY_STRING_AS_NULL=NO",
               // Types from the whole file: GDAL otherwise decides on the first megabyte and
               // converts later cells to that type (a 35.5 in an "integer" column becomes 35).
               detect_types ? "AUTODETECT_TYPE=YES" : "AUTODETECT_TYPE=NO", "AUTODETECT_SIZE_LIMIT=0", nullptr};
  } else {
    // GeoJSON: each feature's own JSON, to tell a feature-level `id` (which GDAL makes the FID)
    // from the FIDs GDAL numbers itself (source_key_of). Other drivers ignore it, with a warning
    // that CaptureGdalErrors keeps quiet.
    options = {"NATIVE_DATA=YES", nullptr};
  }
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, as_text_table ? csv_only : nullptr,
                               options.data(), nullptr);
  if (!ds)
    errors.raise("cannot open " + quote_path(path) + " as a vector data source", OGRERR_NONE,
                 "no GDAL driver recognises its format");
  Dataset out(ds);
  if (as_text_table && GDALDatasetGetLayerCount(ds) == 1) {
    // GDAL's CSV driver keeps the first 2,000 columns and drops the rest with only a warning:
    // coordinate columns among those would read as missing.
    const int read = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(GDALDatasetGetLayer(ds, 0)));
    if (read >= 0 && text_columns > static_cast<size_t>(read))
      throw DataError(printable_path(path) + ": has " + std::to_string(text_columns) +
                      " columns, and GDAL's CSV driver reads only the first " + std::to_string(read) +
                      " (set the environment variable OGR_CSV_MAX_FIELD_COUNT to read more, or drop columns)");
  }
  return out;
}

OGRLayerH choose_layer(GDALDatasetH ds, const std::string& path, const std::optional<std::string>& wanted) {
  const int n = GDALDatasetGetLayerCount(ds);
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
  if (wanted) {
    if (OGRLayerH l = GDALDatasetGetLayerByName(ds, wanted->c_str())) return l;
    std::string list;
    for (const auto& nm : names) list += (list.empty() ? "" : ", ") + printable(nm);
    throw DataError(printable_path(path) + ": no layer " + quote(*wanted) + " (layers: " + list + ")" +
                    did_you_mean(*wanted, names));
  }
  if (n == 0) throw DataError(printable_path(path) + ": holds no vector layer");
  if (n == 1) return GDALDatasetGetLayer(ds, 0);
  // Several layers (GPX has five): take the one that has features, if only one does.
  OGRLayerH only = nullptr;
  std::string list;
  for (int i = 0; i < n; ++i) {
    OGRLayerH l = GDALDatasetGetLayer(ds, i);
    list += (list.empty() ? "" : ", ") + printable(names[static_cast<size_t>(i)]);
    if (OGR_L_GetFeatureCount(l, TRUE) > 0) {
      if (only)
        throw DataError(printable_path(path) + ": has several layers (" + list +
                        ", …): say which with 'layer \"NAME\"'");
      only = l;
    }
  }
  if (!only) throw DataError(printable_path(path) + ": every layer is empty (" + list + ")");
  return only;
}

std::vector<Field> read_fields(OGRLayerH layer) {
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  std::vector<Field> fields;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    Field f{OGR_Fld_GetNameRef(fd), Field::Type::string};
    switch (OGR_Fld_GetType(fd)) {
      case OFTInteger:
      case OFTInteger64:
        f.type = Field::Type::integer;
        break;
      case OFTReal:
        f.type = Field::Type::real;
        break;
      default:  // dates and times are instants (io/TimeFields); lists and binary are read as text
        if (time_kind(OGR_Fld_GetType(fd))) f.type = Field::Type::time;
        break;
    }
    fields.push_back(std::move(f));
  }
  return fields;
}

std::vector<AttributeValue> read_attributes(OGRFeatureH f, const std::vector<Field>& fields, TimeFieldReader& times,
                                            const std::function<std::string()>& where) {
  std::vector<AttributeValue> out;
  out.reserve(fields.size());
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    if (!OGR_F_IsFieldSetAndNotNull(f, i)) {
      out.emplace_back();
      continue;
    }
    switch (fields[static_cast<size_t>(i)].type) {
      case Field::Type::integer:
        out.emplace_back(static_cast<int64_t>(OGR_F_GetFieldAsInteger64(f, i)));
        break;
      case Field::Type::real:
        out.emplace_back(OGR_F_GetFieldAsDouble(f, i));
        break;
      case Field::Type::string:
        out.emplace_back(std::string(OGR_F_GetFieldAsString(f, i)));
        break;
      case Field::Type::time:
        out.push_back(times.read(f, i, where));
        break;
    }
  }
  return out;
}

/// A cell's text at full precision. GDAL's text of a Real field is "%.15g", which moves a
/// 16- or 17-digit coordinate by up to ~7 nm (issue 8: a point on a polygon's vertex read as
/// outside it); the shortest text that reads back as the same double does not. The CSV driver
/// parsed the cell with strtod, so that double is the cell's own value, correctly rounded.
std::string exact_cell_text(OGRFeatureH f, int col) {
  if (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, col)) != OFTReal) return OGR_F_GetFieldAsString(f, col);
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsDouble(f, col));
  return ec == std::errc() ? std::string(buf, end) : std::string(OGR_F_GetFieldAsString(f, col));
}

/// The CRS a layer's coordinates are in: the job's `crs`, else the source's, else WGS84.
Crs source_crs(OGRLayerH layer, const LoadOptions& o, const std::string& path, bool text_table,
               const WarningSink& warn) {
  if (o.crs) return Crs::from_user_input(*o.crs);
  OGRSpatialReferenceH srs = text_table ? nullptr : OGR_L_GetSpatialRef(layer);
  if (!srs) {
    if (!text_table && warn)
      warn(printable_path(path) + ": no CRS in the source; reading it as EPSG:4326 (say 'crs …' if it is not)");
    return Crs::wgs84();
  }
  const char* auth = OSRGetAuthorityName(srs, nullptr);
  const char* code = OSRGetAuthorityCode(srs, nullptr);
  if (auth && code) return Crs::from_user_input(std::string(auth) + ":" + code);
  char* wkt = nullptr;
  const char* wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
  OSRExportToWktEx(srs, &wkt, wkt_options);
  std::string def = wkt ? wkt : "";
  CPLFree(wkt);
  return Crs::from_user_input(def);
}

bool is_wgs84_lon_lat(const Crs& crs) { return crs.label() == "EPSG:4326" || crs.label() == "OGC:CRS84"; }

/// Reads one layer, feature by feature, into an engine Layer.
class LayerReader {
 public:
  LayerReader(const LoadOptions& o, const WarningSink& warn) : m_o(o), m_warn(warn) {}

  Layer read() {
    const bool text = is_delimited_text(m_o.path);
    Dataset ds = open_vector(m_o.path, text, /*detect_types=*/true);
    // A failure GDAL reports while reading (a VRT whose source it cannot open, which it finds
    // out only when the layer is first used; a read error) means features are missing: an
    // error, not a shorter layer.
    const CaptureGdalErrors read_errors;
    OGRLayerH layer = choose_layer(ds.get(), m_o.path, m_o.layer);
    std::vector<Field> fields = read_fields(layer);
    m_crs = source_crs(layer, m_o, m_o.path, text, m_warn);
    if (!is_wgs84_lon_lat(m_crs)) m_to_wgs84 = CrsTransform::to_wgs84(m_crs);

    const GDALDriverH driver = GDALGetDatasetDriver(ds.get());
    LayerSource src{m_o.path, OGR_L_GetName(layer), driver ? GDALGetDriverShortName(driver) : "", m_crs.label(),
                    is_file_path(m_o.path) ? sha256_of_file(m_o.path) : ""};
    std::vector<std::string> header;
    for (const auto& f : fields) header.push_back(f.name);
    require_distinct_field_names(header, m_o.path, text ? FieldWord::column : FieldWord::field);
    if (text) {
      m_columns = find_coordinate_columns(header, m_o, m_o.path);
      // Asked only on the error path: does every row hold a longitude in the latitude column
      // and a latitude in the longitude column? Then the columns, not one row, are swapped.
      m_column_swapped = [this, layer]() {
        OGR_L_ResetReading(layer);
        bool all = true;
        while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
          double lat = 0, lon = 0;
          const std::string lat_text = exact_cell_text(f.get(), m_columns.lat);
          const std::string lon_text = exact_cell_text(f.get(), m_columns.lon);
          all = all && parse_plain(lat_text, lat) && parse_plain(lon_text, lon) && looks_swapped(lat, lon);
        }
        return all;
      };
    }
    const int uncertainty_col = column(header, "uncertainty_m");
    const bool geojson = !text && src.driver == "GeoJSON";
    const IdRule ids = id_rule(layer, header, m_o, geojson, [&](const std::string& n) { return column(header, n); });
    std::vector<Feature> features;
    const auto count = OGR_L_GetFeatureCount(layer, FALSE);
    if (count > 0) features.reserve(static_cast<size_t>(count));
    size_t keyed = 0;         ///< features whose id is the source's key
    bool keys_so_far = true;  ///< every feature so far had one

    OGR_L_ResetReading(layer);
    m_text = text;
    TimeFieldReader times(fields.size());
    const std::function<std::string()> where_now = [this] { return where(); };
    uint64_t& number = m_number;
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
      ++number;
      m_fid = OGR_F_GetFID(f.get());
      // The CSV driver numbers data records from 1 (the header is record 0).
      const uint64_t row = text ? static_cast<uint64_t>(m_fid) : number;
      GeomPtr g = text ? geometry_from_columns(f.get(), header) : geometry_from_ogr(f.get());
      if (!g) continue;
      Feature feat;
      feat.source_row = row;
      feat.geometry = std::move(g);
      feat.attributes = read_attributes(f.get(), fields, times, where_now);
      if (ids.from == IdRule::From::field) {
        feat.id = attribute_text(feat.attributes[static_cast<size_t>(ids.field)]);
      } else if (ids.from == IdRule::From::key && keys_so_far && (!ids.geojson || has_feature_level_id(f.get()))) {
        feat.id = std::to_string(m_fid);
        ++keyed;
      }
      // Once a GeoJSON feature has no id of its own, none is a key: no more asking (parsing
      // each feature's JSON again costs as much as GDAL's reading of it).
      keys_so_far = keyed == features.size() + 1;
      if (feat.id.empty()) feat.id = std::to_string(number);
      feat.uncertainty_m = m_o.uncertainty_m;
      if (uncertainty_col >= 0)
        feat.uncertainty_m = uncertainty(feat.attributes[static_cast<size_t>(uncertainty_col)], uncertainty_col);
      features.push_back(std::move(feat));
      if (m_o.on_read && number % Progress::kEvery == 0) m_o.on_read(number);
    }
    // GeoJSON ids are keys only when every feature has one: GDAL numbers the others itself, and
    // keys and numbers side by side could name two features alike.
    if (ids.from == IdRule::From::key && keyed > 0 && keyed == features.size()) {
      src.id_key = ids.key;  // so copies written of the layer keep the keys (io/OgrWriter.cpp)
    } else if (keyed > 0) {
      for (Feature& feat : features) feat.id = std::to_string(feat.source_row);
    }
    if (read_errors.failed()) read_errors.raise("cannot read " + quote_path(m_o.path));
    Layer out(m_o.name, src, fields);
    out.reserve(features.size());
    for (Feature& feat : features) out.add(std::move(feat));
    if (out.size() == 0)
      throw DataError(printable_path(m_o.path) + ": layer " + quote(std::string(OGR_L_GetName(layer))) +
                      " has no features");
    times.settle(out, m_warn);
    return out;
  }

 private:
  static int column(const std::vector<std::string>& header, const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (strcasecmp(header[i].c_str(), name.c_str()) == 0) return static_cast<int>(i);
    return -1;
  }

  /// Where the current feature is, for messages: "file.csv:LINE" or "file: feature N".
  std::string where() const {
    if (!m_text) return printable_path(m_o.path) + ": feature " + std::to_string(m_number);
    if (m_record_lines.empty()) m_record_lines = csv_record_lines(m_o.path);
    const auto k = static_cast<size_t>(m_fid);
    return printable_path(m_o.path) + ":" + std::to_string(k < m_record_lines.size() ? m_record_lines[k] : k + 1);
  }

  /// A value as the source wrote it, for messages. A CSV's typed cell has lost that text: GDAL
  /// read "1e400" as inf and clamps 99999999999999999999 to 9223372036854775807, so the cell is
  /// read again, as text (on the error path only).
  std::string written(int col, const std::string& typed) const {
    if (m_text) {
      Dataset ds = open_vector(m_o.path, true, /*detect_types=*/false);
      OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
      if (FeaturePtr f{layer ? OGR_L_GetFeature(layer, m_fid) : nullptr}; f && col < OGR_F_GetFieldCount(f.get()))
        return printable(trim(OGR_F_GetFieldAsString(f.get(), col)));
    }
    return printable(typed);
  }

  double uncertainty(const AttributeValue& v, int col) const {
    const auto as_written = [&](const AttributeValue& value) { return written(col, attribute_text(value)); };
    double u = 0;
    if (const auto* i = std::get_if<int64_t>(&v))
      u = static_cast<double>(*i);
    else if (const auto* d = std::get_if<double>(&v))
      u = *d;
    else if (std::holds_alternative<std::monostate>(v) || trim(attribute_text(v)).empty())
      return m_o.uncertainty_m;  // an empty cell: the load's value
    else if (!parse_plain(attribute_text(v), u))
      throw DataError(where() + ": column 'uncertainty_m' holds " + quote(as_written(v)) + ", not a number of metres");
    if (std::isnan(u))
      throw DataError(where() + ": column 'uncertainty_m' holds " + quote(as_written(v)) + ", not a number of metres");
    if (u < 0) throw DataError(where() + ": column 'uncertainty_m' must be 0 or more, found " + as_written(v));
    if (!(u <= kMaxLength_m))
      throw DataError(where() + ": column 'uncertainty_m' holds " + as_written(v) +
                      " m, more than 100,000 km (twice round the Earth)");
    return u;
  }

  std::string cell(OGRFeatureH f, int col, const std::vector<std::string>& header) const {
    if (!OGR_F_IsFieldSetAndNotNull(f, col))
      throw DataError(where() + ": column " + quote(header[static_cast<size_t>(col)]) + " is empty");
    return exact_cell_text(f, col);
  }

  GeomPtr geometry_from_columns(OGRFeatureH f, const std::vector<std::string>& header) {
    using Kind = CoordinateColumns::Kind;
    if (m_columns.kind == Kind::wkt) {
      const std::string text = cell(f, m_columns.wkt, header);
      OGRGeometryH g = nullptr;
      const char* p = text.c_str();
      const OGRErr err = OGR_G_CreateFromWkt(const_cast<char**>(&p), nullptr, &g);
      if (err != OGRERR_NONE || !g)
        throw_ogr_error(err, where() + ": column " + quote(header[static_cast<size_t>(m_columns.wkt)]) +
                                 ": cannot read " + quote(text) + " as WKT");
      if (OGR_G_IsEmpty(g)) {
        OGR_G_DestroyGeometry(g);
        if (m_warn) m_warn(where() + ": empty geometry; skipped");
        return nullptr;
      }
      return finish(OgrGeomPtr(g));
    }
    if (m_columns.kind == Kind::mgrs) {
      const std::string text = cell(f, m_columns.mgrs, header);
      try {
        return checked_point(parse_mgrs(text));
      } catch (const CoordinateError& e) {
        throw DataError(where() + ": column " + quote(header[static_cast<size_t>(m_columns.mgrs)]) + ": " + e.what());
      }
    }
    const std::string lat_text = cell(f, m_columns.lat, header);
    const std::string lon_text = cell(f, m_columns.lon, header);
    if (!m_crs.is_geographic() || m_to_wgs84) {
      // Projected (or non-WGS84) columns: plain numbers in the CRS's units, x = lon column.
      double x = 0, y = 0;
      if (!parse_plain(lon_text, x) || !parse_plain(lat_text, y))
        throw DataError(where() + ": cannot read " + quote(parse_plain(lon_text, x) ? lat_text : lon_text) +
                        " as a number in " + m_crs.label());
      const PlanarXY ll = m_to_wgs84->forward({x, y});
      if (std::isnan(ll.x))
        throw DataError(where() + ": " + m_crs.label() + " cannot transform (" + printable(lon_text) + ", " +
                        printable(lat_text) + ")");
      return checked_point(GeoPoint::from_lon_lat(ll.x, ll.y));
    }
    double lat = 0, lon = 0;
    try {
      lat = parse_angle_unchecked(lat_text, Axis::latitude);
    } catch (const CoordinateError& e) {
      throw DataError(where() + ": column " + quote(header[static_cast<size_t>(m_columns.lat)]) + ": " + e.what());
    }
    try {
      lon = parse_angle_unchecked(lon_text, Axis::longitude);
    } catch (const CoordinateError& e) {
      throw DataError(where() + ": column " + quote(header[static_cast<size_t>(m_columns.lon)]) + ": " + e.what());
    }
    if (auto problem = check_lat_lon(lat, lon); !problem.empty()) {
      problem = check_lat_lon(lat, lon, written(m_columns.lat, lat_text), written(m_columns.lon, lon_text));
      const int col = std::isfinite(lat) && std::fabs(lat) <= 90.0 ? m_columns.lon : m_columns.lat;
      throw DataError(where() + ": column " + quote(header[static_cast<size_t>(col)]) + ": " + problem +
                      (looks_swapped(lat, lon) && m_column_swapped() ? kSwappedHint : ""));
    }
    return make_point(GeoPoint::from_lat_lon(lat, lon));
  }

  // Range checks happen on the pair, so a swapped pair gets the hint rather than a bare
  // "outside ±90°" on one column.
  static double parse_angle_unchecked(const std::string& text, Axis axis) {
    try {
      return parse_angle(text, axis);
    } catch (const CoordinateError&) {
      double v = 0;
      if (parse_plain(text, v)) return v;  // a plain number out of range: checked as a pair
      throw;
    }
  }

  /// A plain decimal number (no hex, no inf/nan), surrounding spaces allowed.
  static bool parse_plain(const std::string& raw, double& v) {
    const std::string text = trim(raw);
    const char* first = text.data() + (text.rfind('+', 0) == 0 ? 1 : 0);
    const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
    return ec == std::errc() && end == text.data() + text.size() && first != end && std::isfinite(v);
  }

  GeomPtr checked_point(const GeoPoint& p) const {
    if (auto problem = check_lat_lon(p.lat(), p.lon()); !problem.empty()) throw DataError(where() + ": " + problem);
    return make_point(p);
  }

  GeomPtr geometry_from_ogr(OGRFeatureH f) {
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (!g || OGR_G_IsEmpty(g)) {
      if (m_warn) m_warn(where() + ": has no geometry; skipped");
      return nullptr;
    }
    return finish(OgrGeomPtr(OGR_G_Clone(g)));
  }

  /// OGR geometry in the source CRS → valid GEOS geometry in WGS84 lon/lat.
  GeomPtr finish(OgrGeomPtr g) {
    if (OGR_GT_IsNonLinear(OGR_G_GetGeometryType(g.get()))) g.reset(OGR_G_GetLinearGeometry(g.get(), 0, nullptr));
    OGR_G_FlattenTo2D(g.get());
    std::vector<unsigned char> wkb(static_cast<size_t>(OGR_G_WkbSize(g.get())));
    OGR_G_ExportToWkb(g.get(), wkbNDR, wkb.data());
    GeomPtr out;
    try {
      out = geometry_from_wkb(wkb);
    } catch (const DataError& e) {
      // GDAL passes on an unclosed ring (GeoJSON, GeoPackage, WKT), and GEOS refuses it.
      const std::string why = e.what();
      throw DataError(where() + ": " +
                      (why.find("closed linestring") != std::string::npos
                           ? "a polygon ring is not closed (its last point must repeat its first); " + why
                           : why));
    }
    if (m_to_wgs84) {
      bool failed = false;
      out = transform_xy(out.get(), [&](double& x, double& y) {
        const PlanarXY p = m_to_wgs84->forward({x, y});
        failed = failed || std::isnan(p.x);
        x = p.x;
        y = p.y;
      });
      if (failed) throw DataError(where() + ": coordinates outside what " + m_crs.label() + " can transform");
    }
    // An empty geometry has no bounds to check (an invalid box); NaN coordinates give one too.
    const GeoBox b = envelope(out.get());
    if (b.valid() || !is_empty(out.get()))
      for (const auto& [lat, lon] : {std::pair{b.min_lat, b.min_lon}, std::pair{b.max_lat, b.max_lon}})
        if (auto problem = check_lat_lon(lat, lon); !problem.empty()) throw DataError(where() + ": " + problem);
    if (const auto pole = ring_round_pole(out.get()))
      throw DataError(where() + ": a polygon ring goes round the " + (*pole > 0 ? "north" : "south") +
                      " pole (its longitudes turn a whole circle, as Antarctica's or a polar cap's do): "
                      "geoclaim holds polygons in longitude/latitude, where one that holds a pole cannot be "
                      "measured; leave the feature out of the layer (ogr2ogr -where …)");
    // One edge model for every claim: each edge is a geodesic (engine/EdgeModel.hpp).
    if (GeomPtr dense = with_geodesic_edges(out.get())) out = std::move(dense);
    if (GeomPtr joined = joined_at_antimeridian(out.get())) out = std::move(joined);
    if (family(out.get()) == GeomFamily::polygon) {
      if (auto problem = validity_problem(out.get()); !problem.empty()) {
        out = make_valid(out.get());
        if (m_warn) m_warn(where() + ": invalid polygon (" + problem + "); repaired with MakeValid");
      }
    }
    return out;
  }

  const LoadOptions& m_o;
  const WarningSink& m_warn;
  Crs m_crs;
  std::shared_ptr<const CrsTransform> m_to_wgs84;
  CoordinateColumns m_columns;
  std::function<bool()> m_column_swapped = [] { return false; };
  bool m_text = false;
  uint64_t m_number = 0;                         ///< 1-based feature number
  GIntBig m_fid = 0;                             ///< the driver's FID (for CSV: the record number)
  mutable std::vector<uint64_t> m_record_lines;  ///< CSV record lines, read on the first error
};

}  // namespace

Layer OgrSource::load(const LoadOptions& options, const WarningSink& warn) { return LayerReader(options, warn).read(); }

void OgrSource::probe(const LoadOptions& o) {
  const bool text = is_delimited_text(o.path);
  Dataset ds = open_vector(o.path, text, false);
  const CaptureGdalErrors errors;  // a VRT's source is opened only here, with the layer's fields
  OGRLayerH layer = choose_layer(ds.get(), o.path, o.layer);
  std::vector<std::string> header;
  for (const auto& f : read_fields(layer)) header.push_back(f.name);
  if (errors.failed()) errors.raise("cannot read " + quote_path(o.path));
  require_distinct_field_names(header, o.path, text ? FieldWord::column : FieldWord::field);
  if (text) find_coordinate_columns(header, o, o.path);
}

Table OgrSource::read_table(const std::string& path) {
  m_tables.push_back(path);
  Dataset ds = open_vector(path, true, /*detect_types=*/false);
  OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
  Table t;
  t.path = path;
  for (const auto& f : read_fields(layer)) {
    std::string name = f.name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    t.columns.push_back(name);
  }
  require_distinct_field_names(t.columns, path, FieldWord::column);
  OGR_L_ResetReading(layer);
  const std::vector<uint64_t> lines = csv_record_lines(path);
  while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
    Table::Row row;
    const auto record = static_cast<size_t>(OGR_F_GetFID(f.get()));
    row.line = record < lines.size() ? lines[record] : record + 1;
    for (int i = 0; i < static_cast<int>(t.columns.size()); ++i)
      row.cells.emplace_back(OGR_F_IsFieldSetAndNotNull(f.get(), i) ? OGR_F_GetFieldAsString(f.get(), i) : "");
    t.rows.push_back(std::move(row));
  }
  return t;
}

void OgrSource::allow_network() {
  if (network_allowed()) return;  // --allow-network: the command line's, to leave as it is
  io::allow_network(true);
  m_turned_network_on = true;
}

OgrSource::~OgrSource() {
  if (m_turned_network_on) io::allow_network(false);
}

void OgrSource::check_output(const std::string& dir, const std::vector<std::string>& inputs) {
  std::vector<std::string> all = inputs;
  all.insert(all.end(), m_tables.begin(), m_tables.end());
  check_output_folder(dir, all);
}

void OgrSource::probe_table(const std::string& path) {
  check_input_path(path);
  require_input_exists(path);
}

}  // namespace geoclaim::io
