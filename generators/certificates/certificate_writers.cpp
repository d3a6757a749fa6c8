// What the sections below write is the text of templates/certificates/*.mustache: change a
// template's section and its writer together (tests/integration/direct_writers.bash compares
// the two on every shipped example).

#include "generators/certificates/certificate_writers.hpp"

#include <fmt/format.h>

#include "generators/escape.hpp"

namespace lynctopo {

using namespace certificate_fields;

namespace {

constexpr std::string_view kCsvTemplate = "certificates/certificates.csv.mustache";
constexpr std::string_view kMarkdownTemplate = "certificates/certificates.md.mustache";
constexpr std::string_view kScriptTemplate = "certificates/request-certificates.ps1.mustache";

// {{#certificates}}{{#csv}} ... {{/csv}}{{/certificates}}
void CsvRowText(const PlannedCertificate& cert, std::string& out) {
  bool first = true;
  for (const std::string& cell : CsvCells(cert)) {
    if (!first) out += ',';
    out += cell;
    first = false;
  }
  out += '\n';
}

// The table's row: the first {{#certificates}} section of certificates.md.
void MarkdownRowText(const PlannedCertificate& cert, std::string& out) {
  MarkdownFields md = MarkdownFieldsOf(cert);
  fmt::format_to(std::back_inserter(out),
                 "| `{}` | {} | {} | `{}` | {} | {} | RSA {} | {} | {} | {} |\n", cert.id,
                 ToString(cert.role), md.uses, cert.subject, cert.sans.size(), ToString(cert.ca),
                 cert.key_bits, md.hash, cert.exportable_key ? "yes" : "no", md.install_on);
}

// The certificate's own heading and list: the second {{#certificates}} section.
void MarkdownDetailsText(const PlannedCertificate& cert, std::string& out) {
  MarkdownFields md = MarkdownFieldsOf(cert);
  auto to = std::back_inserter(out);
  fmt::format_to(to,
                 "\n## `{}`\n\n- Role: {}; uses: {}\n- Site: {}; pool: {}; server: {}\n"
                 "- Subject (CN): `{}`\n"
                 "- CA: {}; key: RSA {} bits; hash: {}; exportable private key: {}\n"
                 "- Extended key usage: {}\n- Install on: {}\n",
                 cert.id, ToString(cert.role), md.uses, md.site, md.pool, md.server, cert.subject,
                 ToString(cert.ca), cert.key_bits, md.hash, cert.exportable_key ? "yes" : "no",
                 md.eku, md.install_on);
  if (cert.parts > 0) {
    fmt::format_to(to, "- Part {} of {} of `{}` (split to stay within the SAN limit)\n", cert.part,
                   cert.parts, md.split_of);
  }
  if (cert.sans.empty()) {
    out += "- Subject alternative names: none\n";
    return;
  }
  fmt::format_to(to, "- Subject alternative names ({}):\n", cert.sans.size());
  for (const SharedName& san : cert.sans) {
    out += "  - `";
    out += san.str();
    out += "`\n";
  }
}

void RequestText(const PlannedCertificate& cert, const std::string& computer, std::string& out) {
  RequestFields f = RequestFieldsOf(cert, computer);
  auto to = std::back_inserter(out);
  fmt::format_to(to, "    # {} ({}, {} CA)", cert.id, f.role, f.ca);
  if (cert.parts > 0) fmt::format_to(to, ": {}", f.part_note);
  out += '\n';
  for (const std::string& line : f.note_lines) fmt::format_to(to, "    # {}\n", line);
  fmt::format_to(to, "    Request-PlannedCertificate -Id {} -Subject {} -Names @({}) -Offline {}",
                 f.id_ps, f.subject_ps, f.names_ps, f.offline_ps);
  if (ByCertreq(cert.role)) {
    fmt::format_to(to,
                   " -Tool 'certreq' -Request @{{\n      FriendlyName = {}; KeySize = {}; "
                   "HashAlgorithm = {}; PrivateKeyExportable = ${} }}\n",
                   f.friendly_ps, cert.key_bits, f.hash_ps, cert.exportable_key ? "true" : "false");
    return;
  }
  fmt::format_to(to,
                 " -Request @{{\n      Type = @({}); ComputerFqdn = {}; FriendlyName = {}; "
                 "KeySize = {}",
                 f.types_ps, f.computer_ps, f.friendly_ps, cert.key_bits);
  if (cert.exportable_key) out += "; PrivateKeyExportable = $true";
  if (f.has_domain_names) fmt::format_to(to, "; DomainName = {}", f.domain_names_ps);
  out += " }\n";
}

void ImportText(const PlannedCertificate& cert, const std::string& requester, std::string& out) {
  ImportFields f = ImportFieldsOf(cert);
  fmt::format_to(std::back_inserter(out),
                 "    # {} ({}) is requested on {} with an exportable key: export it there\n"
                 "    # with its private key to {} in the request folder; this imports it here.\n"
                 "    Import-PlannedCertificate -Id {} -Subject {} -Names @({}) -Pfx {} -Prompt {}"
                 "{}\n",
                 cert.id, f.role, requester, f.pfx_ps, f.id_ps, f.subject_ps, f.names_ps, f.pfx_ps,
                 f.prompt_ps, ByCertreq(cert.role) ? " -Tool 'Import-PfxCertificate'" : "");
}

void AssignmentText(const PlannedCertificate& cert, std::string& out) {
  AssignmentFields f = AssignmentFieldsOf(cert);
  auto to = std::back_inserter(out);
  if (f.farm) {
    fmt::format_to(to,
                   "    Set-PlannedFarmCertificate -Id {} -Subject {} -Names @({}) -FriendlyName "
                   "{}\n",
                   f.id_ps, f.subject_ps, f.names_ps, f.friendly_ps);
  } else {
    fmt::format_to(to,
                   "    Set-PlannedCertificate -Id {} -Subject {} -Names @({}) -Types @({}) "
                   "-Global ${}\n",
                   f.id_ps, f.subject_ps, f.names_ps, f.types_ps, f.global ? "true" : "false");
  }
}

// One server's block: the {{#servers}} section of request-certificates.ps1.
void ServerText(const std::string& fqdn, const ServerSteps& steps, std::string& out) {
  out += "\nif ($ComputerFqdn -eq ";
  AppendPowerShellQuoted(out, fqdn);
  out += ") {\n  $handled = $true\n  if (-not $Assign) {\n";
  for (const CertificateStep& step : steps.requests) {
    if (step.requester == fqdn) {
      RequestText(*step.cert, fqdn, out);
    } else {
      ImportText(*step.cert, step.requester, out);
    }
  }
  out += "  } else {\n";
  for (const PlannedCertificate* cert : steps.assignments) AssignmentText(*cert, out);
  if (steps.iis) out += "    Test-ExternalWebBinding\n";
  out += "  }\n}\n";
}

}  // namespace

DirectItemWriter CertificateSectionWriter(const CertificateSet& set, std::string_view template_name,
                                          size_t occurrence) {
  auto each = [&set](void (*text)(const PlannedCertificate&, std::string&)) -> DirectItemWriter {
    return [&set, text](size_t i, std::string& out) { text(set.certificates[i], out); };
  };
  if (template_name == kCsvTemplate && occurrence == 0) return each(CsvRowText);
  if (template_name == kMarkdownTemplate && occurrence == 0) return each(MarkdownRowText);
  if (template_name == kMarkdownTemplate && occurrence == 1) return each(MarkdownDetailsText);
  return {};
}

DirectItemWriter ServerSectionWriter(std::shared_ptr<const AllServerSteps> steps,
                                     std::string_view template_name, size_t occurrence) {
  if (template_name != kScriptTemplate || occurrence != 0) return {};
  return [steps](size_t i, std::string& out) {
    const std::string& fqdn = steps->order[i];
    ServerText(fqdn, steps->steps.at(fqdn), out);
  };
}

}  // namespace lynctopo
