#pragma once

// Switching `--out` to a new tree in one step (used by output_writer.cpp only).
//
// The new tree is built in a private stage folder beside `--out` (same parent, so the same
// file system): changed files are written and flushed, unchanged files and every file that is
// not ours are hard links of the old ones (same bytes, same mtime). Then renameat2
// RENAME_EXCHANGE swaps the stage and `--out`, and the old tree, now under the stage's name, is
// removed. A run serialises with other runs on the same parent (flock on the parent folder),
// and first removes the stages killed runs left (".<name>.lynctopo-XXXXXX").

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "generators/output_fs.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

struct OutputTree {
  std::filesystem::path dir;  // absolute, normalised, links resolved
  std::string shown;          // the folder as the user named it, for messages
  // Every file the new tree holds that we make ("/"-separated paths): its content, or the
  // spill file holding it, which the stage takes by rename.
  struct File {
    const std::string* content = nullptr;
    std::filesystem::path spilled;
  };
  std::map<std::string, File> wanted;
  // Of those, the ones whose old file has the same bytes: linked, not rewritten.
  std::set<std::string> unchanged;
  // Files the previous run made that the new tree no longer holds.
  std::set<std::string> dropped;
};

// Prefix of the stage folders of `dir`, in its parent.
std::string StagePrefix(const std::filesystem::path& dir);

// Builds the new tree and switches to it. On failure `dir` is exactly as before, no stage is
// left (unless removing it failed too: the next run removes it), and the reason is an error.
bool SwitchOutputTree(const OutputTree& tree, OutputFileSystem& file_system,
                      Diagnostics& diagnostics);

// Takes the parent's lock and removes stages of `dir` that killed runs left. Returns the
// locked descriptor (-1 when the parent cannot be opened; the caller then reports an error).
int LockParentAndClean(const std::filesystem::path& dir, OutputFileSystem& file_system);
// The same for the folders named `prefix`... in `folder` (LockParentAndClean is `dir`'s
// parent and StagePrefix(dir)); folders a live run holds locked are left alone.
int LockFolderAndClean(const std::filesystem::path& folder, const std::string& prefix,
                       OutputFileSystem& file_system);

}  // namespace lynctopo
