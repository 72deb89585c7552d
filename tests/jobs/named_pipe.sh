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
echo "every named pipe refused at once"
