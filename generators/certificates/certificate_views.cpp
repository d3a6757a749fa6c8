#include "generators/certificates/certificate_views.hpp"

#include <map>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "generators/escape.hpp"
#include "generators/json_dump.hpp"
#include "generators/powershell_view.hpp"
#include "generators/product_strings.hpp"

namespace lynctopo {

namespace {

// Strings or SharedNames.
template <typename Names>
std::string Join(const Names& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += static_cast<const std::string&>(items[i]);
  }
  return out;
}

// The certificate's names other than its subject: what -DomainName must add.
std::vector<std::string> ExtraNames(const PlannedCertificate& cert) {
  std::vector<std::string> out;
  for (const std::string& san : cert.sans) {
    if (san != cert.subject) out.push_back(san);
  }
  return out;
}

// Reverse-proxy certificates are made off-box with OpenSSL; every other one is obtained on the
// servers it is installed on by request-certificates.ps1.
bool InScript(CertificateRole role) {
  return role != CertificateRole::kReverseProxy;
}

// Office Web Apps Server runs no Lync Server: no Request-CsCertificate or Set-CsCertificate there;
// the script requests with certreq and hands the farm the certificate by friendly name
// (New-OfficeWebAppsFarm / Set-OfficeWebAppsFarm -CertificateName).
bool ByCertreq(CertificateRole role) {
  return role == CertificateRole::kOfficeWebApps;
}

std::string FriendlyName(const PlannedCertificate& cert) {
  return "lynctopo " + cert.id;
}

// What the operator needs to know before the request on this server, as comment lines.
std::vector<std::string> RequestNote(const PlannedCertificate& cert) {
  switch (cert.role) {
    case CertificateRole::kSurvivableBranch:
      return {"On a Survivable Branch Appliance: run this in its Lync Server Management Shell as a",
              "member of RTCUniversalSBATechnicians, as",
              "lync-server-2013-appendix-a-using-cmdlets-to-deploy-a-survivable-branch-appliance",
              "shows, or request these names with the appliance vendor's tool."};
    case CertificateRole::kOfficeWebApps:
      return {"Office Web Apps Server runs no Lync Server: run this in Windows PowerShell,",
              "elevated. The request is made with certreq; -Assign gives the farm the certificate",
              "by its friendly name (Set-OfficeWebAppsFarm -CertificateName), never",
              "Set-CsCertificate."};
    default:
      return {};
  }
}

nlohmann::json CommentLines(const std::vector<std::string>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& line : lines) out.push_back(CommentText(line));
  return out;
}

// Edge servers are workgroup machines (no online enrolment, C17) and public CAs take request
// files: both are always requested offline.
bool RequestOffline(const PlannedCertificate& cert) {
  return cert.ca == CaKind::kPublic || cert.role == CertificateRole::kEdgeInternal ||
         cert.role == CertificateRole::kEdgeExternal;
}

nlohmann::json CsvRow(const PlannedCertificate& cert) {
  return {
      {"id", CsvCell(cert.id)},
      {"role", CsvCell(ToString(cert.role))},
      {"uses", CsvCell(Join(cert.uses, ";"))},
      {"site", CsvCell(cert.site)},
      {"pool", CsvCell(cert.pool)},
      {"server", CsvCell(cert.server)},
      {"install_on", CsvCell(Join(cert.install_on, ";"))},
      {"subject", CsvCell(cert.subject)},
      {"sans", CsvCell(Join(cert.sans, ";"))},
      {"ca", CsvCell(ToString(cert.ca))},
      {"key_bits", std::to_string(cert.key_bits)},
      {"hash", CsvCell(cert.hash)},
      {"exportable_key", cert.exportable_key ? "yes" : "no"},
      {"eku", CsvCell(Join(cert.eku, ";"))},
      {"split_of", CsvCell(cert.split_of)},
      {"part", cert.part ? std::to_string(cert.part) : ""},
      {"parts", cert.parts ? std::to_string(cert.parts) : ""},
  };
}

nlohmann::json MarkdownRow(const PlannedCertificate& cert) {
  // Names (FQDN characters only) and ids go into code spans unescaped; free text is escaped.
  return {
      {"id", cert.id},
      {"role", ToString(cert.role)},
      {"uses", !cert.uses.empty() ? MarkdownCell(Join(cert.uses, ", "))
               : cert.role == CertificateRole::kOfficeWebApps
                   ? std::string("(Office Web Apps farm, by friendly name)")
                   : std::string("(proxy listener)")},
      {"site", MarkdownCell(cert.site)},
      {"pool", MarkdownCell(cert.pool)},
      {"server", MarkdownCell(cert.server.empty() ? "(shared)" : cert.server)},
      {"install_on", MarkdownCell(Join(cert.install_on, ", "))},
      {"subject", cert.subject},
      {"sans", cert.sans},
      {"san_count", cert.sans.size()},
      {"has_sans", !cert.sans.empty()},
      {"ca", ToString(cert.ca)},
      {"key_bits", cert.key_bits},
      {"hash", MarkdownCell(cert.hash)},
      {"exportable_key", cert.exportable_key ? "yes" : "no"},
      {"eku", MarkdownCell(Join(cert.eku, ", "))},
      {"split", cert.parts > 0},
      {"split_of", MarkdownCell(cert.split_of)},
      {"part", cert.part},
      {"parts", cert.parts},
  };
}

// Per server: what to request (or import) and what to assign, in certificate order. Kept as
// references into the certificate set; the JSON of a server's steps is built when the
// template reaches that server.
struct CertificateStep {
  const PlannedCertificate* cert;
  std::string requester;  // requests and imports: the server that requests it
};
struct ServerSteps {
  std::vector<CertificateStep> requests;  // requester == the server itself: a request
  std::vector<const PlannedCertificate*> assignments;
  bool iis = false;
};
struct AllServerSteps {
  std::vector<std::string> order;  // servers in order of first appearance
  std::map<std::string, ServerSteps> steps;
};

