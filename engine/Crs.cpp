#include "engine/Crs.hpp"

#include <proj.h>

#include <cmath>
#include <limits>
#include <map>
#include <mutex>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"

namespace geoclaim {
namespace {

struct PjDeleter {
  void operator()(PJ* p) const { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string last_proj_error() {
  const int code = proj_context_errno(PJ_DEFAULT_CTX);
  const char* msg = code ? proj_context_errno_string(PJ_DEFAULT_CTX, code) : nullptr;
  return msg ? msg : "not recognised";
}

/// The type of the CRS that holds the horizontal position: a bound CRS (one with a datum shift
/// attached, +towgs84 or an ESRI .prj's TOWGS84) is the kind of the CRS it wraps, a compound
/// CRS (horizontal + vertical) the kind of its first part.
PJ_TYPE horizontal_type(const PJ* crs) {
  PJ_TYPE t = proj_get_type(crs);
  if (t == PJ_TYPE_BOUND_CRS) {
    PjPtr source(proj_get_source_crs(PJ_DEFAULT_CTX, crs));
    return source ? horizontal_type(source.get()) : t;
  }
  if (t == PJ_TYPE_COMPOUND_CRS) {
    PjPtr horizontal(proj_crs_get_sub_crs(PJ_DEFAULT_CTX, crs, 0));
    return horizontal ? horizontal_type(horizontal.get()) : t;
  }
  return t;
}

std::string kind_name(PJ_TYPE t) {
  switch (t) {
    case PJ_TYPE_GEOCENTRIC_CRS:
      return "a geocentric CRS (X, Y, Z from the earth's centre)";
    case PJ_TYPE_VERTICAL_CRS:
      return "a vertical CRS (heights only)";
    case PJ_TYPE_TEMPORAL_CRS:
      return "a temporal CRS";
    case PJ_TYPE_ENGINEERING_CRS:
      return "an engineering (local) CRS";
    default:
      return "not a geographic or projected CRS";
  }
}

PjPtr create_crs(const std::string& definition) {
  proj_log_level(PJ_DEFAULT_CTX, PJ_LOG_NONE);
  // A PROJ string names an operation unless it says +type=crs; where a CRS is wanted, it is one.
  std::string text = definition;
  if (text.rfind("+proj=", 0) == 0 && text.find("+type=crs") == std::string::npos) text += " +type=crs";
  PjPtr pj(proj_create(PJ_DEFAULT_CTX, text.c_str()));
  if (!pj) {
    // PROJ's own text is kept when it says something ("crs not found" says little).
    const std::string why = last_proj_error();
    throw DataError("unknown CRS " + quote(definition) + (why.rfind("Unknown error", 0) == 0 ? "" : " (" + why + ")") +
                    ": give an EPSG code such as EPSG:32637, a WKT or a PROJ string");
  }
  if (!proj_is_crs(pj.get())) throw DataError(quote(definition) + " is a coordinate operation, not a CRS");
  const PJ_TYPE t = horizontal_type(pj.get());
  // Positions here are 2-D (a latitude and longitude, or an easting and northing). A geocentric
  // CRS holds X, Y, Z from the earth's centre: read as two columns it would put every point at
  // a pole without a word, so it is refused with the other kinds that hold no 2-D position.
  if (t != PJ_TYPE_GEOGRAPHIC_2D_CRS && t != PJ_TYPE_GEOGRAPHIC_3D_CRS && t != PJ_TYPE_PROJECTED_CRS) {
    const char* name = proj_get_name(pj.get());
    throw DataError(quote(definition) + (name ? " (" + std::string(name) + ")" : "") + " is " + kind_name(t) +
                    ", which cannot hold 2-D positions: give a geographic or projected CRS such as EPSG:4326 or "
                    "EPSG:32637");
  }
  return pj;
}

}  // namespace

Crs Crs::from_user_input(const std::string& definition) {
  static std::map<std::string, Crs> cache;
  if (auto it = cache.find(definition); it != cache.end()) return it->second;
  PjPtr pj = create_crs(definition);
  Crs crs;
  crs.m_definition = definition;
  const PJ_TYPE t = horizontal_type(pj.get());
  crs.m_geographic = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  crs.m_projected = t == PJ_TYPE_PROJECTED_CRS;
  const char* auth = proj_get_id_auth_name(pj.get(), 0);
  const char* code = proj_get_id_code(pj.get(), 0);
  if (auth && code) {
    crs.m_label = std::string(auth) + ":" + code;
  } else {
    // Identify a WKT or PROJ string with its EPSG code when PROJ is fully confident.
    int* confidence = nullptr;
    PJ_OBJ_LIST* matches = proj_identify(PJ_DEFAULT_CTX, pj.get(), "EPSG", nullptr, &confidence);
    if (matches && proj_list_get_count(matches) > 0 && confidence[0] == 100) {
      PjPtr best(proj_list_get(PJ_DEFAULT_CTX, matches, 0));
      const char* c = proj_get_id_code(best.get(), 0);
      if (c) crs.m_label = std::string("EPSG:") + c;
    }
    if (matches) proj_list_destroy(matches);
    if (confidence) proj_int_list_destroy(confidence);
    if (crs.m_label.empty()) {
      // PROJ names a bare PROJ string "unknown"; the definition itself says more.
      const char* name = proj_get_name(pj.get());
      crs.m_label = name && std::string(name) != "unknown" ? name : definition;
    }
  }
  cache.emplace(definition, crs);
  return crs;
}

struct CrsTransform::Impl {
  PjPtr pj;
  bool angular_in = false;  // operation() only: input in radians per PROJ, we take degrees
  bool angular_out = false;
};

CrsTransform::CrsTransform(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CrsTransform::~CrsTransform() = default;

std::shared_ptr<const CrsTransform> CrsTransform::between(const Crs& source, const Crs& target) {
  static std::map<std::pair<std::string, std::string>, std::shared_ptr<const CrsTransform>> cache;
  const auto key = std::make_pair(source.definition(), target.definition());
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  PjPtr raw(proj_create_crs_to_crs(PJ_DEFAULT_CTX, source.definition().c_str(), target.definition().c_str(), nullptr));
  if (!raw)
    throw DataError("no transformation from " + source.label() + " to " + target.label() + ": " + last_proj_error());
  PjPtr norm(proj_normalize_for_visualization(PJ_DEFAULT_CTX, raw.get()));
  if (!norm) throw DataError("cannot normalise the axis order of " + source.label());
  auto impl = std::make_unique<Impl>();
  impl->pj = std::move(norm);
  std::shared_ptr<const CrsTransform> t(new CrsTransform(std::move(impl)));
  cache.emplace(key, t);
  return t;
}

std::shared_ptr<const CrsTransform> CrsTransform::to_wgs84(const Crs& source) { return between(source, Crs::wgs84()); }

std::shared_ptr<const CrsTransform> CrsTransform::operation(const std::string& proj_string) {
  PjPtr pj(proj_create(PJ_DEFAULT_CTX, proj_string.c_str()));
  if (!pj) throw DataError("invalid PROJ operation " + quote(proj_string) + ": " + last_proj_error());
  auto impl = std::make_unique<Impl>();
  impl->angular_in = proj_angular_input(pj.get(), PJ_FWD);
  impl->angular_out = proj_angular_output(pj.get(), PJ_FWD);
  impl->pj = std::move(pj);
  return std::shared_ptr<const CrsTransform>(new CrsTransform(std::move(impl)));
}

namespace {
PlanarXY run(PJ* pj, PJ_DIRECTION dir, PlanarXY p, bool deg_in, bool deg_out) {
  PJ_COORD c = proj_coord(deg_in ? proj_torad(p.x) : p.x, deg_in ? proj_torad(p.y) : p.y, 0, 0);
  proj_errno_reset(pj);
  PJ_COORD r = proj_trans(pj, dir, c);
  if (proj_errno(pj) != 0 || r.xy.x == HUGE_VAL)
    return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  return {deg_out ? proj_todeg(r.xy.x) : r.xy.x, deg_out ? proj_todeg(r.xy.y) : r.xy.y};
}
}  // namespace

PlanarXY CrsTransform::forward(PlanarXY p) const {
  return run(m_impl->pj.get(), PJ_FWD, p, m_impl->angular_in, m_impl->angular_out);
}

PlanarXY CrsTransform::inverse(PlanarXY p) const {
  return run(m_impl->pj.get(), PJ_INV, p, m_impl->angular_out, m_impl->angular_in);
}

}  // namespace geoclaim
