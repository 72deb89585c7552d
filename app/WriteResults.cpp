#include "app/WriteResults.hpp"

#include <fstream>

#include "engine/Errors.hpp"
#include "io/OgrWriter.hpp"
#include "io/OutputFolder.hpp"
#include "layers/InputLayers.hpp"
#include "layers/ResultLayers.hpp"
#include "layers/Zones.hpp"

namespace geoclaim::app {
namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw DataError("cannot write '" + path + "'");
}

}  // namespace

void write_results(const JobResult& job, const ReportRequest& request, const layers::RunInfo& run) {
  io::OutputFolder folder(request.dir);
  std::vector<std::pair<std::string, Layer>> out;  // file stem, layer; drawing order bottom-up
  out.emplace_back("zones", layers::zones_layer(job));
  for (auto& in : layers::input_layers(job)) out.emplace_back(in.file_stem, std::move(in.layer));
  out.emplace_back("evidence", layers::evidence_layer(job));
  if (!job.attributions.empty()) out.emplace_back("attribution", layers::attribution_layer(job));
  out.emplace_back("claims", layers::claims_layer(job));

  if (request.format == "gpkg") {
    std::vector<const Layer*> all;
    for (const auto& [stem, layer] : out) all.push_back(&layer);
    io::write_geopackage(all, folder.file("results.gpkg"));
  } else {
    for (const auto& [stem, layer] : out) io::write_geojson(layer, folder.file(stem + ".geojson"));
  }
  write_text(folder.file("report.md"), layers::report_markdown(job, run));
  write_text(folder.file("report.json"), layers::report_json(job, run));
  folder.commit();
}

}  // namespace geoclaim::app
