// JsonTemplate must render exactly what kainjow's own renderer rendered from the converted
// view (the path it replaced): compared here on the whitespace and truthiness corners.

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>

#include "generators/json_template.hpp"

using lynctopo::JsonTemplate;
using nlohmann::json;
namespace mustache = kainjow::mustache;

namespace {

// The conversion TemplateStore used before JsonTemplate (numbers as JSON text, null false).
mustache::data Convert(const json& value) {
  switch (value.type()) {
    case json::value_t::object: {
      mustache::data object(mustache::data::type::object);
      for (const auto& [key, item] : value.items()) object[key] = Convert(item);
      return object;
    }
    case json::value_t::array: {
      mustache::data list(mustache::data::type::list);
      for (const auto& item : value) list.push_back(Convert(item));
      return list;
    }
    case json::value_t::string:
      return mustache::data(value.get<std::string>());
    case json::value_t::boolean:
      return mustache::data(value.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return mustache::data(value.dump());
    default:
      return mustache::data(false);
  }
}

const std::map<std::string, std::string> kPartials = {
    {"line", "- {{name}}\n"},
    {"inline", "{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}"},
};

std::string WithKainjow(const std::string& source, const json& view) {
  mustache::data data = Convert(view);
  for (const auto& [name, text] : kPartials) data[name] = mustache::data(text);
  mustache::mustache tmpl{source};
  tmpl.set_custom_escape([](const std::string& text) { return text; });
  REQUIRE(tmpl.is_valid());
  return tmpl.render(data);
}

std::string WithJsonTemplate(const std::string& source, const lynctopo::TemplateView& view) {
  std::map<std::string, JsonTemplate> parsed;
  for (const auto& [name, text] : kPartials) parsed.emplace(name, JsonTemplate(text));
  JsonTemplate tmpl(source);
  REQUIRE(tmpl.valid());
  std::string error;
  auto text = tmpl.Render(
      view,
      [&parsed](const std::string& name) -> const JsonTemplate* {
        auto found = parsed.find(name);
        return found == parsed.end() ? nullptr : &found->second;
      },
      error);
  REQUIRE(text);
  return *text;
}

json TestView() {
  return {
      {"name", "top"},
      {"count", 3},
      {"ratio", 0.25},
      {"big", 18446744073709551615u},
      {"on", true},
      {"off", false},
      {"none", nullptr},
      {"blank", ""},
      {"empty", json::array()},
      {"nested", {{"inner", {{"value", "deep"}}}}},
      {"items", json::array({{{"name", "a"}, {"flag", true}, {"tags", json::array({"x", "y"})}},
                             {{"name", "b"}, {"flag", false}, {"tags", json::array()}},
                             {{"name", "c"}, {"count", 7}}})},
      {"strings", json::array({"p", "q"})},
  };
}

// Each exercises a corner of the line buffer, the lookup or the truthiness.
const std::vector<std::string>& TestSources() {
  static const std::vector<std::string> sources = {
      "{{name}} {{count}} {{ratio}} {{big}} {{{name}}} {{&name}} {{on}} {{off}} {{none}}|",
      "{{#on}}on{{/on}}{{^off}}off{{/off}}{{#none}}n{{/none}}{{^none}}!n{{/none}}"
      "{{#blank}}[{{.}}]{{/blank}}{{#empty}}e{{/empty}}{{^empty}}!e{{/empty}}\n",
      "{{nested.inner.value}} {{nested.missing.value}} {{#nested}}{{inner.value}}{{/nested}}\n",
      // Standalone section lines vanish; a line with text beside the tag stays.
      "head\n{{#items}}\n  {{name}}: {{count}}\n{{/items}}\ntail\n",
      "{{#items}}  {{#flag}}\n{{name}} flagged\n  {{/flag}}\n{{/items}}\n",
      "x {{#items}}{{name}},{{/items}} y\n{{#empty}}\n{{/empty}}\n  {{^empty}}  \n{{/empty}}\n",
      "{{#items}}{{#tags}}{{.}}{{/tags}}{{^tags}}-{{/tags}};{{/items}}\n",
      "{{#strings}}\n{{.}}\n{{/strings}}\n{{! a comment }}\n{{! standalone }}\nend",
      // Partials share the caller's line buffer and context.
      "{{#items}}\n{{> line}}\n{{/items}}\n{{#items}}{{> inline}} {{/items}}\n{{> missing}}|",
      "{{=<% %>=}}<% name %> <%#on%>on<%/on%>\n<%={{ }}=%>{{count}}\r\nwin\r\n",
      "{{#count}}{{.}}{{/count}}{{#ratio}}r{{/ratio}}{{#name}}{{.}}{{/name}}\n\n\n",
  };
  return sources;
}

}  // namespace

TEST_CASE("JsonTemplate renders what kainjow rendered from the converted view",
          "[generators][templates]") {
  const json view = TestView();
  for (const std::string& source : TestSources()) {
    INFO(source);
    CHECK(WithJsonTemplate(source, lynctopo::TemplateView(view)) == WithKainjow(source, view));
  }
}

namespace {

// `value` with each list of objects (and, at the top, every list) made lazy, recursively.
lynctopo::TemplateView Lazy(const json& value, size_t& built, bool top) {
  lynctopo::TemplateView view(json::object());
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string& key = it.key();
    const json member = it.value();  // a copy a lambda can capture (not a structured binding)
    bool objects = member.is_array() && !member.empty() && member[0].is_object();
    if (member.is_array() && (top || objects)) {
      view.lists[key] = {member.size(), [member, &built](size_t i) {
                           ++built;
                           return member[i].is_object() ? Lazy(member[i], built, false)
                                                        : lynctopo::TemplateView(member[i]);
                         }};
    } else {
      view.root[key] = member;
    }
  }
  return view;
}

}  // namespace

