#include "generators/iis/iis_requirements.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace lynctopo {
namespace {

// The feature lists are the Add-WindowsFeature / Install-WindowsFeature commands of these pages
// (MicrosoftDocs/OfficeDocs-SkypeForBusiness), in their order, duplicates dropped:
//   Lync/LyncServer/lync-server-2013-iis-configuration.md (2008 R2 list; 2012 / 2012 R2 list)
//   Lync/LyncServer/lync-server-2013-additional-software-requirements.md (prerequisites)
//   Lync/LyncServer/lync-server-2013-server-and-tools-operating-system-support.md (releases)
//   Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md
//   Skype/SfBServer2019/plan/system-requirements.md
constexpr const char* kLyncIis = "lync-server-2013-iis-configuration";
constexpr const char* kLyncSoftware = "lync-server-2013-additional-software-requirements";
constexpr const char* kLyncOs = "lync-server-2013-server-and-tools-operating-system-support";
constexpr const char* kSkype2015Page = "server-requirements (Skype for Business Server 2015)";
constexpr const char* kSkype2019Page = "system-requirements (Skype for Business Server 2019)";

using Names = std::vector<std::string>;

// IIS 7.5 role services; Lync Server 2013 gives one list for every web services role.
const Names kLync2008R2 = {"Web-Server",          "Web-Static-Content", "Web-Default-Doc",
                           "Web-Scripting-Tools", "Web-Windows-Auth",   "Web-Asp-Net",
                           "Web-Log-Libraries",   "Web-Http-Tracing",   "Web-Stat-Compression",
                           "Web-Dyn-Compression", "Web-ISAPI-Ext",      "Web-ISAPI-Filter",
                           "Web-Http-Errors",     "Web-Http-Logging",   "Web-Net-Ext",
                           "Web-Client-Auth",     "Web-Filtering",      "Web-Mgmt-Console"};

// IIS 8.0 / 8.5 with .NET Framework 4.5, WIF, Media Foundation and BITS.
const Names kLync2012 = {"Web-Server",
                         "Web-Static-Content",
                         "Web-Default-Doc",
                         "Web-Http-Errors",
                         "Web-Asp-Net",
                         "Web-Net-Ext",
                         "Web-ISAPI-Ext",
                         "Web-ISAPI-Filter",
                         "Web-Http-Logging",
                         "Web-Log-Libraries",
                         "Web-Request-Monitor",
                         "Web-Http-Tracing",
                         "Web-Basic-Auth",
                         "Web-Windows-Auth",
                         "Web-Client-Auth",
                         "Web-Filtering",
                         "Web-Stat-Compression",
                         "Web-Dyn-Compression",
                         "NET-Framework-45-Core",
                         "NET-WCF-HTTP-Activation45",
                         "Web-Asp-Net45",
                         "Web-Mgmt-Tools",
                         "Web-Scripting-Tools",
                         "Web-Mgmt-Console",
                         "Web-Mgmt-Compat",
                         "Windows-Identity-Foundation",
                         "Server-Media-Foundation",
                         "BITS"};

const Names kSkype2015FrontEnd = {"NET-Framework-Core",
                                  "RSAT-ADDS",
                                  "Windows-Identity-Foundation",
                                  "Web-Server",
                                  "Web-Static-Content",
                                  "Web-Default-Doc",
                                  "Web-Http-Errors",
                                  "Web-Dir-Browsing",
                                  "Web-Asp-Net",
                                  "Web-Net-Ext",
                                  "Web-ISAPI-Ext",
                                  "Web-ISAPI-Filter",
                                  "Web-Http-Logging",
                                  "Web-Log-Libraries",
                                  "Web-Request-Monitor",
                                  "Web-Http-Tracing",
                                  "Web-Basic-Auth",
                                  "Web-Windows-Auth",
                                  "Web-Client-Auth",
                                  "Web-Filtering",
                                  "Web-Stat-Compression",
                                  "Web-Dyn-Compression",
                                  "NET-WCF-HTTP-Activation45",
                                  "Web-Asp-Net45",
                                  "Web-Mgmt-Tools",
                                  "Web-Scripting-Tools",
                                  "Web-Mgmt-Compat",
                                  "Server-Media-Foundation",
                                  "BITS",
                                  "Desktop-Experience",
                                  "Telnet-Client"};

// The page's Director command leaves out Windows Identity Foundation although its table of
// software for all servers requires it; it is appended so server-to-server authentication works.
const Names kSkype2015Director = {"RSAT-ADDS",
                                  "Web-Server",
                                  "Web-Static-Content",
                                  "Web-Default-Doc",
                                  "Web-Http-Errors",
                                  "Web-Asp-Net",
                                  "Web-Net-Ext",
                                  "Web-ISAPI-Ext",
                                  "Web-ISAPI-Filter",
                                  "Web-Http-Logging",
                                  "Web-Log-Libraries",
                                  "Web-Request-Monitor",
                                  "Web-Http-Tracing",
                                  "Web-Basic-Auth",
                                  "Web-Windows-Auth",
                                  "Web-Client-Auth",
                                  "Web-Filtering",
                                  "Web-Stat-Compression",
                                  "NET-WCF-HTTP-Activation45",
                                  "Web-Asp-Net45",
                                  "Web-Scripting-Tools",
                                  "Web-Mgmt-Compat",
                                  "Desktop-Experience",
                                  "Telnet-Client",
                                  "Windows-Identity-Foundation"};

const Names kSkype2019FrontEnd = {"RSAT-ADDS",
                                  "Web-Server",
                                  "Web-Static-Content",
                                  "Web-Default-Doc",
                                  "Web-Http-Errors",
                                  "Web-Asp-Net",
                                  "Web-Net-Ext",
                                  "Web-ISAPI-Ext",
                                  "Web-ISAPI-Filter",
                                  "Web-Http-Logging",
                                  "Web-Log-Libraries",
                                  "Web-Request-Monitor",
                                  "Web-Http-Tracing",
                                  "Web-Basic-Auth",
                                  "Web-Windows-Auth",
                                  "Web-Client-Auth",
                                  "Web-Filtering",
                                  "Web-Stat-Compression",
                                  "Web-Dyn-Compression",
                                  "NET-WCF-HTTP-Activation45",
                                  "Web-Asp-Net45",
                                  "Web-Mgmt-Tools",
                                  "Web-Scripting-Tools",
                                  "Web-Mgmt-Compat",
                                  "Windows-Identity-Foundation",
                                  "Server-Media-Foundation",
                                  "Telnet-Client",
                                  "BITS",
                                  "ManagementOData",
                                  "Web-Mgmt-Console",
                                  "Web-Metabase",
                                  "Web-Lgcy-Mgmt-Console",
                                  "Web-Lgcy-Scripting",
                                  "Web-WMI",
                                  "Web-Mgmt-Service"};

// As for 2015: Windows Identity Foundation appended to the page's Director command.
const Names kSkype2019Director = {"RSAT-ADDS",
                                  "Web-Server",
                                  "Web-Static-Content",
                                  "Web-Default-Doc",
                                  "Web-Http-Errors",
                                  "Web-Asp-Net",
                                  "Web-Net-Ext",
                                  "Web-ISAPI-Ext",
                                  "Web-ISAPI-Filter",
                                  "Web-Http-Logging",
                                  "Web-Log-Libraries",
                                  "Web-Request-Monitor",
                                  "Web-Http-Tracing",
                                  "Web-Basic-Auth",
                                  "Web-Windows-Auth",
                                  "Web-Client-Auth",
                                  "Web-Filtering",
                                  "Web-Stat-Compression",
                                  "NET-WCF-HTTP-Activation45",
                                  "Web-Asp-Net45",
                                  "Web-Scripting-Tools",
                                  "Web-Mgmt-Compat",
                                  "Server-Media-Foundation",
                                  "Telnet-Client",
                                  "Windows-Identity-Foundation"};

// Windows Server 2016 made the desktop an installation option instead of the Desktop-Experience
// feature, so the 2015 page's commands (written for 2012 / 2012 R2) lose it there.
Names WithoutDesktopExperience(Names names) {
  names.erase(std::remove(names.begin(), names.end(), "Desktop-Experience"), names.end());
  return names;
}

IisPrerequisite Need(std::string name, std::string requirement, std::string hotfix = "",
                     bool front_end_only = false) {
  return {std::move(name), std::move(requirement), std::move(hotfix), front_end_only};
}

std::vector<IisPrerequisite> Lync2013Prerequisites(WindowsRelease release) {
  std::vector<IisPrerequisite> p;
  if (release == WindowsRelease::k2008R2) {
    p.push_back(Need("Windows Server 2008 R2 Service Pack 1",
                     "Lync Server 2013 runs on Windows Server 2008 R2 with SP1 or later"));
    p.push_back(Need("Windows PowerShell 3.0",
                     "install Windows Management Framework 3.0 before setup (the feature "
                     "command itself also runs on Windows PowerShell 2.0)"));
    p.push_back(Need(".NET Framework 4.5",
                     "download and install the 64-bit .NET Framework 4.5 before setup"));
    p.push_back(Need("Windows Identity Foundation",
                     "install the Windows Identity Foundation update (KB974405) if Installed "
                     "Updates does not list it",
                     "KB974405"));
    p.push_back(Need("Windows Media Format Runtime",
                     "install the Desktop Experience feature on servers that run conferencing, "
                     "Call Park, Announcement or Response Group",
                     "", true));
    return p;
  }
  p.push_back(Need("Windows PowerShell 3.0", "part of Windows Server 2012 and 2012 R2"));
  p.push_back(Need(".NET Framework 4.5",
                   "NET-Framework-45-Core with HTTP Activation (NET-WCF-HTTP-Activation45); "
                   ".NET Framework 3.5 for ASP.NET 3.5 comes from the installation media "
                   "(-Source)"));
  p.push_back(Need("Windows Identity Foundation 3.5", "the Windows-Identity-Foundation feature"));
  p.push_back(Need("Windows Media Format Runtime",
                   "the Server-Media-Foundation feature (conferencing, Call Park, Announcement, "
                   "Response Group)",
                   "", true));
  if (release == WindowsRelease::k2012R2) {
    p.push_back(Need("Lync Server 2013 Cumulative Update (October 2013)",
                     "Windows Server 2012 R2 needs the October 2013 cumulative update or later"));
  }
  return p;
}

std::vector<IisPrerequisite> Skype2015Prerequisites(WindowsRelease release) {
  std::vector<IisPrerequisite> p;
  if (release == WindowsRelease::k2008R2) {
    p.push_back(Need("In-place upgrade only",
                     "Windows Server 2008 R2 serves only servers that already run Lync Server "
                     "2013 and are upgraded in place; new servers take Windows Server 2012 R2"));
    p.push_back(Need("Windows PowerShell 3.0",
                     "install Windows Management Framework 3.0; $PSVersionTable.BuildVersion must "
                     "be 6.2.9200.0 or later"));
    p.push_back(Need("KB2533623", "install the update before the upgrade", "KB2533623"));
    p.push_back(Need(".NET Framework 3.5",
                     "usually present on Windows Server 2008 R2; check before the upgrade"));
    p.push_back(Need("Windows Identity Foundation",
                     "install the Windows Identity Foundation update (KB974405) if Installed "
                     "Updates does not list it",
                     "KB974405"));
  } else {
    p.push_back(Need("Windows PowerShell 3.0", "part of Windows Server 2012 and later"));
    p.push_back(Need(".NET Framework 3.5",
                     "NET-Framework-Core comes from the installation media's \\sources\\sxs "
                     "folder (-Source)"));
  }
  p.push_back(Need(".NET Framework 4.x",
                   "4.5, 4.6.x or 4.7.1 (4.7.1 with Cumulative Update 5 or later); not 4.8"));
  if (release != WindowsRelease::k2008R2) {
    p.push_back(Need("Windows Identity Foundation 3.5", "the Windows-Identity-Foundation feature"));
    p.push_back(Need("Media Foundation",
                     "the Server-Media-Foundation feature brings the Windows Media Format "
                     "Runtime; setup otherwise asks for it and a restart",
                     "", true));
  }
  p.push_back(Need("Remote Server Administration Tools", "AD DS and AD LDS tools (RSAT-ADDS)"));
  p.push_back(Need("Silverlight", "the latest version", "", true));
  switch (release) {
    case WindowsRelease::k2012:
      p.push_back(Need("KB2858668", "install the update before the upgrade", "KB2858668"));
      break;
    case WindowsRelease::k2012R2:
      p.push_back(Need("KB2982006", "install the update before the upgrade", "KB2982006"));
      break;
    case WindowsRelease::k2016:
      p.push_back(Need("Skype for Business Server 2015 Cumulative Update 5",
                       "Windows Server 2016 needs Cumulative Update 5 or later (KB4015888)"));
      break;
    case WindowsRelease::k2019:
      p.push_back(Need("Skype for Business Server 2015 Cumulative Update 9",
                       "Windows Server 2019 needs Cumulative Update 9 or later"));
      break;
    default:
      break;
  }
  return p;
}

std::vector<IisPrerequisite> Skype2019Prerequisites() {
  return {
      Need("Windows PowerShell 3.0", "part of Windows Server 2016 and later"),
      Need(".NET Framework 4.7 or 4.8", "update .NET Framework if the server has an older one"),
      Need(".NET Framework 3.5",
           "ASP.NET 3.5 pulls in NET-Framework-Core, whose payload comes from the installation "
           "media's \\sources\\sxs folder (-Source) or Windows Update"),
      Need("Windows Identity Foundation 3.5", "the Windows-Identity-Foundation feature"),
      Need("Media Foundation",
           "the Server-Media-Foundation feature brings the Windows Media Format Runtime", "", true),
      Need("Remote Server Administration Tools", "AD DS and AD LDS tools (RSAT-ADDS)"),
      Need("Silverlight", "the latest version", "", true),
  };
}

IisRequirements Row(ProductVersion product, WindowsRelease release, std::vector<std::string> pages,
                    Names front_end, Names director, std::vector<IisPrerequisite> prerequisites) {
  IisRequirements r;
  r.product = product;
  r.release = release;
  r.install_windows_feature = release != WindowsRelease::k2008R2;
  r.pages = std::move(pages);
  r.front_end = std::move(front_end);
  r.director = std::move(director);
  r.prerequisites = std::move(prerequisites);
  return r;
}

std::vector<IisRequirements> BuildTable() {
  using P = ProductVersion;
  using W = WindowsRelease;
  std::vector<IisRequirements> t;
  for (W w : {W::k2008R2, W::k2012, W::k2012R2}) {
    const Names& list = w == W::k2008R2 ? kLync2008R2 : kLync2012;
    t.push_back(Row(P::kLync2013, w, {kLyncIis, kLyncSoftware, kLyncOs}, list, list,
                    Lync2013Prerequisites(w)));
  }
  // The 2015 page gives no 2008 R2 command (in-place upgrades of Lync Server 2013 servers only):
  // those servers keep Lync Server 2013's IIS 7.5 list.
  t.push_back(Row(P::kSkype2015, W::k2008R2, {kSkype2015Page, kLyncIis}, kLync2008R2, kLync2008R2,
                  Skype2015Prerequisites(W::k2008R2)));
  for (W w : {W::k2012, W::k2012R2}) {
    t.push_back(Row(P::kSkype2015, w, {kSkype2015Page}, kSkype2015FrontEnd, kSkype2015Director,
                    Skype2015Prerequisites(w)));
  }
  for (W w : {W::k2016, W::k2019}) {
    t.push_back(Row(P::kSkype2015, w, {kSkype2015Page},
                    WithoutDesktopExperience(kSkype2015FrontEnd),
                    WithoutDesktopExperience(kSkype2015Director), Skype2015Prerequisites(w)));
  }
  for (W w : {W::k2016, W::k2019}) {
    t.push_back(Row(P::kSkype2019, w, {kSkype2019Page}, kSkype2019FrontEnd, kSkype2019Director,
                    Skype2019Prerequisites()));
  }
  return t;
}

const std::vector<IisRequirements>& Table() {
  static const std::vector<IisRequirements> kTable = BuildTable();
  return kTable;
}

}  // namespace

