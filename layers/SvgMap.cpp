#include "layers/SvgMap.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "engine/Errors.hpp"
#include "engine/Geodesy.hpp"
#include "engine/LocalAeqd.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "layers/HtmlEscape.hpp"
#include "layers/ResultLayers.hpp"

namespace geoclaim::layers {
namespace {

constexpr double kWidthPx = 640, kHeightPx = 420;
/// Measures drawn per map (the representative always among them): an `every` claim over
/// 80,000 features would otherwise make a page of megabytes that no one can read.
constexpr size_t kMaxMeasures = 300;
constexpr size_t kMaxLabels = 40;
/// A zone or object up to this many times the evidence's size is fitted into the view whole;
/// a larger one is clipped to it.
constexpr double kWholeFactor = 4;
constexpr double kMinViewM = 40;  ///< narrower than this, footprints would fill the map

/// A pixel coordinate: one decimal is a tenth of a pixel, locale-free.
std::string px(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10, std::chars_format::fixed, 1);
  return std::string(buf, r.ptr);
}

/// Planar bounds in metres.
struct Box {
  double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
  void add(double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    min_x = std::min(min_x, x), max_x = std::max(max_x, x);
    min_y = std::min(min_y, y), max_y = std::max(max_y, y);
  }
  void add(const Box& b) {
    add(b.min_x, b.min_y);
    add(b.max_x, b.max_y);
  }
  bool empty() const { return !(min_x <= max_x); }
  double size() const { return empty() ? 0 : std::max(max_x - min_x, max_y - min_y); }
};

Box bounds(const GEOSGeometry* planar) {
  Box b;
  for_each_vertex(planar, [&b](const PlanarXY& p) { b.add(p.x, p.y); });
  return b;
}

/// The measures the map draws: the first ones and the representative.
std::vector<const FeatureMeasure*> drawn_measures(const ClaimResult& c) {
  std::vector<const FeatureMeasure*> out;
  for (size_t i = 0; i < c.measures.size() && out.size() < kMaxMeasures; ++i) out.push_back(&c.measures[i]);
  if (c.representative >= kMaxMeasures && c.representative < c.measures.size())
    out.back() = &c.measures[c.representative];
  return out;
}

/// The evidence in the plane of `aeqd`: nearest points, subject points and their uncertainty,
/// the subject features themselves.
Box evidence_box(const ClaimResult& c, const LocalAeqd& aeqd) {
  Box b;
  for (const FeatureMeasure* m : drawn_measures(c)) {
    for (const GeoPoint& p : {m->on_subject, m->on_object, m->subject_point}) {
      if (!p.valid()) continue;
      const PlanarXY xy = aeqd.forward(p);
      b.add(xy.x - m->uncertainty_m, xy.y - m->uncertainty_m);
      b.add(xy.x + m->uncertainty_m, xy.y + m->uncertainty_m);
    }
    if (c.spec.subject && m->subject_feature < c.spec.subject->size())
      b.add(bounds(aeqd.project(c.spec.subject->features()[m->subject_feature].geometry.get()).get()));
  }
  return b;
}

/// The first valid evidence point: where the projection is centred before the view is known.
GeoPoint first_point(const ClaimResult& c) {
  for (const auto& m : c.measures)
    for (const GeoPoint& p : {m.on_subject, m.on_object, m.subject_point})
      if (p.valid()) return p;
  return GeoPoint::from_lon_lat(0, 0);
}

/// The object features the measures name, each once.
std::vector<const Feature*> drawn_objects(const ClaimResult& c) {
  std::vector<const Feature*> out;
  if (!c.spec.object) return out;
  std::set<size_t> seen;
  for (const FeatureMeasure* m : drawn_measures(c))
    if (m->object_feature && *m->object_feature < c.spec.object->size() && seen.insert(*m->object_feature).second)
      out.push_back(&c.spec.object->features()[*m->object_feature]);
  return out;
}

/// Where the map's pixels are: metres of the local projection to SVG pixels, y down.
struct Frame {
  LocalAeqd aeqd;
  double cx = 0, cy = 0;  ///< metres at the middle of the view
  double scale = 1;       ///< pixels a metre
  double x(double m) const { return kWidthPx / 2 + (m - cx) * scale; }
  double y(double m) const { return kHeightPx / 2 - (m - cy) * scale; }
};

/// The part of planar `g` within a band around the view (so its edges stay off the map), or
/// `g` itself when the clip fails: a drawing is better with huge coordinates than without.
GeomPtr clip_to_view(GeomPtr g, const Frame& f) {
  const double hw = kWidthPx / f.scale, hh = kHeightPx / f.scale;  // a view's width each side
  // Planar x, y carried in GeoPoint's lon, lat: make_polygon only stores them.
  const std::vector<GeoPoint> rect = {
      GeoPoint::from_lon_lat(f.cx - hw, f.cy - hh), GeoPoint::from_lon_lat(f.cx + hw, f.cy - hh),
      GeoPoint::from_lon_lat(f.cx + hw, f.cy + hh), GeoPoint::from_lon_lat(f.cx - hw, f.cy + hh)};
  try {
    return intersection(g.get(), make_polygon({rect}).get());
  } catch (const GeometryError&) {
    return g;
  }
}

/// SVG path data of a projected geometry (lines and rings; points are drawn as circles).
std::string path_data(const GEOSGeometry* planar, const Frame& f) {
  std::string d;
  for_each_path(planar, [&](std::span<const PlanarXY> pts, PathKind kind) {
    if (kind == PathKind::point || pts.empty()) return;
    // Vertices within half a pixel of the last one drawn are left out: zone edges are sampled
    // to centimetres, a hundred thousand vertices where the map has a few hundred pixels.
    double last_x = NAN, last_y = NAN;
    for (size_t i = 0; i < pts.size(); ++i) {
      const double x = f.x(pts[i].x), y = f.y(pts[i].y);
      if (i > 0 && i + 1 < pts.size() && std::hypot(x - last_x, y - last_y) < 0.5) continue;
      d += (i == 0 ? "M" : "L") + px(x) + " " + px(y);
      last_x = x, last_y = y;
    }
    if (kind != PathKind::line) d += "Z";
  });
  return d;
}

/// A feature drawn: polygons and lines as paths, points as circles of `point_r` pixels.
std::string feature_svg(const GEOSGeometry* planar, const Frame& f, const std::string& cls, const std::string& style,
                        double point_r) {
  std::string out;
  const std::string d = path_data(planar, f);
  if (!d.empty()) out += "<path class=\"" + cls + "\" d=\"" + d + "\" " + style + "/>";
  for_each_path(planar, [&](std::span<const PlanarXY> pts, PathKind kind) {
    if (kind == PathKind::point && !pts.empty())
      out += "<circle class=\"" + cls + "\" cx=\"" + px(f.x(pts[0].x)) + "\" cy=\"" + px(f.y(pts[0].y)) + "\" r=\"" +
             px(point_r) + "\" " + style + "/>";
  });
  return out;
}

/// Labels, each placed once; one whose box would overlap an earlier one's is left out. A box is
/// the text's extent at the page's 12 px font (about 7 px a character, 14 px high).
class Labels {
 public:
  void add(double x, double y, const std::string& text, const char* cls) {
    const double w = width_px(text);
    if (!place(Box{x + 6, y - 20, x + 6 + w, y - 4}, x, y, text)) return;
    m_svg += "<text class=\"" + std::string(cls) + "\" x=\"" + px(x + 6) + "\" y=\"" + px(y - 6) + "\">" +
             html_escape(text) + "</text>";
  }
  /// A label along a line, centred on (x, y) just above it and turned to its direction
  /// (`angle_deg` clockwise on screen, kept upright), so it cannot be read as another line's.
  void add_along(double x, double y, double angle_deg, const std::string& text, const char* cls) {
    if (angle_deg > 90) angle_deg -= 180;
    if (angle_deg < -90) angle_deg += 180;
    // The turned text's upright bounding box.
    const double w = width_px(text), h = 14, a = angle_deg * M_PI / 180.0;
    const double half_x = (w * std::fabs(std::cos(a)) + h * std::fabs(std::sin(a))) / 2;
    const double half_y = (w * std::fabs(std::sin(a)) + h * std::fabs(std::cos(a))) / 2;
    // The text stands 5 px above the line (dy), on the side turned to the top of the page.
    const double cx = x + 5 * std::sin(a), cy = y - 5 * std::cos(a);
    if (!place(Box{cx - half_x, cy - half_y, cx + half_x, cy + half_y}, x, y, text)) return;
    m_svg += "<text class=\"" + std::string(cls) + "\" x=\"" + px(x) + "\" y=\"" + px(y) +
             "\" dy=\"-5\" text-anchor=\"middle\" transform=\"rotate(" + px(angle_deg) + " " + px(x) + " " + px(y) +
             ")\">" + html_escape(text) + "</text>";
  }
  const std::string& svg() const { return m_svg; }

