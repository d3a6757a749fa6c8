#pragma once

// IIS preparation per server that runs Lync web services (Standard Edition, Front End,
// Director): the Windows features to install and the two web sites with their bindings.

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

struct IisFeature {
  std::string name;          // Windows feature name for Install-WindowsFeature
  std::string display_name;  // as Server Manager shows it
};

struct IisBinding {
  std::string web_site;  // "Lync Server Internal Web Site" / "... External Web Site"
  std::string protocol;  // "https" / "http"
  int port = 0;
  std::string host;             // the web services FQDN clients use on this binding
  std::string certificate_use;  // Set-CsCertificate -Type this binding takes; empty for http
};

struct IisServer {
  std::string server;  // computer FQDN
  std::string pool;
  std::string site;
  PoolKind kind = PoolKind::kFrontEnd;
  std::vector<IisFeature> features;
  std::vector<IisBinding> bindings;
};

struct IisPlan {
  std::vector<IisServer> servers;  // sorted by server FQDN
};

// The IIS role services Lync Server 2013 needs, in install order.
const std::vector<IisFeature>& RequiredIisFeatures();

IisPlan BuildIisPlan(const Plan& plan, Diagnostics& diagnostics);

}  // namespace lynctopo
