#include "io/FeatureIds.hpp"

#include <strings.h>

#include <nlohmann/json.hpp>

#include "engine/Errors.hpp"
#include "engine/Names.hpp"
#include "engine/Text.hpp"

namespace geoclaim::io {
namespace {

/// The source's own key, when it has one: the FID column of a GeoPackage, PostGIS table (its
/// integer primary key), SQLite… ("" for files whose FIDs are only positions, as in a CSV or
/// a Shapefile); for GeoJSON "id", the feature-level member, which GDAL makes the FID.
std::string source_key_name(OGRLayerH layer, bool geojson) {
  const std::string column = OGR_L_GetFIDColumn(layer);
  return !column.empty() ? column : geojson ? "id" : "";
}

/// Finds whether a JSON object has a top-level member "id" holding an integer, stopping at
/// that member: a SAX pass over the feature's text, without building it. A DOM parse of each
/// feature cost about as much as GDAL's whole read of the file; this pass, about a third of
/// that when the id comes last, and little when it comes first, as GDAL and QGIS write it.
class TopLevelIntegerId final : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool found = false;

  bool null() override { return value(false); }
  bool boolean(bool) override { return value(false); }
  bool number_integer(number_integer_t) override { return value(true); }
  bool number_unsigned(number_unsigned_t) override { return value(true); }
  bool number_float(number_float_t, const string_t&) override { return value(false); }
  bool string(string_t&) override { return value(false); }
  bool binary(binary_t&) override { return value(false); }
  bool start_object(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    m_at_id = m_depth == 1 && k == "id";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  /// A value: the answer when it is the top-level id's (then stop), else go on.
  bool value(bool integer) {
    if (!m_at_id) return true;
    found = integer;
    return false;
  }
  bool open() {
    if (m_at_id) return value(false);  // an object or array as the id: not a key
    ++m_depth;
    return true;
  }
  bool close() {
    --m_depth;
    return m_depth > 0;  // the feature object closed: it has no id
  }
  int m_depth = 0;
  bool m_at_id = false;
};

}  // namespace

/// True when a GeoJSON feature carries a feature-level integer `id` (its FID); GDAL numbers
/// the others from 0 itself, and those FIDs are no key.
bool has_feature_level_id(OGRFeatureH f) {
  const char* native = OGR_F_GetNativeData(f);
  if (!native) return false;
  TopLevelIntegerId sax;
  nlohmann::json::sax_parse(native, &sax);
  return sax.found;
}

IdRule id_rule(OGRLayerH layer, const std::vector<std::string>& header, const LoadOptions& o, bool geojson,
               const std::function<int(const std::string&)>& column) {
  IdRule rule;
  rule.key = source_key_name(layer, geojson);
  rule.geojson = geojson && std::string(OGR_L_GetFIDColumn(layer)).empty();
  if (o.id_col) {
    rule.field = column(*o.id_col);
    if (rule.field >= 0) {
      rule.from = IdRule::From::field;
    } else if (!rule.key.empty() &&
               (strcasecmp(o.id_col->c_str(), rule.key.c_str()) == 0 || strcasecmp(o.id_col->c_str(), "fid") == 0)) {
      rule.from = IdRule::From::key;  // a key that is no field: a PostGIS primary key, a GeoPackage fid
    } else {
      std::vector<std::string> names = header;
      if (!rule.key.empty()) names.push_back(rule.key);
      throw DataError(printable_path(o.path) + ": no column " + quote(*o.id_col) + " for the feature id" +
                      (rule.key.empty() ? "" : " (its key is " + quote(rule.key) + ")") +
                      did_you_mean(*o.id_col, names));
    }
    return rule;
  }
  rule.field = column("id");
  rule.from = rule.field >= 0 ? IdRule::From::field : !rule.key.empty() ? IdRule::From::key : IdRule::From::number;
  return rule;
}

}  // namespace geoclaim::io
