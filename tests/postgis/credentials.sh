#!/bin/sh
# A PG: password is in no output (issue 9: it was echoed in every error message and written
# into report.json, report.md and project.qgs), and libpq's PGPASSFILE and PGSERVICE work, so a
# job need not hold the password at all. A throw-away cluster (server.sh) where the role
# `analyst` must give its password (scram-sha-256) holds `sites` (3 points) and `big` (10,050
# points: more than geoclaim copies whole, so project.qgs references the table itself).
# $1: the geoclaim binary; $2: the folder of PostgreSQL's initdb, pg_ctl and postgres.
set -eu
exe=$1
pgbin=$2
secret='hunter2-s3cret'
setup_hba() { echo "local all analyst scram-sha-256"; }
. "$(dirname "$0")/server.sh"

psql -d postgres -c "CREATE DATABASE sites" || fail "createdb"
psql -d sites <<SQL || fail "creating the tables"
CREATE EXTENSION postgis;
CREATE ROLE analyst LOGIN PASSWORD '$secret';
CREATE TABLE sites (id integer PRIMARY KEY, name text, geom geometry(Point, 4326));
INSERT INTO sites VALUES
  (10, 'well a', ST_SetSRID(ST_MakePoint(40.10, 35.0), 4326)),
  (20, 'well b', ST_SetSRID(ST_MakePoint(40.20, 35.0), 4326)),
  (35, 'well c', ST_SetSRID(ST_MakePoint(40.35, 35.0), 4326));
CREATE TABLE big (id integer PRIMARY KEY, geom geometry(Point, 4326));
INSERT INTO big SELECT i, ST_SetSRID(ST_MakePoint(40 + i * 0.00001, 35.0), 4326) FROM generate_series(1, 10050) i;
GRANT SELECT ON sites, big TO analyst;
SQL

no_secret() {  # $1: what was searched, then the files
  what=$1
  shift
  if grep -l -- "$secret" "$@" 2>/dev/null; then fail "the password is in $what (the files above)"; fi
}
pg="PG:host=$dir dbname=sites user=analyst"

# 1. The password in the job: the run works, and no output file, stdout or stderr holds it.
cat > "$work/job.gcl" <<GCL
load sites from "$pg password=$secret tables=sites"
load big from "$pg password=$secret tables=big"
place p at 35.0, 40.2
claim near: every sites within 100 km of p
claim big_near: every big within 100 km of p
report to "$work/out"
GCL
"$exe" run "$work/job.gcl" >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr"; fail "the job exited $?"; }
no_secret "the output folder" "$work"/out/*
no_secret "stdout or stderr" "$work/stdout" "$work/stderr"
grep -q 'password=\*\*\*' "$work/out/report.json" || fail "report.json does not show the redacted password"
grep -q "$pg tables=big|layername=big" "$work/out/project.qgs" ||
  fail "project.qgs does not reference the whole table without the password"

# 2. Failing runs: a missing table, a wrong password, `check` and `info`; no stderr holds it.
sed "s/tables=sites/tables=nosuch/" "$work/job.gcl" > "$work/bad-table.gcl"
sed "s/$secret/$secret-wrong/g" "$work/job.gcl" > "$work/bad-password.gcl"
for job in bad-table bad-password; do
  if "$exe" run "$work/$job.gcl" >"$work/stdout" 2>"$work/stderr"; then fail "$job: the run succeeded"; fi
  grep -q 'password=\*\*\*' "$work/stderr" || { cat "$work/stderr"; fail "$job: stderr does not show the redacted password"; }
  "$exe" check "$work/$job.gcl" >>"$work/stdout" 2>>"$work/stderr" || true
  no_secret "the output of the failing $job run" "$work/stdout" "$work/stderr"
done
"$exe" info "$pg password=$secret-wrong tables=sites" >"$work/stdout" 2>"$work/stderr" && fail "info with a wrong password"
"$exe" info "$pg password=$secret tables=sites" >>"$work/stdout" 2>>"$work/stderr" || fail "info exited $?"
no_secret "the output of info" "$work/stdout" "$work/stderr"

# 3. Without a password in the job, the connection fails, unless PGPASSFILE supplies it.
cat > "$work/nopass.gcl" <<GCL
load sites from "$pg tables=sites"
place p at 35.0, 40.2
claim near: every sites within 100 km of p
report to "$work/out2"
GCL
if PGPASSFILE=/dev/null "$exe" run "$work/nopass.gcl" >/dev/null 2>&1; then fail "connected without a password"; fi
printf '*:*:sites:analyst:%s\n' "$secret" > "$work/pgpass"
chmod 600 "$work/pgpass"
PGPASSFILE="$work/pgpass" "$exe" run "$work/nopass.gcl" >/dev/null || fail "the PGPASSFILE run exited $?"
grep -q '"subject_feature": "35"' "$work/out2/claims.geojson" || fail "the PGPASSFILE run did not read the table"

# 4. A PGSERVICE entry names the server, the database and the role: "PG:service=sites".
printf '[sites]\nhost=%s\ndbname=sites\nuser=analyst\n' "$dir" > "$work/pg_service.conf"
sed 's|PG:[^"]*tables=sites|PG:service=sites tables=sites|' "$work/nopass.gcl" > "$work/service.gcl"
rm -rf "$work/out2"
PGSERVICEFILE="$work/pg_service.conf" PGPASSFILE="$work/pgpass" "$exe" run "$work/service.gcl" >/dev/null ||
  fail "the PG:service=sites run exited $?"
grep -q '"subject_feature": "35"' "$work/out2/claims.geojson" || fail "the service run did not read the table"
echo "no output holds the password; PGPASSFILE and PGSERVICE connect"
