// Getting certificates into memory: PEM / DER files, and the chain a live TLS endpoint
// presents (for `certs check --connect`).

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "generators/certificates/cert_check.hpp"
#include "model/bounded_read.hpp"

namespace lynctopo {

void X509Deleter::operator()(X509* x) const {
  X509_free(x);
}

namespace {

struct BioDeleter {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct SslCtxDeleter {
  void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
struct SslDeleter {
  void operator()(SSL* s) const { SSL_free(s); }
};

std::string OpenSslError() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char buffer[256];
  ERR_error_string_n(code, buffer, sizeof buffer);
  return buffer;
}

// Marks the first non-CA certificate of a list as the leaf (the order of a PEM bundle or of a
// presented chain); a list of CA certificates only has its first one as the leaf.
void MarkLeaf(std::vector<LoadedCertificate>& certificates) {
  size_t leaf = 0;
  for (size_t i = 0; i < certificates.size(); ++i) {
    if (X509_check_ca(certificates[i].x509.get()) == 0) {
      leaf = i;
      break;
    }
  }
  for (size_t i = 0; i < certificates.size(); ++i) certificates[i].leaf = i == leaf;
}

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// Non-blocking connect bounded by `timeout_ms`; returns -1 with `error` set on failure.
int ConnectWithTimeout(const std::string& host, const std::string& port, int timeout_ms,
                       std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* result = nullptr;
  int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &result);
  if (rc != 0) {
    error = fmt::format("cannot resolve {}: {}", host, ::gai_strerror(rc));
    return -1;
  }
  error = "no address";
  int connected = -1;
  for (addrinfo* ai = result; ai && connected < 0; ai = ai->ai_next) {
    int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    int flags = ::fcntl(fd, F_GETFL, 0);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      rc = ::poll(&p, 1, timeout_ms);
      if (rc == 0) {
        error = "connection timed out";
        ::close(fd);
        continue;
      }
      int so_error = 0;
      socklen_t len = sizeof so_error;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
      rc = so_error == 0 ? 0 : -1;
      if (so_error) errno = so_error;
    }
    if (rc != 0) {
      error = std::strerror(errno);
      ::close(fd);
      continue;
    }
    ::fcntl(fd, F_SETFL, flags);  // blocking again; the handshake is bounded by timeouts
    timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    connected = fd;
  }
  ::freeaddrinfo(result);
  return connected;
}

}  // namespace

std::vector<LoadedCertificate> LoadCertificateFile(const std::string& path,
                                                   Diagnostics& diagnostics) {
  std::vector<LoadedCertificate> out;
  BoundedRead read = ReadBounded(path, kCertificateSizeLimit);
  if (read.status == BoundedRead::Status::kTooLarge) {
    diagnostics.Error("LT0040", path, {},
                      "the certificate file is larger than 4 MiB, far more than any certificate "
                      "chain; it was not read");
    return out;
  }
  if (read.status != BoundedRead::Status::kOk) {
    diagnostics.Error("LT5320", path, {}, "cannot read certificate file");
    return out;
  }
  const std::string& bytes = read.text;
  ERR_clear_error();
  if (bytes.find("-----BEGIN") != std::string::npos) {
    std::unique_ptr<BIO, BioDeleter> bio(
        BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    int index = 0;
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
      ++index;
      out.push_back({fmt::format("{}#{}", path, index), X509Ptr(x), false});
    }
    ERR_clear_error();  // the end of the bundle reads as an error
  } else {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
    if (X509* x = d2i_X509(nullptr, &p, static_cast<long>(bytes.size()))) {
      out.push_back({path + "#1", X509Ptr(x), false});
    }
    ERR_clear_error();
  }
  if (out.empty()) {
    diagnostics.Error("LT5320", path, {}, "no PEM or DER certificate found in the file");
    return out;
  }
  if (out.size() == 1) out[0].source = path;
  MarkLeaf(out);
  return out;
}

std::vector<LoadedCertificate> FetchCertificates(const std::string& host_port,
                                                 double timeout_seconds, Diagnostics& diagnostics) {
  return FetchCertificatesWithSni(host_port, "", timeout_seconds, diagnostics);
}

std::vector<LoadedCertificate> FetchCertificatesWithSni(const std::string& host_port,
                                                        const std::string& sni,
                                                        double timeout_seconds,
                                                        Diagnostics& diagnostics) {
  std::vector<LoadedCertificate> out;
  auto fail = [&](const std::string& message) {
    diagnostics.Error("LT5321", host_port, {}, message);
    return std::vector<LoadedCertificate>{};
  };
  // host:port, or [v6]:port.
  std::string host, port;
  if (host_port.starts_with("[")) {
    size_t close = host_port.find("]:");
    if (close == std::string::npos) return fail("expected [address]:port");
    host = host_port.substr(1, close - 1);
    port = host_port.substr(close + 2);
  } else {
    size_t colon = host_port.rfind(':');
    if (colon == std::string::npos || colon == 0) return fail("expected host:port");
    host = host_port.substr(0, colon);
    port = host_port.substr(colon + 1);
  }
  if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos)
    return fail("expected a numeric port in host:port");
  int timeout_ms = static_cast<int>(std::max(0.1, timeout_seconds) * 1000);

  std::string error;
  int fd = ConnectWithTimeout(host, port, timeout_ms, error);
  if (fd < 0) return fail("cannot connect: " + error);
  Socket socket(fd);

  std::unique_ptr<SSL_CTX, SslCtxDeleter> ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) return fail(OpenSslError());
  // We inspect what is presented; trust is not the question here.
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  std::unique_ptr<SSL, SslDeleter> ssl(SSL_new(ctx.get()));
  if (!ssl) return fail(OpenSslError());
  bool is_address = host.find_first_not_of("0123456789.") == std::string::npos ||
                    host.find(':') != std::string::npos;
  if (!sni.empty()) {
    SSL_set_tlsext_host_name(ssl.get(), sni.c_str());
  } else if (!is_address) {
    SSL_set_tlsext_host_name(ssl.get(), host.c_str());
  }
  SSL_set_fd(ssl.get(), socket.fd());
  if (SSL_connect(ssl.get()) != 1) {
    std::string reason = OpenSslError();
    if (errno == EAGAIN || errno == EWOULDBLOCK) reason = "TLS handshake timed out";
    return fail("TLS handshake failed: " + reason);
  }
  STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl.get());  // client side: leaf included
  int count = chain ? sk_X509_num(chain) : 0;
  for (int i = 0; i < count; ++i) {
    X509* x = sk_X509_value(chain, i);
    X509_up_ref(x);
    out.push_back({fmt::format("{}#{}", host_port, i + 1), X509Ptr(x), false});
  }
  SSL_shutdown(ssl.get());
  if (out.empty()) return fail("the server presented no certificate");
  if (out.size() == 1) out[0].source = host_port;
  MarkLeaf(out);
  return out;
}

}  // namespace lynctopo
