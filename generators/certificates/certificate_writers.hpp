#pragma once

// Direct writers (json_template.hpp, LazyList::direct) for the built-in certificates templates'
// per-item sections: the certificates of certificates.md and certificates.csv, the servers of
// request-certificates.ps1. Each writes what its template section renders from the view,
// byte for byte; an overridden template is rendered through the view as always.

#include <memory>
#include <string_view>

#include "generators/certificates/certificate_fields.hpp"
#include "generators/json_template.hpp"

namespace lynctopo {

// For the "certificates" list: items are set.certificates, by index.
DirectItemWriter CertificateSectionWriter(const CertificateSet& set, std::string_view template_name,
                                          size_t occurrence);

// For the "servers" list: items are steps->order, by index.
DirectItemWriter ServerSectionWriter(
    std::shared_ptr<const certificate_fields::AllServerSteps> steps, std::string_view template_name,
    size_t occurrence);

}  // namespace lynctopo
