#!/bin/sh
# Network access is off unless --allow-network is given (issue 9: `/vsicurl/` paths were
# fetched, also by `geoclaim check`, and a local .vrt could point at a URL). A live HTTP server
# on a free loopback port serves a GeoJSON; without the flag, `run` and `check` of a job that
# loads it through /vsicurl/, a local VRT whose source is that /vsicurl/ path, and a VRT whose
# source is the bare URL (read with GDAL's HTTP client) each fail with a clear error, and the
# server's log shows no request at all; with the flag, or with 'set network on' in the job, the
# job loads it.
# $1: the geoclaim binary; $2: a scratch folder, emptied first. Run from the source tree.
set -u
exe=$1
dir=$2
fail() { echo "FAIL: $*"; [ -f "$dir/server.log" ] && cat "$dir/server.log"; exit 1; }
rm -rf "$dir" && mkdir -p "$dir/www" || exit 1
cp testdata/formats/points.geojson "$dir/www/points.geojson" || exit 1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -u -m http.server "$port" --bind 127.0.0.1 --directory "$dir/www" >>"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT INT TERM
url="http://127.0.0.1:$port/points.geojson"
# Up once it answers (this request is the one the log may hold before the checks).
i=0
until python3 -c "import urllib.request; urllib.request.urlopen('$url', timeout=1)" 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 50 ] || fail "the HTTP server did not start"; sleep 0.1
done
: >"$dir/server.log"

cat > "$dir/curl.vrt" <<VRT
<OGRVRTDataSource><OGRVRTLayer name="points"><SrcDataSource>/vsicurl/$url</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>
VRT
cat > "$dir/url.vrt" <<VRT
<OGRVRTDataSource><OGRVRTLayer name="points"><SrcDataSource>$url</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>
VRT
job() {  # $1: name, $2: the path to load
  printf 'load pts from "%s"\nreport to "%s/out-%s"\n' "$2" "$dir" "$1" > "$dir/$1.gcl"
}
job curl "/vsicurl/$url"
job curl_vrt "$dir/curl.vrt"
job url_vrt "$dir/url.vrt"
{ echo "set network on"; cat "$dir/curl.gcl"; } > "$dir/allowed.gcl"
sed 's/out-curl/out-allowed/' "$dir/allowed.gcl" > "$dir/allowed.tmp" && mv "$dir/allowed.tmp" "$dir/allowed.gcl"
export NO_PROXY='*' no_proxy='*'  # a proxy of the environment must not stand in for the server

for name in curl curl_vrt url_vrt; do
  for command in run check; do
    err=$(timeout 60 "$exe" "$command" "$dir/$name.gcl" 2>&1 >/dev/null)
    code=$?
    [ "$code" -eq 3 ] || fail "$command $name exited $code without --allow-network, expected 3: $err"
    case $err in *"network access is off; allow it with 'set network on' in the job or geoclaim's --allow-network"*) ;;
      *) fail "$command $name: stderr does not say the network is off: $err" ;; esac
  done
done
grep -q "HTTP/" "$dir/server.log" && fail "the server was asked for something without --allow-network"

"$exe" run --allow-network "$dir/curl.gcl" >/dev/null || fail "run --allow-network of /vsicurl/ exited $?"
grep -q '"GET /points.geojson' "$dir/server.log" || fail "the server saw no request with --allow-network"
[ -f "$dir/out-curl/pts.geojson" ] || fail "the loaded layer was not written"
"$exe" check --allow-network "$dir/url_vrt.gcl" >/dev/null || fail "check --allow-network of the URL VRT exited $?"
: >"$dir/server.log"
"$exe" run "$dir/allowed.gcl" >/dev/null || fail "run of a job that says 'set network on' exited $?"
grep -q '"GET /points.geojson' "$dir/server.log" || fail "the server saw no request with 'set network on'"
[ -f "$dir/out-allowed/pts.geojson" ] || fail "the layer loaded with 'set network on' was not written"
: >"$dir/server.log"
"$exe" check "$dir/allowed.gcl" >/dev/null || fail "check of a job that says 'set network on' exited $?"
grep -q '"GET /points.geojson' "$dir/server.log" || fail "check with 'set network on' asked the server nothing"
echo "no request without --allow-network or 'set network on'; the layer loads with either"
