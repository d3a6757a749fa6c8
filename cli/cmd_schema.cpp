#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "model/embedded_schemas.hpp"

namespace lynctopo::cli {

void SetupSchema(CLI::App& app, CliState& state) {
  auto kind = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("schema", "Print the schema of our topology format (JSON Schema or XSD)");
  cmd->add_option("kind", *kind, "json (JSON Schema draft 2020-12) or xsd")
      ->required()
      ->check(CLI::IsMember({"json", "xsd"}));
  cmd->footer(
      "Example:\n"
      "  lynctopo schema xsd > lynctopo.xsd && xmllint --noout --schema lynctopo.xsd my.xml\n"
      "  lynctopo schema json > lynctopo.schema.json");
  cmd->callback([kind, &state] {
    std::string_view schema =
        EmbeddedSchema(*kind == "json" ? "lynctopo.schema.json" : "lynctopo.xsd");
    if (schema.empty()) {
      std::cerr << "lynctopo schema: this build has no " << *kind << " schema\n";
      state.exit_code = kExitFailure;
      return;
    }
    std::cout << schema;
    state.exit_code = std::cout.flush() ? kExitOk : kExitFailure;
  });
}

}  // namespace lynctopo::cli
