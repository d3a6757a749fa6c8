// `verify FILE`: live results (fake DNS drift, fake proxy and certificate reports, no network)
// become Changes in the format of `diff`. The live side is proven in
// tests/integration/verify_live.sh against a real BIND and nginx.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "generators/verify/live_verify.hpp"
#include "model/diff/change_output.hpp"

namespace lynctopo {
namespace {

using nlohmann::json;

DnsVerifyResult Drift() {
  DnsVerifyResult result;
  result.view = View::kExternal;
  result.server = "127.0.0.1:5353";
  result.checked = 5;
  result.drift = {
      {DnsDriftKind::kMissing, "meet.contoso.com", DnsType::kA, "131.107.155.40", ""},
      {DnsDriftKind::kDifferent, "sip.contoso.com", DnsType::kA, "131.107.155.10", "192.0.2.99"},
      {DnsDriftKind::kExtra, "webext.contoso.com", DnsType::kA, "", "192.0.2.7"},
  };
  return result;
}

TEST_CASE("verify live: DNS drift becomes dns-record create/update/delete", "[verify][live]") {
  std::vector<Change> changes = DnsDriftToChanges(Drift());
  REQUIRE(changes.size() == 3);
  for (const Change& c : changes) {
    CHECK(c.level == kLiveLevel);
    CHECK(c.kind == "dns-record");
  }
  CHECK(changes[0].address == "external A meet.contoso.com");
  CHECK(changes[0].action == ChangeAction::kCreate);
  CHECK(changes[0].before.is_null());
  CHECK(changes[0].after == json{{"value", "131.107.155.40"}});

  CHECK(changes[1].address == "external A sip.contoso.com");
  CHECK(changes[1].action == ChangeAction::kUpdate);
  CHECK(changes[1].before == json{{"value", "192.0.2.99"}});     // live
  CHECK(changes[1].after == json{{"value", "131.107.155.10"}});  // planned

  CHECK(changes[2].address == "external A webext.contoso.com");
  CHECK(changes[2].action == ChangeAction::kDelete);
  CHECK(changes[2].before == json{{"value", "192.0.2.7"}});
  CHECK(changes[2].after.is_null());
  CHECK(changes[2].note.find("127.0.0.1:5353") != std::string::npos);

  ChangeSummary summary = Summarize(changes);
  CHECK(summary.to_add == 1);
  CHECK(summary.to_change == 1);
  CHECK(summary.to_remove == 1);
}

TEST_CASE("verify live: no DNS drift, no change", "[verify][live]") {
  DnsVerifyResult clean;
  clean.checked = 12;
  CHECK(DnsDriftToChanges(clean).empty());
  CHECK(ChangesToText({}) == "No changes.\n");
}

TEST_CASE("verify live: DNS drift renders like diff in text and JSON", "[verify][live]") {
  std::vector<Change> changes = DnsDriftToChanges(Drift());
  std::string text = ChangesToText(changes);
  CHECK(text.find("Live:\n") == 0);
  CHECK(text.find("  + dns-record external A meet.contoso.com") != std::string::npos);
  CHECK(text.find("  ~ dns-record external A sip.contoso.com") != std::string::npos);
  CHECK(text.find("value: \"192.0.2.99\" -> \"131.107.155.10\"") != std::string::npos);
  CHECK(text.find("  - dns-record external A webext.contoso.com") != std::string::npos);
  CHECK(text.find("Plan: 1 to add, 1 to change, 1 to remove.") != std::string::npos);
  json doc = ChangesToJson(changes);
  CHECK(doc["format_version"] == 1);
}

proxy::HostCheck Host(std::string name, bool connected, bool covers, bool http,
                      std::string error = "") {
  proxy::HostCheck h;
  h.host = std::move(name);
  h.connected = connected;
  h.certificate_covers = covers;
  h.http_response = http;
  h.error = std::move(error);
  return h;
}

TEST_CASE("verify live: proxy hosts that fail become proxy-host updates", "[verify][live]") {
  proxy::VerifyReport report;
  report.address = "127.0.0.1";
  report.hosts = {Host("dialin.contoso.com", true, true, true),
                  Host("meet.contoso.com", true, false, false, "certificate does not cover"),
                  Host("webext.contoso.com", true, true, false, "no status line"),
                  Host("lyncdiscover.contoso.com", false, false, false, "connection refused")};
  report.hosts[1].certificate_subject = "other.contoso.com";
  std::vector<Change> changes = ProxyReportToChanges(report);
  REQUIRE(changes.size() == 4);
  CHECK(changes[0].action == ChangeAction::kNoOp);
  CHECK(changes[0].note.empty());
  CHECK(changes[1].kind == "proxy-host");
  CHECK(changes[1].address == "meet.contoso.com");
  CHECK(changes[1].action == ChangeAction::kUpdate);
  CHECK(changes[1].note ==
        "the certificate served does not cover the name (subject other.contoso.com): "
        "certificate does not cover");
  CHECK(changes[1].before["certificate_covers_name"] == false);
  CHECK(changes[1].after["certificate_covers_name"] == true);
  CHECK(changes[2].note == "no HTTP response: no status line");
  CHECK(changes[3].note == "no TLS connection: connection refused");
  ChangeSummary summary = Summarize(changes);
  CHECK(summary.to_change == 3);
  CHECK(summary.unchanged == 1);
  // No-ops stay out of the text.
  CHECK(ChangesToText(changes).find("dialin") == std::string::npos);
}

TEST_CASE("verify live: certificate findings become one certificate update per host",
          "[verify][live]") {
  PlannedCertificate planned;
  planned.id = "proxy-rp1";
  planned.subject = "webext.contoso.com";
  planned.sans = {"meet.contoso.com", "webext.contoso.com"};
  CertCheckReport report;
  CheckedCertificate leaf;
  leaf.leaf = true;
  leaf.subject = "webext.contoso.com";
  leaf.sans = {"webext.contoso.com"};
  leaf.key_bits = 2048;
  leaf.hash = "sha256";
  leaf.planned = &planned;
  leaf.findings = {{"LT5301", Severity::kError, "missing SAN meet.contoso.com"},
                   {"LT5399", Severity::kNote, "a note, not drift"}};
  CheckedCertificate chain;
  chain.leaf = false;
  chain.findings = {{"LT5310", Severity::kError, "chain problem"}};
  report.certificates = {leaf, chain};

  std::vector<Change> changes = CertCheckToChanges("meet.contoso.com", report);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == "certificate");
  CHECK(changes[0].address == "meet.contoso.com");
  CHECK(changes[0].action == ChangeAction::kUpdate);
  CHECK(changes[0].note == "compared with planned proxy-rp1, 1 finding");
  CHECK(changes[0].after["findings"] == json{"missing SAN meet.contoso.com [LT5301]"});
  std::vector<std::string> lines = DescribeFieldChanges(changes[0].before, changes[0].after);
  CHECK(std::find(lines.begin(), lines.end(), "+ sans meet.contoso.com") != lines.end());

  // A certificate without error or warning findings is no drift.
  report.certificates[0].findings = {{"LT5399", Severity::kNote, "fine"}};
  CHECK(CertCheckToChanges("meet.contoso.com", report).empty());
}

}  // namespace
}  // namespace lynctopo
