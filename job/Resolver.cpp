#include "job/Resolver.hpp"

#include <cmath>
#include <stdexcept>

#include "engine/CoordinateText.hpp"
#include "engine/Crs.hpp"
#include "engine/Errors.hpp"
#include "engine/Instant.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "engine/Vocabulary.hpp"

namespace geoclaim::job {
namespace {

/// Each leaf's value span, in the order resolve_condition numbers the leaves (source_ref).
void collect_value_spans(const lang::Condition& where, std::vector<Span>& out) {
  if (where.join == lang::Condition::Join::leaf) {
    out.push_back(where.value_span);
    return;
  }
  for (const auto& child : where.children) collect_value_spans(child, out);
}

using lang::Diagnostic;

double metres(const lang::DistanceLit& d) {
  auto f = metres_per_unit(d.unit);
  if (!f)
    throw SpecError{d.unit_span, "unknown unit " + quote(d.unit) + " (expected " + unit_names() + ")" +
                                     did_you_mean(d.unit, unit_name_list())};
  if (!std::isfinite(d.value) || d.value < 0) throw SpecError{d.span, "a distance cannot be negative"};
  const double m = d.value * *f;
  if (m > kMaxLength_m)
    throw SpecError{d.span, "a distance of " + printable(d.number_text) + " " + d.unit +
                                " is longer than 100,000 km (more than twice round the Earth)"};
  return m;
}

Relation relation_of(lang::ClaimForm form) {
  switch (form) {
    case lang::ClaimForm::within:
      return Relation::within;
    case lang::ClaimForm::distance_direction:
      return Relation::distance_direction;
    case lang::ClaimForm::distance_from:
      return Relation::distance_from;
    case lang::ClaimForm::direction:
      return Relation::direction;
    case lang::ClaimForm::inside:
      return Relation::inside;
    case lang::ClaimForm::distance_between:
      return Relation::distance_between;
    case lang::ClaimForm::crosses:
      return Relation::crosses;
  }
  return Relation::within;
}

/// `within D` is an upper bound by its form; otherwise the distance's own words say.
Bound bound_of(const lang::ClaimBody& b) {
  if (b.form == lang::ClaimForm::within) return Bound::at_most;
  switch (b.distance_form) {
    case lang::DistanceForm::plain:
      return Bound::approximately;
    case lang::DistanceForm::at_most:
      return Bound::at_most;
    case lang::DistanceForm::at_least:
      return Bound::at_least;
    case lang::DistanceForm::between:
      return Bound::between;
  }
  return Bound::approximately;
}

/// The distance condition as the claim words it, for the report's sentences: "within 500 m",
/// "approximately 55 km", "at least 500 m", "between 900 and 1100 km".
std::string claimed_words(const lang::ClaimBody& b, Bound bound) {
  const auto written = [](const lang::DistanceLit& d) { return d.number_text + " " + d.unit; };
  const std::string word = b.qualifier ? b.qualifier->text + " " : "";
  if (b.form == lang::ClaimForm::within) return "within " + word + written(*b.distance);
  switch (bound) {
    case Bound::at_most:
      return "at most " + written(*b.distance);
    case Bound::at_least:
      return "at least " + written(*b.distance);
    case Bound::between:
      return "between " + b.distance->number_text + " and " + written(*b.distance2);
    case Bound::approximately:
      break;
  }
  return word + written(*b.distance);
}

std::optional<std::string> column(const std::optional<lang::Name>& n) {
  return n ? std::optional<std::string>(n->text) : std::nullopt;
}

CompareOp compare_op(const std::string& op) {
  if (op == "=") return CompareOp::eq;
  if (op == "!=") return CompareOp::ne;
  if (op == "<") return CompareOp::lt;
  if (op == "<=") return CompareOp::le;
  if (op == ">") return CompareOp::gt;
  if (op == ">=") return CompareOp::ge;
  if (op == "like") return CompareOp::like;
  throw std::logic_error("compare_op: the parser admitted the operator " + quote(op));
}

/// Walks the statements once, in order, building the job and collecting every error.
class Resolution {
 public:
  Resolution(const lang::SourceFile& file, FeatureSource& source, bool probe, std::vector<Diagnostic>& errors)
      : m_file(file), m_source(source), m_probe(probe), m_errors(errors) {
    m_job.job_path = file.name();
  }

