"""Operations: backups (``backup.py``, ``backup.sh``) and restores (``restore.sh``,
``manage.py verify_restore``). See docs/operations.md."""
