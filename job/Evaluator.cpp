#include "job/Evaluator.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "engine/Errors.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Text.hpp"
#include "job/ClaimsTable.hpp"
#include "job/Resolver.hpp"

namespace geoclaim::job {
namespace {

class Evaluation {
 public:
  Evaluation(const ResolvedJob& job, FeatureSource& source, const WarningSink& warn, const Progress& progress)
      : m_job(job), m_source(source), m_warn(warn), m_progress(progress), m_layers(job.slots.size()) {
    m_result.job_path = job.job_path;
    m_result.tolerances = job.tolerances;
    m_result.working_crs = job.working_crs;
    m_result.reports = job.reports;
  }

  JobResult run(std::vector<lang::Diagnostic>& errors) {
    for (const auto& step : m_job.steps) {
      try {
        std::visit([this](const auto& s) { this->evaluate(s); }, step);
      } catch (const SpecError& e) {
        errors.push_back({e.span, e.message, e.data});
        break;
      }
    }
    return std::move(m_result);
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

  void bind(size_t slot, std::shared_ptr<const Layer> layer) {
    m_layers[slot] = layer;
    m_result.layers.emplace_back(m_job.slots[slot].name, NamedLayer{m_job.slots[slot].kind, std::move(layer)});
  }
  const Layer& layer(size_t slot) const { return *m_layers.at(slot); }

  void evaluate(const LoadStep& s) {
    LoadOptions o = s.options;
    const std::string what = "load " + o.name;
    if (m_progress.advance) o.on_read = [this, what](size_t read) { m_progress.advance(what, read, 0); };
    try {
      timed(what, [&] {
        auto loaded = std::make_shared<const Layer>(m_source.load(o, [this](const std::string& w) {
          m_result.warnings.push_back(w);
          if (m_warn) m_warn(w);
        }));
        bind(s.slot, loaded);
        return loaded->size();
      });
    } catch (const DataError& e) {
      throw data_error(s.path_span, e.what());
    }
  }

  void evaluate(const PlaceStep& s) {
    const std::string& name = m_job.slots[s.slot].name;
    LayerSource src{s.file, "place", "", "EPSG:4326", ""};
    Layer place(name, src, {Field{"name", Field::Type::string}});
    place.add(Feature{name, s.line, make_point(s.point), s.uncertainty_m, {AttributeValue{name}}});
    bind(s.slot, std::make_shared<const Layer>(std::move(place)));
  }

  void evaluate(const SelectStep& s) {
    const Layer& from = layer(s.from);
    if (const Condition* bad = find_unknown_field(from, s.where)) {
      const lang::Name& field = s.fields.at(bad->source_ref);
      std::vector<std::string> names;
      for (const auto& f : from.fields()) names.push_back(f.name);
      throw SpecError{field.span, "layer " + quote(s.from_name) + " has no field " + quote(field.text) +
                                      did_you_mean(field.text, names)};
    }
    std::vector<size_t> which;
    try {
      which = select_features(from, s.where, s.time_zone_min);
    } catch (const CompareError& e) {
      throw SpecError{s.value_spans.at(e.leaf().source_ref), e.what()};
    }
    if (which.empty())
      throw data_error(s.where_span, "no feature of " + quote(s.from_name) + " matches this condition");
    bind(s.slot, std::make_shared<const Layer>(from.subset(m_job.slots[s.slot].name, which)));
  }

  /// Binds the claim's layers and settles its quantifier: a layer subject needs one unless it
  /// holds one feature.
  ClaimSpec bound_spec(const ResolvedClaim& r, Span subject_span) const {
    ClaimSpec s = r.spec;
    s.subject = &layer(r.subject);
    s.object = &layer(r.object);
    if (r.crossed) s.crossed = &layer(*r.crossed);
    if (s.quantifier != Quantifier::none) return s;
    if (s.subject_is_place || s.relation == Relation::distance_between || s.relation == Relation::crosses ||
        s.subject->size() == 1) {
      s.quantifier = Quantifier::every;
      return s;
    }
    std::string words;
    for (Quantifier q : kQuantifiers)
      words += (words.empty() ? "" : q == kQuantifiers.back() ? " or " : ", ") + std::string(word(q));
    throw SpecError{subject_span, quote(s.subject_name) + " has " + std::to_string(s.subject->size()) +
                                      " features: say " + words + " before it"};
  }

  void evaluate(const ClaimStep& s) {
    if (!m_claim_ids.insert(s.claim.spec.id).second)
      throw SpecError{s.id_span, "claim id " + quote(s.claim.spec.id) + " is already used"};
    const ClaimSpec spec = bound_spec(s.claim, s.subject_span);
    timed("claim " + spec.id, [&] {
      try {
        m_result.claims.push_back(geoclaim::evaluate(spec, advance("claim " + spec.id)));
      } catch (const GeometryError&) {  // not the data's fault: exit 4, as an internal error
        throw;
      } catch (const Error& e) {  // data that cannot answer, or a GEOS failure: located here
        throw data_error(s.body_span, e.what());
      }
      return spec.subject->size();
    });
  }

  void evaluate(const AttributeStep& s) {
    const Layer& subject = layer(s.subject);
    const Layer& object = layer(s.object);
    if (object.family() != GeomFamily::polygon)
      throw data_error(s.object_span, "'attribute … to " + s.object_name + "' needs footprints (polygons), but '" +
                                          s.object_name + "' holds " + family_name(object.family()) + " features");
    const std::string what = "attribute " + s.subject_name + " to " + s.object_name;
    const auto progress = advance(what);
    timed(what, [&] {
      NearestScratch scratch;
      const size_t n = subject.size();
      for (size_t i = 0; i < n; ++i) {
        Attribution a = attribute_feature(subject, i, object, s.within_m, scratch);
        a.statement = s.statement;
        a.subject_name = s.subject_name;
        a.object_name = s.object_name;
        m_result.attributions.push_back(std::move(a));
        if (progress && (i + 1) % Progress::kEvery == 0) progress(i + 1, n);
      }
      return n;
    });
  }

  /// Each row is a claim resolved and measured on its own: a bad row is a row error, and the
  /// other rows still run.
  void evaluate(const ClaimsTableStep& s) {
    Table table;
    try {
      table = m_source.read_table(s.path);
    } catch (const DataError& e) {
      throw data_error(s.path_span, e.what());
    }
    for (const char* required : {"id", "subject", "relation", "object"})
      if (std::find(table.columns.begin(), table.columns.end(), required) == table.columns.end())
        throw data_error(s.path_span, printable_path(s.path) + ": no column " + quote(required) + " (expected " +
                                          kClaimsTableColumns + ")");
    for (const auto& row : table.rows) {
      std::map<std::string, std::string> cell;
      for (size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) cell[table.columns[c]] = row.cells[c];
      const std::string where = printable_path(s.path) + ":" + std::to_string(row.line);
      try {
        const lang::ClaimBody body = claim_from_row(cell);
        ResolvedClaim claim = resolve_claim(body, s.scope, m_job.slots, s.tolerances);
        ClaimSpec& spec = claim.spec;
        spec.id = trim(cell["id"]).empty() ? "row" + std::to_string(row.line) : trim(cell["id"]);
        if (!m_claim_ids.insert(spec.id).second) throw SpecError{{}, "claim id " + quote(spec.id) + " is already used"};
        spec.text = claim_text(body);
        spec.origin = where;
        if (!trim(cell["quote"]).empty()) spec.quote = trim(cell["quote"]);
        if (!trim(cell["source"]).empty()) spec.source = trim(cell["source"]);
        spec.working_crs = s.working.transform;
        spec.working_crs_label = s.working.label;
        m_result.claims.push_back(geoclaim::evaluate(bound_spec(claim, {})));
      } catch (const SpecError& e) {
        m_result.row_errors.push_back(where + ": " + e.message);
      } catch (const GeometryError&) {
        throw;
      } catch (const Error& e) {  // the row's own text (ScriptError) or its data (DataError)
        m_result.row_errors.push_back(where + ": " + e.what());
      }
    }
  }

  const ResolvedJob& m_job;
  FeatureSource& m_source;
  const WarningSink& m_warn;
  const Progress& m_progress;
  std::vector<std::shared_ptr<const Layer>> m_layers;  ///< by slot, as they are made
  JobResult m_result;
  std::set<std::string> m_claim_ids;
};

}  // namespace

JobResult evaluate(const ResolvedJob& job, FeatureSource& source, const WarningSink& warn, const Progress& progress,
                   std::vector<lang::Diagnostic>& errors) {
  return Evaluation(job, source, warn, progress).run(errors);
}

}  // namespace geoclaim::job
