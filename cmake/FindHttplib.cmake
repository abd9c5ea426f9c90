# cpp-httplib via pkg-config (cpp-httplib.pc), keeping its defines (OpenSSL, zlib, brotli
# support) so every user of httplib.h sees the same class layout. Defines Httplib::Httplib.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PC_HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Httplib REQUIRED_VARS PC_HTTPLIB_FOUND)
if(Httplib_FOUND AND NOT TARGET Httplib::Httplib)
  find_package(OpenSSL REQUIRED)
  add_library(Httplib::Httplib INTERFACE IMPORTED)
  target_link_libraries(Httplib::Httplib INTERFACE PkgConfig::PC_HTTPLIB OpenSSL::SSL OpenSSL::Crypto)
endif()
