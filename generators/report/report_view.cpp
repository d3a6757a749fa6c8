#include "generators/report/report_view.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "generators/certificates/certificate_model.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/firewall/firewall_generator.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {

std::string Html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

using nlohmann::json;

// Strings or SharedNames.
template <typename Names>
std::string Join(const Names& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Each pool's first row in a table gets the anchor "<prefix>-<pool>"; the pools table links to
// the anchors that exist.
class Anchors {
 public:
  std::string Claim(const std::string& prefix, const std::string& pool) {
    if (pool.empty()) return "";
    std::string id = prefix + "-" + pool;
    return taken_.insert(id).second ? id : "";
  }
  bool Has(const std::string& id) const { return taken_.count(id) != 0; }

 private:
  std::unordered_set<std::string> taken_;
};

// One table of the page: the template renders the header, a filter box and the rows; the
// inline script sorts by a clicked column and filters rows by text. A row's cells are built
// while the template reaches it (`cells(i)`, HTML already: use Html() for text): the cells of
// every row of a 10,000-server report, held until the page was rendered, were most of its
// memory. What `cells` refers to must outlive the table's view.
class Table {
 public:
  using Cells = std::function<std::vector<std::string>(size_t row)>;
  Table(std::string id, std::string title, std::vector<std::string> columns, size_t rows,
        Cells cells)
      : id_(std::move(id)),
        title_(std::move(title)),
        columns_(std::move(columns)),
        rows_(rows),
        cells_(std::move(cells)) {}

  // Gives each pool's first row the anchor `prefix`-pool (Anchors::Claim); `pool(i)` is the
  // pool row i belongs to, "" for none. Before the pools table is built: it links to these.
  void ClaimAnchors(Anchors& anchors, const std::string& prefix,
                    const std::function<std::string(size_t row)>& pool) {
    for (size_t i = 0; i < rows_; ++i) {
      std::string id = anchors.Claim(prefix, pool(i));
      if (!id.empty()) anchors_.emplace(i, std::move(id));
    }
  }
  // Row i's anchor is `anchor(i)` ("" for none), whatever other tables claimed.
  void SetAnchors(std::function<std::string(size_t row)> anchor) { anchor_ = std::move(anchor); }

  // The table's view; its rows are lazy and refer to this table, which must outlive it.
  TemplateView View() const {
    json columns = json::array();
    for (const std::string& c : columns_) columns.push_back({{"name", Html(c)}});
    TemplateView view(json{{"id", id_},
                           {"title", Html(title_)},
                           {"columns", columns},
                           {"count", rows_},
                           {"empty", rows_ == 0},
                           {"span", columns_.size()}});
    view.lists["rows"] = {rows_, [this](size_t i) -> TemplateView {
                            json cells = json::array();
                            for (std::string& cell : cells_(i))
                              cells.push_back({{"html", std::move(cell)}});
                            std::string anchor = Anchor(i);
                            bool has_anchor = !anchor.empty();
                            return TemplateView(json{{"cells", std::move(cells)},
                                                     {"anchor", std::move(anchor)},
                                                     {"has_anchor", has_anchor}});
                          }};
    return view;
  }

 private:
  std::string Anchor(size_t row) const {
    if (anchor_) return anchor_(row);
    auto found = anchors_.find(row);
    return found == anchors_.end() ? "" : found->second;
  }
  std::string id_, title_;
  std::vector<std::string> columns_;
  size_t rows_;
  Cells cells_;
  std::unordered_map<size_t, std::string> anchors_;  // one per pool, not per row
  std::function<std::string(size_t)> anchor_;
};

// A section of the page: its tables, kept until the page is rendered.
struct ReportSection {
  std::string id, title, intro;
  std::vector<Table> tables;
};

std::string Code(std::string_view text) {
  return fmt::format("<code>{}</code>", Html(text));
}

std::string PoolLink(const std::string& pool) {
  if (pool.empty()) return "";
  return fmt::format("<a href=\"#pool-{0}\">{0}</a>", Html(pool));
}

std::string Location(const Diagnostic& d) {
  std::string where = d.file.empty() ? "" : std::filesystem::path(d.file).filename().string();
  if (d.loc.line > 0) where += fmt::format(":{}:{}", d.loc.line, d.loc.column);
  return where;
}

json Overview(const ReportInputs& in) {
  const Plan& plan = in.plan;
  const Topology* topology = plan.topology;
  std::map<std::string, size_t> kinds;
  size_t servers = 0;
  for (const PlannedPool& pool : plan.pools) {
    ++kinds[ToString(pool.kind)];
    servers += pool.servers.size();
  }
  json counts = json::array();
  for (const auto& [kind, count] : kinds)
    counts.push_back({{"kind", Html(kind)}, {"count", count}});
  std::vector<std::string> domains;
  for (const Fqdn& d : plan.sip_domains) domains.push_back(d.str());
  json sites = json::array();
  for (const PlannedSite& site : plan.sites) {
    sites.push_back({{"name", Html(site.name)},
                     {"kind", ToString(site.kind)},
                     {"pools", site.pools.size()},
                     {"parent", Html(site.parent)}});
  }
  json findings = json::array();
  size_t warnings = 0, notes = 0;
  for (const Diagnostic& d : in.findings) {
    (d.severity == Severity::kWarning ? warnings : notes) += 1;
    findings.push_back({{"severity", std::string(SeverityName(d.severity))},
                        {"code", Html(d.code)},
                        {"where", Html(Location(d))},
                        {"message", Html(d.message)}});
  }
  return {{"deployment", Html(topology ? topology->name : "")},
          {"version", topology ? ToString(topology->version) : ""},
          {"ad_domain", Html(topology ? topology->ad_domain : "")},
          {"default_domain", domains.empty() ? "" : Html(domains.front())},
          {"sip_domain_count", domains.size()},
          {"sip_domains", Html(Join(domains, ", "))},
          {"site_count", plan.sites.size()},
          {"sites", sites},
          {"pool_count", plan.pools.size()},
          {"server_count", servers},
          {"pool_kinds", counts},
          {"findings", findings},
          {"has_findings", !findings.empty()},
          {"warning_count", warnings},
          {"note_count", notes},
          {"consistent", in.consistent}};
}

}  // namespace

