#include "app/WriteResults.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "engine/Credentials.hpp"
#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "io/CheckedWrite.hpp"
#include "io/OgrWriter.hpp"
#include "io/OutputFolder.hpp"
#include "layers/GoogleEarth.hpp"
#include "layers/InputLayers.hpp"
#include "layers/ProjectTree.hpp"
#include "layers/QgisCrs.hpp"
#include "layers/QgisProject.hpp"
#include "layers/ReportHtml.hpp"
#include "layers/ResultLayers.hpp"
#include "layers/Zones.hpp"

namespace geoclaim::app {
namespace {

void write_text(const std::string& path, const std::string& text) { io::write_file_checked(path, text); }

/// One layer of the folder, with how it is drawn.
struct OutputLayer {
  std::string stem;
  Layer layer;
  GeomFamily family;
  layers::StyleKind style;
  std::string job_name = {};  ///< an input's name in the job; empty for result layers
};

/// The original source of an input written only in part, for the project to reference (QGIS
/// opens GeoPackage, FlatGeobuf and PostGIS sources directly); hidden by default, plainly
/// styled. Other formats are not referenced: QGIS would read a CSV as a table without points.
std::optional<layers::ProjectLayer> original_source(const layers::InputLayer& in, const std::string& dir) {
  const LayerSource& src = in.original;
  std::string datasource;
  if (src.driver == "PostgreSQL") {
    // Without the password: QGIS (libpq) reads it from PGPASSFILE or the PGSERVICE entry.
    datasource = without_password(src.path) + "|layername=" + src.layer;
  } else if (src.driver == "GPKG" || src.driver == "FlatGeobuf") {
    std::error_code ec;
    const auto rel = std::filesystem::relative(std::filesystem::absolute(src.path), std::filesystem::absolute(dir), ec);
    datasource = ec ? src.path : rel.string();
    if (src.driver == "GPKG") datasource += "|layername=" + src.layer;
  } else {
    return std::nullopt;
  }
  return layers::ProjectLayer{in.job_name + " (whole source)", datasource, in.family, layers::StyleKind::original,
                              false};
}

/// Layers bottom to top: zones, input polygons, lines, points, evidence, attribution, claims;
/// `originals` receives the sources of inputs written in part.
std::vector<OutputLayer> build_layers(const JobResult& job, const std::string& dir,
                                      std::vector<layers::ProjectLayer>& originals) {
  using layers::StyleKind;
  std::vector<OutputLayer> out;
  // A result layer with nothing in it is left out: QGIS would show it as a table without
  // geometry (a GeoJSON file without features says no geometry type).
  auto add_result = [&out](const char* stem, Layer layer, GeomFamily fam, StyleKind style) {
    if (layer.size() > 0) out.push_back({stem, std::move(layer), fam, style});
  };
  add_result("zones", layers::zones_layer(job), GeomFamily::polygon, StyleKind::zones);
  auto inputs = layers::input_layers(job);
  for (const auto& in : inputs)
    if (in.partial)
      if (auto original = original_source(in, dir)) originals.push_back(std::move(*original));
  for (GeomFamily fam : {GeomFamily::polygon, GeomFamily::line, GeomFamily::point})
    for (auto& in : inputs)
      if (in.family == fam) out.push_back({in.file_stem, std::move(in.layer), fam, StyleKind::input, in.job_name});
  add_result("uncertainty", layers::uncertainty_layer(job), GeomFamily::polygon, StyleKind::uncertainty);
  add_result("evidence", layers::evidence_layer(job), GeomFamily::line, StyleKind::evidence);
  add_result("attribution", layers::attribution_layer(job), GeomFamily::point, StyleKind::attribution);
  add_result("claims", layers::claims_layer(job), GeomFamily::point, StyleKind::claims);
  return out;
}

/// Evidence lines per claim in results.kmz (the representative one always among them): libkml
/// takes time that grows with the square of a layer's size to write it (500 lines: 7 s, 2,000:
/// 190 s), and Google Earth shows a few dozen lines per claim as well as thousands.
constexpr size_t kKmzEvidencePerClaim = 50;

/// Google Earth's view of `view`: straight down on its centre, from about its larger side away
/// (its field of view is some 60° across), or none for no extent.
std::optional<io::KmlLookAt> look_at(const GeoBox& view) {
  if (!view.valid()) return std::nullopt;
  const double lat = (view.min_lat + view.max_lat) / 2, lon = (view.min_lon + view.max_lon) / 2;
  const double across = layers::box_across_m(view);
  return io::KmlLookAt{std::remainder(lon, 360.0), lat, std::max(500.0, 1.1 * across)};  // within ±180°
}

/// results.kmz: the claims, evidence, zones and places, for Google Earth (zones at the bottom),
/// each layer opening on `view` (the QGIS project's opening view).
void write_google_earth(const JobResult& job, const std::vector<OutputLayer>& out, const std::string& path,
                        const GeoBox& view) {
  std::vector<layers::KmlLayer> kml;
  for (const auto& o : out)
    if (o.style == layers::StyleKind::evidence)
      kml.push_back(layers::kml_layer(layers::evidence_layer(job, kKmzEvidencePerClaim), o.style));
    else if (o.style == layers::StyleKind::zones || o.style == layers::StyleKind::claims ||
             (o.style == layers::StyleKind::input && o.stem == "places"))
      kml.push_back(layers::kml_layer(o.layer, o.style));
  std::vector<io::KmlLayer> written;
  for (const auto& k : kml) written.push_back({&k.layer, &k.styles});
  io::write_kmz(written, "geoclaim: " + job.job_path, path, look_at(view));
}

/// Writes every file of the folder into its temporary folder. @throw DataError
void write_files(const JobResult& job, const ReportRequest& request, const layers::RunInfo& run,
                 io::OutputFolder& folder);

}  // namespace

void write_results(const JobResult& job, const ReportRequest& request, const layers::RunInfo& run,
                   const std::vector<std::string>& inputs) {
  // Every path the job read: the job itself, its layers, and what the source read besides
  // (reported-claims tables).
  std::vector<std::string> protect = inputs;
  protect.push_back(job.job_path);
  for (const auto& [name, named] : job.layers) protect.push_back(named.layer->source().path);
  io::OutputFolder folder(request.dir, protect);
  try {
    write_files(job, request, run, folder);
  } catch (const DataError& e) {
    throw DataError("cannot write the results to " + quote_path(request.dir) +
                    " (any earlier result there is left as it was): " + e.what());
  }
  folder.commit();
}

namespace {

void write_files(const JobResult& job, const ReportRequest& request, const layers::RunInfo& run,
                 io::OutputFolder& folder) {
  std::vector<layers::ProjectLayer> originals;
  std::vector<OutputLayer> out = build_layers(job, request.dir, originals);
  const bool gpkg = request.format == "gpkg";

  std::vector<layers::FolderLayer> listed;  // bottom to top
  for (const auto& o : out) listed.push_back({o.stem, &o.layer, o.family, o.style, o.job_name});
  // The project opens on the evidence; the claims' labels are stacked for that view.
  const GeoBox view = layers::evidence_extent(job, listed);
  if (!out.empty() && out.back().style == layers::StyleKind::claims) {
    Layer labels = layers::claim_labels_layer(out.back().layer, view);
    out.push_back({"claim_labels", std::move(labels), GeomFamily::point, layers::StyleKind::claim_labels});
    listed.clear();
    for (const auto& o : out) listed.push_back({o.stem, &o.layer, o.family, o.style, o.job_name});
  }
  auto qml = [](const OutputLayer& o) {
    return layers::style_qml(o.style, o.family,
                             o.style == layers::StyleKind::input ? layers::label_field(o.layer) : "");
  };

  if (gpkg) {
    std::vector<io::StyledLayer> styled;
    for (const auto& o : out) styled.push_back({&o.layer, qml(o)});
    io::write_geopackage(styled, folder.file("results.gpkg"));
  } else {
    for (const auto& o : out) {
      io::write_geojson(o.layer, folder.file(o.stem + ".geojson"));
      write_text(folder.file(o.stem + ".qml"), qml(o));
    }
  }
  write_text(folder.file("project.qgs"),
             layers::project_qgs("geoclaim: " + job.job_path, layers::project_tree(job, listed, originals, gpkg), view,
                                 layers::map_epsg(view)));
  write_text(folder.file("report.md"), layers::report_markdown(job, run));
  write_text(folder.file("report.html"), layers::report_html(job, run));
  write_google_earth(job, out, folder.file("results.kmz"), view);
  // Last, as it lists the folder's files: a later run replaces only what geoclaim wrote.
  const std::string report_json = folder.file("report.json");
  layers::RunInfo listed_run = run;
  listed_run.files = folder.files();
  write_text(report_json, layers::report_json(job, listed_run));
}

}  // namespace

}  // namespace geoclaim::app
