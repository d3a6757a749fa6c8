// The "certificates" generator: renders the certificate plan (certificate_model.hpp) as the
// certificates/ artifacts: certificates.json, certificates.md, certificates.csv,
// request-certificates.ps1 and one openssl/<id>.cnf per certificate.

#include "generators/certificates/certificates_generator.hpp"

#include <algorithm>

#include <memory>

#include "generators/certificates/certificate_model.hpp"
#include "generators/certificates/certificate_views.hpp"

namespace lynctopo {

namespace {

constexpr std::string_view kName = "certificates";

// OpenSSL configs embed names verbatim: only FQDN characters (and a leading "*.") pass.
bool SafeForOpenSsl(const std::string& name) {
  if (name.empty()) return false;
  std::string_view rest = name;
  if (rest.starts_with("*.")) rest.remove_prefix(2);
  // A plain loop, not find_first_not_of (memchr over the set per character): every SAN of
  // every certificate comes through here.
  return std::all_of(rest.begin(), rest.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  });
}

template <typename View>
void Render(GeneratorContext& context, std::string_view template_name, const View& view,
            std::string path) {
  RenderArtifact(context, kName, template_name, view, std::move(path));
}

class CertificatesGeneratorImpl final : public Generator {
 public:
  std::string_view name() const override { return kName; }
  void AddModels(ModelChoice& needed) const override { needed.certificates = true; }
  std::string_view summary() const override;
  void Generate(const Plan& plan, const GeneratorOptions& options,
                GeneratorContext& context) const override;
};

std::string_view CertificatesGeneratorImpl::summary() const {
  return "certificate plan: subjects, SANs, CA, key, where to install; CSR configs and "
         "Request-CsCertificate script";
}

void CertificatesGeneratorImpl::Generate(const Plan& plan, const GeneratorOptions&,
                                         GeneratorContext& context) const {
  std::shared_ptr<const CertificateSet> set = context.artifacts.certificates;
  if (!set)
    set = std::make_shared<const CertificateSet>(BuildCertificates(plan, context.diagnostics));

  context.outputs.AddRendered(
      "certificates/certificates.json", kName, context.diagnostics,
      [&set](const OutputSet::TextSink& sink) { return WriteCertificatesJson(*set, sink); });
  TemplateView view = CertificatesView(plan, *set);
  Render(context, "certificates/certificates.md.mustache", view, "certificates/certificates.md");
  Render(context, "certificates/certificates.csv.mustache", view, "certificates/certificates.csv");
  Render(context, "certificates/request-certificates.ps1.mustache", view,
         "certificates/request-certificates.ps1");
  for (const PlannedCertificate& cert : set->certificates) {
    bool safe = SafeForOpenSsl(cert.subject);
    for (const std::string& san : cert.sans) safe = safe && SafeForOpenSsl(san);
    if (!safe) {
      context.diagnostics.Error("LT5030", "", {},
                                "certificate " + cert.id +
                                    " has a name OpenSSL configs cannot carry; no openssl/" +
                                    cert.id + ".cnf written");
      continue;
    }
    Render(context, "certificates/openssl.cnf.mustache", OpenSslView(cert),
           "certificates/openssl/" + cert.id + ".cnf");
  }
}

}  // namespace

const Generator& CertificatesGenerator() {
  static const CertificatesGeneratorImpl generator;
  return generator;
}

}  // namespace lynctopo
