#include "generators/proxy/proxy_views.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "generators/proxy/proxy_escape.hpp"

namespace lynctopo::proxy {
namespace {

using nlohmann::json;

// "addr:port" for a listen/bind line; IPv6 literals in brackets; no address = every address.
std::string ListenSpec(const std::string& address, int port, bool haproxy) {
  if (address.empty()) return haproxy ? fmt::format(":{}", port) : std::to_string(port);
  if (address.find(':') != std::string::npos) return fmt::format("[{}]:{}", address, port);
  return fmt::format("{}:{}", address, port);
}

std::string HostPort(const std::string& host, int port) {
  if (host.find(':') != std::string::npos) return fmt::format("[{}]:{}", host, port);
  return fmt::format("{}:{}", host, port);
}

json Header(const ProxyListener& proxy, std::string_view product) {
  return json{{"proxy", CommentText(proxy.name)},
              {"product", std::string(product)},
              {"certificate", CommentText(proxy.certificate)}};
}

// A backend the proxy connects to: one per (planned host, planned port, TLS).
struct Backend {
  std::string host;
  int port = 0;
  bool tls = true;
  std::string id;
};

std::vector<Backend> BackendsOf(std::span<const ProxyRule> rules, std::string_view prefix) {
  std::map<std::tuple<std::string, int, bool>, Backend> unique;
  for (const ProxyRule& r : rules) {
    auto key = std::make_tuple(r.backend_host, r.backend_port, r.tls_to_backend);
    if (unique.contains(key)) continue;
    unique[key] = Backend{r.backend_host, r.backend_port, r.tls_to_backend,
                          fmt::format("{}{}_{}{}", prefix, Identifier(r.backend_host),
                                      r.backend_port, r.tls_to_backend ? "_tls" : "")};
  }
  std::vector<Backend> out;
  for (auto& [key, backend] : unique) out.push_back(std::move(backend));
  return out;
}

std::string BackendId(const ProxyRule& r, std::string_view prefix) {
  return fmt::format("{}{}_{}{}", prefix, Identifier(r.backend_host), r.backend_port,
                     r.tls_to_backend ? "_tls" : "");
}

size_t NextPowerOfTwo(size_t n) {
  size_t p = 512;
  while (p < n) p *= 2;
  return p;
}

}  // namespace

json RulesJson(const ProxyRuleSet& set) {
  json rules = json::array();
  for (const ProxyRule& r : set.rules) {
    rules.push_back(json{{"proxy", r.proxy},
                         {"public_host", r.public_host.str()},
                         {"listen_port", r.listen_port},
                         {"backend_host", r.backend_host},
                         {"backend_port", r.backend_port},
                         {"path", r.path},
                         {"purpose", r.purpose},
                         {"pool", r.pool}});
  }
  return json{{"format_version", 1}, {"rules", std::move(rules)}};
}

json NginxView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
               const RenderOptions& options) {
  json view = Header(proxy, "nginx");
  view["cert_file"] = NginxQuote(options.CertFile(proxy.certificate, "crt"));
  view["key_file"] = NginxQuote(options.CertFile(proxy.certificate, "key"));
  view["backend_verify"] = options.backend_verify;
  view["backend_ca"] = NginxQuote(options.backend_ca);
  view["listen_https"] = ListenSpec(options.listen_address, options.listen_https, false);
  view["listen_http"] = ListenSpec(options.listen_address, options.listen_http, false);
  json runtime = json::array();
  if (!options.runtime_dir.empty()) {
    const std::string& dir = options.runtime_dir;
    runtime.push_back(json{{"access_log", NginxQuote(dir + "/access.log")},
                           {"client_body_temp", NginxQuote(dir + "/client_body")},
                           {"proxy_temp", NginxQuote(dir + "/proxy")}});
  }
  view["runtime"] = std::move(runtime);

  int timeout = kDefaultProxyTimeoutSeconds;
  size_t longest = 0;
  json upstreams = json::array();
  for (const Backend& b : BackendsOf(rules, "lync_")) {
    upstreams.push_back(
        json{{"name", b.id},
             {"server", HostPort(options.BackendAddress(b.host), options.BackendPort(b.port))},
             {"backend", CommentText(b.host)}});
  }
  json servers = json::array();
  bool has_https = false, has_http = false;
  for (const ProxyRule& r : rules) {
    timeout = r.timeout_seconds;
    longest = std::max(longest, r.public_host.str().size());
    has_https = has_https || r.listen_tls;
    has_http = has_http || !r.listen_tls;
    servers.push_back(json{
        {"host", NginxQuote(r.public_host.str())},
        {"host_comment", CommentText(r.public_host.str())},
        {"tls", r.listen_tls},
        {"own_certificate", r.listen_tls && r.certificate != proxy.certificate},
        {"cert_file", NginxQuote(options.CertFile(r.certificate, "crt"))},
        {"key_file", NginxQuote(options.CertFile(r.certificate, "key"))},
        {"listen", ListenSpec(options.listen_address, options.ListenPort(r.listen_port), false)},
        {"scheme", r.tls_to_backend ? "https" : "http"},
        {"upstream", BackendId(r, "lync_")},
        {"purpose", r.purpose},
        {"pool", CommentText(r.pool)},
        {"backend", CommentText(HostPort(r.backend_host, r.backend_port))}});
  }
  view["upstreams"] = std::move(upstreams);
  view["servers"] = std::move(servers);
  view["has_https"] = has_https;
  view["has_http"] = has_http;
  view["timeout_seconds"] = timeout;
  view["server_names_hash_max_size"] = NextPowerOfTwo(rules.size() * 2);
  view["server_names_hash_bucket_size"] = longest + 2 > 128 ? 256 : 128;
  return view;
}

