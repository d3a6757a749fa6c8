#include "model/lync/roles.hpp"

#include "model/fqdn.hpp"

namespace lynctopo {
namespace {

// A single-machine cluster: Topology Builder says so; the published form does not, so there
// one machine whose FQDN is the cluster's (or absent) means the same (reference §1).
bool IsSingleMachine(const RawCluster& cluster) {
  if (cluster.single_machine >= 0) return cluster.single_machine == 1;
  if (cluster.machines.size() != 1) return false;
  const std::string& machine = cluster.machines.front().fqdn;
  return machine.empty() || ToLower(machine) == ToLower(cluster.fqdn);
}

bool IsStore(const std::string& role) {
  return role.size() > 5 && role.compare(role.size() - 5, 5, "store") == 0 && role != "filestore";
}

}  // namespace

InferredKind InferPoolKind(const RawCluster& cluster, const ClusterServices& services,
                           bool branch_site) {
  auto has = [&](const char* role) { return services.roles.count(role) > 0; };
  // Order matters: a Standard Edition server also hosts its file share and SQL Express
  // instance, and a Front End pool hosts Mediation and the CMS. The strongest role wins.
  if (has("userservices")) {
    return {IsSingleMachine(cluster) ? PoolKind::kStandardEdition : PoolKind::kFrontEnd, ""};
  }
  if (has("edgeserver")) return {PoolKind::kEdge, ""};
  if (has("registrar")) {
    if (services.is_director) return {PoolKind::kDirector, ""};
    if (branch_site) return {PoolKind::kSurvivableBranch, ""};
    return {PoolKind::kOther,
            "a Registrar without UserServices and without IsDirector=\"true\" in a central site"};
  }
  if (has("persistentchatservice")) return {PoolKind::kPersistentChat, ""};
  if (has("wacservice")) return {PoolKind::kOfficeWebApps, ""};
  if (has("mediationserver")) return {PoolKind::kMediation, ""};
  if (has("pstngateway")) return {PoolKind::kPstnGateway, ""};
  for (const std::string& role : services.roles) {
    if (IsStore(role)) return {PoolKind::kSql, ""};
  }
  if (has("filestore")) return {PoolKind::kFileStore, ""};
  if (services.has_sql_instance) return {PoolKind::kSql, ""};
  if (has("externalserver")) return {PoolKind::kOther, ""};  // trusted application pool
  if (services.roles.empty()) return {PoolKind::kOther, "no service is installed on it"};
  std::string list;
  for (const std::string& role : services.roles) list += (list.empty() ? "" : ", ") + role;
  return {PoolKind::kOther, "no known role among its services (" + list + ")"};
}

std::optional<ProductVersion> VersionFromServiceVersion(int service_version) {
  switch (service_version) {
    case 6:
      return ProductVersion::kLync2013;
    case 7:
      return ProductVersion::kSkype2015;
    case 8:
      return ProductVersion::kSkype2019;
    default:
      return std::nullopt;
  }
}

}  // namespace lynctopo
