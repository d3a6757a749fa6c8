// Deployment-wide rules: SIP domains (F22), XMPP domains, NetBIOS domain, DNS settings, and that
// there is something to sign in to.

#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "model/fqdn.hpp"
#include "model/validate/internal.hpp"

namespace lynctopo::validation {
namespace {

void CheckSipDomains(Context& ctx) {
  const Topology& t = ctx.topology;
  if (t.sip_domains.empty()) {
    ctx.Report("LT1001", t.origin, "sip_domains", "the topology has no SIP domain");
    return;
  }
  std::unordered_set<std::string> seen;
  for (const std::string& domain : t.sip_domains) {
    CheckHostName(ctx, domain, t.origin, "sip_domains", "SIP domain");
    if (!seen.insert(ToLower(domain)).second) {
      ctx.Report("LT1002", t.origin, "sip_domains",
                 fmt::format("SIP domain '{}' is listed more than once", domain));
    }
  }
}

void CheckXmppDomains(Context& ctx) {
  const FederationSettings& f = ctx.topology.federation;
  for (const std::string& domain : f.xmpp_domains) {
    if (!CheckHostName(ctx, domain, f.origin, "xmpp_domains", "XMPP domain")) continue;
    if (!ctx.IsSipDomain(domain)) {
      ctx.Report("LT1003", f.origin, "xmpp_domains",
                 fmt::format("XMPP domain '{}' is not one of the SIP domains", domain));
    }
  }
}

// NetBIOS domain names: at most 15 characters, none of \ / : * ? " < > | and no dot.
void CheckNetbiosDomain(Context& ctx) {
  const Topology& t = ctx.topology;
  const std::string& name = t.netbios_domain;
  if (name.empty()) return;
  if (char c = FirstUnsafeCharacter(name)) {
    ctx.Report(
        "LT1160", t.origin, "netbios_domain",
        fmt::format("NetBIOS domain '{}' contains {}, which could break quoting in generated "
                    "scripts",
                    name, DescribeCharacter(c)));
    return;
  }
  bool bad_character = name.find_first_of("/:*?<>|.,") != std::string::npos;
  if (name.size() > 15 || bad_character) {
    ctx.Report("LT1009", t.origin, "netbios_domain",
               fmt::format("NetBIOS domain '{}' {}", name,
                           bad_character ? "contains a character NetBIOS names do not allow"
                                         : "is longer than 15 characters"));
  }
}

void CheckDnsSettings(Context& ctx) {
  const DnsSettings& dns = ctx.topology.dns;
  if (dns.ttl <= 0) {
    ctx.Report("LT1010", dns.origin, "ttl",
               fmt::format("DNS TTL {} is not a positive number of seconds", dns.ttl));
  }
  if (!dns.primary_ns.empty()) {
    CheckHostName(ctx, dns.primary_ns, dns.origin, "primary_ns", "DNS primary name server");
  }
  if (!dns.internal_ns.empty())
    CheckHostName(ctx, dns.internal_ns, dns.origin, "internal_ns", "internal DNS name server");
  if (!dns.external_ns.empty())
    CheckHostName(ctx, dns.external_ns, dns.origin, "external_ns", "external DNS name server");
  for (const std::string& address : dns.internal_ns_addresses)
    CheckAddress(ctx, address, dns.origin, "internal_ns_addresses", "internal name server address");
  for (const std::string& address : dns.external_ns_addresses)
    CheckAddress(ctx, address, dns.origin, "external_ns_addresses", "external name server address");
  if (!dns.lyncdiscover_records.empty() && dns.lyncdiscover_records != "a" &&
      dns.lyncdiscover_records != "cname") {
    ctx.Report("LT1012", dns.origin, "lyncdiscover_records",
               fmt::format("DNS lyncdiscover_records '{}' is neither 'a' nor 'cname'",
                           dns.lyncdiscover_records));
  }
  if (!dns.external_web_internal.empty() && dns.external_web_internal != "absent" &&
      dns.external_web_internal != "hairpin") {
    ctx.Report("LT1013", dns.origin, "external_web_internal",
               fmt::format("DNS external_web_internal '{}' is neither 'absent' nor 'hairpin'",
                           dns.external_web_internal));
  }
  if (!dns.internal_zones.empty() && dns.internal_zones != "full" &&
      dns.internal_zones != "pinpoint") {
    ctx.Report("LT1014", dns.origin, "internal_zones",
               fmt::format("DNS internal_zones '{}' is neither 'full' nor 'pinpoint'",
                           dns.internal_zones));
  }
  if (!dns.hostmaster.empty()) {
    size_t at = dns.hostmaster.find('@');
    std::string_view mailbox = std::string_view(dns.hostmaster).substr(0, at);
    bool mailbox_ok = !mailbox.empty() && mailbox.find_first_not_of(
                                              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789-_+") == std::string_view::npos;
    if (at == std::string::npos || !mailbox_ok ||
        Fqdn::Check(std::string_view(dns.hostmaster).substr(at + 1)) != FqdnError::kNone) {
      ctx.Report("LT1011", dns.origin, "hostmaster",
                 fmt::format("DNS hostmaster '{}' is not an address like hostmaster@contoso.com",
                             dns.hostmaster));
    }
  }
}

void CheckSignInPoolExists(Context& ctx) {
  for (const PoolRef& ref : ctx.pools) {
    if (ref.pool->kind == PoolKind::kStandardEdition || ref.pool->kind == PoolKind::kFrontEnd) {
      return;
    }
  }
  ctx.Report("LT1008", ctx.topology.origin, "sites",
             "the topology has no standard-edition or front-end pool to sign in to");
}

}  // namespace

void CheckDeployment(Context& ctx) {
  CheckSipDomains(ctx);
  CheckXmppDomains(ctx);
  if (!ctx.topology.ad_domain.empty()) {
    CheckHostName(ctx, ctx.topology.ad_domain, ctx.topology.origin, "ad_domain", "AD domain");
  }
  CheckNetbiosDomain(ctx);
  CheckDnsSettings(ctx);
  CheckSignInPoolExists(ctx);
}

}  // namespace lynctopo::validation
