#include "generators/proxy/proxy_verify.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <memory>

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace lynctopo::proxy {
namespace {

struct SslCtxFree {
  void operator()(SSL_CTX* p) const { SSL_CTX_free(p); }
};
struct SslFree {
  void operator()(SSL* p) const { SSL_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};

class Socket {
 public:
  explicit Socket(int fd = -1) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

std::string OpenSslError() {
  unsigned long code = ERR_get_error();
  if (code == 0) return "TLS handshake failed";
  char buffer[256];
  ERR_error_string_n(code, buffer, sizeof buffer);
  ERR_clear_error();
  return buffer;
}

// Connects with a bounded wait; returns -1 and sets *error on failure.
int ConnectWithTimeout(const std::string& address, int port, int timeout_seconds,
                       std::string* error) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* result = nullptr;
  std::string service = std::to_string(port);
  if (int rc = getaddrinfo(address.c_str(), service.c_str(), &hints, &result); rc != 0) {
    *error = fmt::format("cannot resolve {}: {}", address, gai_strerror(rc));
    return -1;
  }
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> guard(result, freeaddrinfo);
  *error = fmt::format("cannot connect to {}:{}", address, port);
  for (addrinfo* ai = result; ai; ai = ai->ai_next) {
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) continue;
    int flags = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int rc = connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, timeout_seconds * 1000) == 1) {
        int so_error = 0;
        socklen_t len = sizeof so_error;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
        rc = so_error == 0 ? 0 : -1;
      } else {
        rc = -1;
      }
    }
    if (rc == 0) {
      fcntl(fd, F_SETFL, flags);
      timeval tv{timeout_seconds, 0};
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
      error->clear();
      return fd;
    }
    close(fd);
  }
  return -1;
}

std::string SubjectOf(X509* cert) {
  char buffer[512];
  X509_NAME_oneline(X509_get_subject_name(cert), buffer, sizeof buffer);
  return buffer;
}

// "HTTP/1.1 401 Unauthorized" -> 401; 0 when the line is not an HTTP status line.
int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12 || response[8] != ' ') return 0;
  int status = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (response[i] < '0' || response[i] > '9') return 0;
    status = status * 10 + (response[i] - '0');
  }
  return status;
}

void CheckHost(SSL_CTX* ctx, const std::string& address, int port, int timeout_seconds,
               HostCheck& check) {
  Socket socket(ConnectWithTimeout(address, port, timeout_seconds, &check.error));
  if (socket.fd() < 0) return;
  check.connected = true;
  std::unique_ptr<SSL, SslFree> ssl(SSL_new(ctx));
  SSL_set_fd(ssl.get(), socket.fd());
  SSL_set_tlsext_host_name(ssl.get(), check.host.c_str());
  if (SSL_connect(ssl.get()) != 1) {
    check.error = fmt::format("TLS handshake with SNI {} failed: {}", check.host, OpenSslError());
    return;
  }
  std::unique_ptr<X509, X509Free> cert(SSL_get1_peer_certificate(ssl.get()));
  if (!cert) {
    check.error = "the proxy presented no certificate";
    return;
  }
  check.certificate_subject = SubjectOf(cert.get());
  // Subject alternative names, wildcards included (RFC 6125 rules as OpenSSL implements them).
  check.certificate_covers = X509_check_host(cert.get(), check.host.data(), check.host.size(),
                                             X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr) == 1;
  if (!check.certificate_covers) {
    check.error =
        fmt::format("certificate {} does not cover {}", check.certificate_subject, check.host);
  }
  std::string request = fmt::format(
      "GET / HTTP/1.1\r\nHost: {}\r\nUser-Agent: lynctopo-verify\r\nConnection: close\r\n\r\n",
      check.host);
  if (SSL_write(ssl.get(), request.data(), static_cast<int>(request.size())) <= 0) {
    if (check.error.empty()) check.error = "sending the request failed";
    return;
  }
  std::string response;
  char buffer[512];
  while (response.size() < 64) {
    int n = SSL_read(ssl.get(), buffer, sizeof buffer);
    if (n <= 0) break;
    response.append(buffer, n);
  }
  check.http_status = StatusOf(response);
  check.http_response = check.http_status != 0;
  if (!check.http_response && check.error.empty()) {
    check.error = response.empty() ? "no HTTP response (connection closed)"
                                   : "the answer is not an HTTP response";
  }
  SSL_shutdown(ssl.get());
}

}  // namespace

bool VerifyReport::ok() const {
  for (const HostCheck& h : hosts) {
    if (!h.ok()) return false;
  }
  return true;
}

VerifyReport VerifyProxyHosts(const std::vector<std::string>& hosts, const std::string& address,
                              int port, int timeout_seconds) {
  VerifyReport report;
  report.address = address;
  report.port = port;
  std::unique_ptr<SSL_CTX, SslCtxFree> ctx(SSL_CTX_new(TLS_client_method()));
  // Name coverage is what is checked here; trust in the issuing CA is the certificate plan's.
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  for (const std::string& host : hosts) {
    HostCheck check;
    check.host = host;
    CheckHost(ctx.get(), address, port, timeout_seconds, check);
    report.hosts.push_back(std::move(check));
  }
  return report;
}

nlohmann::json VerifyReportToJson(const VerifyReport& report) {
  nlohmann::json hosts = nlohmann::json::array();
  for (const HostCheck& h : report.hosts) {
    hosts.push_back({{"host", h.host},
                     {"ok", h.ok()},
                     {"connected", h.connected},
                     {"certificate_covers", h.certificate_covers},
                     {"certificate_subject", h.certificate_subject},
                     {"http_response", h.http_response},
                     {"http_status", h.http_status},
                     {"error", h.error}});
  }
  return {{"format_version", 1},
          {"address", report.address},
          {"port", report.port},
          {"ok", report.ok()},
          {"hosts", std::move(hosts)}};
}

std::string VerifyReportToText(const VerifyReport& report) {
  std::string out;
  size_t failed = 0;
  for (const HostCheck& h : report.hosts) {
    if (h.ok()) {
      out += fmt::format("ok    {}  certificate covers it, HTTP {}\n", h.host, h.http_status);
    } else {
      ++failed;
      out += fmt::format("FAIL  {}  {}\n", h.host, h.error);
    }
  }
  out += fmt::format("{} of {} public hosts verified at {}:{}\n", report.hosts.size() - failed,
                     report.hosts.size(), report.address, report.port);
  return out;
}

}  // namespace lynctopo::proxy
