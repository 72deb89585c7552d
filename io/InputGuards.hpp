#pragma once
// Inputs that would keep geoclaim waiting or busy for ever are refused before GDAL opens them
// (issue 9: a named pipe, or /vsistdin/ on an open pipe, blocked for ever). Each refusal is a
// DataError that names the path and says why. Text tables GDAL would misread or crawl through
// are refused by check_text_table (io/CsvLines.hpp).
#include <cstdint>
#include <string>

namespace geoclaim::io {

/// The most an archive member (/vsizip/, /vsitar/, /vsigzip/ …) may hold uncompressed: 2 GiB.
constexpr uint64_t kMaxUncompressedBytes = uint64_t{2} << 30;

/// Refuses a path that does not exist: a file by the file system; a /vsizip/, /vsitar/, … member
/// or a /vsimem/ file by GDAL's VSIStat (std::filesystem knows nothing of them), naming the
/// archive and the member that it lacks. A database (PG:) or network path passes: GDAL says
/// what is wrong with it when it opens it. Call it after check_input_path, which refuses a
/// pipe that this stat would wait on. @throw DataError
void require_input_exists(const std::string& path);

/// Refuses /vsistdin/, a path (or the archive a /vsi member is read from) that is not a regular
/// file or a folder (a named pipe, a device, a socket), and an archive member larger than
/// kMaxUncompressedBytes uncompressed. A path that does not exist passes (it is reported where
/// it is opened). @throw DataError
void check_input_path(const std::string& path);

/// Makes GDAL's local file system open only files and folders (and /dev/null), wherever GDAL
/// opens a path: a VRT's source, a sidecar file beside an input, a /vsisubfile/. Called once,
/// when GDAL is set up (io/GdalErrors.cpp ensure_gdal).
void guard_local_files();

}  // namespace geoclaim::io
