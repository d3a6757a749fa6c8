#pragma once

#include "generators/generator.hpp"

namespace lynctopo {

// iis/: servers.json, one preparation script per IIS server and a verification checklist.
class IisGenerator : public Generator {
 public:
  std::string_view name() const override { return "iis"; }
  std::string_view summary() const override {
    return "IIS role services and web site bindings per Lync web services server";
  }
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

// The JSON artifact iis/servers.json (schemas/iis-servers.schema.json).
nlohmann::json IisPlanToJson(const IisPlan& plan);

}  // namespace lynctopo
