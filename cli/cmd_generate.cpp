// lynctopo generate: load, derive the plan, build the artifact models, run the chosen
// generators into memory, prove consistency, then write (or compare with) --out DIR.

#include <chrono>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include <sys/resource.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/generate_report.hpp"
#include "cli/generate_summary.hpp"
#include "cli/progress.hpp"
#include "cli/terminal.hpp"
#include "generators/check/check.hpp"
#include "generators/check/rendered_artifacts.hpp"
#include "generators/output_spill.hpp"
#include "generators/output_writer.hpp"
#include "generators/run_generators.hpp"
#include "generators/side_by_side.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo::cli {

namespace {

struct GenerateArgs {
  std::string file;
  std::vector<std::string> overlays;
  std::string out;
  std::vector<std::string> only;
  std::string templates;
  std::vector<std::string> settings;
  bool check = false;
  bool dry_run = false;
  bool timings = false;
  unsigned jobs = 0;  // threads for rendering and for the proof; 0: one per core
  bool allow_inconsistent = false;
  bool show_diff = false;  // --check --diff: a unified diff of each stale file
  std::string format = "text";
};

// The consistency proof over the files about to be written, read back as `check --artifacts`
// reads a folder: a template override that drops a name fails the run, unless the user allows
// it (then the findings are warnings). Skipped when the run already has errors: nothing will be
// written, and the models' own findings are already reported.
void ProveWhatIsWritten(const Plan& plan, const OutputSet& outputs, bool allow_inconsistent,
                        unsigned jobs, Diagnostics& diagnostics) {
  if (diagnostics.HasErrors()) return;
  RenderedFiles files;
  for (const auto& [path, artifact] : outputs.artifacts()) {
    if (artifact.spilled.empty()) {
      files.texts.emplace(path, artifact.content);
      continue;
    }
    std::error_code error;
    MappedFile mapped(artifact.spilled, error);
    if (!error) {
      files.Map(path, std::move(mapped));
      continue;
    }
    // Out of mappings (vm.max_map_count): read into memory instead.
    std::optional<std::string> text = artifact.Read();
    if (!text) {
      diagnostics.Error("LT4020", path, {},
                        "cannot read the rendered file back from " +
                            artifact.spilled.parent_path().generic_string());
      return;
    }
    files.texts.emplace(path, files.read.emplace_back(std::move(*text)));
  }
  Diagnostics found;
  ProveRenderedArtifacts(plan, files, "", found, jobs);
  for (const Diagnostic& d : found.items()) {
    if (allow_inconsistent || d.severity != Severity::kError) {
      diagnostics.Warning(d.code, d.file, d.loc, d.message);
    } else {
      diagnostics.Error(d.code, d.file, d.loc, d.message);
    }
  }
}

// Hidden --timings: wall time per stage on stderr, for bench/run.sh. Off by default so normal
// output stays deterministic.
class StageTimer {
 public:
  explicit StageTimer(bool enabled) : enabled_(enabled), last_(Clock::now()) {}
  void Lap(const char* stage) {
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    struct rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    std::cerr << fmt::format("timing {:<9} {:9.3f} ms  peak RSS {} MB\n", stage,
                             std::chrono::duration<double, std::milli>(now - last_).count(),
                             usage.ru_maxrss / 1024);
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point last_;
};

std::string KnownGeneratorNames() {
  std::string names;
  for (const Generator* g : AllGenerators()) {
    if (!names.empty()) names += ", ";
    names += g->name();
  }
  return names.empty() ? "none registered yet" : names;
}

// The registry's order, whatever order --only lists them in: output order is fixed.
bool SelectGenerators(const std::vector<std::string>& only,
                      std::vector<const Generator*>& selected) {
  std::set<std::string> wanted;
  for (const std::string& name : only) {
    if (!FindGenerator(name)) {
      std::cerr << fmt::format("lynctopo generate: unknown generator '{}' in --only (known: {})\n",
                               name, KnownGeneratorNames());
      return false;
    }
    wanted.insert(name);
  }
  for (const Generator* g : AllGenerators()) {
    if (wanted.empty() || wanted.count(std::string(g->name()))) selected.push_back(g);
  }
  return true;
}

bool ParseSettings(const std::vector<std::string>& settings,
                   std::map<std::string, GeneratorOptions>& options) {
  for (const std::string& text : settings) {
    std::optional<GeneratorSetting> setting = ParseGeneratorSetting(text);
    if (!setting) {
      std::cerr << fmt::format(
          "lynctopo generate: --set '{}' is not of the form generator.key=value\n", text);
      return false;
    }
    if (!FindGenerator(setting->generator)) {
      std::cerr << fmt::format(
          "lynctopo generate: --set '{}': unknown generator '{}' (known: {})\n", text,
          setting->generator, KnownGeneratorNames());
      return false;
    }
    options[setting->generator].values[setting->key] = setting->value;
  }
  return true;
}

void PrintChanges(const WriteResult& result, WriteMode mode) {
  for (const OutputChange& change : result.changes) {
    if (mode == WriteMode::kCheck) {
      const char* word = change.kind == ChangeKind::kCreate   ? "missing"
                         : change.kind == ChangeKind::kUpdate ? "different"
                         : change.kind == ChangeKind::kDelete ? "extra"
                                                              : nullptr;
      if (word) std::cout << fmt::format("{:<10} {}\n", word, change.path);
    } else {
      std::cout << fmt::format("{:<10} {}\n", ToString(change.kind), change.path);
    }
  }
}

int RunGenerate(const GenerateArgs& args) {
  std::vector<const Generator*> selected;
  if (!SelectGenerators(args.only, selected)) return kExitUsage;
  std::map<std::string, GeneratorOptions> options;
  if (!ParseSettings(args.settings, options)) return kExitUsage;
  // The DNS generator keeps each zone's SOA serial unless the zone changed since the last run
  // into this folder (docs/domain-calls.md).
  if (!args.out.empty()) options["dns"].values.emplace("previous_out", args.out);

  StageTimer timer(args.timings);
  ProgressLine progress("lynctopo generate", args.format != "json");
  Diagnostics diagnostics;
  progress.Show("loading " + args.file);
  // LoadValidTopology's two steps, apart so --timings can tell them apart.
  LoadOptions load_options;
  load_options.overlays = args.overlays;
  std::optional<Topology> topology = LoadTopologyFile(args.file, diagnostics, load_options);
  timer.Lap("load");
  if (topology) ValidateTopology(*topology, diagnostics, RunValidationOptions());
  timer.Lap("validate");
  if (!topology || diagnostics.HasErrors()) {
    progress.Clear();
    if (args.format == "json") {
      std::cout << GenerateResultJson(args.out, WriteMode::kWrite, WriteResult{}, OutputSet{},
                                      selected, diagnostics)
                       .dump(2)
                << '\n';
    } else {
      PrintDiagnostics(diagnostics);
    }
    return kExitFailure;
  }
  std::unique_ptr<TemplateStore> templates =
      args.templates.empty() ? std::make_unique<TemplateStore>()
                             : std::make_unique<TemplateStore>(args.templates, diagnostics);
  timer.Lap("templates");
  progress.Show("planning");
  Plan plan = DerivePlan(*topology, diagnostics);
  timer.Lap("plan");
  // Only the models the chosen generators render from: `--only dns` builds no certificates,
  // and runs no rule about them.
  ModelChoice models = ModelChoice::None();
  for (const Generator* g : selected) g->AddModels(models);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics, models);
  timer.Lap("models");
  // Once, before the generators, so the report reuses the findings; they join the run's
  // diagnostics where the check always reported them, after the generators'.
  progress.Show("checking the models");
  auto consistency = std::make_shared<Diagnostics>();
  RunConsistencyCheck(artifacts, *consistency, args.jobs);
  artifacts.consistency = consistency;
  timer.Lap("rules");
  // The rendered files wait on disk, not in memory (output_spill.hpp): beside --out when they
  // are to be written there.
  OutputSet outputs;
  const bool writes = !args.check && !args.dry_run;
  outputs.SpillTo(writes ? OutputSpill::Beside(args.out) : OutputSpill::InTemporaryFolder());
  progress.Show("rendering");
  RunGenerators(selected, plan, options, *templates, artifacts, outputs, diagnostics, args.jobs);
  artifacts.ReleaseModels();
  GiveBackFreedMemory();
  timer.Lap("render");
  diagnostics.Append(*consistency);
  progress.Show("proving " + std::to_string(outputs.artifacts().size()) + " artifacts consistent");
  ProveWhatIsWritten(plan, outputs, args.allow_inconsistent, args.jobs, diagnostics);
  timer.Lap("check");