 private:
  struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  };
  static double width_px(const std::string& text) {
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); i += std::max<size_t>(1, utf8_char_length(text, i))) ++chars;
    return 7.0 * static_cast<double>(chars);
  }
  /// Takes `box` unless the label is empty, off the map, one too many, or over an earlier one.
  bool place(const Box& box, double x, double y, const std::string& text) {
    if (text.empty() || m_placed.size() >= kMaxLabels) return false;
    if (x < 0 || x > kWidthPx || y < 0 || y > kHeightPx) return false;
    for (const Box& b : m_placed)
      if (b.overlaps(box)) return false;
    m_placed.push_back(box);
    return true;
  }
  std::vector<Box> m_placed;
  std::string m_svg;
};

std::string scale_bar(const Frame& f) {
  const double len_m = round_scale_length_m(kWidthPx / 4 / f.scale);
  const double x0 = 16, x1 = 16 + len_m * f.scale, y = kHeightPx - 18;
  return "<g class=\"scale-bar\"><path d=\"M" + px(x0) + " " + px(y - 5) + "V" + px(y) + "H" + px(x1) + "V" +
         px(y - 5) + "\" fill=\"none\" stroke=\"#222\" stroke-width=\"2\"/><text x=\"" + px(x0) + "\" y=\"" +
         px(y - 8) + "\">" + html_escape(format_length(len_m)) + "</text></g>";
}

