#pragma once
// Credentials never leave geoclaim: a `PG:` connection string may carry a password, a URL a
// `user:password@`. Every message, report and QGIS reference passes through these functions,
// so that the password is in no output (issue 9). libpq finds a password geoclaim left out in
// PGPASSFILE (~/.pgpass) or a PGSERVICE entry (docs/language.md, "Databases").
#include <string>
#include <vector>

namespace geoclaim {

/// `text` with every credential replaced by `***`: the value of each `password=` keyword (of a
/// PG: connection string, quoted or not, any case) and the password of each URL's
/// `user:password@`. Text without credentials is returned as it is.
std::string redact_credentials(const std::string& text);

/// A byte range of a text that redact_credentials replaced by `***`.
struct Redacted {
  size_t begin = 0, end = 0;
};

/// redact_credentials, also giving the ranges it replaced (in `text`, ascending).
std::string redact_credentials(const std::string& text, std::vector<Redacted>& replaced);

/// A `PG:` connection string without its `password` keyword (or a URL's password), for a
/// reference that another program opens (QGIS, through libpq, which then reads the password
/// from PGPASSFILE or the PGSERVICE entry).
std::string without_password(const std::string& connection);

}  // namespace geoclaim
