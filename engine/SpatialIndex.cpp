#include "engine/SpatialIndex.hpp"

#include <array>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>

#include "engine/Layer.hpp"

namespace geoclaim {
namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;  // lon, lat degrees as x, y
using BBox = bg::model::box<BPoint>;
using Entry = std::pair<BBox, size_t>;

struct SpatialIndex::Impl {
  bgi::rtree<Entry, bgi::rstar<16>> tree;
  std::vector<GeoBox> bounds;  // by feature index
};

SpatialIndex::SpatialIndex(const Layer& layer) : m_impl(std::make_unique<Impl>()) {
  std::vector<Entry> entries;
  entries.reserve(layer.size());
  m_impl->bounds.reserve(layer.size());
  for (size_t i = 0; i < layer.size(); ++i) {
    const GeoBox b = envelope(layer.features()[i].geometry.get());
    m_impl->bounds.push_back(b);
    entries.emplace_back(BBox(BPoint(b.min_lon, b.min_lat), BPoint(b.max_lon, b.max_lat)), i);
  }
  m_impl->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());  // packing
}

SpatialIndex::~SpatialIndex() = default;

size_t SpatialIndex::size() const { return m_impl->tree.size(); }

const GeoBox& SpatialIndex::bounds(size_t i) const { return m_impl->bounds[i]; }

std::vector<std::array<double, 4>> search_boxes(const GeoPoint& p, double radius_m) {
  // A degree of latitude is at least 110,574 m on WGS84; a degree of longitude at least
  // 111,320 m * cos(lat) at the far edge of the box. 1 % extra absorbs the approximation.
  const double dlat = radius_m / 110574.0 * 1.01 + 1e-9;
  const double lat_lo = p.lat() - dlat, lat_hi = p.lat() + dlat;
  if (lat_lo <= -89.0 || lat_hi >= 89.0 || radius_m > 2.0e6)
    return {{-180.0, std::max(-90.0, lat_lo), 180.0, std::min(90.0, lat_hi)}};
  const double cos_far = std::cos(std::max(std::fabs(lat_lo), std::fabs(lat_hi)) * M_PI / 180.0);
  const double dlon = radius_m / (111320.0 * cos_far) * 1.01 + 1e-9;
  const double lon_lo = p.lon() - dlon, lon_hi = p.lon() + dlon;
  std::vector<std::array<double, 4>> boxes{{std::max(lon_lo, -180.0), lat_lo, std::min(lon_hi, 180.0), lat_hi}};
  if (lon_lo < -180.0) boxes.push_back({lon_lo + 360.0, lat_lo, 180.0, lat_hi});
  if (lon_hi > 180.0) boxes.push_back({-180.0, lat_lo, lon_hi - 360.0, lat_hi});
  return boxes;
}

void SpatialIndex::candidates_within(const GeoPoint& p, double radius_m, std::vector<size_t>& out) const {
  out.clear();
  for (const auto& b : search_boxes(p, radius_m)) {
    const BBox query(BPoint(b[0], b[1]), BPoint(b[2], b[3]));
    for (auto it = m_impl->tree.qbegin(bgi::intersects(query)); it != m_impl->tree.qend(); ++it)
      out.push_back(it->second);
  }
  if (out.size() > 1) {  // a feature may sit in both boxes across the antimeridian
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

void SpatialIndex::nearest_by_bounds(const GeoPoint& p, size_t k, std::vector<size_t>& out) const {
  out.clear();
  for (auto it = m_impl->tree.qbegin(bgi::nearest(BPoint(p.lon(), p.lat()), static_cast<unsigned>(k)));
       it != m_impl->tree.qend(); ++it)
    out.push_back(it->second);
}

}  // namespace geoclaim
