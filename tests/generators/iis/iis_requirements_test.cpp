// The Windows features per product and Windows Server release, checked against the commands of
// Microsoft's pages as they print them (MicrosoftDocs/OfficeDocs-SkypeForBusiness):
//   Lync/LyncServer/lync-server-2013-iis-configuration.md
//   Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md
//   Skype/SfBServer2019/plan/system-requirements.md
// and each server of a topology getting the command of its own release (docs/iis.md).

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "generators/iis/iis_model.hpp"
#include "generators/iis/iis_requirements.hpp"
#include "generators/run_generators.hpp"
#include "model/load.hpp"
#include "model/validate/validate.hpp"

using namespace lynctopo;

namespace {

// "A, B, C" as a page's command prints it.
std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> names;
  std::istringstream in(text);
  std::string name;
  while (std::getline(in, name, ',')) {
    name.erase(0, name.find_first_not_of(' '));
    names.push_back(name);
  }
  return names;
}

std::vector<std::string> Names(ProductVersion product, WindowsRelease release, PoolKind kind) {
  std::vector<std::string> names;
  for (const IisFeature& f : RequiredIisFeatures(product, release, kind))
    names.emplace_back(f.name);
  return names;
}

std::vector<std::string> Without(std::vector<std::string> names, const std::string& name) {
  names.erase(std::remove(names.begin(), names.end(), name), names.end());
  return names;
}

// lync-server-2013-iis-configuration: the Windows Server 2008 R2 SP1 command.
const char* kLync2008R2Command =
    "Web-Server, Web-Static-Content, Web-Default-Doc, Web-Scripting-Tools, Web-Windows-Auth, "
    "Web-Asp-Net, Web-Log-Libraries, Web-Http-Tracing, Web-Stat-Compression, "
    "Web-Dyn-Compression, Web-ISAPI-Ext, Web-ISAPI-Filter, Web-Http-Errors, Web-Http-Logging, "
    "Web-Net-Ext, Web-Client-Auth, Web-Filtering, Web-Mgmt-Console";
// lync-server-2013-iis-configuration: the Windows Server 2012 / 2012 R2 command.
const char* kLync2012Command =
    "Web-Server, Web-Static-Content, Web-Default-Doc, Web-Http-Errors, Web-Asp-Net, Web-Net-Ext, "
    "Web-ISAPI-Ext, Web-ISAPI-Filter, Web-Http-Logging, Web-Log-Libraries, Web-Request-Monitor, "
    "Web-Http-Tracing, Web-Basic-Auth, Web-Windows-Auth, Web-Client-Auth, Web-Filtering, "
    "Web-Stat-Compression, Web-Dyn-Compression, NET-Framework-45-Core, "
    "NET-WCF-HTTP-Activation45, Web-Asp-Net45, Web-Mgmt-Tools, Web-Scripting-Tools, "
    "Web-Mgmt-Console, Web-Mgmt-Compat, Windows-Identity-Foundation, Server-Media-Foundation, "
    "BITS";
// server-requirements (Skype for Business Server 2015): Front End / Standard Edition command.
const char* kSkype2015FrontEndCommand =
    "NET-Framework-Core, RSAT-ADDS, Windows-Identity-Foundation, Web-Server, Web-Static-Content, "
    "Web-Default-Doc, Web-Http-Errors, Web-Dir-Browsing, Web-Asp-Net, Web-Net-Ext, "
    "Web-ISAPI-Ext, Web-ISAPI-Filter, Web-Http-Logging, Web-Log-Libraries, Web-Request-Monitor, "
    "Web-Http-Tracing, Web-Basic-Auth, Web-Windows-Auth, Web-Client-Auth, Web-Filtering, "
    "Web-Stat-Compression, Web-Dyn-Compression, NET-WCF-HTTP-Activation45, Web-Asp-Net45, "
    "Web-Mgmt-Tools, Web-Scripting-Tools, Web-Mgmt-Compat, Server-Media-Foundation, BITS, "
    "Desktop-Experience, Telnet-Client";
