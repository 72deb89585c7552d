# Sourced by the PostGIS tests: starts a throw-away PostgreSQL cluster in a temporary folder,
# reached only through a unix socket in that folder (no TCP), and stops it on exit.
# Needs: $pgbin, the folder of PostgreSQL's initdb, pg_ctl, postgres and psql. Gives: $dir
# (the cluster's folder and the socket's host), $db_user (a superuser), psql (as that user),
# fail, and $work, a folder for the job and its results. Before sourcing, a script may define
# setup_hba, which writes lines to put first in pg_hba.conf (stdout).
# Run as root (as CI does), the server runs as `nobody`, since PostgreSQL refuses root.
dir=$(mktemp -d "${TMPDIR:-/tmp}/geoclaim-postgis.XXXXXX")
as_db() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as_db() { runuser -u nobody -- "$@"; }
fi
db_user=$(as_db id -un)
# The server's files are nobody's; the job and its results are ours.
work=$(mktemp -d "${TMPDIR:-/tmp}/geoclaim-postgis-job.XXXXXX")
stop() {
  as_db "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$work"
}
trap stop EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }

as_db "$pgbin/initdb" -D "$dir/data" -A trust -U "$db_user" --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log"; fail "initdb"; }
if command -v setup_hba >/dev/null 2>&1; then
  { setup_hba; cat "$dir/data/pg_hba.conf"; } > "$dir/hba.new" && as_db cp "$dir/hba.new" "$dir/data/pg_hba.conf" ||
    fail "pg_hba.conf"
fi
# listen_addresses='': no TCP at all, only the socket in $dir.
as_db "$pgbin/pg_ctl" -D "$dir/data" -w -t 20 -l "$dir/server.log" \
  -o "-c listen_addresses='' -k $dir -c fsync=off" start >/dev/null ||
  { cat "$dir/server.log"; fail "the server did not start"; }

psql() { as_db "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U "$db_user" "$@"; }
