#include "layers/QgisStyle.hpp"

#include <tinyxml2.h>

#include <vector>

#include "engine/Vocabulary.hpp"
#include "layers/VerdictColours.hpp"

namespace geoclaim::layers {
namespace {

struct Category {
  std::string value;
  std::string label;
  std::string colour;  ///< "r,g,b,a"
};

/// A verdict's colour (layers/VerdictColours.hpp) as QGIS writes it, "r,g,b,a".
std::string colour(Verdict v) {
  const Rgb c = verdict_rgb(v);
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + ",255";
}

const char* colour(AttributionStatus s) {
  switch (s) {
    case AttributionStatus::inside:
      return "165,0,38,255";
    case AttributionStatus::shared:
      return "245,166,35,255";
    case AttributionStatus::nearest:
      return "110,110,110,255";
    case AttributionStatus::none:
      return "190,190,190,255";
  }
  return "0,0,0,255";
}

/// One category per verdict and per status, with the words of engine/Vocabulary.hpp.
const std::vector<Category> kVerdictCategories = [] {
  std::vector<Category> out;
  for (Verdict v : kVerdicts) out.push_back({std::string(word(v)), std::string(word(v)), colour(v)});
  return out;
}();
const std::vector<Category> kStatuses = [] {
  std::vector<Category> out;
  for (AttributionStatus s : kAttributionStatuses)
    out.push_back({std::string(word(s)), std::string(legend(s)), colour(s)});
  return out;
}();
const std::vector<Category> kHits{
    {"1", "hit", "230,85,13,255"}, {"2", "candidate", "245,190,120,255"}, {"0", "not hit", "150,150,150,255"}};

/// Same colour, another alpha ("r,g,b,a" → "r,g,b,alpha").
std::string with_alpha(const std::string& rgba, int alpha) {
  return rgba.substr(0, rgba.rfind(',') + 1) + std::to_string(alpha);
}

void option(tinyxml2::XMLPrinter& x, const char* name, const std::string& value) {
  x.OpenElement("Option");
  x.PushAttribute("name", name);
  x.PushAttribute("type", "QString");
  x.PushAttribute("value", value.c_str());
  x.CloseElement();
}

/// One <symbol> of one simple layer; `name` is its index in the renderer.
void symbol(tinyxml2::XMLPrinter& x, const std::string& name, GeomFamily family, const std::string& colour,
            StyleKind kind) {
  const bool plain = kind == StyleKind::input || kind == StyleKind::original || kind == StyleKind::uncertainty;
  const char* type = family == GeomFamily::point ? "marker" : family == GeomFamily::line ? "line" : "fill";
  x.OpenElement("symbol");
  x.PushAttribute("name", name.c_str());
  x.PushAttribute("type", type);
  x.PushAttribute("alpha", "1");
  x.PushAttribute("clip_to_extent", "1");
  x.PushAttribute("force_rhr", "0");
  x.OpenElement("layer");
  x.PushAttribute("class", family == GeomFamily::point  ? "SimpleMarker"
                           : family == GeomFamily::line ? "SimpleLine"
                                                        : "SimpleFill");
  x.PushAttribute("enabled", "1");
  x.PushAttribute("locked", "0");
  x.PushAttribute("pass", "0");
  x.OpenElement("Option");
  x.PushAttribute("type", "Map");
  if (family == GeomFamily::point) {
    option(x, "name", "circle");
    option(x, "color", colour);
    option(x, "outline_color", kind == StyleKind::claim_labels ? "0,0,0,0" : "35,35,35,255");
    option(x, "outline_width", "0.2");
    option(x, "size", kind == StyleKind::claim_labels ? "0" : plain ? "2.2" : "3.2");
    option(x, "size_unit", "MM");
  } else if (family == GeomFamily::line) {
    option(x, "line_color", colour);
    option(x, "line_width", kind == StyleKind::evidence ? "0.7" : "0.5");
    option(x, "line_width_unit", "MM");
    option(x, "line_style", kind == StyleKind::evidence ? "dash" : "solid");
    option(x, "capstyle", "round");
  } else {
    // Zones are translucent so the footprints and points under them stay visible; a large zone
    // (a 2,400 km range) and an uncertainty disc are outlines, the disc over a faint fill.
    const int fill_alpha = kind == StyleKind::zones ? 60 : kind == StyleKind::uncertainty ? 40 : 150;
    option(x, "color", with_alpha(colour, fill_alpha));
    option(x, "style", kind == StyleKind::large_zones ? "no" : "solid");
    option(x, "outline_color", kind == StyleKind::uncertainty ? with_alpha(colour, 200) : colour);
    option(x, "outline_style", kind == StyleKind::uncertainty ? "dot" : "solid");
    option(x, "outline_width", kind == StyleKind::zones || kind == StyleKind::large_zones ? "0.5" : "0.3");
    option(x, "outline_width_unit", "MM");
  }
  x.CloseElement();  // Option
  x.CloseElement();  // layer
  x.CloseElement();  // symbol
}

void open_renderer(tinyxml2::XMLPrinter& x, const char* type) {
  x.OpenElement("renderer-v2");
  x.PushAttribute("type", type);
  x.PushAttribute("symbollevels", "0");
  x.PushAttribute("forceraster", "0");
  x.PushAttribute("enableorderby", "0");
  x.PushAttribute("referencescale", "-1");
}

void categorized(tinyxml2::XMLPrinter& x, const char* attribute, const std::vector<Category>& cats, GeomFamily family,
                 StyleKind kind) {
  open_renderer(x, "categorizedSymbol");
  x.PushAttribute("attr", attribute);
  x.OpenElement("categories");
  for (size_t i = 0; i < cats.size(); ++i) {
    x.OpenElement("category");
    x.PushAttribute("value", cats[i].value.c_str());
    x.PushAttribute("label", cats[i].label.c_str());
    x.PushAttribute("symbol", std::to_string(i).c_str());
    x.PushAttribute("render", "true");
    x.CloseElement();
  }
  x.CloseElement();
  x.OpenElement("symbols");
  for (size_t i = 0; i < cats.size(); ++i) symbol(x, std::to_string(i), family, cats[i].colour, kind);
  x.CloseElement();
  x.CloseElement();
}

void single(tinyxml2::XMLPrinter& x, GeomFamily family, const std::string& colour, StyleKind kind = StyleKind::input) {
  open_renderer(x, "singleSymbol");
  x.OpenElement("symbols");
  symbol(x, "0", family, colour, kind);
  x.CloseElement();
  x.CloseElement();
}

/// How a layer's labels are placed.
struct LabelSpec {
  std::string text;  ///< a field name, or an expression when `expression`
  bool expression = false;
  bool display_all = false;   ///< placed even where it overlaps another (claims: none is lost)
  bool cartographic = false;  ///< points: the eight positions around the point, in order
  const char* font_size = "8.5";
  const char* colour = "20,20,20,255";
  const char* priority = "5";  ///< 0–10, higher wins a contested position
  bool obstacle = false;       ///< other labels keep off this layer's features
};

/// Simple labels with a white buffer; along the line for lines.
void labels(tinyxml2::XMLPrinter& x, const LabelSpec& spec, GeomFamily family) {
  x.OpenElement("labeling");
  x.PushAttribute("type", "simple");
  x.OpenElement("settings");
  x.PushAttribute("calloutType", "simple");
  x.OpenElement("text-style");
  x.PushAttribute("fieldName", spec.text.c_str());
  x.PushAttribute("isExpression", spec.expression ? "1" : "0");
  x.PushAttribute("fontSize", spec.font_size);
  x.PushAttribute("fontSizeUnit", "Point");
  x.PushAttribute("textColor", spec.colour);
  x.PushAttribute("textOpacity", "1");
  x.OpenElement("text-buffer");
  x.PushAttribute("bufferDraw", "1");
  x.PushAttribute("bufferSize", "0.8");
  x.PushAttribute("bufferSizeUnits", "MM");
  x.PushAttribute("bufferColor", "255,255,255,255");
  x.PushAttribute("bufferOpacity", "0.9");
  x.CloseElement();
  x.CloseElement();  // text-style
  x.OpenElement("placement");
  // QgsPalLayerSettings::Placement: 0 around a point, 6 the ordered positions around it
  // (cartographic), 2 parallel to a line, 1 over a polygon.
  x.PushAttribute("placement", family == GeomFamily::point  ? (spec.cartographic ? "6" : "0")
                               : family == GeomFamily::line ? "2"
                                                            : "1");
  x.PushAttribute("predefinedPositionOrder", "TR,TL,BR,BL,R,L,TSR,BSR");
  x.PushAttribute("placementFlags", "10");
  x.PushAttribute("dist", spec.cartographic ? "1.5" : "1");
  x.PushAttribute("distUnits", "MM");
  x.PushAttribute("priority", spec.priority);
  x.CloseElement();
  x.OpenElement("rendering");
  x.PushAttribute("drawLabels", "1");
  x.PushAttribute("obstacle", spec.obstacle ? "1" : "0");
  x.PushAttribute("displayAll", spec.display_all ? "1" : "0");
  x.CloseElement();
  x.CloseElement();  // settings
  x.CloseElement();  // labeling
}

}  // namespace

bool has_labels(StyleKind kind, const std::string& label_field) {
  return kind == StyleKind::claims || kind == StyleKind::claim_labels || kind == StyleKind::evidence ||
         kind == StyleKind::attribution || (kind == StyleKind::input && !label_field.empty());
}

const char* qgis_geometry_name(GeomFamily family) {
  switch (family) {
    case GeomFamily::point:
      return "Point";
    case GeomFamily::line:
      return "Line";
    case GeomFamily::polygon:
      return "Polygon";
    case GeomFamily::other:
      return "Unknown geometry";
  }
  return "Unknown geometry";
}

void write_style_elements(tinyxml2::XMLPrinter& x, StyleKind kind, GeomFamily family, const std::string& label_field) {
  switch (kind) {
    case StyleKind::claims:
      // Alone (claims.qml, or a claim's own group) each claim point is labelled "id: verdict";
      // the project's root layer leaves that to claim_labels, which stacks the claims of a point.
      categorized(x, "verdict", kVerdictCategories, family, kind);
      labels(x,
             {.text = "\"claim_id\" || ': ' || \"verdict\"",
              .expression = true,
              .display_all = true,
              .cartographic = true,
              .font_size = "9",
              .priority = "10",
              .obstacle = true},
             family);
      break;
    case StyleKind::claim_labels:
      // Placed even where it would overlap (none is lost), at the first free one of eight
      // positions around the point, ahead of every other label.
      single(x, family, "0,0,0,0", kind);
      labels(x,
             {.text = "label",
              .display_all = true,
              .cartographic = true,
              .font_size = "9",
              .priority = "10",
              .obstacle = true},
             family);
      break;
    case StyleKind::evidence:
      categorized(x, "verdict", kVerdictCategories, family, kind);
      labels(x, {.text = "label", .priority = "2"}, family);
      break;
    case StyleKind::zones:
    case StyleKind::large_zones:
      categorized(x, "verdict", kVerdictCategories, family, kind);
      break;
    case StyleKind::attribution:
      categorized(x, "status", kStatuses, family, kind);
      labels(x, {.text = "footprint_name", .priority = "2"}, family);
      break;
    case StyleKind::input:
      if (family == GeomFamily::polygon)
        categorized(x, kHitField, kHits, family, kind);
      else
        single(x, family, family == GeomFamily::point ? "60,60,60,255" : "90,90,90,255");
      if (!label_field.empty())
        labels(x, {.text = label_field, .font_size = "7.5", .colour = "70,70,70,255", .priority = "1"}, family);
      break;
    case StyleKind::original:
      single(x, family, "150,150,150,255");
      break;
    case StyleKind::uncertainty:
      single(x, family, "90,90,90,255", kind);
      break;
  }
}

std::string style_qml(StyleKind kind, GeomFamily family, const std::string& label_field) {
  tinyxml2::XMLPrinter x;
  x.PushUnknown("DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
  x.OpenElement("qgis");
  x.PushAttribute("version", kQgisVersion);
  x.PushAttribute("styleCategories", "Symbology|Labeling");
  x.PushAttribute("labelsEnabled", has_labels(kind, label_field) ? "1" : "0");
  write_style_elements(x, kind, family, label_field);
  x.OpenElement("layerGeometryType");
  x.PushText(family == GeomFamily::point ? 0 : family == GeomFamily::line ? 1 : 2);
  x.CloseElement();
  x.CloseElement();
  return x.CStr();
}

}  // namespace geoclaim::layers
