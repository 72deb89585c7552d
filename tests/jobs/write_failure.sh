#!/bin/sh
# A write that fails is an error, and the earlier result stays as it was (issue 9: under a
# file-size limit GDAL's GeoJSON writer cut zones.geojson short without a word, the run exited
# 0 and committed the truncated file). The earlier result is written without a limit; the run
# under `ulimit -f` must exit 3, say which file it could not write and why, leave the earlier
# folder byte for byte as it was, and leave no temporary folder behind.
# SIGXFSZ is ignored here, as a shell or a service manager may leave it, so that the writes
# fail with EFBIG rather than the signal killing the process (geoclaim ignores it itself too).
# $1: the geoclaim binary; $2: a scratch folder, emptied first. Run from the source tree.
set -u
exe=$1
dir=$2
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$dir" && mkdir -p "$dir" || exit 1
"$exe" run scripts/ayyash-2015.gcl -o "$dir/out" >/dev/null || fail "the unlimited run exited $?"
before=$(cd "$dir/out" && ls -l --time-style=+ . && cat ./* | cksum)
trap '' XFSZ
# 64 blocks (32 KB in sh's 512-byte blocks, 64 KB in bash's): the 500 KB zones.geojson does not fit.
err=$( (ulimit -f 64 && exec "$exe" run scripts/ayyash-2015.gcl -o "$dir/out") 2>&1 >/dev/null)
code=$?
printf '%s\n' "$err"
[ "$code" -eq 3 ] || fail "exit code $code under the file-size limit, expected 3"
case $err in *"cannot write the results to '$dir/out'"*"zones.geojson': File too large"*) ;;
  *) fail "stderr does not name the folder, the file and the reason" ;; esac
after=$(cd "$dir/out" && ls -l --time-style=+ . && cat ./* | cksum)
[ "$before" = "$after" ] || fail "the earlier result changed"
leftover=$(ls -a "$dir" | grep partial)
[ -z "$leftover" ] || fail "left behind: $leftover"
echo "the failed write is an error and the earlier result is whole"
