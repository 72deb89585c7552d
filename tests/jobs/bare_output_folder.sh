#!/bin/sh
# `report to "out"` and `-o out2`, bare folder names that do not exist yet, are created in the
# working folder (issue 8: both failed with "cannot create the folder ''").
# $1: the geoclaim binary; $2: a scratch folder, emptied first.
set -u
exe=$1
dir=$2
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" || exit 1
cat > job.gcl <<'GCL'
place a at 35.0, 40.0
place b at 35.1, 40.0
claim near: distance between a and b at most 20 km
report to "out"
GCL
fail() { echo "FAIL: $*"; exit 1; }
"$exe" run job.gcl || fail "report to \"out\" exited $?"
[ -f out/report.json ] || fail "out/report.json was not written"
"$exe" run job.gcl -o out2 || fail "-o out2 exited $?"
[ -f out2/report.json ] || fail "out2/report.json was not written"
echo "both bare folder names written"
