#include "generators/output_spill.hpp"

#include <cerrno>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "generators/output_fs.hpp"
#include "generators/output_stage.hpp"
#include "generators/output_writer.hpp"

namespace lynctopo {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTemporaryPrefix = "lynctopo-spill-";

}  // namespace

std::shared_ptr<OutputSpill> OutputSpill::Beside(const fs::path& out_dir) {
  std::optional<fs::path> dir = ResolveOutputDir(out_dir);
  if (!dir) return nullptr;
  return MakeIn(dir->parent_path(), StagePrefix(*dir));
}

std::shared_ptr<OutputSpill> OutputSpill::InTemporaryFolder() {
  std::error_code ec;
  fs::path folder = fs::temp_directory_path(ec);
  if (ec) return nullptr;
  return MakeIn(folder, kTemporaryPrefix);
}

std::shared_ptr<OutputSpill> OutputSpill::MakeIn(const fs::path& folder,
                                                 const std::string& prefix) {
  // Made and locked under the folder's lock, so a run cleaning the folder never sees it
  // unlocked.
  const int parent = LockFolderAndClean(folder, prefix, RealOutputFileSystem());
  if (parent < 0) return nullptr;
  std::string pattern = (folder / (prefix + "XXXXXX")).string();
  std::shared_ptr<OutputSpill> spill;
  if (::mkdtemp(pattern.data())) {
    int lock = ::open(pattern.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (lock >= 0 && ::flock(lock, LOCK_EX | LOCK_NB) == 0) {
      spill.reset(new OutputSpill(pattern, lock));
    } else {
      if (lock >= 0) ::close(lock);
      std::error_code ignored;
      fs::remove_all(pattern, ignored);
    }
  }
  ::close(parent);
  return spill;
}

OutputSpill::~OutputSpill() {
  std::error_code ignored;
  fs::remove_all(folder_, ignored);  // never follows a link: the folder is ours alone
  ::close(lock_);
}

std::optional<OutputSpill::Writer> OutputSpill::Open() {
  fs::path path = folder_ / std::to_string(next_++);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return std::nullopt;
  return Writer(std::move(path), fd);
}

OutputSpill::Writer::Writer(Writer&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), ok_(other.ok_) {}

OutputSpill::Writer::~Writer() {
  if (fd_ < 0) return;
  ::close(fd_);
  std::error_code ignored;
  fs::remove(path_, ignored);
}

bool OutputSpill::Writer::Write(std::string_view piece) {
  while (ok_ && !piece.empty()) {
    ssize_t n = ::write(fd_, piece.data(), piece.size());
    if (n < 0 && errno == EINTR) continue;
    ok_ = n > 0;
    if (ok_) piece.remove_prefix(static_cast<size_t>(n));
  }
  return ok_;
}

std::optional<fs::path> OutputSpill::Writer::Finish() {
  bool closed = ::close(std::exchange(fd_, -1)) == 0;
  if (ok_ && closed) return path_;
  std::error_code ignored;
  fs::remove(path_, ignored);
  return std::nullopt;
}

std::optional<fs::path> OutputSpill::Store(std::string_view content) {
  std::optional<Writer> writer = Open();
  if (!writer || !writer->Write(content)) return std::nullopt;
  return writer->Finish();
}

}  // namespace lynctopo
