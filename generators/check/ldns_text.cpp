#include "generators/check/ldns_text.hpp"

#include <arpa/inet.h>

#include <cstdint>
#include <cstdlib>
#include <string>

// Last: ldns pulls in C headers that redefine `bool` for C++ standard headers after them.
#include <ldns/ldns.h>

namespace lynctopo {

namespace {

std::string Ldns(const ldns_rdf* rdf) {
  char* text = ldns_rdf2str(rdf);
  std::string out = text ? text : "";
  free(text);
  return out;
}

}  // namespace

std::string LdnsRdfText(const ldns_struct_rdf* rdf) {
  if (!rdf) return "";
  const uint8_t* data = ldns_rdf_data(rdf);
  const size_t size = ldns_rdf_size(rdf);
  char address[INET6_ADDRSTRLEN];
  switch (ldns_rdf_get_type(rdf)) {
    case LDNS_RDF_TYPE_A:
      if (size == 4 && inet_ntop(AF_INET, data, address, sizeof address)) return address;
      break;
    case LDNS_RDF_TYPE_AAAA:
      if (size == 16 && inet_ntop(AF_INET6, data, address, sizeof address)) return address;
      break;
    case LDNS_RDF_TYPE_DNAME: {
      std::string text;
      size_t at = 0;
      while (at < size && data[at] != 0) {
        size_t length = data[at++];
        if (at + length > size) return Ldns(rdf);
        for (size_t i = at; i < at + length; ++i) {
          char c = static_cast<char>(data[i]);
          bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '*';
          if (!plain) return Ldns(rdf);
          text += c;
        }
        text += '.';
        at += length;
      }
      return text.empty() ? std::string(".") : text;
    }
    default:
      break;
  }
  return Ldns(rdf);
}

}  // namespace lynctopo
