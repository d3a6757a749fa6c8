#include "generators/loadbalancer/loadbalancer_generator.hpp"

#include <arpa/inet.h>

#include "generators/escape.hpp"

namespace lynctopo {

namespace {

constexpr std::string_view kName = "loadbalancer";

bool IsAddress(const std::string& text, bool* v6) {
  unsigned char buffer[16];
  if (inet_pton(AF_INET, text.c_str(), buffer) == 1) {
    *v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, text.c_str(), buffer) == 1) {
    *v6 = true;
    return true;
  }
  return false;
}

// "10.0.0.5:443", or "ipv6@2001:db8::5:443" (HAProxy takes the last colon as the port's).
std::string HaproxyAddress(const std::string& address, int port) {
  bool v6 = false;
  if (!IsAddress(address, &v6)) return {};
  return (v6 ? "ipv6@" : "") + address + ":" + std::to_string(port);
}

std::string MembersText(const LbVirtualServer& vs, const char* separator) {
  std::string out;
  for (const LbMember& m : vs.members) {
    if (!out.empty()) out += separator;
    out += m.server + "=" + m.address + ":" + std::to_string(m.port);
  }
  return out;
}

nlohmann::json VirtualServerView(const LbVirtualServer& vs) {
  nlohmann::json members = nlohmann::json::array();
  bool addressable = !HaproxyAddress(vs.vip, vs.port).empty();
  for (const LbMember& m : vs.members) {
    std::string target = HaproxyAddress(m.address, m.port);
    if (target.empty()) addressable = false;
    members.push_back({{"server", m.server}, {"target", target}});
  }
  const bool tcp = vs.protocol == "tcp";
  nlohmann::json haproxy = {{"name", vs.name},
                            {"bind", HaproxyAddress(vs.vip, vs.port)},
                            {"members", std::move(members)},
                            {"has_members", !vs.members.empty()},
                            {"sticky", vs.persistence != "none"},
                            {"cookie", vs.persistence == "cookie"},
                            {"idle_timeout", vs.idle_timeout_seconds},
                            {"monitor_port", vs.monitor_port},
                            {"comment", CommentText(vs.fqdn)}};
  return {{"name", vs.name},
          {"tcp", tcp && addressable},
          {"udp", !tcp},
          {"unaddressable", tcp && !addressable},
          {"vip", vs.vip},
          {"port", vs.port},
          {"protocol", vs.protocol},
          {"haproxy", std::move(haproxy)},
          {"csv",
           {{"name", CsvField(vs.name)},
            {"pool", CsvField(vs.pool)},
            {"site", CsvField(vs.site)},
            {"service", vs.service},
            {"fqdn", CsvField(vs.fqdn)},
            {"vip", CsvField(vs.vip)},
            {"port", vs.port},
            {"node_port", vs.node_port},
            {"protocol", vs.protocol},
            {"persistence", vs.persistence},
            {"cookie", vs.cookie},
            {"idle_timeout", vs.idle_timeout_seconds},
            {"monitor", vs.monitor_protocol + "/" + std::to_string(vs.monitor_port)},
            {"source_nat", vs.source_nat_allowed ? "allowed" : "forbidden"},
            {"members", CsvField(MembersText(vs, " "))}}},
          {"md",
           {{"pool", MarkdownCell(vs.pool)},
            {"service", vs.service},
            {"fqdn", MarkdownCell(vs.fqdn)},
            {"vip", MarkdownCell(vs.vip)},
            {"port", vs.port},
            {"node_port", vs.node_port},
            {"protocol", vs.protocol},
            {"persistence", vs.persistence + (vs.cookie.empty() ? "" : " (" + vs.cookie + ")")},
            {"idle_timeout", vs.idle_timeout_seconds},
            {"monitor", vs.monitor_protocol + "/" + std::to_string(vs.monitor_port)},
            {"source_nat", vs.source_nat_allowed ? "allowed" : "forbidden"},
            {"members", MarkdownCell(MembersText(vs, ", "))}}}};
}

class LoadBalancerGeneratorImpl final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  void AddModels(ModelChoice&) const override {}  // built from the plan alone
  std::string_view summary() const override {
    return "hardware load-balancer plan (VIPs, ports, persistence, monitors, members) and a "
           "runnable HAProxy configuration";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

void LoadBalancerGeneratorImpl::Generate(const Plan& plan, const GeneratorOptions& options,
                                         GeneratorContext& context) const {
  Diagnostics& diagnostics = context.diagnostics;
  LoadBalancerOptions parsed = ParseLoadBalancerOptions(options, diagnostics);
  LoadBalancerPlan lb = BuildLoadBalancerPlan(plan, parsed, diagnostics);
  context.outputs.Add("loadbalancer/virtual-servers.json",
                      LoadBalancerPlanToJson(lb).dump(2) + "\n", kName, diagnostics);
  nlohmann::json servers = nlohmann::json::array();
  for (const LbVirtualServer& vs : lb.virtual_servers) servers.push_back(VirtualServerView(vs));
  std::string deployment = plan.topology ? plan.topology->name : "";
  nlohmann::json view = {
      {"virtual_servers", std::move(servers)},     {"count", lb.virtual_servers.size()},
      {"none", lb.virtual_servers.empty()},        {"has_deployment", !deployment.empty()},
      {"deployment_md", MarkdownCell(deployment)}, {"deployment_comment", CommentText(deployment)}};
  for (const char* file : {"virtual-servers.csv", "virtual-servers.md", "haproxy.cfg"}) {
    std::string name = std::string("loadbalancer/") + file;
    RenderArtifact(context, kName, name + ".mustache", view, name);
  }
}

}  // namespace

LoadBalancerOptions ParseLoadBalancerOptions(const GeneratorOptions& options,
                                             Diagnostics& diagnostics) {
  LoadBalancerOptions out;
  for (const auto& [key, value] : options.values) {
    if (key == "cookie_persistence" && (value == "true" || value == "false")) {
      out.cookie_persistence = value == "true";
    } else {
      diagnostics.Error("LT9103", "", {},
                        "unknown load balancer option '" + key + "=" + value +
                            "' (known: cookie_persistence=true|false)");
    }
  }
  return out;
}

nlohmann::json LoadBalancerPlanToJson(const LoadBalancerPlan& plan) {
  nlohmann::json servers = nlohmann::json::array();
  for (const LbVirtualServer& vs : plan.virtual_servers) {
    nlohmann::json members = nlohmann::json::array();
    for (const LbMember& m : vs.members) {
      members.push_back({{"server", m.server}, {"address", m.address}, {"port", m.port}});
    }
    servers.push_back(
        {{"name", vs.name},
         {"pool", vs.pool},
         {"pool_kind", ToString(vs.pool_kind)},
         {"site", vs.site},
         {"service", vs.service},
         {"fqdn", vs.fqdn},
         {"vip", vs.vip},
         {"port", vs.port},
         {"node_port", vs.node_port},
         {"protocol", vs.protocol},
         {"persistence", vs.persistence},
         {"cookie", vs.cookie.empty() ? nlohmann::json(nullptr) : nlohmann::json(vs.cookie)},
         {"idle_timeout_seconds", vs.idle_timeout_seconds},
         {"monitor", {{"protocol", vs.monitor_protocol}, {"port", vs.monitor_port}}},
         {"source_nat_allowed", vs.source_nat_allowed},
         {"members", std::move(members)},
         {"reference", vs.reference}});
  }
  return {{"format_version", 1}, {"virtual_servers", std::move(servers)}};
}

const Generator& LoadBalancerGenerator() {
  static const LoadBalancerGeneratorImpl instance;
  return instance;
}

}  // namespace lynctopo
