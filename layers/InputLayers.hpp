#pragma once
// Every loaded layer, selection and place, as output layers in WGS84 (docs/outputs.md):
// whole when small, only the features that take part in a result when large, one layer per
// geometry family when mixed.
#include <string>
#include <vector>

#include "engine/JobResult.hpp"

namespace geoclaim::layers {

struct InputLayer {
  std::string file_stem;  ///< "strikes", "footprints_polygon", "places"
  std::string job_name;   ///< the name in the job
  GeomFamily family = GeomFamily::point;
  Layer layer;           ///< polygon layers carry an extra integer field `geoclaim_hit` (1: hit)
  bool partial = false;  ///< only the features that take part in a result
  LayerSource original;  ///< the source, for the project to reference when partial
};

/// Layers larger than `whole_limit` features keep only those that take part in a result.
std::vector<InputLayer> input_layers(const JobResult& job, size_t whole_limit = 10000);

/// File stems the result layers use; an input of the same name gets "_input" appended, and an
/// input whose stem another input took gets "_2", "_3", ….
bool is_reserved_stem(const std::string& stem);

}  // namespace geoclaim::layers
