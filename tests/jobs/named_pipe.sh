#!/bin/sh
# A named pipe as an input is refused at once (issue 9: GDAL waited for ever for a writer): as
# a layer by `run`, `check` and `info`, as a reported-claims table, and as the archive of a
# /vsizip/ member. Each command runs under `timeout`, so a regression fails instead of hanging.
# $1: the geoclaim binary; $2: a scratch folder, emptied first.
set -u
exe=$1
dir=$2
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$dir" && mkdir -p "$dir" || exit 1
mkfifo "$dir/strikes.csv" "$dir/claims.csv" "$dir/archive.zip" || fail "mkfifo"
printf 'load strikes from "%s/strikes.csv"\n' "$dir" > "$dir/layer.gcl"
printf 'place a at 35.0, 40.0\ncheck claims from "%s/claims.csv"\n' "$dir" > "$dir/table.gcl"
printf 'load strikes from "/vsizip/%s/archive.zip/strikes.csv"\n' "$dir" > "$dir/zip.gcl"
expect_refused() {  # $1: what is refused; the rest: the command
  what=$1
  shift
  err=$(timeout 10 "$exe" "$@" 2>&1 >/dev/null)
  code=$?
  [ "$code" -eq 124 ] && fail "$* waited on the pipe"
  [ "$code" -eq 3 ] || fail "$* exited $code, expected 3: $err"
  case $err in *"'$what' is a named pipe, and geoclaim reads only files"*) ;;
    *) fail "$*: stderr does not say '$what' is a named pipe: $err" ;; esac
}
expect_refused "$dir/strikes.csv" run "$dir/layer.gcl"
expect_refused "$dir/strikes.csv" check "$dir/layer.gcl"
expect_refused "$dir/strikes.csv" info "$dir/strikes.csv"
expect_refused "$dir/claims.csv" run "$dir/table.gcl"
expect_refused "$dir/archive.zip" run "$dir/zip.gcl"

# Where GDAL, not the job, meets the pipe (review of issue 9): a VRT's source, whatever the VRT
# is called (GDAL knows one by its content), and a /vsisubfile/ of it.
vrt='<OGRVRTDataSource><OGRVRTLayer name="s"><SrcDataSource>%s/strikes.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>'
printf "$vrt" "$dir" > "$dir/pipe.vrt"
printf "$vrt" "$dir" > "$dir/pipe.xml"
printf 'load s from "%s/pipe.xml"
' "$dir" > "$dir/vrt.gcl"
printf 'load s from "/vsisubfile/0_1000,%s/strikes.csv"
' "$dir" > "$dir/subfile.gcl"
expect_refused "$dir/strikes.csv" info "$dir/pipe.vrt"
expect_refused "$dir/strikes.csv" run "$dir/vrt.gcl"
expect_refused "$dir/strikes.csv" run "$dir/subfile.gcl"

# A sidecar that is a pipe (a CSV's .csvt) is not read: the job runs, without waiting.
printf 'id,lat,lon\n1,35.1,40.1\n' > "$dir/typed.csv"
mkfifo "$dir/typed.csvt" || fail "mkfifo"
printf 'load s from "%s/typed.csv"\nplace p at 35.1, 40.1\nclaim c: every s within 1 km of p\n' "$dir" > "$dir/sidecar.gcl"
timeout 10 "$exe" run "$dir/sidecar.gcl" > /dev/null 2>&1
code=$?
[ "$code" -eq 124 ] && fail "a .csvt that is a pipe kept the run waiting"
[ "$code" -eq 0 ] || fail "the job with a .csvt pipe exited $code"

# VRTs that name each other many times a level are walked once each (it was exponential):
# eight levels of ten references each, every one spelled differently ("s3/../d2.vrt"), ending
# in a real CSV.
for k in 0 1 2 3 4 5 6 7 8 9; do mkdir -p "$dir/s$k"; done
i=0
while [ $i -lt 8 ]; do
  next=$((i + 1))
  {
    printf '<OGRVRTDataSource>'
    for k in 0 1 2 3 4 5 6 7 8 9; do
      if [ $next -lt 8 ]; then src="s$k/../d$next.vrt"; else src="typed.csv"; fi
      printf '<OGRVRTLayer name="l%s"><SrcDataSource relativeToVRT="1">%s</SrcDataSource></OGRVRTLayer>' "$k" "$src"
    done
    printf '</OGRVRTDataSource>'
  } > "$dir/d$i.vrt"
  i=$next
done
timeout 20 "$exe" info "$dir/d0.vrt" > /dev/null 2>&1
[ $? -eq 124 ] && fail "info on nested VRTs took more than 20 s"
echo "every named pipe refused at once"
