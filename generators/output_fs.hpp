#pragma once

// The file-system operations the output writer makes, behind one seam so tests can make any
// of them fail (fault injection). The base class is the POSIX implementation; a subclass
// overrides Fault() to fail the operations it picks. Every operation that creates something
// refuses to follow or replace a symbolic link.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace lynctopo {

class OutputFileSystem {
 public:
  virtual ~OutputFileSystem() = default;

  // mkdtemp(`pattern`, ending in XXXXXX): a new private folder; its path replaces `pattern`.
  std::error_code MakeStage(std::string& pattern);
  // A new folder (never an existing one, never through a link).
  std::error_code MakeFolder(const std::filesystem::path& path, std::filesystem::perms perms);
  // A new file (O_CREAT|O_EXCL|O_NOFOLLOW) holding `content`, not yet flushed to disk (see
  // SyncFileSystem). Its mode is `perms` exactly, or 0666 less the umask.
  std::error_code WriteFile(const std::filesystem::path& path, std::string_view content,
                            std::optional<std::filesystem::perms> perms);
  // `to` becomes another name of `from` (a hard link of the entry itself, links included), so
  // bytes and mtime stay; a regular file on another file system is copied with its mtime.
  std::error_code LinkFile(const std::filesystem::path& from, const std::filesystem::path& to);
  std::error_code SetPermissions(const std::filesystem::path& path, std::filesystem::perms perms);
  // Flushes every written file of the file system holding `path` (syncfs), once per stage:
  // an fsync per file made the kernel write 20,000 files one synchronous inode at a time
  // (over a minute on the bench's 21,657 files, against about a second for one syncfs).
  std::error_code SyncFileSystem(const std::filesystem::path& path);
  std::error_code SyncFolder(const std::filesystem::path& path);
  // Swaps two folders in one step (renameat2 RENAME_EXCHANGE).
  std::error_code Exchange(const std::filesystem::path& a, const std::filesystem::path& b);
  // Renames `from` to `to`, which must not exist (RENAME_NOREPLACE).
  std::error_code MoveToNew(const std::filesystem::path& from, const std::filesystem::path& to);
  // Removes a tree without following any link in it. Never injected with faults: a tree left
  // behind is a stage the next run removes.
  std::error_code RemoveTree(const std::filesystem::path& path);

 protected:
  // Called first by every operation but RemoveTree; an error makes the operation fail with it.
  virtual std::error_code Fault(std::string_view operation, const std::filesystem::path& path);
};

// The process-wide POSIX implementation (no faults).
OutputFileSystem& RealOutputFileSystem();

// Replaces the single file `target` (`-o FILE`) in one step: an unnamed temporary file in the
// same folder (O_TMPFILE, locked while it lives), flushed, given a name, renamed over the
// target. Refuses a target that exists and is not a regular file (a device, a FIFO, a folder,
// a link such as /dev/stdout): errc::not_supported. Removes the temporary names that killed
// runs left beside `target` (".NAME.lynctopo-XXXXXX" that no live run holds locked).
std::error_code ReplaceRegularFile(const std::filesystem::path& target, std::string_view content);

// Reads `relative` ("/"-separated) below `root` without following any symbolic link on the
// way (every folder opened with O_NOFOLLOW|O_DIRECTORY from the one before, the file with
// O_NOFOLLOW). nullopt when it is missing, not a regular file, or reached through a link.
std::optional<std::string> ReadBelow(const std::filesystem::path& root, std::string_view relative);

}  // namespace lynctopo
