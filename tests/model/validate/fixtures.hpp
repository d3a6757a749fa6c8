#pragma once

// A valid topology built in C++ for the validation tests: every rule test mutates one thing
// and asserts the exact diagnostic that follows.

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/topology.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo::testing {

inline Server MakeServer(std::string fqdn, std::string address) {
  Server server;
  server.fqdn = std::move(fqdn);
  server.addresses = {std::move(address)};
  return server;
}

inline SimpleUrl MakeUrl(SimpleUrlKind kind, std::string domain, std::string url) {
  SimpleUrl simple;
  simple.kind = kind;
  simple.domain = std::move(domain);
  simple.url = std::move(url);
  return simple;
}

// Two central sites (Redmond: Front End pool with HLB and an internal web override, Director
// pool, NAT Edge pool; Dublin: Standard Edition), a branch with an SBA, two SIP domains.
inline Topology ValidBase() {
  Topology t;
  t.name = "Contoso";
  t.sip_domains = {"contoso.com", "fabrikam.com"};
  t.ad_domain = "contoso.local";
  t.netbios_domain = "CONTOSO";
  t.simple_urls = {
      MakeUrl(SimpleUrlKind::kMeet, "contoso.com", "https://meet.contoso.com"),
      MakeUrl(SimpleUrlKind::kMeet, "fabrikam.com", "https://meet.fabrikam.com"),
      MakeUrl(SimpleUrlKind::kDialin, "*", "https://dialin.contoso.com"),
      MakeUrl(SimpleUrlKind::kAdmin, "*", "https://admin.contoso.com"),
  };
  t.federation.enabled = true;

  Site redmond;
  redmond.name = "Redmond";
  redmond.kerberos_account =
      KerberosAccount{"CONTOSO\\kerbauth", "CN=Computers,DC=contoso,DC=local", {}};
  ReverseProxy rp;
  rp.name = "rp1";
  rp.fqdn = "rp1.contoso.local";
  rp.external_addresses = {"131.107.155.40"};
  rp.internal_addresses = {"172.25.33.40"};
  redmond.reverse_proxies.push_back(rp);

  Pool fe;
  fe.kind = PoolKind::kFrontEnd;
  fe.fqdn = "pool01.contoso.local";
  fe.load_balancing = LoadBalancing::kHardware;
  fe.vip = "10.0.0.10";
  fe.internal_web_vip = "10.0.0.11";
  fe.external_web_vip = "10.0.0.12";
  fe.internal_web_fqdn = "webint.contoso.local";
  fe.external_web_fqdn = "webext.contoso.com";
  fe.edge_pool = "edgepool.contoso.local";
  fe.servers = {MakeServer("fe01.contoso.local", "10.0.0.21"),
                MakeServer("fe02.contoso.local", "10.0.0.22")};
  redmond.pools.push_back(fe);

  Pool director;
  director.kind = PoolKind::kDirector;
  director.fqdn = "dirpool.contoso.local";
  director.load_balancing = LoadBalancing::kHardware;
  director.vip = "10.0.0.30";
  director.external_web_fqdn = "dirext.contoso.com";
  director.edge_pool = "edgepool.contoso.local";
  director.servers = {MakeServer("dir01.contoso.local", "10.0.0.31"),
                      MakeServer("dir02.contoso.local", "10.0.0.32")};
  redmond.pools.push_back(director);

  Pool edge;
  edge.kind = PoolKind::kEdge;
  edge.fqdn = "edgepool.contoso.local";
  edge.load_balancing = LoadBalancing::kDns;
  edge.edge.access_fqdn = "sip.contoso.com";
  edge.edge.web_conferencing_fqdn = "webcon.contoso.com";
  edge.edge.audio_video_fqdn = "av.contoso.com";
  edge.edge.nat = true;
  edge.edge.next_hop_pool = "pool01.contoso.local";
  edge.edge.federation = true;
  for (int i = 1; i <= 2; ++i) {
    Server server = MakeServer("edge0" + std::to_string(i) + ".contoso.local",
                               "172.25.33.1" + std::to_string(i));
    server.edge_external = {"10.45.16.1" + std::to_string(i), "10.45.16.2" + std::to_string(i),
                            "10.45.16.3" + std::to_string(i)};
    server.edge_public = {"131.107.155.1" + std::to_string(i), "131.107.155.2" + std::to_string(i),
                          "131.107.155.3" + std::to_string(i)};
    edge.servers.push_back(server);
  }
  redmond.pools.push_back(edge);

  Pool sql;  // imported inventory: a SQL store known only by its pool name
  sql.kind = PoolKind::kSql;
  sql.fqdn = "sql01.contoso.local";
  sql.servers = {Server{}};
  redmond.pools.push_back(sql);
  t.sites.push_back(redmond);

  Site dublin;
  dublin.name = "Dublin";
  dublin.kerberos_account = KerberosAccount{"CONTOSO\\kerbdub", "", {}};
  Pool se;
  se.kind = PoolKind::kStandardEdition;
  se.fqdn = "se01.contoso.local";
  se.external_web_fqdn = "seext.contoso.com";
  se.edge_pool = "edgepool.contoso.local";
  se.servers = {MakeServer("se01.contoso.local", "10.1.0.10")};
  dublin.pools.push_back(se);
  t.sites.push_back(dublin);

  Site branch;
  branch.name = "Branch1";
  branch.kind = SiteKind::kBranch;
  branch.parent = "Redmond";
  Pool sba;
  sba.kind = PoolKind::kSurvivableBranch;
  sba.fqdn = "sba01.contoso.local";
  sba.servers = {MakeServer("sba01.contoso.local", "10.2.0.10")};
  branch.pools.push_back(sba);
  t.sites.push_back(branch);
  return t;
}

inline Site& SiteNamed(Topology& t, const std::string& name) {
  for (Site& site : t.sites) {
    if (site.name == name) return site;
  }
  throw std::logic_error("no site " + name);
}

inline Pool& PoolNamed(Topology& t, const std::string& fqdn) {
  for (Site& site : t.sites) {
    for (Pool& pool : site.pools) {
      if (pool.fqdn == fqdn) return pool;
    }
  }
  throw std::logic_error("no pool " + fqdn);
}

inline Pool& FrontEnd(Topology& t) {
  return PoolNamed(t, "pool01.contoso.local");
}
inline Pool& Director(Topology& t) {
  return PoolNamed(t, "dirpool.contoso.local");
}
inline Pool& Edge(Topology& t) {
  return PoolNamed(t, "edgepool.contoso.local");
}
inline Pool& StandardEdition(Topology& t) {
  return PoolNamed(t, "se01.contoso.local");
}

// Every diagnostic of a validation run, formatted ("error: message [LT1234]"), in report order.
inline std::vector<std::string> Validate(const Topology& t) {
  Diagnostics diagnostics;
  ValidateTopology(t, diagnostics);
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.items()) out.push_back(FormatDiagnostic(d));
  return out;
}

// The single diagnostic a mutation must produce (fails the test when there are more or none).
inline std::string Only(const Topology& t) {
  std::vector<std::string> all = Validate(t);
  INFO("diagnostics:\n"
       << [&] {
            std::string text;
            for (const auto& line : all) text += line + "\n";
            return text;
          }());
  REQUIRE(all.size() == 1);
  return all.front();
}

inline bool Contains(const std::vector<std::string>& all, const std::string& wanted) {
  return std::find(all.begin(), all.end(), wanted) != all.end();
}

}  // namespace lynctopo::testing
