#include "generators/dns/dns_generator.hpp"

#include <memory>
#include <optional>

#include "generators/dns/dns_model.hpp"
#include "generators/dns/dns_render.hpp"
#include "generators/dns/perimeter_hosts.hpp"
#include "generators/powershell_view.hpp"
#include "generators/previous_output.hpp"

namespace lynctopo {

namespace {

constexpr std::string_view kName = "dns";

class DnsGeneratorImpl final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  void AddModels(ModelChoice& needed) const override { needed.dns = true; }
  std::string_view summary() const override {
    return "DNS records per view and zone: records.json/csv, BIND zones + named.conf views, "
           "Windows DNS PowerShell";
  }

  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override {
    Diagnostics& diagnostics = context.diagnostics;
    // The model normally comes from BuildArtifacts; build it here when a caller did not.
    std::shared_ptr<const DnsRecordSet> set = context.artifacts.dns;
    if (!set) set = std::make_shared<const DnsRecordSet>(BuildDnsRecords(plan, diagnostics));

    context.outputs.AddRendered(
        "dns/records.json", kName, diagnostics,
        [&set](const OutputSet::TextSink& sink) { return WriteDnsRecordsJson(*set, sink); });
    Add(context, "dns/records.csv", DnsRecordsCsv(*set));

    DnsZoneSettings settings = ReadDnsZoneSettings(plan, options, diagnostics);
    // `generate --out DIR` passes DIR: the zones it wrote last time decide the SOA serials.
    std::optional<PreviousOutput> history;
    if (std::string dir = options.Get("previous_out"); !dir.empty()) history.emplace(dir);
    for (const DnsZone& zone : set->zones) {
      std::string path = DnsZonePath(zone);
      std::optional<std::string> previous;
      if (history) previous = history->Read(path);
      // The serial only moves when the zone's content does: compare against the last run.
      uint32_t serial = NextSoaSerial(previous, [&](uint32_t candidate) {
        Diagnostics quiet;
        nlohmann::json view = DnsZoneView(*set, zone, settings, quiet, candidate);
        return context.templates.Render("dns/zone.mustache", view, quiet).value_or("");
      });
      Render(context, "dns/zone.mustache", DnsZoneView(*set, zone, settings, diagnostics, serial),
             std::move(path));
    }
    for (const PerimeterHost& host : BuildPerimeterHosts(plan)) {
      Render(context, "dns/perimeter.hosts.mustache", PerimeterHostsView(host), host.file);
    }
    Render(context, "dns/named.conf.mustache", DnsNamedConfView(*set), "dns/named.conf");
    TemplateView powershell = DnsPowerShellView(*set);
    powershell.root["product"] = PowerShellProduct(&plan);
    Render(context, "dns/dns.ps1.mustache", powershell, "dns/dns.ps1");
  }

 private:
  static void Add(GeneratorContext& context, std::string path, std::string content) {
    context.outputs.Add(std::move(path), std::move(content), kName, context.diagnostics);
  }

  template <typename View>
  static void Render(GeneratorContext& context, std::string_view template_name, const View& view,
                     std::string path) {
    RenderArtifact(context, kName, template_name, view, std::move(path));
  }
};

}  // namespace

const Generator& DnsGenerator() {
  static const DnsGeneratorImpl generator;
  return generator;
}

}  // namespace lynctopo
