#include "generators/diff/artifact_diff.hpp"

#include "generators/iis/iis_model.hpp"
#include "generators/kerberos/kerberos_model.hpp"

namespace lynctopo {
namespace {

using nlohmann::json;

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
    json features = json::array();
    for (const IisFeature& f : server.features) features.push_back(f.name);
    out.push_back({server.server, json{{"bindings", bindings}, {"features", features}}});
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
  DiffKeyedObjects("artifacts", "spn", Spns(before), Spns(after), include_no_op, out);
  for (size_t i = first; i < out.size(); ++i) NoteSpn(out[i]);
  DiffKeyedObjects("artifacts", "iis-server", IisServers(before), IisServers(after), include_no_op,
                   out);
  return out;
}

}  // namespace lynctopo
