// lynctopo diff: what changes between the actual topology and the planned one, at the
// topology level and in every artifact, Terraform-style.

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/terminal.hpp"
#include "generators/artifact_set.hpp"
#include "generators/diff/artifact_diff.hpp"
#include "generators/report/change_report.hpp"
#include "model/diff/change_output.hpp"
#include "model/diff/topology_diff.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo::cli {
namespace {

struct DiffOptions {
  std::string planned;
  std::string actual;
  std::string pending;
  std::vector<std::string> planned_overlays;
  std::vector<std::string> actual_overlays;
  std::string format = "text";
  bool topology_only = false;
  bool fail_on_delete = false;
  int max_dns_deletes = -1;
  double max_change_percent = -1;
};

// A refusal by a safety flag is neither invalid input (1) nor "different" (2): pipelines
// must be able to tell "this change is too big" apart.
constexpr int kExitRefused = 3;

// Below this many DNS record sets on the actual side --max-change-percent does not apply
// (octoDNS's MIN_EXISTING_RECORDS): one change in a tiny zone is no mass change.
constexpr size_t kMinRecordSetsForPercent = 10;

// One side of the comparison: the model and everything derived from it. Plans point into
// their topology, so a side is never copied.
struct Side {
  Topology topology;
  Plan plan;
  ArtifactSet artifacts;
};

// The actual side is what is deployed: it is never held to design rules (Lync accepted it),
// only to what makes its artifacts impossible to derive.
std::unique_ptr<Side> LoadSide(const std::string& path, const std::vector<std::string>& overlays,
                               bool original_topology, bool actual, Diagnostics& diagnostics) {
  LoadOptions options;
  options.overlays = overlays;
  options.original_topology = original_topology;
  std::optional<Topology> topology = LoadTopologyFile(path, diagnostics, options);
  if (!topology) return nullptr;
  ValidationOptions validation = RunValidationOptions();
  if (actual) validation = ValidationOptions{.strict = false, .design_rules = false};
  ValidateTopology(*topology, diagnostics, validation);
  if (diagnostics.HasErrors()) return nullptr;
  auto side = std::make_unique<Side>();
  side->topology = std::move(*topology);
  side->plan = DerivePlan(side->topology, diagnostics);
  side->artifacts = BuildArtifacts(side->plan, diagnostics);
  return side;
}

// DNS changes are per record set: count the individual records a change takes away.
size_t RemovedRecordValues(const Change& c) {
  static const nlohmann::json kNone = nlohmann::json::array();
  const nlohmann::json& before = c.before.is_object() ? c.before["values"] : kNone;
  const nlohmann::json& after = c.after.is_object() ? c.after["values"] : kNone;
  size_t removed = 0;
  for (const auto& value : before) {
    if (std::find(after.begin(), after.end(), value) == after.end()) ++removed;
  }
  return removed;
}

// What the DNS part of a change list removes and touches. --max-dns-deletes counts DNS
// records, one per value of a record set (one line of a zone file): a record set deleted
// with 3 addresses removes 3 records, an update that drops 1 of them removes 1.
struct DnsImpact {
  size_t records_removed = 0;
  size_t sets_existing = 0;  // record sets on the actual side
  size_t sets_changed = 0;   // of those, updated, replaced or deleted
};

DnsImpact MeasureDns(const std::vector<Change>& changes) {
  DnsImpact impact;
  for (const Change& c : changes) {
    if (c.kind != "dns-record") continue;
    impact.records_removed += RemovedRecordValues(c);
    if (c.action == ChangeAction::kCreate) continue;
    ++impact.sets_existing;
    if (c.action != ChangeAction::kNoOp) ++impact.sets_changed;
  }
  return impact;
}

// One refusal per flag, each with the count it compared and the changes behind it.
struct Refusal {
  std::string flag;
  std::string reason;
  std::vector<std::string> changes;
};

std::vector<Refusal> SafetyRefusals(const DiffOptions& options, const std::vector<Change>& changes,
                                    const DnsImpact& dns) {
  std::vector<Refusal> refusals;
  if (options.fail_on_delete) {
    Refusal refusal{"--fail-on-delete", "", {}};
    for (const Change& c : changes) {
      bool removes = c.action == ChangeAction::kDelete || c.action == ChangeAction::kReplace;
      if (c.kind == "certificate" && c.action == ChangeAction::kUpdate) {
        for (const std::string& line : DescribeFieldChanges(c.before, c.after)) {
          if (line.rfind("- sans ", 0) == 0) removes = true;
        }
      }
      if (removes) {
        refusal.changes.push_back(std::string(ToString(c.action)) + " " + c.kind + " " + c.address);
      }
    }
    if (!refusal.changes.empty()) {
      refusal.reason = fmt::format("{} change{} remove{} something", refusal.changes.size(),
                                   refusal.changes.size() == 1 ? "" : "s",
                                   refusal.changes.size() == 1 ? "s" : "");
      refusals.push_back(std::move(refusal));
    }
  }
  if (options.max_dns_deletes >= 0 &&
      dns.records_removed > static_cast<size_t>(options.max_dns_deletes)) {
    refusals.push_back({"--max-dns-deletes",
                        fmt::format("{} DNS records removed, more than {}", dns.records_removed,
                                    options.max_dns_deletes),
                        {}});
  }
  if (options.max_change_percent >= 0 && dns.sets_existing >= kMinRecordSetsForPercent) {
    double percent =
        100.0 * static_cast<double>(dns.sets_changed) / static_cast<double>(dns.sets_existing);
    if (percent > options.max_change_percent) {
      refusals.push_back(
          {"--max-change-percent",
           fmt::format("{} of {} existing DNS record sets change or go ({:.1f}%), more than {}%",
                       dns.sets_changed, dns.sets_existing, percent, options.max_change_percent),
           {}});
    }
  }
  return refusals;
}

void PrintRefusals(const std::vector<Refusal>& refusals) {
  for (const Refusal& r : refusals) {
    std::string line = "lynctopo diff: refused by " + r.flag + ": " + r.reason;
    if (!r.changes.empty() && !Terminal().verbose) {
      line += " (first: " + r.changes.front() + (r.changes.size() > 1 ? "; -v lists all)" : ")");
    }
    std::cerr << ColorSeverity(line, Severity::kError, 2) << '\n';
    if (Terminal().verbose) {
      for (const std::string& c : r.changes) std::cerr << "  " << c << '\n';
    }
  }
}

int RunDiff(const DiffOptions& options) {
  // html: the report's page style for a change board (generators/report/change_report.hpp).
  const bool html = options.format == "html";
  OutputFormat format = OutputFormat::kText;
  if (!html && !ParseOutputFormat(options.format, &format, /*allow_markdown=*/true)) {
    std::cerr << "lynctopo diff: unknown --format '" << options.format << "'\n";
    return kExitUsage;
  }
  Diagnostics diagnostics;
  std::unique_ptr<Side> before;
  std::unique_ptr<Side> after;
  if (!options.pending.empty()) {
    // A Topology Builder file holds both: what is published and what is being edited.
    before = LoadSide(options.pending, options.actual_overlays, true, true, diagnostics);
    after = LoadSide(options.pending, options.planned_overlays, false, false, diagnostics);
  } else {
    before = LoadSide(options.actual, options.actual_overlays, false, true, diagnostics);
    after = LoadSide(options.planned, options.planned_overlays, false, false, diagnostics);
  }
  PrintDiagnostics(diagnostics);
  if (!before || !after || diagnostics.HasErrors()) return kExitFailure;

  // No-ops too, so the summary can count what stays; they are left out of the listing.
  std::vector<Change> all = DiffTopologies(before->topology, after->topology, true);
  if (!options.topology_only) {
    for (Change& c : DiffArtifacts(before->artifacts, after->artifacts, true)) {
      all.push_back(std::move(c));
    }
  }
  const size_t unchanged = Summarize(all).unchanged;
  const DnsImpact dns = MeasureDns(all);
  std::vector<Change> changes;
  for (Change& c : all) {
    if (c.action != ChangeAction::kNoOp) changes.push_back(std::move(c));
  }
  if (html) {
    std::optional<std::string> page =
        ChangesToHtml(changes, "lynctopo diff", TemplateStore(), diagnostics);
    if (!page) {
      PrintDiagnostics(diagnostics);
      return kExitFailure;
    }
    std::cout << *page;
  } else {
    switch (format) {
      case OutputFormat::kJson: {
        nlohmann::json out = ChangesToJson(changes);
        out["summary"]["unchanged"] = unchanged;
        out["summary"]["dns_records_removed"] = dns.records_removed;
        out["summary"]["dns_record_sets_existing"] = dns.sets_existing;
        out["summary"]["dns_record_sets_changed"] = dns.sets_changed;
        std::cout << out.dump(2) << '\n';
        break;
      }
      case OutputFormat::kMarkdown:
        std::cout << ChangesToMarkdown(changes);
        break;
      case OutputFormat::kText:
        std::cout << ChangesToText(changes);
        break;
    }
  }
  std::vector<Refusal> refusals = SafetyRefusals(options, changes, dns);
  PrintRefusals(refusals);
  if (!refusals.empty()) return kExitRefused;
  return Summarize(changes).empty() ? kExitOk : kExitDifferent;
}

}  // namespace

