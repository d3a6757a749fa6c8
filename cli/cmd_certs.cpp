// `lynctopo certs check`: compares real certificates (files or a live endpoint) with the
// certificate plan of a topology.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/certificates/cert_check.hpp"
#include "generators/certificates/certificate_model.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::cli {

namespace {

struct CertsCheckArgs {
  std::string topology;
  std::vector<std::string> overlays;
  std::vector<std::string> certs;
  std::vector<std::string> connect;
  std::string for_selector;
  double connect_timeout = 10;
  std::string format = "text";
};

int RunCertsCheck(const CertsCheckArgs& args) {
  OutputFormat format;
  if (!ParseOutputFormat(args.format, &format)) {
    std::cerr << "lynctopo: --format must be text or json\n";
    return kExitUsage;
  }
  if (args.certs.empty() && args.connect.empty()) {
    std::cerr << "lynctopo: certs check needs at least one --cert or --connect\n";
    return kExitUsage;
  }
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.topology, args.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  // The plan only feeds the comparison: its warnings are for `plan` / `generate` to show.
  Diagnostics plan_diagnostics;
  Plan plan = DerivePlan(*topology, plan_diagnostics);
  CertificateSet set = BuildCertificates(plan, plan_diagnostics);

  std::vector<const PlannedCertificate*> candidates = SelectPlanned(set, args.for_selector);
  if (!args.for_selector.empty() && candidates.empty()) {
    diagnostics.Error("LT5322", "", {},
                      "--for '" + args.for_selector +
                          "' names no planned certificate (give an id, a role or a server FQDN)");
  }
  std::vector<LoadedCertificate> loaded;
  for (const std::string& path : args.certs) {
    for (auto& c : LoadCertificateFile(path, diagnostics)) loaded.push_back(std::move(c));
  }
  for (const std::string& endpoint : args.connect) {
    for (auto& c : FetchCertificates(endpoint, args.connect_timeout, diagnostics))
      loaded.push_back(std::move(c));
  }
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  CertCheckOptions options;
  options.for_selector = args.for_selector;
  CertCheckReport report = CheckCertificates(loaded, candidates, options);
  PrintDiagnostics(diagnostics);
  if (format == OutputFormat::kJson) {
    std::cout << CertCheckReportJson(report).dump(2) << '\n';
  } else {
    std::cout << CertCheckReportText(report);
  }
  return report.FallsShort() ? kExitDifferent : kExitOk;
}

}  // namespace

void SetupCerts(CLI::App& app, CliState& state) {
  CLI::App* certs = app.add_subcommand("certs", "Certificate tools");
  certs->require_subcommand(1);
  certs->footer(
      "Example:\n"
      "  lynctopo certs check examples/enterprise.json --cert fe01.pem --for fe01.contoso.local");
  CLI::App* check = certs->add_subcommand(
      "check", "Check real certificates (files or a live TLS endpoint) against the plan");
  auto args = std::make_shared<CertsCheckArgs>();
  check->add_option("FILE", args->topology, "Topology file (our JSON/XML or a Lync export)")
      ->required();
  check->add_option("--overlay", args->overlays, "Planning overlay applied to the topology")
      ->allow_extra_args(false);
  check
      ->add_option("--cert", args->certs,
                   "PEM (leaf and chain) or DER certificate file; repeatable")
      ->allow_extra_args(false);
  check->add_option("--for", args->for_selector,
                    "Planned certificate to compare with: an id, a role (front-end, "
                    "edge-external, ...) or a server FQDN; default: best match by names");
  check
      ->add_option("--connect", args->connect,
                   "host:port of a TLS endpoint whose certificate to fetch (SNI = host); "
                   "repeatable")
      ->allow_extra_args(false);
  check->add_option("--connect-timeout", args->connect_timeout, "Seconds to wait (default 10)")
      ->check(CLI::PositiveNumber);
  check->add_option("--format", args->format, "text or json");
  check->footer(
      "Example:\n"
      "  lynctopo certs check contoso.json --cert edge-external.pem --for edge-external\n"
      "  lynctopo certs check contoso.json --connect sip.contoso.com:443 --format json\n"
      "Exit codes: 0 every certificate fits, 2 something falls short (errors or warnings),\n"
      "1 unreadable input or connection failure, 64 usage.");
  check->callback([&state, args] { state.exit_code = RunCertsCheck(*args); });
}

}  // namespace lynctopo::cli
