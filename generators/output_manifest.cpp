// manifest.json and the hashes in it.
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "generators/output_writer.hpp"

namespace lynctopo {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string ManifestJson(const OutputSet& outputs, std::string_view generator_version) {
  // ordered_json keeps the documented field order; artifacts() is already sorted by path.
  nlohmann::ordered_json artifacts = nlohmann::ordered_json::array();
  for (const auto& [path, artifact] : outputs.artifacts()) {
    artifacts.push_back({{"path", path},
                         {"generator", artifact.generator},
                         {"size", artifact.content.size()},
                         {"sha256", Sha256Hex(artifact.content)}});
  }
  nlohmann::ordered_json manifest = {{"format_version", 1},
                                     {"generator_version", std::string(generator_version)},
                                     {"artifacts", std::move(artifacts)}};
  return manifest.dump(2) + "\n";
}

}  // namespace lynctopo
