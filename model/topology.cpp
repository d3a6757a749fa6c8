#include "model/topology.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace lynctopo {
namespace {

template <typename E, size_t N>
using NameTable = std::array<std::pair<E, const char*>, N>;

constexpr NameTable<ProductVersion, 3> kVersions{{
    {ProductVersion::kLync2013, "lync2013"},
    {ProductVersion::kSkype2015, "sfb2015"},
    {ProductVersion::kSkype2019, "sfb2019"},
}};
constexpr NameTable<SiteKind, 2> kSiteKinds{{
    {SiteKind::kCentral, "central"},
    {SiteKind::kBranch, "branch"},
}};
constexpr NameTable<PoolKind, 12> kPoolKinds{{
    {PoolKind::kStandardEdition, "standard-edition"},
    {PoolKind::kFrontEnd, "front-end"},
    {PoolKind::kDirector, "director"},
    {PoolKind::kEdge, "edge"},
    {PoolKind::kMediation, "mediation"},
    {PoolKind::kSurvivableBranch, "survivable-branch"},
    {PoolKind::kOfficeWebApps, "office-web-apps"},
    {PoolKind::kPersistentChat, "persistent-chat"},
    {PoolKind::kSql, "sql"},
    {PoolKind::kFileStore, "file-store"},
    {PoolKind::kPstnGateway, "pstn-gateway"},
    {PoolKind::kOther, "other"},
}};
constexpr NameTable<LoadBalancing, 4> kLoadBalancing{{
    {LoadBalancing::kNone, "none"},
    {LoadBalancing::kDns, "dns"},
    {LoadBalancing::kHardware, "hardware"},
    {LoadBalancing::kUnknown, "unknown"},
}};
constexpr NameTable<SimpleUrlKind, 3> kSimpleUrlKinds{{
    {SimpleUrlKind::kMeet, "meet"},
    {SimpleUrlKind::kDialin, "dialin"},
    {SimpleUrlKind::kAdmin, "admin"},
}};
constexpr NameTable<ProxyProduct, 4> kProxyProducts{{
    {ProxyProduct::kTmg, "tmg"},
    {ProxyProduct::kArr, "arr"},
    {ProxyProduct::kNginx, "nginx"},
    {ProxyProduct::kHaproxy, "haproxy"},
}};
constexpr NameTable<CaKind, 2> kCaKinds{{
    {CaKind::kInternal, "internal"},
    {CaKind::kPublic, "public"},
}};

constexpr NameTable<WindowsRelease, 7> kWindowsReleases{{
    {WindowsRelease::kDefault, "default"},
    {WindowsRelease::k2008R2, "windows-2008-r2"},
    {WindowsRelease::k2012, "windows-2012"},
    {WindowsRelease::k2012R2, "windows-2012-r2"},
    {WindowsRelease::k2016, "windows-2016"},
    {WindowsRelease::k2019, "windows-2019"},
    {WindowsRelease::k2022, "windows-2022"},
}};
constexpr NameTable<TrunkTransport, 2> kTrunkTransports{{
    {TrunkTransport::kTls, "tls"},
    {TrunkTransport::kTcp, "tcp"},
}};

template <typename E, size_t N>
const char* NameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename E, size_t N>
bool ValueOf(const NameTable<E, N>& table, std::string_view text, E* out) {
  for (const auto& [v, name] : table) {
    if (text == name) {
      *out = v;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* ToString(ProductVersion v) {
  return NameOf(kVersions, v);
}
const char* ToString(SiteKind v) {
  return NameOf(kSiteKinds, v);
}
const char* ToString(PoolKind v) {
  return NameOf(kPoolKinds, v);
}
const char* ToString(LoadBalancing v) {
  return NameOf(kLoadBalancing, v);
}
const char* ToString(SimpleUrlKind v) {
  return NameOf(kSimpleUrlKinds, v);
}
const char* ToString(ProxyProduct v) {
  return NameOf(kProxyProducts, v);
}
const char* ToString(CaKind v) {
  return NameOf(kCaKinds, v);
}
const char* ToString(WindowsRelease v) {
  return NameOf(kWindowsReleases, v);
}
const char* ToString(TrunkTransport v) {
  return NameOf(kTrunkTransports, v);
}
bool Parse(std::string_view t, WindowsRelease* out) {
  return ValueOf(kWindowsReleases, t, out);
}
bool Parse(std::string_view t, TrunkTransport* out) {
  return ValueOf(kTrunkTransports, t, out);
}
bool Parse(std::string_view t, ProductVersion* out) {
  return ValueOf(kVersions, t, out);
}
bool Parse(std::string_view t, SiteKind* out) {
  return ValueOf(kSiteKinds, t, out);
}
bool Parse(std::string_view t, PoolKind* out) {
  return ValueOf(kPoolKinds, t, out);
}
bool Parse(std::string_view t, LoadBalancing* out) {
  return ValueOf(kLoadBalancing, t, out);
}
bool Parse(std::string_view t, SimpleUrlKind* out) {
  return ValueOf(kSimpleUrlKinds, t, out);
}
bool Parse(std::string_view t, ProxyProduct* out) {
  return ValueOf(kProxyProducts, t, out);
}
bool Parse(std::string_view t, CaKind* out) {
  return ValueOf(kCaKinds, t, out);
}

// The release each product's setup documentation leads with: Lync Server 2013 and Skype for
// Business Server 2015 on Windows Server 2012 R2, Skype for Business Server 2019 on Windows
// Server 2019 (docs/iis.md).
WindowsRelease DefaultRelease(ProductVersion version) {
  return version == ProductVersion::kSkype2019 ? WindowsRelease::k2019 : WindowsRelease::k2012R2;
}

WindowsRelease EffectiveRelease(const Server& server, const Pool& pool, ProductVersion version) {
  if (server.os != WindowsRelease::kDefault) return server.os;
  if (pool.os != WindowsRelease::kDefault) return pool.os;
  return DefaultRelease(version);
}

bool RunsIis(PoolKind kind) {
  return kind == PoolKind::kStandardEdition || kind == PoolKind::kFrontEnd ||
         kind == PoolKind::kDirector;
}

}  // namespace lynctopo
