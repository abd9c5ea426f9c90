// The Catch2 v2 runner; kept in its own file so the heavy main compiles once.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
