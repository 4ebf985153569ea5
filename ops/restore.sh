#!/usr/bin/env bash
# Restore a backup of ops/backup.sh into an EMPTY database and an empty uploads folder, then
# check it against the backup's manifest. Usage: ops/restore.sh FOLDER
# DATABASE_URL names the database to restore into (create it first: createdb NAME),
# PRIVATE_MEDIA_ROOT the uploads folder. Exits non-zero when anything is missing. MEDIA_ROOT
# needs nothing: the portal copies public images there again when they are asked for.
# See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"

source="${1:?usage: ops/restore.sh BACKUP_FOLDER}"
: "${DATABASE_URL:?set DATABASE_URL to the (empty) database to restore into}"
: "${PRIVATE_MEDIA_ROOT:?set PRIVATE_MEDIA_ROOT to the (empty) uploads folder to restore into}"
for file in database.dump media.tar.gz manifest.json; do
    [ -f "$source/$file" ] || { echo "restore: $source/$file is missing." >&2; exit 2; }
done
if [ -f "$source/SHA256SUMS" ]; then
    (cd "$source" && sha256sum --quiet --check SHA256SUMS) \
        || { echo "restore: the backup files do not match SHA256SUMS." >&2; exit 2; }
fi

tables=$(psql "$DATABASE_URL" -tAc \
    "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
if [ "$tables" != "0" ]; then
    echo "restore: the database of DATABASE_URL is not empty ($tables tables); use a new one." >&2
    exit 2
fi
mkdir -p "$PRIVATE_MEDIA_ROOT"
if [ -n "$(ls -A "$PRIVATE_MEDIA_ROOT")" ]; then
    echo "restore: PRIVATE_MEDIA_ROOT ($PRIVATE_MEDIA_ROOT) is not empty; use a new folder." >&2
    exit 2
fi

pg_restore --no-owner --no-privileges --exit-on-error --dbname "$DATABASE_URL" \
    "$source/database.dump"
tar -xzf "$source/media.tar.gz" -C "$PRIVATE_MEDIA_ROOT"
"$PYTHON" manage.py verify_restore "$source/manifest.json"
