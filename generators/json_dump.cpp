#include "generators/json_dump.hpp"

namespace lynctopo {

namespace {

// dump(2) of a value nested `indent` spaces deep: every line after the first is shifted. A
// dumped string never holds a raw newline (dump escapes it), so every '\n' is a line break.
void AppendIndented(const std::string& text, size_t indent, std::string& out) {
  const std::string pad(indent, ' ');
  out += pad;
  size_t from = 0;
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', from)) {
    out.append(text, from, at + 1 - from);
    out += pad;
    from = at + 1;
  }
  out.append(text, from, std::string::npos);
}

// Large enough that a spill file is written in few system calls, small beside the artifact.
constexpr size_t kPieceBytes = size_t{1} << 20;

}  // namespace

bool DumpWithArrayTo(nlohmann::json document, const std::string& key, size_t count,
                     const std::function<nlohmann::json(size_t)>& item, std::string_view trailer,
                     const JsonTextSink& sink) {
  document[key] = nlohmann::json::array();
  std::string skeleton = document.dump(2);
  if (count == 0) return sink(skeleton) && (trailer.empty() || sink(trailer));
  // The member is at the top level: two spaces in, after a line break.
  const std::string member = "\n  " + nlohmann::json(key).dump() + ": [";
  size_t at = skeleton.find(member + "]");
  size_t open = at + member.size();
  std::string out(skeleton, 0, open);
  for (size_t i = 0; i < count; ++i) {
    out += i ? ",\n" : "\n";
    AppendIndented(item(i).dump(2), 4, out);
    if (out.size() >= kPieceBytes) {
      if (!sink(out)) return false;
      out.clear();
    }
  }
  out += "\n  ";
  out.append(skeleton, open, std::string::npos);
  out += trailer;
  return sink(out);
}

std::string DumpWithArray(nlohmann::json document, const std::string& key, size_t count,
                          const std::function<nlohmann::json(size_t)>& item) {
  std::string text;
  DumpWithArrayTo(std::move(document), key, count, item, "", AppendTo(text));
  return text;
}

JsonTextSink AppendTo(std::string& text) {
  return [&text](std::string_view piece) {
    text += piece;
    return true;
  };
}

}  // namespace lynctopo
