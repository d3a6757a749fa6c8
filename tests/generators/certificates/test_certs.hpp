#pragma once

// Makes throwaway certificates with the OpenSSL API for the `certs check` tests: a CA and
// leaves with or without CDP, EKU, SANs, of various key sizes, signatures and validity.

#include <ctime>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "generators/certificates/cert_check.hpp"

namespace lynctopo::testing {

struct PkeyDeleter {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

inline PkeyPtr RsaKey(int bits) {
  return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)));
}

inline PkeyPtr EcKey(const char* curve) {
  return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve));
}

// RSA key generation is slow: each kind of leaf key is made once per test run.
inline EVP_PKEY* CachedKey(int rsa_bits, const char* ec_curve) {
  static std::map<std::string, PkeyPtr> cache;
  std::string name = ec_curve ? ec_curve : "rsa" + std::to_string(rsa_bits);
  auto it = cache.find(name);
  if (it == cache.end()) {
    it = cache.emplace(name, ec_curve ? EcKey(ec_curve) : RsaKey(rsa_bits)).first;
  }
  return it->second.get();
}

struct LeafSpec {
  std::string cn = "sip.contoso.com";
  std::vector<std::string> sans = {"sip.contoso.com"};
  int rsa_bits = 2048;
  const char* ec_curve = nullptr;  // set: an EC key instead of RSA
  bool cdp = true;
  bool server_eku = true;
  bool pss = false;
  const EVP_MD* md = EVP_sha256();
  long not_before_days = -1;  // relative to now
  long not_after_days = 365;
  bool ca = false;
};

class TestCa {
 public:
  TestCa() : key_(RsaKey(2048)) {
    cert_.reset(X509_new());
    Fill(cert_.get(), "lynctopo test CA", -1, 3650);
    X509_set_issuer_name(cert_.get(), X509_get_subject_name(cert_.get()));
    X509_set_pubkey(cert_.get(), key_.get());
    Extension(cert_.get(), cert_.get(), NID_basic_constraints, "critical,CA:TRUE");
    Extension(cert_.get(), cert_.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    X509_sign(cert_.get(), key_.get(), EVP_sha256());
  }

  X509* cert() const { return cert_.get(); }

  X509Ptr Issue(const LeafSpec& spec) const {
    X509Ptr leaf(X509_new());
    Fill(leaf.get(), spec.cn, spec.not_before_days, spec.not_after_days);
    X509_set_issuer_name(leaf.get(), X509_get_subject_name(cert_.get()));
    X509_set_pubkey(leaf.get(), CachedKey(spec.rsa_bits, spec.ec_curve));
    Extension(leaf.get(), cert_.get(), NID_basic_constraints,
              spec.ca ? "critical,CA:TRUE" : "CA:FALSE");
    if (!spec.sans.empty()) {
      std::string value;
      for (const std::string& san : spec.sans) value += (value.empty() ? "DNS:" : ",DNS:") + san;
      Extension(leaf.get(), cert_.get(), NID_subject_alt_name, value);
    }
    if (spec.server_eku) {
      Extension(leaf.get(), cert_.get(), NID_ext_key_usage, "serverAuth,clientAuth");
    } else {
      Extension(leaf.get(), cert_.get(), NID_ext_key_usage, "clientAuth");
    }
    if (spec.cdp) {
      Extension(leaf.get(), cert_.get(), NID_crl_distribution_points,
                "URI:http://pki.contoso.com/crl/ca.crl");
    }
    if (spec.pss) {
      EVP_MD_CTX* ctx = EVP_MD_CTX_new();
      EVP_PKEY_CTX* pctx = nullptr;
      EVP_DigestSignInit(ctx, &pctx, spec.md, nullptr, key_.get());
      EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
      X509_sign_ctx(leaf.get(), ctx);
      EVP_MD_CTX_free(ctx);
    } else {
      X509_sign(leaf.get(), key_.get(), spec.md);
    }
    return leaf;
  }

  LoadedCertificate Leaf(const LeafSpec& spec) const {
    return LoadedCertificate{"test.pem", Issue(spec), true};
  }

  static std::string Pem(X509* x) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, x);
    char* data = nullptr;
    long length = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<size_t>(length));
    BIO_free(bio);
    return out;
  }

 private:
  static void Fill(X509* x, const std::string& cn, long not_before_days, long not_after_days) {
    X509_set_version(x, 2);
    static long serial = 1;
    ASN1_INTEGER_set(X509_get_serialNumber(x), ++serial);
    X509_gmtime_adj(X509_getm_notBefore(x), not_before_days * 86400);
    X509_gmtime_adj(X509_getm_notAfter(x), not_after_days * 86400);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  }

  static void Extension(X509* x, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, x, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext) throw std::runtime_error("cannot make extension " + value);
    X509_add_ext(x, ext, -1);
    X509_EXTENSION_free(ext);
  }

  PkeyPtr key_;
  X509Ptr cert_;
};

}  // namespace lynctopo::testing