  WriteMode mode = args.check     ? WriteMode::kCheck
                   : args.dry_run ? WriteMode::kDryRun
                                  : WriteMode::kWrite;
  WriteRequest request;
  request.mode = mode;
  request.generator_version = LYNCTOPO_VERSION;
  if (!args.only.empty()) {
    request.generators_run.emplace();
    for (const Generator* g : selected) request.generators_run->insert(std::string(g->name()));
  }
  progress.Show(mode == WriteMode::kWrite ? "writing" : "comparing with " + args.out);
  WriteResult result = WriteOutputSet(outputs, args.out, request, diagnostics);
  timer.Lap("write");
  progress.Clear();
  if (args.format == "json") {
    std::cout << GenerateResultJson(args.out, mode, result, outputs, selected, diagnostics).dump(2)
              << '\n';
    if (!result.ok) return kExitFailure;
    return mode == WriteMode::kCheck && result.Differs() ? kExitDifferent : kExitOk;
  }
  PrintDiagnostics(diagnostics);
  if (!result.ok) {
    std::cerr << "lynctopo generate: nothing written: the run has errors\n";
    return kExitFailure;
  }
  std::cout << FormatGenerateSummary(plan, artifacts, outputs, selected);
  timer.Lap("summary");
  if (mode != WriteMode::kWrite) PrintChanges(result, mode);
  if (args.show_diff) std::cout << StaleFilesDiff(args.out, result, outputs);
  if (mode == WriteMode::kCheck) {
    if (result.Differs()) {
      std::cout << fmt::format("{} differs from what would be generated\n", args.out);
      return kExitDifferent;
    }
    std::cout << fmt::format("{} is up to date\n", args.out);
  }
  return kExitOk;
}

}  // namespace

