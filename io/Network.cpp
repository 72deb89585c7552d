#include "io/Network.hpp"

#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>

#include <atomic>
#include <cstring>
#include <string>
#include <vector>

#include "engine/Errors.hpp"

namespace geoclaim::io {
namespace {

std::atomic<bool> g_allowed{false};
std::atomic<bool> g_set_up{false};

constexpr const char* kHint = "network access is off; run geoclaim with --allow-network to read it";

/// GDAL's virtual file systems that read local data (or memory) only. Every other prefix is a
/// network one, including any a later GDAL adds.
bool is_local_prefix(const std::string& prefix) {
  static const char* const kLocal[] = {"/vsimem/",
                                       "/vsizip/",
                                       "/vsitar/",
                                       "/vsigzip/",
                                       "/vsi7z/",
                                       "/vsirar/",
                                       "/vsisubfile/",
                                       "/vsisparse/",
                                       "/vsicrypt/",
                                       "/vsistdout/",
                                       "/vsistdout_redirect/",
                                       "/vsistdin/",
                                       "/vsistdin?"};
  for (const char* p : kLocal)
    if (prefix == p) return true;
  return false;
}

/// A file system that opens nothing, and says why.
class Refuse final : public VSIFilesystemHandler {
 public:
  explicit Refuse(const char* why) : m_why(why) {}
  VSIVirtualHandle* Open(const char* path, const char*, bool, CSLConstList) override {
    CPLError(CE_Failure, CPLE_AppDefined, "'%s': %s", path, m_why);
    errno = EACCES;
    return nullptr;
  }
  int Stat(const char*, VSIStatBufL*, int) override {
    errno = EACCES;
    return -1;
  }
  char** ReadDirEx(const char*, int) override { return nullptr; }
  char** SiblingFiles(const char*) override { return nullptr; }

 private:
  const char* m_why;
};

CPLHTTPResult* refuse_fetch(const char* url, CSLConstList, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc, void*,
                            void*) {
  const std::string message = std::string("'") + (url ? url : "") + "': " + kHint;
  CPLError(CE_Failure, CPLE_AppDefined, "%s", message.c_str());
  auto* result = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
  result->nStatus = 1;
  result->pszErrBuf = CPLStrdup(message.c_str());
  return result;
}

}  // namespace

void allow_network(bool allowed) {
  if (g_set_up && allowed != g_allowed) throw Error("allow_network: GDAL is already set up");
  g_allowed = allowed;
}

void setup_network_access() {
  g_set_up = true;
  // VSIFileManager::InstallHandler drops the handler it replaces without deleting it: GDAL's own
  // handlers are kept here, reachable for the life of the process as GDAL meant them to be, so
  // replacing them leaks nothing (LeakSanitizer found the 14 of them). The list is never freed:
  // a static vector's destructor would run before the leak check at exit.
  static auto* const replaced = new std::vector<VSIFilesystemHandler*>;
  const auto install = [](const char* prefix, VSIFilesystemHandler* handler) {
    replaced->push_back(VSIFileManager::GetHandler(prefix));
    VSIFileManager::InstallHandler(prefix, handler);
  };
  // Standard input is never read, also not through a VRT: it could wait for ever (the paths of
  // a job are refused with their own message, io/InputGuards.hpp).
  static Refuse stdin_refused("geoclaim does not read standard input (it could wait for ever)");
  install("/vsistdin/", &stdin_refused);
  install("/vsistdin?", &stdin_refused);
  if (g_allowed) return;
  char** prefixes = VSIGetFileSystemsPrefixes();
  static Refuse refuse(kHint);
  for (int i = 0; prefixes && prefixes[i]; ++i)
    if (!is_local_prefix(prefixes[i])) install(prefixes[i], &refuse);
  CSLDestroy(prefixes);
  CPLHTTPSetFetchCallback(refuse_fetch, nullptr);
}

}  // namespace geoclaim::io
