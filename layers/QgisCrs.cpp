#include "layers/QgisCrs.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include <stdexcept>
#include "engine/Crs.hpp"

namespace geoclaim::layers {
namespace {

struct PjDeleter {
  void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// A WGS 84 / UTM zone (326zz, 327zz) or UPS (32661 north, 32761 south, numbered as a 61st zone).
bool is_utm_or_ups(int epsg) { return (epsg > 32600 && epsg <= 32661) || (epsg > 32700 && epsg <= 32761); }

/// QGIS's srs.db numbers its built-in CRSs in one sequence; these are its ids for EPSG:4326 and
/// the WGS 84 / UTM zones then UPS (contiguous, zone 1 to 60 then UPS: 32661 is 3145, 32761 is
/// 3211 in QGIS 3.22's srs.db; tests/qgis/check_project.py compares what geoclaim writes with
/// what QGIS writes for the same CRS).
long srs_db_id(int epsg) {
  if (epsg == 4326) return 3452;
  if (epsg > 32600 && epsg <= 32661) return 3084 + (epsg - 32600);
  return 3150 + (epsg - 32700);
}

std::string text_or_empty(const char* s) { return s ? s : ""; }

}  // namespace

QgisSrs qgis_srs(int epsg) {
  if (epsg != 4326 && !is_utm_or_ups(epsg))
    throw std::logic_error("no QGIS srs.db id for EPSG:" + std::to_string(epsg));
  PJ_CONTEXT* ctx = PJ_DEFAULT_CTX;
  const std::string authid = "EPSG:" + std::to_string(epsg);
  PjPtr crs(proj_create(ctx, authid.c_str()));
  if (!crs) throw std::logic_error("PROJ does not know " + authid);
  QgisSrs out;
  const char* const wkt_options[] = {"MULTILINE=NO", nullptr};
  out.wkt = text_or_empty(proj_as_wkt(ctx, crs.get(), PJ_WKT2_2019, wkt_options));
  // QGIS keeps the PROJ string of the CRS without the "+type=crs" that marks it as one.
  std::string proj4 = text_or_empty(proj_as_proj_string(ctx, crs.get(), PJ_PROJ_5, nullptr));
  if (const auto at = proj4.find(" +type=crs"); at != std::string::npos) proj4.erase(at, 10);
  out.proj4 = proj4;
  out.srsid = srs_db_id(epsg);
  out.srid = epsg;
  out.authid = authid;
  out.description = text_or_empty(proj_get_name(crs.get()));
  // The acronyms are the PROJ string's +proj= value and the ellipsoid's authority code.
  if (const auto at = proj4.find("+proj="); at != std::string::npos)
    out.projection_acronym = proj4.substr(at + 6, proj4.find(' ', at) - at - 6);
  PjPtr ellipsoid(proj_get_ellipsoid(ctx, crs.get()));
  if (ellipsoid)
    out.ellipsoid_acronym = text_or_empty(proj_get_id_auth_name(ellipsoid.get(), 0)) + ":" +
                            text_or_empty(proj_get_id_code(ellipsoid.get(), 0));
  out.geographic = epsg == 4326;
  return out;
}

int map_epsg(const GeoBox& box) {
  if (!box.valid()) return 4326;
  // Beyond UTM's reach, near a pole: the polar stereographic of UPS, if the box keeps to its cap.
  if (box.max_lat > 84.0 && box.min_lat >= 60.0) return 32661;
  if (box.min_lat < -80.0 && box.max_lat <= -60.0) return 32761;
  if (box.max_lon - box.min_lon > 18.0 || box.min_lat < -80.0 || box.max_lat > 84.0) return 4326;
  const double lon = std::remainder((box.min_lon + box.max_lon) / 2, 360.0);  // the box may run past 180°
  const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
  const double lat = (box.min_lat + box.max_lat) / 2;
  return (lat >= 0 ? 32600 : 32700) + zone;
}

MapBox projected_box(const GeoBox& box, int epsg) {
  if (epsg == 4326) return {box.min_lon, box.min_lat, box.max_lon, box.max_lat};
  const auto transform = CrsTransform::between(Crs::wgs84(), Crs::from_user_input("EPSG:" + std::to_string(epsg)));
  MapBox out{INFINITY, INFINITY, -INFINITY, -INFINITY};
  constexpr int kSteps = 32;  // per side: the edges of a lon/lat box are curves in UTM
  for (int i = 0; i <= kSteps; ++i) {
    const double t = static_cast<double>(i) / kSteps;
    const double lon = box.min_lon + t * (box.max_lon - box.min_lon);
    const double lat = box.min_lat + t * (box.max_lat - box.min_lat);
    for (const PlanarXY p : {PlanarXY{lon, box.min_lat}, PlanarXY{lon, box.max_lat}, PlanarXY{box.min_lon, lat},
                             PlanarXY{box.max_lon, lat}}) {
      const PlanarXY q = transform->forward(p);
      if (!std::isfinite(q.x) || !std::isfinite(q.y)) continue;
      out = {std::min(out.xmin, q.x), std::min(out.ymin, q.y), std::max(out.xmax, q.x), std::max(out.ymax, q.y)};
    }
  }
  if (!std::isfinite(out.xmin))
    throw std::logic_error("cannot project the map's extent to EPSG:" + std::to_string(epsg));
  return out;
}

}  // namespace geoclaim::layers
