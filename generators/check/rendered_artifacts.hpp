#pragma once

// The consistency proof over rendered artifacts: a generated output folder as it is on disk
// (or the files `generate` is about to write) is parsed back with real parsers — zone files
// with ldns, records.json / certificates.json / rules.json / kerberos plan.json as JSON,
// records.csv as CSV, OpenSSL request configs, nginx configs, the LDIF, and the names in the
// PowerShell scripts as their string literals — into artifact models. The rule table then runs
// on those models, and the files that render the same model are compared with each other.
// Every finding names the file and line.

#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Relative path ("dns/records.json") -> content. The texts are views: `generate` proves the
// artifacts it holds without a second copy of its whole output; a folder read from disk keeps
// its texts in `read`.
struct RenderedFiles {
  std::map<std::string, std::string_view> texts;
  std::deque<std::string> read;  // owned texts (ReadRenderedFiles); a deque never moves them
};

// Reads every regular file under `dir` (LT4250 when it is not a readable folder).
bool ReadRenderedFiles(const std::string& dir, RenderedFiles& files, Diagnostics& diagnostics);

// Parses `files` back and proves them against `plan` and against each other. `root` prefixes
// the file names in diagnostics (the folder as the user wrote it; empty for `generate`).
void ProveRenderedArtifacts(const Plan& plan, const RenderedFiles& files, const std::string& root,
                            Diagnostics& diagnostics);

}  // namespace lynctopo
