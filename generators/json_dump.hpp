#pragma once

// A JSON artifact whose one big array is dumped an item at a time: the same bytes as building
// the whole document and calling dump(2), without holding the tree of every item at once
// (certificates.json of 10,000 servers was a tree of several hundred MB), nor, streamed, the
// text of every item at once.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lynctopo {

// `document` (an object) with member `key` set to the `count` items `item(i)` builds, as
// document.dump(2) prints it. `item` is called once per index, in order.
std::string DumpWithArray(nlohmann::json document, const std::string& key, size_t count,
                          const std::function<nlohmann::json(size_t)>& item);

// The same text followed by `trailer`, sent to `sink` in pieces of about a megabyte; false as
// soon as the sink refuses one. What the generators write their JSON artifacts with.
using JsonTextSink = std::function<bool(std::string_view piece)>;
bool DumpWithArrayTo(nlohmann::json document, const std::string& key, size_t count,
                     const std::function<nlohmann::json(size_t)>& item, std::string_view trailer,
                     const JsonTextSink& sink);

// A sink that appends every piece to `text` (for the callers that want the whole text).
JsonTextSink AppendTo(std::string& text);

}  // namespace lynctopo
