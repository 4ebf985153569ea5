"""Database chores that are not about any one app."""

from django.db import connections


def analyze(using: str = "default") -> bool:
    """Refresh PostgreSQL's planner statistics (``ANALYZE``) after a bulk load: until then
    they describe the database as it was, and the planner may pick plans that take seconds
    (the demo's home page took 311 ms instead of 30 before one, one query 463 ms instead of
    5). Autovacuum gets there later, or never where it is off. Does nothing on another
    database (SQLite plans without such statistics). True when it ran."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True
