#pragma once

// The Kerberos web-authentication plan (spec §D, call 8): one computer account per site (an
// account may serve several sites), and the HTTP SPNs those accounts must hold.

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

struct KerberosAccountPlan {
  std::string account;             // DOMAIN\name as written in the topology
  std::string container_dn;        // empty: the default CN=Computers container
  std::string distinguished_name;  // CN=<name>,<container or CN=Computers,<AD domain DN>>
  std::vector<std::string> sites;  // sites assigned to it, in plan order
};

enum class SpnRegistration { kEnableCsTopology, kSetspn };

struct SpnPlan {
  std::string spn;   // HTTP/<fqdn>
  std::string host;  // <fqdn>
  std::string site;
  std::string pool;
  std::string account;
  SpnRegistration registered_by = SpnRegistration::kEnableCsTopology;
};

struct KerberosPlan {
  std::vector<KerberosAccountPlan> accounts;       // sorted by account (case-insensitive)
  std::vector<SpnPlan> spns;                       // sorted by spn
  std::vector<std::string> sites_without_account;  // sites with IIS pools but no account
};

const char* ToString(SpnRegistration registration);

// The account's NetBIOS user part: "kerbauth" of "CONTOSO\kerbauth".
std::string AccountUserName(const std::string& account);

// "DC=contoso,DC=local" of "contoso.local".
std::string DomainToDn(const std::string& dns_domain);

KerberosPlan BuildKerberosPlan(const Plan& plan, Diagnostics& diagnostics);

}  // namespace lynctopo
