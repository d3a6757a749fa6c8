#include "generators/proxy/proxy_options.hpp"

#include <charconv>

#include <fmt/format.h>

namespace lynctopo::proxy {
namespace {

constexpr std::string_view kBackendAddress = "backend_address.";
constexpr std::string_view kBackendPort = "backend_port.";

bool ParsePort(std::string_view text, int* out) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 65535) {
    return false;
  }
  *out = value;
  return true;
}

bool ParseBool(std::string_view text, bool* out) {
  if (text == "true" || text == "1" || text == "yes") return *out = true, true;
  if (text == "false" || text == "0" || text == "no") return *out = false, true;
  return false;
}

// An IPv4/IPv6 literal or a host name: what a listen/bind/server line can take unquoted.
bool IsAddressLike(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Paths end up quoted in nginx, HAProxy, PowerShell and XML; refuse what one of them cannot
// quote rather than emit a config that means something else.
bool IsSafePath(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '$' || c == '\'' || c == '"' || c == '\\') return false;
  }
  return !text.empty();
}

}  // namespace

int RenderOptions::ListenPort(int planned) const {
  if (planned == 443) return listen_https;
  if (planned == 80) return listen_http;
  return planned;
}

int RenderOptions::BackendPort(int planned) const {
  auto it = backend_port.find(planned);
  return it == backend_port.end() ? planned : it->second;
}

std::string RenderOptions::BackendAddress(const std::string& host) const {
  auto it = backend_address.find(host);
  return it == backend_address.end() ? host : it->second;
}

std::string RenderOptions::CertFile(const std::string& id, const char* extension) const {
  return fmt::format("{}/{}.{}", cert_dir, id, extension);
}

RenderOptions ParseRenderOptions(const GeneratorOptions& options, Diagnostics& diagnostics) {
  RenderOptions out;
  auto bad = [&](const std::string& key, const std::string& value, std::string_view expected) {
    diagnostics.Error("LT7010", "", {},
                      fmt::format("option proxy.{}='{}': expected {}", key, value, expected));
  };
  for (const auto& [key, value] : options.values) {
    if (key == "all_products") {
      if (!ParseBool(value, &out.all_products)) bad(key, value, "true or false");
    } else if (key == "backend_verify") {
      if (!ParseBool(value, &out.backend_verify)) bad(key, value, "true or false");
    } else if (key == "cert_dir") {
      if (IsSafePath(value))
        out.cert_dir = value;
      else
        bad(key, value, "a path without quotes, '$', '\\' or control characters");
    } else if (key == "backend_ca") {
      if (IsSafePath(value))
        out.backend_ca = value;
      else
        bad(key, value, "a path without quotes, '$', '\\' or control characters");
    } else if (key == "runtime_dir") {
      if (IsSafePath(value))
        out.runtime_dir = value;
      else
        bad(key, value, "a path without quotes, '$', '\\' or control characters");
    } else if (key == "listen_address") {
      if (IsAddressLike(value))
        out.listen_address = value;
      else
        bad(key, value, "an IP address or host name");
    } else if (key == "listen_https") {
      if (!ParsePort(value, &out.listen_https)) bad(key, value, "a port 1-65535");
    } else if (key == "listen_http") {
      if (!ParsePort(value, &out.listen_http)) bad(key, value, "a port 1-65535");
    } else if (key.starts_with(kBackendAddress)) {
      if (IsAddressLike(value))
        out.backend_address[key.substr(kBackendAddress.size())] = value;
      else
        bad(key, value, "an IP address or host name");
    } else if (key.starts_with(kBackendPort)) {
      int from = 0, to = 0;
      if (ParsePort(key.substr(kBackendPort.size()), &from) && ParsePort(value, &to)) {
        out.backend_port[from] = to;
      } else {
        bad(key, value, "backend_port.<planned port>=<port>");
      }
    } else {
      diagnostics.Warning("LT7011", "", {}, fmt::format("unknown option proxy.{} ignored", key));
    }
  }
  if (out.backend_ca.empty()) out.backend_ca = out.cert_dir + "/internal-ca.pem";
  return out;
}

}  // namespace lynctopo::proxy
