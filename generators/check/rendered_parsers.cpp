#include "generators/check/rendered_parsers.hpp"

#include <cctype>

namespace lynctopo::rendered {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits into lines without their end-of-line characters.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<std::string> SingleQuotedLiterals(std::string_view line) {
  std::vector<std::string> literals;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '#') break;  // a comment to the end of the line
    if (line[i] == '"') {       // skip double-quoted strings: they interpolate, we emit none
      size_t end = line.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (line[i] != '\'') {
      ++i;
      continue;
    }
    std::string literal;
    ++i;
    while (i < line.size()) {
      if (line[i] == '\'') {
        if (i + 1 < line.size() && line[i + 1] == '\'') {
          literal += '\'';
          i += 2;
          continue;
        }
        break;
      }
      literal += line[i++];
    }
    ++i;
    literals.push_back(std::move(literal));
  }
  return literals;
}

namespace {

// Length of the single quote at `at` (1 for ', 3 for a typographic one), 0 when none.
size_t QuoteAt(std::string_view text, size_t at) {
  if (text[at] == '\'') return 1;
  if (at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
      static_cast<unsigned char>(text[at + 1]) == 0x80 &&
      static_cast<unsigned char>(text[at + 2]) >= 0x98 &&
      static_cast<unsigned char>(text[at + 2]) <= 0x9B)
    return 3;
  return 0;
}

}  // namespace

std::vector<QuotedLine> SingleQuotedLines(std::string_view script) {
  std::vector<QuotedLine> lines;
  ForEachSingleQuotedLine(script, [&lines](QuotedLine& line) { lines.push_back(std::move(line)); });
  return lines;
}

void ForEachSingleQuotedLine(std::string_view script,
                             const std::function<void(QuotedLine&)>& each) {
  QuotedLine current;
  unsigned line = 1;
  current.line = 1;
  size_t i = 0;
  auto end_line = [&] {
    if (!current.literals.empty()) {
      if (!current.code.empty() && current.code.back() == '\r') current.code.pop_back();
      current.end = i;
      each(current);
    }
    current.literals.clear();
    current.code.clear();
    current.line = line;
  };
  while (i < script.size()) {
    char c = script[i];
    if (c == '\n') {
      ++line;
      ++i;
      end_line();
      continue;
    }
    if (c == '#') {  // a comment to the end of the line
      size_t end = script.find('\n', i);
      i = end == std::string_view::npos ? script.size() : end;
      continue;
    }
    if (c == '"') {  // double-quoted strings interpolate; the generators put no data in them
      size_t end = script.find('"', i + 1);
      if (end == std::string_view::npos) break;
      for (size_t k = i; k < end; ++k) line += script[k] == '\n';
      current.code.append(script.substr(i, end + 1 - i));
      i = end + 1;
      continue;
    }
    size_t quote = QuoteAt(script, i);
    if (quote == 0) {
      current.code += script[i++];
      continue;
    }
    current.code += "''";
    std::string literal;
    i += quote;
    while (i < script.size()) {
      size_t q = QuoteAt(script, i);
      if (q != 0) {
        size_t next = i + q < script.size() ? QuoteAt(script, i + q) : 0;
        if (next == 0) {
          i += q;
          break;
        }
        literal.append(script.substr(i, q));  // a doubled quote is one literal quote
        i += q + next;
        continue;
      }
      line += script[i] == '\n';
      literal += script[i++];
    }
    current.literals.push_back(std::move(literal));
  }
  end_line();
}

bool ParseNginx(std::string_view text, std::vector<NginxDirective>& out, std::string& error,
                unsigned& error_line) {
  std::vector<std::vector<NginxDirective>*> stack = {&out};
  NginxDirective current;
  unsigned line = 1;
  std::string word;
  bool in_word = false;
  auto end_word = [&] {
    if (in_word) {
      if (current.words.empty()) current.line = line;
      current.words.push_back(word);
    }
    word.clear();
    in_word = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (c == '#' && !in_word) {
      while (i < text.size() && text[i] != '\n') ++i;
      ++line;
      continue;
    }
    if (c == '"' || c == '\'') {
      size_t end = text.find(c, i + 1);
      if (end == std::string_view::npos) {
        error = "unterminated quote";
        error_line = line;
        return false;
      }
      for (size_t k = i + 1; k < end; ++k) line += text[k] == '\n';
      if (!in_word && current.words.empty()) current.line = line;
      word += std::string(text.substr(i + 1, end - i - 1));
      in_word = true;
      i = end;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      end_word();
    } else if (c == ';') {
      end_word();
      if (!current.words.empty()) stack.back()->push_back(std::move(current));
      current = {};
    } else if (c == '{') {
      end_word();
      stack.back()->push_back(std::move(current));
      current = {};
      stack.push_back(&stack.back()->back().block);
    } else if (c == '}') {
      end_word();
      if (stack.size() == 1) {
        error = "unbalanced '}'";
        error_line = line;
        return false;
      }
      stack.pop_back();
    } else {
      word += c;
      in_word = true;
    }
  }
  if (stack.size() != 1) {
    error = "unterminated block";
    error_line = line;
    return false;
  }
  return true;
}

std::vector<IniEntry> ParseIni(std::string_view text) {
  std::vector<IniEntry> entries;
  std::string section;
  unsigned number = 0;
  for (std::string_view raw : Lines(text)) {
    ++number;
    std::string_view line = Trim(raw.substr(0, raw.find('#')));
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    entries.push_back({section, std::string(Trim(line.substr(0, eq))),
                       std::string(Trim(line.substr(eq + 1))), number});
  }
  return entries;
}

void ForEachCsvRow(std::string_view text, const std::function<void(CsvRow&)>& each,
                   const std::function<void(size_t offset)>& passed) {
  CsvRow row;
  std::string field;
  unsigned line = 1;
  row.line = 1;
  bool quoted = false;
  bool any = false;
  auto end_row = [&](size_t offset) {
    row.fields.push_back(std::move(field));
    each(row);
    if (passed) passed(offset);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        line += c == '\n';
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) end_row(i + 1);
      field.clear();
      row.fields.clear();
      any = false;
      row.line = ++line;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) end_row(text.size());
}

std::vector<CsvRow> ParseCsv(std::string_view text) {
  std::vector<CsvRow> rows;
  ForEachCsvRow(text, [&rows](CsvRow& row) { rows.push_back(std::move(row)); });
  return rows;
}

std::vector<LdifRecord> ParseLdif(std::string_view text) {
  std::vector<LdifRecord> records;
  std::vector<std::pair<std::string, unsigned>> logical;  // continuation lines joined
  unsigned number = 0;
  for (std::string_view line : Lines(text)) {
    ++number;
    if (!line.empty() && line.front() == ' ' && !logical.empty()) {
      logical.back().first += std::string(line.substr(1));
    } else {
      logical.emplace_back(std::string(line), number);
    }
  }
  LdifRecord* current = nullptr;
  for (const auto& [line, at] : logical) {
    if (line.empty()) {
      current = nullptr;
      continue;
    }
    if (line.front() == '#' || line == "-") continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string attribute = line.substr(0, colon);
    std::string value(Trim(std::string_view(line).substr(colon + 1)));
    if (attribute == "dn") {
      records.push_back({value, at, {}});
      current = &records.back();
    } else if (current) {
      current->values.push_back({attribute, {value, at}});
    }
  }
  return records;
}

}  // namespace lynctopo::rendered
