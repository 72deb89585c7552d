#include "io/OutputFolder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "engine/Errors.hpp"
#include "engine/Text.hpp"
#include "io/CheckedWrite.hpp"

namespace geoclaim::io {
namespace fs = std::filesystem;

namespace {

/// ".NAME.TAG-PID" beside the target: the temporary folder ("partial") or the earlier result
/// moved aside ("old").
fs::path sibling(const fs::path& target, const char* tag, pid_t pid = ::getpid()) {
  return target.parent_path() / ("." + target.filename().string() + "." + tag + "-" + std::to_string(pid));
}

/// The path every check and rename uses: absolute, with the existing part's symbolic links and
/// ".." resolved as the system would, and the rest normalised ("nonexist/../data" is "data",
/// not a folder "nonexist" created and then "data" replaced through it; "in/sub/.." is "in").
fs::path resolve_target(const std::string& text) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(text, ec), ec);
  if (ec || p.empty()) throw DataError("cannot resolve the folder " + quote_path(text) + ": " + ec.message());
  if (p.filename().empty()) p = p.parent_path();  // the trailing separator of "in/sub/.."
  if (p == p.root_path() || p.filename() == "." || p.filename() == "..")
    throw DataError("cannot write results to " + quote_path(text) + ": it is the root folder");
  return p;
}

/// True when `inner` is `outer` or lies inside it.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

/// Replacing a folder deletes it: never one that holds an input of the job.
void refuse_if_holds_inputs(const fs::path& target, const std::string& text, const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    const std::string local = local_file_of(input);
    if (local.empty()) continue;
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(fs::absolute(local, ec), ec);
    if (!ec && is_within(resolved, target))
      throw DataError("cannot write results to " + quote_path(text) + ": it holds the input " + quote_path(input));
  }
}

/// Only an earlier result (or an empty folder, or nothing) may be replaced.
void refuse_if_not_replaceable(const fs::path& target, const std::string& text) {
  std::error_code ec;
  const fs::file_status st = fs::status(target, ec);
  if (!fs::exists(st)) return;
  if (!fs::is_directory(st)) throw DataError("cannot write results to " + quote_path(text) + ": it is a file");
  if (fs::is_empty(target, ec)) return;
  if (!is_geoclaim_result(target.string()))
    throw DataError(quote_path(text) + " exists and is not a geoclaim result folder (it has no report.json written " +
                    "by geoclaim); remove it or write the results elsewhere");
  if (const auto foreign = foreign_entries(target.string()); !foreign.empty()) {
    constexpr size_t kListed = 5;
    std::string list;
    for (size_t i = 0; i < foreign.size() && i < kListed; ++i) list += (i ? ", " : "") + quote_path(foreign[i]);
    if (foreign.size() > kListed) list += ", … (" + std::to_string(foreign.size()) + " in all)";
    throw DataError(quote_path(text) +
                    " is an earlier geoclaim result, but it also holds what geoclaim did not write " +
                    "there: " + list + "; geoclaim replaces the whole folder, so move them out or write the " +
                    "results elsewhere");
  }
}

/// Takes the lock file ".NAME.lock" beside the target; returns its descriptor. The lock is
/// released when the descriptor is closed, also when the process is killed.
int take_lock(const fs::path& target, const std::string& text) {
  const fs::path lock = target.parent_path() / ("." + target.filename().string() + ".lock");
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw DataError("cannot create the lock file " + quote_path(lock.string()) + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      throw DataError("another geoclaim run is writing " + quote_path(text) + " (it holds " +
                      quote_path(lock.string()) + "); run again when it has finished, or write the results elsewhere");
    throw DataError("cannot lock " + quote_path(lock.string()) + ": " + std::strerror(err));
  }
  return fd;
}

bool process_alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

/// What a killed run left beside the target: its temporary folder, or the earlier result it
/// had moved aside (when the file system has no atomic exchange). Only folders named by
/// geoclaim's pattern, of processes that no longer run.
struct Leftover {
  fs::path path;
  bool old;  ///< ".NAME.old-PID", else ".NAME.partial-PID"
};

