#include "model/validate/rule_kinds.hpp"

#include <algorithm>
#include <array>

namespace lynctopo {
namespace {

constexpr RuleKind P = RuleKind::kProduct;
constexpr RuleKind D = RuleKind::kDesign;

// docs/diagnostics.md shows the same kinds; a unit test keeps the two and the sources in step.
constexpr std::array kRuleKinds = std::to_array<RuleKindEntry>({
    {"LT1001", P},  // no SIP domain
    {"LT1002", P},  // repeated SIP domain
    {"LT1003", P},  // XMPP domain not a SIP domain
    {"LT1004", P},  // invalid FQDN where artifacts are generated from it
    {"LT1005", D},  // invalid inventory name: Lync accepts it, nothing is generated from it
    {"LT1006", P},  // no FQDN
    {"LT1007", P},  // not an IP address
    {"LT1008", P},  // nothing to sign in to
    {"LT1009", P},  // NetBIOS domain name
    {"LT1010", P},  // DNS TTL
    {"LT1011", P},  // DNS hostmaster
    {"LT1012", P},  // DNS lyncdiscover_records
    {"LT1013", P},  // DNS external_web_internal
    {"LT1014", P},  // DNS internal_zones
    {"LT1020", P},  // duplicate site
    {"LT1021", P},  // duplicate reverse proxy
    {"LT1022", P},  // branch without parent
    {"LT1023", P},  // unknown parent
    {"LT1024", P},  // parent not central
    {"LT1025", D},  // central site names a parent (ignored)
    {"LT1026", P},  // core pool in a branch site
    {"LT1027", P},  // dangling pool reference
    {"LT1028", P},  // pool reference of the wrong kind
    {"LT1029", P},  // Edge without next hop
    {"LT1030", D},  // designated pool of another site
    {"LT1031", D},  // reverse proxy without external address
    {"LT1032", P},  // site without name
    {"LT1040", P},  // more than 12 Front End servers
    {"LT1041", P},  // Standard Edition with several servers
    {"LT1042", P},  // Standard Edition pool FQDN != server FQDN
    {"LT1043", P},  // Standard Edition overrides internal web FQDN
    {"LT1044", P},  // Standard Edition load balanced
    {"LT1045", D},  // DNS load balancing without an internal web FQDN override
    {"LT1046", D},  // multi-server pool without load balancing
    {"LT1047", P},  // hardware load balancing without vip
    {"LT1048", P},  // pool without servers
    {"LT1049", D},  // multi-server pool whose load balancing is unknown
    {"LT1050", P},  // Edge without an external service FQDN
    {"LT1051", D},  // Edge behind NAT and hardware load balanced
    {"LT1052", P},  // two federation Edge pools
    {"LT1053", P},  // two XMPP Edge pools
    {"LT1054", P},  // single FQDN and IP with equal ports
    {"LT1055", P},  // Edge port out of range
    {"LT1056", D},  // federation without Edge
    {"LT1057", P},  // hardware load-balanced Edge without external VIP
    {"LT1058", D},  // Edge server without the address its service name resolves to
    {"LT1060", P},  // pool/server FQDN used twice
    {"LT1061", P},  // external web FQDN used by two pools
    {"LT1062", P},  // overridden internal web FQDN used by two pools
    {"LT1063", D},  // internal web FQDN equals an external web FQDN (Mobility)
    {"LT1064", P},  // other name clash
    {"LT1065", P},  // trunk port out of range
    {"LT1066", P},  // two trunks to one gateway
    {"LT1067", P},  // settings of another pool kind
    {"LT1068", D},  // Windows release the product does not support
    {"LT1079", D},  // no simple URLs at all
    {"LT1080", D},  // no Meet URL for a SIP domain
    {"LT1081", D},  // no Dialin URL
    {"LT1082", P},  // two Dialin URLs in a scope
    {"LT1083", P},  // two Admin URLs in a scope
    {"LT1084", P},  // empty or not https
    {"LT1085", P},  // port in a simple URL
    {"LT1086", P},  // simple URL host is a pool FQDN
    {"LT1087", P},  // simple URL below another
    {"LT1088", P},  // duplicate simple URL
    {"LT1089", P},  // bad character in a simple URL path
    {"LT1091", P},  // simple URL domain not a SIP domain
    {"LT1092", P},  // site scopes some simple URLs, not all
    {"LT1093", P},  // site-scoped simple URLs in a branch site
    {"LT1094", D},  // hyphen in a simple URL path
    {"LT1100", P},  // Kerberos account form
    {"LT1101", P},  // Kerberos account name too long
    {"LT1102", P},  // Kerberos container DN
    {"LT1103", D},  // Kerberos account of another domain
    {"LT1104", P},  // Kerberos account name character
    {"LT1120", D},  // 1024-bit keys
    {"LT1121", P},  // key size
    {"LT1122", D},  // SHA-1
    {"LT1123", P},  // hash
    {"LT1124", P},  // max_sans
    {"LT1160", P},  // quoting break-out
});

constexpr bool SortedByCode() {
  for (size_t i = 1; i < kRuleKinds.size(); ++i) {
    if (!(kRuleKinds[i - 1].code < kRuleKinds[i].code)) return false;
  }
  return true;
}
static_assert(SortedByCode(), "keep kRuleKinds sorted by code: FindRuleKind searches it");

}  // namespace

std::string_view ToString(RuleKind kind) {
  return kind == RuleKind::kProduct ? "product" : "design";
}

std::span<const RuleKindEntry> ValidationRuleKinds() {
  return kRuleKinds;
}

const RuleKind* FindRuleKind(std::string_view code) {
  auto it = std::lower_bound(kRuleKinds.begin(), kRuleKinds.end(), code,
                             [](const RuleKindEntry& e, std::string_view c) { return e.code < c; });
  return it != kRuleKinds.end() && it->code == code ? &it->kind : nullptr;
}

Severity SeverityOf(RuleKind kind, bool strict) {
  return kind == RuleKind::kDesign && !strict ? Severity::kWarning : Severity::kError;
}

}  // namespace lynctopo