  ResolvedJob run(const lang::Script& script) {
    for (const auto& st : script.statements) {
      try {
        std::visit([this](const auto& s) { this->resolve(s); }, st);
      } catch (const SpecError& e) {
        m_errors.push_back({e.span, e.message, e.data});
      }
    }
    m_job.tolerances = m_tolerances;
    return std::move(m_job);
  }

 private:
  static SpecError data_error(Span span, const std::string& message) { return {span, message, true}; }

  /// Defines `name` in a new slot with the step `make` resolves for it. The name is defined
  /// even when `make` fails, so that a bad definition is one error, not one more per later use;
  /// the step is kept only when both succeed, so no two steps ever share a slot.
  template <class Make>
  void define(const lang::Name& name, NamedLayer::Kind kind, Make make) {
    const size_t slot = m_job.slots.size();
    Step step;
    try {
      step = make(slot);
    } catch (const SpecError&) {
      try {
        m_scope.define(name, slot);
        m_job.slots.push_back({name.text, kind});
      } catch (const SpecError&) {  // already defined: the first error is the one to show
      }
      throw;
    }
    m_scope.define(name, slot);
    m_job.slots.push_back({name.text, kind});
    m_job.steps.push_back(std::move(step));
  }

  void check_crs(const std::string& crs, Span span) {
    try {
      Crs::from_user_input(crs);
    } catch (const DataError& e) {
      throw data_error(span, e.what());
    }
  }

  void resolve(const lang::LoadStmt& s) {
    if (!m_read_span) m_read_span = s.path_span;
    m_input_paths.push_back(s.path);
    LoadStep step;
    step.path_span = s.path_span;
    LoadOptions& o = step.options;
    o.name = s.name.text;
    o.path = s.path;
    o.layer = s.layer;
    o.crs = s.crs;
    o.lat_col = column(s.lat_col);
    o.lon_col = column(s.lon_col);
    o.wkt_col = column(s.wkt_col);
    o.mgrs_col = column(s.mgrs_col);
    o.id_col = column(s.id_col);
    if (s.uncertainty) o.uncertainty_m = metres(*s.uncertainty);
    define(s.name, NamedLayer::Kind::layer, [&](size_t slot) -> Step {
      if (s.crs) check_crs(*s.crs, s.crs_span);
      if (m_probe) {
        try {
          m_source.probe(o);
        } catch (const DataError& e) {
          throw data_error(s.path_span, e.what());
        }
      }
      step.slot = slot;
      return step;
    });
  }

  void resolve(const lang::PlaceStmt& s) {
    define(s.name, NamedLayer::Kind::place, [&](size_t slot) -> Step {
      PlaceStep step;
      step.slot = slot;
      step.point = place_point(s);
      step.uncertainty_m = s.uncertainty ? metres(*s.uncertainty) : 0.0;
      step.file = m_file.name();
      step.line = static_cast<uint64_t>(m_file.line_col(s.name.span.begin).first);
      return step;
    });
  }

  static GeoPoint place_point(const lang::PlaceStmt& s) {
    try {
      switch (s.form) {
        case lang::PlaceStmt::Form::decimal: {
          const std::string problem = check_lat_lon(s.lat_deg, s.lon_deg, s.lat_text, s.lon_text);
          if (!problem.empty())
            throw CoordinateError(problem + (looks_swapped(s.lat_deg, s.lon_deg) ? kSwappedHint : ""));
          return GeoPoint::from_lat_lon(s.lat_deg, s.lon_deg);
        }
        case lang::PlaceStmt::Form::text:
          return parse_lat_lon_text(s.text);
        case lang::PlaceStmt::Form::mgrs:
          return parse_mgrs(s.text);
      }
    } catch (const CoordinateError& e) {
      throw SpecError{s.coord_span, e.what()};
    }
    return {};
  }

  void resolve(const lang::SelectStmt& s) {
    define(s.name, NamedLayer::Kind::selection, [&](size_t slot) -> Step {
      SelectStep step;
      step.slot = slot;
      step.from = m_scope.require(s.layer.text, s.layer.span, "layer");
      step.from_name = s.layer.text;
      step.where = resolve_condition(s.where, step.fields);
      collect_value_spans(s.where, step.value_spans);
      step.where_span = s.where.span;
      step.time_zone_min = m_time_zone;
      return step;
    });
  }

