#pragma once

#include "generators/generator.hpp"

namespace lynctopo {

// Renders the certificate plan to certificates/ (see docs/templates.md, "## certificates").
const Generator& CertificatesGenerator();

}  // namespace lynctopo
