"""pg_trgm for matching Dutch compound words in the search index (PostgreSQL only).

The extension gives ``%>`` (word similarity); the two GIN indexes on the plain-text mirrors of
Wagtail's search index let that operator use an index. The names are the ones modelsearch's
``enable_trigram`` command uses, so running that command later changes nothing. On SQLite (and
with Elasticsearch, whose index is elsewhere) this migration does nothing.
"""

from django.db import migrations

INDEXES = {
    "modelsearch_title_text_trgm": "title_text",
    "modelsearch_body_text_trgm": "body_text",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} "  # noqa: S608 - constant names only
            f"ON wagtailsearch_indexentry USING gin ({column} gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
