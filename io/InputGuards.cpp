#include "io/InputGuards.hpp"

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <vector>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "io/CsvLines.hpp"
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

/// What one check of a job's path has seen: each path is looked at once (VRTs that name each
/// other ten times a level made the walk exponential).
struct Walk {
  std::set<std::string> seen;
  int depth = 0;
};

void check_input_path_at(const std::string& path, Walk& walk);

/// How deep VRTs may name VRTs, and how large a VRT is read to find its sources.
constexpr int kMaxVrtDepth = 8;
constexpr uint64_t kMaxVrtBytes = uint64_t{16} << 20;

/// An OGR VRT document: GDAL knows one by its content, whatever the file is called.
bool is_vrt_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  const size_t at = text.find_first_not_of(" \t\r\n");
  constexpr std::string_view kRoot = "<OGRVRTDataSource";  // in any case, as GDAL reads it
  return at != std::string_view::npos && text.size() - at >= kRoot.size() &&
         EQUALN(text.data() + at, kRoot.data(), kRoot.size());
}

/// The file's text if it is a VRT (of at most kMaxVrtBytes), else "".
std::string vrt_text_of(const std::string& path) {
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) != 0 || !VSI_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > kMaxVrtBytes)
    return "";
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return "";
  std::string text(static_cast<size_t>(std::min<uint64_t>(st.st_size, 64)), '\0');
  text.resize(VSIFReadL(text.data(), 1, text.size(), f));
  if (is_vrt_text(text)) {
    text.resize(static_cast<size_t>(st.st_size));
    VSIFSeekL(f, 0, SEEK_SET);
    text.resize(VSIFReadL(text.data(), 1, text.size(), f));
  } else {
    text.clear();
  }
  VSIFCloseL(f);
  return text;
}

/// The text of every <SrcDataSource> under `node`, with whether it is relative to the VRT.
void collect_sources(const CPLXMLNode* node, std::vector<std::pair<std::string, bool>>& out) {
  for (const CPLXMLNode* n = node; n; n = n->psNext) {
    if (n->eType != CXT_Element) continue;
    if (EQUAL(n->pszValue, "SrcDataSource"))  // GDAL reads the tag in any case
      out.emplace_back(CPLGetXMLValue(n, nullptr, ""), CPLTestBool(CPLGetXMLValue(n, "relativeToVRT", "0")));
    collect_sources(n->psChild, out);
  }
}

/// A connection string of a database GDAL reads (libpq's URIs among them).
bool is_database(const std::string& source) {
  static const char* const kPrefixes[] = {
      "PG:", "PGB:", "POSTGRESQL://", "POSTGRES://", "MYSQL:", "MSSQL:", "OCI:", "ODBC:", "HANA:", "MONGODBV3:"};
  for (const char* p : kPrefixes)
    if (source.size() >= std::strlen(p) && EQUALN(source.c_str(), p, std::strlen(p))) return true;
  return false;
}

/// The text-table checks (io/CsvLines.hpp) of a VRT's source: a CSV/TSV (or any file named with
/// "CSV:"), or the CSVs of a folder or a zip that GDAL reads as a data source of their layers
/// (verification of issue 9: a shifted row in /vsizip/x.zip read as longitude 0).
void check_text_tables_in(const std::string& path, bool named_as_csv) {
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) != 0) return;  // reported where GDAL opens it
  if (VSI_ISREG(st.st_mode)) {
    const bool zip = text_table_extension(path) == ".zip";
    if (named_as_csv || is_delimited_text(path)) check_text_table(path);
    if (!zip) return;
  }
  const std::string folder = VSI_ISDIR(st.st_mode) || path.starts_with("/vsizip/") ? path : "/vsizip/" + path;
  constexpr int kMaxEntries = 1000;
  const std::unique_ptr<char*, void (*)(char**)> entries(VSIReadDirEx(folder.c_str(), kMaxEntries), CSLDestroy);
  for (int i = 0; entries && entries.get()[i]; ++i)
    if (is_delimited_text(entries.get()[i])) check_text_table(folder + "/" + entries.get()[i]);
}

