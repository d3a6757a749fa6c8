#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "generators/check/ldns_text.hpp"

// Last: ldns pulls in C headers that redefine `bool` for C++ standard headers after them.
#include <ldns/ldns.h>

using namespace lynctopo;

namespace {

// ldns's own text of the field ldns parses from `text` as `type`, and ours.
void Same(ldns_rdf_type type, const char* text) {
  ldns_rdf* rdf = ldns_rdf_new_frm_str(type, text);
  REQUIRE(rdf);
  char* theirs = ldns_rdf2str(rdf);
  REQUIRE(theirs);
  INFO(text);
  CHECK(LdnsRdfText(rdf) == std::string(theirs));
  free(theirs);
  ldns_rdf_deep_free(rdf);
}

}  // namespace

TEST_CASE("A zone field's text is ldns's own, plain or not", "[check][proof]") {
  for (const char* name :
       {"www.contoso.com.", "WWW.Contoso.COM", "_sip._tls.contoso.com.", "*.contoso.com.", ".",
        "a-b.c_d.example.", "a\\.b.example.", "sp\\032ace.example.", "semi\\;colon.example.",
        "paren\\(.example.", "back\\\\slash.example.", "caf\\195\\169.example.",
        "x.y.z.w.v.u.t.s.r.q.p.o.n.m.l.k.j.i.h.g.f.e.d.c.b.a.example."}) {
    Same(LDNS_RDF_TYPE_DNAME, name);
  }
  for (const char* address : {"10.0.0.1", "0.0.0.0", "255.255.255.255", "131.107.155.30"})
    Same(LDNS_RDF_TYPE_A, address);
  for (const char* address : {"2001:db8::1", "::", "::1", "fe80::1:2:3:4", "2001:db8:0:0:1:0:0:1",
                              "::ffff:10.0.0.1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"})
    Same(LDNS_RDF_TYPE_AAAA, address);
  Same(LDNS_RDF_TYPE_INT16, "5061");  // every other kind is ldns's text itself
  CHECK(LdnsRdfText(nullptr).empty());
}
