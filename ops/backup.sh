#!/usr/bin/env bash
# Back up the portal: a pg_dump (custom format), a tarball of the uploads (PRIVATE_MEDIA_ROOT;
# MEDIA_ROOT only holds copies of public images) and a manifest of what both hold, in one new
# folder. Usage: ops/backup.sh [FOLDER]
# Reads the same environment as the site (DATABASE_URL, PRIVATE_MEDIA_ROOT,
# DJANGO_SETTINGS_MODULE).
# BACKUP_DIR (default: backups/) is where dated folders go; BACKUP_KEEP_DAYS (default 30)
# removes older dated folders there. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
BACKUP_DIR="${BACKUP_DIR:-backups}"

target="${1:-$BACKUP_DIR/$(date -u +%Y-%m-%dT%H%M%SZ)}"
if [ -e "$target" ] && [ -n "$(ls -A "$target")" ]; then
    echo "backup: $target is not empty; choose a new folder." >&2
    exit 2
fi
umask 077  # residents' addresses and board documents: readable by this user only
mkdir -p "$target"

"$PYTHON" manage.py backup_manifest "$target/manifest.json" \
    --dump "$target/database.dump" --media-archive "$target/media.tar.gz"
(cd "$target" && sha256sum database.dump media.tar.gz manifest.json > SHA256SUMS)
echo "backup: written to $target"

if [ $# -eq 0 ] && [ "${BACKUP_KEEP_DAYS:-30}" -gt 0 ]; then
    find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20*' \
        -mtime +"${BACKUP_KEEP_DAYS:-30}" -exec rm -rf {} +
fi
