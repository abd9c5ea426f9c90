# Compiler options shared by every target: warnings, sanitizers, ccache.
find_program(CQL_CCACHE ccache)
if(CQL_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CQL_CCACHE})
endif()

function(cql_apply_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter
    # Designated initializers (`Reply{.line = ...}`) leave the other members at their defaults
    # on purpose; -Wextra would flag every one of them.
    -Wno-missing-field-initializers)
  # GCC 12 reports a false -Wrestrict overlap inside std::string's operator+ at -O2/-O3
  # (GCC bug 105329); the warning is noise there, so it is off for that compiler only.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CQL_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CQL_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