// server-requirements (Skype for Business Server 2015): Director command.
const char* kSkype2015DirectorCommand =
    "RSAT-ADDS, Web-Server, Web-Static-Content, Web-Default-Doc, Web-Http-Errors, Web-Asp-Net, "
    "Web-Net-Ext, Web-ISAPI-Ext, Web-ISAPI-Filter, Web-Http-Logging, Web-Log-Libraries, "
    "Web-Request-Monitor, Web-Http-Tracing, Web-Basic-Auth, Web-Windows-Auth, Web-Client-Auth, "
    "Web-Filtering, Web-Stat-Compression, NET-WCF-HTTP-Activation45, Web-Asp-Net45, "
    "Web-Scripting-Tools, Web-Mgmt-Compat, Desktop-Experience, Telnet-Client";
// system-requirements (Skype for Business Server 2019): Front End / Standard Edition command,
// which names Web-Scripting-Tools twice.
const char* kSkype2019FrontEndCommand =
    "RSAT-ADDS, Web-Server, Web-Static-Content, Web-Default-Doc, Web-Http-Errors, Web-Asp-Net, "
    "Web-Net-Ext, Web-ISAPI-Ext, Web-ISAPI-Filter, Web-Http-Logging, Web-Log-Libraries, "
    "Web-Request-Monitor, Web-Http-Tracing, Web-Basic-Auth, Web-Windows-Auth, Web-Client-Auth, "
    "Web-Filtering, Web-Stat-Compression, Web-Dyn-Compression, NET-WCF-HTTP-Activation45, "
    "Web-Asp-Net45, Web-Mgmt-Tools, Web-Scripting-Tools, Web-Mgmt-Compat, "
    "Windows-Identity-Foundation, Server-Media-Foundation, Telnet-Client, BITS, ManagementOData, "
    "Web-Mgmt-Console, Web-Metabase, Web-Lgcy-Mgmt-Console, Web-Lgcy-Scripting, Web-WMI, "
    "Web-Scripting-Tools, Web-Mgmt-Service";
// system-requirements (Skype for Business Server 2019): Director command.
const char* kSkype2019DirectorCommand =
    "RSAT-ADDS, Web-Server, Web-Static-Content, Web-Default-Doc, Web-Http-Errors, Web-Asp-Net, "
    "Web-Net-Ext, Web-ISAPI-Ext, Web-ISAPI-Filter, Web-Http-Logging, Web-Log-Libraries, "
    "Web-Request-Monitor, Web-Http-Tracing, Web-Basic-Auth, Web-Windows-Auth, Web-Client-Auth, "
    "Web-Filtering, Web-Stat-Compression, NET-WCF-HTTP-Activation45, Web-Asp-Net45, "
    "Web-Scripting-Tools, Web-Mgmt-Compat, Server-Media-Foundation, Telnet-Client";

std::vector<std::string> Deduplicated(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::vector<std::string> Plus(std::vector<std::string> names, const std::string& name) {
  names.push_back(name);
  return names;
}

}  // namespace

TEST_CASE("Lync Server 2013 IIS features per Windows Server release are the page's commands",
          "[iis][release]") {
  using P = ProductVersion;
  using W = WindowsRelease;
  for (PoolKind kind : {PoolKind::kFrontEnd, PoolKind::kStandardEdition, PoolKind::kDirector}) {
    CHECK(Names(P::kLync2013, W::k2008R2, kind) == Split(kLync2008R2Command));
    CHECK(Names(P::kLync2013, W::k2012, kind) == Split(kLync2012Command));
    CHECK(Names(P::kLync2013, W::k2012R2, kind) == Split(kLync2012Command));
  }
  bool listed = false;
  CHECK_FALSE(IisRequirementsFor(P::kLync2013, W::k2008R2, &listed).install_windows_feature);
  CHECK(listed);
  CHECK(IisRequirementsFor(P::kLync2013, W::k2012, &listed).install_windows_feature);
}

