#pragma once

// Role inference (reference §4.4): a Lync cluster says nothing about what it is; its kind
// follows from the services installed on it or on its SQL instances.

#include <optional>
#include <set>
#include <string>

#include "model/lync/raw.hpp"
#include "model/topology.hpp"

namespace lynctopo {

// What is installed on one cluster.
struct ClusterServices {
  std::set<std::string> roles;  // RoleName values, lower-case
  bool is_director = false;     // a Registrar with IsDirector="true"
  bool has_sql_instance = false;
  int max_service_version = 0;
};

struct InferredKind {
  PoolKind kind = PoolKind::kOther;
  // Set when the services do not match a known pattern: why the cluster became kOther.
  std::string doubt;
};

// `branch_site`: the cluster lives in a branch (RemoteSite), where a Registrar without
// UserServices is a Survivable Branch Appliance/Server.
InferredKind InferPoolKind(const RawCluster& cluster, const ClusterServices& services,
                           bool branch_site);

// 6 = Lync Server 2013, 7 = SfB Server 2015, 8 = SfB Server 2019 (reference §4.7).
std::optional<ProductVersion> VersionFromServiceVersion(int service_version);

}  // namespace lynctopo
