#pragma once

// What the certificates generator renders: the JSON artifact and the template views (each value
// already escaped for its target language; see docs/templates.md, "## certificates").

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "generators/certificates/certificate_model.hpp"
#include "generators/json_dump.hpp"
#include "generators/json_template.hpp"

namespace lynctopo {

// certificates/certificates.json: {"format_version":1,"certificates":[...]} as dump(2) prints
// it, and a newline, sent to `sink` a piece at a time; one certificate's tree at a time.
bool WriteCertificatesJson(const CertificateSet& set, const JsonTextSink& sink);
// One certificate as it appears in certificates.json.
nlohmann::json CertificateToJson(const PlannedCertificate& cert);

// View for certificates.md / certificates.csv / request-certificates.ps1: lists
// "certificates" and "servers" are lazy; they refer to `plan` and `set`, which must outlive it.
TemplateView CertificatesView(const Plan& plan, const CertificateSet& set);
// View for openssl/<id>.cnf.
nlohmann::json OpenSslView(const PlannedCertificate& cert);

// A CSV cell (generators/escape.hpp CsvField) that a spreadsheet never runs as a formula.
std::string CsvCell(std::string_view text);

}  // namespace lynctopo
