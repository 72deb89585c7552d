#include "layers/QgisProject.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cctype>

#include "engine/Units.hpp"

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

/// WGS84 as QGIS writes a spatialrefsys; QGIS resolves it from the authid.
void wgs84(tinyxml2::XMLPrinter& x) {
  x.OpenElement("spatialrefsys");
  text_element(x, "proj4", "+proj=longlat +datum=WGS84 +no_defs");
  text_element(x, "srid", "4326");
  text_element(x, "authid", "EPSG:4326");
  text_element(x, "description", "WGS 84");
  text_element(x, "projectionacronym", "longlat");
  text_element(x, "ellipsoidacronym", "EPSG:7030");
  text_element(x, "geographicflag", "true");
  x.CloseElement();
}

void extent(tinyxml2::XMLPrinter& x, const char* element, const GeoBox& b) {
  x.OpenElement(element);
  text_element(x, "xmin", format_number(b.min_lon, 7));
  text_element(x, "ymin", format_number(b.min_lat, 7));
  text_element(x, "xmax", format_number(b.max_lon, 7));
  text_element(x, "ymax", format_number(b.max_lat, 7));
  x.CloseElement();
}

}  // namespace

std::string project_qgs(const std::string& title, const std::vector<ProjectLayer>& layers, const GeoBox& view) {
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
  wgs84(x);
  x.CloseElement();

  x.OpenElement("layer-tree-group");
  for (size_t i = 0; i < layers.size(); ++i) {
    x.OpenElement("layer-tree-layer");
    x.PushAttribute("id", layer_id(i, layers[i].name).c_str());
    x.PushAttribute("name", layers[i].name.c_str());
    x.PushAttribute("source", layers[i].datasource.c_str());
    x.PushAttribute("providerKey", "ogr");
    x.PushAttribute("checked", layers[i].visible ? "Qt::Checked" : "Qt::Unchecked");
    x.PushAttribute("expanded", "1");
    x.CloseElement();
  }
  x.CloseElement();

  x.OpenElement("mapcanvas");
  x.PushAttribute("name", "theMapCanvas");
  text_element(x, "units", "degrees");
  extent(x, "extent", view);
  x.OpenElement("destinationsrs");
  wgs84(x);
  x.CloseElement();
  x.CloseElement();

  x.OpenElement("ProjectViewSettings");
  x.PushAttribute("UseProjectScales", "0");
  x.OpenElement("DefaultViewExtent");
  x.PushAttribute("xmin", format_number(view.min_lon, 7).c_str());
  x.PushAttribute("ymin", format_number(view.min_lat, 7).c_str());
  x.PushAttribute("xmax", format_number(view.max_lon, 7).c_str());
  x.PushAttribute("ymax", format_number(view.max_lat, 7).c_str());
  wgs84(x);
  x.CloseElement();
  x.CloseElement();

  x.OpenElement("projectlayers");
  for (size_t i = 0; i < layers.size(); ++i) {
    const ProjectLayer& l = layers[i];
    x.OpenElement("maplayer");
    x.PushAttribute("type", "vector");
    x.PushAttribute("geometry", qgis_geometry_name(l.family));
    x.PushAttribute("labelsEnabled", has_labels(l.style) ? "1" : "0");
    text_element(x, "id", layer_id(i, l.name));
    text_element(x, "datasource", l.datasource);
    text_element(x, "layername", l.name);
    x.OpenElement("srs");
    wgs84(x);
    x.CloseElement();
    x.OpenElement("provider");
    x.PushAttribute("encoding", "UTF-8");
    x.PushText("ogr");
    x.CloseElement();
    write_style_elements(x, l.style, l.family);
    x.CloseElement();
  }
  x.CloseElement();

  x.OpenElement("layerorder");
  for (size_t i = 0; i < layers.size(); ++i) {
    x.OpenElement("layer");
    x.PushAttribute("id", layer_id(i, layers[i].name).c_str());
    x.CloseElement();
  }
  x.CloseElement();

  x.OpenElement("properties");
  x.OpenElement("Paths");
  x.OpenElement("Absolute");
  x.PushAttribute("type", "bool");
  x.PushText("false");
  x.CloseElement();
  x.CloseElement();
  x.CloseElement();

  x.CloseElement();  // qgis
  return x.CStr();
}

}  // namespace geoclaim::layers
