#include "generators/report/report_view.hpp"

#include <filesystem>
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

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// One table of the page: the template renders the header, a filter box and the rows; the
// inline script sorts by a clicked column and filters rows by text.
class Table {
 public:
  Table(std::string id, std::string title, std::vector<std::string> columns)
      : id_(std::move(id)), title_(std::move(title)), columns_(std::move(columns)) {}

  // Cells are HTML already (use Html() for text). `anchor`: the row's id, "" for none.
  void Row(std::vector<std::string> cells, const std::string& anchor = "") {
    rows_.push_back({std::move(cells), anchor});
  }

  // The table's view; its rows are lazy and refer to this table, which must outlive it.
  TemplateView View() const {
    json columns = json::array();
    for (const std::string& c : columns_) columns.push_back({{"name", Html(c)}});
    TemplateView view(json{{"id", id_},
                           {"title", Html(title_)},
                           {"columns", columns},
                           {"count", rows_.size()},
                           {"empty", rows_.empty()},
                           {"span", columns_.size()}});
    view.lists["rows"] = {rows_.size(), [this](size_t i) -> TemplateView {
                            const TableRow& row = rows_[i];
                            json cells = json::array();
                            for (const std::string& cell : row.cells)
                              cells.push_back({{"html", cell}});
                            return TemplateView(json{{"cells", std::move(cells)},
                                                     {"anchor", row.anchor},
                                                     {"has_anchor", !row.anchor.empty()}});
                          }};
    return view;
  }

 private:
  // Only the cells' text until the template reaches the row: a JSON object per cell for every
  // row of a 10,000-server report was most of its memory.
  struct TableRow {
    std::vector<std::string> cells;
    std::string anchor;
  };
  std::string id_, title_;
  std::vector<std::string> columns_;
  std::vector<TableRow> rows_;
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
  Anchors anchors;
  json tables = json::array();

  Table certificates(
      "certificates", "Certificates",
      {"Id", "Role", "Uses", "Subject", "SANs", "CA", "EKU", "Key", "Install on", "Pool"});
  if (artifacts.certificates) {
    for (const PlannedCertificate& c : artifacts.certificates->certificates) {
      std::string sans = fmt::format("<details><summary>{}</summary>{}</details>", c.sans.size(),
                                     Html(Join(c.sans, ", ")));
      certificates.Row({Code(c.id), Html(ToString(c.role)), Html(Join(c.uses, ", ")),
                        Code(c.subject), sans, Html(ToString(c.ca)), Html(Join(c.eku, ", ")),
                        fmt::format("RSA {}{}", c.key_bits, c.exportable_key ? ", exportable" : ""),
                        Html(Join(c.install_on, ", ")), PoolLink(c.pool)},
                       anchors.Claim("certificates", c.pool));
    }
  }

  // DNS per view, zone by zone; a record belongs to the pool its plan name leads to.
  std::unordered_map<std::string, std::string> name_pool;
  for (const PlannedName& n : plan.names) {
    name_pool.try_emplace(std::string(ToString(n.view)) + "|" + n.fqdn.str(), n.pool);
  }
  for (const PlannedService& s : plan.services) {
    name_pool.try_emplace(std::string(ToString(s.view)) + "|" + s.service + "." + s.domain, s.pool);
  }
  Table dns_internal("dns-internal", "DNS, internal view",
                     {"Zone", "Name", "Type", "Value", "TTL", "Purpose", "Pool"});
  Table dns_external("dns-external", "DNS, external view",
                     {"Zone", "Name", "Type", "Value", "TTL", "Purpose", "Pool"});
  if (artifacts.dns) {
    for (const DnsRecord& r : artifacts.dns->records) {
      std::string value = r.value;
      if (r.type == DnsType::kSrv) {
        value = std::to_string(r.priority) + " " + std::to_string(r.weight) + " " +
                std::to_string(r.port) + " " + r.value;
      }
      auto pool = name_pool.find(std::string(ToString(r.view)) + "|" + r.name);
      std::string owner = pool == name_pool.end() ? "" : pool->second;
      Table& table = r.view == View::kInternal ? dns_internal : dns_external;
      table.Row({Html(r.zone), Code(r.name), ToString(r.type), Code(value), std::to_string(r.ttl),
                 Html(r.purpose), PoolLink(owner)},
                anchors.Claim(std::string("dns-") + ToString(r.view), owner));
    }
  }

  Table proxy("proxy", "Reverse-proxy publishing rules",
              {"Proxy", "Public host", "Listen", "Backend", "Purpose", "Pool", "Certificate",
               "Timeout (s)"});
  if (artifacts.proxy) {
    for (const ProxyRule& r : artifacts.proxy->rules) {
      proxy.Row({Html(r.proxy), Code(r.public_host.str()),
                 std::to_string(r.listen_port) + (r.listen_tls ? " TLS" : ""),
                 Code(r.backend_host + ":" + std::to_string(r.backend_port)), Html(r.purpose),
                 PoolLink(r.pool), Html(r.certificate), std::to_string(r.timeout_seconds)},
                anchors.Claim("proxy", r.pool));
    }
  }