/// North at the view's centre, as the projection draws it (straight up at its own centre).
std::string north_arrow(const Frame& f) {
  const GeoPoint centre = f.aeqd.unproject(f.cx, f.cy);
  const double step_m = 60 / f.scale;
  const PlanarXY north = f.aeqd.forward(geodesic_direct(centre, 0, step_m));
  const double angle = std::atan2(north.x - f.cx, north.y - f.cy) * 180 / M_PI;  // clockwise from up
  const double x = kWidthPx - 28, y = 34;
  return "<g class=\"north-arrow\" transform=\"translate(" + px(x) + " " + px(y) + ") rotate(" + px(angle) +
         ")\"><path d=\"M0 -18L7 8L0 3L-7 8Z\" fill=\"#222\"/><text x=\"0\" y=\"22\" text-anchor=\"middle\">N</text>"
         "</g>";
}

std::string object_label(const ClaimResult& c, const Feature& f) {
  return c.spec.object && c.spec.object->size() == 1 ? c.spec.object_name : c.spec.object_name + " " + f.id;
}

}  // namespace

const char* verdict_colour(Verdict v) {
  switch (v) {
    case Verdict::supported:
      return "#1a7f37";
    case Verdict::contradicted:
      return "#c62828";
    case Verdict::inconclusive:
      return "#9a6700";
  }
  return "#555";
}

double round_scale_length_m(double max_m) {
  if (!(max_m > 0) || !std::isfinite(max_m)) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double k : {5.0, 2.0, 1.0})
    if (k * p <= max_m * (1 + 1e-12)) return k * p;
  return p;
}

