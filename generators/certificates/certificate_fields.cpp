#include "generators/certificates/certificate_fields.hpp"

#include <fmt/format.h>

#include "generators/certificates/certificate_views.hpp"
#include "generators/escape.hpp"
#include "generators/powershell_view.hpp"

namespace lynctopo::certificate_fields {

namespace {

// The certificate's names other than its subject: what -DomainName must add.
std::vector<std::string> ExtraNames(const PlannedCertificate& cert) {
  std::vector<std::string> out;
  for (const std::string& san : cert.sans) {
    if (san != cert.subject) out.push_back(san);
  }
  return out;
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

// Edge servers are workgroup machines (no online enrolment, C17) and public CAs take request
// files: both are always requested offline.
bool RequestOffline(const PlannedCertificate& cert) {
  return cert.ca == CaKind::kPublic || cert.role == CertificateRole::kEdgeInternal ||
         cert.role == CertificateRole::kEdgeExternal;
}

// What a certificate in the store must hold to stand for this one: its subject and every SAN,
// as the body of a PowerShell array.
std::string CoveredNamesList(const PlannedCertificate& cert) {
  if (cert.sans.empty()) return PowerShellQuote(cert.subject);
  std::string out;
  for (const SharedName& san : cert.sans) {
    if (!out.empty()) out += ", ";
    AppendPowerShellQuoted(out, san.str());
  }
  return out;
}

}  // namespace

std::array<std::string, kCsvColumns.size()> CsvCells(const PlannedCertificate& cert) {
  return {
      CsvCell(cert.id),
      CsvCell(ToString(cert.role)),
      CsvCell(Join(cert.uses, ";")),
      CsvCell(cert.site),
      CsvCell(cert.pool),
      CsvCell(cert.server),
      CsvCell(Join(cert.install_on, ";")),
      CsvCell(cert.subject),
      CsvCell(Join(cert.sans, ";")),
      CsvCell(ToString(cert.ca)),
      std::to_string(cert.key_bits),
      CsvCell(cert.hash),
      cert.exportable_key ? "yes" : "no",
      CsvCell(Join(cert.eku, ";")),
      CsvCell(cert.split_of),
      cert.part ? std::to_string(cert.part) : "",
      cert.parts ? std::to_string(cert.parts) : "",
  };
}

MarkdownFields MarkdownFieldsOf(const PlannedCertificate& cert) {
  return {
      .uses = !cert.uses.empty() ? MarkdownCell(Join(cert.uses, ", "))
              : cert.role == CertificateRole::kOfficeWebApps
                  ? std::string("(Office Web Apps farm, by friendly name)")
                  : std::string("(proxy listener)"),
      .site = MarkdownCell(cert.site),
      .pool = MarkdownCell(cert.pool),
      .server = MarkdownCell(cert.server.empty() ? "(shared)" : cert.server),
      .install_on = MarkdownCell(Join(cert.install_on, ", ")),
      .hash = MarkdownCell(cert.hash),
      .eku = MarkdownCell(Join(cert.eku, ", ")),
      .split_of = MarkdownCell(cert.split_of),
  };
}

bool InScript(CertificateRole role) {
  return role != CertificateRole::kReverseProxy;
}

bool ByCertreq(CertificateRole role) {
  return role == CertificateRole::kOfficeWebApps;
}

RequestFields RequestFieldsOf(const PlannedCertificate& cert, const std::string& computer) {
  std::vector<std::string> extra = ExtraNames(cert);
  RequestFields out{
      .id_ps = PowerShellQuote(cert.id),
      .role = std::string(ToString(cert.role)),
      .ca = std::string(ToString(cert.ca)),
      .types = Join(cert.uses, ","),
      .types_ps = PowerShellList(cert.uses),
      .subject_ps = PowerShellQuote(cert.subject),
      .names_ps = CoveredNamesList(cert),
      .computer_ps = PowerShellQuote(computer),
      .friendly_ps = PowerShellQuote(FriendlyName(cert)),
      .hash_ps = PowerShellQuote(cert.hash),
      .domain_names_ps = PowerShellQuote(Join(extra, ",")),
      .offline_ps = RequestOffline(cert) ? "$true" : "$false",
      .part_note = fmt::format("part {} of {} of {}", cert.part, cert.parts, cert.split_of),
      .note_lines = {},
      .has_domain_names = !extra.empty(),
  };
  for (const std::string& line : RequestNote(cert)) out.note_lines.push_back(CommentText(line));
  return out;
}

ImportFields ImportFieldsOf(const PlannedCertificate& cert) {
  return {
      .id_ps = PowerShellQuote(cert.id),
      .role = std::string(ToString(cert.role)),
      .subject_ps = PowerShellQuote(cert.subject),
      .names_ps = CoveredNamesList(cert),
      .pfx_ps = PowerShellQuote(cert.id + ".pfx"),
      .prompt_ps = PowerShellQuote("PFX password for " + cert.id),
  };
}

AssignmentFields AssignmentFieldsOf(const PlannedCertificate& cert) {
  return {
      .id_ps = PowerShellQuote(cert.id),
      .types = Join(cert.uses, ","),
      .types_ps = PowerShellList(cert.uses),
      .subject_ps = PowerShellQuote(cert.subject),
      .names_ps = CoveredNamesList(cert),
      .friendly_ps = PowerShellQuote(FriendlyName(cert)),
      .farm = ByCertreq(cert.role),
      .global = cert.role == CertificateRole::kOAuth,
  };
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

}  // namespace lynctopo::certificate_fields