TemplateView BuildReportView(const ReportInputs& in, const std::vector<RenderedDiagram>& diagrams) {
  const Plan& plan = in.plan;
  const ArtifactSet& artifacts = in.artifacts;
  const FirewallPlan& firewall_plan = in.firewall;
  const LoadBalancerPlan& lb_plan = in.loadbalancer;
  // Shared by the rows built while the page renders, after this function returned.
  auto anchors = std::make_shared<Anchors>();
  static const std::vector<PlannedCertificate> kNoCertificates;
  static const std::vector<DnsRecord> kNoRecords;
  static const std::vector<ProxyRule> kNoRules;
  static const std::vector<SpnPlan> kNoSpns;
  static const std::vector<KerberosAccountPlan> kNoAccounts;
  static const std::vector<IisServer> kNoServers;

  const std::vector<PlannedCertificate>& certs =
      artifacts.certificates ? artifacts.certificates->certificates : kNoCertificates;
  Table certificates(
      "certificates", "Certificates",
      {"Id", "Role", "Uses", "Subject", "SANs", "CA", "EKU", "Key", "Install on", "Pool"},
      certs.size(), [&certs = certs](size_t i) -> std::vector<std::string> {
        const PlannedCertificate& c = certs[i];
        std::string sans = fmt::format("<details><summary>{}</summary>{}</details>", c.sans.size(),
                                       Html(Join(c.sans, ", ")));
        return {Code(c.id),
                Html(ToString(c.role)),
                Html(Join(c.uses, ", ")),
                Code(c.subject),
                sans,
                Html(ToString(c.ca)),
                Html(Join(c.eku, ", ")),
                fmt::format("RSA {}{}", c.key_bits, c.exportable_key ? ", exportable" : ""),
                Html(Join(c.install_on, ", ")),
                PoolLink(c.pool)};
      });
  certificates.ClaimAnchors(*anchors, "certificates", [&](size_t i) { return certs[i].pool; });

  // DNS per view, zone by zone; a record belongs to the pool its plan name leads to.
  auto name_pool = std::make_shared<std::unordered_map<std::string, std::string>>();
  for (const PlannedName& n : plan.names) {
    name_pool->try_emplace(std::string(ToString(n.view)) + "|" + n.fqdn.str(), n.pool);
  }
  for (const PlannedService& s : plan.services) {
    name_pool->try_emplace(std::string(ToString(s.view)) + "|" + s.service + "." + s.domain,
                           s.pool);
  }
  auto owner = [name_pool](const DnsRecord& r) {
    auto pool = name_pool->find(std::string(ToString(r.view)) + "|" + r.name);
    return pool == name_pool->end() ? std::string() : pool->second;
  };
  const std::vector<DnsRecord>& records = artifacts.dns ? artifacts.dns->records : kNoRecords;
  // Each view's records, by index into the model, in the model's order.
  auto in_view = std::make_shared<std::map<View, std::vector<size_t>>>();
  for (size_t i = 0; i < records.size(); ++i) (*in_view)[records[i].view].push_back(i);
  auto dns_table = [&](const char* id, const char* title, View view) {
    const std::vector<size_t>& rows = (*in_view)[view];
    Table table(
        id, title, {"Zone", "Name", "Type", "Value", "TTL", "Purpose", "Pool"}, rows.size(),
        [&records = records, &rows = rows, in_view, owner](size_t i) -> std::vector<std::string> {
          const DnsRecord& r = records[rows[i]];
          std::string value = r.value;
          if (r.type == DnsType::kSrv) {
            value = std::to_string(r.priority) + " " + std::to_string(r.weight) + " " +
                    std::to_string(r.port) + " " + r.value;
          }
          return {Html(r.zone),          Code(r.name),    ToString(r.type),  Code(value),
                  std::to_string(r.ttl), Html(r.purpose), PoolLink(owner(r))};
        });
    table.ClaimAnchors(*anchors, std::string("dns-") + ToString(view),
                       [&](size_t i) { return owner(records[rows[i]]); });
    return table;
  };
  Table dns_internal = dns_table("dns-internal", "DNS, internal view", View::kInternal);
  Table dns_external = dns_table("dns-external", "DNS, external view", View::kExternal);

  const std::vector<ProxyRule>& rules = artifacts.proxy ? artifacts.proxy->rules : kNoRules;
  Table proxy("proxy", "Reverse-proxy publishing rules",
              {"Proxy", "Public host", "Listen", "Backend", "Purpose", "Pool", "Certificate",
               "Timeout (s)"},
              rules.size(), [&rules = rules](size_t i) -> std::vector<std::string> {
                const ProxyRule& r = rules[i];
                return {Html(r.proxy),
                        Code(r.public_host.str()),
                        std::to_string(r.listen_port) + (r.listen_tls ? " TLS" : ""),
                        Code(r.backend_host + ":" + std::to_string(r.backend_port)),
                        Html(r.purpose),
                        PoolLink(r.pool),
                        Html(r.certificate),
                        std::to_string(r.timeout_seconds)};
              });
  proxy.ClaimAnchors(*anchors, "proxy", [&](size_t i) { return rules[i].pool; });

  const std::vector<LbVirtualServer>& virtual_servers = lb_plan.virtual_servers;
  Table lb("loadbalancer", "Load balancer virtual servers",
           {"Pool", "Service", "FQDN", "VIP", "Port", "Node port", "Protocol", "Persistence",
            "Idle timeout (s)", "Monitor", "Source NAT", "Members"},
           virtual_servers.size(),
           [&virtual_servers = virtual_servers](size_t i) -> std::vector<std::string> {
             const LbVirtualServer& vs = virtual_servers[i];
             std::vector<std::string> members;
             for (const LbMember& m : vs.members) {
               members.push_back(m.server + " " + m.address + ":" + std::to_string(m.port));
             }
             return {PoolLink(vs.pool),
                     Html(vs.service),
                     Code(vs.fqdn),
                     Code(vs.vip),
                     std::to_string(vs.port),
                     std::to_string(vs.node_port),
                     vs.protocol,
                     Html(vs.persistence + (vs.cookie.empty() ? "" : " (" + vs.cookie + ")")),
                     std::to_string(vs.idle_timeout_seconds),
                     vs.monitor_protocol + "/" + std::to_string(vs.monitor_port),
                     vs.source_nat_allowed ? "allowed" : "forbidden",
                     Html(Join(members, ", "))};
           });
  lb.ClaimAnchors(*anchors, "loadbalancer", [&](size_t i) { return virtual_servers[i].pool; });

  const std::vector<FirewallFlow>& flows = firewall_plan.flows;
  Table firewall("firewall", "Firewall and ports",
                 {"Firewall", "Direction", "From", "Source", "Source hosts", "To", "Destination",
                  "Addresses", "Port", "Protocol", "Application", "Purpose", "Pools"},
                 flows.size(), [&flows = flows](size_t i) -> std::vector<std::string> {
                   const FirewallFlow& f = flows[i];
                   std::vector<std::string> pools;
                   for (const std::string& p : f.pools) pools.push_back(PoolLink(p));
                   return {f.Firewall(),
                           ToString(f.direction),
                           ToString(f.source_zone),
                           Html(f.source),
                           Html(Join(f.source_hosts, ", ")),
                           ToString(f.destination_zone),
                           Html(f.destination),
                           Html(Join(f.destination_addresses, ", ")),
                           PortText(f.port, f.port_end),
                           f.protocol,
                           Html(f.application),
                           Html(f.purpose),
                           Join(pools, " ")};
                 });
  firewall.ClaimAnchors(*anchors, "firewall", [&](size_t i) {
    return flows[i].pools.empty() ? std::string() : flows[i].pools.front();
  });

  const std::vector<SpnPlan>& spn_plans = artifacts.kerberos ? artifacts.kerberos->spns : kNoSpns;
  Table spns("spns", "Kerberos SPNs", {"SPN", "Account", "Site", "Pool", "Registered by"},
             spn_plans.size(), [&spn_plans = spn_plans](size_t i) -> std::vector<std::string> {
               const SpnPlan& s = spn_plans[i];
               return {Code(s.spn), Html(s.account), Html(s.site), PoolLink(s.pool),
                       ToString(s.registered_by)};
             });
  spns.ClaimAnchors(*anchors, "spns", [&](size_t i) { return spn_plans[i].pool; });
  const std::vector<KerberosAccountPlan>& account_plans =
      artifacts.kerberos ? artifacts.kerberos->accounts : kNoAccounts;
  Table accounts("kerberos-accounts", "Kerberos accounts",
                 {"Account", "Distinguished name", "Sites"}, account_plans.size(),
                 [&account_plans = account_plans](size_t i) -> std::vector<std::string> {
                   const KerberosAccountPlan& a = account_plans[i];
                   return {Html(a.account), Code(a.distinguished_name), Html(Join(a.sites, ", "))};
                 });

  const std::vector<IisServer>& iis_servers = artifacts.iis ? artifacts.iis->servers : kNoServers;
  Table iis("iis", "IIS preparation", {"Server", "Pool", "Site", "Features", "Bindings"},
            iis_servers.size(), [&iis_servers = iis_servers](size_t i) -> std::vector<std::string> {
              const IisServer& s = iis_servers[i];
              std::vector<std::string> bindings;
              for (const IisBinding& b : s.bindings) {
                bindings.push_back(b.protocol + "/" + std::to_string(b.port) +
                                   (b.host.empty() ? "" : " " + b.host));
              }
              return {Code(s.server), PoolLink(s.pool), Html(s.site),
                      std::to_string(s.features.size()) + " Windows features",
                      Html(Join(bindings, ", "))};
            });
  iis.ClaimAnchors(*anchors, "iis", [&](size_t i) { return iis_servers[i].pool; });

  // Pools last in code, first on the page: it links to the anchors the tables above claimed.
  const std::vector<PlannedPool>& planned_pools = plan.pools;
  Table pools("pools", "Pools", {"Pool", "Kind", "Site", "Load balancing", "Servers", "Sections"},
              planned_pools.size(),
              [&planned_pools = planned_pools, anchors](size_t i) -> std::vector<std::string> {
                const PlannedPool& pool = planned_pools[i];
                std::vector<std::string> servers;
                for (const PlannedServer& s : pool.servers) servers.push_back(s.fqdn.str());
                std::vector<std::string> links;
                const std::string& fqdn = pool.fqdn.str();
                for (const auto& [prefix, label] : std::vector<std::pair<std::string, std::string>>{
                         {"certificates", "certificates"},
                         {"dns-internal", "internal DNS"},
                         {"dns-external", "external DNS"},
                         {"proxy", "proxy rules"},
                         {"loadbalancer", "load balancer"},
                         {"firewall", "firewall"},
                         {"spns", "SPNs"},
                         {"iis", "IIS"}}) {
                  if (anchors->Has(prefix + "-" + fqdn)) {
                    links.push_back(
                        fmt::format("<a href=\"#{}-{}\">{}</a>", Html(prefix), Html(fqdn), label));
                  }
                }
                return {Code(fqdn),
                        Html(ToString(pool.kind)),
                        Html(pool.site),
                        Html(ToString(pool.load_balancing)),
                        Html(Join(servers, ", ")),
                        Join(links, " · ")};
              });
  pools.SetAnchors(
      [&planned_pools = planned_pools](size_t i) { return "pool-" + planned_pools[i].fqdn.str(); });

  auto sections = std::make_shared<std::vector<ReportSection>>();
  auto section = [&](const char* id, const char* title, std::vector<Table*> list,
                     const char* intro) {
    ReportSection& added = sections->emplace_back(ReportSection{id, title, intro, {}});
    for (Table* t : list) added.tables.push_back(std::move(*t));
  };
  section("section-pools", "Pools", {&pools},
          "Every pool of the topology; the links lead to its rows in the sections below.");
  section("section-certificates", "Certificates", {&certificates},
          "Subject, subject alternative names, CA, extended key usage and where each "
          "certificate is installed.");
  section("section-dns", "DNS", {&dns_internal, &dns_external},
          "Split-brain DNS: the internal and the external view, zone by zone.");
  section("section-proxy", "Reverse proxy", {&proxy},
          "Publishing rules: public host and port, the backend it is bridged to, and the "
          "listener certificate.");
  section("section-loadbalancer", "Load balancers", {&lb},
          "Hardware load balancer virtual servers (docs/loadbalancer.md).");
  section("section-firewall", "Firewall and ports", {&firewall},
          "Every flow the deployment needs (docs/firewall.md). Inbound means towards the more "
          "trusted zone.");
  section("section-kerberos", "Kerberos SPNs", {&spns, &accounts},
          "The HTTP service principal names of the Kerberos web authentication accounts.");
  section("section-iis", "IIS preparation", {&iis},
          "Windows features and web site bindings per web services server.");

  TemplateView view(json{{"overview", Overview(in)}});
  view.lists["diagrams"] = {diagrams.size(), [&diagrams](size_t i) -> TemplateView {
                              const RenderedDiagram& d = diagrams[i];
                              return TemplateView(json{{"id", "diagram-" + d.diagram->id},
                                                       {"title", Html(d.diagram->title)},
                                                       {"file", Html(d.diagram->file)},
                                                       {"has_svg", !d.svg.empty()},
                                                       {"svg", d.svg},
                                                       {"note", Html(d.note)}});
                            }};
  view.lists["sections"] = {
      sections->size(), [sections](size_t i) {
        const ReportSection& s = (*sections)[i];
        TemplateView item(json{{"id", s.id}, {"title", s.title}, {"intro", s.intro}});
        item.lists["tables"] = {
            s.tables.size(), [sections, i](size_t t) { return (*sections)[i].tables[t].View(); }};
        return item;
      }};
  return view;
}

}  // namespace lynctopo
