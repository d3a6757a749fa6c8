#pragma once

// Where the artifacts of a run wait for the write instead of in memory: a private folder beside
// `--out` (same parent, so the same file system: the writer moves each file into the stage by
// rename rather than writing it again). Holding the whole output set in memory made a run of
// 10,000 servers peak above a gigabyte for 480 MB of artifacts.
//
// The folder is named like a stage (output_stage.hpp StagePrefix) and is locked (flock) while
// its run lives: the next run on the same parent removes the folders of killed runs and skips
// the locked ones. Runs that write nothing spill to the temporary folder instead, under the
// same rules.

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lynctopo {

class OutputSpill {
 public:
  // A new spill folder beside `out_dir` (the folder as the user named it), or nullptr when
  // none can be made there (a parent that does not exist or is read-only): the run then keeps
  // its artifacts in memory, and the writer reports what is wrong with the parent.
  static std::shared_ptr<OutputSpill> Beside(const std::filesystem::path& out_dir);
  // For a run that writes nothing (--check, --dry-run): a spill folder in the temporary folder
  // ($TMPDIR, else /tmp), so `--out`'s parent is not touched; nullptr when none can be made.
  static std::shared_ptr<OutputSpill> InTemporaryFolder();
  ~OutputSpill();  // removes the folder and what is left in it
  OutputSpill(const OutputSpill&) = delete;
  OutputSpill& operator=(const OutputSpill&) = delete;

  // A new file of the folder being written piece by piece; the file is removed unless
  // Finish() succeeds.
  class Writer {
   public:
    Writer(Writer&& other) noexcept;
    Writer& operator=(Writer&&) = delete;
    ~Writer();
    bool Write(std::string_view piece);  // false once a write failed
    // Closes the file: its path, or nullopt (removed) when a write failed.
    std::optional<std::filesystem::path> Finish();

   private:
    friend class OutputSpill;
    Writer(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
    std::filesystem::path path_;
    int fd_;
    bool ok_ = true;
  };
  // Safe to call from several threads; nullopt when no file can be made.
  std::optional<Writer> Open();

  // Writes `content` into a new file of the folder; its path, or nullopt when the write failed
  // (the caller keeps the content in memory).
  std::optional<std::filesystem::path> Store(std::string_view content);

  const std::filesystem::path& folder() const { return folder_; }

 private:
  OutputSpill(std::filesystem::path folder, int lock) : folder_(std::move(folder)), lock_(lock) {}
  static std::shared_ptr<OutputSpill> MakeIn(const std::filesystem::path& folder,
                                             const std::string& prefix);
  std::filesystem::path folder_;
  int lock_;  // the folder, flock'ed while this object lives
  std::atomic<unsigned long> next_{0};
};

}  // namespace lynctopo
