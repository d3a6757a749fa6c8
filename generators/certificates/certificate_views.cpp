#include "generators/certificates/certificate_views.hpp"

#include <array>
#include <map>
#include <memory>
#include <vector>

#include "generators/certificates/certificate_fields.hpp"
#include "generators/certificates/certificate_writers.hpp"
#include "generators/escape.hpp"
#include "generators/json_dump.hpp"
#include "generators/powershell_view.hpp"
#include "generators/product_strings.hpp"

namespace lynctopo {

using namespace certificate_fields;

namespace {

nlohmann::json CsvRow(const PlannedCertificate& cert) {
  std::array<std::string, kCsvColumns.size()> cells = CsvCells(cert);
  nlohmann::json row = nlohmann::json::object();
  for (size_t i = 0; i < cells.size(); ++i) row[kCsvColumns[i]] = std::move(cells[i]);
  return row;
}

nlohmann::json MarkdownRow(const PlannedCertificate& cert) {
  // Names (FQDN characters only) and ids go into code spans unescaped; free text is escaped.
  MarkdownFields md = MarkdownFieldsOf(cert);
  return {
      {"id", cert.id},
      {"role", ToString(cert.role)},
      {"uses", std::move(md.uses)},
      {"site", std::move(md.site)},
      {"pool", std::move(md.pool)},
      {"server", std::move(md.server)},
      {"install_on", std::move(md.install_on)},
      {"subject", cert.subject},
      {"sans", cert.sans},
      {"san_count", cert.sans.size()},
      {"has_sans", !cert.sans.empty()},
      {"ca", ToString(cert.ca)},
      {"key_bits", cert.key_bits},
      {"hash", std::move(md.hash)},
      {"exportable_key", cert.exportable_key ? "yes" : "no"},
      {"eku", std::move(md.eku)},
      {"split", cert.parts > 0},
      {"split_of", std::move(md.split_of)},
      {"part", cert.part},
      {"parts", cert.parts},
  };
}

nlohmann::json PowerShellRequest(const PlannedCertificate& cert, const std::string& computer) {
  RequestFields f = RequestFieldsOf(cert, computer);
  return {
      {"id", cert.id},
      {"id_ps", std::move(f.id_ps)},
      {"role", std::move(f.role)},
      {"types", std::move(f.types)},
      {"types_ps", std::move(f.types_ps)},
      {"subject_ps", std::move(f.subject_ps)},
      {"names_ps", std::move(f.names_ps)},
      {"computer_ps", std::move(f.computer_ps)},
      {"friendly_ps", std::move(f.friendly_ps)},
      {"key_bits", cert.key_bits},
      {"hash_ps", std::move(f.hash_ps)},
      {"certreq", ByCertreq(cert.role)},
      {"lync", !ByCertreq(cert.role)},
      {"has_note", !f.note_lines.empty()},
      {"note_lines", std::move(f.note_lines)},
      {"exportable", cert.exportable_key},
      {"has_domain_names", f.has_domain_names},
      {"domain_names_ps", std::move(f.domain_names_ps)},
      {"offline_ps", std::move(f.offline_ps)},
      {"ca", std::move(f.ca)},
      {"request", true},
      {"import", false},
      {"has_part_note", cert.parts > 0},
      {"part_note", std::move(f.part_note)},
  };
}

}  // namespace

std::string CsvCell(std::string_view text) {
  std::string value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos)
    value.push_back('\'');
  value.append(text);
  return CsvField(value);
}

nlohmann::json CertificateToJson(const PlannedCertificate& cert) {
  nlohmann::json out = {
      {"id", cert.id},
      {"role", ToString(cert.role)},
      {"uses", cert.uses},
      {"site", cert.site},
      {"pool", cert.pool},
      {"server", cert.server.empty() ? nlohmann::json(nullptr) : nlohmann::json(cert.server)},
      {"install_on", cert.install_on},
      {"subject", cert.subject},
      {"sans", cert.sans},
      {"ca", ToString(cert.ca)},
      {"key_bits", cert.key_bits},
      {"hash", cert.hash},
      {"exportable_key", cert.exportable_key},
      {"eku", cert.eku},
  };
  if (cert.parts > 0) {
    out["split"] = {{"of", cert.split_of}, {"part", cert.part}, {"parts", cert.parts}};
  }
  return out;
}

bool WriteCertificatesJson(const CertificateSet& set, const JsonTextSink& sink) {
  return DumpWithArrayTo(
      {{"format_version", 1}}, "certificates", set.certificates.size(),
      [&set](size_t i) { return CertificateToJson(set.certificates[i]); }, "\n", sink);
}

