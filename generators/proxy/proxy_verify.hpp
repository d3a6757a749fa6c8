#pragma once

// `lynctopo verify proxy`: proves a running reverse proxy serves every planned public host —
// it connects with the host as SNI, checks the presented certificate covers the name (SAN,
// wildcards included) and that `GET /` with that Host header gets an HTTP response.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lynctopo::proxy {

struct HostCheck {
  std::string host;
  bool connected = false;
  bool certificate_covers = false;
  bool http_response = false;
  int http_status = 0;
  std::string certificate_subject;
  std::string error;  // why a step failed
  bool ok() const { return connected && certificate_covers && http_response; }
};

struct VerifyReport {
  std::string address;
  int port = 443;
  std::vector<HostCheck> hosts;
  bool ok() const;
};

// Checks each of `hosts` (in the given order) against the proxy at address:port. Never throws;
// network problems become per-host errors.
VerifyReport VerifyProxyHosts(const std::vector<std::string>& hosts, const std::string& address,
                              int port, int timeout_seconds);

// {"format_version":1,"address","port","ok","hosts":[{"host","connected","certificate_covers",
//  "http_response","http_status","certificate_subject","error","ok"}]}
nlohmann::json VerifyReportToJson(const VerifyReport& report);
std::string VerifyReportToText(const VerifyReport& report);

}  // namespace lynctopo::proxy
