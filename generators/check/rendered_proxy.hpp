#pragma once

// Readers of the reverse-proxy configurations the proof reads back (rendered_artifacts.cpp):
// each turns one product's file into the routes it serves, (public host, TLS or plain) ->
// backend, with the line that says so. None knows how the proxy generator wrote the file.

#include <string>
#include <string_view>
#include <vector>

namespace lynctopo::rendered {

struct ServedRoute {
  std::string host;     // lower-case public host the proxy answers for
  bool tls = false;     // on its TLS listener (else the plain HTTP one)
  std::string backend;  // "host:port" (or "host" where the file gives no port)
  unsigned line = 0;
};

// nginx: server blocks (server_name, listen ... ssl, proxy_pass to an upstream or a host).
// False (with `error` and its line) when the file does not parse.
bool NginxRoutes(std::string_view text, std::vector<ServedRoute>& out, std::string& error,
                 unsigned& error_line);

// HAProxy: `frontend` sections with `bind` (TLS when it has `ssl`) and
// `use_backend B if { ... -m str 'host' }`, `backend` sections with `server name host:port`.
// False (with `error` and its line) on a use_backend naming no backend section.
bool HaproxyRoutes(std::string_view text, std::vector<ServedRoute>& out, std::string& error,
                   unsigned& error_line);

// IIS ARR (applicationHost.config fragment): URL Rewrite global rules that match {HTTP_HOST}
// (and {HTTPS} on/off) and rewrite to a web farm, whose server address and httpPort/httpsPort
// are the backend. False on XML that does not parse or a rule rewriting to no farm.
bool ArrRoutes(std::string_view text, std::vector<ServedRoute>& out, std::string& error,
               unsigned& error_line);

}  // namespace lynctopo::rendered