json HaproxyView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
                 const RenderOptions& options) {
  json view = Header(proxy, "haproxy");
  // The listener's certificate first (HAProxy's default), then every split part, chosen by SNI.
  std::string crt_list = "crt " + HaproxyQuote(options.CertFile(proxy.certificate, "pem"));
  std::set<std::string> extra_certificates;
  for (const ProxyRule& r : rules) {
    if (r.listen_tls && r.certificate != proxy.certificate)
      extra_certificates.insert(r.certificate);
  }
  for (const std::string& id : extra_certificates) {
    crt_list += " crt " + HaproxyQuote(options.CertFile(id, "pem"));
  }
  view["pem_file"] = HaproxyQuote(options.CertFile(proxy.certificate, "pem"));
  view["crt_list"] = crt_list;
  view["backend_verify"] = options.backend_verify;
  view["backend_ca"] = HaproxyQuote(options.backend_ca);
  view["bind_https"] = ListenSpec(options.listen_address, options.listen_https, true);
  view["bind_http"] = ListenSpec(options.listen_address, options.listen_http, true);
  int timeout = kDefaultProxyTimeoutSeconds;
  json https_hosts = json::array(), http_hosts = json::array();
  for (const ProxyRule& r : rules) {
    timeout = r.timeout_seconds;
    json host{{"host", HaproxyQuote(r.public_host.str())},
              {"backend", BackendId(r, "bk_")},
              {"purpose", r.purpose}};
    (r.listen_tls ? https_hosts : http_hosts).push_back(std::move(host));
  }
  json backends = json::array();
  for (const Backend& b : BackendsOf(rules, "bk_")) {
    backends.push_back(
        json{{"name", b.id},
             {"server", HostPort(options.BackendAddress(b.host), options.BackendPort(b.port))},
             {"tls", b.tls},
             {"backend", CommentText(b.host)}});
  }
  view["has_https"] = !https_hosts.empty();
  view["has_http"] = !http_hosts.empty();
  view["https_hosts"] = std::move(https_hosts);
  view["http_hosts"] = std::move(http_hosts);
  view["backends"] = std::move(backends);
  view["timeout_seconds"] = timeout;
  return view;
}

