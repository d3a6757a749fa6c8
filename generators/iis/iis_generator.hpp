#pragma once

#include <string>

#include "generators/generator.hpp"
#include "generators/iis/iis_model.hpp"

namespace lynctopo {

// iis/: servers.json, one preparation script per IIS server and a verification checklist.
const Generator& IisGenerator();

// The JSON artifact iis/servers.json (schemas/iis-servers.schema.json).
std::string IisPlanJsonText(const IisPlan& plan);

}  // namespace lynctopo
