// Every ```gcl block in the docs and the README is a job the parser accepts (jq's manual
// tests in spirit): examples that no longer parse are a bug in the docs or in the language.
#include <gtest/gtest.h>

#include "lang/Parser.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {

struct Block {
  std::string file;
  int line;  // of the opening fence
  std::string text;
};

std::vector<Block> gcl_blocks(const std::string& file) {
  std::vector<Block> out;
  std::istringstream in(test::read_file(test::source_path(file)));
  std::string line;
  int number = 0;
  Block* open = nullptr;
  while (std::getline(in, line)) {
    ++number;
    if (!open && line.rfind("```gcl", 0) == 0) {
      out.push_back({file, number, ""});
      open = &out.back();
    } else if (open && line.rfind("```", 0) == 0) {
      open = nullptr;
    } else if (open) {
      open->text += line + "\n";
    }
  }
  return out;
}

TEST(DocsExamples, EveryGclBlockParses) {
  int blocks = 0;
  for (const char* file : {"docs/language.md", "docs/cli.md", "docs/outputs.md", "README.md"}) {
    for (const Block& b : gcl_blocks(file)) {
      ++blocks;
      lang::SourceFile f(b.file + ":" + std::to_string(b.line), b.text);
      std::vector<lang::Diagnostic> errors;
      lang::parse(f, errors);
      for (const auto& d : errors) ADD_FAILURE() << f.render(d.span, d.message);
    }
  }
  EXPECT_GE(blocks, 10);  // the language reference is mostly examples
}

}  // namespace
}  // namespace geoclaim