TEST_CASE("Skype for Business Server IIS features per release and role are the page's commands",
          "[iis][release]") {
  using P = ProductVersion;
  using W = WindowsRelease;
  for (W w : {W::k2012, W::k2012R2}) {
    CHECK(Names(P::kSkype2015, w, PoolKind::kFrontEnd) == Split(kSkype2015FrontEndCommand));
    // The Director command lacks Windows Identity Foundation, which every server needs.
    CHECK(Names(P::kSkype2015, w, PoolKind::kDirector) ==
          Plus(Split(kSkype2015DirectorCommand), "Windows-Identity-Foundation"));
  }
  // Windows Server 2016 has no Desktop-Experience feature (the desktop is an install option).
  for (W w : {W::k2016, W::k2019}) {
    CHECK(Names(P::kSkype2015, w, PoolKind::kStandardEdition) ==
          Without(Split(kSkype2015FrontEndCommand), "Desktop-Experience"));
  }
  // In-place upgrades on 2008 R2 keep Lync Server 2013's IIS 7.5 list and Add-WindowsFeature.
  CHECK(Names(P::kSkype2015, W::k2008R2, PoolKind::kFrontEnd) == Split(kLync2008R2Command));
  CHECK_FALSE(IisRequirementsFor(P::kSkype2015, W::k2008R2, nullptr).install_windows_feature);
  for (W w : {W::k2016, W::k2019}) {
    CHECK(Names(P::kSkype2019, w, PoolKind::kFrontEnd) ==
          Deduplicated(Split(kSkype2019FrontEndCommand)));
    CHECK(Names(P::kSkype2019, w, PoolKind::kDirector) ==
          Plus(Split(kSkype2019DirectorCommand), "Windows-Identity-Foundation"));
  }
}

TEST_CASE("a release the product's pages do not list takes the nearest listed one",
          "[iis][release]") {
  using P = ProductVersion;
  using W = WindowsRelease;
  bool listed = true;
  CHECK(IisRequirementsFor(P::kSkype2019, W::k2022, &listed).release == W::k2019);
  CHECK_FALSE(listed);
  CHECK(IisRequirementsFor(P::kLync2013, W::k2016, &listed).release == W::k2012R2);
  CHECK_FALSE(listed);
  CHECK(IisRequirementsFor(P::kSkype2019, W::k2012R2, &listed).release == W::k2016);
  CHECK_FALSE(listed);
  CHECK(IisRequirementsFor(P::kSkype2015, W::k2019, &listed).release == W::k2019);
  CHECK(listed);
}

TEST_CASE("prerequisites outside IIS name the page's updates per release", "[iis][release]") {
  using P = ProductVersion;
  using W = WindowsRelease;
  auto hotfixes = [](P product, W release) {
    std::vector<std::string> ids;
    for (const IisPrerequisite& p : IisRequirementsFor(product, release, nullptr).prerequisites) {
      if (!p.hotfix.empty()) ids.push_back(p.hotfix);
    }
    return ids;
  };
  // server-requirements (2015): KB2533623 on 2008 R2, KB2858668 on 2012, KB2982006 on 2012 R2.
  CHECK(hotfixes(P::kSkype2015, W::k2008R2) == std::vector<std::string>{"KB2533623", "KB974405"});
  CHECK(hotfixes(P::kSkype2015, W::k2012) == std::vector<std::string>{"KB2858668"});
  CHECK(hotfixes(P::kSkype2015, W::k2012R2) == std::vector<std::string>{"KB2982006"});
  // lync-server-2013-additional-software-requirements: WIF on 2008 R2 is update KB974405.
  CHECK(hotfixes(P::kLync2013, W::k2008R2) == std::vector<std::string>{"KB974405"});
  CHECK(hotfixes(P::kSkype2019, W::k2019).empty());
}

