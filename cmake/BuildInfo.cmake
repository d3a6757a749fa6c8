# What `lynctopo --version` reports. The git description is refreshed on every build (a
# custom target rewrites generated/build_info.hpp only when it changed, so only
# cli/version.cpp recompiles); the rest is known at configure time.
set(LYNCTOPO_BUILD_INFO_HPP ${CMAKE_BINARY_DIR}/generated/build_info.hpp)
add_custom_target(lynctopo_build_info
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUTPUT=${LYNCTOPO_BUILD_INFO_HPP}
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_SOURCE_DIR}/cmake/GitDescribe.cmake
  BYPRODUCTS ${LYNCTOPO_BUILD_INFO_HPP}
  COMMENT "Recording the git description for --version")
add_dependencies(lynctopo lynctopo_build_info)

# Mustache (kainjow, header only) has no version macro: ask the Debian package.
execute_process(COMMAND dpkg-query -W "-f=\${Version}" libkainjow-mustache-dev
  OUTPUT_VARIABLE LYNCTOPO_MUSTACHE_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT LYNCTOPO_MUSTACHE_VERSION)
  set(LYNCTOPO_MUSTACHE_VERSION "unknown")
endif()
set(build_type "${CMAKE_BUILD_TYPE}")
if(NOT build_type)
  set(build_type "none")
endif()
set_source_files_properties(${CMAKE_SOURCE_DIR}/cli/version.cpp PROPERTIES
  COMPILE_DEFINITIONS
    "LYNCTOPO_BUILD_TYPE=\"${build_type}\";LYNCTOPO_COMPILER=\"${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}\";LYNCTOPO_MUSTACHE_VERSION=\"${LYNCTOPO_MUSTACHE_VERSION}\""
  OBJECT_DEPENDS ${LYNCTOPO_BUILD_INFO_HPP})
target_include_directories(lynctopo PRIVATE ${CMAKE_BINARY_DIR}/generated)
