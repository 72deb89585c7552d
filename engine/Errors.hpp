#pragma once
// The one error hierarchy of geoclaim. Each kind maps to one exit code of the command line
// (see docs/cli.md): a false claim is never an error, it is a verdict.
#include <stdexcept>
#include <string>

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

/// A coordinate text could not be read; the message quotes the text. Callers add the file,
/// line and column and rethrow as DataError or ScriptError.
class CoordinateError : public Error {
 public:
  using Error::Error;
};

}  // namespace geoclaim
