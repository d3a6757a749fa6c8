#pragma once

// The text each certificate artifact prints for a certificate, field by field, already escaped:
// one computation for both ways of printing it, the template views (certificate_views.cpp) and
// the direct writers of the built-in templates' big sections (certificate_writers.cpp).

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "generators/certificates/certificate_model.hpp"

namespace lynctopo::certificate_fields {

// Strings or SharedNames, joined.
template <typename Names>
std::string Join(const Names& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += static_cast<const std::string&>(items[i]);
  }
  return out;
}

// certificates.csv: the cells of a row, in the columns' order (kCsvColumns).
inline constexpr std::array<const char*, 17> kCsvColumns = {
    "id", "role",     "uses", "site",           "pool", "server",   "install_on", "subject", "sans",
    "ca", "key_bits", "hash", "exportable_key", "eku",  "split_of", "part",       "parts"};
std::array<std::string, kCsvColumns.size()> CsvCells(const PlannedCertificate& cert);

// certificates.md: the Markdown-escaped free text (ids and names go into code spans as they are).
struct MarkdownFields {
  std::string uses, site, pool, server, install_on, hash, eku, split_of;
};
MarkdownFields MarkdownFieldsOf(const PlannedCertificate& cert);

// request-certificates.ps1. Reverse-proxy certificates are made off-box with OpenSSL; every
// other one is obtained by the script on the servers it is installed on.
bool InScript(CertificateRole role);
// Office Web Apps Server runs no Lync Server: certreq and the farm's friendly name instead of
// Request-CsCertificate and Set-CsCertificate.
bool ByCertreq(CertificateRole role);

// One Request-PlannedCertificate step (the server requests the certificate itself).
struct RequestFields {
  std::string id_ps, role, ca, types, types_ps, subject_ps, names_ps, computer_ps, friendly_ps,
      hash_ps, domain_names_ps, offline_ps, part_note;
  std::vector<std::string> note_lines;  // comment text
  bool has_domain_names = false;
};
RequestFields RequestFieldsOf(const PlannedCertificate& cert, const std::string& computer);

// One Import-PlannedCertificate step (requested on `requester`, imported here).
struct ImportFields {
  std::string id_ps, role, subject_ps, names_ps, pfx_ps, prompt_ps;
};
ImportFields ImportFieldsOf(const PlannedCertificate& cert);

// One Set-PlannedCertificate or Set-PlannedFarmCertificate step.
struct AssignmentFields {
  std::string id_ps, types, types_ps, subject_ps, names_ps, friendly_ps;
  bool farm = false;
  bool global = false;
};
AssignmentFields AssignmentFieldsOf(const PlannedCertificate& cert);

// Per server: what to request (or import) and what to assign, in certificate order, as
// references into the certificate set.
struct CertificateStep {
  const PlannedCertificate* cert;
  std::string requester;  // the server that requests it: this one for a request, else an import
};
struct ServerSteps {
  std::vector<CertificateStep> requests;
  std::vector<const PlannedCertificate*> assignments;
  bool iis = false;
};
struct AllServerSteps {
  std::vector<std::string> order;  // servers in order of first appearance
  std::map<std::string, ServerSteps> steps;
};
AllServerSteps ServerStepsOf(const Plan& plan, const CertificateSet& set);

}  // namespace lynctopo::certificate_fields
