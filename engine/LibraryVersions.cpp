#include "engine/LibraryVersions.hpp"

#include <GeographicLib/Config.h>
#include <geos_c.h>
#include <proj.h>

namespace geoclaim {

std::vector<std::pair<std::string, std::string>> engine_library_versions() {
  return {{"PROJ", proj_info().version}, {"GEOS", GEOSversion()}, {"GeographicLib", GEOGRAPHICLIB_VERSION_STRING}};
}

}  // namespace geoclaim
