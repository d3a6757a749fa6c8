// manifest.json and the hashes in it.
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "generators/output_writer.hpp"

namespace lynctopo {

namespace {

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    return {};
  }
  return Hex(digest, length);
}

Sha256Stream::Sha256Stream() : context_(EVP_MD_CTX_new()) {
  if (context_) EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(), nullptr);
}

Sha256Stream::~Sha256Stream() {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_));
}

void Sha256Stream::Add(std::string_view data) {
  if (context_) EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), data.data(), data.size());
}

std::string Sha256Stream::Hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!context_ || EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), digest, &length) != 1)
    return {};
  return lynctopo::Hex(digest, length);
}

std::vector<ManifestEntry> ManifestEntries(const OutputSet& outputs) {
  std::vector<ManifestEntry> entries;
  entries.reserve(outputs.size());
  for (const auto& [path, artifact] : outputs.artifacts()) {
    entries.push_back({path, artifact.generator, artifact.size,
                       artifact.spilled.empty() ? Sha256Hex(artifact.content) : artifact.sha256});
  }
  return entries;
}

std::string ManifestJson(const std::vector<ManifestEntry>& entries,
                         std::string_view generator_version) {
  // ordered_json keeps the documented field order.
  nlohmann::ordered_json artifacts = nlohmann::ordered_json::array();
  for (const ManifestEntry& entry : entries) {
    artifacts.push_back({{"path", entry.path},
                         {"generator", entry.generator},
                         {"size", entry.size},
                         {"sha256", entry.sha256}});
  }
  nlohmann::ordered_json manifest = {{"format_version", 1},
                                     {"generator_version", std::string(generator_version)},
                                     {"artifacts", std::move(artifacts)}};
  return manifest.dump(2) + "\n";
}

}  // namespace lynctopo
