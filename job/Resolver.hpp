#pragma once
// The resolver: turns a parsed script into a ResolvedJob, binding every name, unit, word,
// coordinate and CRS, and checking every input file is there. It loads no layer: this is the
// whole of `geoclaim check`, and the first half of `geoclaim run`.
#include <vector>

#include "job/ResolvedJob.hpp"
#include "lang/Ast.hpp"
#include "lang/Parser.hpp"
#include "lang/SourceFile.hpp"

namespace geoclaim::job {

/// The parser's open word classes, from the engine's vocabulary.
const lang::Lexicon& lexicon();

/// Resolves `script` (parsed from `file`). Every error is appended to `errors`, one per
/// mistake: a name whose definition fails is still defined, so its uses add no more errors.
/// `probe_files` also opens every input through `source` (without reading its features).
ResolvedJob resolve(const lang::Script& script, const lang::SourceFile& file, FeatureSource& source, bool probe_files,
                    std::vector<lang::Diagnostic>& errors);

/// Resolves one claim body against the names and words in force (script claims, and
/// reported-claims rows at evaluation time). Layers are left unbound.
/// @throw SpecError
ResolvedClaim resolve_claim(const lang::ClaimBody& body, const Scope& scope, const std::vector<LayerSlot>& slots,
                            const ToleranceTable& tolerances);

/// A select condition in the engine's terms; `fields` receives each leaf's field as written,
/// indexed by Condition::source_ref, for errors that point at it.
Condition resolve_condition(const lang::Condition& where, std::vector<lang::Name>& fields);

}  // namespace geoclaim::job
