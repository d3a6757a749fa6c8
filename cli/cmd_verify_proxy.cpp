// `lynctopo verify proxy FILE --proxy ADDR[:PORT]`: checks a running reverse proxy against the
// plan (generators/proxy/proxy_verify.hpp). Wired in by `verify` (cli/cmd_verify.cpp).

#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "generators/proxy/proxy_model.hpp"
#include "generators/proxy/proxy_verify.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::cli {
namespace {

struct VerifyProxyArgs {
  std::string file;
  std::vector<std::string> overlays;
  std::string proxy_address;
  std::string proxy_name;
  std::string format = "text";
  int connect_timeout = 5;
};

int RunVerifyProxy(const VerifyProxyArgs& args) {
  OutputFormat format;
  if (!ParseOutputFormat(args.format, &format)) {
    std::cerr << "lynctopo: --format must be text or json\n";
    return kExitUsage;
  }
  std::string address;
  int port = 443;
  if (!SplitAddressPort(args.proxy_address, &address, &port)) {
    std::cerr << "lynctopo: --proxy must be ADDR or ADDR:PORT ([V6]:PORT)\n";
    return kExitUsage;
  }
  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.file, args.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  Plan plan = DerivePlan(*topology, diagnostics);
  ProxyRuleSet rules = BuildProxyRules(plan, diagnostics);
  PrintDiagnostics(diagnostics);
  if (diagnostics.HasErrors()) return kExitFailure;

  // Every host published over TLS (by the named proxy, if one was named), sorted, once each.
  std::set<std::string> hosts;
  bool proxy_known = args.proxy_name.empty();
  for (const ProxyRule& rule : rules.rules) {
    if (!args.proxy_name.empty() && rule.proxy != args.proxy_name) continue;
    proxy_known = true;
    if (rule.listen_tls) hosts.insert(rule.public_host.str());
  }
  if (!proxy_known) {
    std::cerr << "lynctopo: no reverse proxy named '" << args.proxy_name
              << "' publishes anything in " << args.file << "\n";
    return kExitFailure;
  }
  proxy::VerifyReport report = proxy::VerifyProxyHosts(
      std::vector<std::string>(hosts.begin(), hosts.end()), address, port, args.connect_timeout);
  if (format == OutputFormat::kJson) {
    std::cout << proxy::VerifyReportToJson(report).dump(2) << "\n";
  } else {
    std::cout << proxy::VerifyReportToText(report);
  }
  return report.ok() ? kExitOk : kExitDifferent;
}

}  // namespace

void SetupVerifyProxy(CLI::App& verify, CliState& state) {
  auto args = std::make_shared<VerifyProxyArgs>();
  CLI::App* cmd = verify.add_subcommand(
      "proxy", "Check a running reverse proxy serves every planned public host");
  cmd->footer(
      "Example: lynctopo verify proxy examples/enterprise.json --proxy 131.107.155.40:443\n"
      "For each public host published over TLS: connects with the host as SNI, checks the "
      "certificate covers the name and that GET / with that Host header gets an HTTP response. "
      "Exit 2 when any host fails.");
  cmd->add_option("file", args->file, "Topology file")->required();
  cmd->add_option("--overlay", args->overlays, "Planning overlay(s) applied in order");
  cmd->add_option("--proxy", args->proxy_address, "Proxy address, ADDR[:PORT] (port 443)")
      ->required();
  cmd->add_option("--name", args->proxy_name, "Only the hosts of this reverse proxy");
  cmd->add_option("--format", args->format, "text or json");
  cmd->add_option("--connect-timeout", args->connect_timeout, "Seconds per connection step")
      ->check(CLI::Range(1, 300));
  cmd->callback([args, &state] { state.exit_code = RunVerifyProxy(*args); });
}

}  // namespace lynctopo::cli