namespace {

// The enterprise example through the whole pipeline, after `edit` changed its model.
std::map<std::string, std::string> Generate(void (*edit)(Topology&)) {
  Diagnostics d;
  auto path = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / "enterprise.json";
  Topology topology = *LoadTopologyFile(path.string(), d);
  edit(topology);
  ValidateTopology(topology, d);
  Plan plan = DerivePlan(topology, d);
  ArtifactSet artifacts = BuildArtifacts(plan, d);
  TemplateStore templates;
  OutputSet outputs;
  RunGenerators(AllGenerators(), plan, {}, templates, artifacts, outputs, d);
  std::string findings;
  for (const Diagnostic& item : d.Sorted()) findings += FormatDiagnostic(item) + "\n";
  INFO(findings);
  REQUIRE_FALSE(d.HasErrors());
  std::map<std::string, std::string> files;
  for (const auto& [name, artifact] : outputs.artifacts()) files[name] = artifact.content;
  return files;
}

Pool& PoolNamed(Topology& t, const std::string& fqdn) {
  for (Site& site : t.sites) {
    for (Pool& pool : site.pools) {
      if (pool.fqdn == fqdn) return pool;
    }
  }
  throw std::runtime_error("no pool " + fqdn);
}

// The names of the script's `$features = @('A', 'B')` line.
std::vector<std::string> ScriptFeatures(const std::string& script) {
  const std::string marker = "$features = @(";
  auto at = script.find(marker);
  REQUIRE(at != std::string::npos);
  std::string list = script.substr(at + marker.size(), script.find(')', at) - at - marker.size());
  std::vector<std::string> names;
  for (std::string& quoted : Split(list)) names.push_back(quoted.substr(1, quoted.size() - 2));
  return names;
}

}  // namespace

TEST_CASE("a Windows Server 2008 R2 server gets Add-WindowsFeature without -Source",
          "[iis][release]") {
  auto files = Generate([](Topology& t) {
    PoolNamed(t, "pool01.contoso.local").servers[0].os = WindowsRelease::k2008R2;  // fe01
  });
  const std::string& fe01 = files.at("iis/servers/fe01.contoso.local.ps1");
  CHECK(fe01.find("$result = Add-WindowsFeature -Name $missing") != std::string::npos);
  CHECK(fe01.find("Install-WindowsFeature -Name") == std::string::npos);
  CHECK(fe01.find("$Source") == std::string::npos);
  CHECK(fe01.find("param()") != std::string::npos);
  CHECK(ScriptFeatures(fe01) == Split(kLync2008R2Command));
  // Its pool mates keep the pool's Windows Server 2012 R2 and -Source.
  const std::string& fe02 = files.at("iis/servers/fe02.contoso.local.ps1");
  CHECK(fe02.find("Install-WindowsFeature -Name $missing -Source $Source") != std::string::npos);
  CHECK(fe02.find("[string]$Source = 'D:\\sources\\sxs'") != std::string::npos);
  CHECK(ScriptFeatures(fe02) == Split(kLync2012Command));
  auto json = nlohmann::json::parse(files.at("iis/servers.json"));
  CHECK(json["servers"][0]["server"] == "dir01.contoso.local");
  CHECK(json["servers"][0]["os"] == "windows-2012-r2");  // the product version's default
  CHECK(json["servers"][2]["server"] == "fe01.contoso.local");
  CHECK(json["servers"][2]["os"] == "windows-2008-r2");
  CHECK(json["servers"][2]["install_command"] == "Add-WindowsFeature");
  CHECK(json["servers"][2]["source_parameter"] == false);
}

TEST_CASE("a Windows Server 2019 server of Skype for Business Server 2019 gets the 2019 list",
          "[iis][release]") {
  auto files = Generate([](Topology& t) {
    t.version = ProductVersion::kSkype2019;
    PoolNamed(t, "pool01.contoso.local").os = WindowsRelease::kDefault;
    PoolNamed(t, "pool02.contoso.local").servers[1].os = WindowsRelease::k2016;  // fe05
  });
  const std::string& fe01 = files.at("iis/servers/fe01.contoso.local.ps1");
  CHECK(ScriptFeatures(fe01) == Deduplicated(Split(kSkype2019FrontEndCommand)));
  CHECK(fe01.find("Skype for Business Server 2019 on Windows Server 2019") != std::string::npos);
  CHECK(fe01.find("Install-WindowsFeature -Name $missing -Source $Source") != std::string::npos);
  CHECK(ScriptFeatures(files.at("iis/servers/dir01.contoso.local.ps1")) ==
        Plus(Split(kSkype2019DirectorCommand), "Windows-Identity-Foundation"));
  auto json = nlohmann::json::parse(files.at("iis/servers.json"));
  for (const auto& server : json["servers"]) {
    INFO(server["server"]);
    CHECK(server["os"] ==
          (server["server"] == "fe05.contoso.local" ? "windows-2016" : "windows-2019"));
    CHECK(server["os_listed"] == true);
  }
}
