#pragma once

#include "generators/generator.hpp"

namespace lynctopo {

// kerberos/: plan.json, the PowerShell runbook and an LDIF of the SPNs.
class KerberosGenerator : public Generator {
 public:
  std::string_view name() const override { return "kerberos"; }
  std::string_view summary() const override {
    return "Kerberos web authentication accounts, assignments and SPNs";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

// The JSON artifact kerberos/plan.json (schemas/kerberos-plan.schema.json).
nlohmann::json KerberosPlanToJson(const KerberosPlan& plan);

}  // namespace lynctopo
