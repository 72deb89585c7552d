#!/usr/bin/env bash
# Renders the three seed jobs' maps as QGIS draws their project.qgs (the default view, every
# visible layer, labels) into docs/img/<job>.png, 1200 × 900, for the README. Each render is
# also the full QGIS check of tests/qgis/check_project.py: a failing check writes no picture.
# Needs a built geoclaim (GEOCLAIM=path, default build/app/geoclaim) and Debian's python3-qgis.
# Run from anywhere: bash tests/qgis/render_seed_maps.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
geoclaim=${GEOCLAIM:-build/app/geoclaim}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for job in ayyash-2015 deir-ez-zor-2016 al-jinah-2017; do
  "$geoclaim" run "scripts/$job.gcl" -o "$work/$job" >/dev/null
  # Ayyash's evidence reaches Mozdok, 1,011 km away: its strikes are also shown as the map
  # theme of the claim `southeast` presents them.
  theme=()
  if [ "$job" = ayyash-2015 ]; then theme=(--theme-png southeast "docs/img/$job-southeast.png"); fi
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/check_project.py "$work/$job" --png "docs/img/$job.png" "${theme[@]}"
done
for png in docs/img/*.png; do
  if command -v optipng >/dev/null; then optipng -quiet -o2 "$png"; fi
  echo "$png: $(stat -c %s "$png") bytes"
done
