#include "io/CheckedWrite.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"

namespace geoclaim::io {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
  throw DataError("cannot " + what + " " + quote_path(path) + ": " + std::strerror(err));
}

}  // namespace

void write_file_checked(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("create", path, errno);
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // A write past `ulimit -f` fails with EFBIG once SIGXFSZ is ignored (app/main.cpp).
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      fail("write", path, err);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // A delayed allocation failure (a full disk on some file systems) shows only here.
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const int err = errno;
    ::close(fd);
    fail("write", path, err);
  }
  if (::close(fd) != 0) fail("write", path, errno);
}

void sync_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace geoclaim::io
