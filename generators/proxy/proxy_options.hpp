#pragma once

// Generator options of `proxy` (`--set proxy.KEY=VALUE`), documented in docs/templates.md.
// They change where the rendered configs listen, find certificates and reach backends (tests
// run on 127.0.0.x high ports), never which names are published.

#include <map>
#include <string>

#include "generators/generator.hpp"

namespace lynctopo::proxy {

struct RenderOptions {
  bool all_products = false;                   // all_products: render TMG, ARR, nginx, HAProxy
  std::string cert_dir = "/etc/ssl/lynctopo";  // cert_dir: <id>.crt/.key (nginx), <id>.pem
  std::string listen_address;                  // listen_address: empty = every address
  int listen_https = 443;                      // listen_https
  int listen_http = 80;                        // listen_http
  std::map<std::string, std::string> backend_address;  // backend_address.<host>=<address>
  std::map<int, int> backend_port;                     // backend_port.<planned port>=<port>
  bool backend_verify = true;                          // backend_verify: check backend certificates
  std::string backend_ca;                    // backend_ca: default <cert_dir>/internal-ca.pem
  std::string runtime_dir;                   // runtime_dir: nginx temp files and access log
  std::string product = "Lync Server 2013";  // the Lync product, for script headers (from the plan)

  int ListenPort(int planned) const;
  int BackendPort(int planned) const;
  std::string BackendAddress(const std::string& host) const;
  std::string CertFile(const std::string& id, const char* extension) const;
};

// Parses `options`; bad values are reported (LT7010) and leave the default in place.
RenderOptions ParseRenderOptions(const GeneratorOptions& options, Diagnostics& diagnostics);

}  // namespace lynctopo::proxy
