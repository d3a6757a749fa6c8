#pragma once

// The byte-level checks every input document passes once, before it is parsed: characters no
// topology string may hold, however they are written. Raw control characters (C0 but tab, line
// feed and carriage return; DEL; C1), surrogates encoded in UTF-8, JSON \u escapes and XML
// character references to the same, and (XML) a DOCTYPE. Each finding is a positioned error
// with its own code; a document with any is not read further.

#include <string>
#include <string_view>

#include "model/diagnostics.hpp"

namespace lynctopo {

enum class TextSyntax { kJson, kXml };

// `text` is valid UTF-8 (without a byte order mark). False when it holds anything refused.
bool CheckTextSafety(std::string_view text, TextSyntax syntax, const std::string& path,
                     Diagnostics& diagnostics);

// `text` with every control character (C0, DEL, C1) written as \xHH, for a terminal.
std::string EscapeControlCharacters(std::string_view text);

}  // namespace lynctopo
