#pragma once

// The text ldns gives a record's address or name, made without ldns's printf machinery where the
// text is plain (a third of reading 10,000 zone files went to it): an IPv4 / IPv6 address (ldns
// prints those with inet_ntop too), a name of letters, digits, '-', '_' and '*' (ldns escapes
// other bytes, so those, and every other kind of field, are left to ldns_rdf2str).

#include <string>

struct ldns_struct_rdf;

namespace lynctopo {

// Exactly ldns_rdf2str(rdf) ("" for nullptr).
std::string LdnsRdfText(const ldns_struct_rdf* rdf);

}  // namespace lynctopo
