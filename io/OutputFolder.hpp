#pragma once
// An output folder that appears whole or not at all: files go into a temporary folder beside
// the target, and commit() switches it into place in one step (replacing an earlier result).
// Destroyed without commit, it removes the temporary folder and leaves any earlier result
// untouched. The target is resolved once (symbolic links, "..", a trailing "/") and every check
// and every rename uses that path; only a folder geoclaim provably wrote is ever replaced; a
// lock file beside the target keeps two runs from writing it at once, and what a killed run
// left behind (its temporary folder, a result moved aside) is cleaned up or restored.
#include <set>
#include <string>
#include <vector>

namespace geoclaim::io {

class OutputFolder {
 public:
  /// `inputs`: every path the job read (files, `/vsizip/…` members, `PG:` strings, the job
  /// itself); a folder that holds one of them is never replaced.
  /// @throw DataError, before creating anything, when `target` is a file, an existing folder
  /// that is not an earlier geoclaim result (a non-empty folder without geoclaim's report.json),
  /// an earlier result that holds files geoclaim did not write there (not in its report.json's
  /// `files`: a reader's notes would be lost with the folder), or holds an input; when another run is writing it (its
  /// lock is held); or when the folder cannot be created.
  explicit OutputFolder(std::string target, const std::vector<std::string>& inputs = {});
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  /// Path of `file` inside the temporary folder; the name joins files().
  std::string file(const std::string& name);
  /// The names file() gave, sorted: what the folder will hold.
  std::vector<std::string> files() const { return {m_files.begin(), m_files.end()}; }
  /// The target as the job wrote it (for messages).
  const std::string& target() const { return m_target; }

  /// Moves the finished folder into place: an atomic exchange with the earlier result where the
  /// file system has one (Linux renameat2), so a kill at any moment leaves the old or the new
  /// result whole. @throw DataError
  void commit();

 private:
  std::string m_target;    ///< as given
  std::string m_resolved;  ///< absolute, every existing symbolic link and ".." resolved
  std::string m_temp;
  std::set<std::string> m_files;
  int m_lock_fd = -1;
  bool m_committed = false;
};

/// The checks of OutputFolder's constructor that can refuse `target`, with nothing created or
/// locked: for a message at the job's `report to` line before any claim is measured.
/// @throw DataError
void check_output_folder(const std::string& target, const std::vector<std::string>& inputs);

/// True when `dir` holds a report.json that geoclaim wrote (with its `geoclaim_version` and
/// `job` provenance): the mark of a folder geoclaim may replace.
bool is_geoclaim_result(const std::string& dir);

/// The entries of an earlier result `dir` that geoclaim did not write: those its report.json's
/// `files` does not list (for a result written before that list, those whose names end in none
/// of the suffixes geoclaim writes), sorted.
std::vector<std::string> foreign_entries(const std::string& dir);

/// The local file an input path reads, for the checks of what may be replaced: the path of a
/// file, the archive of a `/vsizip/`, `/vsitar/` or `/vsigzip/` member; empty for a database
/// (`PG:`) or a network path.
std::string local_file_of(const std::string& input);

}  // namespace geoclaim::io
