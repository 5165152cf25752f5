#!/usr/bin/env bash
# Restore drill: back up the drill site (pg_dump + media), wipe it (database,
# media, search indices), restore, rebuild the search index, and compare page,
# revision and access-request counts and the results of a fixed query set.
# Uses the database and Elasticsearch node of bench/load_drill.py (run that
# first, once, to create them); loopback only; stops the node it started.
#   bench/restore_drill.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB="${DRILL_DATABASE:-transparenca_drill}"
WORK="$REPO/.cache/drill/restore"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="restore-drill-$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
export SECURE_SSL_REDIRECT=0
export DATABASE_URL="postgres://postgres@127.0.0.1:5433/$DB"
export ELASTICSEARCH_URL="${DRILL_ES_URL:-http://127.0.0.1:9288}"
export SEARCH_INDEX_PREFIX=drill
export TRANSPARENCA_CACHE="$REPO/.cache/drill"
export MEDIA_ROOT="$REPO/.cache/drill/media"
export STATIC_ROOT="$REPO/.cache/drill/static"
PG=(-h 127.0.0.1 -p 5433 -U postgres)

case "$ELASTICSEARCH_URL" in
  *127.0.0.1:9200*|*localhost:9200*) echo "use a separate node, not the shared 9200" >&2; exit 1 ;;
esac

say() { printf '[restore %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
manage() { "$REPO/.venv/bin/python" "$REPO/manage.py" "$@"; }
step() { local start=$SECONDS; "$@"; say "  took $((SECONDS - start)) s"; }
rebuild_index() {
  if manage help rebuild_search_index >/dev/null 2>&1; then manage rebuild_search_index
  else manage update_index; fi
}

snapshot() {
  manage shell --no-imports -c '
import json
from wagtail.models import Page, Revision
from access_requests.models import AccessRequest
queries = ["buxhet", "rregullore", "taksat", "kuvendi", "konkurs", "budžet"]
live = Page.objects.live().public().filter(depth__gt=2)
print(json.dumps({
    "pages": Page.objects.count(),
    "live_pages": live.count(),
    "revisions": Revision.objects.count(),
    "access_requests": AccessRequest.objects.count(),
    "queries": {q: sorted(p.pk for p in live.search(q)[:50]) for q in queries},
}, indent=1, sort_keys=True))'
}

mkdir -p "$WORK"
"$REPO/scripts/postgres" start
"$REPO/scripts/elasticsearch" start
"$PG_BIN/psql" "${PG[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || { echo "no database $DB: run bench/load_drill.py once first" >&2; exit 1; }
trap '"$REPO/scripts/elasticsearch" stop >/dev/null 2>&1 || true' EXIT

say "snapshot before"
snapshot >"$WORK/before.json"

say "backup: pg_dump + media"
step "$PG_BIN/pg_dump" "${PG[@]}" -Fc -f "$WORK/db.dump" "$DB"
mkdir -p "$MEDIA_ROOT"  # the demo may have no uploads yet
step tar -C "$MEDIA_ROOT" -czf "$WORK/media.tar.gz" .
say "  dump $(du -h "$WORK/db.dump" | cut -f1), media $(du -h "$WORK/media.tar.gz" | cut -f1)"

say "wipe: database, media, search indices"
"$PG_BIN/dropdb" "${PG[@]}" "$DB"
rm -rf "$MEDIA_ROOT"
curl -fsS -X DELETE "$ELASTICSEARCH_URL/drill*" >/dev/null

say "restore"
step "$PG_BIN/createdb" "${PG[@]}" "$DB"
step "$PG_BIN/pg_restore" "${PG[@]}" -d "$DB" --no-owner "$WORK/db.dump"
mkdir -p "$MEDIA_ROOT" && step tar -C "$MEDIA_ROOT" -xzf "$WORK/media.tar.gz"
say "rebuild the search index"
step rebuild_index

say "snapshot after"
snapshot >"$WORK/after.json"
if diff -u "$WORK/before.json" "$WORK/after.json"; then
  say "IDENTICAL: counts and query results match ($WORK/before.json)"
  cat "$WORK/before.json" | head -8
else
  say "DIFFERENT: see the diff above"; exit 1
fi
