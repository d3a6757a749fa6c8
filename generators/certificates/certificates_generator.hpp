#pragma once

#include "generators/generator.hpp"

namespace lynctopo {

// Renders the certificate plan to certificates/ (see docs/templates.md, "## certificates").
class CertificatesGenerator final : public Generator {
 public:
  std::string_view name() const override;
  std::string_view summary() const override;
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

// The one instance the registry lists.
const Generator& CertificatesGeneratorInstance();

}  // namespace lynctopo
