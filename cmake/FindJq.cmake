# libjq 1.6 ships neither a CMake package nor a .pc file on Debian 12: plain find_path/find_library.
# Defines Jq::Jq (libjq links oniguruma itself).
find_path(JQ_INCLUDE_DIR jq.h)
find_library(JQ_LIBRARY NAMES jq)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Jq REQUIRED_VARS JQ_LIBRARY JQ_INCLUDE_DIR)
if(Jq_FOUND AND NOT TARGET Jq::Jq)
  add_library(Jq::Jq UNKNOWN IMPORTED)
  set_target_properties(Jq::Jq PROPERTIES IMPORTED_LOCATION "${JQ_LIBRARY}"
                                           INTERFACE_INCLUDE_DIRECTORIES "${JQ_INCLUDE_DIR}")
endif()
mark_as_advanced(JQ_INCLUDE_DIR JQ_LIBRARY)
