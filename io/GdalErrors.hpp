#pragma once
// GDAL reports errors through a global handler; this turns them into geoclaim exceptions in
// one place. A CaptureGdalErrors scope records GDAL's last message instead of printing it.
#include <string>

namespace geoclaim::io {

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
};

/// Registers GDAL's drivers once.
void ensure_gdal();

}  // namespace geoclaim::io
