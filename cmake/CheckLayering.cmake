# Fails when a folder includes a layer above it (see the README's Layout section):
# model/ includes neither generators/ nor cli/; generators/ does not include cli/.
# Run by ctest as layout.include_layering: cmake -DSOURCE_DIR=<repo> -P CheckLayering.cmake
set(violations "")
function(check_layer folder forbidden_regex)
  file(GLOB_RECURSE sources "${SOURCE_DIR}/${folder}/*.cpp" "${SOURCE_DIR}/${folder}/*.hpp")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<](${forbidden_regex})")
    foreach(line IN LISTS lines)
      file(RELATIVE_PATH relative "${SOURCE_DIR}" "${source}")
      string(STRIP "${line}" line)
      list(APPEND violations "${relative}: ${line}")
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

check_layer(model "generators/|cli/")
check_layer(generators "cli/")

if(violations)
  list(JOIN violations "\n  " report)
  message(FATAL_ERROR "layering: a folder includes a layer above it:\n  ${report}")
endif()
message(STATUS "layering: model/ and generators/ include only what they may")
