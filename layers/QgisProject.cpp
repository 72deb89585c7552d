#include "layers/QgisProject.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cctype>

#include "engine/Units.hpp"
#include "layers/QgisCrs.hpp"

namespace geoclaim::layers {
namespace {

/// A stable layer id from its position and name (QGIS only needs ids to be unique).
std::string layer_id(size_t index, const std::string& name) {
  std::string id = "geoclaim_" + std::to_string(index) + "_";
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return id;
}

void text_element(tinyxml2::XMLPrinter& x, const char* name, const std::string& text) {
  x.OpenElement(name);
  x.PushText(text.c_str());
  x.CloseElement();
}

/// A <spatialrefsys> with every element QGIS 3.22 writes, in its order.
void spatialrefsys(tinyxml2::XMLPrinter& x, const QgisSrs& srs) {
  x.OpenElement("spatialrefsys");
  text_element(x, "wkt", srs.wkt);
  text_element(x, "proj4", srs.proj4);
  text_element(x, "srsid", std::to_string(srs.srsid));
  text_element(x, "srid", std::to_string(srs.srid));
  text_element(x, "authid", srs.authid);
  text_element(x, "description", srs.description);
  text_element(x, "projectionacronym", srs.projection_acronym);
  text_element(x, "ellipsoidacronym", srs.ellipsoid_acronym);
  text_element(x, "geographicflag", srs.geographic ? "true" : "false");
  x.CloseElement();
}

std::string number(double v, const QgisSrs& srs) { return format_number(v, srs.geographic ? 7 : 2); }

void extent(tinyxml2::XMLPrinter& x, const char* element, const MapBox& b, const QgisSrs& srs) {
  x.OpenElement(element);
  text_element(x, "xmin", number(b.xmin, srs));
  text_element(x, "ymin", number(b.ymin, srs));
  text_element(x, "xmax", number(b.xmax, srs));
  text_element(x, "ymax", number(b.ymax, srs));
  x.CloseElement();
}

void empty_custom_properties(tinyxml2::XMLPrinter& x) {
  x.OpenElement("customproperties");
  x.OpenElement("Option");
  x.CloseElement();
  x.CloseElement();
}

/// Every layer of the tree in panel order, with its id.
struct Placed {
  const ProjectLayer* layer;
  std::string id;
};

std::string full_source(const ProjectLayer& l) {
  return l.subset.empty() ? l.datasource : l.datasource + "|subset=" + l.subset;
}

void tree_layer(tinyxml2::XMLPrinter& x, const Placed& p) {
  x.OpenElement("layer-tree-layer");
  x.PushAttribute("id", p.id.c_str());
  x.PushAttribute("name", p.layer->name.c_str());
  x.PushAttribute("source", full_source(*p.layer).c_str());
  x.PushAttribute("providerKey", "ogr");
  x.PushAttribute("checked", p.layer->visible ? "Qt::Checked" : "Qt::Unchecked");
  x.PushAttribute("expanded", "0");
  empty_custom_properties(x);
  x.CloseElement();
}

void map_layer(tinyxml2::XMLPrinter& x, const Placed& p, const QgisSrs& wgs84) {
  const ProjectLayer& l = *p.layer;
  x.OpenElement("maplayer");
  x.PushAttribute("type", "vector");
  x.PushAttribute("geometry", qgis_geometry_name(l.family));
  x.PushAttribute("labelsEnabled", l.labelled && has_labels(l.style, l.label_field) ? "1" : "0");
  text_element(x, "id", p.id);
  text_element(x, "datasource", full_source(l));
  text_element(x, "layername", l.name);
  x.OpenElement("srs");
  spatialrefsys(x, wgs84);  // every file geoclaim writes is WGS84 (RFC 7946)
  x.CloseElement();
  x.OpenElement("provider");
  x.PushAttribute("encoding", "UTF-8");
  x.PushText("ogr");
  x.CloseElement();
  write_style_elements(x, l.style, l.family, l.label_field);
  x.CloseElement();
}

/// One map theme: the group's layers visible, the group checked, everything else off.
void theme(tinyxml2::XMLPrinter& x, const ProjectGroup& g, const std::vector<Placed>& layers) {
  x.OpenElement("visibility-preset");
  x.PushAttribute("name", g.theme.c_str());
  x.PushAttribute("has-expanded-info", "1");
  x.PushAttribute("has-checked-group-info", "1");
  for (const auto& p : layers) {
    x.OpenElement("layer");
    x.PushAttribute("id", p.id.c_str());
    x.PushAttribute("visible", "1");
    x.PushAttribute("style", "default");
    x.PushAttribute("expanded", "0");
    x.CloseElement();
  }
  x.OpenElement("checked-group-nodes");
  x.OpenElement("checked-group-node");
  x.PushAttribute("id", g.name.c_str());
  x.CloseElement();
  x.CloseElement();
  x.OpenElement("expanded-group-nodes");
  x.OpenElement("expanded-group-node");
  x.PushAttribute("id", g.name.c_str());
  x.CloseElement();
  x.CloseElement();
  x.CloseElement();
}

}  // namespace

std::string sql_text(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string project_qgs(const std::string& title, const ProjectTree& tree, const GeoBox& view, int epsg) {
  const QgisSrs srs = qgis_srs(epsg);
  const QgisSrs wgs84 = qgis_srs(4326);
  const MapBox box = projected_box(view, epsg);

  // Ids by panel position, so that they are unique while names repeat between groups.
  std::vector<Placed> root;
  std::vector<std::vector<Placed>> grouped(tree.groups.size());
  size_t index = 0;
  for (const auto& l : tree.layers) root.push_back({&l, layer_id(index++, l.name)});
  for (size_t g = 0; g < tree.groups.size(); ++g)
    for (const auto& l : tree.groups[g].layers) grouped[g].push_back({&l, layer_id(index++, l.name)});

  tinyxml2::XMLPrinter x;
  x.PushUnknown("DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'");
  x.OpenElement("qgis");
  x.PushAttribute("version", kQgisVersion);
  x.PushAttribute("projectname", title.c_str());
  x.OpenElement("homePath");
  x.PushAttribute("path", "");
  x.CloseElement();
  text_element(x, "title", title);
  x.OpenElement("projectCrs");
  spatialrefsys(x, srs);
  x.CloseElement();

  x.OpenElement("layer-tree-group");
  empty_custom_properties(x);
  for (const auto& p : root) tree_layer(x, p);
  for (size_t g = 0; g < tree.groups.size(); ++g) {
    x.OpenElement("layer-tree-group");
    x.PushAttribute("name", tree.groups[g].name.c_str());
    x.PushAttribute("checked", tree.groups[g].visible ? "Qt::Checked" : "Qt::Unchecked");
    x.PushAttribute("expanded", "0");
    empty_custom_properties(x);
    for (const auto& p : grouped[g]) tree_layer(x, p);
    x.CloseElement();
  }
  x.CloseElement();

  x.OpenElement("mapcanvas");
  x.PushAttribute("name", "theMapCanvas");
  text_element(x, "units", srs.geographic ? "degrees" : "meters");
  extent(x, "extent", box, srs);
  text_element(x, "rotation", "0");
  x.OpenElement("destinationsrs");
  spatialrefsys(x, srs);
  x.CloseElement();
  x.CloseElement();

  x.OpenElement("ProjectViewSettings");
  x.PushAttribute("UseProjectScales", "0");
  x.PushAttribute("rotation", "0");
  x.OpenElement("Scales");
  x.CloseElement();
  x.OpenElement("DefaultViewExtent");
  x.PushAttribute("xmin", number(box.xmin, srs).c_str());
  x.PushAttribute("ymin", number(box.ymin, srs).c_str());
  x.PushAttribute("xmax", number(box.xmax, srs).c_str());
  x.PushAttribute("ymax", number(box.ymax, srs).c_str());
  spatialrefsys(x, srs);
  x.CloseElement();
  x.CloseElement();

  x.OpenElement("projectlayers");
  for (const auto& p : root) map_layer(x, p, wgs84);
  for (const auto& group : grouped)
    for (const auto& p : group) map_layer(x, p, wgs84);
  x.CloseElement();

  x.OpenElement("layerorder");
  auto order = [&x](const Placed& p) {
    x.OpenElement("layer");
    x.PushAttribute("id", p.id.c_str());
    x.CloseElement();
  };
  for (const auto& p : root) order(p);
  for (const auto& group : grouped)
    for (const auto& p : group) order(p);
  x.CloseElement();

  x.OpenElement("properties");
  x.OpenElement("Paths");
  x.OpenElement("Absolute");
  x.PushAttribute("type", "bool");
  x.PushText("false");
  x.CloseElement();
  x.CloseElement();
  x.OpenElement("SpatialRefSys");
  x.OpenElement("ProjectionsEnabled");
  x.PushAttribute("type", "int");
  x.PushText("1");
  x.CloseElement();
  x.CloseElement();
  x.CloseElement();

  x.OpenElement("visibility-presets");
  for (size_t g = 0; g < tree.groups.size(); ++g)
    if (!tree.groups[g].theme.empty()) theme(x, tree.groups[g], grouped[g]);
  x.CloseElement();

  x.CloseElement();  // qgis
  return x.CStr();
}

}  // namespace geoclaim::layers
