#pragma once
// The one error hierarchy of geoclaim. Each kind maps to one exit code of the command line
// (see docs/cli.md): a false claim is never an error, it is a verdict.
#include <stdexcept>
#include <string>
#include <utility>

namespace geoclaim {

/// Base of every error geoclaim throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The job script is wrong (syntax, unknown name, unknown unit): exit code 2.
class ScriptError : public Error {
 public:
  using Error::Error;
};

/// The data is wrong or unreadable (missing file, bad coordinate, unknown CRS): exit code 3.
/// The message already names the file and, where known, the line or feature.
class DataError : public Error {
 public:
  using Error::Error;
};

/// A geometry operation failed inside GEOS (a null result, an exception code): a bug in geoclaim
/// or in GEOS, not bad data: exit code 4. The message names the operation and quotes GEOS's own
/// words; geos_message() holds those alone.
class GeometryError : public Error {
 public:
  GeometryError(const std::string& message, std::string geos_message)
      : Error(message), m_geos_message(std::move(geos_message)) {}
  /// GEOS's message ("IllegalArgumentException: …"); empty when GEOS gave none.
  const std::string& geos_message() const noexcept { return m_geos_message; }

 private:
  std::string m_geos_message;
};

/// A coordinate text could not be read; the message quotes the text. Callers add the file,
/// line and column and rethrow as DataError or ScriptError.
class CoordinateError : public Error {
 public:
  using Error::Error;
};

/// A date or time could not be read or is not a real one (2016-02-30); the message quotes it.
/// Callers add where it came from and rethrow as DataError or ScriptError.
class TimeError : public Error {
 public:
  using Error::Error;
};

}  // namespace geoclaim
