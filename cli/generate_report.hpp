#pragma once

// What `generate` reports beyond its text summary: the JSON result (--format json,
// schemas/generate.schema.json) and the unified diff of each stale file (--check --diff).

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "generators/generator.hpp"
#include "generators/output_set.hpp"
#include "generators/output_writer.hpp"
#include "model/diagnostics.hpp"

namespace lynctopo::cli {

// {"format_version":1,"out","mode","ok","differs","summary":{...},"files":[{"path","change"}],
//  "diagnostics":[...],"errors","warnings"}
nlohmann::json GenerateResultJson(const std::string& out_dir, WriteMode mode,
                                  const WriteResult& result, const OutputSet& outputs,
                                  std::span<const Generator* const> generators,
                                  const Diagnostics& diagnostics);

// `diff -u`-style text for every created, updated or extra artifact of `result` (what is in
// `out_dir` versus what would be generated); manifest.json is summarised in one line.
std::string StaleFilesDiff(const std::string& out_dir, const WriteResult& result,
                           const OutputSet& outputs);

// A unified diff of two texts (3 lines of context), "" when they are equal. Not minimal on
// very large changes (the middle part beyond a size bound is shown as removed then added),
// never quadratic beyond that bound.
std::string UnifiedDiff(const std::string& old_label, const std::string& new_label,
                        const std::string& old_text, const std::string& new_text);

}  // namespace lynctopo::cli
