#pragma once

// Builds small Plans by hand for the DNS tests, independent of the plan derivation, so each
// test states exactly the names and services the DNS layer receives.

#include <memory>
#include <string>
#include <vector>

#include "generators/dns/dns_model.hpp"
#include "model/fqdn.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::testing {

inline Fqdn F(const std::string& text) {
  return Fqdn::Parse(text).value();
}

class DnsTestPlan {
 public:
  explicit DnsTestPlan(std::vector<std::string> sip_domains,
                       std::string ad_domain = "contoso.local")
      : topology_(std::make_unique<Topology>()) {
    topology_->sip_domains = sip_domains;
    topology_->ad_domain = ad_domain;
    topology_->source_file = "test.json";
    plan_.topology = topology_.get();
    for (const std::string& d : sip_domains) plan_.sip_domains.push_back(F(d));
  }

  Topology& topology() { return *topology_; }
  Plan& plan() { return plan_; }

  PlannedName& Name(View view, const std::string& fqdn, NameRole role, TargetKind target,
                    std::vector<std::string> addresses, const std::string& sip_domain = "") {
    PlannedName n;
    n.fqdn = F(fqdn);
    n.view = view;
    n.role = role;
    n.target = target;
    n.addresses = std::move(addresses);
    n.sip_domain = sip_domain;
    plan_.names.push_back(std::move(n));
    return plan_.names.back();
  }

  PlannedName& Alias(View view, const std::string& fqdn, NameRole role, const std::string& alias_of,
                     const std::string& sip_domain = "") {
    PlannedName& n = Name(view, fqdn, role, TargetKind::kAlias, {}, sip_domain);
    n.alias_of = alias_of;
    return n;
  }

  PlannedService& Service(View view, const std::string& service, const std::string& domain,
                          const std::string& target, int port, const std::string& purpose) {
    PlannedService s;
    s.view = view;
    s.service = service;
    s.domain = domain;
    s.target = F(target);
    s.port = port;
    s.purpose = purpose;
    plan_.services.push_back(std::move(s));
    return plan_.services.back();
  }

  DnsRecordSet Build(Diagnostics& diagnostics) const { return BuildDnsRecords(plan_, diagnostics); }

 private:
  std::unique_ptr<Topology> topology_;
  Plan plan_;
};

// "view zone name TYPE value" or, for SRV, "view zone name SRV prio weight port target".
inline std::string Line(const DnsRecord& r) {
  std::string out =
      std::string(ToString(r.view)) + " " + r.zone + " " + r.name + " " + ToString(r.type) + " ";
  if (r.type == DnsType::kSrv) {
    out += std::to_string(r.priority) + " " + std::to_string(r.weight) + " " +
           std::to_string(r.port) + " ";
  }
  return out + r.value;
}

inline std::vector<std::string> Lines(const DnsRecordSet& set) {
  std::vector<std::string> out;
  for (const DnsRecord& r : set.records) out.push_back(Line(r));
  return out;
}

inline std::vector<std::string> Codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.items()) out.push_back(d.code);
  return out;
}

}  // namespace lynctopo::testing
