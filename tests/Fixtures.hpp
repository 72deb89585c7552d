#pragma once
// Fixtures read from testdata/ through io/ (GDAL), for the tests of modules that take layers.
#include "io/OgrSource.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim::test {

/// Reads a fixture from testdata/ through GDAL, failing the test on warnings.
inline Layer load_fixture(const std::string& relative, const std::string& name = "fixture") {
  io::OgrSource source;
  LoadOptions o;
  o.name = name;
  o.path = source_path(relative);
  return source.load(o, {});
}

}  // namespace geoclaim::test
