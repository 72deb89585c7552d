#include "io/GdalErrors.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "io/InputGuards.hpp"
#include "io/Network.hpp"

namespace geoclaim::io {
namespace {

enum class Kind { cpl, ogr };  ///< CPLErrorNum (the error handler's number) or OGRErr (a return value)

struct CodeRow {
  Kind kind;
  int code;
  GdalCode meaning;
};

// The one table of GDAL's error codes: their words, and whether the data is at fault (exit code
// 3) or GDAL or geoclaim is (exit code 4). Drivers report most data problems as CPLE_AppDefined
// or OGRERR_FAILURE, so those are data errors, as is any code not listed.
constexpr CodeRow kCodes[] = {
    {Kind::cpl, CPLE_None, {"no error number", true}},
    {Kind::cpl, CPLE_AppDefined, {"GDAL error", true}},
    {Kind::cpl, CPLE_OutOfMemory, {"out of memory", false}},
    {Kind::cpl, CPLE_FileIO, {"file I/O error", true}},
    {Kind::cpl, CPLE_OpenFailed, {"cannot open", true}},
    {Kind::cpl, CPLE_IllegalArg, {"illegal argument", true}},
    {Kind::cpl, CPLE_NotSupported, {"not supported", true}},
    {Kind::cpl, CPLE_AssertionFailed, {"GDAL assertion failed", false}},
    {Kind::cpl, CPLE_NoWriteAccess, {"no write access", true}},
    {Kind::cpl, CPLE_UserInterrupt, {"interrupted", false}},
    {Kind::cpl, CPLE_ObjectNull, {"null object", false}},
    {Kind::cpl, CPLE_HttpResponse, {"HTTP error", true}},
    {Kind::cpl, CPLE_AWSBucketNotFound, {"bucket not found", true}},
    {Kind::cpl, CPLE_AWSObjectNotFound, {"object not found", true}},
    {Kind::cpl, CPLE_AWSAccessDenied, {"access denied", true}},
    {Kind::cpl, CPLE_AWSInvalidCredentials, {"invalid credentials", true}},
    {Kind::cpl, CPLE_AWSSignatureDoesNotMatch, {"signature does not match", true}},
    {Kind::cpl, CPLE_AWSError, {"cloud storage error", true}},
    {Kind::ogr, OGRERR_NONE, {"no error", true}},
    {Kind::ogr, OGRERR_NOT_ENOUGH_DATA, {"not enough data", true}},
    {Kind::ogr, OGRERR_NOT_ENOUGH_MEMORY, {"not enough memory", false}},
    {Kind::ogr, OGRERR_UNSUPPORTED_GEOMETRY_TYPE, {"unsupported geometry type", true}},
    {Kind::ogr, OGRERR_UNSUPPORTED_OPERATION, {"operation not supported by the driver", false}},
    {Kind::ogr, OGRERR_CORRUPT_DATA, {"corrupt data", true}},
    {Kind::ogr, OGRERR_FAILURE, {"failure", true}},
    {Kind::ogr, OGRERR_UNSUPPORTED_SRS, {"unsupported spatial reference system", true}},
    {Kind::ogr, OGRERR_INVALID_HANDLE, {"invalid handle", false}},
    {Kind::ogr, OGRERR_NON_EXISTING_FEATURE, {"no such feature", true}},
};

GdalCode lookup(Kind kind, int code) {
  for (const CodeRow& r : kCodes)
    if (r.kind == kind && r.code == code) return r.meaning;
  return {"unknown GDAL error", true};
}

thread_local std::string g_last;
thread_local bool g_failed = false;
thread_local CPLErrorNum g_failure_number = CPLE_None;  ///< of the last failure

void CPL_STDCALL record(CPLErr level, CPLErrorNum number, const char* msg) {
  if (level >= CE_Failure) g_failed = true, g_failure_number = number;
  if (level >= CE_Failure || g_last.empty()) g_last = msg ? msg : "";
}

}  // namespace

GdalCode cpl_error_code(int cpl_error_num) { return lookup(Kind::cpl, cpl_error_num); }

GdalCode ogr_error_code(int ogr_err) { return lookup(Kind::ogr, ogr_err); }

void throw_ogr_error(int ogr_err, const std::string& message) {
  const GdalCode c = ogr_error_code(ogr_err);
  if (c.data_error) throw DataError(message);
  throw Error(message + " (GDAL: " + c.words + ")");
}

CaptureGdalErrors::CaptureGdalErrors() {
  g_last.clear();
  g_failed = false;
  g_failure_number = CPLE_None;
  CPLPushErrorHandler(record);
}

CaptureGdalErrors::~CaptureGdalErrors() { CPLPopErrorHandler(); }

// GDAL's messages may quote the data (a cell, a line of the file): made printable and bounded.
// Their own line breaks (libpq's "…failed.\nconnection to server…\n\tIs the server…") join
// the sentences with "; ", rather than show as "\n".
std::string CaptureGdalErrors::last(const std::string& fallback) const {
  if (g_last.empty()) return fallback;
  std::string joined;
  for (size_t i = 0; i < g_last.size(); ++i) {
    if (g_last[i] != '\n') {
      joined += g_last[i];
      continue;
    }
    while (i + 1 < g_last.size() && (g_last[i + 1] == '\t' || g_last[i + 1] == ' ' || g_last[i + 1] == '\n')) ++i;
    while (!joined.empty() && joined.back() == ' ') joined.pop_back();
    if (i + 1 < g_last.size() && !joined.empty()) joined += joined.back() == '.' ? " " : "; ";
  }
  return printable(joined, 300);
}

bool CaptureGdalErrors::failed() const { return g_failed; }

void CaptureGdalErrors::raise(const std::string& context, int ogr_err, const std::string& fallback) const {
  const GdalCode ogr = ogr_error_code(ogr_err);
  const std::string message = context + ": " + last(ogr_err != OGRERR_NONE ? ogr.words : fallback);
  if (cpl_error_code(g_failure_number).data_error && ogr.data_error) throw DataError(message);
  throw Error(message);
}

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    setup_network_access();  // off unless allowed (io/Network.hpp)
    guard_local_files();     // no pipe, socket or device, however GDAL comes to it (io/InputGuards.hpp)
    // Messages are captured and rethrown with the path; GDAL must not print them itself.
    CPLSetConfigOption("CPL_LOG", "/dev/null");
    // GDAL would leave X.gz.properties beside every /vsigzip/ input it reads: an input folder
    // is never written to.
    CPLSetConfigOption("CPL_VSIL_GZIP_WRITE_PROPERTIES", "NO");
  });
}

}  // namespace geoclaim::io
