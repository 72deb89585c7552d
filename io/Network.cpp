#include "io/Network.hpp"

#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>

#include <cerrno>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace geoclaim::io {
namespace {

constexpr const char* kHint =
    "network access is off; allow it with 'set network on' in the job or geoclaim's --allow-network";

/// The switch, and GDAL's own network file systems, kept to put back when the network is
/// allowed after GDAL was set up (a job's `set network on`).
struct State {
  std::mutex mutex;
  bool allowed = false;
  bool set_up = false;
  std::vector<std::pair<std::string, VSIFilesystemHandler*>> network;  ///< prefix, GDAL's handler
  std::vector<VSIFilesystemHandler*> stdin_handlers;                   ///< GDAL's, replaced for good
};
/// Never freed: VSIFileManager::InstallHandler drops the handler it replaces without deleting
/// it, so GDAL's own handlers are kept here, reachable for the life of the process as GDAL meant
/// them to be (LeakSanitizer found the 14 of them lost). A static object's destructor would run
/// before the leak check at exit.
State& state() {
  static State* const s = new State;
  return *s;
}

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

/// Installs GDAL's own network file systems and HTTP client, or the refusals. The refusing
/// handler is allocated once and never freed by geoclaim: GDAL's file manager may delete the
/// handlers it holds when it is cleaned up.
void apply(const State& s) {
  static auto* const refuse = new Refuse(kHint);
  for (const auto& [prefix, own] : s.network) VSIFileManager::InstallHandler(prefix, s.allowed ? own : refuse);
  CPLHTTPSetFetchCallback(s.allowed ? nullptr : refuse_fetch, nullptr);
}

}  // namespace

void allow_network(bool allowed) {
  State& s = state();
  const std::lock_guard lock(s.mutex);
  if (s.allowed == allowed) return;
  s.allowed = allowed;
  if (s.set_up) apply(s);
}

bool network_allowed() {
  State& s = state();
  const std::lock_guard lock(s.mutex);
  return s.allowed;
}

void setup_network_access() {
  State& s = state();
  const std::lock_guard lock(s.mutex);
  s.set_up = true;
  // Standard input is never read, also not through a VRT: it could wait for ever (the paths of
  // a job are refused with their own message, io/InputGuards.hpp).
  static auto* const stdin_refused = new Refuse("geoclaim does not read standard input (it could wait for ever)");
  for (const char* prefix : {"/vsistdin/", "/vsistdin?"}) {
    s.stdin_handlers.push_back(VSIFileManager::GetHandler(prefix));
    VSIFileManager::InstallHandler(prefix, stdin_refused);
  }
  char** prefixes = VSIGetFileSystemsPrefixes();
  for (int i = 0; prefixes && prefixes[i]; ++i)
    if (!is_local_prefix(prefixes[i])) s.network.emplace_back(prefixes[i], VSIFileManager::GetHandler(prefixes[i]));
  CSLDestroy(prefixes);
  apply(s);
}

}  // namespace geoclaim::io
