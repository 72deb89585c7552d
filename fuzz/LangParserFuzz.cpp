// Fuzz target: the command language's lexer and parser (lang/), with the real word classes.
// Neither may throw: every mistake is a diagnostic whose span lies inside the script, and
// rendering it (line, column, caret) must work for any bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/FuzzSupport.hpp"
#include "job/Resolver.hpp"
#include "lang/Lexer.hpp"
#include "lang/Parser.hpp"

namespace {

using geoclaim::fuzz::finding;
using geoclaim::lang::Diagnostic;

void check_diagnostics(const geoclaim::lang::SourceFile& file, const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags) {
    if (d.span.begin > d.span.end || d.span.end > file.text().size())
      finding("a diagnostic outside the script", d.message);
    if (d.message.empty()) finding("a diagnostic without a message");
    if (file.render(d.span, d.message).empty()) finding("a diagnostic that renders to nothing", d.message);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const geoclaim::lang::SourceFile file("fuzz.gcl", std::string(reinterpret_cast<const char*>(data), size));
  try {
    std::vector<Diagnostic> lex_errors;
    const auto tokens = geoclaim::lang::lex(file, lex_errors);
    for (const auto& t : tokens) {
      if (t.span.begin > t.span.end || t.span.end > size) finding("a token outside the script");
      if (geoclaim::lang::describe(t).empty()) finding("a token described as nothing");
    }
    check_diagnostics(file, lex_errors);

    std::vector<Diagnostic> errors;
    geoclaim::lang::parse(file, geoclaim::job::lexicon(), errors);
    check_diagnostics(file, errors);
  } catch (const std::exception& e) {
    finding("the lexer or parser threw", e.what());
  }
  return 0;
}
