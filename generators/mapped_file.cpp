#include "generators/mapped_file.hpp"

#include <algorithm>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lynctopo {

MappedFile::MappedFile(const std::filesystem::path& path, std::error_code& error) {
  error.clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    error = std::error_code(errno, std::generic_category());
    return;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::error_code(errno, std::generic_category());
    ::close(fd);
    return;
  }
  if (!S_ISREG(st.st_mode)) {
    error = std::make_error_code(std::errc::invalid_argument);
    ::close(fd);
    return;
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      error = std::error_code(errno, std::generic_category());
      size_ = 0;
    } else {
      mapping_ = mapped;
      data_ = static_cast<const char*>(mapped);
    }
  }
  ::close(fd);  // the mapping keeps the file
}

MappedFile::~MappedFile() {
  if (mapping_) ::munmap(mapping_, size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapping_(std::exchange(other.mapping_, nullptr)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (mapping_) ::munmap(mapping_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    mapping_ = std::exchange(other.mapping_, nullptr);
  }
  return *this;
}

void MappedFile::DropPagesBefore(size_t offset) const {
  if (!mapping_) return;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t length = std::min(offset, size_) / page * page;
  if (length > 0) ::madvise(mapping_, length, MADV_DONTNEED);
}

void MappedFile::DropPages() const {
  // A private read-only file mapping: dropped pages are read again from the file.
  if (mapping_) ::madvise(mapping_, size_, MADV_DONTNEED);
}

}  // namespace lynctopo