const IisRequirements& IisRequirementsFor(ProductVersion product, WindowsRelease release,
                                          bool* listed) {
  const IisRequirements* best = nullptr;
  int best_distance = 0;
  for (const IisRequirements& row : Table()) {
    if (row.product != product) continue;
    int distance = std::abs(static_cast<int>(row.release) - static_cast<int>(release));
    // Rows run from older to newer releases, so <= prefers the newer one on a tie.
    if (!best || distance <= best_distance) {
      best = &row;
      best_distance = distance;
    }
  }
  if (listed) *listed = best && best->release == release;
  return best ? *best : Table().front();
}

const char* ReleaseDisplayName(WindowsRelease release) {
  switch (release) {
    case WindowsRelease::kDefault:
      return "Windows Server";
    case WindowsRelease::k2008R2:
      return "Windows Server 2008 R2";
    case WindowsRelease::k2012:
      return "Windows Server 2012";
    case WindowsRelease::k2012R2:
      return "Windows Server 2012 R2";
    case WindowsRelease::k2016:
      return "Windows Server 2016";
    case WindowsRelease::k2019:
      return "Windows Server 2019";
    case WindowsRelease::k2022:
      return "Windows Server 2022";
  }
  return "Windows Server";
}

std::string_view FeatureDisplayName(std::string_view name) {
  // As Server Manager shows them on Windows Server 2012 and later.
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"BITS", "Background Intelligent Transfer Service"},
      {"Desktop-Experience", "Desktop Experience"},
      {"ManagementOData", "Management OData IIS Extension"},
      {"NET-Framework-45-Core", ".NET Framework 4.5"},
      {"NET-Framework-Core", ".NET Framework 3.5 (includes .NET 2.0 and 3.0)"},
      {"NET-WCF-HTTP-Activation45", "HTTP Activation"},
      {"RSAT-ADDS", "AD DS and AD LDS Tools"},
      {"Server-Media-Foundation", "Media Foundation"},
      {"Telnet-Client", "Telnet Client"},
      {"Web-Asp-Net", "ASP.NET 3.5"},
      {"Web-Asp-Net45", "ASP.NET 4.5"},
      {"Web-Basic-Auth", "Basic Authentication"},
      {"Web-Client-Auth", "Client Certificate Mapping Authentication"},
      {"Web-Default-Doc", "Default Document"},
      {"Web-Dir-Browsing", "Directory Browsing"},
      {"Web-Dyn-Compression", "Dynamic Content Compression"},
      {"Web-Filtering", "Request Filtering"},
      {"Web-Http-Errors", "HTTP Errors"},
      {"Web-Http-Logging", "HTTP Logging"},
      {"Web-Http-Tracing", "Tracing"},
      {"Web-ISAPI-Ext", "ISAPI Extensions"},
      {"Web-ISAPI-Filter", "ISAPI Filters"},
      {"Web-Lgcy-Mgmt-Console", "IIS 6 Management Console"},
      {"Web-Lgcy-Scripting", "IIS 6 Scripting Tools"},
      {"Web-Log-Libraries", "Logging Tools"},
      {"Web-Metabase", "IIS 6 Metabase Compatibility"},
      {"Web-Mgmt-Compat", "IIS 6 Management Compatibility"},
      {"Web-Mgmt-Console", "IIS Management Console"},
      {"Web-Mgmt-Service", "Management Service"},
      {"Web-Mgmt-Tools", "Management Tools"},
      {"Web-Net-Ext", ".NET Extensibility 3.5"},
      {"Web-Request-Monitor", "Request Monitor"},
      {"Web-Scripting-Tools", "IIS Management Scripts and Tools"},
      {"Web-Server", "Web Server (IIS)"},
      {"Web-Stat-Compression", "Static Content Compression"},
      {"Web-Static-Content", "Static Content"},
      {"Web-WMI", "IIS 6 WMI Compatibility"},
      {"Web-Windows-Auth", "Windows Authentication"},
      {"Windows-Identity-Foundation", "Windows Identity Foundation 3.5"},
  };
  auto it = kNames.find(name);
  return it == kNames.end() ? name : std::string_view(it->second);
}

}  // namespace lynctopo
