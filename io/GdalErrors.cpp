#include "io/GdalErrors.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace geoclaim::io {
namespace {
thread_local std::string g_last;
thread_local bool g_failed = false;
void CPL_STDCALL record(CPLErr level, CPLErrorNum, const char* msg) {
  if (level >= CE_Failure) g_failed = true;
  if (level >= CE_Failure || g_last.empty()) g_last = msg ? msg : "";
}
}  // namespace

CaptureGdalErrors::CaptureGdalErrors() {
  g_last.clear();
  g_failed = false;
  CPLPushErrorHandler(record);
}

CaptureGdalErrors::~CaptureGdalErrors() { CPLPopErrorHandler(); }

std::string CaptureGdalErrors::last(const std::string& fallback) const { return g_last.empty() ? fallback : g_last; }

bool CaptureGdalErrors::failed() const { return g_failed; }

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Messages are captured and rethrown with the path; GDAL must not print them itself.
    CPLSetConfigOption("CPL_LOG", "/dev/null");
  });
}

}  // namespace geoclaim::io
