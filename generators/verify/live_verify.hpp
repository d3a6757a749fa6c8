#pragma once

// `lynctopo verify FILE`: the live side of "actual". Runs the DNS, reverse-proxy and
// certificate checks against the endpoints the plan names and reports what differs as
// `Change`s, the action model `diff` uses (model/diff/change.hpp): the plan is the desired state,
// the live systems are the current one.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "generators/certificates/cert_check.hpp"
#include "generators/dns/dns_verify.hpp"
#include "generators/proxy/proxy_verify.hpp"
#include "model/diagnostics.hpp"
#include "model/diff/change.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// The `Change::level` of every live finding.
inline constexpr const char* kLiveLevel = "live";

struct LiveDnsTarget {
  View view = View::kInternal;
  DnsServerAddress server;
};

struct LiveVerifyOptions {
  std::vector<LiveDnsTarget> dns;  // one server per view to check; empty: no DNS check
  double dns_timeout_seconds = 2.0;
  int dns_retries = 2;
  std::string proxy_address;  // empty: no proxy (and no certificate) check
  int proxy_port = 443;
  std::string proxy_name;  // only the hosts this reverse proxy publishes; empty: every proxy
  bool connect = false;    // also check the certificate each host is served with
  int connect_timeout_seconds = 5;
  // Called as each check finishes, with one line saying what it found (the CLI prints it on
  // a terminal); empty: silent.
  std::function<void(const std::string&)> on_check;
};

// DNS drift of one view → "dns-record" changes at "<view> <TYPE> <name>": create (planned,
// not served), update (served with another value), delete (served, not planned); before = the
// live value, after = the planned one.
std::vector<Change> DnsDriftToChanges(const DnsVerifyResult& result);

// Failed hosts of a proxy check → "proxy-host" updates at "<host>" whose note says what
// failed; hosts that pass are no-ops.
std::vector<Change> ProxyReportToChanges(const proxy::VerifyReport& report);

// A served certificate (`host` is the SNI it was asked for) that falls short of the plan →
// one "certificate" update at "<host>" (before = what is served, after = what is planned,
// note = the findings). Chain certificates are not reported; no findings → no change.
std::vector<Change> CertCheckToChanges(const std::string& host, const CertCheckReport& report);

// Runs every check `options` asks for against `plan` and returns the changes sorted by kind
// and address (no-ops included). Problems that leave a check without an answer (a DNS server
// or a proxy that does not answer at all) are errors in `diagnostics`.
std::vector<Change> VerifyLive(const Plan& plan, const LiveVerifyOptions& options,
                               Diagnostics& diagnostics);

}  // namespace lynctopo
