#include "io/OutputFolder.hpp"

#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "engine/Errors.hpp"

namespace geoclaim::io {
namespace fs = std::filesystem;

namespace {
std::string sibling(const fs::path& target, const char* tag) {
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  return (parent / ("." + target.filename().string() + "." + tag + "-" + std::to_string(::getpid()))).string();
}
}  // namespace

OutputFolder::OutputFolder(std::string target) : m_target(std::move(target)) {
  while (m_target.size() > 1 && m_target.back() == '/') m_target.pop_back();
  std::error_code ec;
  const fs::path t(m_target);
  // Replacing is for earlier results only: a folder of other things (the job's own data, a
  // home directory given by mistake) is never deleted.
  if (fs::exists(t, ec) && !fs::is_directory(t, ec))
    throw DataError("cannot write results to '" + m_target + "': it is a file");
  if (fs::is_directory(t, ec) && !fs::is_empty(t, ec) && !fs::exists(t / "report.json", ec))
    throw DataError("'" + m_target + "' exists and is not a geoclaim result folder (it has no report.json); " +
                    "remove it or write the results elsewhere");
  // A bare name ("out") has no parent to create: it goes in the working folder. `ec` is fresh
  // here, as the checks above leave "no such file" in it for a target that does not exist yet.
  if (const fs::path parent = t.parent_path(); !parent.empty()) {
    std::error_code made;
    fs::create_directories(parent, made);
    if (made) throw DataError("cannot create the folder '" + parent.string() + "': " + made.message());
  }
  m_temp = sibling(t, "partial");
  fs::remove_all(m_temp, ec);
  if (!fs::create_directory(m_temp, ec) || ec)
    throw DataError("cannot create the temporary folder '" + m_temp + "': " + ec.message());
}

OutputFolder::~OutputFolder() {
  if (m_committed) return;
  std::error_code ec;
  fs::remove_all(m_temp, ec);  // best effort: never throw from a destructor
}

std::string OutputFolder::file(const std::string& name) const { return (fs::path(m_temp) / name).string(); }

void OutputFolder::commit() {
  std::error_code ec;
  const std::string old = sibling(fs::path(m_target), "old");
  const bool had_old = fs::exists(m_target);
  if (had_old) {
    fs::remove_all(old, ec);
    fs::rename(m_target, old, ec);
    if (ec) throw DataError("cannot move the earlier '" + m_target + "' aside: " + ec.message());
  }
  fs::rename(m_temp, m_target, ec);
  if (ec) {
    std::error_code restore;
    if (had_old) fs::rename(old, m_target, restore);
    throw DataError("cannot move the results into '" + m_target + "': " + ec.message());
  }
  m_committed = true;
  if (had_old) fs::remove_all(old, ec);
}

}  // namespace geoclaim::io
