#pragma once
// The syntax tree of a job script: plain data with spans, the words as written. It knows no
// geometry and no meaning: the resolver (job/Resolver) binds names, units and words to the
// engine's vocabulary. `check claims from` builds ClaimBody values from table rows, so one
// resolver serves both.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "lang/SourceFile.hpp"

namespace geoclaim::lang {

struct Name {
  std::string text;
  Span span;
};

/// A number with its unit as written ("55 km"); the unit is checked by the resolver.
struct DistanceLit {
  double value = 0;
  std::string unit;
  Span span;
  Span unit_span;
  std::string number_text;  ///< the number as written ("55", "0.5"), for messages
};

/// A compass direction as written ("south east", "SSE") or `bearing B [± W°]`.
struct DirectionLit {
  std::string words;                    ///< compass words joined by spaces; empty for bearing
  std::optional<double> bearing_deg;    ///< set for `bearing B`
  std::string bearing_text;             ///< B as written, for messages
  std::optional<double> halfwidth_deg;  ///< set for `± W°`
  Span span;
};

/// The shape a claim was written in; the resolver maps each to the engine's Relation.
enum class ClaimForm {
  within,              ///< [Q] S within [QUAL] D of O
  distance_direction,  ///< [Q] S [QUAL] D DIR of O
  distance_from,       ///< [Q] S [QUAL] D from O
  direction,           ///< [Q] S DIR of O
  inside,              ///< [Q] S inside O | [Q] S hit O
  distance_between,    ///< distance between S and O is …
  crosses,             ///< line from S to O crosses L
};
/// How the distance was written: `[QUAL] D`, `at most D`, `at least D`, `between D1 and D2`.
/// (`within D` is an upper bound by its form.)
enum class DistanceForm { plain, at_most, at_least, between };

struct ClaimBody {
  ClaimForm form = ClaimForm::within;
  std::optional<Name> quantifier;  ///< every, any, no, each as written
  Name subject;
  Name object;
  Name crossed;                   ///< the line layer of `crosses`
  std::optional<Name> qualifier;  ///< tolerance word: about, approximately, …
  std::optional<DistanceLit> distance;
  std::optional<DistanceLit> distance2;  ///< upper end of `between D1 and D2`
  DistanceForm distance_form = DistanceForm::plain;
  std::optional<DirectionLit> direction;
  Span span;
};

struct LoadStmt {
  Name name;
  std::string path;
  Span path_span;
  std::optional<std::string> layer;
  std::optional<std::string> crs;
  Span crs_span;
  std::optional<Name> lat_col, lon_col, wkt_col, mgrs_col, id_col;
  std::optional<DistanceLit> uncertainty;
};

struct PlaceStmt {
  enum class Form { decimal, text, mgrs };
  Name name;
  Form form = Form::decimal;
  double lat_deg = 0, lon_deg = 0;  ///< for Form::decimal
  std::string lat_text, lon_text;   ///< the decimal numbers as written, for messages
  std::string text;                 ///< for Form::text and Form::mgrs
  Span coord_span;
  std::optional<DistanceLit> uncertainty;
};

/// `FIELD op VALUE`, combined with and/or. A leaf has an op; an inner node has children.
struct Condition {
  enum class Join { leaf, all, any };
  Join join = Join::leaf;
  Name field;
  std::string op;  ///< = != < <= > >= like
  std::string value;
  bool value_is_number = false;
  double number = 0;
  std::vector<Condition> children;
  Span span;
  Span value_span;  ///< a leaf's value, for errors about it
};

struct SelectStmt {
  Name name;
  Name layer;
  Condition where;
};

struct ClaimStmt {
  Name id;
  ClaimBody body;
  std::optional<std::string> source;
  std::optional<std::string> quote;
};

struct AttributeStmt {
  Name subject;
  Name object;
  std::optional<DistanceLit> within;
  Span span;
};

struct CheckClaimsStmt {
  std::string path;
  Span path_span;
};

struct SetToleranceStmt {
  Name word;
  double value = 0;
  bool percent = false;
  std::optional<DistanceLit> distance;  ///< for `= D UNIT`
  Span span;
};

struct SetCrsStmt {
  std::string crs;
  Span span;
};

/// `set timezone ZONE`: the zone of times that name none, for the selections after it.
struct SetTimeZoneStmt {
  std::string zone;  ///< as written: UTC, Z, "+03:00"
  Span span;
};

/// `set network on`: the job's inputs may be read from the network (/vsicurl/, URLs).
struct SetNetworkStmt {
  Span span;
};

struct ReportStmt {
  std::string dir;
  Span dir_span;
  std::string format = "geojson";  ///< geojson | gpkg
  Span format_span;
};

using Statement = std::variant<LoadStmt, PlaceStmt, SelectStmt, ClaimStmt, AttributeStmt, CheckClaimsStmt,
                               SetToleranceStmt, SetCrsStmt, SetTimeZoneStmt, SetNetworkStmt, ReportStmt>;

struct Script {
  std::vector<Statement> statements;
};

}  // namespace geoclaim::lang
