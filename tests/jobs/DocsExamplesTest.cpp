// Every ```gcl block in docs/*.md and README.md is a job the parser accepts and `geoclaim check`
// passes (jq's manual tests in spirit): examples that no longer parse or check are a bug in the
// docs or in the language. One test per file, so that test names stay put as the docs are
// edited; a failure names the block by file and line.
//
// Most blocks of docs/language.md are fragments that use the seed jobs' names (strikes, airport,
// ayyash, …). A block that neither loads nor places anything is such a fragment: it is checked
// after tests/jobs/docs-context.gcl, which defines those names, less the lines that define a
// name the fragment defines itself. A block that loads or places is a job of its own and is
// checked alone, so that an example job missing a `load` fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "app/Commands.hpp"
#include "job/Resolver.hpp"
#include "lang/Parser.hpp"
#include "tests/TestSupport.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

struct Block {
  std::string file;
  int line;  // of the opening fence
  std::string text;
  std::string where() const { return file + ":" + std::to_string(line); }
};

/// Examples that cannot pass `check` where the tests run, each with the one error it must give,
/// so that the entry goes once the example can pass. Keyed by the block's first line.
struct Illustrative {
  const char* first_line;
  const char* error;
};
const Illustrative kIllustrative[] = {
    // The reader's own table: the repository has no claims/ folder (testdata/claims-table/
    // holds a real one).
    {"check claims from \"claims/report-002.csv\"", "no such file 'claims/report-002.csv'"},
};

/// docs/*.md, sorted, and README.md.
std::vector<std::string> doc_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_path("docs")))
    if (e.path().extension() == ".md") out.push_back("docs/" + e.path().filename().string());
  std::sort(out.begin(), out.end());
  out.push_back("README.md");
  return out;
}

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

const Illustrative* illustrative(const Block& b) {
  const std::string first = b.text.substr(0, b.text.find('\n'));
  for (const Illustrative& i : kIllustrative)
    if (first == i.first_line) return &i;
  return nullptr;
}

lang::Script parse(const std::string& name, const std::string& text) {
  std::vector<lang::Diagnostic> errors;
  return lang::parse(lang::SourceFile(name, text), job::lexicon(), errors);
}

/// The name a statement defines (load, place, select), or "".
std::string defined_name(const lang::Statement& s) {
  if (const auto* l = std::get_if<lang::LoadStmt>(&s)) return l->name.text;
  if (const auto* p = std::get_if<lang::PlaceStmt>(&s)) return p->name.text;
  if (const auto* x = std::get_if<lang::SelectStmt>(&s)) return x->name.text;
  return "";
}

bool is_fragment(const lang::Script& script) {
  return std::none_of(script.statements.begin(), script.statements.end(), [](const lang::Statement& s) {
    return std::holds_alternative<lang::LoadStmt>(s) || std::holds_alternative<lang::PlaceStmt>(s);
  });
}

/// docs-context.gcl without the lines that define one of `names`.
std::string context_without(const std::set<std::string>& names) {
  std::istringstream in(test::read_file(test::source_path("tests/jobs/docs-context.gcl")));
  std::string out, line;
  while (std::getline(in, line)) {
    const lang::Script s = parse("docs-context.gcl", line);
    if (s.statements.size() == 1 && names.contains(defined_name(s.statements.front()))) continue;
    out += line + "\n";
  }
  return out;
}

/// The job that `check` sees for a block: the block itself, or a fragment after its context.
std::string checked_text(const Block& b) {
  const lang::Script script = parse(b.where(), b.text);
  if (!is_fragment(script)) return b.text;
  std::set<std::string> names;
  for (const auto& s : script.statements) names.insert(defined_name(s));
  return context_without(names) + b.text;
}

class DocFile : public ::testing::TestWithParam<std::string> {};

TEST_P(DocFile, EveryGclBlockParses) {
  for (const Block& b : gcl_blocks(GetParam())) {
    lang::SourceFile f(b.where(), b.text);
    std::vector<lang::Diagnostic> errors;
    lang::parse(f, job::lexicon(), errors);
    for (const auto& d : errors) ADD_FAILURE() << f.render(d.span, d.message);
  }
}

// Through app::check_job, as `geoclaim check` runs: names, types, files and CRSs, every input
// opened. Examples name files from the source root, the tests' working directory.
TEST_P(DocFile, EveryGclBlockChecks) {
  for (const Block& b : gcl_blocks(GetParam())) {
    const std::string text = checked_text(b);
    std::string stem = b.where();
    std::replace_if(
        stem.begin(), stem.end(), [](char c) { return c == '/' || c == ':'; }, '-');
    const fs::path job = test::scratch_path("docs-" + stem + ".gcl");
    std::ofstream(job, std::ios::binary) << text;
    std::ostringstream out, err;
    const int code = app::check_job(job.string(), out, err);
    fs::remove(job);
    const std::string shown = b.where() + (text == b.text ? "" : ", checked after tests/jobs/docs-context.gcl") +
                              ":\n" + text + "\n" + err.str();
    if (const Illustrative* i = illustrative(b)) {
      EXPECT_EQ(code, app::kDataError) << shown;
      EXPECT_NE(err.str().find(i->error), std::string::npos) << "expected '" << i->error << "': " << shown;
      EXPECT_NE(err.str().find("\n1 error\n"), std::string::npos) << "expected one error: " << shown;
      continue;
    }
    EXPECT_EQ(code, app::kOk) << shown;
  }
}

INSTANTIATE_TEST_SUITE_P(DocsExamples, DocFile, ::testing::ValuesIn(doc_files()), [](const auto& p) {
  std::string n = p.param.substr(p.param.find('/') + 1);  // docs/cli.md: cli_md
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
});

std::vector<Block> all_blocks() {
  std::vector<Block> out;
  for (const std::string& file : doc_files())
    for (Block& b : gcl_blocks(file)) out.push_back(std::move(b));
  return out;
}

TEST(DocsExamples, ThereAreMany) {
  EXPECT_GE(all_blocks().size(), 10u);  // the language reference is mostly examples
}

// An entry whose example has gone from the docs would hide nothing, but it would mislead.
TEST(DocsExamples, EveryIllustrativeExampleIsInTheDocs) {
  const std::vector<Block> blocks = all_blocks();
  for (const Illustrative& i : kIllustrative)
    EXPECT_TRUE(std::any_of(blocks.begin(), blocks.end(), [&i](const Block& b) { return illustrative(b) == &i; }))
        << "no ```gcl block starts with: " << i.first_line;
}

}  // namespace
}  // namespace geoclaim
