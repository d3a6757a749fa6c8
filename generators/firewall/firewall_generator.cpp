#include "generators/firewall/firewall_generator.hpp"

#include "generators/escape.hpp"
#include "generators/json_dump.hpp"

namespace lynctopo {

std::string PortText(int port, int port_end) {
  std::string text = std::to_string(port);
  if (port_end > port) {
    text += '-';
    text += std::to_string(port_end);
  }
  return text;
}

namespace {

constexpr std::string_view kName = "firewall";

std::string JoinList(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

nlohmann::json Strings(const std::vector<std::string>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& item : items) out.push_back(item);
  return out;
}

// The view of templates/firewall/rules.{csv,md}.mustache (docs/templates.md).
nlohmann::json FlowView(const FirewallFlow& flow) {
  const std::string sources = flow.source_hosts.empty() ? "any" : JoinList(flow.source_hosts, " ");
  const std::string targets =
      flow.destination_addresses.empty() ? "any" : JoinList(flow.destination_addresses, " ");
  const std::string port = PortText(flow.port, flow.port_end);
  nlohmann::json csv = {{"firewall", CsvField(flow.Firewall())},
                        {"direction", ToString(flow.direction)},
                        {"source_zone", ToString(flow.source_zone)},
                        {"source", CsvField(flow.source)},
                        {"source_hosts", CsvField(sources)},
                        {"destination_zone", ToString(flow.destination_zone)},
                        {"destination", CsvField(flow.destination)},
                        {"destination_addresses", CsvField(targets)},
                        {"port", port},
                        {"protocol", flow.protocol},
                        {"application", CsvField(flow.application)},
                        {"purpose", CsvField(flow.purpose)},
                        {"pools", CsvField(JoinList(flow.pools, " "))},
                        {"site", CsvField(flow.site)},
                        {"references", CsvField(JoinList(flow.references, " "))}};
  nlohmann::json md = {
      {"firewall", flow.Firewall()},
      {"direction", ToString(flow.direction)},
      {"source_zone", ToString(flow.source_zone)},
      {"source", MarkdownCell(flow.source)},
      {"source_hosts", MarkdownCell(JoinList(flow.source_hosts, ", "))},
      {"destination_zone", ToString(flow.destination_zone)},
      {"destination", MarkdownCell(flow.destination)},
      {"destination_addresses", MarkdownCell(JoinList(flow.destination_addresses, ", "))},
      {"port", port},
      {"protocol", flow.protocol},
      {"application", MarkdownCell(flow.application)},
      {"purpose", MarkdownCell(flow.purpose)}};
  return {{"csv", std::move(csv)}, {"md", std::move(md)}};
}

class FirewallGeneratorImpl final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  void AddModels(ModelChoice&) const override {}  // built from the plan alone
  std::string_view summary() const override {
    return "firewall and ports matrix: every flow with zones, hosts, ports and purpose";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

void FirewallGeneratorImpl::Generate(const Plan& plan, const GeneratorOptions&,
                                     GeneratorContext& context) const {
  FirewallPlan firewall = BuildFirewallPlan(plan, context.diagnostics);
  context.outputs.AddRendered("firewall/rules.json", kName, context.diagnostics,
                              [&firewall](const OutputSet::TextSink& sink) {
                                return WriteFirewallPlanJson(firewall, sink);
                              });
  std::string deployment = plan.topology ? plan.topology->name : "";
  TemplateView view(nlohmann::json{{"flow_count", firewall.flows.size()},
                                   {"has_deployment", !deployment.empty()},
                                   {"deployment_md", MarkdownCell(deployment)}});
  view.lists["flows"] = {firewall.flows.size(), [&firewall](size_t i) {
                           return TemplateView(FlowView(firewall.flows[i]));
                         }};
  for (const char* file : {"rules.csv", "rules.md"}) {
    std::string name = std::string("firewall/") + file;
    RenderArtifact(context, kName, name + ".mustache", view, name);
  }
}

nlohmann::json FlowToJson(const FirewallFlow& flow) {
  return {{"firewall", flow.Firewall()},
          {"direction", ToString(flow.direction)},
          {"source_zone", ToString(flow.source_zone)},
          {"source", flow.source},
          {"source_hosts", Strings(flow.source_hosts)},
          {"destination_zone", ToString(flow.destination_zone)},
          {"destination", flow.destination},
          {"destination_addresses", Strings(flow.destination_addresses)},
          {"port", flow.port},
          {"port_end", flow.port_end},
          {"protocol", flow.protocol},
          {"application", flow.application},
          {"purpose", flow.purpose},
          {"pools", Strings(flow.pools)},
          {"site", flow.site},
          {"references", Strings(flow.references)}};
}

}  // namespace

bool WriteFirewallPlanJson(const FirewallPlan& plan, const JsonTextSink& sink) {
  return DumpWithArrayTo(
      {{"format_version", 1}}, "flows", plan.flows.size(),
      [&plan](size_t i) { return FlowToJson(plan.flows[i]); }, "\n", sink);
}

std::string FirewallPlanJsonText(const FirewallPlan& plan) {
  std::string text;
  WriteFirewallPlanJson(plan, AppendTo(text));
  return text;
}

const Generator& FirewallGenerator() {
  static const FirewallGeneratorImpl instance;
  return instance;
}

}  // namespace lynctopo