  void resolve(const lang::ClaimStmt& s) {
    if (!m_claim_ids.insert(s.id.text).second)
      throw SpecError{s.id.span, "claim id " + quote(s.id.text) + " is already used"};
    ClaimStep step;
    step.claim = resolve_claim(s.body, m_scope, m_job.slots, m_tolerances);
    ClaimSpec& spec = step.claim.spec;
    spec.id = s.id.text;
    spec.text = std::string(m_file.slice(s.body.span));
    spec.origin = m_file.name() + ":" + std::to_string(m_file.line_col(s.id.span.begin).first);
    spec.quote = s.quote;
    spec.source = s.source;
    spec.working_crs = m_working.transform;
    spec.working_crs_label = m_working.label;
    step.id_span = s.id.span;
    step.subject_span = s.body.subject.span;
    step.body_span = s.body.span;
    m_job.steps.emplace_back(std::move(step));
  }

  void resolve(const lang::AttributeStmt& s) {
    AttributeStep step;
    step.subject = m_scope.require(s.subject.text, s.subject.span, "name");
    step.object = m_scope.require(s.object.text, s.object.span, "layer");
    step.within_m = s.within ? metres(*s.within) : std::numeric_limits<double>::infinity();
    step.subject_name = s.subject.text;
    step.object_name = s.object.text;
    step.statement = std::string(m_file.slice(s.span));
    step.object_span = s.object.span;
    m_job.steps.emplace_back(std::move(step));
  }

  void resolve(const lang::CheckClaimsStmt& s) {
    if (!m_read_span) m_read_span = s.path_span;
    m_input_paths.push_back(s.path);
    try {
      m_source.probe_table(s.path);
    } catch (const DataError& e) {
      throw data_error(s.path_span, e.what());
    }
    m_job.steps.emplace_back(ClaimsTableStep{s.path, s.path_span, m_scope, m_tolerances, m_working});
  }

  void resolve(const lang::SetToleranceStmt& s) {
    Tolerance t;
    if (s.percent) {
      if (s.value < 0 || s.value > 100) throw SpecError{s.span, "a tolerance is between 0% and 100%"};
      t.fraction = s.value / 100.0;
    } else {
      t.absolute_m = metres(*s.distance);
    }
    t.origin = m_file.name() + ":" + std::to_string(m_file.line_col(s.span.begin).first);
    m_tolerances.set(s.word.text, t);
  }

  void resolve(const lang::SetCrsStmt& s) {
    check_crs(s.crs, s.span);
    m_job.working_crs = s.crs;
    try {
      const Crs crs = Crs::from_user_input(s.crs);
      if (!crs.is_projected())
        throw SpecError{s.span, quote(s.crs) + " is not a map projection" +
                                    (crs.is_geographic() ? " (its coordinates are degrees)" : "") +
                                    ": a working CRS for planar work is projected, such as EPSG:32637"};
      m_working = {CrsTransform::between(Crs::wgs84(), crs), crs.label()};
    } catch (const DataError& e) {
      throw data_error(s.span, e.what());
    }
  }

  void resolve(const lang::SetTimeZoneStmt& s) {
    try {
      m_time_zone = parse_utc_offset(s.zone);
    } catch (const TimeError& e) {
      throw SpecError{s.span, std::string(e.what()) +
                                  ": a time zone here is a fixed offset from UTC (named zones such as "
                                  "Asia/Damascus change with daylight saving)"};
    }
  }

  // The network is allowed for the whole job or not at all (GDAL's switch is one for the
  // process), so the statement comes before anything is read: a load above it would otherwise
  // be allowed by a line below it.
  void resolve(const lang::SetNetworkStmt& s) {
    if (m_read_span)
      throw SpecError{s.span, "'set network on' comes before the first 'load' or 'check claims' (line " +
                                  std::to_string(m_file.line_col(m_read_span->begin).first) + " reads an input)"};
    m_source.allow_network();
  }

  void resolve(const lang::ReportStmt& s) {
    try {
      std::vector<std::string> inputs = m_input_paths;
      inputs.push_back(m_file.name());
      m_source.check_output(s.dir, inputs);
    } catch (const DataError& e) {
      throw data_error(s.dir_span, e.what());
    }
    m_job.reports.push_back({s.dir, s.format});
  }

