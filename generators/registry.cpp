// The one table of generators, in output order. No self-registration: adding a generator is
// one #include and one line here. Every generator exposes its one instance from its own folder
// as `const Generator& <Name>Generator();`, e.g. generators/dns/dns_generator.hpp: DnsGenerator().
#include <algorithm>
#include <vector>

#include "generators/certificates/certificates_generator.hpp"
#include "generators/dns/dns_generator.hpp"
#include "generators/firewall/firewall_generator.hpp"
#include "generators/generator.hpp"
#include "generators/iis/iis_generator.hpp"
#include "generators/kerberos/kerberos_generator.hpp"
#include "generators/loadbalancer/loadbalancer_generator.hpp"
#include "generators/proxy/proxy_generator.hpp"
#include "generators/report/report_generator.hpp"

namespace lynctopo {

std::span<const Generator* const> AllGenerators() {
  static const std::vector<const Generator*> generators = {
      // Generator engineers: add `&NameGenerator(),` lines here (certificates first).
      &CertificatesGenerator(), &DnsGenerator(), &ProxyGenerator(),
      &KerberosGenerator(),     &IisGenerator(), &FirewallGenerator(),
      &LoadBalancerGenerator(),
      &ReportGenerator(),  // last: its overview shows what the others found
  };
  return generators;
}

const Generator* FindGenerator(std::string_view name) {
  auto all = AllGenerators();
  auto it = std::find_if(all.begin(), all.end(),
                         [name](const Generator* g) { return g->name() == name; });
  return it == all.end() ? nullptr : *it;
}

}  // namespace lynctopo
