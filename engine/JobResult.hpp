#pragma once
// Everything a job produced, as plain data for the writers in layers/ and io/ and for the
// command line. It knows nothing of the script or the language that produced it.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/Attribution.hpp"
#include "engine/Claims.hpp"
#include "engine/Layer.hpp"
#include "engine/Tolerance.hpp"

namespace geoclaim {

/// A loaded or defined layer and what kind of name it is.
struct NamedLayer {
  enum class Kind { layer, place, selection };
  Kind kind = Kind::layer;
  std::shared_ptr<const Layer> layer;
};

struct ReportRequest {
  std::string dir;
  std::string format;  ///< "geojson" or "gpkg"
};

struct JobResult {
  std::string job_path;
  std::vector<std::pair<std::string, NamedLayer>> layers;  ///< in definition order
  std::vector<ClaimResult> claims;
  std::vector<Attribution> attributions;
  ToleranceTable tolerances;
  std::string working_crs;              ///< empty: chosen per claim
  std::vector<std::string> row_errors;  ///< from `check claims from`, "file:line: message"
  std::vector<std::string> warnings;
  std::vector<ReportRequest> reports;
};

}  // namespace geoclaim