// What a certificate in the store must hold to stand for this one: its subject and every SAN.
std::vector<std::string> CoveredNames(const PlannedCertificate& cert) {
  std::vector<std::string> names = Strings(cert.sans);
  if (names.empty()) names.push_back(cert.subject);
  return names;
}

nlohmann::json PowerShellRequest(const PlannedCertificate& cert, const std::string& computer) {
  std::vector<std::string> extra = ExtraNames(cert);
  nlohmann::json request = {
      {"id", cert.id},
      {"id_ps", PowerShellQuote(cert.id)},
      {"role", ToString(cert.role)},
      {"types", Join(cert.uses, ",")},
      {"types_ps", PowerShellList(cert.uses)},
      {"subject_ps", PowerShellQuote(cert.subject)},
      {"names_ps", PowerShellList(CoveredNames(cert))},
      {"computer_ps", PowerShellQuote(computer)},
      {"friendly_ps", PowerShellQuote(FriendlyName(cert))},
      {"key_bits", cert.key_bits},
      {"hash_ps", PowerShellQuote(cert.hash)},
      {"certreq", ByCertreq(cert.role)},
      {"lync", !ByCertreq(cert.role)},
      {"has_note", !RequestNote(cert).empty()},
      {"note_lines", CommentLines(RequestNote(cert))},
      {"exportable", cert.exportable_key},
      {"has_domain_names", !extra.empty()},
      {"domain_names_ps", PowerShellQuote(Join(extra, ","))},
      {"offline_ps", RequestOffline(cert) ? "$true" : "$false"},
      {"ca", ToString(cert.ca)},
      {"request", true},
      {"import", false},
      {"has_part_note", cert.parts > 0},
      {"part_note", fmt::format("part {} of {} of {}", cert.part, cert.parts, cert.split_of)},
  };
  return request;
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
  return {{"id", cert.id},
          {"id_ps", PowerShellQuote(cert.id)},
          {"role", ToString(cert.role)},
          {"subject_ps", PowerShellQuote(cert.subject)},
          {"names_ps", PowerShellList(CoveredNames(cert))},
          {"request", false},
          {"import", true},
          {"source_server", requester},
          {"pfx_ps", PowerShellQuote(cert.id + ".pfx")},
          {"prompt_ps", PowerShellQuote("PFX password for " + cert.id)},
          {"certreq", ByCertreq(cert.role)},
          {"has_part_note", false}};
}

nlohmann::json PowerShellAssignment(const PlannedCertificate& cert) {
  bool farm = ByCertreq(cert.role);
  return {{"id", cert.id},
          {"id_ps", PowerShellQuote(cert.id)},
          {"types", Join(cert.uses, ",")},
          {"types_ps", PowerShellList(cert.uses)},
          {"subject_ps", PowerShellQuote(cert.subject)},
          {"names_ps", PowerShellList(CoveredNames(cert))},
          {"friendly_ps", PowerShellQuote(FriendlyName(cert))},
          {"farm", farm},
          {"lync", !farm},
          {"global", cert.role == CertificateRole::kOAuth}};
}

AllServerSteps ServerStepsOf(const Plan& plan, const CertificateSet& set) {
  AllServerSteps all;
  auto server = [&all](const std::string& fqdn) -> ServerSteps& {
    auto [it, inserted] = all.steps.try_emplace(fqdn);
    if (inserted) all.order.push_back(fqdn);
    return it->second;
  };
  for (const PlannedCertificate& cert : set.certificates) {
    if (!InScript(cert.role) || cert.install_on.empty()) continue;
    // Requested once: on its own server, on the first Edge member (exportable key, imported on
    // the others), or for OAuth on the first member of the organisation pool.
    std::string requester = cert.server.empty() ? cert.install_on.front() : cert.server;
    if (cert.role == CertificateRole::kOAuth) {
      if (const PlannedPool* pool = plan.FindPool(cert.pool); pool && !pool->servers.empty())
        requester = pool->servers.front().fqdn.str();
    }
    server(requester).requests.push_back({&cert, requester});
    bool assign = cert.part <= 1;  // Lync binds one certificate per use: part 1 only
    // OAuth is assigned once for the deployment; a farm certificate once for the farm.
    if (cert.role == CertificateRole::kOAuth) {
      if (assign) server(requester).assignments.push_back(&cert);
      continue;
    }
    bool farm = ByCertreq(cert.role);
    for (const std::string& host : cert.install_on) {
      ServerSteps& s = server(host);
      if (host != requester) s.requests.push_back({&cert, requester});
      if (assign && (!farm || host == requester)) s.assignments.push_back(&cert);
      if (cert.role == CertificateRole::kStandardEdition ||
          cert.role == CertificateRole::kFrontEnd || cert.role == CertificateRole::kDirector)
        s.iis = true;
    }
  }
  return all;
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
      set.certificates.size(), [&set](size_t i) {
        const PlannedCertificate& cert = set.certificates[i];
        return TemplateView(nlohmann::json{{"md", MarkdownRow(cert)}, {"csv", CsvRow(cert)}});
      }};
  auto steps = std::make_shared<const AllServerSteps>(ServerStepsOf(plan, set));
  view.lists["servers"] = {steps->order.size(), [steps](size_t i) {
                             const std::string& fqdn = steps->order[i];
                             return TemplateView(ServerStepsJson(fqdn, steps->steps.at(fqdn)));
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
