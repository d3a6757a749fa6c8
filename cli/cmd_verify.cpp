// `lynctopo verify`: compares live systems with the plan. Each target is a sub-subcommand:
// `verify dns` lives here, `verify proxy` in cmd_verify_proxy.cpp (SetupVerifyProxy).

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/dns/dns_verify.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::cli {

namespace {

struct VerifyDnsOptions {
  std::string file;
  std::vector<std::string> overlays;
  std::string server;
  std::string view = "internal";
  std::string format = "text";
  double timeout_seconds = 2.0;
  int retries = 2;
};

// FILE is either a generated dns/records.json or a topology (derived to records here).
std::optional<DnsRecordSet> LoadPlannedRecords(const VerifyDnsOptions& options,
                                               std::optional<Topology>& topology,
                                               std::optional<Plan>& plan,
                                               Diagnostics& diagnostics) {
  std::optional<std::string> text = ReadInputFile(options.file, diagnostics);
  if (!text) return std::nullopt;
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_object() && doc.contains("records") && !doc.contains("sip_domains")) {
    return DnsRecordsFromJson(doc, options.file, diagnostics);
  }
  topology = LoadValidTopology(options.file, options.overlays, diagnostics);
  if (!topology) return std::nullopt;
  plan = DerivePlan(*topology, diagnostics);
  DnsRecordSet set = BuildDnsRecords(*plan, diagnostics);
  if (diagnostics.HasErrors()) return std::nullopt;
  return set;
}

int RunVerifyDns(const VerifyDnsOptions& options) {
  OutputFormat format = OutputFormat::kText;
  ParseOutputFormat(options.format, &format);
  std::optional<DnsServerAddress> server = ParseDnsServer(options.server);
  if (!server) {
    std::cerr << "lynctopo verify dns: --server must be ADDR or ADDR:PORT with an IPv4 or IPv6 "
                 "address ([ADDR]:PORT for IPv6), got '"
              << options.server << "'\n";
    return kExitUsage;
  }
  View view = options.view == "external" ? View::kExternal : View::kInternal;

  Diagnostics diagnostics;
  std::optional<Topology> topology;  // the plan points into it: keep both alive
  std::optional<Plan> plan;
  std::optional<DnsRecordSet> set = LoadPlannedRecords(options, topology, plan, diagnostics);
  if (!set) {
    if (format == OutputFormat::kJson) {
      nlohmann::json doc = {{"format_version", 1}, {"diagnostics", DiagnosticsToJson(diagnostics)}};
      std::cout << doc.dump(2) << '\n';
    } else {
      PrintDiagnostics(diagnostics);
    }
    return kExitFailure;
  }

  int timeout_ms = static_cast<int>(options.timeout_seconds * 1000);
  std::unique_ptr<DnsQuerier> querier = MakeLdnsQuerier(*server, timeout_ms, options.retries);
  DnsVerifyResult result = VerifyDns(*set, view, *querier, diagnostics);
  result.server = server->ToString();

  if (format == OutputFormat::kJson) {
    std::cout << DnsVerifyJson(result, diagnostics).dump(2) << '\n';
  } else {
    PrintDiagnostics(diagnostics);
    std::cout << DnsVerifyText(result);
  }
  if (diagnostics.HasErrors()) return kExitFailure;
  return result.drift.empty() ? kExitOk : kExitDifferent;
}

void SetupVerifyDns(CLI::App& verify, CliState& state) {
  auto options = std::make_shared<VerifyDnsOptions>();
  CLI::App* cmd = verify.add_subcommand(
      "dns", "Query a live DNS server for every planned record of one view and report drift");
  cmd->add_option("FILE", options->file, "Topology file, or a generated dns/records.json")
      ->required();
  cmd->add_option("--server", options->server, "DNS server to ask: ADDR[:PORT] (port 53)")
      ->required();
  cmd->add_option("--view", options->view,
                  "Which records to check: those of the internal or the external view")
      ->check(CLI::IsMember({"internal", "external"}))
      ->capture_default_str();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--overlay", options->overlays, "Planning overlay applied to a topology FILE");
  cmd->add_option("--timeout", options->timeout_seconds, "Seconds to wait for each answer")
      ->check(CLI::Range(0.1, 60.0))
      ->capture_default_str();
  cmd->add_option("--retries", options->retries, "Retries per query (UDP)")
      ->check(CLI::Range(0, 10))
      ->capture_default_str();
  cmd->footer(
      "Example:\n"
      "  lynctopo verify dns out/dns/records.json --server 192.0.2.53 --view external\n"
      "Reports + missing, ~ different and - extra records (extra: same name and type, a value\n"
      "the plan does not have). Exit 0 no drift, 2 drift, 1 error (no answer, bad input).");
  cmd->callback([options, &state] { state.exit_code = RunVerifyDns(*options); });
}

}  // namespace

void SetupVerify(CLI::App& app, CliState& state) {
  CLI::App* verify = app.add_subcommand(
      "verify", "Compare live systems with the plan: DNS servers, reverse proxies, certificates");
  verify->require_subcommand(0, 1);
  verify->footer(
      "Examples:\n"
      "  lynctopo verify topology.json --dns-server internal=10.0.0.53 \\\n"
      "      --dns-server external=131.107.155.53 --proxy 131.107.155.40:443 --connect\n"
      "  lynctopo verify dns topology.json --server 10.0.0.53:53 --view internal\n"
      "  lynctopo verify proxy topology.json --proxy 131.107.155.40:443\n"
      "`verify FILE` runs the DNS (--dns-server), reverse-proxy (--proxy) and certificate\n"
      "(--connect) checks and reports drift like `diff`: + planned but missing live, ~ different,\n"
      "- live but not planned. Exit 0 no drift, 2 drift, 1 error (no answer, bad input), 64 "
      "usage.");
  SetupVerifyDns(*verify, state);
  SetupVerifyProxy(*verify, state);
  SetupVerifyLive(*verify, state);
}

}  // namespace lynctopo::cli
