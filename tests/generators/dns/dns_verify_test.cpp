// `verify dns` comparison against a fake server (the live ldns side is proven in
// tests/integration/dns_bind.sh against a real BIND).

#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "generators/dns/dns_render.hpp"
#include "generators/dns/dns_verify.hpp"
#include "tests/generators/dns/dns_test_plan.hpp"

namespace lynctopo {
namespace {

using testing::Codes;
using testing::DnsTestPlan;
using V = std::vector<std::string>;

constexpr View kInt = View::kInternal;
constexpr View kExt = View::kExternal;

class FakeServer : public DnsQuerier {
 public:
  std::map<std::pair<std::string, DnsType>, DnsAnswer> answers;
  std::vector<std::string> asked;

  void Set(const std::string& name, DnsType type, V values) {
    DnsAnswer a;
    a.values = std::move(values);
    answers[{name, type}] = a;
  }
  DnsAnswer Query(const std::string& name, DnsType type) override {
    asked.push_back(name + " " + ToString(type));
    auto it = answers.find({name, type});
    if (it != answers.end()) return it->second;
    DnsAnswer nx;
    nx.status = DnsAnswer::Status::kNoSuchName;
    return nx;
  }
};

DnsRecordSet Planned() {
  DnsTestPlan t({"contoso.com"});
  t.Name(kInt, "pool01.contoso.local", NameRole::kPool, TargetKind::kPoolMembers,
         {"10.0.0.21", "10.0.0.22"});
  t.Name(kInt, "fe01.contoso.local", NameRole::kServer, TargetKind::kServerAddress,
         {"2001:db8:0:0::21"});
  t.Alias(kInt, "lyncdiscoverinternal.contoso.com", NameRole::kLyncDiscoverInternal,
          "pool01.contoso.local", "contoso.com");
  t.Service(kInt, "_sipinternaltls._tcp", "contoso.com", "sip.contoso.com", 5061,
            "internal-sign-in");
  t.Name(kInt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kVip, {"10.0.0.10"});
  t.Name(kExt, "sip.contoso.com", NameRole::kSipDomain, TargetKind::kEdgePublic,
         {"131.107.155.10"});
  Diagnostics d;
  return t.Build(d);
}

void AnswerAsPlanned(FakeServer& server) {
  server.Set("pool01.contoso.local", DnsType::kA, {"10.0.0.22", "10.0.0.21"});
  server.Set("fe01.contoso.local", DnsType::kAAAA, {"2001:db8::21"});
  server.Set("lyncdiscoverinternal.contoso.com", DnsType::kCname, {"pool01.contoso.local"});
  server.Set("_sipinternaltls._tcp.contoso.com", DnsType::kSrv, {"0 0 5061 sip.contoso.com"});
  server.Set("sip.contoso.com", DnsType::kA, {"10.0.0.10"});
}

TEST_CASE("verify dns: a server answering as planned shows no drift", "[dns][verify]") {
  DnsRecordSet set = Planned();
  FakeServer server;
  AnswerAsPlanned(server);
  Diagnostics d;
  DnsVerifyResult result = VerifyDns(set, kInt, server, d);
  CHECK(d.empty());
  CHECK(result.drift.empty());
  CHECK(result.checked == 6);
  // One query per planned (name, type) of the view, never the other view's names.
  CHECK(server.asked.size() == 5);
  result.server = "127.0.0.1:53";
  CHECK(DnsVerifyText(result) ==
        "DNS internal view at 127.0.0.1:53: 6 planned records checked\n"
        "0 missing, 0 different, 0 extra: no drift.\n");
}

TEST_CASE("verify dns: missing, different and extra records, Terraform-style", "[dns][verify]") {
  DnsRecordSet set = Planned();
  FakeServer server;
  AnswerAsPlanned(server);
  server.Set("pool01.contoso.local", DnsType::kA, {"10.0.0.21"});  // one removed
  server.Set("sip.contoso.com", DnsType::kA, {"10.0.0.99"});       // changed
  server.Set("lyncdiscoverinternal.contoso.com", DnsType::kCname, {"pool01.contoso.local"});
  server.Set("_sipinternaltls._tcp.contoso.com", DnsType::kSrv,
             {"0 0 5061 sip.contoso.com", "0 0 5061 old.contoso.com"});  // one too many
  server.answers.erase({"fe01.contoso.local", DnsType::kAAAA});          // NXDOMAIN
  Diagnostics d;
  DnsVerifyResult result = VerifyDns(set, kInt, server, d);
  result.server = "127.0.0.1:5353";
  CHECK(d.empty());
  CHECK(result.Count(DnsDriftKind::kMissing) == 2);
  CHECK(result.Count(DnsDriftKind::kDifferent) == 1);
  CHECK(result.Count(DnsDriftKind::kExtra) == 1);
  CHECK(DnsVerifyText(result) ==
        "DNS internal view at 127.0.0.1:5353: 6 planned records checked\n"
        "  + missing (to add)   ~ different (to change)   - extra (to remove)\n"
        "\n"
        "  - _sipinternaltls._tcp.contoso.com SRV 0 0 5061 old.contoso.com\n"
        "  + fe01.contoso.local AAAA 2001:db8::21\n"
        "  + pool01.contoso.local A 10.0.0.22\n"
        "  ~ sip.contoso.com A 10.0.0.99 -> 10.0.0.10\n"
        "\n"
        "2 missing, 1 different, 1 extra.\n");
  nlohmann::json json = DnsVerifyJson(result, d);
  CHECK(json["format_version"] == 1);
  CHECK(json["summary"] == nlohmann::json{{"missing", 2}, {"different", 1}, {"extra", 1}});
  CHECK(json["changes"][3] == nlohmann::json{{"action", "different"},
                                             {"name", "sip.contoso.com"},
                                             {"type", "A"},
                                             {"planned", "10.0.0.10"},
                                             {"actual", "10.0.0.99"}});
  CHECK(json["changes"][0]["planned"].is_null());
}

TEST_CASE("verify dns: the external view is checked on its own", "[dns][verify]") {
  DnsRecordSet set = Planned();
  FakeServer server;
  server.Set("sip.contoso.com", DnsType::kA, {"131.107.155.10"});
  Diagnostics d;
  DnsVerifyResult result = VerifyDns(set, kExt, server, d);
  CHECK(result.drift.empty());
  CHECK(server.asked == V{"sip.contoso.com A"});
}

TEST_CASE("verify dns: a failed query is an error, not drift", "[dns][verify]") {
  DnsRecordSet set = Planned();
  FakeServer server;
  AnswerAsPlanned(server);
  DnsAnswer refused;
  refused.status = DnsAnswer::Status::kFailed;
  refused.error = "server answered REFUSED";
  server.answers[{"sip.contoso.com", DnsType::kA}] = refused;
  Diagnostics d;
  DnsVerifyResult result = VerifyDns(set, kInt, server, d);
  CHECK(Codes(d) == V{"LT9601"});
  CHECK(result.failed == 1);
  CHECK(result.drift.empty());
}

class DeadServer : public DnsQuerier {
 public:
  int queries = 0;
  DnsAnswer Query(const std::string&, DnsType) override {
    ++queries;
    DnsAnswer a;
    a.status = DnsAnswer::Status::kFailed;
    a.unreachable = true;
    a.error = "timeout";
    return a;
  }
};

TEST_CASE("verify dns: a server that never answers is given up on early", "[dns][verify]") {
  DnsRecordSet set = Planned();
  DeadServer server;
  Diagnostics d;
  DnsVerifyResult result = VerifyDns(set, kInt, server, d);
  CHECK(server.queries == 3);
  CHECK(result.failed == 5);
  CHECK(Codes(d) == V{"LT9601", "LT9601", "LT9601", "LT9603"});
}

TEST_CASE("verify dns: --server forms", "[dns][verify]") {
  auto parse = [](const char* text) {
    auto s = ParseDnsServer(text);
    return s ? s->ToString() : std::string("invalid");
  };
  CHECK(parse("192.0.2.53") == "192.0.2.53:53");
  CHECK(parse("127.0.0.1:5353") == "127.0.0.1:5353");
  CHECK(parse("2001:db8::53") == "[2001:db8::53]:53");
  CHECK(parse("[::1]:5353") == "[::1]:5353");
  CHECK(parse("ns1.contoso.com") == "invalid");
  CHECK(parse("127.0.0.1:") == "invalid");
  CHECK(parse("127.0.0.1:70000") == "invalid");
  CHECK(parse("[::1]5353") == "invalid");
}

TEST_CASE("verify dns: records.json reads back to the same records", "[dns][verify]") {
  DnsRecordSet set = Planned();
  Diagnostics d;
  std::optional<DnsRecordSet> back =
      DnsRecordsFromJson(nlohmann::json::parse(DnsRecordsJsonText(set)), "records.json", d);
  REQUIRE(back);
  CHECK(d.empty());
  CHECK(testing::Lines(*back) == testing::Lines(set));
  CHECK(back->At(kInt, "pool01.contoso.local").size() == 2);

  nlohmann::json broken = nlohmann::json::parse(DnsRecordsJsonText(set));
  broken["records"][0]["view"] = "dmz";
  broken["records"][1].erase("name");
  Diagnostics d2;
  CHECK_FALSE(DnsRecordsFromJson(broken, "records.json", d2));
  CHECK(Codes(d2) == V{"LT9602", "LT9602"});
  CHECK(d2.items()[0].loc.pointer == "/records/0/view");
}

}  // namespace
}  // namespace lynctopo
