#pragma once

// The two syntaxes of our topology format, each between text and the neutral tree.

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/formats/tree.hpp"

namespace lynctopo {

inline constexpr const char* kXmlNamespace = "urn:lynctopo:topology:1";

// nullopt after exactly one diagnostic (LT0101) when the text is not well-formed JSON.
std::optional<FormatNode> ParseJsonTree(std::string_view text, const std::string& path,
                                        Diagnostics& diagnostics);
// 2-space indent, members in tree order, LF, final newline.
std::string WriteJsonTree(const FormatNode& tree);

// nullopt after exactly one diagnostic (LT0102, LT0110) when the text is not well-formed XML
// or its root element is not our <topology>. Scalar members are untyped attribute text.
std::optional<FormatNode> ParseXmlTree(std::string_view text, const std::string& path,
                                       Diagnostics& diagnostics);
// Scalars as attributes, objects as child elements, lists as a wrapper element per field
// holding one element per item.
std::string WriteXmlTree(const FormatNode& tree);

}  // namespace lynctopo
