#include "catalog/source_text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace cql::catalog {

Diagnostic io_problem(const std::string& path, const std::string& message) {
  Diagnostic d;
  d.kind = ErrorKind::Io;
  d.severity = Severity::Error;
  d.message = path + ": " + message;
  return d;
}

SourceRef read_source(const std::string& path, std::vector<Diagnostic>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back(io_problem(path, std::string("cannot read file: ") + std::strerror(errno)));
    return nullptr;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    problems.push_back(io_problem(path, std::string("cannot read file: ") + std::strerror(errno)));
    return nullptr;
  }
  return std::make_shared<const SourceFile>(path, std::move(text));
}

}  // namespace cql::catalog
