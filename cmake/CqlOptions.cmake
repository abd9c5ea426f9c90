# Compiler options shared by every target: warnings, sanitizers, ccache.
find_program(CQL_CCACHE ccache)
if(CQL_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CQL_CCACHE})
endif()

function(cql_apply_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
  if(CQL_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CQL_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