/// A VRT opens its sources itself, out of geoclaim's sight: each is checked as a job's own path
/// would be (a text table's rows too), and a database source is refused unless the network is
/// allowed, since connecting to the host a downloaded VRT names could send it a password libpq
/// finds in PGPASSFILE or a service (review of issue 9). `text` is the VRT; `path` where it is
/// (relative sources are beside it).
void check_vrt_sources(const std::string& path, const std::string& text, Walk& walk) {
  const std::unique_ptr<CPLXMLNode, void (*)(CPLXMLNode*)> root(CPLParseXMLString(text.c_str()), CPLDestroyXMLNode);
  if (!root) return;  // not XML: GDAL says so when it opens it
  std::vector<std::pair<std::string, bool>> sources;
  collect_sources(root.get(), sources);
  for (const auto& [source, relative] : sources) {
    if (is_database(source)) {
      if (network_allowed()) continue;
      throw DataError("cannot read " + quote_path(path) + ": it reads the database " + quote_path(source) +
                      ", and a VRT's database sources are read only with network access allowed ('set "
                      "network on' in the job or geoclaim's --allow-network): connecting could send a stored "
                      "password to the host it names");
    }
    if (walk.depth >= kMaxVrtDepth)
      throw DataError("cannot read " + quote_path(path) + ": VRTs name VRTs more than " + std::to_string(kMaxVrtDepth) +
                      " deep");
    ++walk.depth;
    try {
      if (is_vrt_text(source)) {  // a VRT written inline
        check_vrt_sources(path, source, walk);
      } else {
        // "CSV:x.dat" names a text table whatever it is called.
        const bool csv_prefix = source.size() > 4 && EQUALN(source.c_str(), "CSV:", 4);
        const std::string named = csv_prefix ? source.substr(4) : source;
        const std::string resolved = relative ? (std::filesystem::path(path).parent_path() / named).string() : named;
        check_input_path_at(resolved, walk);
        check_text_tables_in(resolved, csv_prefix);
      }
    } catch (const DataError& e) {
      throw DataError("cannot read " + quote_path(path) + " (its source " + quote_path(source) + "): " + e.what());
    }
    --walk.depth;
  }
}

/// One spelling of a path for Walk::seen: "d0/../v2.vrt" and "v2.vrt" are one file.
std::string canonical_key(const std::string& path) {
  std::error_code ec;
  if (path.starts_with("/vsi")) return std::filesystem::path(path).lexically_normal().string();
  const std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? std::filesystem::path(path).lexically_normal().string() : p.string();
}

/// The most paths one job path may lead to through VRTs: spellings a canonical path cannot
/// merge (symbolic links inside a /vsigzip/ path) would otherwise let 40 KB of VRTs make
/// millions of visits (verification of issue 9).
constexpr size_t kMaxVrtPaths = 10000;

void check_input_path_at(const std::string& path, Walk& walk) {
  if (!walk.seen.insert(canonical_key(path)).second) return;
  if (walk.seen.size() > kMaxVrtPaths)
    throw DataError("cannot read " + quote_path(path) + ": VRTs name more than " + std::to_string(kMaxVrtPaths) +
                    " sources in all");
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
  if (const std::string vrt = vrt_text_of(path); !vrt.empty()) check_vrt_sources(path, vrt, walk);
}

}  // namespace

void check_input_path(const std::string& path) {
  Walk walk;
  check_input_path_at(path, walk);
}

