// The live side of `verify dns`: one UDP query per planned (name, type) through libldns.

#include "generators/dns/dns_verify.hpp"

// Last: ldns pulls in C headers that redefine `bool` for C++ standard headers after them.
#include <ldns/ldns.h>

namespace lynctopo {

namespace {

ldns_rr_type ToLdnsType(DnsType type) {
  switch (type) {
    case DnsType::kA:
      return LDNS_RR_TYPE_A;
    case DnsType::kAAAA:
      return LDNS_RR_TYPE_AAAA;
    case DnsType::kCname:
      return LDNS_RR_TYPE_CNAME;
    case DnsType::kSrv:
      return LDNS_RR_TYPE_SRV;
  }
  return LDNS_RR_TYPE_A;
}

// ldns allocates with malloc; these keep every exit path leak-free.
struct RdfText {
  char* text;
  explicit RdfText(const ldns_rdf* rdf) : text(rdf ? ldns_rdf2str(rdf) : nullptr) {}
  ~RdfText() { free(text); }
  std::string str() const { return text ? text : ""; }
};

std::string HostText(const ldns_rdf* rdf) {
  std::string host = ToLower(RdfText(rdf).str());
  if (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string RecordText(const ldns_rr* rr, DnsType type) {
  switch (type) {
    case DnsType::kA:
    case DnsType::kAAAA: {
      std::string text = RdfText(ldns_rr_rdf(rr, 0)).str();
      return CanonicalAddress(text).value_or(text);
    }
    case DnsType::kCname:
      return HostText(ldns_rr_rdf(rr, 0));
    case DnsType::kSrv:
      if (ldns_rr_rd_count(rr) < 4) return "";
      return std::to_string(ldns_rdf2native_int16(ldns_rr_rdf(rr, 0))) + " " +
             std::to_string(ldns_rdf2native_int16(ldns_rr_rdf(rr, 1))) + " " +
             std::to_string(ldns_rdf2native_int16(ldns_rr_rdf(rr, 2))) + " " +
             HostText(ldns_rr_rdf(rr, 3));
  }
  return "";
}

class LdnsQuerier final : public DnsQuerier {
 public:
  LdnsQuerier(const DnsServerAddress& server, int timeout_ms, int retries)
      : resolver_(ldns_resolver_new()) {
    ldns_rdf* address = ldns_rdf_new_frm_str(
        IsIpv6(server.address) ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A, server.address.c_str());
    if (!resolver_ || !address) {
      setup_error_ = "cannot set up a resolver for " + server.ToString();
      if (address) ldns_rdf_deep_free(address);
      return;
    }
    ldns_resolver_push_nameserver(resolver_, address);  // copies the address
    ldns_rdf_deep_free(address);
    ldns_resolver_set_port(resolver_, static_cast<uint16_t>(server.port));
    ldns_resolver_set_recursive(resolver_, false);  // the server's own data, not a cache's
    ldns_resolver_set_usevc(resolver_, false);
    ldns_resolver_set_fallback(resolver_, true);  // TCP when an answer is truncated
    ldns_resolver_set_defnames(resolver_, false);
    ldns_resolver_set_dnsrch(resolver_, false);
    ldns_resolver_set_random(resolver_, false);
    ldns_resolver_set_dnssec(resolver_, false);
    timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    ldns_resolver_set_timeout(resolver_, timeout);
    // ldns counts tries, not retries.
    ldns_resolver_set_retry(resolver_, static_cast<uint8_t>(retries + 1));
    ldns_resolver_set_retrans(resolver_, 1);
  }

  ~LdnsQuerier() override {
    if (resolver_) ldns_resolver_deep_free(resolver_);
  }

  DnsAnswer Query(const std::string& name, DnsType type) override {
    DnsAnswer answer;
    if (!setup_error_.empty()) {
      answer.status = DnsAnswer::Status::kFailed;
      answer.error = setup_error_;
      return answer;
    }
    ldns_rdf* qname = ldns_dname_new_frm_str((name + ".").c_str());
    if (!qname) {
      answer.status = DnsAnswer::Status::kFailed;
      answer.error = "not a domain name";
      return answer;
    }
    // ldns marks a server that timed out as unusable; every query gets a fresh chance.
    ldns_resolver_set_nameserver_rtt(resolver_, 0, LDNS_RESOLV_RTT_MIN);
    ldns_pkt* packet = nullptr;
    ldns_status status = ldns_resolver_query_status(&packet, resolver_, qname, ToLdnsType(type),
                                                    LDNS_RR_CLASS_IN, 0);
    if (status != LDNS_STATUS_OK || !packet) {
      answer.status = DnsAnswer::Status::kFailed;
      answer.unreachable = true;
      const char* why = ldns_get_errorstr_by_id(status);
      answer.error = std::string("no answer from the server (timeout or network error: ") +
                     (why ? why : "unknown") + ")";
    } else {
      ldns_pkt_rcode rcode = ldns_pkt_get_rcode(packet);
      if (rcode == LDNS_RCODE_NXDOMAIN) {
        answer.status = DnsAnswer::Status::kNoSuchName;
      } else if (rcode != LDNS_RCODE_NOERROR) {
        answer.status = DnsAnswer::Status::kFailed;
        char* text = ldns_pkt_rcode2str(rcode);
        answer.error = std::string("server answered ") + (text ? text : "an error") +
                       (rcode == LDNS_RCODE_REFUSED ? " (is the zone served in this view?)" : "");
        free(text);
      } else {
        ldns_rr_list* list =
            ldns_pkt_rr_list_by_name_and_type(packet, qname, ToLdnsType(type), LDNS_SECTION_ANSWER);
        if (list) {
          for (size_t i = 0; i < ldns_rr_list_rr_count(list); ++i) {
            answer.values.push_back(RecordText(ldns_rr_list_rr(list, i), type));
          }
          ldns_rr_list_deep_free(list);
        }
      }
    }
    if (packet) ldns_pkt_free(packet);
    ldns_rdf_deep_free(qname);
    return answer;
  }

 private:
  ldns_resolver* resolver_;
  std::string setup_error_;
};

}  // namespace

std::unique_ptr<DnsQuerier> MakeLdnsQuerier(const DnsServerAddress& server, int timeout_ms,
                                            int retries) {
  return std::make_unique<LdnsQuerier>(server, timeout_ms, retries);
}

}  // namespace lynctopo
