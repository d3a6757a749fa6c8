#include "generators/check/rendered_proxy.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include <pugixml.hpp>

#include "generators/check/rendered_parsers.hpp"
#include "model/fqdn.hpp"

namespace lynctopo::rendered {

namespace {

// HAProxy words: blanks separate them, single or double quotes group, '#' outside quotes
// starts a comment.
std::vector<std::string> HaproxyWords(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
      continue;
    }
    if (c == '#') break;
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    word += c;
    in_word = true;
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace

// nginx: server blocks (server_name, listen ... ssl, proxy_pass to an upstream or a host) and
// upstream blocks. Listen ports are options (proxy.listen_https / listen_http), so a block
// counts as TLS or plain, not by port number.
bool NginxRoutes(std::string_view text, std::vector<ServedRoute>& routes, std::string& error,
                 unsigned& error_line) {
  std::vector<NginxDirective> tree;
  if (!ParseNginx(text, tree, error, error_line)) return false;
  std::map<std::string, std::string> upstreams;  // name -> "host:port"
  std::vector<ServedRoute> blocks;               // backend is the proxy_pass target for now
  std::function<void(const std::vector<NginxDirective>&)> walk =
      [&](const std::vector<NginxDirective>& block) {
        for (const NginxDirective& d : block) {
          if (d.words.size() == 2 && d.words[0] == "upstream") {
            for (const NginxDirective& s : d.block) {
              if (s.words.size() >= 2 && s.words[0] == "server") upstreams[d.words[1]] = s.words[1];
            }
          } else if (d.words.size() == 1 && d.words[0] == "server") {
            bool tls = false;
            std::vector<std::string> hosts;
            std::string upstream;
            std::function<void(const std::vector<NginxDirective>&)> inner =
                [&](const std::vector<NginxDirective>& b) {
                  for (const NginxDirective& x : b) {
                    if (x.words.size() >= 2 && x.words[0] == "listen")
                      tls = std::find(x.words.begin(), x.words.end(), "ssl") != x.words.end();
                    if (x.words[0] == "server_name")
                      hosts.assign(x.words.begin() + 1, x.words.end());
                    if (x.words.size() >= 2 && x.words[0] == "proxy_pass") {
                      std::string target = x.words[1];
                      size_t scheme = target.find("://");
                      if (scheme != std::string::npos) target = target.substr(scheme + 3);
                      upstream = target.substr(0, target.find('/'));
                    }
                    inner(x.block);
                  }
                };
            inner(d.block);
            for (const std::string& host : hosts)
              blocks.push_back({ToLower(host), tls, upstream, d.line});
          } else {
            walk(d.block);
          }
        }
      };
  walk(tree);
  for (ServedRoute& route : blocks) {
    auto up = upstreams.find(route.backend);
    if (up != upstreams.end()) route.backend = up->second;
    routes.push_back(std::move(route));
  }
  return true;
}

bool HaproxyRoutes(std::string_view text, std::vector<ServedRoute>& out, std::string& error,
                   unsigned& error_line) {
  struct Use {
    std::string frontend, backend, host;
    unsigned line = 0;
  };
  std::vector<Use> uses;
  std::map<std::string, bool> frontend_tls;                 // frontend -> binds with ssl
  std::map<std::string, std::vector<std::string>> servers;  // backend -> host:port
  std::string section, name;
  unsigned number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    std::vector<std::string> words = HaproxyWords(line);
    if (!words.empty()) {
      const std::string& keyword = words[0];
      if (keyword == "global" || keyword == "defaults" || keyword == "frontend" ||
          keyword == "backend" || keyword == "listen" || keyword == "resolvers" ||
          keyword == "userlist" || keyword == "peers") {
        section = keyword;
        name = words.size() > 1 ? words[1] : "";
      } else if (section == "frontend" && keyword == "bind") {
        frontend_tls[name] =
            frontend_tls[name] || std::find(words.begin(), words.end(), "ssl") != words.end();
      } else if (section == "frontend" && keyword == "use_backend" && words.size() >= 2) {
        // use_backend B if { var(...) -m str 'h1' 'h2' }: every value after "-m str".
        auto str = std::find(words.begin(), words.end(), "str");
        for (auto it = str == words.end() ? str : str + 1; it != words.end() && *it != "}"; ++it)
          uses.push_back({name, words[1], ToLower(*it), number});
      } else if (section == "backend" && keyword == "server" && words.size() >= 3) {
        servers[name].push_back(ToLower(words[2]));
      }
    }
    if (end == text.size()) break;
  }
  for (const Use& use : uses) {
    auto found = servers.find(use.backend);
    if (found == servers.end() || found->second.empty()) {
      error = "use_backend names '" + use.backend + "', which has no backend section or server";
      error_line = use.line;
      return false;
    }
    for (const std::string& server : found->second)
      out.push_back({use.host, frontend_tls[use.frontend], server, use.line});
  }
  return true;
}

namespace {

// Line of a byte offset, 1-based.
class LineOf {
 public:
  explicit LineOf(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  unsigned operator()(ptrdiff_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<size_t>(offset));
    return static_cast<unsigned>(it - starts_.begin()) + 1;
  }