std::vector<Leftover> leftovers(const fs::path& target) {
  const std::string stem = "." + target.filename().string() + ".";
  std::vector<Leftover> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(stem)) continue;
    const std::string rest = name.substr(stem.size());
    const bool old = rest.starts_with("old-");
    if (!old && !rest.starts_with("partial-")) continue;
    const std::string digits = rest.substr(old ? 4 : 8);
    pid_t pid = 0;
    const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (err != std::errc() || end != digits.data() + digits.size() || pid <= 0) continue;
    if (pid == ::getpid() || process_alive(pid)) continue;
    std::error_code lec;
    if (!fs::is_directory(fs::symlink_status(e.path(), lec))) continue;
    out.push_back({e.path(), old});
  }
  return out;
}

/// Restores an earlier result a killed run had moved aside (when the target is missing), and
/// removes its temporary folders and superseded results.
void clean_leftovers(const fs::path& target) {
  std::vector<Leftover> left = leftovers(target);
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target, ec))) {
    // The newest earlier result goes back into place.
    auto newest = left.end();
    fs::file_time_type newest_time{};
    for (auto it = left.begin(); it != left.end(); ++it) {
      if (!it->old || !is_geoclaim_result(it->path.string())) continue;
      const auto t = fs::last_write_time(it->path / "report.json", ec);
      if (ec) continue;
      if (newest == left.end() || t > newest_time) newest = it, newest_time = t;
    }
    if (newest != left.end()) {
      fs::rename(newest->path, target, ec);
      if (!ec) left.erase(newest);
    }
  }
  for (const Leftover& l : left) {
    // A folder moved aside was an earlier result or empty; anything else is kept.
    if (l.old && !is_geoclaim_result(l.path.string()) && !fs::is_empty(l.path, ec)) continue;
    fs::remove_all(l.path, ec);
  }
}

}  // namespace

