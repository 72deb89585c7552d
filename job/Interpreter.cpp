#include "job/Interpreter.hpp"

#include <algorithm>

#include "engine/Errors.hpp"
#include "job/Evaluator.hpp"
#include "job/Resolver.hpp"
#include "lang/Parser.hpp"

namespace geoclaim {
namespace {

using lang::Diagnostic;

/// Parses and resolves `file`; the job, and every error of the first phase that had any.
job::ResolvedJob parse_and_resolve(const lang::SourceFile& file, FeatureSource& source, bool probe_files,
                                   std::vector<Diagnostic>& errors) {
  const lang::Script script = lang::parse(file, job::lexicon(), errors);
  if (!errors.empty()) return {};
  return job::resolve(script, file, source, probe_files, errors);
}

}  // namespace

Interpreter::Interpreter(FeatureSource& source, WarningSink warn, Progress progress)
    : m_source(source), m_warn(std::move(warn)), m_progress(std::move(progress)) {}

std::vector<Diagnostic> Interpreter::check(const lang::SourceFile& file, bool probe_files) {
  std::vector<Diagnostic> errors;
  parse_and_resolve(file, m_source, probe_files, errors);
  return errors;
}

JobResult Interpreter::run(const lang::SourceFile& file) {
  auto fail = [&](const std::vector<Diagnostic>& errors) {
    const bool data = std::all_of(errors.begin(), errors.end(), [](const Diagnostic& d) { return d.data; });
    if (data) throw DataError(render(file, errors));
    throw ScriptError(render(file, errors));
  };
  std::vector<Diagnostic> errors;
  const job::ResolvedJob resolved = parse_and_resolve(file, m_source, /*probe_files=*/false, errors);
  if (!errors.empty()) fail(errors);
  JobResult result = job::evaluate(resolved, m_source, m_warn, m_progress, errors);
  if (!errors.empty()) fail(errors);
  return result;
}

std::string render(const lang::SourceFile& file, const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += file.render(d.span, d.message);
  return out;
}

}  // namespace geoclaim
