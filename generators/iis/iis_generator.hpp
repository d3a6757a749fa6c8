#pragma once

#include <string>

#include "generators/generator.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/json_dump.hpp"

namespace lynctopo {

// iis/: servers.json, one preparation script per IIS server and a verification checklist.
const Generator& IisGenerator();

// The JSON artifact iis/servers.json (schemas/iis-servers.schema.json), sent to `sink` a piece
// at a time.
bool WriteIisPlanJson(const IisPlan& plan, const JsonTextSink& sink);

}  // namespace lynctopo
