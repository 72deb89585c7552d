#pragma once
// GDAL reports errors two ways: to a global handler, with a class (CPLErr) and a number
// (CPLErrorNum, CPLE_*), and as OGRErr return codes (OGRERR_*). This file turns both into
// geoclaim exceptions in one place, through one table of what each code means (GdalErrors.cpp):
// its words, and whether the data is at fault (DataError, exit code 3) or GDAL or geoclaim is
// (out of memory, a null handle: Error, exit code 4). A CaptureGdalErrors scope records GDAL's
// last message instead of printing it.
#include <string>

namespace geoclaim::io {

/// What a GDAL error code means.
struct GdalCode {
  const char* words;  ///< "corrupt data", "file I/O error"
  bool data_error;    ///< the data (or its path) is at fault, not GDAL or geoclaim
};
/// A CPLErrorNum (CPLE_*), as GDAL's error handler reports it; unknown numbers are data errors.
GdalCode cpl_error_code(int cpl_error_num);
/// An OGRErr (OGRERR_*), as OGR functions return it; unknown codes are data errors.
GdalCode ogr_error_code(int ogr_err);

/// Throws for a failed OGR call whose code says it all: DataError(`message`) when the data is at
/// fault, otherwise Error(`message` + the code's words).
[[noreturn]] void throw_ogr_error(int ogr_err, const std::string& message);

class CaptureGdalErrors {
 public:
  CaptureGdalErrors();
  ~CaptureGdalErrors();
  CaptureGdalErrors(const CaptureGdalErrors&) = delete;
  CaptureGdalErrors& operator=(const CaptureGdalErrors&) = delete;
  /// GDAL's last error message in this scope, or `fallback`.
  std::string last(const std::string& fallback = "unknown GDAL error") const;
  /// True when GDAL reported a failure (CE_Failure or worse) in this scope.
  bool failed() const;
  /// Throws for a failed step: "`context`: GDAL's last message" (else the words of `ogr_err`,
  /// the code the step returned, if any; else `fallback`). A DataError when the table says the
  /// data is at fault, for the number of GDAL's last failure and for `ogr_err`; otherwise Error.
  [[noreturn]] void raise(const std::string& context, int ogr_err = 0,
                          const std::string& fallback = "unknown GDAL error") const;
};

/// Registers GDAL's drivers once.
void ensure_gdal();

}  // namespace geoclaim::io
