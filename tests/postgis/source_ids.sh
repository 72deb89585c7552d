#!/bin/sh
# A PostGIS table's integer primary key is its features' ids (issue 8: a key named `id` could
# not be used as `id`, and the report numbered the features 1, 2, 3). A throw-away PostgreSQL
# cluster in a temporary folder, reached only through a unix socket in that folder (no TCP),
# holds `sites` with keys 10, 20, 35; a job loads it by default and with `id id`, and its
# claims.geojson and report.json must name the features 10, 20 and 35.
# $1: the geoclaim binary; $2: the folder of PostgreSQL's initdb, pg_ctl and postgres.
set -eu
exe=$1
pgbin=$2
. "$(dirname "$0")/server.sh"

psql -d postgres -c "CREATE DATABASE sites" || fail "createdb"
psql -d sites <<'SQL' || fail "creating the table"
CREATE EXTENSION postgis;
CREATE TABLE sites (id integer PRIMARY KEY, name text, geom geometry(Point, 4326));
INSERT INTO sites VALUES
  (10, 'well a', ST_SetSRID(ST_MakePoint(40.10, 35.0), 4326)),
  (20, 'well b', ST_SetSRID(ST_MakePoint(40.20, 35.0), 4326)),
  (35, 'well c', ST_SetSRID(ST_MakePoint(40.35, 35.0), 4326));
-- A yard around each site, keyed 110, 120, 135: the footprints an `attribute` names.
CREATE TABLE yards (id integer PRIMARY KEY, geom geometry(Polygon, 4326));
INSERT INTO yards SELECT id + 100, ST_Expand(geom, 0.001) FROM sites;
SQL

for option in "" " id id"; do
  cat > "$work/job.gcl" <<GCL
load sites from "PG:host=$dir dbname=sites user=$db_user tables=sites"$option
load yards from "PG:host=$dir dbname=sites user=$db_user tables=yards"$option
place p at 35.0, 40.2
claim each_near: each sites within 100 km of p
claim every_near: every sites within 100 km of p
attribute sites to yards within 1 km
report to "$work/out"
GCL
  "$exe" run "$work/job.gcl" || fail "the job${option:+ with$option} exited $?"
  ids=$(grep -o '"subject_feature": "[0-9]*"' "$work/out/claims.geojson" | grep -o '[0-9]*' | tr '\n' ' ')
  [ "$ids" = "10 20 35 35 " ] || fail "claims.geojson${option:+ with$option} names features '$ids', expected '10 20 35 35 '"
  # report.json's attributions: each site, and the yard it is in.
  report=$(grep -o '"\(subject_feature\|footprint\)": *"[0-9]*"' "$work/out/report.json" | grep -o '[0-9]*"$' |
    tr -d '"' | tr '\n' ' ')
  [ "$report" = "10 110 20 120 35 135 " ] ||
    fail "report.json${option:+ with$option} names features '$report', expected '10 110 20 120 35 135 '"
  grep -q '"id": 20' "$work/out/sites.geojson" || fail "the input copy lost the keys"
done
echo "PostGIS keys 10, 20, 35 kept as the feature ids"
