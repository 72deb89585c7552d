#pragma once
// Every library geoclaim reads, measures and writes with, and its version as the library
// reports it at run time, for the report's method paragraph: GDAL, then the engine's.
#include <string>
#include <utility>
#include <vector>

namespace geoclaim::io {

/// {"GDAL", "3.6.2"}, {"PROJ", …}, {"GEOS", …}, {"GeographicLib", …}.
std::vector<std::pair<std::string, std::string>> library_versions();

}  // namespace geoclaim::io
