// `lynctopo verify FILE`: the DNS, reverse-proxy and certificate checks in one run, reported
// in the change format of `diff` (generators/verify/live_verify.hpp). Wired in by `verify`
// (cli/cmd_verify.cpp) as the command's own action when no sub-subcommand is given.

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/terminal.hpp"
#include "generators/verify/live_verify.hpp"
#include "model/diff/change_output.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo::cli {
namespace {

struct VerifyLiveArgs {
  std::string file;
  std::vector<std::string> overlays;
  std::vector<std::string> dns_servers;
  std::string dns_view = "internal";
  double dns_timeout = 2.0;
  int dns_retries = 2;
  std::string proxy;
  std::string proxy_name;
  bool connect = false;
  int connect_timeout = 5;
  std::string format = "text";
  double timeout = 60;
};

// --timeout: the whole run, whatever each step's own timeout. When it passes, the run stops
// with exit 1 and says so, instead of waiting on servers that do not answer.
class Watchdog {
 public:
  explicit Watchdog(double seconds) : thread_([this, seconds] { Run(seconds); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void Run(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return done_; })) {
      return;
    }
    std::string line = fmt::format(
        "lynctopo verify: no result within --timeout {} s: a DNS server or proxy does not "
        "answer (check the address, the port and the firewall) [LT9604]",
        seconds);
    std::cerr << ColorSeverity(line, Severity::kError, 2) << std::endl;
    ::_exit(kExitFailure);  // nothing was written: verify only reads
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

// --dns-server [internal=|external=]ADDR[:PORT], repeatable: a server without a view prefix
// is asked for every view of --dns-view. Returns an error message, or "" when fine.
std::string DnsTargets(const VerifyLiveArgs& args, std::vector<LiveDnsTarget>* targets) {
  std::vector<View> default_views;
  if (args.dns_view != "external") default_views.push_back(View::kInternal);
  if (args.dns_view != "internal") default_views.push_back(View::kExternal);
  bool seen[2] = {false, false};
  for (const std::string& spec : args.dns_servers) {
    std::string text = spec;
    std::vector<View> views = default_views;
    if (size_t eq = text.find('='); eq != std::string::npos) {
      std::string view = text.substr(0, eq);
      if (view != "internal" && view != "external") {
        return "--dns-server: unknown view '" + view + "' (internal= or external=)";
      }
      views = {view == "internal" ? View::kInternal : View::kExternal};
      text = text.substr(eq + 1);
    }
    std::optional<DnsServerAddress> server = ParseDnsServer(text);
    if (!server) {
      return "--dns-server must be [internal=|external=]ADDR[:PORT] with an IPv4 or IPv6 "
             "address ([ADDR]:PORT for IPv6), got '" +
             spec + "'";
    }
    for (View view : views) {
      bool& once = seen[view == View::kInternal ? 0 : 1];
      if (once) return std::string("--dns-server: two servers for the ") + ToString(view) + " view";
      once = true;
      targets->push_back({view, *server});
    }
  }
  return "";
}

int RunVerifyLive(const VerifyLiveArgs& args) {
  OutputFormat format;
  if (!ParseOutputFormat(args.format, &format, /*allow_markdown=*/true)) {
    std::cerr << "lynctopo verify: --format must be text, md or json\n";
    return kExitUsage;
  }
  if (args.file.empty()) {
    std::cerr << "lynctopo verify: give a topology FILE, or a check: verify dns|proxy "
                 "(see lynctopo verify --help)\n";
    return kExitUsage;
  }
  if (args.dns_servers.empty() && args.proxy.empty()) {
    std::cerr << "lynctopo verify: nothing to check: give --dns-server and/or --proxy\n";
    return kExitUsage;
  }
  LiveVerifyOptions options;
  if (std::string problem = DnsTargets(args, &options.dns); !problem.empty()) {
    std::cerr << "lynctopo verify: " << problem << '\n';
    return kExitUsage;
  }
  options.dns_timeout_seconds = args.dns_timeout;
  options.dns_retries = args.dns_retries;
  if (!args.proxy.empty() &&
      !SplitAddressPort(args.proxy, &options.proxy_address, &options.proxy_port)) {
    std::cerr << "lynctopo verify: --proxy must be ADDR or ADDR:PORT ([V6]:PORT)\n";
    return kExitUsage;
  }
  if (args.connect && args.proxy.empty()) {
    std::cerr << "lynctopo verify: --connect checks the certificates the proxy serves: give "
                 "--proxy\n";
    return kExitUsage;
  }
  options.proxy_name = args.proxy_name;
  options.connect = args.connect;
  options.connect_timeout_seconds = args.connect_timeout;

  Diagnostics diagnostics;
  std::optional<Topology> topology = LoadValidTopology(args.file, args.overlays, diagnostics);
  if (!topology) {
    PrintDiagnostics(diagnostics);
    return kExitFailure;
  }
  Plan plan = DerivePlan(*topology, diagnostics);
  std::vector<Change> changes;
  if (!diagnostics.HasErrors()) {
    Watchdog watchdog(args.timeout);
    const bool on_terminal = IsTerminal(2) && !Terminal().quiet;
    std::string waiting;
    if (on_terminal) {
      waiting = std::string("lynctopo verify: checking") + (options.dns.empty() ? "" : " DNS") +
                (args.proxy.empty() ? "" : " proxy") + (args.connect ? " certificates" : "") +
                " (at most " + fmt::format("{}", args.timeout) + " s) ...";
      std::cerr << waiting << '\r' << std::flush;
      // Each finished check on its own line, the waiting line redrawn under it.
      options.on_check = [&waiting](const std::string& line) {
        std::cerr << "\x1b[2K" << line << '\n' << waiting << '\r' << std::flush;
      };
    }
    changes = VerifyLive(plan, options, diagnostics);
    if (on_terminal) std::cerr << "\x1b[2K" << std::flush;
  }
  PrintDiagnostics(diagnostics);
  if (diagnostics.HasErrors()) return kExitFailure;
  switch (format) {
    case OutputFormat::kJson:
      std::cout << ChangesToJson(changes).dump(2) << '\n';
      break;
    case OutputFormat::kMarkdown:
      std::cout << ChangesToMarkdown(changes, "lynctopo verify");
      break;
    case OutputFormat::kText:
      std::cout << ChangesToText(changes);
      break;
  }
  return Summarize(changes).empty() ? kExitOk : kExitDifferent;
}

}  // namespace

void SetupVerifyLive(CLI::App& verify, CliState& state) {
  auto args = std::make_shared<VerifyLiveArgs>();
  verify.add_option("FILE", args->file, "Topology file (any supported format)");
  verify.add_option("--overlay", args->overlays, "Planning overlay(s) applied in order");
  verify.add_option("--dns-server", args->dns_servers,
                    "DNS server to ask, [internal=|external=]ADDR[:PORT] (port 53); repeatable, "
                    "one per view");
  verify
      .add_option("--dns-view", args->dns_view,
                  "Views asked of a --dns-server without a view prefix")
      ->check(CLI::IsMember({"internal", "external", "both"}))
      ->capture_default_str();
  verify.add_option("--dns-timeout", args->dns_timeout, "Seconds to wait for each DNS answer")
      ->check(CLI::Range(0.1, 60.0))
      ->capture_default_str();
  verify.add_option("--dns-retries", args->dns_retries, "Retries per DNS query (UDP)")
      ->check(CLI::Range(0, 10))
      ->capture_default_str();
  verify.add_option("--proxy", args->proxy,
                    "Reverse proxy to check, ADDR[:PORT] (port 443): every host it publishes "
                    "over TLS");
  verify.add_option("--proxy-name", args->proxy_name,
                    "Only the hosts of this reverse proxy (deployments with several)");
  verify.add_flag("--connect", args->connect,
                  "Also check the certificate the proxy serves for each host against the plan");
  verify.add_option("--connect-timeout", args->connect_timeout, "Seconds per connection step")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  verify.add_option("--format", args->format, "text, md or json")->capture_default_str();
  verify.add_option("--timeout", args->timeout, "Seconds for the whole run; exit 1 when exceeded")
      ->check(CLI::Range(1.0, 3600.0))
      ->capture_default_str();
  verify.callback([args, &state, &verify] {
    if (!verify.get_subcommands().empty()) return;  // `verify dns|proxy` ran instead
    state.exit_code = RunVerifyLive(*args);
  });
}

}  // namespace lynctopo::cli
