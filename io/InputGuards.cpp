#include "io/InputGuards.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "io/OutputFolder.hpp"

namespace geoclaim::io {
namespace {

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

/// The first existing path of `p`, its parents in turn: the archive of "a.zip/member.csv".
std::filesystem::path existing_part(std::filesystem::path p) {
  struct stat st {};
  while (!p.empty() && ::stat(p.c_str(), &st) != 0) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  return p;
}

/// The names of an archive's members, for a message: at most `max`, then "…".
std::string member_list(const std::string& archive_vsi_path, size_t max = 10) {
  char** names = VSIReadDirRecursive(archive_vsi_path.c_str());
  std::string list;
  size_t n = 0;
  for (int i = 0; names && names[i]; ++i) {
    const std::string name = names[i];
    if (name.ends_with("/")) continue;  // a folder inside the archive
    if (n++ == max) {
      list += ", …";
      break;
    }
    list += (list.empty() ? "" : ", ") + quote_path(name);
  }
  CSLDestroy(names);
  return list;
}

}  // namespace

void require_input_exists(const std::string& path) {
  if (path.starts_with("PG:")) return;
  if (!path.starts_with("/vsi")) {
    if (!std::filesystem::exists(path)) throw DataError("no such file " + quote_path(path));
    return;
  }
  const std::string local = local_file_of(path);
  if (local.empty() && !path.starts_with("/vsimem/")) return;  // a network path
  VSIStatBufL st;
  if (VSIStatExL(path.c_str(), &st, VSI_STAT_EXISTS_FLAG) == 0) return;
  if (local.empty()) throw DataError("no such file " + quote_path(path));
  // "/vsizip/dir/a.zip/sub/b.csv": the archive is the part of the path that exists as a file.
  const std::filesystem::path found = existing_part(local);
  if (found.empty() || std::filesystem::is_directory(found)) {
    // Not even the archive is there: name the first part of the path that is missing.
    std::filesystem::path missing;
    for (const auto& part : std::filesystem::path(local)) {
      missing /= part;
      if (!std::filesystem::exists(missing)) break;
    }
    throw DataError("cannot read " + quote_path(path) + ": no such file " + quote_path(missing.string()));
  }
  // The archive as GDAL reads it ("/vsizip/a.zip", or "/vsizip/{a.zip}"), and the rest.
  const std::string archive = found.string();
  size_t end = path.find(local) + archive.size();
  if (end < path.size() && path[end] == '}') ++end;
  const std::string member = end + 1 < path.size() ? path.substr(end + 1) : "";
  const std::string members = member_list(path.substr(0, end));
  throw DataError("cannot read " + quote_path(path) + ": the archive " + quote_path(archive) + " has no member " +
                  quote_path(member) + (members.empty() ? "" : " (it holds " + members + ")"));
}

void check_input_path(const std::string& path) {
  if (path.starts_with("/vsistdin"))
    throw DataError("cannot read " + quote_path(path) +
                    ": geoclaim does not read standard input (it could wait for ever); " +
                    "save the data to a file and load that");
  const std::string local = local_file_of(path);
  if (local.empty()) return;  // a database or a network path
  const std::filesystem::path file = existing_part(local);
  struct stat st {};
  if (file.empty() || ::stat(file.c_str(), &st) != 0) return;
  if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    throw DataError("cannot read " + quote_path(path) + ": " + quote_path(file.string()) + " is " +
                    kind_of(st.st_mode) + ", and geoclaim reads only files (a pipe could keep it waiting for ever)");
  if (path.starts_with("/vsi")) {
    VSIStatBufL vst;
    if (VSIStatExL(path.c_str(), &vst, VSI_STAT_EXISTS_FLAG | VSI_STAT_SIZE_FLAG) == 0 &&
        static_cast<uint64_t>(vst.st_size) > kMaxUncompressedBytes)
      throw DataError("cannot read " + quote_path(path) + ": it holds " + std::to_string(vst.st_size) +
                      " bytes uncompressed, more than geoclaim reads from an archive (2 GiB)");
  }
}

}  // namespace geoclaim::io
