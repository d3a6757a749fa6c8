#pragma once

// IIS preparation per server that runs Lync web services (Standard Edition, Front End,
// Director): the Windows features its Windows Server release needs, the prerequisites outside
// IIS, and the two web sites with their bindings.

#include <string>
#include <string_view>
#include <vector>

#include "generators/iis/iis_requirements.hpp"
#include "model/diagnostics.hpp"
#include "model/plan/plan.hpp"

namespace lynctopo {

// Views into the static requirement tables (iis_requirements.hpp): every server of a release
// and role has the same lists, and a copy per server was 50 MB on 10,000 servers.
struct IisFeature {
  std::string_view name;          // Windows feature name for Install-/Add-WindowsFeature
  std::string_view display_name;  // as Server Manager shows it
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
  WindowsRelease os = WindowsRelease::k2012R2;  // EffectiveRelease of the server
  // False: the product's pages do not list `os`; the lists are those of requirements_os.
  bool os_listed = true;
  WindowsRelease requirements_os = WindowsRelease::k2012R2;
  bool install_windows_feature = true;  // false: Add-WindowsFeature, no -Source (2008 R2)
  const std::vector<std::string>* pages = nullptr;  // Microsoft documentation pages of the lists
  std::vector<IisFeature> features;
  std::vector<const IisPrerequisite*> prerequisites;  // outside IIS, for this server's role
  std::vector<IisBinding> bindings;
};

struct IisPlan {
  std::vector<IisServer> servers;  // sorted by server FQDN
};

// The Windows features a server of `kind` running `release` needs for `product`, in the order
// of the page's command.
std::vector<IisFeature> RequiredIisFeatures(ProductVersion product, WindowsRelease release,
                                            PoolKind kind);

IisPlan BuildIisPlan(const Plan& plan, Diagnostics& diagnostics);

}  // namespace lynctopo
