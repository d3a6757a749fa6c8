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

  // Frees the models, keeping `counts` and `consistency`: `generate` proves the files it
  // rendered by reading them back into models of the proof's own, so the two sets of models
  // (a hundred megabytes each for 10,000 servers) are never held together.
  void ReleaseModels() {
    certificates.reset();
    dns.reset();
    proxy.reset();
    kerberos.reset();
    iis.reset();
  }
};

// Which models to build: the ones the chosen generators render from. A model left out stays
// nullptr, and the consistency rules that read it do not run (they skip missing models, as
// for a partial folder in `check --artifacts`).
struct ModelChoice {
  bool certificates = true;
  bool dns = true;
  bool proxy = true;  // needs the certificates (listener certificates), built with it
  bool kerberos = true;
  bool iis = true;
  static ModelChoice None() { return {false, false, false, false, false}; }
};

// Builds the chosen artifact models from the plan (generators/artifact_set.cpp).
ArtifactSet BuildArtifacts(const Plan& plan, Diagnostics& diagnostics,
                           const ModelChoice& choice = {});

}  // namespace lynctopo
