# libedit via pkg-config (libedit.pc). Defines LibEdit::LibEdit; the readline-compatible
# header is <editline/readline.h>.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PC_LIBEDIT QUIET IMPORTED_TARGET libedit)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibEdit REQUIRED_VARS PC_LIBEDIT_FOUND)
if(LibEdit_FOUND AND NOT TARGET LibEdit::LibEdit)
  add_library(LibEdit::LibEdit INTERFACE IMPORTED)
  target_link_libraries(LibEdit::LibEdit INTERFACE PkgConfig::PC_LIBEDIT)
endif()