namespace {

/// GDAL's local file system, opening only files and folders: a named pipe, a socket or a device
/// (but /dev/null) would keep a reader waiting for ever or feed it without end, wherever GDAL
/// meets it: a job's path (checked above, with its own message), a VRT's source whatever the VRT
/// is called, a sidecar GDAL opens beside an input (a CSV's .csvt, a shapefile's .prj or .dbf),
/// a /vsisubfile/ (review of issue 9). Everything else is GDAL's own handler's.
class FilesOnly final : public VSIFilesystemHandler {
 public:
  explicit FilesOnly(VSIFilesystemHandler* inner) : m_inner(inner) {}
  VSIVirtualHandle* Open(const char* path, const char* access, bool set_error, CSLConstList options) override {
    struct stat st {};
    if (path && ::stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) &&
        std::string_view(path) != "/dev/null") {
      CPLError(CE_Failure, CPLE_OpenFailed,
               "'%s' is %s, and geoclaim reads only files (a pipe could keep it "
               "waiting for ever)",
               printable_path(path).c_str(), kind_of(st.st_mode));
      errno = EACCES;
      return nullptr;
    }
    return m_inner->Open(path, access, set_error, options);
  }
  int Stat(const char* path, VSIStatBufL* buf, int flags) override { return m_inner->Stat(path, buf, flags); }
  int Unlink(const char* path) override { return m_inner->Unlink(path); }
  int* UnlinkBatch(CSLConstList files) override { return m_inner->UnlinkBatch(files); }
  int Mkdir(const char* path, long mode) override { return m_inner->Mkdir(path, mode); }
  int Rmdir(const char* path) override { return m_inner->Rmdir(path); }
  int RmdirRecursive(const char* path) override { return m_inner->RmdirRecursive(path); }
  char** ReadDir(const char* path) override { return m_inner->ReadDir(path); }
  char** ReadDirEx(const char* path, int max_files) override { return m_inner->ReadDirEx(path, max_files); }
  char** SiblingFiles(const char* path) override { return m_inner->SiblingFiles(path); }
  int Rename(const char* from, const char* to) override { return m_inner->Rename(from, to); }
  int IsCaseSensitive(const char* path) override { return m_inner->IsCaseSensitive(path); }
  GIntBig GetDiskFreeSpace(const char* path) override { return m_inner->GetDiskFreeSpace(path); }
  int SupportsSparseFiles(const char* path) override { return m_inner->SupportsSparseFiles(path); }
  int HasOptimizedReadMultiRange(const char* path) override { return m_inner->HasOptimizedReadMultiRange(path); }
  const char* GetActualURL(const char* path) override { return m_inner->GetActualURL(path); }
  const char* GetOptions() override { return m_inner->GetOptions(); }
  char* GetSignedURL(const char* path, CSLConstList options) override { return m_inner->GetSignedURL(path, options); }
  bool Sync(const char* from, const char* to, const char* const* options, GDALProgressFunc progress, void* data,
            char*** outputs) override {
    return m_inner->Sync(from, to, options, progress, data, outputs);
  }
  VSIDIR* OpenDir(const char* path, int depth, const char* const* options) override {
    return m_inner->OpenDir(path, depth, options);
  }
  char** GetFileMetadata(const char* path, const char* domain, CSLConstList options) override {
    return m_inner->GetFileMetadata(path, domain, options);
  }
  bool SetFileMetadata(const char* path, CSLConstList metadata, const char* domain, CSLConstList options) override {
    return m_inner->SetFileMetadata(path, metadata, domain, options);
  }
  bool AbortPendingUploads(const char* path) override { return m_inner->AbortPendingUploads(path); }
  std::string GetStreamingFilename(const std::string& path) const override {
    return m_inner->GetStreamingFilename(path);
  }
  bool IsLocal(const char* path) override { return m_inner->IsLocal(path); }
  bool SupportsSequentialWrite(const char* path, bool local_temp) override {
    return m_inner->SupportsSequentialWrite(path, local_temp);
  }
  bool SupportsRandomWrite(const char* path, bool local_temp) override {
    return m_inner->SupportsRandomWrite(path, local_temp);
  }
  bool SupportsRead(const char* path) override { return m_inner->SupportsRead(path); }

 private:
  VSIFilesystemHandler* m_inner;
};

}  // namespace

void guard_local_files() {
  // GDAL's default handler stays reachable through the guard, for the life of the process
  // (VSIFileManager drops a handler it replaces without deleting it).
  static auto* const guard = new FilesOnly(VSIFileManager::GetHandler(""));
  VSIFileManager::InstallHandler("", guard);
}

}  // namespace geoclaim::io
