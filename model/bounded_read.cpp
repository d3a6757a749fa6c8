#include "model/bounded_read.hpp"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lynctopo {

namespace {

constexpr uint64_t kDefaultInputLimit = 256ull << 20;

std::string SizeText(uint64_t bytes) {
  if (bytes >= (1ull << 20) && bytes % (1ull << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string TooLarge(uint64_t limit) {
  return "the file is larger than the limit of " + SizeText(limit) +
         " (LYNCTOPO_MAX_INPUT_SIZE sets another); it was not read";
}

bool LooksUtf16(std::string_view text) {
  return text.size() >= 2 &&
         ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF') ||
          ((text[0] == '\0') != (text[1] == '\0')));
}

}  // namespace

uint64_t InputSizeLimit() {
  const char* value = std::getenv("LYNCTOPO_MAX_INPUT_SIZE");
  if (value == nullptr || *value == '\0') return kDefaultInputLimit;
  std::string_view text(value);
  uint64_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || number == 0) return kDefaultInputLimit;
  std::string_view suffix(end, text.data() + text.size() - end);
  int shift = suffix.empty()  ? 0
              : suffix == "K" ? 10
              : suffix == "M" ? 20
              : suffix == "G" ? 30
                              : -1;
  if (shift < 0 || number > (UINT64_MAX >> shift)) return kDefaultInputLimit;
  return number << shift;
}

BoundedRead ReadBounded(const std::string& path, uint64_t limit, bool stop_at_nul) {
  BoundedRead result;
  // O_NONBLOCK: opening a FIFO with no writer must not hang; cleared below for reading.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    result.status =
        errno == ENOENT ? BoundedRead::Status::kMissing : BoundedRead::Status::kUnreadable;
    result.message = std::string("cannot open the file: ") + std::strerror(errno);
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    result.status = BoundedRead::Status::kUnreadable;
    result.message = std::string("cannot read the file: ") + std::strerror(errno);
    ::close(fd);
    return result;
  }
  if (S_ISDIR(st.st_mode)) {
    result.status = BoundedRead::Status::kFolder;
    ::close(fd);
    return result;
  }
  const bool regular = S_ISREG(st.st_mode);
  if (regular && static_cast<uint64_t>(st.st_size) > limit) {
    result.status = BoundedRead::Status::kTooLarge;
    result.message = TooLarge(limit);
    ::close(fd);
    return result;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (regular) result.text.reserve(static_cast<size_t>(st.st_size));
  constexpr size_t kBlock = 64 * 1024;
  char buffer[kBlock];
  for (;;) {
    ssize_t n = ::read(fd, buffer, kBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.status = BoundedRead::Status::kUnreadable;
      result.message = std::string("cannot read the file: ") + std::strerror(errno);
      break;
    }
    if (n == 0) break;
    if (result.text.size() + static_cast<size_t>(n) > limit) {
      result.status = BoundedRead::Status::kTooLarge;
      result.message = TooLarge(limit);
      break;
    }
    result.text.append(buffer, static_cast<size_t>(n));
    if (stop_at_nul && !regular && std::memchr(buffer, 0, static_cast<size_t>(n)) != nullptr &&
        !LooksUtf16(result.text)) {
      break;
    }
  }
  ::close(fd);
  if (result.status != BoundedRead::Status::kOk) result.text.clear();
  return result;
}

}  // namespace lynctopo
