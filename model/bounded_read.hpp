#pragma once

// Reading an input file with a size limit that is checked before the file is read whole: a
// regular file by its size, anything else (a device, a FIFO, /dev/stdin) while it streams, so
// `/dev/zero` or `/dev/urandom` fail fast instead of filling memory.

#include <cstdint>
#include <string>

namespace lynctopo {

// Topology and overlay files: 256 MiB, or LYNCTOPO_MAX_INPUT_SIZE (bytes, or with a K, M or G
// suffix). An unparsable value keeps the default.
uint64_t InputSizeLimit();
// Certificate files for `certs check`: 4 MiB (a chain of a few certificates is a few KiB).
constexpr uint64_t kCertificateSizeLimit = 4ull << 20;

struct BoundedRead {
  enum class Status { kOk, kMissing, kFolder, kUnreadable, kTooLarge };
  Status status = Status::kOk;
  std::string text;     // kOk: the content (with stop_at_nul, possibly only a prefix)
  std::string message;  // otherwise: why, for the user
};

// `stop_at_nul`: a stream (not a regular file) stops at its first 64 KiB block holding a NUL
// byte, unless it looks like UTF-16: the text is binary either way, and the caller reports the
// NUL it finds in the prefix.
BoundedRead ReadBounded(const std::string& path, uint64_t limit, bool stop_at_nul = false);

}  // namespace lynctopo