void SetupDiff(CLI::App& app, CliState& state) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Show what changes from the ACTUAL topology to the PLANNED one, in every artifact");
  cmd->add_option("planned", options->planned, "The planned (desired) topology, any format");
  cmd->add_option("actual", options->actual, "The actual (current) topology, any format");
  cmd->add_option("--pending", options->pending,
                  "A .tbxml: compare its OriginalTopology (published) with its NewTopology");
  cmd->add_option("--overlay,--overlay-planned", options->planned_overlays,
                  "Overlay applied to the planned side (repeatable)");
  cmd->add_option("--overlay-actual", options->actual_overlays,
                  "Overlay applied to the actual side (repeatable)");
  cmd->add_option("--format", options->format, "text, md, json or html")->default_val("text");
  cmd->add_flag("--topology-only", options->topology_only, "Skip the artifact-level impact");
  cmd->add_flag(
      "--fail-on-delete", options->fail_on_delete,
      "Exit 3 when the change deletes or replaces anything or removes a certificate name");
  cmd->add_option("--max-dns-deletes", options->max_dns_deletes,
                  "Exit 3 when more than N DNS records would be removed; a record is one value "
                  "of a record set (one zone-file line), so dropping 1 of 3 addresses counts 1 "
                  "(JSON: summary.dns_records_removed)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-change-percent", options->max_change_percent,
                  "Exit 3 when more than P% of the existing DNS record sets would change or go "
                  "(octoDNS-style; only with at least 10 existing record sets)")
      ->check(CLI::Range(0.0, 100.0));
  cmd->footer(
      "Examples:\n"
      "  lynctopo diff planned.json actual.tbxml --overlay-actual overlay.json\n"
      "  lynctopo diff --pending edited.tbxml --format md\n"
      "  lynctopo diff planned.json actual.json --max-dns-deletes 0 --max-change-percent 20\n"
      "Exit codes: 0 identical, 2 different, 3 refused by a safety flag, 1 error, 64 usage.");
  cmd->callback([options, &state, cmd] {
    bool two_files = !options->planned.empty() && !options->actual.empty();
    bool pending = !options->pending.empty();
    if (two_files == pending || (pending && !options->planned.empty())) {
      std::cerr << "lynctopo diff: give PLANNED and ACTUAL, or --pending FILE\n" << cmd->help();
      state.exit_code = kExitUsage;
      return;
    }
    state.exit_code = RunDiff(*options);
  });
}

}  // namespace lynctopo::cli