  Table lb("loadbalancer", "Load balancer virtual servers",
           {"Pool", "Service", "FQDN", "VIP", "Port", "Node port", "Protocol", "Persistence",
            "Idle timeout (s)", "Monitor", "Source NAT", "Members"});
  for (const LbVirtualServer& vs : in.loadbalancer.virtual_servers) {
    std::vector<std::string> members;
    for (const LbMember& m : vs.members) {
      members.push_back(m.server + " " + m.address + ":" + std::to_string(m.port));
    }
    lb.Row({PoolLink(vs.pool), Html(vs.service), Code(vs.fqdn), Code(vs.vip),
            std::to_string(vs.port), std::to_string(vs.node_port), vs.protocol,
            Html(vs.persistence + (vs.cookie.empty() ? "" : " (" + vs.cookie + ")")),
            std::to_string(vs.idle_timeout_seconds),
            vs.monitor_protocol + "/" + std::to_string(vs.monitor_port),
            vs.source_nat_allowed ? "allowed" : "forbidden", Html(Join(members, ", "))},
           anchors.Claim("loadbalancer", vs.pool));
  }

  Table firewall("firewall", "Firewall and ports",
                 {"Firewall", "Direction", "From", "Source", "Source hosts", "To", "Destination",
                  "Addresses", "Port", "Protocol", "Application", "Purpose", "Pools"});
  for (const FirewallFlow& f : in.firewall.flows) {
    std::vector<std::string> pools;
    for (const std::string& p : f.pools) pools.push_back(PoolLink(p));
    firewall.Row(
        {f.Firewall(), ToString(f.direction), ToString(f.source_zone), Html(f.source),
         Html(Join(f.source_hosts, ", ")), ToString(f.destination_zone), Html(f.destination),
         Html(Join(f.destination_addresses, ", ")), PortText(f.port, f.port_end), f.protocol,
         Html(f.application), Html(f.purpose), Join(pools, " ")},
        f.pools.empty() ? "" : anchors.Claim("firewall", f.pools.front()));
  }

  Table spns("spns", "Kerberos SPNs", {"SPN", "Account", "Site", "Pool", "Registered by"});
  Table accounts("kerberos-accounts", "Kerberos accounts",
                 {"Account", "Distinguished name", "Sites"});
  if (artifacts.kerberos) {
    for (const SpnPlan& s : artifacts.kerberos->spns) {
      spns.Row(
          {Code(s.spn), Html(s.account), Html(s.site), PoolLink(s.pool), ToString(s.registered_by)},
          anchors.Claim("spns", s.pool));
    }
    for (const KerberosAccountPlan& a : artifacts.kerberos->accounts) {
      accounts.Row({Html(a.account), Code(a.distinguished_name), Html(Join(a.sites, ", "))});
    }
  }

  Table iis("iis", "IIS preparation", {"Server", "Pool", "Site", "Features", "Bindings"});
  if (artifacts.iis) {
    for (const IisServer& s : artifacts.iis->servers) {
      std::vector<std::string> bindings;
      for (const IisBinding& b : s.bindings) {
        bindings.push_back(b.protocol + "/" + std::to_string(b.port) +
                           (b.host.empty() ? "" : " " + b.host));
      }
      iis.Row({Code(s.server), PoolLink(s.pool), Html(s.site),
               std::to_string(s.features.size()) + " Windows features", Html(Join(bindings, ", "))},
              anchors.Claim("iis", s.pool));
    }
  }

  // Pools last in code, first on the page: it links to the anchors the tables above claimed.
  Table pools("pools", "Pools", {"Pool", "Kind", "Site", "Load balancing", "Servers", "Sections"});
  for (const PlannedPool& pool : plan.pools) {
    std::vector<std::string> servers;
    for (const PlannedServer& s : pool.servers) servers.push_back(s.fqdn.str());
    std::vector<std::string> links;
    const std::string& fqdn = pool.fqdn.str();
    for (const auto& [prefix, label] :
         std::vector<std::pair<std::string, std::string>>{{"certificates", "certificates"},
                                                          {"dns-internal", "internal DNS"},
                                                          {"dns-external", "external DNS"},
                                                          {"proxy", "proxy rules"},
                                                          {"loadbalancer", "load balancer"},
                                                          {"firewall", "firewall"},
                                                          {"spns", "SPNs"},
                                                          {"iis", "IIS"}}) {
      if (anchors.Has(prefix + "-" + fqdn)) {
        links.push_back(fmt::format("<a href=\"#{}-{}\">{}</a>", Html(prefix), Html(fqdn), label));
      }
    }
    pools.Row({Code(fqdn), Html(ToString(pool.kind)), Html(pool.site),
               Html(ToString(pool.load_balancing)), Html(Join(servers, ", ")), Join(links, " · ")},
              "pool-" + fqdn);
  }

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
