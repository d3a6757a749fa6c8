#pragma once

// Consistency rules that state what must exist, derived from the plan with code of their own
// (never the generators' builders), and compare it with what the artifact models hold. Each
// rule's "what must exist" table is spelled out in expected_rules.cpp.

#include <memory>

#include "generators/artifact_set.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo {

struct RunIndexes;

// While one lives (RunConsistencyCheck makes one per run, on its thread), the rules share the
// indexes they build from the models, which no rule changes; outside one, each rule builds its
// own, so a model changed between two runs is never judged by a stale index.
class RuleRunScope {
 public:
  RuleRunScope();
  ~RuleRunScope();
  RuleRunScope(const RuleRunScope&) = delete;
  RuleRunScope& operator=(const RuleRunScope&) = delete;

 private:
  friend class JoinedRuleRun;
  RunIndexes* outer_;
  std::unique_ptr<RunIndexes> indexes_;
};

// While one lives, on another thread than the run's: the rules run there share `run`'s indexes
// (RunConsistencyCheck runs the rules of one run side by side).
class JoinedRuleRun {
 public:
  explicit JoinedRuleRun(const RuleRunScope& run);
  ~JoinedRuleRun();
  JoinedRuleRun(const JoinedRuleRun&) = delete;
  JoinedRuleRun& operator=(const JoinedRuleRun&) = delete;

 private:
  RunIndexes* outer_;
};

// LT4201: every plan name has its records in its view: one A/AAAA per planned address, a
// CNAME to its target for an alias.
void CheckPlannedNamesHaveRecords(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4202: every planned service has its SRV record (target, port, priority, weight) in its view.
void CheckPlannedServicesHaveSrv(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4203: every published endpoint has its rule on its proxy: same host and listen port, same
// backend host and port.
void CheckPublishedEndpointsHaveRules(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4204: every name external DNS points at a reverse proxy's listener has a rule there (a
// published host without its rule answers with nothing).
void CheckProxyAddressedNamesHaveRules(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4205: every Edge pool's external Access Edge names (sip.<SIP domain> included) and Web
// Conferencing Edge name are on its Edge external certificate.
void CheckEdgeNamesOnEdgeCertificate(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4206: every Standard Edition / Front End / Director server certificate carries its server
// FQDN, pool FQDN, internal web FQDN and external web FQDN.
void CheckWebServerCertificateNames(const ArtifactSet& artifacts, Diagnostics& diagnostics);
// LT4207: every Meet / Dialin simple URL host resolves in both views, is published by a reverse
// proxy when the plan has one, and is on the web certificates of its target pool.
void CheckSimpleUrlsServed(const ArtifactSet& artifacts, Diagnostics& diagnostics);

}  // namespace lynctopo
