#include "engine/Interpreter.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <set>

#include "engine/ClaimsTable.hpp"
#include "engine/CoordinateText.hpp"
#include "engine/Crs.hpp"
#include "engine/Errors.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Measure.hpp"
#include "engine/Names.hpp"
#include "engine/Select.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "engine/lang/Parser.hpp"

namespace geoclaim {
namespace {

using lang::Diagnostic;
using lang::Span;

/// An error tied to a span of the script (or of nothing, for table rows).
struct SpecError {
  Span span;
  std::string message;
  bool data = false;
};

/// The names defined so far. While checking, layers are not loaded and `layer` is null.
class Scope {
 public:
  const NamedLayer* find(const std::string& name) const {
    auto it = m_names.find(name);
    return it == m_names.end() ? nullptr : &it->second;
  }
  void define(const lang::Name& name, NamedLayer value) {
    if (auto it = m_spans.find(name.text); it != m_spans.end())
      throw SpecError{name.span, "'" + name.text + "' is already defined"};
    m_spans[name.text] = name.span;
    m_order.push_back(name.text);
    m_names[name.text] = std::move(value);
  }
  const NamedLayer& require(const std::string& name, Span span, const char* role) const {
    if (const NamedLayer* n = find(name)) return *n;
    throw SpecError{span, std::string("unknown ") + role + " '" + name + "'" + did_you_mean(name, m_order)};
  }
  const std::vector<std::string>& order() const { return m_order; }

 private:
  std::map<std::string, NamedLayer> m_names;
  std::map<std::string, Span> m_spans;
  std::vector<std::string> m_order;
};

double metres(const lang::DistanceLit& d) {
  auto f = metres_per_unit(d.unit);
  if (!f)
    throw SpecError{d.unit_span, "unknown unit '" + d.unit + "' (expected " + unit_names() + ")" +
                                     did_you_mean(d.unit, unit_name_list())};
  if (!std::isfinite(d.value) || d.value < 0) throw SpecError{d.span, "a distance cannot be negative"};
  return d.value * *f;
}

/// Builds a ClaimSpec from a claim body: every name, unit, word and direction resolved.
ClaimSpec build_spec(const lang::ClaimBody& b, const Scope& scope, const ToleranceTable& tols) {
  using lang::Relation;
  ClaimSpec s;
  s.relation = b.relation;
  s.quantifier = b.quantifier;
  s.subject_name = b.subject.text;
  const NamedLayer& subject = scope.require(b.subject.text, b.subject.span, "name");
  s.subject = subject.layer.get();
  s.subject_is_place = subject.kind == NamedLayer::Kind::place;
  s.object_name = b.object.text;
  s.object = scope.require(b.object.text, b.object.span, "name").layer.get();
  if (b.relation == Relation::crosses) {
    s.crossed_name = b.crossed.text;
    s.crossed = scope.require(b.crossed.text, b.crossed.span, "line layer").layer.get();
  }
  if (b.quantifier != lang::Quantifier::none && s.subject_is_place)
    throw SpecError{b.subject.span, "'" + b.subject.text + "' is a place: drop the quantifier"};

  Tolerance tol;
  if (b.qualifier) {
    auto t = tols.find(b.qualifier->text);
    if (!t)
      throw SpecError{b.qualifier->span, "unknown tolerance word '" + b.qualifier->text + "'" +
                                             did_you_mean(b.qualifier->text, tols.words()) +
                                             "; define a word with 'set tolerance WORD = 10%'"};
    tol = *t;
    s.tolerance_word = lower(b.qualifier->text);
  } else if (b.bound == lang::Bound::approximately && b.distance) {
    tol = *tols.find(kPlainWord);
    s.tolerance_word = kPlainWord;
  }
  if (b.distance) {
    const double d1 = metres(*b.distance);
    const double d2 = b.distance2 ? metres(*b.distance2) : d1;
    if (b.bound == lang::Bound::between) s.tolerance_word.clear();  // both ends are stated
    s.claimed_m = claimed_interval(b.bound, d1, d2, s.tolerance_word, tol);
  }
  if (b.direction) {
    if (b.direction->bearing_deg) {
      s.direction = bearing_sector(*b.direction->bearing_deg, b.direction->halfwidth_deg);
    } else {
      s.direction = parse_compass(b.direction->words);
      if (!s.direction)
        throw SpecError{b.direction->span,
                        "unknown direction '" + b.direction->words +
                            "' (expected a compass point such as SE, south east, SSE, or bearing 135)"};
    }
  }
  return s;
}

/// At run time: a layer subject needs a quantifier unless it holds one feature.
void settle_quantifier(ClaimSpec& s, Span span) {
  if (s.quantifier != lang::Quantifier::none) return;
  if (s.subject_is_place || s.relation == lang::Relation::distance_between || s.relation == lang::Relation::crosses ||
      s.subject->size() == 1) {
    s.quantifier = lang::Quantifier::every;
    return;
  }
  throw SpecError{span, "'" + s.subject_name + "' has " + std::to_string(s.subject->size()) +
                            " features: say every, any, no or each before it"};
}

// ---- the interpreter --------------------------------------------------------------------

class Run {
 public:
  Run(const lang::SourceFile& file, FeatureSource& source, const WarningSink& warn, const Progress& progress,
      bool execute, bool probe)
      : m_file(file), m_source(source), m_warn(warn), m_progress(progress), m_execute(execute), m_probe(probe) {}