namespace {

nlohmann::json PowerShellImport(const PlannedCertificate& cert, const std::string& requester) {
  ImportFields f = ImportFieldsOf(cert);
  return {{"id", cert.id},
          {"id_ps", std::move(f.id_ps)},
          {"role", std::move(f.role)},
          {"subject_ps", std::move(f.subject_ps)},
          {"names_ps", std::move(f.names_ps)},
          {"request", false},
          {"import", true},
          {"source_server", requester},
          {"pfx_ps", std::move(f.pfx_ps)},
          {"prompt_ps", std::move(f.prompt_ps)},
          {"certreq", ByCertreq(cert.role)},
          {"has_part_note", false}};
}

nlohmann::json PowerShellAssignment(const PlannedCertificate& cert) {
  AssignmentFields f = AssignmentFieldsOf(cert);
  return {{"id", cert.id},
          {"id_ps", std::move(f.id_ps)},
          {"types", std::move(f.types)},
          {"types_ps", std::move(f.types_ps)},
          {"subject_ps", std::move(f.subject_ps)},
          {"names_ps", std::move(f.names_ps)},
          {"friendly_ps", std::move(f.friendly_ps)},
          {"farm", f.farm},
          {"lync", !f.farm},
          {"global", f.global}};
}

nlohmann::json ServerStepsJson(const std::string& fqdn, const ServerSteps& s) {
  nlohmann::json requests = nlohmann::json::array();
  for (const CertificateStep& step : s.requests) {
    requests.push_back(step.requester == fqdn ? PowerShellRequest(*step.cert, fqdn)
                                              : PowerShellImport(*step.cert, step.requester));
  }
  nlohmann::json assignments = nlohmann::json::array();
  for (const PlannedCertificate* cert : s.assignments)
    assignments.push_back(PowerShellAssignment(*cert));
  return {{"fqdn", fqdn},
          {"fqdn_ps", PowerShellQuote(fqdn)},
          {"requests", std::move(requests)},
          {"has_assignments", !s.assignments.empty()},
          {"assignments", std::move(assignments)},
          {"iis", s.iis}};
}

}  // namespace

TemplateView CertificatesView(const Plan& plan, const CertificateSet& set) {
  std::string deployment = plan.topology ? plan.topology->name : "";
  nlohmann::json proxies = nlohmann::json::array();
  for (const PlannedCertificate& cert : set.certificates) {
    if (InScript(cert.role)) continue;
    proxies.push_back(
        {{"id", cert.id}, {"install_on_comment", CommentText(Join(cert.install_on, ", "))}});
  }
  TemplateView view;
  view.root = {
      {"comment", "#"},
      {"generator", "certificates"},
      {"product", PowerShellProduct(&plan)},
      {"deployment", deployment},
      {"has_deployment", !deployment.empty()},
      {"deployment_md", MarkdownCell(deployment)},
      {"deployment_comment", CommentText(deployment)},
      {"product_family", ProductStringsOf(plan.topology).family},
      {"management_shell", ProductStringsOf(plan.topology).management_shell},
      {"external_web_site", ProductStringsOf(plan.topology).external_web_site},
      {"external_web_site_ps", PowerShellQuote(ProductStringsOf(plan.topology).external_web_site)},
      {"has_proxies", !proxies.empty()},
      {"proxies", std::move(proxies)}};
  view.lists["certificates"] = {
      set.certificates.size(),
      [&set](size_t i) {
        const PlannedCertificate& cert = set.certificates[i];
        return TemplateView(nlohmann::json{{"md", MarkdownRow(cert)}, {"csv", CsvRow(cert)}});
      },
      [&set](std::string_view template_name, size_t occurrence) {
        return CertificateSectionWriter(set, template_name, occurrence);
      }};
  auto steps = std::make_shared<const AllServerSteps>(ServerStepsOf(plan, set));
  view.lists["servers"] = {steps->order.size(),
                           [steps](size_t i) {
                             const std::string& fqdn = steps->order[i];
                             return TemplateView(ServerStepsJson(fqdn, steps->steps.at(fqdn)));
                           },
                           [steps](std::string_view template_name, size_t occurrence) {
                             return ServerSectionWriter(steps, template_name, occurrence);
                           }};
  return view;
}

nlohmann::json OpenSslView(const PlannedCertificate& cert) {
  std::vector<std::string> dns;
  for (const std::string& san : cert.sans) dns.push_back("DNS:" + san);
  return {{"comment", "#"},
          {"generator", "certificates"},
          {"id", cert.id},
          {"role", ToString(cert.role)},
          {"subject", cert.subject},
          {"key_bits", cert.key_bits},
          {"hash", cert.hash},
          {"has_sans", !cert.sans.empty()},
          {"subject_alt_name", Join(dns, ", ")},
          {"sans", cert.sans},
          {"eku", Join(cert.eku, ", ")},
          {"ca", ToString(cert.ca)}};
}

}  // namespace lynctopo
