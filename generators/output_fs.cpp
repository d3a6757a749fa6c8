#include "generators/output_fs.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace lynctopo {

namespace fs = std::filesystem;

namespace {

std::error_code LastError() {
  return {errno, std::generic_category()};
}

// Closes a descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // close() reports a delayed write error (NFS, quota): it must be checked for new files.
  std::error_code Close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? std::error_code() : LastError();
  }

 private:
  int fd_;
};

std::error_code WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return LastError();
    }
    content.remove_prefix(static_cast<size_t>(written));
  }
  return {};
}

mode_t ModeOf(fs::perms perms) {
  return static_cast<mode_t>(perms & fs::perms::mask);
}

// Copies a regular file (another file system: no hard link possible), keeping its mode and
// mtime.
std::error_code CopyRegularFile(const fs::path& from, const fs::path& to) {
  Fd in(::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (in.get() < 0) return LastError();
  struct stat st {};
  if (::fstat(in.get(), &st) != 0) return LastError();
  if (!S_ISREG(st.st_mode)) return std::make_error_code(std::errc::operation_not_supported);
  Fd out(
      ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 07777));
  if (out.get() < 0) return LastError();
  std::vector<char> buffer(1 << 16);
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return LastError();
    if (n == 0) break;
    if (auto ec = WriteAll(out.get(), {buffer.data(), static_cast<size_t>(n)})) return ec;
  }
  struct timespec times[2] = {st.st_atim, st.st_mtim};
  if (::futimens(out.get(), times) != 0 || ::fsync(out.get()) != 0) return LastError();
  return out.Close();
}

}  // namespace

std::error_code OutputFileSystem::Fault(std::string_view, const fs::path&) {
  return {};
}

std::error_code OutputFileSystem::MakeStage(std::string& pattern) {
  if (auto ec = Fault("mkdtemp", pattern)) return ec;
  if (::mkdtemp(pattern.data()) == nullptr) return LastError();
  return {};
}

std::error_code OutputFileSystem::MakeFolder(const fs::path& path, fs::perms perms) {
  if (auto ec = Fault("mkdir", path)) return ec;
  if (::mkdir(path.c_str(), ModeOf(perms)) != 0) return LastError();
  return {};
}

std::error_code OutputFileSystem::WriteFile(const fs::path& path, std::string_view content,
                                            std::optional<fs::perms> perms) {
  if (auto ec = Fault("write", path)) return ec;
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
  if (fd.get() < 0) return LastError();
  if (auto ec = WriteAll(fd.get(), content)) return ec;
  // The umask narrowed the mode open() used; a user-set mode (an executable script) must stay.
  if (perms && ::fchmod(fd.get(), ModeOf(*perms)) != 0) return LastError();
  // No fsync here: SyncFileSystem flushes the whole stage at once (see output_fs.hpp).
  return fd.Close();
}

std::error_code OutputFileSystem::LinkFile(const fs::path& from, const fs::path& to) {
  if (auto ec = Fault("link", to)) return ec;
  if (::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), 0) == 0) return {};
  // Another file system below --out, or a kernel refusing links to files of other users
  // (fs.protected_hardlinks): a copy keeps the bytes and the mtime.
  if (errno != EXDEV && errno != EPERM && errno != EMLINK) return LastError();
  return CopyRegularFile(from, to);
}

std::error_code OutputFileSystem::SetPermissions(const fs::path& path, fs::perms perms) {
  if (auto ec = Fault("chmod", path)) return ec;
  if (::fchmodat(AT_FDCWD, path.c_str(), ModeOf(perms), 0) != 0) return LastError();
  return {};
}

std::error_code OutputFileSystem::SyncFileSystem(const fs::path& path) {
  if (auto ec = Fault("syncfs", path)) return ec;
  Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return LastError();
  // Since Linux 5.8 syncfs reports a write-back error of any file of the file system that
  // happened since this descriptor was opened, like fsync does for its own file.
  if (::syncfs(fd.get()) != 0) return LastError();
  return {};
}

std::error_code OutputFileSystem::SyncFolder(const fs::path& path) {
  if (auto ec = Fault("fsync", path)) return ec;
  Fd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return LastError();
  if (::fsync(fd.get()) != 0) return LastError();
  return {};
}

