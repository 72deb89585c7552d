"""Loads a geoclaim output folder's project.qgs in QGIS, headless, and checks it.

Usage: check_project.py OUT_DIR [--crs AUTHID] [--uncertainty N] [--png PNG] [--theme-png THEME PNG]

Asserts that
- the project has a valid CRS (with --crs, that one), written as QGIS itself writes it;
- every layer is valid, has as many features as its file (read independently with json) or,
  for a filtered layer, as the file has features that pass the filter (QGIS's own expression
  engine, not the OGR provider that applies the filter), carries the categorized verdict
  renderer where geoclaim styles one, and names only files inside the folder;
- claims, evidence and the input layers are labelled (inputs by name or id), and rendered, every
  claim id has its label placed (QgsLabelingResults), no two claim labels overlapping, and the
  places, strikes and footprints have labels on the map;
- the uncertainty layer is drawn (visible, translucent), with N features given --uncertainty;
- no zone larger than 200 km across is in a visible layer, but each is in the project, and the
  default view extent holds the evidence (claims, evidence lines) and is at most a few times it;
- every claim id has a map theme whose layers exist and are that claim's group.
With --png, writes the rendered default view to PNG for a person to look at; with --theme-png,
also the map theme THEME zoomed to its layers. Exits non-zero on
any failure. Run with Debian's python3 (python3-qgis) and QT_QPA_PLATFORM=offscreen.
"""
import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

