"""Loads a geoclaim output folder's project.qgs in QGIS, headless, and checks it.

Usage: check_project.py OUT_DIR [PNG]

Asserts that every layer of the project is valid, has as many features as its GeoJSON file
(read independently with json), carries the categorized verdict renderer where geoclaim styles
one, and that the project's layers name only files inside the folder. With PNG, also renders
the project's default view to that file for a person to look at. Exits non-zero on any failure.
Run with Debian's python3 (python3-qgis) and QT_QPA_PLATFORM=offscreen.
"""
import json
import os
import sys

from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject,
                       QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

out_dir = os.path.abspath(sys.argv[1])
png = sys.argv[2] if len(sys.argv) > 2 else None

app = QgsApplication([], False)
app.initQgis()
failures = []

project = QgsProject.instance()
if not project.read(os.path.join(out_dir, "project.qgs")):
    failures.append("project.qgs does not load: " + project.error())

layers = project.mapLayers().values()
if not layers:
    failures.append("the project has no layers")
VERDICT_COLOURS = {"supported": (26, 150, 65), "contradicted": (215, 25, 28), "inconclusive": (245, 166, 35)}
for layer in layers:
    name = layer.name()
    if not layer.isValid():
        failures.append(f"layer {name} is not valid ({layer.source()})")
        continue
    source = layer.source().split("|")[0]
    if "(whole source)" in name:
        continue  # the original of a large input, outside the folder on purpose
    if os.path.dirname(os.path.abspath(source)) != out_dir:
        failures.append(f"layer {name} names a file outside the folder: {source}")
    if source.endswith(".geojson"):
        with open(source, encoding="utf-8") as f:
            expected = len(json.load(f)["features"])
        if layer.featureCount() != expected:
            failures.append(f"layer {name}: {layer.featureCount()} features in QGIS, {expected} in the file")
    renderer = layer.renderer()
    if name in ("claims", "evidence", "zones"):
        if renderer.type() != "categorizedSymbol" or renderer.classAttribute() != "verdict":
            failures.append(f"layer {name}: renderer {renderer.type()} is not categorized by verdict")
        else:
            for cat in renderer.categories():
                want = VERDICT_COLOURS[cat.value()]
                got = cat.symbol().color()
                if (got.red(), got.green(), got.blue()) != want:
                    failures.append(f"layer {name}: {cat.value()} drawn in {got.name()}")
    if name in ("claims", "evidence") and not layer.labelsEnabled():
        failures.append(f"layer {name} has no labels")

if png and not failures:
    settings = QgsMapSettings()
    settings.setLayers(project.layerTreeRoot().checkedLayers())
    settings.setDestinationCrs(project.crs())
    settings.setExtent(project.viewSettings().defaultViewExtent())
    settings.setOutputSize(QSize(1200, 900))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setFlag(QgsMapSettings.DrawLabeling, True)
    settings.setOutputDpi(96)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(png, "png")

for f in failures:
    print("FAIL:", f)
print(f"{len(project.mapLayers())} layers checked, {len(failures)} failures")
app.exitQgis()
sys.exit(1 if failures else 0)