namespace {

/// The folder's report.json, parsed; a discarded value when there is none or it is no JSON.
nlohmann::json report_json_of(const std::string& dir) {
  const fs::path report = fs::path(dir) / "report.json";
  std::error_code ec;
  if (!fs::is_regular_file(report, ec)) return nlohmann::json::value_t::discarded;
  std::ifstream in(report, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
}

}  // namespace

bool is_geoclaim_result(const std::string& dir) {
  const auto doc = report_json_of(dir);
  return doc.is_object() && doc.contains("geoclaim_version") && doc["geoclaim_version"].is_string() &&
         doc.contains("job") && doc["job"].is_object() && doc["job"].contains("sha256");
}

std::vector<std::string> foreign_entries(const std::string& dir) {
  const auto doc = report_json_of(dir);
  std::set<std::string> listed;
  const bool has_list = doc.is_object() && doc.contains("files") && doc["files"].is_array();
  if (has_list)
    for (const auto& f : doc["files"])
      if (f.is_string()) listed.insert(f.get<std::string>());
  // What geoclaim wrote before report.json listed its files.
  static const char* const kSuffixes[] = {".geojson", ".qml", ".gpkg", ".qgs", ".md", ".json", ".html", ".kmz"};
  const auto ours = [&](const fs::directory_entry& e) {
    const std::string name = e.path().filename().string();
    if (has_list) return listed.count(name) > 0;
    return e.is_regular_file() &&
           std::any_of(std::begin(kSuffixes), std::end(kSuffixes), [&](const char* s) { return name.ends_with(s); });
  };
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (!ours(e)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string local_file_of(const std::string& input) {
  if (input.empty() || input.starts_with("PG:")) return "";
  std::string p = input;
  // GDAL's archive readers nest ("/vsizip//vsigzip/a.zip.gz/x.csv"); any other /vsi prefix
  // (the network ones, /vsimem/) reads no local file.
  static const char* const kArchives[] = {"/vsizip/", "/vsitar/", "/vsigzip/", "/vsi7z/", "/vsirar/"};
  while (p.starts_with("/vsi")) {
    const auto archive = std::find_if(std::begin(kArchives), std::end(kArchives),
                                      [&p](const char* prefix) { return p.starts_with(prefix); });
    if (archive == std::end(kArchives)) return "";
    p.erase(0, std::strlen(*archive));
  }
  // "{/path/a.zip}/member": the braces delimit the archive's path.
  if (p.starts_with("{"))
    if (const auto close = p.find('}'); close != std::string::npos) p = p.substr(1, close - 1);
  return p;
}

void check_output_folder(const std::string& target, const std::vector<std::string>& inputs) {
  const fs::path t = resolve_target(target);
  refuse_if_holds_inputs(t, target, inputs);
  refuse_if_not_replaceable(t, target);
}

OutputFolder::OutputFolder(std::string target, const std::vector<std::string>& inputs) : m_target(std::move(target)) {
  const fs::path t = resolve_target(m_target);
  m_resolved = t.string();
  // Every check that can refuse comes before anything is created.
  refuse_if_holds_inputs(t, m_target, inputs);
  refuse_if_not_replaceable(t, m_target);
  std::error_code ec;
  fs::create_directories(t.parent_path(), ec);
  if (ec) throw DataError("cannot create the folder " + quote_path(t.parent_path().string()) + ": " + ec.message());
  m_lock_fd = take_lock(t, m_target);
  try {
    clean_leftovers(t);
    refuse_if_not_replaceable(t, m_target);  // again: a restored result, or another run's
    m_temp = sibling(t, "partial").string();
    fs::remove_all(m_temp, ec);
    if (!fs::create_directory(m_temp, ec) || ec)
      throw DataError("cannot create the temporary folder '" + m_temp + "': " + ec.message());
  } catch (...) {
    ::close(m_lock_fd);
    throw;
  }
}

OutputFolder::~OutputFolder() {
  std::error_code ec;
  if (!m_committed) fs::remove_all(m_temp, ec);  // best effort: never throw from a destructor
  ::close(m_lock_fd);
}

std::string OutputFolder::file(const std::string& name) {
  m_files.insert(name);
  return (fs::path(m_temp) / name).string();
}

void OutputFolder::commit() {
  const fs::path target(m_resolved);
  const std::string parent = target.parent_path().string();
  sync_folder(m_temp);
  std::error_code ec;
  const bool had_old = fs::exists(fs::symlink_status(target, ec));
  if (had_old) {
    // One atomic step: the new folder takes the target's name, the earlier result the
    // temporary one's, and is then removed (a kill before that leaves it to the next run).
    if (::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_resolved.c_str(), RENAME_EXCHANGE) == 0) {
      m_committed = true;
      sync_folder(parent);
      fs::remove_all(m_temp, ec);
      return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
      throw DataError("cannot move the results into '" + m_target + "': " + std::strerror(errno));
    // No exchange on this file system: two renames. A kill between them leaves the earlier
    // result as ".NAME.old-PID", which the next run puts back (clean_leftovers).
    const fs::path old = sibling(target, "old");
    fs::remove_all(old, ec);
    fs::rename(target, old, ec);
    if (ec) throw DataError("cannot move the earlier '" + m_target + "' aside: " + ec.message());
    fs::rename(m_temp, target, ec);
    if (ec) {
      std::error_code restore;
      fs::rename(old, target, restore);
      throw DataError("cannot move the results into '" + m_target + "': " + ec.message());
    }
    m_committed = true;
    sync_folder(parent);
    fs::remove_all(old, ec);
    return;
  }
  fs::rename(m_temp, target, ec);
  if (ec) throw DataError("cannot move the results into '" + m_target + "': " + ec.message());
  m_committed = true;
  sync_folder(parent);
}

}  // namespace geoclaim::io
