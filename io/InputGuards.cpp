#include "io/InputGuards.hpp"

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "io/Network.hpp"
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

namespace {

void check_input_path_at(const std::string& path, int depth);

/// How deep VRTs may name VRTs, and how large a VRT is read to find its sources.
constexpr int kMaxVrtDepth = 8;
constexpr uint64_t kMaxVrtBytes = uint64_t{16} << 20;

bool is_vrt(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".vrt";
}

/// The text of every <SrcDataSource> under `node`, with whether it is relative to the VRT.
void collect_sources(const CPLXMLNode* node, std::vector<std::pair<std::string, bool>>& out) {
  for (const CPLXMLNode* n = node; n; n = n->psNext) {
    if (n->eType != CXT_Element) continue;
    if (std::string_view(n->pszValue) == "SrcDataSource")
      out.emplace_back(CPLGetXMLValue(n, nullptr, ""), CPLTestBool(CPLGetXMLValue(n, "relativeToVRT", "0")));
    collect_sources(n->psChild, out);
  }
}

/// A VRT opens its sources itself, out of geoclaim's sight: each is checked as a job's own path
/// would be (a named pipe would hang for ever), and a database source is refused unless the
/// network is allowed, since connecting to the host a downloaded VRT names could send it a
/// password libpq finds in PGPASSFILE or a service (review of issue 9).
void check_vrt_sources(const std::string& path, int depth) {
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) != 0 || static_cast<uint64_t>(st.st_size) > kMaxVrtBytes) return;
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return;
  std::string text(static_cast<size_t>(st.st_size), '\0');
  text.resize(VSIFReadL(text.data(), 1, text.size(), f));
  VSIFCloseL(f);
  const std::unique_ptr<CPLXMLNode, void (*)(CPLXMLNode*)> root(CPLParseXMLString(text.c_str()),
                                                                 CPLDestroyXMLNode);
  if (!root) return;  // not XML: GDAL says so when it opens it
  std::vector<std::pair<std::string, bool>> sources;
  collect_sources(root.get(), sources);
  static const char* const kDatabases[] = {"PG:", "MYSQL:", "MSSQL:", "OCI:", "ODBC:", "HANA:", "MONGODBV3:"};
  for (const auto& [source, relative] : sources) {
    for (const char* db : kDatabases)
      if (source.size() >= std::strlen(db) && EQUALN(source.c_str(), db, std::strlen(db)) && !network_allowed())
        throw DataError("cannot read " + quote_path(path) + ": it reads the database " + quote_path(source) +
                        ", and a VRT's database sources are read only with network access allowed ('set "
                        "network on' in the job or geoclaim's --allow-network): connecting could send a stored "
                        "password to the host it names");
    const std::string resolved =
        relative ? (std::filesystem::path(path).parent_path() / source).string() : source;
    if (depth >= kMaxVrtDepth)
      throw DataError("cannot read " + quote_path(path) + ": VRTs name VRTs more than " +
                      std::to_string(kMaxVrtDepth) + " deep");
    try {
      check_input_path_at(resolved, depth + 1);
    } catch (const DataError& e) {
      throw DataError("cannot read " + quote_path(path) + " (its source " + quote_path(source) + "): " + e.what());
    }
  }
}

void check_input_path_at(const std::string& path, int depth) {
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
  if (is_vrt(path)) check_vrt_sources(path, depth);
}

}  // namespace

void check_input_path(const std::string& path) { check_input_path_at(path, 0); }

}  // namespace geoclaim::io
