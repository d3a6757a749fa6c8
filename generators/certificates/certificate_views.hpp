#pragma once

// What the certificates generator renders: the JSON artifact and the template views (each value
// already escaped for its target language; see docs/templates.md, "## certificates").

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "generators/certificates/certificate_model.hpp"

namespace lynctopo {

// certificates/certificates.json: {"format_version":1,"certificates":[...]}.
nlohmann::json CertificatesToJson(const CertificateSet& set);
// One certificate as it appears in certificates.json.
nlohmann::json CertificateToJson(const PlannedCertificate& cert);

// View for certificates.md / certificates.csv / request-certificates.ps1.
nlohmann::json CertificatesView(const Plan& plan, const CertificateSet& set);
// View for openssl/<id>.cnf.
nlohmann::json OpenSslView(const PlannedCertificate& cert);

// A CSV cell (generators/escape.hpp CsvField) that a spreadsheet never runs as a formula.
std::string CsvCell(std::string_view text);

}  // namespace lynctopo
