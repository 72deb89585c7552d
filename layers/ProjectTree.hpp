#pragma once
// Which layers project.qgs lists, and how (docs/outputs.md, QGIS): the folder's layers at the
// root; zones too large to fill the map in a group of their own, off; a group per claim of
// filtered layers on the same files (its point, evidence, uncertainty, subject, object, zone)
// with a map theme that shows only that group; the view on the evidence.
#include <string>
#include <vector>

#include "engine/JobResult.hpp"
#include "layers/QgisProject.hpp"

namespace geoclaim::layers {

/// One layer of the output folder.
struct FolderLayer {
  std::string stem;  ///< file stem or GeoPackage table
  const Layer* layer = nullptr;
  GeomFamily family = GeomFamily::point;
  StyleKind style = StyleKind::input;
  std::string job_name = {};  ///< an input's name in the job ("strikes", "places"); empty for results
};

/// A zone whose bounds are wider or taller than this is drawn as an outline and kept off.
inline constexpr double kLargeZoneM = 200000.0;

/// True when `zone`'s bounding box measures more than kLargeZoneM across either way (geodesic
/// width at its middle latitude, height along its middle meridian; for a cap round a pole,
/// twice its reach from the pole).
bool is_large_zone(const GEOSGeometry* zone);

/// The larger of a box's geodesic width at its middle latitude and its height along its middle
/// meridian, in metres.
double box_across_m(const GeoBox& box);

/// The field an input layer is labelled with: `name` if it has one, else the field holding the
/// features' ids (an `id` column), else none ("").
std::string label_field(const Layer& layer);

/// The claims' labels on the map: claims whose points lie closer than 1 % of the view's width
/// (ten pixels or so at the opening view; on one point, the usual case, they coincide) share
/// one label point, at the first one's, whose `label` lists each claim on a line,
/// "southeast: supported" (the same line from several features once, with "×N"; an `each`
/// claim's lines name their features, "each_in_unit 3: supported").
/// Fields: `label`, `claim_ids` ("southeast, on_wells").
Layer claim_labels_layer(const Layer& claims, const GeoBox& view);

/// The project's layers and groups; `folder` bottom to top, `originals` (large inputs' whole
/// sources) at the bottom.
ProjectTree project_tree(const JobResult& job, const std::vector<FolderLayer>& folder,
                         const std::vector<ProjectLayer>& originals, bool gpkg);

/// What the project opens on: the bounds of the claims, evidence lines, attributions,
/// uncertainty discs, claim subjects and the small features (kLargeZoneM) of claim objects
/// (not the zones, not the rest of the inputs), padded by 10 % (at least ~20 m) on each side,
/// room for labels; every non-zone layer when those are empty.
GeoBox evidence_extent(const JobResult& job, const std::vector<FolderLayer>& folder);

/// The least box holding `boxes` on the globe: its longitudes the shortest arc that covers
/// theirs, so points at 179.9°E and 179.9°W give 179.9°..180.1° (`max_lon` then beyond 180°),
/// not the 359.8° between them; the whole circle when they leave no gap.
GeoBox covering_box(const std::vector<GeoBox>& boxes);

}  // namespace geoclaim::layers
