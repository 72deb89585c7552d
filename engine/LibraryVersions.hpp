#pragma once
// The versions of the libraries the engine measures with, as they report themselves at run
// time (PROJ's proj_info, GEOS's GEOSversion; GeographicLib has no run-time call, so the
// version of its headers, which its shared library must match). The report's method
// paragraph names them; io/ adds GDAL's.
#include <string>
#include <utility>
#include <vector>

namespace geoclaim {

/// {"PROJ", "9.1.1"} (proj_info().version), {"GEOS", "3.11.1-CAPI-1.17.1"}, {"GeographicLib", "2.1.2"}, in that order.
std::vector<std::pair<std::string, std::string>> engine_library_versions();

}  // namespace geoclaim