  const lang::SourceFile& m_file;
  FeatureSource& m_source;
  bool m_probe;
  std::vector<Diagnostic>& m_errors;
  ResolvedJob m_job;
  Scope m_scope;
  ToleranceTable m_tolerances;
  std::set<std::string> m_claim_ids;
  WorkingCrs m_working;
  std::optional<int> m_time_zone;          ///< the last `set timezone`, minutes east of UTC
  std::optional<Span> m_read_span;         ///< the first statement that reads an input
  std::vector<std::string> m_input_paths;  ///< every path a `load` or `check claims` names, so far
};

}  // namespace

const lang::Lexicon& lexicon() {
  static const lang::Lexicon words{[](std::string_view w) { return quantifier_from_word(w).has_value(); },
                                   [](std::string_view w) { return is_compass_word(w); }};
  return words;
}

ResolvedJob resolve(const lang::Script& script, const lang::SourceFile& file, FeatureSource& source, bool probe_files,
                    std::vector<lang::Diagnostic>& errors) {
  return Resolution(file, source, probe_files, errors).run(script);
}

ResolvedClaim resolve_claim(const lang::ClaimBody& b, const Scope& scope, const std::vector<LayerSlot>& slots,
                            const ToleranceTable& tols) {
  ResolvedClaim r;
  ClaimSpec& s = r.spec;
  s.relation = relation_of(b.form);
  s.quantifier = b.quantifier ? quantifier_from_word(b.quantifier->text).value_or(Quantifier::none) : Quantifier::none;
  s.subject_name = b.subject.text;
  r.subject = scope.require(b.subject.text, b.subject.span, "name");
  s.subject_is_place = slots.at(r.subject).kind == NamedLayer::Kind::place;
  s.object_name = b.object.text;
  r.object = scope.require(b.object.text, b.object.span, "name");
  if (s.relation == Relation::crosses) {
    s.crossed_name = b.crossed.text;
    r.crossed = scope.require(b.crossed.text, b.crossed.span, "line layer");
  }
  if (s.quantifier != Quantifier::none && s.subject_is_place)
    throw SpecError{b.subject.span, quote(b.subject.text) + " is a place: drop the quantifier"};

  const Bound bound = bound_of(b);
  Tolerance tol;
  if (b.qualifier) {
    auto t = tols.find(b.qualifier->text);
    if (!t)
      throw SpecError{b.qualifier->span, "unknown tolerance word " + quote(b.qualifier->text) +
                                             did_you_mean(b.qualifier->text, tols.words()) +
                                             "; define a word with 'set tolerance WORD = 10%'"};
    tol = *t;
    s.tolerance_word = lower(b.qualifier->text);
  } else if (bound == Bound::approximately && b.distance) {
    tol = *tols.find(std::string(kPlainWord));
    s.tolerance_word = kPlainWord;
  }
  if (b.distance) {
    const double d1 = metres(*b.distance);
    const double d2 = b.distance2 ? metres(*b.distance2) : d1;
    if (bound == Bound::between) s.tolerance_word.clear();  // both ends are stated
    s.claimed_m = claimed_interval(bound, d1, d2, s.tolerance_word, tol);
    if (!s.tolerance_word.empty()) s.tolerance = tol;
    s.claimed_words = claimed_words(b, bound);
  }
  if (b.direction) {
    if (b.direction->bearing_deg) {
      // Any bearing is normalised to [0°, 360°), but far beyond a turn the digits that place it
      // are lost (1e60 mod 360 is noise): such a number is a mistake, not a direction.
      if (!(std::fabs(*b.direction->bearing_deg) <= 360.0))
        throw SpecError{b.direction->span, "bearing " + printable(b.direction->bearing_text) + " is outside ±360°"};
      s.direction = bearing_sector(*b.direction->bearing_deg, b.direction->halfwidth_deg);
    } else {
      s.direction = parse_compass(b.direction->words);
      if (!s.direction)
        throw SpecError{b.direction->span,
                        "unknown direction '" + b.direction->words +
                            "' (expected a compass point such as SE, south east, SSE, or bearing 135)"};
    }
  }
  return r;
}

Condition resolve_condition(const lang::Condition& where, std::vector<lang::Name>& fields) {
  Condition c;
  switch (where.join) {
    case lang::Condition::Join::leaf:
      c.join = Condition::Join::leaf;
      c.field = where.field.text;
      c.op = compare_op(where.op);
      c.value = where.value;
      c.value_is_number = where.value_is_number;
      c.number = where.number;
      c.source_ref = fields.size();
      fields.push_back(where.field);
      return c;
    case lang::Condition::Join::all:
      c.join = Condition::Join::all;
      break;
    case lang::Condition::Join::any:
      c.join = Condition::Join::any;
      break;
  }
  for (const auto& child : where.children) c.children.push_back(resolve_condition(child, fields));
  return c;
}

}  // namespace geoclaim::job
