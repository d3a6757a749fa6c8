// `lynctopo plan --format text`: an inventory an architect can check at a glance, then each
// site with its pools and the names that lead to them, then the full name, service and endpoint
// lists.

#include <algorithm>
#include <unordered_map>

#include "model/plan/output.hpp"
#include "model/plan/tables.hpp"

namespace lynctopo {

namespace {

using plan_tables::AddressesCell;
using plan_tables::Cell;
using plan_tables::Join;
using plan_tables::Table;

void RenderTable(const Table& table, const std::string& indent, std::string& out) {
  std::vector<size_t> widths(table.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string text = indent;
    for (size_t i = 0; i < row.size(); ++i) {
      text += row[i];
      if (i + 1 < row.size()) text += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(table.header);
  for (const auto& row : table.rows) line(row);
}

void Section(const std::string& title, const Table& table, std::string& out) {
  out += "\n" + title + "\n";
  if (table.rows.empty()) {
    out += "  (none)\n";
    return;
  }
  RenderTable(table, "  ", out);
}

void RenderSites(const Plan& plan, std::string& out) {
  // Names by the pool they lead to, in plan order (view, fqdn, role).
  std::unordered_map<std::string, std::vector<const PlannedName*>> names_by_pool;
  for (const PlannedName& name : plan.names) {
    if (!name.pool.empty()) names_by_pool[name.pool].push_back(&name);
  }
  std::unordered_map<std::string, const PlannedPool*> pools;
  for (const PlannedPool& pool : plan.pools) pools.emplace(pool.fqdn.str(), &pool);

  out += "\nSites\n";
  if (plan.sites.empty()) out += "  (none)\n";
  for (const PlannedSite& site : plan.sites) {
    out += "  " + site.name + " (" + ToString(site.kind);
    if (!site.parent.empty()) out += ", parent " + site.parent;
    if (site.kerberos_account) out += ", Kerberos " + site.kerberos_account->account;
    out += ")\n";
    if (site.pools.empty()) out += "    (no pools)\n";
    for (const std::string& fqdn : site.pools) {
      auto found = pools.find(fqdn);
      if (found == pools.end()) continue;
      const PlannedPool& pool = *found->second;
      out += "    " + fqdn + "  " + ToString(pool.kind) + ", load balancing " +
             ToString(pool.load_balancing) + "\n";
      if (!pool.internal_web_fqdn.empty()) {
        out += "      internal web  " + pool.internal_web_fqdn.str() +
               (pool.internal_web_overridden ? " (overridden)" : "") + "\n";
      }
      if (!pool.external_web_fqdn.empty()) {
        out += "      external web  " + pool.external_web_fqdn.str() + ", published by " +
               Cell(pool.publishing_proxy) + "\n";
      }
      if (!pool.edge_pool.empty()) out += "      edge pool     " + pool.edge_pool + "\n";
      Table names{{"NAME", "VIEW", "ROLE", "ADDRESSES"}, {}};
      for (const PlannedName* name : names_by_pool[fqdn]) {
        names.rows.push_back(
            {name->fqdn.str(), ToString(name->view), ToString(name->role), AddressesCell(*name)});
      }
      if (!names.rows.empty()) RenderTable(names, "      ", out);
    }
  }
}

}  // namespace

std::string PlanToText(const Plan& plan) {
  std::string out;
  const Topology* topology = plan.topology;
  out += "Plan for " + Cell(topology ? topology->name : "") + " (" +
         (topology ? ToString(topology->version) : "-") + ")\n";
  std::vector<std::string> domains;
  for (const Fqdn& domain : plan.sip_domains) domains.push_back(domain.str());
  out += "SIP domains: " + Cell(Join(domains)) + "\n";
  if (std::string note = plan_tables::InternalZonesNote(plan); !note.empty()) out += note + "\n";
  size_t servers = 0;
  for (const PlannedPool& pool : plan.pools) servers += pool.servers.size();
  out += std::to_string(plan.sites.size()) + " sites, " + std::to_string(plan.pools.size()) +
         " pools, " + std::to_string(servers) + " servers, " + std::to_string(plan.names.size()) +
         " names, " + std::to_string(plan.services.size()) + " services, " +
         std::to_string(plan.endpoints.size()) + " endpoints\n";

  Section("Inventory", plan_tables::InventoryTable(plan), out);
  RenderSites(plan, out);
  Section("Reverse proxies", plan_tables::ProxyTable(plan), out);
  Section("Simple URLs", plan_tables::SimpleUrlTable(plan), out);
  Section("Internal names", plan_tables::NameTable(plan, View::kInternal), out);
  Section("External names", plan_tables::NameTable(plan, View::kExternal), out);
  Section("Services", plan_tables::ServiceTable(plan), out);
  Section("Endpoints", plan_tables::EndpointTable(plan), out);
  return out;
}

}  // namespace lynctopo