 private:
  std::vector<size_t> starts_;
};

// "^meet\.contoso\.com$" -> "meet.contoso.com"
std::string HostOfPattern(std::string pattern) {
  if (!pattern.empty() && pattern.front() == '^') pattern.erase(0, 1);
  if (!pattern.empty() && pattern.back() == '$') pattern.pop_back();
  std::string host;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
    host += pattern[i];
  }
  return ToLower(host);
}

}  // namespace

bool ArrRoutes(std::string_view text, std::vector<ServedRoute>& out, std::string& error,
               unsigned& error_line) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  LineOf line_of(text);
  if (!parsed) {
    error = std::string("XML does not parse: ") + parsed.description();
    error_line = line_of(parsed.offset);
    return false;
  }
  struct Farm {
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> servers;
  };
  std::map<std::string, Farm> farms;  // lower-case farm name
  for (pugi::xpath_node node : doc.select_nodes("//webFarms/webFarm")) {
    Farm& farm = farms[ToLower(node.node().attribute("name").value())];
    for (pugi::xml_node server : node.node().children("server")) {
      pugi::xml_node arr = server.child("applicationRequestRouting");
      farm.servers.push_back({ToLower(server.attribute("address").value()),
                              {arr.attribute("httpPort").as_string("80"),
                               arr.attribute("httpsPort").as_string("443")}});
    }
  }
  for (pugi::xpath_node node : doc.select_nodes("//rewrite/globalRules/rule")) {
    pugi::xml_node rule = node.node();
    std::string host;
    int https = -1;  // -1: either
    for (pugi::xml_node add : rule.child("conditions").children("add")) {
      std::string input = add.attribute("input").value();
      std::string pattern = ToLower(add.attribute("pattern").value());
      if (input == "{HTTP_HOST}") host = HostOfPattern(pattern);
      if (input == "{HTTPS}") https = pattern == "^on$" ? 1 : pattern == "^off$" ? 0 : -1;
    }
    std::string url = rule.child("action").attribute("url").value();
    size_t scheme = url.find("://");
    if (host.empty() || scheme == std::string::npos) continue;  // not a routing rule
    std::string farm_name = ToLower(url.substr(scheme + 3, url.find('/', scheme + 3) - scheme - 3));
    unsigned line = line_of(rule.offset_debug());
    auto farm = farms.find(farm_name);
    if (farm == farms.end() || farm->second.servers.empty()) {
      error = "rule '" + std::string(rule.attribute("name").value()) + "' rewrites to web farm '" +
              farm_name + "', which has no server";
      error_line = line;
      return false;
    }
    for (int tls = 0; tls <= 1; ++tls) {
      if (https != -1 && https != tls) continue;
      for (const auto& [address, ports] : farm->second.servers)
        out.push_back({host, tls == 1, address + ":" + (tls ? ports.second : ports.first), line});
    }
  }
  return true;
}

}  // namespace lynctopo::rendered
