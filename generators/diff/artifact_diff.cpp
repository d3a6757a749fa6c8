#include "generators/diff/artifact_diff.hpp"

#include <algorithm>
#include <map>

#include "generators/certificates/certificate_model.hpp"
#include "generators/certificates/certificate_views.hpp"
#include "generators/dns/dns_model.hpp"
#include "generators/dns/dns_verify.hpp"
#include "generators/iis/iis_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"
#include "generators/proxy/proxy_model.hpp"

namespace lynctopo {
namespace {

using nlohmann::json;

std::vector<KeyedObject> Certificates(const ArtifactSet& set) {
  std::vector<KeyedObject> out;
  if (!set.certificates) return out;
  for (const PlannedCertificate& cert : set.certificates->certificates) {
    json value = CertificateToJson(cert);
    value.erase("id");
    out.push_back({cert.id, std::move(value)});
  }
  return out;
}

// A certificate whose names or key change must be reissued; say where it goes.
void NoteCertificate(Change& c) {
  const json& where = c.action == ChangeAction::kDelete ? c.before : c.after;
  std::string servers;
  for (const auto& s : where.value("install_on", json::array())) {
    if (!servers.empty()) servers += ", ";
    servers += s.get<std::string>();
  }
  if (c.action == ChangeAction::kCreate) {
    c.note = "request and install on " + servers;
  } else if (c.action == ChangeAction::kUpdate) {
    c.note = "reissue and install on " + servers;
  } else if (c.action == ChangeAction::kDelete) {
    c.note = "retire from " + servers;
  }
}

// One object per record set (view, type, name): its values, so a changed address is one update.
std::vector<KeyedObject> DnsRecordSets(const ArtifactSet& set) {
  std::vector<KeyedObject> out;
  if (!set.dns) return out;
  std::map<std::string, size_t> index;
  for (const DnsRecord& r : set.dns->records) {
    std::string key = std::string(ToString(r.view)) + " " + ToString(r.type) + " " + r.name;
    auto [it, inserted] = index.emplace(key, out.size());
    if (inserted) out.push_back({key, json{{"ttl", r.ttl}, {"values", json::array()}}});
    out[it->second].value["values"].push_back(DnsRecordValue(r));
  }
  for (KeyedObject& o : out) std::sort(o.value["values"].begin(), o.value["values"].end());
  return out;
}

std::vector<KeyedObject> ProxyRules(const ArtifactSet& set) {
  std::vector<KeyedObject> out;
  if (!set.proxy) return out;
  for (const ProxyRule& r : set.proxy->rules) {
    out.push_back({r.proxy + " " + r.public_host.str() + ":" + std::to_string(r.listen_port),
                   json{{"backend", r.backend_host + ":" + std::to_string(r.backend_port)},
                        {"purpose", r.purpose},
                        {"pool", r.pool},
                        {"certificate", r.certificate},
                        {"timeout_seconds", r.timeout_seconds}}});
  }
  return out;
}

std::vector<KeyedObject> Spns(const ArtifactSet& set) {
  std::vector<KeyedObject> out;
  if (!set.kerberos) return out;
  for (const SpnPlan& spn : set.kerberos->spns) {
    out.push_back({ToLower(spn.spn), json{{"account", ToLower(spn.account)},
                                          {"registered_by", ToString(spn.registered_by)}}});
  }
  return out;
}

std::vector<KeyedObject> IisServers(const ArtifactSet& set) {
  std::vector<KeyedObject> out;
  if (!set.iis) return out;
  for (const IisServer& server : set.iis->servers) {
    json bindings = json::array();
    for (const IisBinding& b : server.bindings) {
      bindings.push_back(b.web_site + " " + b.protocol + "/" + std::to_string(b.port) +
                         (b.host.empty() ? "" : " " + b.host) +
                         (b.certificate_use.empty() ? "" : " cert " + b.certificate_use));
    }
    // The role services are the same on every server; what changes is which servers need
    // them and what their web sites bind.
    out.push_back({server.server, json{{"bindings", bindings}}});
  }
  return out;
}

void NoteSpn(Change& c) {
  if (c.action == ChangeAction::kCreate) {
    c.note = c.after["registered_by"] == "setspn" ? "register with setspn -S"
                                                  : "registered by Enable-CsTopology";
  } else if (c.action == ChangeAction::kDelete) {
    c.note = "remove with setspn -D";
  } else if (c.action == ChangeAction::kUpdate) {
    c.note = "move to the other account";
  }
}

}  // namespace

std::vector<Change> DiffArtifacts(const ArtifactSet& before, const ArtifactSet& after,
                                  bool include_no_op) {
  std::vector<Change> out;
  size_t first = out.size();
  DiffKeyedObjects("artifacts", "certificate", Certificates(before), Certificates(after),
                   include_no_op, out);
  for (size_t i = first; i < out.size(); ++i) NoteCertificate(out[i]);
  first = out.size();
  DiffKeyedObjects("artifacts", "spn", Spns(before), Spns(after), include_no_op, out);
  for (size_t i = first; i < out.size(); ++i) NoteSpn(out[i]);
  DiffKeyedObjects("artifacts", "dns-record", DnsRecordSets(before), DnsRecordSets(after),
                   include_no_op, out);
  DiffKeyedObjects("artifacts", "proxy-rule", ProxyRules(before), ProxyRules(after), include_no_op,
                   out);
  DiffKeyedObjects("artifacts", "iis-server", IisServers(before), IisServers(after), include_no_op,
                   out);
  return out;
}

}  // namespace lynctopo
