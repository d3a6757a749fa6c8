#pragma once

// Topology-level differences between two models: sites, SIP domains, simple URLs, pools,
// servers, reverse proxies and Kerberos accounts, matched by identity (sites by name, pools
// and servers by FQDN, simple URLs by component and domain), never by position.

#include <vector>

#include "model/diff/change.hpp"
#include "model/topology.hpp"

namespace lynctopo {

// Changes that turn `before` into `after`, grouped by kind in a fixed order, then by address.
// A pool that disappears while a pool of the same kind appears with at least one of its
// servers is reported once, as a replacement.
std::vector<Change> DiffTopologies(const Topology& before, const Topology& after,
                                   bool include_no_op = false);

}  // namespace lynctopo
