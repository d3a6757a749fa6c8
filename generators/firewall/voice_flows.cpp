#include "generators/firewall/voice_flows.hpp"

namespace lynctopo::firewall {

namespace {

constexpr auto I = FirewallZone::kInternal;

// Media ports every internal server that terminates audio listens on, the Mediation Server
// included (lync-server-2013-ports-and-protocols-for-internal-servers).
constexpr int kAudioFirst = 49152;
constexpr int kAudioLast = 57500;
// The clients' audio range when ClientMediaPortRange is not set (same page, client ports).
constexpr int kClientFirst = 1024;
constexpr int kClientLast = 65535;

void AddTrunk(const PlanAddresses& addresses, const PlannedPool& mediation,
              const PlannedPool& gateway, const Trunk& trunk, FlowCollector& flows) {
  const std::string& fqdn = mediation.fqdn.str();
  const std::string& site = mediation.site;
  End to_mediation = Host(addresses, I, View::kInternal, fqdn);
  End from_mediation = ServersOf(I, mediation);
  End peer = ServersOf(I, gateway);
  const bool tls = trunk.transport == TrunkTransport::kTls;
  const char* sip = tls ? "SIP/TLS" : "SIP/TCP";
  flows.Add(peer, to_mediation, {trunk.mediation_port, trunk.mediation_port, "tcp", sip},
            "SIP from the PSTN gateway to the Mediation Server (trunk listening port)", fqdn, site,
            kGatewayPage);
  flows.Add(from_mediation, peer, {trunk.gateway_port, trunk.gateway_port, "tcp", sip},
            "SIP from the Mediation Server to the PSTN gateway (gateway listening port)", fqdn,
            site, kGatewayPage);
  flows.Add(peer, ServersOf(I, mediation), {kAudioFirst, kAudioLast, "udp", "RTP/SRTP"},
            "audio media from the PSTN gateway to the Mediation Server", fqdn, site,
            kInternalPortsPage);
  // Microsoft's pages give no gateway media range: each device documents its own.
  flows.Add(from_mediation, peer, {kClientFirst, kClientLast, "udp", "RTP/SRTP"},
            "audio media from the Mediation Server to the PSTN gateway (the gateway's RTP port "
            "range is device specific: narrow this rule to the range its vendor documents)",
            fqdn, site, kInternalPortsPage);
}

}  // namespace

void AddMediationFlows(const Plan& plan, const PlanAddresses& addresses,
                       const PlannedPool& mediation, FlowCollector& flows) {
  if (mediation.source == nullptr) return;
  const MediationSettings& settings = mediation.source->mediation;
  const std::string& fqdn = mediation.fqdn.str();
  const std::string& site = mediation.site;
  End to_mediation = Host(addresses, I, View::kInternal, fqdn);
  End from_mediation = ServersOf(I, mediation);

  for (const Trunk& trunk : settings.trunks) {
    const PlannedPool* gateway = plan.FindPool(trunk.gateway);
    if (gateway != nullptr) AddTrunk(addresses, mediation, *gateway, trunk, flows);
  }
  if (const PlannedPool* hop = plan.FindPool(settings.next_hop_pool)) {
    const std::string& hop_fqdn = hop->fqdn.str();
    flows.Add(ServersOf(I, *hop), to_mediation, {5070, 5070, "tcp", "SIP/MTLS"},
              "SIP from the next hop pool to the Mediation Server", fqdn, site, kInternalPortsPage);
    flows.Add(from_mediation, Host(addresses, I, View::kInternal, hop_fqdn),
              {5061, 5061, "tcp", "SIP/MTLS"}, "SIP from the Mediation Server to its next hop pool",
              fqdn, site, kInternalPortsPage);
  }
  // Without media bypass every PSTN call's audio runs between the client and the Mediation
  // Server; media goes to each server, never to a load balancer VIP.
  for (const char* protocol : {"udp", "tcp"}) {
    flows.Add(AnyOn(I, kAnyInternal), from_mediation, {kAudioFirst, kAudioLast, protocol, "RTP"},
              "audio media terminated by the Mediation Server", fqdn, site, kInternalPortsPage);
    flows.Add(from_mediation, AnyOn(I, kAnyInternal), {kClientFirst, kClientLast, protocol, "RTP"},
              "audio media from the Mediation Server to internal clients (client audio port "
              "range; narrower when ClientMediaPortRange is set)",
              fqdn, site, kInternalPortsPage);
  }
}

void AddBranchApplianceFlows(const Plan& plan, const PlanAddresses& addresses,
                             const PlannedPool& appliance, FlowCollector& flows) {
  const std::string& fqdn = appliance.fqdn.str();
  const std::string& site = appliance.site;
  End to_appliance = Host(addresses, I, View::kInternal, fqdn);
  End from_appliance = ServersOf(I, appliance);
  // The appliance is its branch's Registrar: the branch's clients sign in to it.
  flows.Add(End{I, "any internal client of branch site " + site, {}}, to_appliance,
            {5061, 5061, "tcp", "SIP/TLS"}, "client SIP sign-in to the branch Registrar", fqdn,
            site, kInternalPortsPage);
  if (appliance.source == nullptr) return;
  const PlannedPool* backup = plan.FindPool(appliance.source->branch.backup_registrar_pool);
  if (backup == nullptr) return;
  End to_backup = Host(addresses, I, View::kInternal, backup->fqdn.str());
  flows.Add(from_appliance, to_backup, {5061, 5061, "tcp", "SIP/MTLS"},
            "SIP from the Survivable Branch Appliance to its backup Registrar pool", fqdn, site,
            kInternalPortsPage);
  flows.Add(ServersOf(I, *backup), to_appliance, {5061, 5061, "tcp", "SIP/MTLS"},
            "SIP from the backup Registrar pool to the Survivable Branch Appliance", fqdn, site,
            kInternalPortsPage);
  flows.Add(from_appliance, to_backup, {444, 444, "tcp", "HTTPS"},
            "Survivable Branch Appliance to the Front End Servers of its backup Registrar pool",
            fqdn, site, kInternalPortsPage);
}

}  // namespace lynctopo::firewall
