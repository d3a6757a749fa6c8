// The table of consistency rules. Each rule lives with the generator it belongs to
// (generators/<name>/...); add its declaration's header and one line here.
#include "generators/certificates/certificate_checks.hpp"
#include "generators/certificates/public_ca_names.hpp"
#include "generators/check/check.hpp"
#include "generators/check/expected_rules.hpp"
#include "generators/check/plan_rules.hpp"
#include "generators/dns/dns_checks.hpp"
#include "generators/dns/perimeter_hosts.hpp"
#include "generators/kerberos/kerberos_checks.hpp"
#include "generators/proxy/proxy_checks.hpp"

namespace lynctopo {

namespace {

constexpr ConsistencyRule kRules[] = {
    // Framework rules over the plan alone.
    {"LT4101", "every publishing reverse proxy a name or endpoint refers to exists",
     CheckPublishingProxiesExist},
    {"LT4102", "every published external name is one of its proxy's public hosts, and back",
     CheckProxyPublicHosts},
    {"LT4103", "every alias points at a name of the same view", CheckAliasTargets},
    {"LT4104", "every name resolves (addresses or an alias) or is marked address unknown",
     CheckNamesResolve},
    // What must exist, derived from the plan by the check's own code (expected_rules.cpp).
    {"LT4201", "every plan name has its A/AAAA records or CNAME in its view",
     CheckPlannedNamesHaveRecords},
    {"LT4202", "every planned service has its SRV record (target, port, priority, weight)",
     CheckPlannedServicesHaveSrv},
    {"LT4203", "every published endpoint has its proxy rule (host, port, backend)",
     CheckPublishedEndpointsHaveRules},
    {"LT4204", "every name external DNS points at a reverse proxy has a rule on that proxy",
     CheckProxyAddressedNamesHaveRules},
    {"LT4205", "every Access Edge and Web Conferencing Edge name is on its Edge certificate",
     CheckEdgeNamesOnEdgeCertificate},
    {"LT4206", "every web server certificate carries its server, pool and web FQDNs",
     CheckWebServerCertificateNames},
    {"LT4207", "every Meet / Dialin host resolves in both views, is published and certified",
     CheckSimpleUrlsServed},
    // Generator rules: add yours below (certificates, dns, proxy, kerberos, iis).
    {"LT5101", "nothing internal-only is on a public certificate",
     CheckNoInternalNamesOnPublicCertificates},
    {"LT5102", "every reverse-proxy public host is on that proxy's certificate",
     CheckProxyCertificatesCoverPublicHosts},
    {"LT5103", "every certificate name is a plan name in the view its clients resolve it in",
     CheckCertificateNamesResolve},
    {"LT5104", "no certificate for a public CA carries a name public CAs may not issue",
     CheckPublicCaNames},
    {"LT6010", "every SRV target has an A/AAAA record in its view", CheckDnsSrvTargets},
    {"LT6011", "lyncdiscover only external; lyncdiscoverinternal and internal web only internal",
     CheckDnsViewScopes},
    {"LT6012",
     "every certificate host name has a DNS record in the view its clients use "
     "(internal for internal certificates)",
     CheckDnsCertificateNames},
    {"LT6013", "every proxy backend and Edge next hop resolves in its perimeter hosts file",
     CheckPerimeterResolution},
    {"LT6014", "every external DNS zone is a domain the public DNS can delegate",
     CheckExternalZonesArePublic},
    {"LT7020", "every published proxy host has an external DNS name pointing at its proxy",
     CheckProxyHostsResolveToProxy},
    {"LT7021", "every SE / FE / Director external web FQDN is published by a reverse proxy",
     CheckExternalWebPublished},
    {"LT7022", "the Admin simple URL is never published", CheckAdminNeverPublished},
    {"LT7023", "every host published over TLS has a listener certificate",
     CheckProxyListenerCertificates},
    {"LT8101", "every IIS pool of a site with a Kerberos account has its SPNs",
     CheckIisPoolsHaveSpns},
    {"LT8102", "every SPN host resolves internally and is on its pool's certificate",
     CheckSpnHostsResolveAndAreCertified},
};

}  // namespace

std::span<const ConsistencyRule> AllConsistencyRules() {
  return kRules;
}

}  // namespace lynctopo
