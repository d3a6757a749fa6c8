#include "model/address.hpp"

#include <arpa/inet.h>

namespace lynctopo {

std::optional<std::string> CanonicalAddress(std::string_view text) {
  // inet_pton wants a C string; an embedded NUL is no address (and never reaches here: the
  // loader refuses control characters).
  if (text.empty() || text.find('\0') != std::string_view::npos) return std::nullopt;
  std::string s(text);
  unsigned char bytes[16];
  char out[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, s.c_str(), bytes) == 1) {
    return inet_ntop(AF_INET, bytes, out, sizeof out) ? std::optional<std::string>(out)
                                                      : std::nullopt;
  }
  if (inet_pton(AF_INET6, s.c_str(), bytes) == 1) {
    return inet_ntop(AF_INET6, bytes, out, sizeof out) ? std::optional<std::string>(out)
                                                       : std::nullopt;
  }
  return std::nullopt;
}

namespace {

void Normalize(std::string& address) {
  if (std::optional<std::string> canonical = CanonicalAddress(address)) address = *canonical;
}

void Normalize(std::vector<std::string>& addresses) {
  for (std::string& address : addresses) Normalize(address);
}

void Normalize(EdgeServiceAddresses& a) {
  Normalize(a.access);
  Normalize(a.web_conferencing);
  Normalize(a.audio_video);
}

}  // namespace

void NormalizeAddresses(Topology& topology) {
  Normalize(topology.dns.internal_ns_addresses);
  Normalize(topology.dns.external_ns_addresses);
  for (Site& site : topology.sites) {
    for (ReverseProxy& proxy : site.reverse_proxies) {
      Normalize(proxy.external_addresses);
      Normalize(proxy.internal_addresses);
    }
    for (Pool& pool : site.pools) {
      Normalize(pool.vip);
      Normalize(pool.internal_web_vip);
      Normalize(pool.external_web_vip);
      Normalize(pool.edge.external_vips);
      for (Server& server : pool.servers) {
        Normalize(server.addresses);
        Normalize(server.edge_external);
        Normalize(server.edge_public);
      }
    }
  }
}

}  // namespace lynctopo
