#pragma once
#include <string>

namespace geoclaim::io {
/// Lowercase hex SHA-256 of a file's bytes (OpenSSL); empty when it cannot be read.
std::string sha256_of_file(const std::string& path);
/// Lowercase hex SHA-256 of bytes.
std::string sha256_of(const std::string& bytes);
}  // namespace geoclaim::io