  std::vector<Diagnostic> errors;
  JobResult result;

  void statements(const lang::Script& script) {
    for (const auto& st : script.statements) {
      try {
        std::visit([this](const auto& s) { this->exec(s); }, st);
      } catch (const SpecError& e) {
        errors.push_back({e.span, e.message, e.data});
        if (m_execute) return;  // at run time the first error stops the job
      }
    }
  }

 private:
  static SpecError data_error(Span span, const std::string& message) { return {span, message, true}; }

  /// Runs `work` (which returns how many items it handled) as a named step for Progress.
  template <class Work>
  void timed(const std::string& what, Work work) {
    const auto start = std::chrono::steady_clock::now();
    const size_t items = work();
    if (m_progress.finished)
      m_progress.finished(what, items, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }

  std::function<void(size_t, size_t)> advance(const std::string& what) const {
    if (!m_progress.advance) return {};
    return [this, what](size_t done, size_t total) { m_progress.advance(what, done, total); };
  }

  LoadOptions load_options(const lang::LoadStmt& s) {
    LoadOptions o;
    o.name = s.name.text;
    o.path = s.path;
    o.layer = s.layer;
    o.crs = s.crs;
    auto col = [](const std::optional<lang::Name>& n) {
      return n ? std::optional<std::string>(n->text) : std::nullopt;
    };
    o.lat_col = col(s.lat_col);
    o.lon_col = col(s.lon_col);
    o.wkt_col = col(s.wkt_col);
    o.mgrs_col = col(s.mgrs_col);
    o.id_col = col(s.id_col);
    if (s.uncertainty) o.uncertainty_m = metres(*s.uncertainty);
    return o;
  }

  void exec(const lang::LoadStmt& s) {
    LoadOptions o = load_options(s);
    if (m_progress.advance)
      o.on_read = [this, what = "load " + s.name.text](size_t read) { m_progress.advance(what, read, 0); };
    define(s.name, NamedLayer::Kind::layer, [&]() -> std::shared_ptr<const Layer> {
      if (s.crs) check_crs(*s.crs, s.crs_span);
      std::shared_ptr<const Layer> layer;
      try {
        if (m_execute)
          timed("load " + s.name.text, [&] {
            layer = std::make_shared<const Layer>(m_source.load(o, [this](const std::string& w) {
              result.warnings.push_back(w);
              if (m_warn) m_warn(w);
            }));
            return layer->size();
          });
        else if (m_probe)
          m_source.probe(o);
      } catch (const DataError& e) {
        throw data_error(s.path_span, e.what());
      }
      return layer;
    });
  }

  /// Defines `name` with the layer `make` returns (null while checking). The name is defined
  /// even when `make` fails, so that a bad input is one error, not one more per later use.
  template <class Make>
  void define(const lang::Name& name, NamedLayer::Kind kind, Make make) {
    NamedLayer named{kind, nullptr};
    try {
      named.layer = make();
    } catch (const SpecError&) {
      try {
        m_scope.define(name, named);
      } catch (const SpecError&) {  // already defined: the first error is the one to show
      }
      throw;
    }
    m_scope.define(name, named);
    result.layers.emplace_back(name.text, named);
  }

  void check_crs(const std::string& crs, Span span) {
    try {
      Crs::from_user_input(crs);
    } catch (const DataError& e) {
      throw data_error(span, e.what());
    }
  }

  void exec(const lang::PlaceStmt& s) {
    define(s.name, NamedLayer::Kind::place, [&]() -> std::shared_ptr<const Layer> {
      const GeoPoint p = place_point(s);
      const double u = s.uncertainty ? metres(*s.uncertainty) : 0.0;
      if (!m_execute) return nullptr;
      LayerSource src{m_file.name(), "place", "", "EPSG:4326", ""};
      Layer layer(s.name.text, src, {Field{"name", Field::Type::string}});
      const auto line = static_cast<uint64_t>(m_file.line_col(s.name.span.begin).first);
      layer.add(Feature{s.name.text, line, make_point(p), u, {AttributeValue{s.name.text}}});
      return std::make_shared<const Layer>(std::move(layer));
    });
  }

  static GeoPoint place_point(const lang::PlaceStmt& s) {
    GeoPoint p;
    try {
      switch (s.form) {
        case lang::PlaceStmt::Form::decimal: {
          const std::string problem = check_lat_lon(s.lat_deg, s.lon_deg);
          if (!problem.empty())
            throw CoordinateError(problem + (looks_swapped(s.lat_deg, s.lon_deg) ? kSwappedHint : ""));
          p = GeoPoint::from_lat_lon(s.lat_deg, s.lon_deg);
          break;
        }
        case lang::PlaceStmt::Form::text:
          p = parse_lat_lon_text(s.text);
          break;
        case lang::PlaceStmt::Form::mgrs:
          p = parse_mgrs(s.text);
          break;
      }
    } catch (const CoordinateError& e) {
      throw SpecError{s.coord_span, e.what()};
    }
    return p;
  }

  void exec(const lang::SelectStmt& s) {
    define(s.name, NamedLayer::Kind::selection, [&]() -> std::shared_ptr<const Layer> {
      const NamedLayer& from = m_scope.require(s.layer.text, s.layer.span, "layer");
      if (!m_execute) return nullptr;
      if (const auto* bad = find_unknown_field(*from.layer, s.where)) {
        std::vector<std::string> names;
        for (const auto& f : from.layer->fields()) names.push_back(f.name);
        throw SpecError{bad->field.span, "layer '" + s.layer.text + "' has no field '" + bad->field.text + "'" +
                                             did_you_mean(bad->field.text, names)};
      }
      const auto which = select_features(*from.layer, s.where);
      if (which.empty()) throw data_error(s.where.span, "no feature of '" + s.layer.text + "' matches this condition");
      return std::make_shared<const Layer>(from.layer->subset(s.name.text, which));
    });
  }

  void exec(const lang::ClaimStmt& s) {
    if (!m_claim_ids.insert(s.id.text).second)
      throw SpecError{s.id.span, "claim id '" + s.id.text + "' is already used"};
    ClaimSpec spec = build_spec(s.body, m_scope, m_tolerances);
    if (!m_execute) return;
    spec.id = s.id.text;
    spec.text = std::string(m_file.slice(s.body.span));
    spec.origin = m_file.name() + ":" + std::to_string(m_file.line_col(s.id.span.begin).first);
    spec.quote = s.quote;
    spec.source = s.source;
    set_working_crs(spec);
    settle_quantifier(spec, s.body.subject.span);
    timed("claim " + spec.id, [&] {
      try {
        result.claims.push_back(evaluate(spec, advance("claim " + spec.id)));
      } catch (const Error& e) {  // data that cannot answer, or a GEOS failure: located here
        throw data_error(s.body.span, e.what());
      }
      return spec.subject->size();
    });
  }

  void exec(const lang::AttributeStmt& s) {
    const NamedLayer& subject = m_scope.require(s.subject.text, s.subject.span, "name");
    const NamedLayer& object = m_scope.require(s.object.text, s.object.span, "layer");
    const double within = s.within ? metres(*s.within) : std::numeric_limits<double>::infinity();
    if (!m_execute) return;
    if (object.layer->family() != GeomFamily::polygon)
      throw data_error(s.object.span, "'attribute … to " + s.object.text + "' needs footprints (polygons), but '" +
                                          s.object.text + "' holds " + family_name(object.layer->family()) +
                                          " features");
    const std::string what = "attribute " + s.subject.text + " to " + s.object.text;
    const auto progress = advance(what);
    timed(what, [&] {
      NearestScratch scratch;
      const size_t n = subject.layer->size();
      for (size_t i = 0; i < n; ++i) {
        Attribution a = attribute_feature(*subject.layer, i, *object.layer, within, scratch);
        a.statement = std::string(m_file.slice(s.span));
        a.subject_name = s.subject.text;
        a.object_name = s.object.text;
        result.attributions.push_back(std::move(a));
        if (progress && (i + 1) % Progress::kEvery == 0) progress(i + 1, n);
      }
      return n;
    });
  }

  void exec(const lang::CheckClaimsStmt& s) {
    if (!m_execute) {
      if (!std::filesystem::exists(s.path)) throw data_error(s.path_span, "no such file '" + s.path + "'");
      return;
    }
    Table table;
    try {
      table = m_source.read_table(s.path);
    } catch (const DataError& e) {
      throw data_error(s.path_span, e.what());
    }
    for (const char* required : {"id", "subject", "relation", "object"})
      if (std::find(table.columns.begin(), table.columns.end(), required) == table.columns.end())
        throw data_error(
            s.path_span,
            s.path + ": no column '" + required +
                "' (expected id, subject, relation, object, distance, unit, direction, qualifier, source, quote)");
    for (const auto& row : table.rows) {
      std::map<std::string, std::string> cell;
      for (size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) cell[table.columns[c]] = row.cells[c];
      const std::string where = s.path + ":" + std::to_string(row.line);
      try {
        const lang::ClaimBody body = claim_from_row(cell);
        ClaimSpec spec = build_spec(body, m_scope, m_tolerances);
        spec.id = trim(cell["id"]).empty() ? "row" + std::to_string(row.line) : trim(cell["id"]);
        if (!m_claim_ids.insert(spec.id).second) throw SpecError{{}, "claim id '" + spec.id + "' is already used"};
        spec.text = claim_text(body);
        spec.origin = where;
        if (!trim(cell["quote"]).empty()) spec.quote = trim(cell["quote"]);
        if (!trim(cell["source"]).empty()) spec.source = trim(cell["source"]);
        set_working_crs(spec);
        settle_quantifier(spec, {});
        result.claims.push_back(evaluate(spec));
      } catch (const SpecError& e) {
        result.row_errors.push_back(where + ": " + e.message);
      } catch (const Error& e) {  // the row's own text (ScriptError) or its data (DataError)
        result.row_errors.push_back(where + ": " + e.what());
      }
    }
  }

  void exec(const lang::SetToleranceStmt& s) {
    Tolerance t;
    if (s.percent) {
      if (s.value < 0 || s.value > 100) throw SpecError{s.span, "a tolerance is between 0% and 100%"};
      t.fraction = s.value / 100.0;
    } else {
      t.absolute_m = metres(*s.distance);
    }
    m_tolerances.set(s.word.text, t);
    result.tolerances = m_tolerances;
  }

  void exec(const lang::SetCrsStmt& s) {
    check_crs(s.crs, s.span);
    result.working_crs = s.crs;
    try {
      const Crs crs = Crs::from_user_input(s.crs);
      if (!crs.is_projected())
        throw SpecError{s.span, "'" + s.crs + "' is not a map projection" +
                                    (crs.is_geographic() ? " (its coordinates are degrees)" : "") +
                                    ": a working CRS for planar work is projected, such as EPSG:32637"};
      if (!m_execute) return;
      m_working = CrsTransform::between(Crs::wgs84(), crs);
      m_working_label = crs.label();
    } catch (const DataError& e) {
      throw data_error(s.span, e.what());
    }
  }

  /// Claims after `set crs` find footprint nearest points in that CRS.
  void set_working_crs(ClaimSpec& spec) const {
    spec.working_crs = m_working;
    spec.working_crs_label = m_working_label;
  }

  void exec(const lang::ReportStmt& s) { result.reports.push_back({s.dir, s.format}); }

  const lang::SourceFile& m_file;
  FeatureSource& m_source;
  const WarningSink& m_warn;
  const Progress& m_progress;
  bool m_execute;
  bool m_probe;
  Scope m_scope;
  ToleranceTable m_tolerances;
  std::set<std::string> m_claim_ids;
  std::shared_ptr<const CrsTransform> m_working;
  std::string m_working_label;
};

}  // namespace

Interpreter::Interpreter(FeatureSource& source, WarningSink warn, Progress progress)
    : m_source(source), m_warn(std::move(warn)), m_progress(std::move(progress)) {}

namespace {

/// Parses `file` and resolves it without running anything; the script parsed, and every
/// error of the first phase that had any.
std::pair<lang::Script, std::vector<Diagnostic>> parse_and_resolve(const lang::SourceFile& file, FeatureSource& source,
                                                                   const WarningSink& warn, const Progress& progress,
                                                                   bool probe_files) {
  std::vector<Diagnostic> errors;
  lang::Script script = lang::parse(file, errors);
  if (!errors.empty()) return {std::move(script), std::move(errors)};
  Run resolve(file, source, warn, progress, /*execute=*/false, probe_files);
  resolve.statements(script);
  return {std::move(script), std::move(resolve.errors)};
}

}  // namespace

std::vector<Diagnostic> Interpreter::check(const lang::SourceFile& file, bool probe_files) {
  return parse_and_resolve(file, m_source, m_warn, m_progress, probe_files).second;
}

JobResult Interpreter::run(const lang::SourceFile& file) {
  auto fail = [&](const std::vector<Diagnostic>& errors) {
    const bool data = std::all_of(errors.begin(), errors.end(), [](const Diagnostic& d) { return d.data; });
    if (data) throw DataError(render(file, errors));
    throw ScriptError(render(file, errors));
  };
  const auto [script, errors] = parse_and_resolve(file, m_source, m_warn, m_progress, /*probe_files=*/false);
  if (!errors.empty()) fail(errors);
  Run run(file, m_source, m_warn, m_progress, /*execute=*/true, false);
  run.result.job_path = file.name();
  run.statements(script);
  if (!run.errors.empty()) fail(run.errors);
  return std::move(run.result);
}

std::string render(const lang::SourceFile& file, const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += file.render(d.span, d.message);
  return out;
}

}  // namespace geoclaim