json ArrView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
             const RenderOptions& options) {
  (void)options;  // ARR listens where IIS bindings say; backends are reached by name.
  json view = Header(proxy, "arr");
  // The header sits in an XML comment: names there must be comment-safe.
  view["proxy"] = XmlCommentText(proxy.name);
  view["certificate"] = XmlCommentText(proxy.certificate);
  view["certificate_ps"] = PsQuote(proxy.certificate);
  int timeout = kDefaultProxyTimeoutSeconds;
  // One farm per published FQDN (C.5 step 2); its rules are adjacent (sorted by host).
  json farms = json::array();
  for (size_t i = 0; i < rules.size();) {
    const ProxyRule& first = rules[i];
    // call 6: each farm's rule matches its own host exactly (anchored, case-insensitive).
    const std::string pattern = fmt::format("^{}$", RegexEscape(first.public_host.str()));
    json farm{{"name", XmlAttr(first.public_host.str())},
              {"name_ps", PsQuote(first.public_host.str())},
              {"address", XmlAttr(first.backend_host)},
              {"address_ps", PsQuote(first.backend_host)},
              {"host_pattern", XmlAttr(pattern)},
              {"host_pattern_ps", PsQuote(pattern)},
              {"purpose", first.purpose},
              {"pool", XmlAttr(first.pool)},
              {"has_https", false},
              {"has_http", false}};
    for (; i < rules.size() && rules[i].public_host == first.public_host; ++i) {
      const ProxyRule& r = rules[i];
      timeout = r.timeout_seconds;
      std::string rule =
          fmt::format("ARR_{}_loadbalance{}", r.public_host.str(), r.listen_tls ? "_SSL" : "");
      if (r.listen_tls) {
        farm["has_https"] = true;
        farm["https_port"] = r.backend_port;
        farm["ssl_rule"] = XmlAttr(rule);
        farm["ssl_rule_ps"] = PsQuote(rule);
      } else {
        farm["has_http"] = true;
        farm["http_port"] = r.backend_port;
        farm["http_rule"] = XmlAttr(rule);
        farm["http_rule_ps"] = PsQuote(rule);
      }
    }
    farms.push_back(std::move(farm));
  }
  view["farms"] = std::move(farms);
  view["timeout_seconds"] = timeout;
  view["timeout_timespan"] =
      fmt::format("{:02}:{:02}:{:02}", timeout / 3600, timeout / 60 % 60, timeout % 60);
  return view;
}

json TmgView(const ProxyListener& proxy, std::span<const ProxyRule> rules,
             const RenderOptions& options) {
  (void)options;  // TMG listens on its External network; ports are the planned 443/80.
  json view = Header(proxy, "tmg");
  view["listener_ps"] = PsQuote(fmt::format("Lync {} web listener", proxy.name));
  view["listener_md"] = CommentText(fmt::format("Lync {} web listener", proxy.name));
  view["certificate_ps"] = PsQuote(proxy.certificate);
  json addresses = json::array();
  for (const std::string& a : proxy.external_addresses) addresses.push_back(PsQuote(a));
  view["addresses"] = std::move(addresses);
  view["has_addresses"] = !proxy.external_addresses.empty();
  // One TMG rule per public host: a TMG listener matches by public name, so the 443 and 80
  // publications of one host are one rule with HTTPS and HTTP bridging.
  json tmg_rules = json::array();
  bool listen_https = false, listen_http = false;
  for (size_t i = 0; i < rules.size();) {
    const ProxyRule& first = rules[i];
    std::string name = fmt::format("Lync {} {}", first.purpose, first.public_host.str());
    json rule{{"name_ps", PsQuote(name)},
              {"name_md", CommentText(name)},
              {"public_host", first.public_host.str()},
              {"public_host_ps", PsQuote(first.public_host.str())},
              {"backend_host", CommentText(first.backend_host)},
              {"backend_host_ps", PsQuote(first.backend_host)},
              {"path_ps", PsQuote(first.path)},
              {"path", first.path},
              {"purpose", first.purpose},
              {"pool", CommentText(first.pool)},
              {"forward_host_header", first.forward_host_header ? "$true" : "$false"},
              {"link_translation", first.link_translation ? "$true" : "$false"},
              {"ssl_port", 0},
              {"http_port", 0}};
    int delegation = 0;  // fpcDelegationNonePassThrough: no delegation, client may authenticate
    bool tls = false, plain = false;
    for (; i < rules.size() && rules[i].public_host == first.public_host; ++i) {
      const ProxyRule& r = rules[i];
      if (r.listen_tls) {
        tls = true;
        rule["ssl_port"] = r.backend_port;
      } else {
        plain = true;
        rule["http_port"] = r.backend_port;
      }
      if (r.delegation == "none-client-cannot-authenticate") delegation = 1;
    }
    listen_https = listen_https || tls;
    listen_http = listen_http || plain;
    // PublishedServerType: 0 HTTP, 1 HTTPS (SSL to the server), 2 HTTP and HTTPS as received.
    rule["server_type"] = tls && plain ? 2 : (tls ? 1 : 0);
    rule["delegation"] = delegation;
    rule["delegation_text"] = delegation == 0
                                  ? "No delegation, but client may authenticate directly"
                                  : "No delegation, and client cannot authenticate directly";
    rule["has_https"] = tls;
    rule["has_http"] = plain;
    tmg_rules.push_back(std::move(rule));
  }
  view["rules"] = std::move(tmg_rules);
  view["listen_https"] = listen_https ? 443 : 0;
  view["listen_http"] = listen_http ? 80 : 0;
  view["timeout_seconds"] = rules.empty() ? kDefaultProxyTimeoutSeconds : rules[0].timeout_seconds;
  return view;
}

}  // namespace lynctopo::proxy
