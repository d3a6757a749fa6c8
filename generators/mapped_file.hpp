#pragma once

// A file mapped read-only into memory: what the consistency proof reads the files of a run
// through, so that reading back a 500 MB output does not hold 500 MB. The pages of a mapping
// can be dropped at any time (DropPages) and come back from the page cache when read again, so
// a view into one never dangles and never has to be given back.

#include <filesystem>
#include <string_view>
#include <system_error>

namespace lynctopo {

class MappedFile {
 public:
  MappedFile() = default;
  // Maps `path` (O_NOFOLLOW: never through a final link); `error` is set when it cannot.
  MappedFile(const std::filesystem::path& path, std::error_code& error);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }
  // Lets the kernel take the resident pages back (madvise MADV_DONTNEED); the text stays
  // readable.
  void DropPages() const;
  // The same for the whole pages before byte `offset` only: a reader past them.
  void DropPagesBefore(size_t offset) const;

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  void* mapping_ = nullptr;  // nullptr for an empty file (nothing to map)
};

}  // namespace lynctopo
