#include "io/LibraryVersions.hpp"

#include <gdal.h>

#include "engine/LibraryVersions.hpp"

namespace geoclaim::io {

std::vector<std::pair<std::string, std::string>> library_versions() {
  std::vector<std::pair<std::string, std::string>> out{{"GDAL", GDALVersionInfo("RELEASE_NAME")}};
  for (auto& v : engine_library_versions()) out.push_back(std::move(v));
  return out;
}

}  // namespace geoclaim::io