from qgis.core import (QgsApplication, QgsGeometry, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsDistanceArea, QgsExpression, QgsExpressionContext, QgsFeatureRequest,
                       QgsLayerTreeLayer, QgsMapRendererParallelJob, QgsMapSettings, QgsPointXY,
                       QgsProject, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtXml import QDomDocument

parser = argparse.ArgumentParser()
parser.add_argument("out_dir")
parser.add_argument("--crs")
parser.add_argument("--uncertainty", type=int)
parser.add_argument("--png")
parser.add_argument("--theme-png", nargs=2, metavar=("THEME", "PNG"),
                    help="also render map theme THEME, zoomed to its layers, to PNG")
args = parser.parse_args()
out_dir = os.path.abspath(args.out_dir)

app = QgsApplication([], False)
app.initQgis()


def save_png(image, path):
    """256 colours picked from the picture itself, without dithering (Qt's own conversion
    dithers a white background into dots): a third of the size of a full-colour PNG."""
    image.convertToFormat(QImage.Format_RGB888).save(path, "png", 0)
    try:
        from PIL import Image
        Image.open(path).quantize(256, dither=Image.Dither.NONE).save(path, optimize=True)
    except ImportError:
        pass


def main():
    """Every check; returns the exit code. Run as a function so that every QGIS object it
    made is gone before QGIS exits (left to the interpreter's exit, they crash it)."""
    failures = []
    project = QgsProject.instance()
    project_path = os.path.join(out_dir, "project.qgs")
    if not project.read(project_path):
        failures.append("project.qgs does not load: " + project.error())
    WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


    def read_features(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)["features"]


    def stem_of(layer):
        """The folder's layer a project layer shows: `zones` for ./zones.geojson or
        ./results.gpkg|layername=zones (either with a |subset=)."""
        parts = layer.source().split("|")
        for p in parts[1:]:
            if p.startswith("layername="):
                return p[len("layername="):]
        return os.path.splitext(os.path.basename(parts[0]))[0]

    def result_source(stem):
        """A result layer's source in the folder, GeoJSON file or GeoPackage table; None if absent."""
        path = os.path.join(out_dir, stem + ".geojson")
        if os.path.exists(path):
            return path
        gpkg = os.path.join(out_dir, "results.gpkg")
        if os.path.exists(gpkg):
            side = QgsVectorLayer(gpkg + "|layername=" + stem, stem, "ogr")
            return gpkg + "|layername=" + stem if side.isValid() else None
        return None

    def result_rows(stem):
        """The attributes of a result layer's features, read on the side."""
        source = result_source(stem)
        if source is None:
            return []
        side = QgsVectorLayer(source, stem, "ogr")
        return [dict(zip(side.fields().names(), f.attributes())) for f in side.getFeatures()]

    def file_of(layer):
        return layer.source().split("|")[0]


    # --- the project CRS, as QGIS writes it ---
    crs = project.crs()
    if not crs.isValid():
        failures.append("the project has no valid CRS")
    elif args.crs and crs.authid() != args.crs:
        failures.append(f"the project CRS is {crs.authid()}, expected {args.crs}")
    if crs.isValid():
        doc = QDomDocument()
        node = doc.createElement("x")
        doc.appendChild(node)
        crs.writeXml(node, doc)
        theirs = {e.tag: e.text for e in ET.fromstring(doc.toString()).find("spatialrefsys")}
        ours = {e.tag: e.text for e in ET.parse(project_path).getroot().find("projectCrs/spatialrefsys")}
        for tag, value in theirs.items():
            if ours.get(tag) != value:
                failures.append(f"projectCrs {tag}: geoclaim wrote {ours.get(tag)!r}, QGIS writes {value!r}")
        if project.readNumEntry("SpatialRefSys", "/ProjectionsEnabled", 0)[0] != 1:
            failures.append("SpatialRefSys/ProjectionsEnabled is not 1")

    # --- every layer ---
    root = project.layerTreeRoot()
    layers = list(project.mapLayers().values())
    if not layers:
        failures.append("the project has no layers")
    VERDICT_COLOURS = {"supported": (26, 150, 65), "contradicted": (215, 25, 28), "inconclusive": (245, 166, 35)}
    RESULTS = {"claims", "claim_labels", "evidence", "zones", "attribution", "uncertainty"}
    scratch = []  # layers opened on the side, deleted before QGIS exits
    for layer in layers:
        name = layer.name()
        if not layer.isValid():
            failures.append(f"layer {name} is not valid ({layer.source()})")
            continue
        source = file_of(layer)
        if "(whole source)" in name:
            continue  # the original of a large input, outside the folder on purpose
        if os.path.dirname(os.path.abspath(source)) != out_dir:
            failures.append(f"layer {name} names a file outside the folder: {source}")
        if source.endswith(".geojson"):
            expected = len(read_features(source))
            if layer.subsetString():
                whole = QgsVectorLayer(source, "whole", "ogr")
                scratch.append(whole)
                expected = sum(1 for _ in whole.getFeatures(QgsFeatureRequest(QgsExpression(layer.subsetString()))))
            if layer.featureCount() != expected:
                failures.append(f"layer {name}: {layer.featureCount()} features in QGIS, {expected} in the file")
        renderer = layer.renderer()
        kind = name.split(": ")[-1]
        if kind in ("claims", "claim", "evidence", "zones", "zone", "large zones"):
            if renderer.type() != "categorizedSymbol" or renderer.classAttribute() != "verdict":
                failures.append(f"layer {name}: renderer {renderer.type()} is not categorized by verdict")
            else:
                for cat in renderer.categories():
                    want = VERDICT_COLOURS[cat.value()]
                    got = cat.symbol().color() if kind != "large zones" else cat.symbol().symbolLayer(0).strokeColor()
                    if (got.red(), got.green(), got.blue()) != want:
                        failures.append(f"layer {name}: {cat.value()} drawn in {got.name()}")
        if kind in ("claim_labels", "claim", "evidence") and not layer.labelsEnabled():
            failures.append(f"layer {name} has no labels")
        if stem_of(layer) not in RESULTS:
            # An input copy: labelled with its name field or its id field, when it has one.
            # (A layer without a name field is labelled by its id column, which the job may name:
            # `load accounts … id account`.)
            fields = [f.name() for f in layer.fields()]
            got = layer.labeling().settings().fieldName if layer.labelsEnabled() and layer.labeling() else None
            if "name" in fields and got != "name":
                failures.append(f"input layer {name} is labelled with {got!r}, not its name")
            elif got is None and "id" in fields:
                failures.append(f"input layer {name} has no labels, though it has an id field")
            elif got is not None and got not in fields:
                failures.append(f"input layer {name} is labelled with {got!r}, which it does not have")

    # --- visibility: what the project shows when it opens ---
    visible = [n.layer() for n in root.findLayers() if n.isVisible()]
    visible_ids = {l.id() for l in visible}
    by_stem = {}
    for l in layers:
        by_stem.setdefault(stem_of(l), []).append(l)
    area = QgsDistanceArea()
    area.setEllipsoid("WGS84")
    area.setSourceCrs(WGS84, project.transformContext())


    def across_m(rect):
        mid_y, mid_x = rect.center().y(), rect.center().x()
        return max(area.measureLine(QgsPointXY(rect.xMinimum(), mid_y), QgsPointXY(rect.xMaximum(), mid_y)),
                   area.measureLine(QgsPointXY(mid_x, rect.yMinimum()), QgsPointXY(mid_x, rect.yMaximum())))


    zones_path = result_source("zones")
    if zones_path:
        zones = QgsVectorLayer(zones_path, "zones file", "ogr")
        scratch.append(zones)
        for zone in zones.getFeatures():
            large = across_m(zone.geometry().boundingBox()) > 200000
            cid = zone["claim_id"]
            showing = [l for l in by_stem.get("zones", [])
                       if any(f["claim_id"] == cid for f in l.getFeatures())]
            if not showing:
                failures.append(f"zone of {cid} is in no layer of the project")
            if large and any(l.id() in visible_ids for l in showing):
                failures.append(f"zone of {cid} ({across_m(zone.geometry().boundingBox()) / 1000:.0f} km across) "
                                "is in a visible layer")

    uncertainty = [l for l in layers if l.name() == "uncertainty"]
    if args.uncertainty is not None:
        if not uncertainty:
            failures.append("no uncertainty layer")
        elif uncertainty[0].featureCount() != args.uncertainty:
            failures.append(f"uncertainty: {uncertainty[0].featureCount()} discs, expected {args.uncertainty}")
    for l in uncertainty:
        if l.id() not in visible_ids:
            failures.append("the uncertainty layer is not shown")
        fill = l.renderer().symbol().color()
        if fill.alpha() >= 255:
            failures.append("the uncertainty discs are opaque")

    # --- the view: the evidence, not the largest zone ---
    # Compared in the project's CRS: across 180° or round a pole a lon/lat box is no measure of
    # either (the evidence's parts either side of 180° meet again in UTM or UPS).
    view = project.viewSettings().defaultViewExtent()
    to_project = QgsCoordinateTransform(WGS84, crs, project)
    evidence = QgsRectangle()
    evidence.setMinimal()
    found = False
    for stem in ("claims", "evidence", "attribution"):
        path = result_source(stem)
        if path:
            scratch.append(QgsVectorLayer(path, stem, "ogr"))
            for f in scratch[-1].getFeatures():
                g = QgsGeometry(f.geometry())
                g.transform(to_project)
                evidence.combineExtentWith(g.boundingBox())
            found = True

    def across_in_project(rect):
        return across_m(rect) if crs.isGeographic() else max(rect.width(), rect.height())

    if found:
        if not view.contains(evidence):
            failures.append(f"the view {view.toString(4)} does not hold the evidence {evidence.toString(4)} "
                            f"({crs.authid()})")
        limit = max(across_in_project(evidence) * 3, 1000)
        if across_in_project(view) > limit:
            failures.append(f"the view is {across_in_project(view) / 1000:.1f} km across, the evidence "
                            f"{across_in_project(evidence) / 1000:.1f} km")

    # --- a group and a map theme per claim ---
    claim_ids = {row["claim_id"] for row in result_rows("claims")}
    evidence_rows = result_rows("evidence")
    themes = project.mapThemeCollection()
    for cid in sorted(claim_ids):
        if not themes.hasMapTheme(cid):
            failures.append(f"no map theme for claim {cid}")
            continue
        group = root.findGroup("claim " + cid)
        in_group = {n.layerId() for n in group.findLayers()} if group else set()
        theme_layers = themes.mapThemeVisibleLayerIds(cid)
        if not theme_layers:
            failures.append(f"map theme {cid} shows nothing")
        for lid in theme_layers:
            if project.mapLayer(lid) is None:
                failures.append(f"map theme {cid} names a layer that does not exist: {lid}")
            elif lid not in in_group:
                failures.append(f"map theme {cid} shows {project.mapLayer(lid).name()}, outside group 'claim {cid}'")
        evidence_layers = [project.mapLayer(l) for l in theme_layers if project.mapLayer(l).name() == cid + ": evidence"]
        want = sum(1 for row in evidence_rows if row["claim_id"] == cid)
        got = evidence_layers[0].featureCount() if evidence_layers else 0
        if got != want:
            failures.append(f"map theme {cid}: {got} evidence lines, the file has {want}")

    # --- render the default view and check the labels ---
    if not failures:
        settings = QgsMapSettings()
        settings.setLayers([l for l in root.layerOrder() if l.id() in visible_ids])
        settings.setDestinationCrs(crs)
        settings.setExtent(project.viewSettings().defaultViewExtent())
        settings.setOutputSize(QSize(1200, 900))
        settings.setBackgroundColor(QColor(255, 255, 255))
        settings.setFlag(QgsMapSettings.DrawLabeling, True)
        settings.setOutputDpi(96)
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        results = job.takeLabelingResults()
        placed = results.labelsWithinRect(settings.visibleExtent())
        # Each claim's "id: verdict" line ("id FEATURE: verdict" for an `each` claim's features)
        # is in a label of claim_labels that QGIS placed.
        labels_layer = [l for l in layers if l.name() == "claim_labels"][0]
        claim_labels = [p for p in placed if p.layerID == labels_layer.id() and not p.isUnplaced]
        on_map = {line.split(": ")[0].split(" ")[0] for p in claim_labels for line in p.labelText.split("\n")}
        for cid in sorted(claim_ids - on_map):
            failures.append(f"claim {cid} has no label on the map")
        for i, a in enumerate(claim_labels):
            for b in claim_labels[i + 1:]:
                if a.featureId == b.featureId:
                    continue  # the same label, listed twice by QGIS (seen in 3.22 for a multi-line label)
                if a.labelRect.intersects(b.labelRect) and a.labelRect.intersect(b.labelRect).area() > 1e-9 * max(
                        1, a.labelRect.area()):
                    failures.append(f"claim labels {a.labelText!r} and {b.labelText!r} overlap")
        # The places, strikes and footprints are named on the map (a selection such as `target`,
        # drawn over the same footprint, may lose its label to its layer's: one label per spot).
        for l in layers:
            if l.id() in visible_ids and stem_of(l) in ("places", "strikes", "footprints"):
                if not any(p.layerID == l.id() and not p.isUnplaced for p in placed):
                    failures.append(f"input layer {l.name()} has no label on the map")
        if args.png:
            save_png(job.renderedImage(), args.png)
        if args.theme_png:
            # A claim's theme, as a reader who picks it sees it, zoomed to its layers.
            theme_id, path = args.theme_png
            shown = themes.mapThemeVisibleLayers(theme_id)
            extent = QgsRectangle()
            extent.setMinimal()
            for l in shown:
                extent.combineExtentWith(QgsCoordinateTransform(l.crs(), crs, project).transformBoundingBox(l.extent()))
            extent.scale(1.2)
            settings.setLayers(shown)
            settings.setExtent(extent)
            theme_job = QgsMapRendererParallelJob(settings)
            theme_job.start()
            theme_job.waitForFinished()
            save_png(theme_job.renderedImage(), path)

    for f in failures:
        print("FAIL:", f)
    print(f"{len(project.mapLayers())} layers checked, {len(failures)} failures")
    project.clear()
    return 1 if failures else 0


code = main()
app.exitQgis()
sys.exit(code)
