#pragma once
// An output folder that appears whole or not at all: files go into a temporary folder beside
// the target, and commit() renames it into place (replacing an earlier result). Destroyed
// without commit, it removes the temporary folder and leaves any earlier result untouched.
#include <string>

namespace geoclaim::io {

class OutputFolder {
 public:
  /// @throw DataError when `target` exists and is not an earlier result folder (a non-empty
  /// folder without report.json, or a file), or the temporary folder cannot be created.
  explicit OutputFolder(std::string target);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  /// Path of `file` inside the temporary folder.
  std::string file(const std::string& name) const;
  const std::string& target() const { return m_target; }

  /// Moves the finished folder into place. @throw DataError
  void commit();

 private:
  std::string m_target;
  std::string m_temp;
  bool m_committed = false;
};

}  // namespace geoclaim::io