std::error_code OutputFileSystem::Exchange(const fs::path& a, const fs::path& b) {
  if (auto ec = Fault("exchange", a)) return ec;
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    return LastError();
  }
  return {};
}

std::error_code OutputFileSystem::MoveToNew(const fs::path& from, const fs::path& to) {
  if (auto ec = Fault("rename", to)) return ec;
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) != 0) {
    return LastError();
  }
  return {};
}

std::error_code OutputFileSystem::RemoveTree(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);  // removes links themselves, never what they point to
  return ec;
}

OutputFileSystem& RealOutputFileSystem() {
  static OutputFileSystem real;
  return real;
}

namespace {

std::string TempPrefix(const fs::path& target) {
  // Appended piece by piece: g++ 12 -O3 warns (-Wrestrict, a false positive) on "." + string.
  std::string prefix(1, '.');
  prefix += target.filename().string();
  prefix += ".lynctopo-";
  return prefix;
}

// A temporary name is in use while its maker holds the lock on it.
void RemoveUnlockedTemps(const fs::path& target) {
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = TempPrefix(target);
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) != 0) continue;
    Fd fd(::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) ::unlink(it->path().c_str());
  }
}

}  // namespace

std::error_code ReplaceRegularFile(const fs::path& target, std::string_view content) {
  struct stat old {};
  const bool exists = ::lstat(target.c_str(), &old) == 0;
  if (exists && !S_ISREG(old.st_mode)) return std::make_error_code(std::errc::not_supported);
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  RemoveUnlockedTemps(target);
  mode_t mask = ::umask(0);
  ::umask(mask);
  const mode_t mode = exists ? (old.st_mode & 07777) : (0666 & ~mask);

  std::string temp = (folder / (TempPrefix(target) + "XXXXXX")).string();
  int raw = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  const bool unnamed = raw >= 0;
  if (!unnamed) raw = ::mkstemp(temp.data());
  if (raw < 0) return LastError();
  Fd fd(raw);
  ::flock(fd.get(), LOCK_EX);
  if (auto ec = WriteAll(fd.get(), content)) {
    if (!unnamed) ::unlink(temp.c_str());
    return ec;
  }
  if (::fchmod(fd.get(), mode) != 0 || ::fsync(fd.get()) != 0) {
    std::error_code ec = LastError();
    if (!unnamed) ::unlink(temp.c_str());
    return ec;
  }
  if (unnamed) {
    // Name it only now, and under a name no other run picks.
    const std::string proc = fmt::format("/proc/self/fd/{}", fd.get());
    for (int attempt = 0;; ++attempt) {
      temp = (folder / (TempPrefix(target) + "XXXXXX")).string();
      int reserved = ::mkstemp(temp.data());  // reserves a random name...
      if (reserved < 0) return LastError();
      ::close(reserved);
      ::unlink(temp.c_str());  // ...that linkat then takes
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0) break;
      if (errno != EEXIST || attempt == 10) return LastError();
    }
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    std::error_code ec = LastError();
    ::unlink(temp.c_str());
    return ec;
  }
  // The rename is on disk once the folder is.
  Fd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
  return fd.Close();
}

std::optional<std::string> ReadBelow(const fs::path& root, std::string_view relative) {
  Fd folder(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() < 0) return std::nullopt;
  std::vector<std::string> parts;
  for (size_t start = 0; start <= relative.size();) {
    size_t slash = relative.find('/', start);
    if (slash == std::string_view::npos) slash = relative.size();
    parts.emplace_back(relative.substr(start, slash - start));
    start = slash + 1;
  }
  // Walk down one folder at a time, each opened relative to the one before.
  std::optional<Fd> current;
  int at = folder.get();
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i].empty() || parts[i] == "." || parts[i] == "..") return std::nullopt;
    int next = ::openat(at, parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) return std::nullopt;
    current.emplace(next);
    at = next;
  }
  const std::string& name = parts.back();
  if (name.empty() || name == "." || name == "..") return std::nullopt;
  Fd file(::openat(at, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (file.get() < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(file.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  std::string content;
  content.resize(static_cast<size_t>(st.st_size));
  size_t filled = 0;
  for (;;) {
    if (filled == content.size()) content.resize(content.size() + 4096);
    ssize_t n = ::read(file.get(), content.data() + filled, content.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    filled += static_cast<size_t>(n);
  }
  content.resize(filled);
  return content;
}

}  // namespace lynctopo
