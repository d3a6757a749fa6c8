#pragma once

// The one list of fields of our topology formats. Each Describe* function names every field of
// one model object, in the order the writers emit them; the reader (reader.cpp) and the
// writer (writer.cpp) are both driven by these functions, so JSON, XML, reading and
// writing can never disagree about a field. docs/format.md and schemas/ mirror this file.
//
// A visitor `v` provides:
//   Begin(origin, what)             the object's own Origin (objects without one skip it)
//   Text / Host / Int / Bool / Enum  scalar fields (Host: lower-cased, trailing dot dropped)
//   TextList / HostList             lists of scalars, with the XML element name of an item
//   Object / Optional / List        nested objects; `relevant` false lets the writer leave out
//                                   a sub-object that means nothing for this kind and still
//                                   holds its defaults (so nothing is lost)

#include "model/topology.hpp"

namespace lynctopo::format {

inline constexpr bool kRequired = true;

void DescribeServiceAddresses(auto& v, auto& a) {
  v.Text("access", a.access);
  v.Text("web_conferencing", a.web_conferencing);
  v.Text("audio_video", a.audio_video);
}

void DescribeSimpleUrl(auto& v, auto& u) {
  v.Begin(u.origin, "simple URL");
  v.Enum("kind", u.kind, kRequired);
  v.Host("domain", u.domain);
  v.Text("url", u.url, kRequired);
  v.Bool("active", u.active);
}

void DescribeKerberosAccount(auto& v, auto& k) {
  v.Begin(k.origin, "Kerberos account");
  v.Text("account", k.account, kRequired);
  v.Text("container_dn", k.container_dn);
}

void DescribeReverseProxy(auto& v, auto& p) {
  v.Begin(p.origin, "reverse proxy");
  v.Text("name", p.name, kRequired);
  v.Enum("product", p.product);
  v.Host("fqdn", p.fqdn);
  v.TextList("external_addresses", "address", p.external_addresses);
  v.TextList("internal_addresses", "address", p.internal_addresses);
}

void DescribeEdgeSettings(auto& v, auto& e) {
  v.Begin(e.origin, "Edge settings");
  v.Host("access_fqdn", e.access_fqdn);
  v.Host("web_conferencing_fqdn", e.web_conferencing_fqdn);
  v.Host("audio_video_fqdn", e.audio_video_fqdn);
  v.Int("access_port", e.access_port);
  v.Int("web_conferencing_port", e.web_conferencing_port);
  v.Int("audio_video_port", e.audio_video_port);
  v.Bool("nat", e.nat);
  v.Host("next_hop_pool", e.next_hop_pool);
  v.Bool("federation", e.federation);
  v.Bool("xmpp", e.xmpp);
  v.Object("external_vips", e.external_vips,
           [](auto& sub, auto& a) { DescribeServiceAddresses(sub, a); });
}

void DescribeTrunk(auto& v, auto& t) {
  v.Begin(t.origin, "trunk");
  v.Host("gateway", t.gateway, kRequired);
  v.Enum("transport", t.transport);
  v.Int("gateway_port", t.gateway_port);
  v.Int("mediation_port", t.mediation_port);
}

void DescribeServer(auto& v, auto& s, bool edge) {
  v.Begin(s.origin, "server");
  v.Host("fqdn", s.fqdn);
  v.TextList("addresses", "address", s.addresses);
  v.Enum("os", s.os);
  v.Object(
      "edge_external", s.edge_external,
      [](auto& sub, auto& a) { DescribeServiceAddresses(sub, a); }, edge);
  v.Object(
      "edge_public", s.edge_public, [](auto& sub, auto& a) { DescribeServiceAddresses(sub, a); },
      edge);
}

void DescribePool(auto& v, auto& p) {
  v.Begin(p.origin, "pool");
  v.Enum("kind", p.kind, kRequired);
  v.Host("fqdn", p.fqdn, kRequired);
  v.Enum("load_balancing", p.load_balancing);
  v.Text("vip", p.vip);
  v.Text("internal_web_vip", p.internal_web_vip);
  v.Text("external_web_vip", p.external_web_vip);
  v.Host("internal_web_fqdn", p.internal_web_fqdn);
  v.Host("external_web_fqdn", p.external_web_fqdn);
  v.Host("edge_pool", p.edge_pool);
  v.Text("version", p.version);
  v.Text("description", p.description);
  v.Enum("os", p.os);
  const bool edge = p.kind == PoolKind::kEdge;
  v.Object(
      "edge", p.edge, [](auto& sub, auto& e) { DescribeEdgeSettings(sub, e); }, edge);
  v.Object(
      "mediation", p.mediation,
      [](auto& sub, auto& m) {
        sub.Begin(m.origin, "Mediation settings");
        sub.Host("next_hop_pool", m.next_hop_pool);
        sub.List("trunks", "trunk", m.trunks,
                 [](auto& t, auto& trunk) { DescribeTrunk(t, trunk); });
      },
      p.kind == PoolKind::kMediation);
  v.Object(
      "branch", p.branch,
      [](auto& sub, auto& b) {
        sub.Begin(b.origin, "branch appliance settings");
        sub.Host("backup_registrar_pool", b.backup_registrar_pool);
      },
      p.kind == PoolKind::kSurvivableBranch);
  v.List("servers", "server", p.servers,
         [edge](auto& sub, auto& s) { DescribeServer(sub, s, edge); });
}

void DescribeSite(auto& v, auto& s) {
  v.Begin(s.origin, "site");
  v.Text("name", s.name, kRequired);
  v.Enum("kind", s.kind);
  v.Text("parent", s.parent);
  v.Text("description", s.description);
  v.Text("location", s.location);
  v.Optional("kerberos_account", s.kerberos_account,
             [](auto& sub, auto& k) { DescribeKerberosAccount(sub, k); });
  v.List("simple_urls", "simple_url", s.simple_urls,
         [](auto& sub, auto& u) { DescribeSimpleUrl(sub, u); });
  v.Host("designated_pool", s.designated_pool);
  v.List("reverse_proxies", "reverse_proxy", s.reverse_proxies,
         [](auto& sub, auto& p) { DescribeReverseProxy(sub, p); });
  v.List("pools", "pool", s.pools, [](auto& sub, auto& p) { DescribePool(sub, p); });
}

void DescribeTopology(auto& v, auto& t) {
  v.Begin(t.origin, "topology");
  v.FormatVersion();
  v.Text("name", t.name);
  v.Enum("version", t.version);
  v.HostList("sip_domains", "sip_domain", t.sip_domains);
  v.Host("ad_domain", t.ad_domain);
  v.Text("netbios_domain", t.netbios_domain);
  v.Bool("strict", t.strict);
  v.Host("designated_pool", t.designated_pool);
  v.List("simple_urls", "simple_url", t.simple_urls,
         [](auto& sub, auto& u) { DescribeSimpleUrl(sub, u); });
  v.Object("mobility", t.mobility, [](auto& sub, auto& m) {
    sub.Begin(m.origin, "mobility settings");
    sub.Bool("lyncdiscover_over_http", m.lyncdiscover_over_http);
  });
  v.Object("federation", t.federation, [](auto& sub, auto& f) {
    sub.Begin(f.origin, "federation settings");
    sub.Bool("enabled", f.enabled);
    sub.Bool("xmpp", f.xmpp);
    sub.HostList("xmpp_domains", "xmpp_domain", f.xmpp_domains);
  });
  v.Object("certificates", t.certificates, [](auto& sub, auto& c) {
    sub.Begin(c.origin, "certificate policy");
    sub.Enum("internal_ca", c.internal_ca);
    sub.Int("key_bits", c.key_bits);
    sub.Text("hash", c.hash);
    sub.Int("max_sans", c.max_sans);
    sub.Bool("split_over_max_sans", c.split_over_max_sans);
    sub.Bool("wildcard_simple_urls", c.wildcard_simple_urls);
    sub.Bool("separate_web_certificates", c.separate_web_certificates);
    sub.Bool("sip_names_on_default", c.sip_names_on_default);
  });
  v.Object("dns", t.dns, [](auto& sub, auto& d) {
    sub.Begin(d.origin, "DNS settings");
    sub.Int("ttl", d.ttl);
    sub.Host("primary_ns", d.primary_ns);
    sub.Text("hostmaster", d.hostmaster);
    sub.Host("internal_ns", d.internal_ns);
    sub.TextList("internal_ns_addresses", "internal_ns_address", d.internal_ns_addresses);
    sub.Host("external_ns", d.external_ns);
    sub.TextList("external_ns_addresses", "external_ns_address", d.external_ns_addresses);
    sub.Text("lyncdiscover_records", d.lyncdiscover_records);
    sub.Text("external_web_internal", d.external_web_internal);
    sub.Text("internal_zones", d.internal_zones);
  });
  v.List("sites", "site", t.sites, [](auto& sub, auto& s) { DescribeSite(sub, s); });
}

}  // namespace lynctopo::format
