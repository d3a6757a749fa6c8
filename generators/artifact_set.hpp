#pragma once

// The artifact models: typed, in-memory results each generator renders to files and the
// consistency check reasons about (never about rendered text). Built once per run from the
// plan, in dependency order (certificates before the proxy rules that name them).

#include <map>
#include <memory>
#include <string>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Defined by each generator in generators/<name>/.
struct CertificateSet;
struct DnsRecordSet;
struct ProxyRuleSet;
struct KerberosPlan;
struct IisPlan;

struct ArtifactSet {
  const Plan* plan = nullptr;
  std::shared_ptr<const CertificateSet> certificates;
  std::shared_ptr<const DnsRecordSet> dns;
  std::shared_ptr<const ProxyRuleSet> proxy;
  std::shared_ptr<const KerberosPlan> kerberos;
  std::shared_ptr<const IisPlan> iis;
  // The consistency check's findings over these models, when the caller ran it before the
  // generators (`generate` does): the report shows them without running every rule again
  // (the rules were a fifth of a large run, run twice). nullptr: the report runs them.
  std::shared_ptr<const Diagnostics> consistency;
  // Sizes of the models for the `generate` summary ("certificates" -> 7, "dns records" -> 42),
  // filled by each builder in BuildArtifacts.
  std::map<std::string, size_t> counts;
};

// Builds every artifact model from the plan (generators/artifact_set.cpp).
ArtifactSet BuildArtifacts(const Plan& plan, Diagnostics& diagnostics);

}  // namespace lynctopo
