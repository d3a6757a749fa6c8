#pragma once

// What a web services server needs before setup, per product and Windows Server release: the
// Windows features (the command Microsoft's page gives for that release) and the prerequisites
// outside IIS the page names. docs/iis.md lists the pages and the tables.

#include <string>
#include <string_view>
#include <vector>

#include "model/topology.hpp"

namespace lynctopo {

// Something a server needs besides the Windows features: a runtime, a shell version, an update.
struct IisPrerequisite {
  std::string name;         // ".NET Framework 4.5"
  std::string requirement;  // what to install or check, in one sentence
  std::string hotfix;       // a KB update the script checks with Get-HotFix; empty: not checkable
  bool front_end_only = false;  // Front End / Standard Edition only (not Directors)
};

struct IisRequirements {
  ProductVersion product = ProductVersion::kLync2013;
  WindowsRelease release = WindowsRelease::k2012R2;
  // Windows Server 2008 R2 installs with Add-WindowsFeature and no -Source; 2012 and later with
  // Install-WindowsFeature -Source (the .NET Framework 3.5 payload is not on the disk).
  bool install_windows_feature = true;
  std::vector<std::string> pages;      // the Microsoft documentation page files the lists come from
  std::vector<std::string> front_end;  // Windows feature names, Front End / Standard Edition
  std::vector<std::string> director;   // Windows feature names, Director
  std::vector<IisPrerequisite> prerequisites;
};

// The requirements of `release` for `product`. A release the product's pages do not list gets
// the product's nearest listed release (ties: the newer), with *listed set to false.
const IisRequirements& IisRequirementsFor(ProductVersion product, WindowsRelease release,
                                          bool* listed);

// "Windows Server 2012 R2" for k2012R2 (kDefault: "Windows Server").
const char* ReleaseDisplayName(WindowsRelease release);

// Default of the scripts' -Source parameter: the side-by-side folder of Windows Server media in
// drive D, as lync-server-2013-iis-configuration shows it.
inline constexpr const char* kDefaultFeatureSource = "D:\\sources\\sxs";

// Server Manager's display name of a Windows feature ("Web-Asp-Net45" -> "ASP.NET 4.5");
// the feature name itself when the catalog does not know it.
// A view of the static table, or `name` itself when it is not in it.
std::string_view FeatureDisplayName(std::string_view name);

}  // namespace lynctopo
