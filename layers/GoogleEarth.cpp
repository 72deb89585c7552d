#include "layers/GoogleEarth.hpp"

#include <cstdio>

#include "engine/Text.hpp"
#include "engine/Vocabulary.hpp"
#include "layers/HtmlEscape.hpp"
#include "layers/ProjectTree.hpp"
#include "layers/VerdictColours.hpp"

namespace geoclaim::layers {
namespace {

// Google Earth's own round icon: white, so the verdict colour tints it exactly (its default
// pushpin is yellow, which a tint would muddy). Google Earth ships these icons with itself.
constexpr const char* kClaimIcon = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png";
constexpr const char* kPlaceIcon = "http://maps.google.com/mapfiles/kml/shapes/star.png";

/// Text that libkml writes as well-formed XML. It writes text as it is, in a CDATA section
/// when it holds markup, so three things would make the whole file unreadable (GDAL and Google
/// Earth refuse it): bytes that are not UTF-8 and characters XML does not allow (controls but
/// tab and line breaks, U+FFFE, U+FFFF), which become U+FFFD, and "]]>", which would end the
/// CDATA section and becomes "]] >".
std::string xml_safe(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_char_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    const std::string_view ch = text.substr(i, n == 0 ? 1 : n);
    if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF")
      out += kReplacement;
    else if (ch == ">" && out.size() >= 2 && out.compare(out.size() - 2, 2, "]]") == 0)
      out += " >";
    else
      out += ch;
    i += ch.size();
  }
  return out;
}

/// The fields LIBKML turns into placemark elements rather than data: the source's own field of
/// that name would be taken for them (its values are in the balloon all the same).
bool is_placemark_field(const std::string& name) {
  const std::string n = lower(name);
  return n == "name" || n == "description" || n == "tessellate";
}

std::string text_of(const Layer& layer, const Feature& f, const char* field) {
  const auto i = layer.field_index(field);
  return i ? attribute_text(f.attributes[*i]) : std::string();
}

/// The placemark's name, which Google Earth shows as the label of a point and in its list.
std::string placemark_name(const Layer& layer, const Feature& f, StyleKind kind) {
  const std::string id = text_of(layer, f, "claim_id");
  const std::string verdict = text_of(layer, f, "verdict");
  switch (kind) {
    case StyleKind::claims: {
      // An `each` claim has a feature per subject feature: the feature tells them apart.
      const bool each = text_of(layer, f, "quantifier") == word(Quantifier::each);
      const std::string feature = text_of(layer, f, "subject_feature");
      return id + (each && !feature.empty() ? " " + feature : "") + ": " + verdict;
    }
    case StyleKind::evidence: {
      const std::string label = text_of(layer, f, "label");
      return id + ": " + (label.empty() ? verdict : label);
    }
    case StyleKind::zones:
    case StyleKind::large_zones:
      return id + " zone: " + text_of(layer, f, "kind");
    case StyleKind::attribution:
    case StyleKind::input:
    case StyleKind::original:
    case StyleKind::uncertainty:
    case StyleKind::claim_labels:
      break;
  }
  const std::string name = text_of(layer, f, "name");
  return name.empty() ? f.id : name;
}

/// The balloon: the name as a heading and every figure the feature has, by its field name
/// (the names carry the units: `_m` metres, `_deg` degrees).
std::string balloon(const Layer& layer, const Feature& f, const std::string& name) {
  std::string html = "<h3>" + html_escape(name) + "</h3>\n<table>\n";
  for (size_t i = 0; i < layer.fields().size(); ++i) {
    const std::string value = attribute_text(f.attributes[i]);
    if (value.empty()) continue;
    html += "<tr><th align=\"left\">" + html_escape(layer.fields()[i].name) + "</th><td>" + html_escape(value) +
            "</td></tr>\n";
  }
  return html + "</table>";
}

}  // namespace

std::string verdict_hex(const std::string& verdict) {
  for (const Verdict v : {Verdict::supported, Verdict::contradicted, Verdict::inconclusive})
    if (verdict == word(v)) {
      const Rgb c = verdict_rgb(v);
      char hex[8];
      std::snprintf(hex, sizeof hex, "#%02X%02X%02X", c.r, c.g, c.b);
      return hex;
    }
  return "#6E6E6E";
}

std::string kml_style(StyleKind kind, const std::string& verdict) {
  const std::string colour = verdict_hex(verdict);
  switch (kind) {
    case StyleKind::claims:
      return std::string("SYMBOL(id:\"") + kClaimIcon + "\",c:" + colour + "FF);LABEL(c:" + colour + "FF)";
    case StyleKind::evidence:
      return "PEN(c:" + colour + "FF,w:2px)";
    case StyleKind::zones:  // a quarter opaque: the imagery stays visible under the zone
      return "PEN(c:" + colour + "FF,w:2px);BRUSH(fc:" + colour + "40)";
    case StyleKind::large_zones:  // outline only, as in QGIS: a 2,400 km disc would tint the globe
      return "PEN(c:" + colour + "FF,w:2px);BRUSH(fc:" + colour + "00)";
    case StyleKind::attribution:
    case StyleKind::input:
    case StyleKind::original:
    case StyleKind::uncertainty:
    case StyleKind::claim_labels:
      break;
  }
  // Every LIBKML SYMBOL needs an icon id: libkml aborts on an IconStyle without one.
  return std::string("SYMBOL(id:\"") + kPlaceIcon + "\",c:#FFFFFFFF);LABEL(c:#FFFFFFFF)";
}

KmlLayer kml_layer(const Layer& layer, StyleKind kind) {
  // Lines and polygon edges follow the ground (KML draws them straight through it otherwise).
  const bool tessellate = layer.family() == GeomFamily::line || layer.family() == GeomFamily::polygon;
  std::vector<Field> fields{{"name", Field::Type::string}, {"description", Field::Type::string}};
  if (tessellate) fields.push_back({"tessellate", Field::Type::integer});
  std::vector<size_t> kept;  // the source fields copied, by index
  for (size_t i = 0; i < layer.fields().size(); ++i)
    if (!is_placemark_field(layer.fields()[i].name)) {
      fields.push_back(layer.fields()[i]);
      kept.push_back(i);
    }
  KmlLayer out{Layer(layer.name(), LayerSource{}, std::move(fields)), {}};
  out.layer.reserve(layer.size());
  out.styles.reserve(layer.size());
  for (const auto& f : layer.features()) {
    const std::string name = placemark_name(layer, f, kind);
    std::vector<AttributeValue> values{xml_safe(name), xml_safe(balloon(layer, f, name))};
    if (tessellate) values.push_back(int64_t{1});
    for (const size_t i : kept) {
      const auto* text = std::get_if<std::string>(&f.attributes[i]);
      values.push_back(text ? AttributeValue{xml_safe(*text)} : f.attributes[i]);
    }
    out.layer.add(Feature{f.id, f.source_row, clone(f.geometry.get()), f.uncertainty_m, std::move(values)});
    const bool large = kind == StyleKind::zones && is_large_zone(f.geometry.get());
    out.styles.push_back(kml_style(large ? StyleKind::large_zones : kind, text_of(layer, f, "verdict")));
  }
  return out;
}

}  // namespace geoclaim::layers
