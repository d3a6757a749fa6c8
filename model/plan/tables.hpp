#pragma once

// Internal to text.cpp / markdown.cpp: the plan as plain tables of strings, so the
// text and Markdown renderings show exactly the same facts.

#include <string>
#include <vector>

#include "model/plan/plan.hpp"

namespace lynctopo::plan_tables {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// "-" for an empty cell, so columns never collapse.
std::string Cell(const std::string& text);
std::string Join(const std::vector<std::string>& items, const char* separator = ", ");
// The name's addresses, or "address unknown" when the input does not hold them.
std::string AddressesCell(const PlannedName& name);

Table InventoryTable(const Plan& plan);  // every pool: kind, version, site, LB, servers
Table PoolWebTable(const Plan& plan);    // IIS / OWA / Edge pools: web FQDNs, proxy, Edge
Table ProxyTable(const Plan& plan);
Table SimpleUrlTable(const Plan& plan);
Table NameTable(const Plan& plan, View view);
Table ServiceTable(const Plan& plan);
Table EndpointTable(const Plan& plan);

// How the SIP domains' internal zones are laid out and what that costs (docs/domain-calls.md):
// a full internal zone hides every public name of the domain the plan does not list; pin-point
// zones hide nothing but hold only the planned names. Empty when every SIP domain is the AD
// domain (its zone lives inside anyway).
std::string InternalZonesNote(const Plan& plan);

}  // namespace lynctopo::plan_tables
