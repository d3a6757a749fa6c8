#include "generators/verify/live_verify.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {
namespace {

using nlohmann::json;

Change LiveChange(std::string kind, std::string address, ChangeAction action) {
  Change change;
  change.level = kLiveLevel;
  change.kind = std::move(kind);
  change.address = std::move(address);
  change.action = action;
  return change;
}

// What failed on a host, in the order the checks run (each needs the one before).
std::string ProxyFailure(const proxy::HostCheck& check) {
  std::string what;
  if (!check.connected) {
    what = "no TLS connection";
  } else if (!check.certificate_covers) {
    what = "the certificate served does not cover the name";
    if (!check.certificate_subject.empty()) what += " (subject " + check.certificate_subject + ")";
  } else {
    what = "no HTTP response";
  }
  if (!check.error.empty()) what += ": " + check.error;
  return what;
}

json ProxyState(bool connected, bool covers, bool http) {
  return {
      {"tls_connection", connected}, {"certificate_covers_name", covers}, {"http_response", http}};
}

// Every host published over TLS (by `proxy_name`, when given) with its listener certificate id.
std::map<std::string, std::string> TlsHosts(const ProxyRuleSet& rules,
                                            const std::string& proxy_name) {
  std::map<std::string, std::string> hosts;
  for (const ProxyRule& rule : rules.rules) {
    if (!proxy_name.empty() && rule.proxy != proxy_name) continue;
    if (rule.listen_tls) hosts.emplace(rule.public_host.str(), rule.certificate);
  }
  return hosts;
}

std::string JoinAddress(const std::string& address, int port) {
  bool v6 = address.find(':') != std::string::npos;
  return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

void VerifyDnsTargets(const Plan& plan, const LiveVerifyOptions& options, Diagnostics& diagnostics,
                      std::vector<Change>& out) {
  DnsRecordSet set = BuildDnsRecords(plan, diagnostics);
  int timeout_ms = static_cast<int>(options.dns_timeout_seconds * 1000);
  for (const LiveDnsTarget& target : options.dns) {
    std::unique_ptr<DnsQuerier> querier =
        MakeLdnsQuerier(target.server, timeout_ms, options.dns_retries);
    DnsVerifyResult result = VerifyDns(set, target.view, *querier, diagnostics);
    result.server = target.server.ToString();
    if (options.on_check) {
      options.on_check(std::string("DNS ") + ToString(target.view) + " at " + result.server + ": " +
                       std::to_string(result.checked) + " records compared, " +
                       std::to_string(result.drift.size()) + " differ" +
                       (result.failed ? ", " + std::to_string(result.failed) + " unanswered" : ""));
    }
    for (Change& c : DnsDriftToChanges(result)) out.push_back(std::move(c));
  }
}

void VerifyProxyAndCertificates(const Plan& plan, const LiveVerifyOptions& options,
                                Diagnostics& diagnostics, std::vector<Change>& out) {
  ProxyRuleSet rules = BuildProxyRules(plan, diagnostics);
  std::map<std::string, std::string> hosts = TlsHosts(rules, options.proxy_name);
  std::string endpoint = JoinAddress(options.proxy_address, options.proxy_port);
  if (hosts.empty()) {
    diagnostics.Error(
        "LT9701", endpoint, {},
        options.proxy_name.empty()
            ? "the plan publishes no host over TLS: nothing to check at --proxy"
            : "no reverse proxy named '" + options.proxy_name + "' publishes a host over TLS");
    return;
  }
  std::vector<std::string> names;
  for (const auto& [host, certificate] : hosts) names.push_back(host);
  proxy::VerifyReport report = proxy::VerifyProxyHosts(
      names, options.proxy_address, options.proxy_port, options.connect_timeout_seconds);
  bool any_connected = std::any_of(report.hosts.begin(), report.hosts.end(),
                                   [](const proxy::HostCheck& h) { return h.connected; });
  if (options.on_check) {
    size_t failing = std::count_if(report.hosts.begin(), report.hosts.end(),
                                   [](const proxy::HostCheck& h) { return !h.ok(); });
    options.on_check("proxy " + endpoint + ": " + std::to_string(report.hosts.size()) +
                     " hosts checked, " + std::to_string(failing) + " failing");
  }
  if (!any_connected) {
    std::string why = report.hosts.empty() ? "" : report.hosts.front().error;
    diagnostics.Error("LT9702", endpoint, {},
                      "the reverse proxy accepted no TLS connection for any of the " +
                          std::to_string(names.size()) + " planned hosts" +
                          (why.empty() ? "" : " (first: " + why + ")"));
    return;
  }
  for (Change& c : ProxyReportToChanges(report)) out.push_back(std::move(c));
  if (!options.connect) return;

  CertificateSet certificates = BuildCertificates(plan, diagnostics);
  for (const auto& [host, certificate_id] : hosts) {
    Diagnostics fetch_diagnostics;
    std::vector<LoadedCertificate> served = FetchCertificatesWithSni(
        endpoint, host, options.connect_timeout_seconds, fetch_diagnostics);
    if (served.empty()) continue;  // the proxy check above already reports the host
    std::vector<const PlannedCertificate*> candidates = SelectPlanned(certificates, certificate_id);
    if (candidates.empty()) {
      diagnostics.Warning("LT9703", endpoint, {},
                          host + ": the plan has no certificate '" + certificate_id +
                              "' to compare the served one with");
      continue;
    }
    CertCheckReport report = CheckCertificates(served, candidates, CertCheckOptions{});
    size_t before = out.size();
    for (Change& c : CertCheckToChanges(host, report)) out.push_back(std::move(c));
    if (options.on_check) {
      options.on_check("certificate served for " + host + ": " +
                       (out.size() == before ? "as planned" : "differs from the plan"));
    }
  }
}

}  // namespace

std::vector<Change> DnsDriftToChanges(const DnsVerifyResult& result) {
  std::vector<Change> changes;
  for (const DnsDrift& drift : result.drift) {
    std::string address =
        std::string(ToString(result.view)) + " " + ToString(drift.type) + " " + drift.name;
    switch (drift.kind) {
      case DnsDriftKind::kMissing: {
        Change c = LiveChange("dns-record", address, ChangeAction::kCreate);
        c.after = {{"value", drift.planned}};
        c.note = "planned, not served";
        changes.push_back(std::move(c));
        break;
      }
      case DnsDriftKind::kDifferent: {
        Change c = LiveChange("dns-record", address, ChangeAction::kUpdate);
        c.before = {{"value", drift.actual}};
        c.after = {{"value", drift.planned}};
        changes.push_back(std::move(c));
        break;
      }
      case DnsDriftKind::kExtra: {
        Change c = LiveChange("dns-record", address, ChangeAction::kDelete);
        c.before = {{"value", drift.actual}};
        c.note = "served, not planned";
        changes.push_back(std::move(c));
        break;
      }
    }
  }
  if (!result.server.empty()) {
    for (Change& c : changes) {
      c.note = c.note.empty() ? "server " + result.server : c.note + ", server " + result.server;
    }
  }
  return changes;
}

std::vector<Change> ProxyReportToChanges(const proxy::VerifyReport& report) {
  std::vector<Change> changes;
  for (const proxy::HostCheck& check : report.hosts) {
    bool ok = check.ok();
    Change c =
        LiveChange("proxy-host", check.host, ok ? ChangeAction::kNoOp : ChangeAction::kUpdate);
    c.before = ProxyState(check.connected, check.certificate_covers, check.http_response);
    c.after = ProxyState(true, true, true);
    if (!ok) c.note = ProxyFailure(check);
    changes.push_back(std::move(c));
  }
  return changes;
}

std::vector<Change> CertCheckToChanges(const std::string& host, const CertCheckReport& report) {
  std::vector<Change> changes;
  for (const CheckedCertificate& served : report.certificates) {
    if (!served.leaf) continue;
    std::vector<std::string> findings;
    for (const CertFinding& f : served.findings) {
      if (f.severity == Severity::kError || f.severity == Severity::kWarning) {
        findings.push_back(f.message + " [" + f.code + "]");
      }
    }
    if (findings.empty()) continue;
    Change c = LiveChange("certificate", host, ChangeAction::kUpdate);
    std::vector<std::string> sans = served.sans;
    std::sort(sans.begin(), sans.end());
    c.before = {{"subject", served.subject},
                {"sans", sans},
                {"key_bits", served.key_bits},
                {"hash", served.hash}};
    if (served.planned != nullptr) {
      c.after = {{"subject", served.planned->subject},
                 {"sans", served.planned->sans},
                 {"key_bits", served.planned->key_bits},
                 {"hash", served.planned->hash}};
    } else {
      c.after = c.before;
    }
    c.after["findings"] = findings;
    c.before["findings"] = json::array();
    // The findings themselves are listed under `after`; the note says what was compared.
    c.note = (served.planned != nullptr ? "compared with planned " + served.planned->id + ", "
                                        : std::string("no planned certificate matches, ")) +
             std::to_string(findings.size()) + (findings.size() == 1 ? " finding" : " findings");
    changes.push_back(std::move(c));
  }
  return changes;
}

std::vector<Change> VerifyLive(const Plan& plan, const LiveVerifyOptions& options,
                               Diagnostics& diagnostics) {
  std::vector<Change> changes;
  if (!options.dns.empty()) VerifyDnsTargets(plan, options, diagnostics, changes);
  if (!options.proxy_address.empty()) {
    VerifyProxyAndCertificates(plan, options, diagnostics, changes);
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return std::tie(a.kind, a.address) < std::tie(b.kind, b.address);
  });
  return changes;
}

}  // namespace lynctopo
