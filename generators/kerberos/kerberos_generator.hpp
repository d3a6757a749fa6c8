#pragma once

#include "generators/generator.hpp"
#include "generators/kerberos/kerberos_model.hpp"

namespace lynctopo {

// kerberos/: plan.json, the PowerShell runbook and an LDIF of the SPNs.
const Generator& KerberosGenerator();

// The JSON artifact kerberos/plan.json (schemas/kerberos-plan.schema.json).
nlohmann::json KerberosPlanToJson(const KerberosPlan& plan);

}  // namespace lynctopo
