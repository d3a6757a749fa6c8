// libFuzzer target: the certificate reader behind `certs check --cert` (PEM bundles or DER),
// fed through an in-memory file.
#include <cstddef>
#include <cstdint>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

#include "generators/certificates/cert_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int fd = ::memfd_create("fuzz-cert", 0);
  if (fd < 0) return 0;
  if (::write(fd, data, size) == static_cast<ssize_t>(size)) {
    lynctopo::Diagnostics diagnostics;
    lynctopo::LoadCertificateFile("/proc/self/fd/" + std::to_string(fd), diagnostics);
  }
  ::close(fd);
  return 0;
}
