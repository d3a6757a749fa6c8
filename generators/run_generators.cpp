#include "generators/run_generators.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "generators/side_by_side.hpp"

namespace lynctopo {

std::optional<GeneratorSetting> ParseGeneratorSetting(std::string_view text) {
  size_t dot = text.find('.');
  size_t equals = text.find('=');
  if (dot == std::string_view::npos || equals == std::string_view::npos || dot == 0 ||
      dot > equals || equals == dot + 1) {
    return std::nullopt;
  }
  return GeneratorSetting{std::string(text.substr(0, dot)),
                          std::string(text.substr(dot + 1, equals - dot - 1)),
                          std::string(text.substr(equals + 1))};
}

namespace {

// What one generator produced, kept apart until every generator is done.
struct GeneratorRun {
  OutputSet outputs;
  Diagnostics diagnostics;
  bool done = false;
};

// Generators only read the plan, the models and the templates, so they run side by side on
// the available cores, each into its own output set and diagnostics, merged in the generators'
// order afterwards: the result does not depend on which finished first. A generator that shows
// the findings so far (the report) waits for the generators before it.
class ParallelRun {
 public:
  ParallelRun(std::span<const Generator* const> generators, const Plan& plan,
              const std::map<std::string, GeneratorOptions>& options,
              const TemplateStore& templates, const ArtifactSet& artifacts,
              const Diagnostics& before, const std::shared_ptr<OutputSpill>& spill)
      : generators_(generators),
        plan_(plan),
        options_(options),
        templates_(templates),
        artifacts_(artifacts),
        before_(before),
        runs_(generators.size()) {
    for (GeneratorRun& run : runs_) run.outputs.SpillTo(spill);
  }

  void Run(unsigned jobs) {
    RunSideBySide(generators_.size(), jobs, [this](size_t i) {
      RunOne(i);
      GiveBackFreedMemory();  // side_by_side.hpp: the next generator may run on another thread
      std::lock_guard<std::mutex> held(lock_);
      runs_[i].done = true;
      finished_.notify_all();
    });
  }

  void MergeInto(OutputSet& outputs, Diagnostics& diagnostics) {
    for (GeneratorRun& run : runs_) {
      diagnostics.Append(run.diagnostics);
      outputs.Absorb(std::move(run.outputs), diagnostics);
    }
  }

 private:
  // Generators are taken in order (RunSideBySide), so one waiting for those before it waits
  // only for generators other workers already run: no deadlock, whatever the number of workers.
  void RunOne(size_t index) {
    static const GeneratorOptions kNoOptions;
    const Generator& generator = *generators_[index];
    GeneratorRun& run = runs_[index];
    auto found = options_.find(std::string(generator.name()));
    const GeneratorOptions& own = found == options_.end() ? kNoOptions : found->second;
    GeneratorContext context{run.outputs, templates_, artifacts_, run.diagnostics,
                             [this, index] { return FindingsBefore(index); }};
    try {
      generator.Generate(plan_, own, context);
    } catch (const std::exception& e) {
      run.diagnostics.Error("LT4006", "", {},
                            fmt::format("generator '{}' failed: {}", generator.name(), e.what()));
    } catch (...) {
      // Nothing may leave a worker thread (std::terminate), nor leave `done` unset (a generator
      // waiting for this one would wait for ever).
      run.diagnostics.Error("LT4006", "", {},
                            fmt::format("generator '{}' failed", generator.name()));
    }
  }

  Diagnostics FindingsBefore(size_t index) {
    std::unique_lock<std::mutex> held(lock_);
    finished_.wait(held, [&] {
      return std::all_of(runs_.begin(), runs_.begin() + static_cast<std::ptrdiff_t>(index),
                         [](const GeneratorRun& run) { return run.done; });
    });
    Diagnostics findings;
    findings.Append(before_);
    for (size_t i = 0; i < index; ++i) findings.Append(runs_[i].diagnostics);
    return findings;
  }

  std::span<const Generator* const> generators_;
  const Plan& plan_;
  const std::map<std::string, GeneratorOptions>& options_;
  const TemplateStore& templates_;
  const ArtifactSet& artifacts_;
  const Diagnostics& before_;
  std::vector<GeneratorRun> runs_;
  std::mutex lock_;
  std::condition_variable finished_;
};

}  // namespace

void RunGenerators(std::span<const Generator* const> generators, const Plan& plan,
                   const std::map<std::string, GeneratorOptions>& options,
                   const TemplateStore& templates, const ArtifactSet& artifacts, OutputSet& outputs,
                   Diagnostics& diagnostics, unsigned jobs) {
  ParallelRun run(generators, plan, options, templates, artifacts, diagnostics, outputs.spill());
  run.Run(jobs);
  run.MergeInto(outputs, diagnostics);
}

}  // namespace lynctopo
