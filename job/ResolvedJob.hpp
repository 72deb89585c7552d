#pragma once
// A job with every name, unit, word, CRS and claim bound: what the resolver makes of a script
// and what the evaluator walks, once. Plain data. Layers do not exist yet when a job is
// resolved, so steps name them by slot (an index into `slots`); the evaluator fills the slots
// as it loads and defines them.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "engine/Claims.hpp"
#include "engine/DataSource.hpp"
#include "engine/JobResult.hpp"
#include "engine/Names.hpp"
#include "engine/Select.hpp"
#include "engine/Tolerance.hpp"
#include "lang/Ast.hpp"

namespace geoclaim::job {

using lang::Span;

/// An error tied to a span of the script (or to nothing, for table rows). `data` marks a
/// problem of the data rather than of the script (exit code 3 rather than 2).
struct SpecError {
  Span span;
  std::string message;
  bool data = false;
};

/// A name the job defines.
struct LayerSlot {
  std::string name;
  NamedLayer::Kind kind = NamedLayer::Kind::layer;
};

/// The names defined so far, each bound to its slot. Copied into the steps that resolve more
/// claims at evaluation time (`check claims from`), so a row sees the names its statement saw.
class Scope {
 public:
  const size_t* find(const std::string& name) const {
    auto it = m_slots.find(name);
    return it == m_slots.end() ? nullptr : &it->second;
  }
  /// @throw SpecError when `name` is already defined.
  void define(const lang::Name& name, size_t slot) {
    if (m_slots.count(name.text)) throw SpecError{name.span, "'" + name.text + "' is already defined"};
    m_slots[name.text] = slot;
    m_order.push_back(name.text);
  }
  /// @throw SpecError naming the unknown name, with the nearest known one.
  size_t require(const std::string& name, Span span, const char* role) const {
    if (const size_t* slot = find(name)) return *slot;
    throw SpecError{span, std::string("unknown ") + role + " '" + name + "'" + did_you_mean(name, m_order)};
  }

 private:
  std::map<std::string, size_t> m_slots;
  std::vector<std::string> m_order;
};

/// `set crs`: the working CRS footprint nearest points are found in, from then on.
struct WorkingCrs {
  std::shared_ptr<const CrsTransform> transform;  ///< null: a local AEQD per pair
  std::string label;
};

/// A claim resolved: the spec with its layers still unbound, and the slots to bind them from.
struct ResolvedClaim {
  ClaimSpec spec;
  size_t subject = 0, object = 0;
  std::optional<size_t> crossed;
};

struct LoadStep {
  size_t slot = 0;
  LoadOptions options;
  Span path_span;
};

struct PlaceStep {
  size_t slot = 0;
  GeoPoint point;
  double uncertainty_m = 0;
  std::string file;  ///< the job, the place's source
  uint64_t line = 0;
};

struct SelectStep {
  size_t slot = 0;
  size_t from = 0;
  std::string from_name;
  Condition where;
  std::vector<lang::Name> fields;  ///< each leaf's field as written, by Condition::source_ref
  std::vector<Span> value_spans;   ///< each leaf's value as written, by Condition::source_ref
  Span where_span;
  std::optional<int> time_zone_min;  ///< `set timezone` in force: minutes east of UTC
};

struct ClaimStep {
  ResolvedClaim claim;
  Span id_span, subject_span, body_span;
};

struct AttributeStep {
  size_t subject = 0, object = 0;
  std::string subject_name, object_name;
  std::string statement;  ///< as written
  double within_m = 0;
  Span object_span;
};

/// `check claims from`: the rows are data, read and resolved when the job runs, with the
/// names, tolerance words and working CRS in force at the statement.
struct ClaimsTableStep {
  std::string path;
  Span path_span;
  Scope scope;
  ToleranceTable tolerances;
  WorkingCrs working;
};

using Step = std::variant<LoadStep, PlaceStep, SelectStep, ClaimStep, AttributeStep, ClaimsTableStep>;

struct ResolvedJob {
  std::string job_path;
  std::vector<LayerSlot> slots;
  std::vector<Step> steps;    ///< in script order
  ToleranceTable tolerances;  ///< as the last `set tolerance` left them
  std::string working_crs;    ///< the last `set crs` as written; empty when none
  std::vector<ReportRequest> reports;
};

}  // namespace geoclaim::job