void SetupGenerate(CLI::App& app, CliState& state) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "Generate every artifact (or --only some) from a topology into --out DIR");
  cmd->add_option("FILE", args->file, "Topology file (our JSON/XML, .tbxml, published topology)")
      ->required();
  cmd->add_option("--overlay", args->overlays,
                  "Planning overlay applied after loading (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--out", args->out, "Output folder")->required();
  cmd->add_option("--only", args->only, "Comma-separated generator names (default: all)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--templates", args->templates,
                  "Folder of template overrides (same relative paths as the built-ins)");
  cmd->add_option("--set", args->settings, "Generator option generator.key=value (repeatable)")
      ->allow_extra_args(false);
  CLI::Option* check =
      cmd->add_flag("--check", args->check, "Write nothing; exit 2 when DIR differs");
  CLI::Option* dry_run =
      cmd->add_flag("--dry-run", args->dry_run, "Write nothing; list what would change");
  cmd->add_flag("--allow-inconsistent", args->allow_inconsistent,
                "Write even when the rendered files fail the consistency proof (the findings "
                "become warnings)");
  check->excludes(dry_run);
  cmd->add_flag("--diff", args->show_diff,
                "With --check or --dry-run: a unified diff of each file that would change");
  cmd->add_option("--format", args->format,
                  "text, or json: summary, every file and its change, diagnostics "
                  "(schemas/generate.schema.json)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", args->jobs,
                  "Threads that render and prove (default 0: one per core); the output is the same")
      ->capture_default_str();
  // Hidden (empty group): a benchmarking aid, not part of the interface.
  cmd->add_flag("--timings", args->timings, "Per-stage wall time and peak RSS on stderr")
      ->group("");
  cmd->footer(
      "Example: lynctopo generate examples/enterprise.json --out out/ --only dns,certificates\n"
      "Exit codes: 0 written/identical, 1 errors (nothing written), 2 --check found differences, "
      "64 usage.");
  cmd->callback([args, &state] { state.exit_code = RunGenerate(*args); });
}

}  // namespace lynctopo::cli
