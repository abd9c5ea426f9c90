# RE2 via pkg-config (Debian 12 ships re2.pc, no CMake package). Defines RE2::RE2.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PC_RE2 QUIET IMPORTED_TARGET re2)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(RE2 REQUIRED_VARS PC_RE2_FOUND)
if(RE2_FOUND AND NOT TARGET RE2::RE2)
  add_library(RE2::RE2 INTERFACE IMPORTED)
  target_link_libraries(RE2::RE2 INTERFACE PkgConfig::PC_RE2)
endif()