TEST_CASE("JsonTemplate renders a lazy list as the list it stands for", "[generators][templates]") {
  json view = TestView();
  // A lazy list inside a lazy item.
  view["items"][0]["parts"] = json::array({{{"name", "a1"}}, {{"name", "a2"}, {"flag", false}}});
  size_t built = 0;
  const lynctopo::TemplateView lazy = Lazy(view, built, true);
  CHECK(lazy.Materialized() == view);
  std::vector<std::string> sources = TestSources();
  sources.push_back("{{items}}{{items.name}}{{#items.0}}x{{/items.0}}{{^items.0}}y{{/items.0}}|");
  sources.push_back("{{#nested}}{{#items}}{{name}}{{inner.value}}{{/items}}{{/nested}}\n");
  sources.push_back(
      "{{#items}}{{#parts}}{{name}}/{{flag}}{{count}}{{#tags}}{{.}}{{/tags}};"
      "{{/parts}}{{^parts}}none{{/parts}}{{parts.name}}|{{/items}}\n");
  for (const std::string& source : sources) {
    INFO(source);
    CHECK(WithJsonTemplate(source, lazy) == WithJsonTemplate(source, lynctopo::TemplateView(view)));
  }
  // Built while iterated only: {{items}} and the dotted names build nothing.
  built = 0;
  WithJsonTemplate("{{items}}{{items.name}}{{#items}}{{name}}{{/items}}", lazy);
  CHECK(built == view["items"].size());
}

TEST_CASE("JsonTemplate sends the same text to a sink, a megabyte of whole lines at a time",
          "[generators][templates]") {
  json view = TestView();
  json many = json::array();
  for (int i = 0; i < 40000; ++i) many.push_back({{"name", std::string(40, 'a' + i % 26)}});
  view["items"] = many;
  JsonTemplate tmpl("head\n{{#items}}\n{{name}} {{count}}\n{{/items}}\ntail {{name}}");
  REQUIRE(tmpl.valid());
  auto no_partials = [](const std::string&) -> const JsonTemplate* { return nullptr; };
  std::string error;
  std::optional<std::string> whole = tmpl.Render(view, no_partials, error);
  REQUIRE(whole);
  std::vector<std::string> pieces;
  REQUIRE(tmpl.RenderTo(
      view, no_partials,
      [&](std::string_view piece) {
        pieces.emplace_back(piece);
        return true;
      },
      error));
  REQUIRE(pieces.size() > 1);
  std::string joined;
  for (const std::string& piece : pieces) {
    CHECK(piece.size() <= (1u << 20) + 64);
    joined += piece;
  }
  for (size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].back() == '\n');
  CHECK(joined == *whole);
  // A sink that fails stops the rendering.
  size_t calls = 0;
  CHECK_FALSE(tmpl.RenderTo(
      view, no_partials,
      [&](std::string_view) {
        ++calls;
        return false;
      },
      error));
  CHECK(calls == 1);
  CHECK_FALSE(error.empty());
}

TEST_CASE("JsonTemplate reports kainjow's syntax errors", "[generators][templates]") {
  JsonTemplate broken("a {{#open}} b");
  CHECK_FALSE(broken.valid());
  mustache::mustache reference{std::string("a {{#open}} b")};
  CHECK(broken.error() == reference.error_message());
}

TEST_CASE(
    "JsonTemplate asks a lazy list's direct writer only for a built-in template's own "
    "sections that start a line",
    "[generators][templates]") {
  // Items render as "<n>\n" through the view and "direct <n>\n" through the writer, so the
  // output shows which path each section took.
  std::vector<std::pair<std::string, size_t>> asked;
  lynctopo::TemplateView view;
  view.lists["items"] = {
      2,
      [](size_t i) {
        return lynctopo::TemplateView(json{{"n", i}});
      },
      [&asked](std::string_view name, size_t occurrence) -> lynctopo::DirectItemWriter {
        asked.emplace_back(std::string(name), occurrence);
        if (occurrence != 1) return {};  // only the second section has a writer
        return [](size_t i, std::string& out) { out += "direct " + std::to_string(i) + "\n"; };
      }};
  const std::string source =
      "{{#items}}\n{{n}}\n{{/items}}\n{{#items}}\n{{n}}\n{{/items}}\nx {{#items}}\n{{n}}\n"
      "{{/items}}\n{{> part}}";
  const JsonTemplate partial("{{#items}}\n{{n}}\n{{/items}}\n");
  const JsonTemplate::PartialLookup partials = [&partial](const std::string& name) {
    return name == "part" ? &partial : nullptr;
  };
  std::string error;

  const JsonTemplate built_in(source, "t.mustache");
  std::optional<std::string> text = built_in.Render(view, partials, error);
  REQUIRE(text);
  // Sections 0 and 1 start a line and are asked; section 2 follows "x " and the partial's is
  // not the built-in's own text: neither is asked.
  CHECK(*text == "0\n1\ndirect 0\ndirect 1\nx \n0\n1\n0\n1\n");
  CHECK(asked == std::vector<std::pair<std::string, size_t>>{{"t.mustache", 0}, {"t.mustache", 1}});

  // The same text as an override: no writer is asked, every section renders from the view.
  asked.clear();
  const JsonTemplate overridden(source);
  text = overridden.Render(view, partials, error);
  REQUIRE(text);
  CHECK(*text == "0\n1\n0\n1\nx \n0\n1\n0\n1\n");
  CHECK(asked.empty());
}
