#pragma once
// Whether a result equals an expected value of the conformance cases and the benchmark
// workload (JSON form of spec/cli.md): numbers compare numerically (int 3 == double 3.0,
// relative tolerance 1e-9, NaN only equals NaN), booleans never equal numbers, objects ignore
// key order. Shared by tests/conformance and bench/cql_bench.cpp.
#include <algorithm>
#include <cmath>

namespace cql::testing {

template <typename Json>
bool json_same(const Json& expected, const Json& actual) {
  if (expected.is_boolean() || actual.is_boolean()) return expected.is_boolean() && actual.is_boolean() && expected == actual;
  if (expected.is_number() && actual.is_number()) {
    const double e = expected.template get<double>(), a = actual.template get<double>();
    if (std::isnan(e)) return std::isnan(a);
    return std::fabs(e - a) <= 1e-9 * std::max(std::fabs(e), std::fabs(a));
  }
  if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) return false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!json_same(expected[i], actual[i])) return false;
    }
    return true;
  }
  if (expected.is_object() && actual.is_object()) {
    if (expected.size() != actual.size()) return false;
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key) || !json_same(value, actual.at(key))) return false;
    }
    return true;
  }
  if (expected.is_null() || actual.is_null()) return expected.is_null() && actual.is_null();
  return expected.type() == actual.type() && expected == actual;
}

}  // namespace cql::testing
