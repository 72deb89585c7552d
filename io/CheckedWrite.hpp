#pragma once
// Writing a file so that a failure is never silent: every write, the flush to disk (fsync) and
// the close are checked, so a full disk or a file-size limit (`ulimit -f`) is an error naming
// the file, not a truncated file in a committed result.
#include <string>
#include <string_view>

namespace geoclaim::io {

/// Creates (or truncates) `path` and writes `bytes` to it, then fsyncs and closes it.
/// @throw DataError naming the path and the system's reason ("File too large", "No space left
/// on device").
void write_file_checked(const std::string& path, std::string_view bytes);

/// fsyncs a folder, so that the files and renames in it are on disk. Best effort: a file system
/// that cannot fsync a folder is not an error.
void sync_folder(const std::string& dir);

}  // namespace geoclaim::io
