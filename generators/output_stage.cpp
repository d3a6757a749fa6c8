#include "generators/output_stage.hpp"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace lynctopo {

namespace fs = std::filesystem;

namespace {

// ".NAME.tmp-PID": what the per-file writer of earlier versions left when it was killed.
bool IsLegacyTemp(const std::string& name) {
  size_t mark = name.rfind(".tmp-");
  if (name.size() < 2 || name[0] != '.' || mark == std::string::npos || mark < 2) return false;
  std::string_view pid = std::string_view(name).substr(mark + 5);
  return !pid.empty() &&
         std::all_of(pid.begin(), pid.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Join(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

fs::perms DefaultFolderPerms() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<fs::perms>(0777 & ~mask);
}

// Builds the stage from the old tree and the wanted files.
class StageBuilder {
 public:
  StageBuilder(const OutputTree& tree, OutputFileSystem& file_system, Diagnostics& diagnostics,
               fs::path stage)
      : tree_(tree), fs_(file_system), diagnostics_(diagnostics), stage_(std::move(stage)) {
    for (const auto& [path, content] : tree.wanted) {
      for (size_t slash = path.find('/'); slash != std::string::npos;
           slash = path.find('/', slash + 1)) {
        wanted_folders_.insert(path.substr(0, slash));
      }
    }
  }

  bool Build(bool old_exists) {
    made_folders_.insert("");
    if (old_exists) {
      struct stat root {};
      if (::lstat(tree_.dir.c_str(), &root) != 0)
        return Fail("LT4020", "", "cannot read the output folder");
      device_ = root.st_dev;
      CarryFolder("");
      if (!ok_) return false;
      if (auto ec = fs_.SetPermissions(stage_, static_cast<fs::perms>(root.st_mode & 07777))) {
        return Fail("LT4020", "", "cannot set the output folder's permissions: " + ec.message());
      }
    } else if (auto ec = fs_.SetPermissions(stage_, DefaultFolderPerms())) {
      return Fail("LT4020", "", "cannot set the output folder's permissions: " + ec.message());
    }
    for (const auto& [path, file] : tree_.wanted) {
      if (!WriteWanted(path, file)) return false;
    }
    PruneEmptiedFolders();
    // Every written file's bytes reach the disk before the switch, all in one flush.
    if (auto ec = fs_.SyncFileSystem(stage_)) {
      return Fail("LT4020", "", "cannot flush the new output to disk: " + ec.message());
    }
    // Flush every folder bottom-up: the entries of the new tree are on disk before the switch.
    for (auto it = made_folders_.rbegin(); it != made_folders_.rend(); ++it) {
      if (auto ec = fs_.SyncFolder(StagePath(*it))) {
        return Fail("LT4020", *it, "cannot flush the new output to disk: " + ec.message());
      }
    }
    return ok_;
  }

 private:
  fs::path OldPath(const std::string& rel) const {
    return rel.empty() ? tree_.dir : tree_.dir / rel;
  }
  fs::path StagePath(const std::string& rel) const { return rel.empty() ? stage_ : stage_ / rel; }

  bool Fail(const char* code, const std::string& rel, const std::string& message) {
    std::string shown = tree_.shown;
    if (!rel.empty()) shown += (shown.empty() || shown.back() == '/' ? "" : "/") + rel;
    diagnostics_.Error(code, shown, {}, message);
    ok_ = false;
    return false;
  }

  // Mirrors old folder `rel` into the stage: folders are made again, every file that is not
  // replaced or dropped is linked. Never follows a link and never crosses into another file
  // system (a mount point below --out cannot be moved with the tree).
  void CarryFolder(const std::string& rel) {
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(OldPath(rel), ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (ec) {
      Fail("LT4020", rel, "cannot read the folder: " + ec.message());
      return;
    }
    std::sort(names.begin(), names.end());
    if (names.empty() && !rel.empty()) originally_empty_.insert(rel);
    for (const std::string& name : names) {
      if (!ok_) return;
      const std::string child = Join(rel, name);
      struct stat st {};
      if (::lstat(OldPath(child).c_str(), &st) != 0) {
        if (errno == ENOENT) continue;  // removed meanwhile
        Fail("LT4020", child, "cannot read it");
        return;
      }
      if (S_ISDIR(st.st_mode)) {
        if (st.st_dev != device_) {
          Fail("LT4031", child,
               "a file system is mounted here; the output folder is replaced as a whole, so "
               "it cannot hold mount points");
          return;
        }
        if (auto made =
                fs_.MakeFolder(StagePath(child), static_cast<fs::perms>(st.st_mode & 07777))) {
          Fail("LT4020", child, "cannot create the folder in the new output: " + made.message());
          return;
        }
        made_folders_.insert(child);
        CarryFolder(child);
        if (ok_ && tree_.wanted.count(child)) {
          // A folder where a file of ours goes: fine only if nothing of it is carried over.
          std::error_code empty_ec;
          if (!fs::is_empty(StagePath(child), empty_ec) || empty_ec) {
            Fail("LT4032", child,
                 "this folder holds files lynctopo did not make, where it writes a file; move "
                 "them away");
            return;
          }
          fs::remove(StagePath(child), empty_ec);
          made_folders_.erase(child);
        }
        continue;
      }
      if (S_ISLNK(st.st_mode) && wanted_folders_.count(child)) {
        Fail("LT4030", child,
             "is a symbolic link where lynctopo writes a folder; lynctopo never writes through "
             "links: replace it with a folder");
        return;
      }
      if (tree_.wanted.count(child) || tree_.dropped.count(child) || IsLegacyTemp(name)) continue;
      if (wanted_folders_.count(child)) {
        Fail("LT4032", child,
             "a file lynctopo did not make is where it writes a folder; move it away");
        return;
      }
      if (auto linked = fs_.LinkFile(OldPath(child), StagePath(child))) {
        Fail("LT4020", child, "cannot keep it in the new output: " + linked.message());
        return;
      }
    }
  }

  bool MakeFoldersFor(const std::string& path) {
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      std::string folder = path.substr(0, slash);
      if (made_folders_.count(folder)) continue;
      if (auto ec = fs_.MakeFolder(StagePath(folder), DefaultFolderPerms())) {
        return Fail("LT4020", folder, "cannot create output folder: " + ec.message());
      }
      made_folders_.insert(folder);
    }
    return true;
  }

  bool WriteWanted(const std::string& path, const OutputTree::File& file) {
    if (!MakeFoldersFor(path)) return false;
    if (tree_.unchanged.count(path)) {
      if (auto ec = fs_.LinkFile(OldPath(path), StagePath(path))) {
        return Fail("LT4020", path, "cannot keep the unchanged file: " + ec.message());
      }
      return true;
    }
    // Keep the permissions a user gave the previous version (e.g. an executable script).
    std::optional<fs::perms> perms;
    struct stat st {};
    if (::lstat(OldPath(path).c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      perms = static_cast<fs::perms>(st.st_mode & 07777);
    }
    if (!file.spilled.empty()) return MoveSpilled(path, file.spilled, perms);
    if (auto ec = fs_.WriteFile(StagePath(path), *file.content, perms)) {
      return Fail("LT4020", path, "cannot write output file: " + ec.message());
    }
    return true;
  }

  // The spill folder is beside --out, so the file is renamed into the stage; LinkFile copies it
  // only when a mount point lies between the two.
  bool MoveSpilled(const std::string& path, const fs::path& spilled,
                   const std::optional<fs::perms>& perms) {
    std::error_code ec = fs_.MoveToNew(spilled, StagePath(path));
    if (ec == std::errc::cross_device_link) ec = fs_.LinkFile(spilled, StagePath(path));
    if (!ec && perms) ec = fs_.SetPermissions(StagePath(path), *perms);
    if (ec) return Fail("LT4020", path, "cannot write output file: " + ec.message());
    return true;
  }

  // Folders whose every file was dropped go too; folders that were empty before stay.
  void PruneEmptiedFolders() {
    std::vector<std::string> pruned;
    for (auto it = made_folders_.rbegin(); it != made_folders_.rend(); ++it) {
      std::error_code ec;
      if (!it->empty() && !originally_empty_.count(*it) && fs::is_empty(StagePath(*it), ec) &&
          !ec && fs::remove(StagePath(*it), ec)) {
        pruned.push_back(*it);
      }
    }
    for (const std::string& folder : pruned) made_folders_.erase(folder);
  }

  const OutputTree& tree_;
  OutputFileSystem& fs_;
  Diagnostics& diagnostics_;
  fs::path stage_;
  dev_t device_ = 0;
  std::set<std::string> wanted_folders_;
  std::set<std::string> made_folders_;  // "" is the stage itself
  std::set<std::string> originally_empty_;
  bool ok_ = true;
};

}  // namespace

std::string StagePrefix(const fs::path& dir) {
  return fmt::format(".{}.lynctopo-", dir.filename().string());
}

int LockFolderAndClean(const fs::path& folder, const std::string& prefix,
                       OutputFileSystem& file_system) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -1;
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  // Under the lock no other run is building a stage here: any stage is a leftover, but for
  // the spill folders of runs still rendering, which they hold locked (output_spill.hpp).
  std::error_code ec;
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (name.rfind(prefix, 0) == 0 && it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      leftovers.push_back(it->path());
    }
  }
  for (const fs::path& leftover : leftovers) {
    int held = ::open(leftover.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (held >= 0 && ::flock(held, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
      ::close(held);  // a live run's
      continue;
    }
    file_system.RemoveTree(leftover);
    if (held >= 0) ::close(held);
  }
  return fd;
}

int LockParentAndClean(const fs::path& dir, OutputFileSystem& file_system) {
  return LockFolderAndClean(dir.parent_path(), StagePrefix(dir), file_system);
}

bool SwitchOutputTree(const OutputTree& tree, OutputFileSystem& file_system,
                      Diagnostics& diagnostics) {
  std::error_code ec;
  const bool old_exists = fs::is_directory(fs::symlink_status(tree.dir, ec));
  std::string stage = (tree.dir.parent_path() / (StagePrefix(tree.dir) + "XXXXXX")).string();
  if (auto made = file_system.MakeStage(stage)) {
    diagnostics.Error("LT4020", tree.shown, {},
                      fmt::format("cannot create the staging folder beside it ({}); the output is "
                                  "replaced as a whole, so its parent folder must be writable",
                                  made.message()));
    return false;
  }
  StageBuilder builder(tree, file_system, diagnostics, stage);
  if (!builder.Build(old_exists)) {
    file_system.RemoveTree(stage);
    return false;
  }
  std::error_code switched =
      old_exists ? file_system.Exchange(stage, tree.dir) : file_system.MoveToNew(stage, tree.dir);
  if (switched) {
    file_system.RemoveTree(stage);
    std::string why = switched.message();
    if (switched == std::errc::invalid_argument) {
      why = "the file system cannot swap two folders in one step (renameat2 RENAME_EXCHANGE)";
    } else if (switched == std::errc::device_or_resource_busy ||
               switched == std::errc::cross_device_link) {
      why = "it is a mount point; give a folder inside it";
    }
    diagnostics.Error("LT4031", tree.shown, {}, "cannot switch to the new output: " + why);
    return false;
  }
  // The new tree is in place: what follows can only leave garbage the next run removes.
  if (auto synced = file_system.SyncFolder(tree.dir.parent_path())) {
    diagnostics.Warning("LT4033", tree.shown, {},
                        "the new output is in place but its parent folder could not be flushed "
                        "to disk: " +
                            synced.message());
  }
  if (old_exists && file_system.RemoveTree(stage)) {
    diagnostics.Warning("LT4033", stage, {},
                        "the previous output could not be removed; the next run removes it");
  }
  return true;
}

}  // namespace lynctopo