MapView claim_view(const ClaimResult& claim, const GEOSGeometry* zone) {
  // Centre first on an evidence point, then on the middle of the evidence's bounds there.
  LocalAeqd first(first_point(claim));
  const Box first_box = evidence_box(claim, first);
  MapView v;
  v.centre = first_box.empty()
                 ? first.centre()
                 : first.unproject((first_box.min_x + first_box.max_x) / 2, (first_box.min_y + first_box.max_y) / 2);
  const LocalAeqd aeqd(v.centre);
  Box box = evidence_box(claim, aeqd);
  const double evidence_size = std::max(box.size(), kMinViewM);
  // Context (objects, zone) joins the view when it is not much larger than the evidence.
  for (const Feature* o : drawn_objects(claim)) {
    const Box b = bounds(aeqd.project(o->geometry.get()).get());
    if (b.size() <= kWholeFactor * evidence_size) box.add(b);
  }
  if (zone && !is_empty(zone)) {
    const Box b = bounds(aeqd.project(zone).get());
    if (b.size() <= kWholeFactor * evidence_size)
      box.add(b);
    else
      v.zone_clipped = true;
  }
  if (box.empty()) box.add(0, 0);
  // Padded by 12 % and widened to the map's shape; the centre moves to the middle of it.
  double w = std::max(box.max_x - box.min_x, kMinViewM) * 1.24, h = std::max(box.max_y - box.min_y, kMinViewM) * 1.24;
  if (w / h < kWidthPx / kHeightPx)
    w = h * kWidthPx / kHeightPx;
  else
    h = w * kHeightPx / kWidthPx;
  v.centre = aeqd.unproject((box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2);
  v.width_m = w;
  v.height_m = h;
  return v;
}

std::string claim_map_svg(const ClaimResult& claim, const GEOSGeometry* zone) {
  const MapView v = claim_view(claim, zone);
  Frame f{LocalAeqd(v.centre), 0, 0, kWidthPx / v.width_m};
  const ClaimSpec& s = claim.spec;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"claim-map\" viewBox=\"0 0 " + px(kWidthPx) +
                    " " + px(kHeightPx) + "\" width=\"" + px(kWidthPx) + "\" height=\"" + px(kHeightPx) +
                    "\" role=\"img\" data-view-width-m=\"" + format_number(v.width_m, 1) + "\" data-centre=\"" +
                    format_number(v.centre.lat(), 6) + "," + format_number(v.centre.lon(), 6) +
                    "\"><title>Map of claim " + html_escape(s.id) +
                    "</title><rect width=\"100%\" height=\"100%\" fill=\"#f7f7f2\"/>";
  Labels labels;
  // Labels of objects and crossed lines wait for the deciding ones (placed first, they win).
  struct Later {
    double x, y;
    std::string text;
  };
  std::vector<Later> later;
  if (zone && !is_empty(zone)) {
    GeomPtr planar = clip_to_view(f.aeqd.project(zone), f);
    // A `no` claim's zone is where no feature may be (docs/outputs.md): red, not green.
    const std::string colour = s.quantifier == Quantifier::no ? "#c62828" : "#1a7f37";
    svg += feature_svg(planar.get(), f, "zone",
                       "fill=\"" + colour + "\" fill-opacity=\"0.10\" fill-rule=\"evenodd\" stroke=\"" + colour +
                           "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"",
                       0);
  }
  if (s.relation == Relation::crosses && s.crossed) {
    // The lines near the view (the layer's index), not the layer's first ones: the line a
    // segment crosses may be its 5,000th.
    std::vector<size_t> near;
    s.crossed->index().candidates_within(v.centre, std::hypot(v.width_m, v.height_m), near);
    if (near.size() > kMaxMeasures) near.resize(kMaxMeasures);
    for (size_t i : near) {
      const Feature& line = s.crossed->features()[i];
      GeomPtr planar = clip_to_view(f.aeqd.project(line.geometry.get()), f);
      if (is_empty(planar.get())) continue;
      svg += feature_svg(planar.get(), f, "crossed", "fill=\"none\" stroke=\"#6d6d6d\" stroke-width=\"3\"", 3);
      const PlanarXY at = f.aeqd.forward(representative_point(line.geometry.get()));
      later.push_back({f.x(at.x), f.y(at.y), s.crossed_name + " " + line.id});
    }
  }
  for (const Feature* o : drawn_objects(claim)) {
    GeomPtr planar = clip_to_view(f.aeqd.project(o->geometry.get()), f);
    svg += feature_svg(planar.get(), f, "object",
                       "fill=\"#90a4ae\" fill-opacity=\"0.55\" stroke=\"#37474f\" stroke-width=\"1.5\"", 5);
    const PlanarXY at = f.aeqd.forward(representative_point(o->geometry.get()));
    if (o->uncertainty_m > 0)
      svg += "<circle class=\"uncertainty\" cx=\"" + px(f.x(at.x)) + "\" cy=\"" + px(f.y(at.y)) + "\" r=\"" +
             px(o->uncertainty_m * f.scale) + "\" fill=\"none\" stroke=\"#37474f\" stroke-dasharray=\"3 3\"/>";
    later.push_back({f.x(at.x), f.y(at.y), object_label(claim, *o)});
  }
  const auto measures = drawn_measures(claim);
  for (const FeatureMeasure* m : measures) {
    if (!m->on_subject.valid() || !m->on_object.valid()) continue;
    const auto inv = geodesic_inverse(m->on_object, m->on_subject);
    if (inv.distance_m <= 0) continue;
    const auto path = densify_geodesic(m->on_subject, m->on_object, densify_step_m(inv.distance_m));
    GeomPtr planar = f.aeqd.project(make_line(path).get());
    svg +=
        feature_svg(planar.get(), f, "evidence",
                    std::string("fill=\"none\" stroke=\"") + verdict_colour(m->verdict) + "\" stroke-width=\"2\"", 0);
  }
  for (const FeatureMeasure* m : measures) {
    if (!s.subject || m->subject_feature >= s.subject->size()) continue;
    const Feature& sf = s.subject->features()[m->subject_feature];
    const std::string colour = verdict_colour(m->verdict);
    GeomPtr planar = f.aeqd.project(sf.geometry.get());
    svg += feature_svg(planar.get(), f, "subject",
                       "fill=\"" + colour + "\" fill-opacity=\"0.8\" stroke=\"#fff\" stroke-width=\"1\"", 5);
    const PlanarXY at = f.aeqd.forward(m->subject_point);
    if (sf.uncertainty_m > 0)
      svg += "<circle class=\"uncertainty\" cx=\"" + px(f.x(at.x)) + "\" cy=\"" + px(f.y(at.y)) + "\" r=\"" +
             px(sf.uncertainty_m * f.scale) + "\" fill=\"" + colour + "\" fill-opacity=\"0.12\" stroke=\"" + colour +
             "\" stroke-dasharray=\"3 3\"/>";
  }
  // Labels last, above everything, the most telling first, so that none of them is crowded out:
  // the deciding evidence line's length, the deciding subject, the other subjects, the objects.
  const FeatureMeasure* deciding = !claim.measures.empty() && claim.representative < claim.measures.size()
                                       ? &claim.measures[claim.representative]
                                       : nullptr;
  if (deciding) {
    const FeatureMeasure& r = *deciding;
    if (r.on_subject.valid() && r.on_object.valid()) {
      const auto inv = geodesic_inverse(r.on_object, r.on_subject);
      if (inv.distance_m > 0) {
        // At the geodesic's middle, turned along it there.
        const auto along = [&](double share) {
          const PlanarXY p = f.aeqd.forward(geodesic_direct(r.on_object, inv.azimuth1_deg, share * inv.distance_m));
          return PlanarXY{f.x(p.x), f.y(p.y)};
        };
        const PlanarXY mid = along(0.5), before = along(0.45), after = along(0.55);
        const double angle = std::atan2(after.y - before.y, after.x - before.x) * 180.0 / M_PI;
        labels.add_along(mid.x, mid.y, angle, format_length(inv.distance_m), "label evidence-label");
      }
    }
  }
  const auto subject_label = [&](const FeatureMeasure& m) {
    const PlanarXY at = f.aeqd.forward(m.subject_point);
    labels.add(f.x(at.x), f.y(at.y), s.subject_is_place ? s.subject_name : s.subject_name + " " + m.subject_id,
               "label");
  };
  if (deciding) subject_label(*deciding);
  for (const FeatureMeasure* m : measures)
    if (m != deciding) subject_label(*m);
  for (const Later& l : later) labels.add(l.x, l.y, l.text, "label");
  svg += "<g class=\"labels\">" + labels.svg() + "</g>";
  svg += scale_bar(f) + north_arrow(f);
  svg += "</svg>";
  return svg;
}

}  // namespace geoclaim::layers
