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

#include "generators/mapped_file.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Relative path ("dns/records.json") -> content. The texts are views: `generate` proves the
// artifacts it holds without a second copy of its whole output (of the spill files it maps,
// when they are on disk); a folder read from disk keeps its texts in `read`.
struct RenderedFiles {
  std::map<std::string, std::string_view> texts;
  std::deque<std::string> read;  // owned texts (ReadRenderedFiles); a deque never moves them
  // Texts that are views of mapped files, by their first byte (the spill files of `generate`).
  std::map<const char*, MappedFile> mapped;

  // texts[path] is the mapped file's text.
  void Map(std::string path, MappedFile file);
  // The proof reads the files one after the other and calls this for each it is done with:
  // the pages of a mapped text go back to the kernel (the text stays readable), so reading
  // back the whole output never holds all of it. Nothing for a text that is not mapped.
  void DropPages(std::string_view text) const;
  // The same for the pages of `text` before byte `offset`, for a reader going through it from
  // start to end: a 70 MB script is never resident whole.
  void DropPagesBefore(std::string_view text, size_t offset) const;
};

// Reads every regular file under `dir` (LT4250 when it is not a readable folder).
bool ReadRenderedFiles(const std::string& dir, RenderedFiles& files, Diagnostics& diagnostics);

// Parses `files` back and proves them against `plan` and against each other. `root` prefixes
// the file names in diagnostics (the folder as the user wrote it; empty for `generate`).
// `jobs` as `generate --jobs`: 1 proves on the calling thread alone, 0 uses the cores there are;
// the findings are the same either way.
void ProveRenderedArtifacts(const Plan& plan, const RenderedFiles& files, const std::string& root,
                            Diagnostics& diagnostics, unsigned jobs = 1);

}  // namespace lynctopo
