#include "layers/QgisStyle.hpp"

#include <tinyxml2.h>

#include <vector>

#include "engine/Vocabulary.hpp"

namespace geoclaim::layers {
namespace {

struct Category {
  std::string value;
  std::string label;
  const char* colour;  ///< "r,g,b,a"
};

// The verdict colours (ColorBrewer RdYlGn ends and an amber), used by every verdict renderer.
const char* colour(Verdict v) {
  switch (v) {
    case Verdict::supported:
      return "26,150,65,255";
    case Verdict::contradicted:
      return "215,25,28,255";
    case Verdict::inconclusive:
      return "245,166,35,255";
  }
  return "0,0,0,255";
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
  const bool plain = kind == StyleKind::input || kind == StyleKind::original;
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
    option(x, "outline_color", "35,35,35,255");
    option(x, "outline_width", "0.2");
    option(x, "size", plain ? "2.2" : "3.2");
    option(x, "size_unit", "MM");
  } else if (family == GeomFamily::line) {
    option(x, "line_color", colour);
    option(x, "line_width", kind == StyleKind::evidence ? "0.7" : "0.5");
    option(x, "line_width_unit", "MM");
    option(x, "line_style", kind == StyleKind::evidence ? "dash" : "solid");
    option(x, "capstyle", "round");
  } else {
    // Zones are translucent so the footprints and points under them stay visible.
    const int fill_alpha = kind == StyleKind::zones ? 60 : 150;
    option(x, "color", with_alpha(colour, fill_alpha));
    option(x, "style", "solid");
    option(x, "outline_color", colour);
    option(x, "outline_style", "solid");
    option(x, "outline_width", kind == StyleKind::zones ? "0.5" : "0.3");
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

void single(tinyxml2::XMLPrinter& x, GeomFamily family, const std::string& colour) {
  open_renderer(x, "singleSymbol");
  x.OpenElement("symbols");
  symbol(x, "0", family, colour, StyleKind::input);
  x.CloseElement();
  x.CloseElement();
}

/// Simple labels from one field, with a white buffer; along the line for lines.
void labels(tinyxml2::XMLPrinter& x, const char* field, GeomFamily family) {
  x.OpenElement("labeling");
  x.PushAttribute("type", "simple");
  x.OpenElement("settings");
  x.PushAttribute("calloutType", "simple");
  x.OpenElement("text-style");
  x.PushAttribute("fieldName", field);
  x.PushAttribute("isExpression", "0");
  x.PushAttribute("fontSize", "8.5");
  x.PushAttribute("fontSizeUnit", "Point");
  x.PushAttribute("textColor", "20,20,20,255");
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
  // QgsPalLayerSettings::Placement: 0 around a point, 2 parallel to a line, 1 over a polygon.
  x.PushAttribute("placement", family == GeomFamily::point ? "0" : family == GeomFamily::line ? "2" : "1");
  x.PushAttribute("placementFlags", "10");
  x.PushAttribute("dist", "1");
  x.PushAttribute("distUnits", "MM");
  x.CloseElement();
  x.OpenElement("rendering");
  x.PushAttribute("drawLabels", "1");
  x.PushAttribute("obstacle", "1");
  x.CloseElement();
  x.CloseElement();  // settings
  x.CloseElement();  // labeling
}

}  // namespace

bool has_labels(StyleKind kind) {
  return kind == StyleKind::claims || kind == StyleKind::evidence || kind == StyleKind::attribution;
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

void write_style_elements(tinyxml2::XMLPrinter& x, StyleKind kind, GeomFamily family) {
  switch (kind) {
    case StyleKind::claims:
      categorized(x, "verdict", kVerdictCategories, family, kind);
      labels(x, "claim_id", family);
      break;
    case StyleKind::evidence:
      categorized(x, "verdict", kVerdictCategories, family, kind);
      labels(x, "label", family);
      break;
    case StyleKind::zones:
      categorized(x, "verdict", kVerdictCategories, family, kind);
      break;
    case StyleKind::attribution:
      categorized(x, "status", kStatuses, family, kind);
      labels(x, "footprint_name", family);
      break;
    case StyleKind::input:
      if (family == GeomFamily::polygon)
        categorized(x, kHitField, kHits, family, kind);
      else
        single(x, family, family == GeomFamily::point ? "60,60,60,255" : "90,90,90,255");
      break;
    case StyleKind::original:
      single(x, family, "150,150,150,255");
      break;
  }
}

std::string style_qml(StyleKind kind, GeomFamily family) {
  tinyxml2::XMLPrinter x;
  x.PushUnknown("DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
  x.OpenElement("qgis");
  x.PushAttribute("version", kQgisVersion);
  x.PushAttribute("styleCategories", "Symbology|Labeling");
  x.PushAttribute("labelsEnabled", has_labels(kind) ? "1" : "0");
  write_style_elements(x, kind, family);
  x.OpenElement("layerGeometryType");
  x.PushText(family == GeomFamily::point ? 0 : family == GeomFamily::line ? 1 : 2);
  x.CloseElement();
  x.CloseElement();
  return x.CStr();
}

}  // namespace geoclaim::layers
